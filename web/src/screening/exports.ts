import type { Feature, FeatureCollection } from 'geojson';
import type { ScreeningResult } from '../../domain/screening/engine.ts';
import { fmtHa, fmtM2, fmtMu } from './format.ts';
import type { DatasetInfo, ScreeningDraft } from './screening-slice.ts';

const csvCell = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // a leading = + - @ would be a formula in a spreadsheet: quote it as text
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One row per overlapped feature, then a total row per layer and the project row; UTF-8 with BOM for Excel. */
export function resultsCsv(draft: ScreeningDraft, result: ScreeningResult, datasets: DatasetInfo[]): string {
  const rows: (string | number | null)[][] = [
    [
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
      'schematic',
    ],
  ];
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
      d?.version ?? '',
      d?.schematic ? '示意' : '',
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
      d?.version ?? '',
      d?.schematic ? '示意' : '',
    ]);
  }
  rows.push([
    'project',
    '',
    '',
    '',
    '',
    draft.name,
    draft.type,
    fmtM2(result.projectAreaM2),
    fmtHa(result.projectAreaM2),
    fmtMu(result.projectAreaM2),
    '1',
    '',
    '',
  ]);
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The project outline and every overlap piece with its figures; the check's metadata as foreign members. */
export function resultsGeoJson(
  draft: ScreeningDraft,
  result: ScreeningResult,
  datasets: DatasetInfo[],
  checkedAt: string | null,
): FeatureCollection & Record<string, unknown> {
  const features: Feature[] = draft.boundary.features.map((f, i) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { role: 'project', part: i + 1, name: draft.name, projectType: draft.type },
  }));
  for (const o of result.overlaps) {
    if (!o.geometry) continue;
    features.push({
      type: 'Feature',
      geometry: o.geometry,
      properties: {
        role: 'overlap',
        layerId: o.layerId,
        featureId: o.featureId,
        zoneId: o.zoneId,
        name: o.name,
        zoneType: o.zoneType,
        overlap_m2: Number(fmtM2(o.areaM2)),
        overlap_ha: Number(fmtHa(o.areaM2)),
        overlap_mu: Number(fmtMu(o.areaM2)),
        share: o.share,
      },
    });
  }
  return {
    type: 'FeatureCollection',
    features,
    screening: {
      project: { name: draft.name, type: draft.type, areaM2: result.projectAreaM2 },
      checkedAt,
      engine: result.engine,
      method: result.method,
      verdicts: result.verdicts.map((v) => ({ zoneType: v.zoneType, verdict: v.verdict, rule: v.rule.id })),
      datasets: datasets.map((d) => ({
        layerId: d.layerId,
        version: d.version,
        sha256: d.sha256,
        schematic: d.schematic,
      })),
    },
  };
}

export const exportBaseName = (draft: ScreeningDraft): string =>
  `screening-${(draft.name || 'project').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60)}`;
