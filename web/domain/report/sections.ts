import type { ScreeningResult } from '../screening/engine.ts';
import {
  isProjectType,
  type ProjectTypeId,
  type Rule,
  regimeOf,
  VERDICT_LABELS,
  type Verdict,
  verdictFor,
  ZONE_TYPES,
} from '../screening/rules.ts';
import { type TownPosition, townPosition, townVerdicts } from '../screening/rules-town.ts';
import type { Badge, DatasetInfo } from './types.ts';

/**
 * One section per screening layer — the red line, 永久基本农田, 城镇开发边界, other protected layers — with its
 * figures, its verdicts under its own rule table and the sources of those rules. The app's result table, the
 * printed report, the CSV, the record, the GeoJSON export and the CLI all take their sections from
 * `screeningSections`, so they say the same thing for the same check.
 */

export type SectionKind = 'redline' | 'farmland' | 'town' | 'other';

type Text = { zh: string; en: string };

const RED_142 = '自然资发〔2022〕142号《关于加强生态保护红线管理的通知（试行）》';

/** What each kind of section is, the official texts its rules rest on, and how the table simplifies them. */
export const SECTION_KINDS: Record<SectionKind, Text & { sources: string[]; simplified: Text }> = {
  redline: {
    zh: '生态保护红线',
    en: 'Ecological protection red line',
    sources: [RED_142],
    simplified: {
      zh: '核心保护区原则上禁止人为活动；表中没有的管控类型按生态保护红线一般规则处理；湿地保护法、防沙治沙法等其他法律可能附加的限制未纳入。',
      en: 'Core zones prohibit human activity in principle; zone types not in the table are treated as general red line; further restrictions of other laws (wetlands, desertification) are not modelled.',
    },
  },
  farmland: {
    zh: '永久基本农田',
    en: 'Permanent basic farmland',
    sources: [
      '《土地管理法》（2019修正）第三十五条、第三十七条',
      '自然资规〔2019〕1号《关于加强和改进永久基本农田保护工作的通知》',
      '自然资办发〔2023〕12号《关于支持光伏发电产业发展规范用地管理有关工作的通知》',
    ],
    simplified: {
      zh: '按项目类型判定，不核查项目是否列入国家重点建设项目清单；占补平衡只提示补划义务，不计算补划面积。',
      en: 'Decided by project type, without checking whether the project is on a national key-project list; 占补平衡 names the duty to replace the farmland, it does not compute the area to replace.',
    },
  },
  town: {
    zh: '城镇开发边界',
    en: 'Town development boundary',
    sources: [
      '中发〔2019〕18号《关于建立国土空间规划体系并监督实施的若干意见》',
      '中办发〔2019〕48号《关于在国土空间规划中统筹划定落实三条控制线的指导意见》',
      '自然资发〔2023〕193号《关于做好城镇开发边界管理的通知（试行）》',
    ],
    simplified: {
      zh: '重叠面积在此表示项目位于边界内的部分：位于边界内、部分位于边界内或位于边界外决定审批路径，不是禁止与否；边界外的用途分区未纳入。',
      en: 'Here the overlap is the part of the project inside the boundary: inside, partly inside or outside decides the approval path, not a prohibition; the use zones outside the boundary are not modelled.',
    },
  },
  other: {
    zh: '其他保护图层',
    en: 'Other protected layer',
    sources: [RED_142],
    simplified: {
      zh: '按要素的管控类型适用生态保护红线规则（142号）；其他专门法律的限制未纳入。',
      en: 'The red-line rules (No. 142) are applied by each feature’s zone type; restrictions of other laws are not modelled.',
    },
  },
};

/** The sentences a section says instead of, or besides, verdicts: one wording for the app, the CSV and the CLI. */
export const SECTION_TEXT = {
  notLoaded: {
    zh: '未加载：本图层未检查（不代表不重叠）。请在图层信息中加载官方数据。',
    en: 'Not loaded: this layer was not checked (this does not mean no overlap). Load the official data in the layer’s info.',
  },
  noType: {
    zh: '未选择项目类型：未给出管控结论。',
    en: 'No project type chosen: no verdict given.',
  },
  noOverlap: (k: Text): Text => ({
    zh: `项目与${k.zh}不重叠，不适用其管控规则。`,
    en: `The project does not overlap the ${k.en.toLowerCase()}; its rules do not apply.`,
  }),
  statusChecked: { zh: '已检查', en: 'checked' },
  statusNotLoaded: { zh: '未加载（未检查）', en: 'not loaded (not checked)' },
  position: {
    inside: { zh: '项目位于城镇开发边界内', en: 'The project lies inside the town development boundary' },
    partly: {
      zh: '项目部分位于城镇开发边界内',
      en: 'The project lies partly inside the town development boundary',
    },
    outside: { zh: '项目位于城镇开发边界外', en: 'The project lies outside the town development boundary' },
  } satisfies Record<TownPosition, Text>,
  part: {
    inside: { zh: '边界内部分', en: 'part inside' },
    outside: { zh: '边界外部分', en: 'part outside' },
  },
} as const;

