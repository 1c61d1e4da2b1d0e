/**
 * A check run on the workspace server as a CSV to file with the project: one row per overlapped feature, the
 * total, then the record (check number, time in Beijing time, layer version, report hash, engine). Cells by
 * csvText (formula-looking text is quoted as text), figures by report/figures.ts, as every other export.
 */
import { csvText } from '../report/csv.ts';
import { fmtHa, fmtM2, fmtMu, fmtShare } from '../report/figures.ts';
import { beijingTime } from '../report/time.ts';
import { VERDICT_LABELS } from '../screening/rules.ts';
import type { ServerCheck } from './api-types.ts';

const verdictText = (v: string | undefined): string =>
  v && v in VERDICT_LABELS ? VERDICT_LABELS[v as keyof typeof VERDICT_LABELS].zh : '';

export function serverCheckCsv(
  check: ServerCheck,
  layerName: string,
  project: { name: string; type: string | null },
): string {
  const rows: (string | number | null)[][] = [
    [
      '图层 layer',
      '版本 version',
      '要素 feature',
      '名称 name',
      'm²',
      '公顷 ha',
      '亩 mu',
      '占项目 share',
      '结论 verdict',
    ],
  ];
  for (const o of check.overlaps) {
    rows.push([
      layerName,
      check.version,
      o.featureId,
      o.name,
      fmtM2(o.areaM2),
      fmtHa(o.areaM2),
      fmtMu(o.areaM2),
      fmtShare(o.share),
      verdictText(o.verdict),
    ]);
  }
  rows.push([
    layerName,
    check.version,
    '合计 total',
    `${check.overlaps.length}`,
    fmtM2(check.overlapM2),
    fmtHa(check.overlapM2),
    fmtMu(check.overlapM2),
    fmtShare(check.overlapM2 / check.projectAreaM2),
    '',
  ]);
  rows.push([]);
  rows.push([
    '项目 project',
    project.name,
    '类型 type',
    project.type ?? '',
    '项目面积 m²',
    fmtM2(check.projectAreaM2),
  ]);
  rows.push(['审查编号 check', check.id, '时间 time', beijingTime(check.at, 'zh', { seconds: true })]);
  rows.push(['报告哈希 report SHA-256', check.reportSha256]);
  rows.push([
    '引擎 engine',
    `${check.engine.server}; ${check.engine.postgis}`,
    '方法 method',
    check.engine.method,
  ]);
  return csvText(rows);
}
