import type { ScreeningResult } from '../screening/engine.ts';
import { issueLine } from '../screening/layer-check.ts';
import { fmtHa, fmtM2, fmtMu } from './figures.ts';
import {
  SECTION_TEXT,
  type SectionLayer,
  sectionStateText,
  sectionStatusText,
  sectionsFor,
  verdictZoneText,
} from './sections.ts';
import { beijingTime, withBeijingTimes } from './time.ts';
import { BADGE_TEXT, type Badge, type CheckedProject, type DatasetInfo } from './types.ts';

export const CSV_COLUMNS = [
  'row',
  'layer_id',
  'layer_zh',
  'feature_id',
  'zone_id',
  'name',
  'zone_type',
  'overlap_m2',
  'overlap_ha',
  'overlap_mu',
  'share_of_project',
  'dataset_version',
  'badge',
  'warnings',
  'status',
  'verdict',
  'rule',
  'source',
  'checked_at',
] as const;

/** One CSV cell: a leading = + - @ tab or CR would be a formula in a spreadsheet, so it is quoted as text. */
export function csvCell(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV text from rows: UTF-8 BOM for Excel, cells by csvCell, CRLF after every row. */
export function csvText(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const badgeCell = (b: Badge | undefined): string => (b ? BADGE_TEXT[b].zh : '');

/**
 * One row per overlapped feature, then a total row per layer, then per layer section (web/domain/report/sections.ts:
 * red line, 永久基本农田, 城镇开发边界, other protected layers, and those not loaded) a `section` row with its status,
 * where the project lies or why no verdict, and its rules' sources, followed by its `verdict` rows (verdict, rule,
 * source), and the project row with the check's time in Beijing time; UTF-8 with a BOM for Excel, CRLF line ends.
 * `badge` is the layer's badge as of the check (示意 / 用户数据 / empty); `warnings`, on a layer's total row, what
 * the layer check found (e.g. invalid geometry), each as “zh / en”, separated by “ | ”.
 */
export function resultsCsv(
  project: CheckedProject,
  result: ScreeningResult,
  datasets: DatasetInfo[],
  opts: { notChecked?: readonly SectionLayer[]; checkedAt?: string | null } = {},
): string {
  const rows: (string | number | null)[][] = [[...CSV_COLUMNS]];
  const ds = new Map(datasets.map((d) => [d.layerId, d]));
  for (const o of result.overlaps) {
    const d = ds.get(o.layerId);
    rows.push([
      'feature',
      o.layerId,
      d?.nameZh ?? '',
      o.featureId,
      o.zoneId,
      o.name,
      o.zoneType,
      fmtM2(o.areaM2),
      fmtHa(o.areaM2),
      fmtMu(o.areaM2),
      o.share.toFixed(6),
      withBeijingTimes(d?.version ?? ''),
      badgeCell(d?.badge),
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  for (const l of result.layers) {
    const d = ds.get(l.layerId);
    rows.push([
      'layer-total',
      l.layerId,
      d?.nameZh ?? l.nameZh,
      '',
      '',
      '',
      d?.zoneType ?? '',
      fmtM2(l.overlapAreaM2),
      fmtHa(l.overlapAreaM2),
      fmtMu(l.overlapAreaM2),
      l.share.toFixed(6),
      withBeijingTimes(d?.version ?? ''),
      badgeCell(d?.badge),
      l.warnings.map(issueLine).join(' | '),
      '',
      '',
      '',
      '',
      '',
    ]);
  }
  for (const sec of sectionsFor(result, datasets, opts.notChecked)) {
    const d = ds.get(sec.layerId);
    const fig = (m2: number | null) =>
      m2 === null ? (['', '', ''] as const) : ([fmtM2(m2), fmtHa(m2), fmtMu(m2)] as const);
    rows.push([
      'section',
      sec.layerId,
      sec.nameZh,
      '',
      '',
      sec.titleZh,
      sec.kind,
      ...fig(sec.overlapAreaM2),
      sec.share === null ? '' : sec.share.toFixed(6),
      withBeijingTimes(d?.version ?? ''),
      badgeCell(sec.badge),
      '',
      sectionStatusText(sec).zh,
      sectionStateText(sec).zh,
      '',
      sec.sources.join('；'),
      '',
    ]);
    for (const v of sec.verdicts) {
      rows.push([
        'verdict',
        sec.layerId,
        sec.nameZh,
        '',
        '',
        verdictZoneText(v).zh,
        v.zoneType,
        ...fig(v.areaM2),
        (v.areaM2 / result.projectAreaM2).toFixed(6),
        withBeijingTimes(d?.version ?? ''),
        badgeCell(sec.badge),
        '',
        '',
        v.verdictZh,
        v.rule.zh,
        v.rule.source,
        '',
      ]);
    }
  }
  rows.push([
    'project',
    '',
    '',
    '',
    '',
    project.name,
    project.type,
    fmtM2(result.projectAreaM2),
    fmtHa(result.projectAreaM2),
    fmtMu(result.projectAreaM2),
    '1',
    '',
    '',
    '',
    '',
    result.projectType ? result.projectType.zh : SECTION_TEXT.noType.zh,
    '',
    '',
    beijingTime(opts.checkedAt ?? null),
  ]);
  return csvText(rows);
}
