/** The CLI's text output of a screening result (stdout) and its message lines (stderr). */
import { formatAreaEn, formatAreaZh } from '../../web/domain/geo/units.ts';
import {
  type LayerSection,
  SECTION_TEXT,
  sectionStatusText,
  verdictZoneText,
} from '../../web/domain/report/sections.ts';
import type { ScreeningResult } from '../../web/domain/screening/engine.ts';

/** Any message the CLI passes on: importer, layer check or project validation. */
export interface Said {
  severity: 'error' | 'warning' | 'info';
  zh: string;
  en: string;
}

const MARK = { error: '✗', warning: '!', info: 'i' } as const;

/** One line per message, Chinese then English: the texts the app shows, unchanged. */
export const messageLine = (m: Said): string => `${MARK[m.severity]} ${m.zh} / ${m.en}`.replace(/\n/g, ' ');

const BADGE = { schematic: '（示意 schematic）', user: '（用户数据 user data）' } as const;

export function textReport(
  r: ScreeningResult,
  badges: Map<string, 'schematic' | 'user' | null>,
  sections: LayerSection[],
): string[] {
  const out: string[] = [];
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  out.push(
    `项目面积 Project area: ${formatAreaZh(r.projectAreaM2)} · ${formatAreaEn(r.projectAreaM2)} (${r.projectAreaM2.toFixed(1)} m²)`,
  );
  for (const l of r.layers) {
    const badge = badges.get(l.layerId);
    out.push('');
    out.push(
      `[${l.layerId}] ${l.nameZh ?? ''}${badge ? BADGE[badge] : ''} ${l.version ? `(${l.version})` : ''}`.trimEnd(),
    );
    if (l.warnings.length > 0) out.push(`  ! ${l.warnings.length} warning(s) for this layer: see above`);
    if (l.overlapFeatureCount === 0) {
      out.push(
        l.warnings.length > 0 ? '  无压占（见警告）No overlap (see warnings).' : '  无压占 No overlap.',
      );
      if (l.nearest)
        out.push(
          `  最近边界 Nearest boundary: ${l.nearest.distanceM.toFixed(1)} m (feature ${l.nearest.featureId})`,
        );
    } else {
      for (const o of r.overlaps.filter((x) => x.layerId === l.layerId)) {
        out.push(
          `  ${o.name ? `${o.name} (${o.featureId})` : `编号 ID ${o.featureId}`}${o.zoneId ? ` ${o.zoneId}` : ''} [${o.zoneType}]: ${o.areaM2.toFixed(1)} m² = ${o.area.ha.toFixed(2)} 公顷 = ${o.area.mu.toFixed(2)} 亩, ${pct(o.share)} of project`,
        );
      }
      out.push(
        `  合计 Total: ${formatAreaZh(l.overlapAreaM2)} · ${pct(l.share)} of project (${l.overlapFeatureCount} features)`,
      );
    }
    for (const b of r.buffers.filter((x) => x.layerId === l.layerId)) {
      const list = b.features.map((f) => `${f.featureId} (${f.distanceM.toFixed(0)} m)`).join(', ');
      out.push(
        `  ${b.distanceM} m 范围内 within: ${b.features.length}${list ? ` — ${list.slice(0, 300)}` : ''}`,
      );
    }
  }
  out.push(
    '',
    r.projectType
      ? `项目类型 Project type: ${r.projectType.zh} / ${r.projectType.en}`
      : `项目类型 Project type: ${SECTION_TEXT.noType.zh} / ${SECTION_TEXT.noType.en}`,
  );
  out.push(...sectionLines(sections));
  out.push('', `方法 Method: ${r.method.area}; ${r.method.clip}; ${r.method.distance}.`);
  return out;
}

/** One block per layer section (web/domain/report/sections.ts): status, position, verdicts with their rules, sources. */
export function sectionLines(sections: LayerSection[]): string[] {
  const out: string[] = [];
  for (const s of sections) {
    const st = sectionStatusText(s);
    out.push(
      '',
      `【${s.titleZh} ${s.titleEn}】 [${s.layerId}] ${s.nameZh}${s.badge ? BADGE[s.badge] : ''} — ${st.zh} / ${st.en}`,
    );
    if (s.position)
      out.push(`  ${SECTION_TEXT.position[s.position].zh} / ${SECTION_TEXT.position[s.position].en}`);
    for (const v of s.verdicts) {
      const z = verdictZoneText(v);
      out.push(
        `  ${z.zh}: ${v.verdictZh} / ${v.verdictEn} (${v.areaM2.toFixed(1)} m²)`,
        `    依据 ${v.rule.source}: ${v.rule.zh}`,
        `    ${v.rule.en}`,
      );
    }
    if (s.note) out.push(`  ${s.note.zh} / ${s.note.en}`);
    out.push(`  规则来源 Sources: ${s.sources.join('；')}`);
    for (const x of s.simplified) out.push(`  简化 Simplified: ${x.zh} / ${x.en}`);
  }
  return out;
}
