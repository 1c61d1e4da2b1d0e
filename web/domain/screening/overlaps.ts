/** Overlaps of a prepared project with one layer: the fragment clipper, polyclip-ts as a safety net. */
import * as polyclip from 'polyclip-ts';
import { ringSignedArea } from '../geo/ellipsoid.ts';
import { areaFigures } from '../geo/units.ts';
import { clipFeature, type FeatureRings, type ProjectRings } from './clip.ts';
import { featureCoordinates, featureRingRange, type LayerIndex, ringArea } from './layer.ts';
import type { OverlapResult } from './results.ts';

function featureRings(layer: LayerIndex, f: number): FeatureRings {
  const [ringFrom, ringTo] = featureRingRange(layer.data, f);
  return {
    coords: layer.data.coords,
    ringStarts: layer.data.ringStarts,
    ringBBox: layer.ringBBox,
    ringFrom,
    ringTo,
    ringArea: (r) => ringArea(layer, r),
  };
}

/** Every feature of the layer with a positive overlap area; `named` gets their feature numbers. */
export function overlapsInLayer(
  P: ProjectRings,
  layer: LayerIndex,
  includeGeometry: boolean,
  named?: Set<number>,
): OverlapResult[] {
  const [minX, minY, maxX, maxY] = P.bbox;
  const out: OverlapResult[] = [];
  const candidates = layer.tree.search(minX, minY, maxX, maxY);
  candidates.sort((a, b) => a - b);
  for (const f of candidates) {
    if (f >= layer.featureCount) continue;
    const F = featureRings(layer, f);
    let res = clipFeature(P, F, includeGeometry);
    let how: OverlapResult['how'] = res.ok && !res.touched ? 'contained' : 'clipped';
    if (!res.ok) {
      res = clipWithPolyclip(P, layer, f);
      how = 'fallback';
    }
    if (!res.ok || !(res.areaM2 > 1e-6)) continue;
    named?.add(f);
    const props = layer.data.props.at(f);
    out.push({
      layerId: layer.data.meta.id,
      featureId: props?.id ?? String(f),
      zoneId: props?.zoneId ?? null,
      zoneType: props?.zoneType ?? layer.data.meta.defaultZoneType ?? 'redline',
      name: props?.name ?? null,
      areaM2: res.areaM2,
      area: areaFigures(res.areaM2),
      share: 0,
      how,
      geometry: includeGeometry ? { type: 'MultiPolygon', coordinates: res.polygons } : null,
    });
  }
  return out;
}

function ringsAsGeoJson(
  coords: Float64Array,
  starts: ArrayLike<number>,
  from: number,
  to: number,
): [number, number][][] {
  const rings: [number, number][][] = [];
  for (let r = from; r < to; r++) {
    const ring: [number, number][] = [];
    const s = starts[r] as number;
    const e = starts[r + 1] as number;
    for (let i = s; i < e; i++) ring.push([coords[2 * i] as number, coords[2 * i + 1] as number]);
    ring.push([coords[2 * s] as number, coords[2 * s + 1] as number]);
    rings.push(ring);
  }
  return rings;
}

/** Safety net for inputs the fragment clipper declines (a test point exactly on a boundary). */
function clipWithPolyclip(P: ProjectRings, layer: LayerIndex, f: number) {
  const project = ringsAsGeoJson(P.coords, P.ringStarts, 0, P.ringStarts.length - 1);
  // the project's rings may belong to several parts: give polyclip one polygon per outer ring
  const parts: [number, number][][][] = [];
  project.forEach((ring, i) => {
    if ((P.ringArea[i] as number) > 0 || parts.length === 0) parts.push([ring]);
    else (parts[parts.length - 1] as [number, number][][]).push(ring);
  });
  const feature = featureCoordinates(layer.data, f) as [number, number][][][];
  const clipped = polyclip.intersection(parts, feature);
  let area = 0;
  for (const poly of clipped) {
    poly.forEach((ring, k) => {
      const flat = new Float64Array(ring.slice(0, -1).flat());
      const a = Math.abs(ringSignedArea(flat, 0, flat.length / 2));
      area += k === 0 ? a : -a;
    });
  }
  return { ok: true as const, areaM2: area, polygons: clipped as number[][][][], touched: true };
}
