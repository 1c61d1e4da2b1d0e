/**
 * The screening engine: a project boundary against one or more indexed layers. Pure (no DOM), runs in
 * a Web Worker, in Node (CLI, bench) and in tests.
 */
import { AREA_METHOD, AREA_METHOD_ZH, ringSignedArea } from '../geo/ellipsoid.ts';
import { error, type ValidationIssue } from '../geo/issues.ts';
import { packRings } from '../geo/planar.ts';
import { SegmentGrid } from '../geo/segment-grid.ts';
import { areaFigures } from '../geo/units.ts';
import { type FlatPolygon, validateProject } from '../geo/validate-polygon.ts';
import type { ProjectRings } from './clip.ts';
import { nearbyInLayer } from './distance.ts';
import type { LayerIndex } from './layer.ts';
import { geometryWarnings } from './layer-check.ts';
import { overlapsInLayer } from './overlaps.ts';
import type {
  BufferResult,
  LayerSummary,
  NearbyFeature,
  OverlapResult,
  ScreenOptions,
  ScreenOutcome,
  VerdictResult,
} from './results.ts';
import { isProjectType, PROJECT_TYPES, regimeOf, VERDICT_LABELS, verdictFor } from './rules.ts';

export { featureDistance, nearbyInLayer } from './distance.ts';
export { overlapsInLayer } from './overlaps.ts';
export type * from './results.ts';

export const ENGINE_VERSION = 'screening-engine/1';

export const DISTANCE_METHOD =
  'Shortest distance between boundaries (vertex–edge pairs, edges straight in lon/lat), measured as a geodesic on CGCS2000';
export const CLIP_METHOD =
  'Exact boundary-fragment intersection in lon/lat with exact orientation predicates (polyclip-ts as fallback)';

/** Prepared project: flat rings, a segment grid and ring areas. Reusable across layers. */
export function prepareProject(polygons: FlatPolygon[]): ProjectRings & { areaM2: number } {
  const rings = packRings(polygons.flatMap((p) => p.rings));
  const { coords, ringStarts } = rings;
  const grid = new SegmentGrid(rings, 1);
  const ringCount = ringStarts.length - 1;
  const ringArea = new Float64Array(ringCount);
  let areaM2 = 0;
  for (let r = 0; r < ringCount; r++) {
    ringArea[r] = ringSignedArea(coords, ringStarts[r] as number, ringStarts[r + 1] as number);
    areaM2 += ringArea[r] as number;
  }
  return { coords, ringStarts, grid, bbox: [grid.minX, grid.minY, grid.maxX, grid.maxY], ringArea, areaM2 };
}

/** Validates and screens. Never throws on bad input: returns the validation errors instead. */
export function screenProject(
  input: unknown,
  layers: LayerIndex[],
  options: ScreenOptions = {},
): ScreenOutcome {
  const v = validateProject(input);
  if (!v.ok) return v;
  const P = prepareProject(v.polygons);
  if (!(P.areaM2 > 0)) {
    // validation makes this unreachable for the boundaries we know of; never report a non-positive area
    const m = `${P.areaM2.toFixed(3)} m²`;
    const errors: ValidationIssue[] = [
      error(
        'zero-area',
        `项目范围的椭球面积不为正（${m}），无法审查。请检查坐标。`,
        `The boundary's ellipsoidal area is not positive (${m}); it cannot be screened. Check the coordinates.`,
      ),
    ];
    return { ok: false, errors, warnings: v.warnings };
  }
  const includeGeometry = options.includeGeometry ?? true;
  const buffersM = [...new Set(options.buffersM ?? [])].filter((b) => b > 0).sort((a, b) => a - b);
  const wantNearest = options.nearest ?? true;
  const overlaps: OverlapResult[] = [];
  const summaries: LayerSummary[] = [];
  const buffers: BufferResult[] = [];
  layers.forEach((layer, li) => {
    options.onProgress?.({ phase: 'screen', done: li, total: layers.length });
    // the features the result names, whose geometry is checked for its warnings
    const named = new Set<number>();
    const layerOverlaps = overlapsInLayer(P, layer, includeGeometry, named);
    overlaps.push(...layerOverlaps);
    const overlapping = new Set(layerOverlaps.map((o) => o.featureId));
    const near =
      buffersM.length > 0 || wantNearest
        ? nearbyInLayer(P, layer, overlapping, buffersM, wantNearest, named)
        : null;
    for (const b of buffersM) {
      buffers.push({
        layerId: layer.data.meta.id,
        distanceM: b,
        features: (near?.within ?? []).filter((f) => f.distanceM <= b),
      });
    }
    const sum = layerOverlaps.reduce((s, o) => s + o.areaM2, 0);
    summaries.push({
      layerId: layer.data.meta.id,
      nameZh: layer.data.meta.nameZh ?? null,
      nameEn: layer.data.meta.nameEn ?? null,
      version: layer.data.meta.version ?? null,
      zoneType: layer.data.meta.defaultZoneType ?? 'redline',
      featureCount: layer.featureCount,
      overlapFeatureCount: layerOverlaps.length,
      overlapAreaM2: sum,
      overlapArea: areaFigures(sum),
      share: sum / P.areaM2,
      nearest: near?.nearest ?? null,
      warnings: [...(layer.warnings ?? []), ...geometryWarnings(layer, P.bbox, named)],
    });
  });
  options.onProgress?.({ phase: 'screen', done: layers.length, total: layers.length });
  for (const o of overlaps) o.share = o.areaM2 / P.areaM2;

  const pt = options.projectType && isProjectType(options.projectType) ? options.projectType : null;
  const verdicts: VerdictResult[] = [];
  if (pt) {
    const byZone = new Map<string, VerdictResult>();
    for (const o of overlaps) {
      // the town boundary decides a path by inside / outside, per layer (report/sections.ts), not per overlap
      if (regimeOf(o.zoneType) === 'town') continue;
      let vr = byZone.get(o.zoneType);
      if (!vr) {
        vr = { ...verdictFor(pt, o.zoneType), layerIds: [], overlapAreaM2: 0 };
        byZone.set(o.zoneType, vr);
      }
      if (!vr.layerIds.includes(o.layerId)) vr.layerIds.push(o.layerId);
      vr.overlapAreaM2 += o.areaM2;
    }
    verdicts.push(...byZone.values());
    verdicts.sort((a, b) => VERDICT_LABELS[b.verdict].severity - VERDICT_LABELS[a.verdict].severity);
  }
  const nearestAll = summaries
    .filter((s) => s.overlapFeatureCount === 0 && s.nearest)
    .map((s) => s.nearest as NearbyFeature)
    .sort((a, b) => a.distanceM - b.distanceM)[0];
  const ptDef = pt ? PROJECT_TYPES.find((p) => p.id === pt) : undefined;
  return {
    ok: true,
    result: {
      engine: ENGINE_VERSION,
      method: { area: AREA_METHOD, areaZh: AREA_METHOD_ZH, clip: CLIP_METHOD, distance: DISTANCE_METHOD },
      project: {
        areaM2: P.areaM2,
        area: areaFigures(P.areaM2),
        bbox: P.bbox,
        parts: v.polygons.length,
        vertexCount: v.vertexCount,
        warnings: v.warnings,
      },
      projectType: ptDef ? { id: ptDef.id, zh: ptDef.zh, en: ptDef.en } : null,
      projectAreaM2: P.areaM2,
      layers: summaries,
      overlaps,
      nearest: nearestAll ?? null,
      buffers,
      verdicts,
      overallVerdict: verdicts[0]?.verdict ?? null,
    },
  };
}