/** A screening layer as a section needs it: the checked ones come from the result, the others from here. */
export interface SectionLayer {
  layerId: string;
  nameZh: string;
  nameEn: string;
  /** the zone type the layer's features carry when they carry none; decides the section's kind */
  zoneType: string;
  badge: Badge;
}

export interface SectionVerdict {
  zoneType: string;
  zoneTypeZh: string;
  zoneTypeEn: string;
  /** the town boundary: which part of the project the path is for */
  part: 'inside' | 'outside' | null;
  verdict: Verdict;
  verdictZh: string;
  verdictEn: string;
  rule: Rule;
  areaM2: number;
}

export interface LayerSection {
  layerId: string;
  nameZh: string;
  nameEn: string;
  badge: Badge;
  kind: SectionKind;
  titleZh: string;
  titleEn: string;
  status: 'checked' | 'not-loaded';
  /** the official texts this section's rules rest on */
  sources: string[];
  /** plain statements of where the rules are simplified: the kind's, then those of the rules used */
  simplified: Text[];
  featureCount: number | null;
  overlapFeatureCount: number | null;
  overlapAreaM2: number | null;
  share: number | null;
  /** the town boundary only: where the project lies */
  position: TownPosition | null;
  verdicts: SectionVerdict[];
  /** why there is no verdict (not loaded, no type, no overlap), or null */
  note: ({ code: 'not-loaded' | 'no-type' | 'no-overlap' } & Text) | null;
}

const ORDER: SectionKind[] = ['redline', 'farmland', 'town', 'other'];

export function sectionKindOf(zoneType: string): SectionKind {
  if (zoneType === 'redline') return 'redline';
  const regime = regimeOf(zoneType);
  return regime === 'farmland' || regime === 'town' ? regime : 'other';
}

const zoneNames = (id: string): Text => {
  const z = ZONE_TYPES.find((x) => x.id === id);
  return z
    ? { zh: z.zh, en: z.en }
    : { zh: `${id}（按生态保护红线一般规则）`, en: `${id} (treated as general red line)` };
};

/**
 * The sections of a check, red line first, then 永久基本农田, 城镇开发边界 and the other protected layers (registry
 * order within a kind). `notChecked` are the screening layers the check could not read (not loaded): each is listed
 * as not checked, never as "no overlap". Without a declared project type the figures are given and no verdict.
 */
