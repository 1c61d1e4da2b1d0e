import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import * as gjv from 'geojson-validation';
import { findIntersections } from '../../web/domain/geo/intersections.ts';
import { openRing } from '../../web/domain/geo/planar.ts';

export interface FeatureProblem {
  layer: string;
  feature: string;
  problem: string;
}

function ringProblems(ring: Position[], where: string): string[] {
  const out: string[] = [];
  if (ring.length < 4) out.push(`${where}: ring has ${ring.length} positions, needs at least 4`);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
    out.push(`${where}: ring is not closed`);
  for (const [i, p] of ring.entries()) {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) out.push(`${where}: position ${i} is not a number`);
  }
  return out;
}

function polygonProblems(rings: Position[][], where: string): string[] {
  const out = rings.flatMap((r, i) => ringProblems(r, `${where} ring ${i}`));
  if (out.length > 0) return out;
  const crossings = properCrossings(rings);
  if (crossings.length > 0) {
    const at = crossings[0] ?? [0, 0];
    out.push(
      `${where}: rings cross themselves or each other at ${crossings.length} point(s), first near ${at[0].toFixed(5)},${at[1].toFixed(5)}`,
    );
  }
  return out;
}

export function geometryProblems(g: Geometry | null): string[] {
  if (!g) return ['geometry is null'];
  switch (g.type) {
    case 'Polygon':
      return polygonProblems(g.coordinates, 'polygon');
    case 'MultiPolygon':
      return g.coordinates.flatMap((p, i) => polygonProblems(p, `part ${i}`));
    case 'LineString':
      return g.coordinates.length < 2 ? ['line has fewer than 2 positions'] : [];
    case 'MultiLineString':
      return g.coordinates.flatMap((l, i) =>
        l.length < 2 ? [`part ${i}: line has fewer than 2 positions`] : [],
      );
    case 'Point':
    case 'MultiPoint':
      return [];
    default:
      return [`unsupported geometry type ${g.type}`];
  }
}

/** geojson-validation for structure, then ring checks (closed, ≥ 4 positions, no self-crossing). */
export function validateLayer(layer: string, fc: FeatureCollection, idKey = 'zoneId'): FeatureProblem[] {
  const problems: FeatureProblem[] = [];
  for (const [i, f] of fc.features.entries()) {
    const name = featureName(f, i, idKey);
    for (const p of gjv.valid(f, true)) problems.push({ layer, feature: name, problem: p });
    for (const p of geometryProblems(f.geometry)) problems.push({ layer, feature: name, problem: p });
  }
  return problems;
}

function featureName(f: Feature, i: number, idKey: string): string {
  const id = f.properties?.[idKey];
  return typeof id === 'string' ? `${id} (#${i})` : `#${i}`;
}

/**
 * Points where the polygon's rings cross in their interiors, overlap along a stretch or fold back, with the
 * geometry kernel's exact check (web/domain/geo/intersections.ts). Rings that merely touch at a point are
 * valid for layer data and not reported.
 */
export function properCrossings(rings: Position[][]): [number, number][] {
  const flat = rings.map(openRing).filter((r) => r.length >= 6);
  return findIntersections([{ rings: flat }], { touch: 'anywhere' }).map((h) => h.at);
}
