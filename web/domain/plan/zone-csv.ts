/**
 * A zone's tasks and indicators as one CSV (the zone panel's 导出 CSV): a few header rows (zone, date, plan, the
 * honesty notes), then one row per task of zoneTasks and one per indicator of zoneIndicators, each block under its
 * own column row. Cells, BOM and CRLF as the screening CSV (report/csv.ts). Pure.
 */
import { csvText } from '../report/csv.ts';
import { BADGE_TEXT, type Badge } from '../report/types.ts';
import { REGION_ID } from './gazetteer.ts';
import type { Observation } from './observations.ts';
import { importedWords } from './planner-observations.ts';
import type { IndicatorStatus } from './status.ts';
import type { GazetteerEntry, PlanData } from './types.ts';
import { type ZoneIndicatorRow, zoneIndicators } from './zone-indicators.ts';
import { type ZoneTask, zoneTasks } from './zone-tasks.ts';

type Lang = 'zh' | 'en';
type Gaz = ReadonlyMap<string, GazetteerEntry>;

export const ZONE_CSV_TASK_COLUMNS = [
  'record',
  'task_id',
  'chapter',
  'section',
  'title',
  'list',
  'link_kind',
  'link_words',
  'places',
] as const;

export const ZONE_CSV_INDICATOR_COLUMNS = [
  'record',
  'indicator_id',
  'name',
  'unit',
  'scope_kind',
  'scope',
  'targets',
  'status_for',
  'latest_year',
  'latest_value',
  'source',
  'sample',
  'status',
  'status_reason',
] as const;

export interface ZoneCsvOptions {
  /** The day of the export, e.g. 2026-11-30 (the caller's clock; the domain reads none). */
  date: string;
  lang?: Lang;
  /** The badge of the zone's layer (layers/badge.ts featureBadge): 示意 or 用户数据 is said in the header. */
  badge?: Badge;
  /** Words for a status and its reason (the app's catalogue); codes when absent. */
  statusWords?: (s: IndicatorStatus) => { status: string; reason: string };
}

const NOTES = {
  schematic: {
    zh: '本区域所在图层为示意（据公开描述绘制，非测绘数据），边界不可用于审批。',
    en: 'This zone’s layer is schematic (drawn from public descriptions, not surveyed); its outline is not for approvals.',
  },
  user: { zh: '本区域来自用户数据文件。', en: 'This zone comes from the user’s own data file.' },
  sample: {
    zh: 'sample 列为“示例”的数值为示例数据，不是统计数据，状态仅用于演示规则。',
    en: 'Values marked 示例 in the sample column are sample data, not statistics; their status only shows the rule.',
  },
  links: {
    zh: 'link_kind：region 全区任务；named 直接点名；group 经由合称；inside 区内地点；crosses 部分在区内。',
    en: 'link_kind: region = region-wide task; named = names the zone; group = through a group; inside = a place within; crosses = a place partly within.',
  },
  regionWide: {
    zh: 'scope_kind 为 regionWide 的指标是自治区整体目标，不是本区域的分解目标；状态为全区状态。',
    en: 'Indicators with scope_kind regionWide are targets for the region as a whole, not of this zone; statuses are the region’s.',
  },
} as const;

export function zoneCsv(
  plan: Pick<PlanData, 'tasks' | 'indicators' | 'title'>,
  gazetteer: Gaz,
  observations: readonly Observation[],
  zoneId: string,
  asOfYear: number,
  opts: ZoneCsvOptions,
): string {
  const lang = opts.lang ?? 'zh';
  const name = (id: string) => gazetteer.get(id)?.[lang] ?? id;
  const names = (ids: readonly string[]) => ids.map(name).join(' | ');
  const tasks = zoneTasks(plan, gazetteer, zoneId);
  const { local, regionWide } = zoneIndicators(plan, gazetteer, observations, zoneId, asOfYear);
  const indicatorRows = [...local, ...regionWide];
  const anySample = indicatorRows.some((r) => r.status.sample);

  const rows: (string | number | null)[][] = [
    ['zone', zoneId, name(zoneId), opts.badge ? BADGE_TEXT[opts.badge][lang] : ''],
    ['date', opts.date, `as of ${asOfYear}`],
    ['plan', plan.title],
  ];
  if (opts.badge) rows.push(['note', NOTES[opts.badge][lang]]);
  if (anySample) rows.push(['note', NOTES.sample[lang]]);
  if (regionWide.length > 0) rows.push(['note', NOTES.regionWide[lang]]);
  rows.push(['note', NOTES.links[lang]]);

  rows.push([...ZONE_CSV_TASK_COLUMNS]);
  const taskRow = (zt: ZoneTask, list: string) => {
    const words = new Set<string>();
    const places = new Set<string>();
    for (const l of zt.links) {
      for (const m of l.mentions) words.add(m.head ? `${m.text}…${m.head.text}` : m.text);
      if (l.kind !== 'region') places.add(l.place ?? l.through);
    }
    const t = zt.task;
    return [
      'task',
      t.id,
      // English titles are the project's unofficial translation (plan.titlesEn); the text itself stays Chinese
      lang === 'en' ? (t.chapterEn ?? t.chapter) : t.chapter,
      lang === 'en' ? (t.sectionEn ?? t.section) : t.section,
      lang === 'en' ? (t.titleEn ?? t.title) : t.title,
      list,
      zt.kind,
      [...words].join(' | '),
      names([...places]),
    ];
  };
  for (const zt of tasks.naming) rows.push(taskRow(zt, 'naming'));
  for (const zt of tasks.within) rows.push(taskRow(zt, 'within'));

  rows.push([...ZONE_CSV_INDICATOR_COLUMNS]);
  const indicatorRow = (row: ZoneIndicatorRow, statusFor: string, s: IndicatorStatus) => {
    const ind = row.indicator;
    const words = opts.statusWords?.(s) ?? { status: s.status, reason: s.reason };
    return [
      'indicator',
      ind.id,
      lang === 'zh' ? ind.name : ind.en,
      ind.unit,
      row.kind,
      row.scopeGroup ? name(row.scopeGroup) : names(row.scope),
      ind.targets.map((tg) => `${tg.year ?? ''} ${tg.phrase}`.trim()).join(' | '),
      statusFor,
      s.latest?.year ?? '',
      s.latest?.value ?? '',
      s.latest?.imported
        ? `${s.latest.source} (${importedWords(s.latest.imported)[lang]})`
        : (s.latest?.source ?? ''),
      s.sample ? BADGE_SAMPLE : '',
      words.status,
      words.reason,
    ];
  };
  for (const row of indicatorRows) {
    const whole = row.statusZone ? name(row.statusZone) : row.kind === 'regionWide' ? name(REGION_ID) : '';
    rows.push(indicatorRow(row, whole, row.status));
    for (const z of row.perZone) rows.push(indicatorRow(row, name(z.zoneId), z.status));
  }
  return csvText(rows);
}

const BADGE_SAMPLE = '示例';

/** The file name of a zone's CSV: `<zone-id>-plan.csv`. */
export const zoneCsvFileName = (zoneId: string) => `${zoneId}-plan.csv`;
