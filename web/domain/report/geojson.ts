import type { Feature, FeatureCollection } from 'geojson';
import type { ScreeningResult } from '../screening/engine.ts';
import { fmtHa, fmtM2, fmtMu } from './figures.ts';
import { type SectionLayer, sectionRecord, sectionsFor } from './sections.ts';
import type { CheckedProject, DatasetInfo } from './types.ts';

/**
 * The project outline and every overlap piece with its figures; the check's metadata as a foreign member,
 * including the layer check's warnings.
 */
export function resultsGeoJson(
  project: CheckedProject,
  result: ScreeningResult,
  datasets: DatasetInfo[],
  checkedAt: string | null,
  notChecked: readonly SectionLayer[] = [],
): FeatureCollection & Record<string, unknown> {
  const features: Feature[] = project.boundary.features.map((f, i) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { role: 'project', part: i + 1, name: project.name, projectType: project.type },
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
      project: { name: project.name, type: project.type, areaM2: result.projectAreaM2 },
      checkedAt,
      engine: result.engine,
      method: result.method,
      verdicts: result.verdicts.map((v) => ({ zoneType: v.zoneType, verdict: v.verdict, rule: v.rule.id })),
      // one per screening layer, as the result table, the CSV and the report give them; not loaded ones included
      sections: sectionsFor(result, datasets, notChecked).map(sectionRecord),
      datasets: datasets.map((d) => ({
        layerId: d.layerId,
        version: d.version,
        sha256: d.sha256,
        badge: d.badge,
      })),
      // what the layer check found in each layer (e.g. invalid geometry): the results involving it are less certain
      layerWarnings: result.layers.flatMap((l) =>
        l.warnings.map((w) => ({
          layerId: l.layerId,
          code: w.code,
          featureId: w.featureId ?? null,
          zh: w.zh,
          en: w.en,
        })),
      ),
    },
  };
}

/** A file name from the project name: no path or shell characters, at most 60 characters of the name. */
export const exportBaseName = (project: { name: string }): string =>
  `screening-${(project.name || 'project').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60)}`;