export function screeningSections(
  result: ScreeningResult,
  opts: { badges?: ReadonlyMap<string, Badge>; notChecked?: readonly SectionLayer[] } = {},
): LayerSection[] {
  const pt: ProjectTypeId | null =
    result.projectType && isProjectType(result.projectType.id) ? result.projectType.id : null;
  const sections: LayerSection[] = [];
  for (const l of result.layers) {
    const zoneType = l.zoneType ?? 'redline';
    const kind = sectionKindOf(zoneType);
    const k = SECTION_KINDS[kind];
    const overlaps = result.overlaps.filter((o) => o.layerId === l.layerId);
    const position = kind === 'town' ? townPosition(result.projectAreaM2, l.overlapAreaM2) : null;
    const verdicts: SectionVerdict[] = [];
    if (pt && kind === 'town') {
      for (const v of townVerdicts(pt, result.projectAreaM2, l.overlapAreaM2)) {
        const label = VERDICT_LABELS[v.verdict];
        verdicts.push({
          zoneType,
          zoneTypeZh: zoneNames(zoneType).zh,
          zoneTypeEn: zoneNames(zoneType).en,
          part: v.part,
          verdict: v.verdict,
          verdictZh: label.zh,
          verdictEn: label.en,
          rule: v.rule,
          areaM2: v.areaM2,
        });
      }
    } else if (pt) {
      const byZone = new Map<string, SectionVerdict>();
      for (const o of overlaps) {
        const zt = regimeOf(o.zoneType) === 'town' ? 'redline' : o.zoneType;
        let v = byZone.get(zt);
        if (!v) {
          const z = verdictFor(pt, zt);
          v = {
            zoneType: zt,
            zoneTypeZh: z.zoneTypeZh,
            zoneTypeEn: z.zoneTypeEn,
            part: null,
            verdict: z.verdict,
            verdictZh: z.verdictZh,
            verdictEn: z.verdictEn,
            rule: z.rule,
            areaM2: 0,
          };
          byZone.set(zt, v);
        }
        v.areaM2 += o.areaM2;
      }
      verdicts.push(
        ...[...byZone.values()].sort(
          (a, b) => VERDICT_LABELS[b.verdict].severity - VERDICT_LABELS[a.verdict].severity,
        ),
      );
    }
    const note: LayerSection['note'] = !pt
      ? { code: 'no-type', ...SECTION_TEXT.noType }
      : verdicts.length === 0
        ? { code: 'no-overlap', ...SECTION_TEXT.noOverlap({ zh: l.nameZh ?? k.zh, en: l.nameEn ?? k.en }) }
        : null;
    sections.push({
      layerId: l.layerId,
      nameZh: l.nameZh ?? l.layerId,
      nameEn: l.nameEn ?? l.layerId,
      badge: opts.badges?.get(l.layerId) ?? null,
      kind,
      titleZh: k.zh,
      titleEn: k.en,
      status: 'checked',
      sources: k.sources,
      simplified: simplifiedOf(k.simplified, verdicts),
      featureCount: l.featureCount,
      overlapFeatureCount: l.overlapFeatureCount,
      overlapAreaM2: l.overlapAreaM2,
      share: l.share,
      position,
      verdicts,
      note,
    });
  }
  for (const n of opts.notChecked ?? []) {
    const kind = sectionKindOf(n.zoneType);
    const k = SECTION_KINDS[kind];
    sections.push({
      layerId: n.layerId,
      nameZh: n.nameZh,
      nameEn: n.nameEn,
      badge: n.badge,
      kind,
      titleZh: k.zh,
      titleEn: k.en,
      status: 'not-loaded',
      sources: k.sources,
      simplified: [k.simplified],
      featureCount: null,
      overlapFeatureCount: null,
      overlapAreaM2: null,
      share: null,
      position: null,
      verdicts: [],
      note: { code: 'not-loaded', ...SECTION_TEXT.notLoaded },
    });
  }
  // stable: registry order within a kind
  return sections
    .map((s, i) => ({ s, i }))
    .sort((a, b) => ORDER.indexOf(a.s.kind) - ORDER.indexOf(b.s.kind) || a.i - b.i)
    .map((x) => x.s);
}

function simplifiedOf(kind: Text, verdicts: SectionVerdict[]): Text[] {
  const out = [kind];
  for (const v of verdicts)
    if (v.rule.simplified && !out.some((t) => t.zh === v.rule.simplified?.zh)) out.push(v.rule.simplified);
  return out;
}

/** A section's status in words (CSV, CLI). */
export const sectionStatusText = (s: LayerSection): Text =>
  s.status === 'checked' ? SECTION_TEXT.statusChecked : SECTION_TEXT.statusNotLoaded;

/** The verdict's zone in words, with the part of the project for the town boundary. */
export const verdictZoneText = (v: SectionVerdict): Text =>
  v.part
    ? {
        zh: `${v.zoneTypeZh}（${SECTION_TEXT.part[v.part].zh}）`,
        en: `${v.zoneTypeEn} (${SECTION_TEXT.part[v.part].en})`,
      }
    : { zh: v.zoneTypeZh, en: v.zoneTypeEn };

/** The sections of a check as the app ran it: badges from its datasets, the layers it could not read. */
export const sectionsFor = (
  result: ScreeningResult,
  datasets: readonly Pick<DatasetInfo, 'layerId' | 'badge'>[],
  notChecked: readonly SectionLayer[] = [],
): LayerSection[] =>
  screeningSections(result, { badges: new Map(datasets.map((d) => [d.layerId, d.badge])), notChecked });

/** A section's one-line state: where the project lies (town boundary) and why no verdict, if so. */
export const sectionStateText = (s: LayerSection): Text => {
  const parts = [s.position ? SECTION_TEXT.position[s.position] : null, s.note].filter(
    (x): x is Text => x !== null,
  );
  return { zh: parts.map((x) => x.zh).join('；'), en: parts.map((x) => x.en).join('; ') };
};

/** A section as data for the record and the GeoJSON export: ids, codes, figures and sources, no prose. */
export const sectionRecord = (s: LayerSection) => ({
  layerId: s.layerId,
  kind: s.kind,
  status: s.status,
  badge: s.badge,
  overlapAreaM2: s.overlapAreaM2,
  share: s.share,
  position: s.position,
  verdicts: s.verdicts.map((v) => ({
    zoneType: v.zoneType,
    part: v.part,
    verdict: v.verdict,
    rule: v.rule.id,
    source: v.rule.source,
    areaM2: v.areaM2,
  })),
  note: s.note?.code ?? null,
  sources: s.sources,
});
