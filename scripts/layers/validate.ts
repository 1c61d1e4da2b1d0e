import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import * as gjv from 'geojson-validation';
import { orient } from '../../web/domain/geo/segments.ts';

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

type Seg = [number, number, number, number];

/** Side of c relative to a→b as -1, 0 or 1, with the engine's exact predicate. */
function side(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign(orient(ax, ay, bx, by, cx, cy));
}

/**
 * Points where two segments of the polygon's rings cross in their interiors, or overlap collinearly.
 * Rings that merely touch at a shared vertex are valid (OGC) and not reported. Sweep over x.
 */
export function properCrossings(rings: Position[][]): [number, number][] {
  const segs: Seg[] = [];
  for (const r of rings) {
    for (let i = 0; i + 1 < r.length; i++) {
      const a = r[i] ?? [0, 0];
      const b = r[i + 1] ?? [0, 0];
      const ax = a[0] ?? 0;
      const ay = a[1] ?? 0;
      const bx = b[0] ?? 0;
      const by = b[1] ?? 0;
      if (ax === bx && ay === by) continue;
      segs.push(ax <= bx ? [ax, ay, bx, by] : [bx, by, ax, ay]);
    }
  }
  segs.sort((s, t) => s[0] - t[0]);
  const hits: [number, number][] = [];
  const active: Seg[] = [];
  for (const s of segs) {
    for (let k = active.length - 1; k >= 0; k--) if ((active[k]?.[2] ?? 0) < s[0]) active.splice(k, 1);
    for (const t of active) {
      const o1 = side(s[0], s[1], s[2], s[3], t[0], t[1]);
      const o2 = side(s[0], s[1], s[2], s[3], t[2], t[3]);
      const o3 = side(t[0], t[1], t[2], t[3], s[0], s[1]);
      const o4 = side(t[0], t[1], t[2], t[3], s[2], s[3]);
      if (o1 * o2 < 0 && o3 * o4 < 0) hits.push([(s[0] + s[2]) / 2, (s[1] + s[3]) / 2]);
      else if (o1 === 0 && o2 === 0 && collinearOverlap(s, t))
        hits.push([(s[0] + s[2]) / 2, (s[1] + s[3]) / 2]);
    }
    active.push(s);
  }
  return hits;
}

function collinearOverlap(s: Seg, t: Seg): boolean {
  const useX = s[0] !== s[2];
  const [s0, s1] = useX ? [s[0], s[2]] : [Math.min(s[1], s[3]), Math.max(s[1], s[3])];
  const [t0, t1] = useX ? [t[0], t[2]] : [Math.min(t[1], t[3]), Math.max(t[1], t[3])];
  return Math.min(s1, t1) - Math.max(s0, t0) > 0;
}
