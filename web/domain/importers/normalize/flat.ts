/**
 * The normalisation stages (index.ts) for a half read flat (geojson-flat.ts), on the split path where any message
 * at all sends the file to the ordinary import: instead of reporting, each rule here only proves that its stage
 * would say nothing, and the rings come out as `layerFromGeoJson` lays out the rewound features — open, repeats
 * dropped, outer rings counter-clockwise. Undefined: some stage would speak, read the half the ordinary way.
 *
 * The stages, in the order of NORMALIZE_STAGES: size (feature and position limits); finite (the reader's numbers
 * are); rings (repeats dropped, closed as written, at least 3 distinct points); crs and range (every position in
 * degrees); datum (WGS84 only on this path); validate (the same predicates on the same open rings); region (each
 * feature's box well inside the region's, unless the check is off); then rewindPolygon and layerFromGeoJson.
 */
import { packedRingsMeet } from '../../geo/intersections.ts';
import { ringLocator } from '../../geo/nesting.ts';
import { reverseRing, ringOrientation } from '../../geo/planar.ts';
import type { FlatFeatures } from '../geojson-flat.ts';
import { flatRingInRing, flatSelfIntersection, ringShapeProblemAt } from '../rings.ts';
import type { ImportLimits, ImportOptions } from '../types.ts';
import { REGION_BBOX, REGION_MARGIN_DEG } from './region.ts';

export interface FlatLayerGeometry {
  coords: Float64Array;
  ringStarts: Uint32Array;
  partRingStarts: Uint32Array;
  featurePartStarts: Uint32Array;
  /** positions as written: the file's vertex limit counts these */
  rawVertices: number;
}

/** Scratch for one polygon's open rings (validate's packOpen). */
let packed = new Float64Array(1024);
let packedStarts = new Uint32Array(16);

export function flatLayerGeometry(
  flat: FlatFeatures,
  options: ImportOptions,
  limits: ImportLimits,
): FlatLayerGeometry | undefined {
  const { coords: raw, ringStarts: rawStarts, polygonRingStarts, featurePolygonStarts, count } = flat;
  const rawVertices = raw.length / 2;
  if (count === 0 || count > limits.maxFeatures || rawVertices > limits.maxVertices) return undefined;
  const regionOff = (options.regionCheck ?? 'warn') === 'off';
  const [w, s, e, n] = REGION_BBOX;
  const m = REGION_MARGIN_DEG;
  const coords = new Float64Array(raw.length);
  const ringCount = rawStarts.length - 1;
  const ringStarts = new Uint32Array(ringCount + 1);
  const partRingStarts = Uint32Array.from(polygonRingStarts);
  const featurePartStarts = Uint32Array.from(featurePolygonStarts);
  let v = 0;
  for (let f = 0; f < count; f++) {
    const p0 = featurePolygonStarts[f] as number;
    const p1 = featurePolygonStarts[f + 1] as number;
    // validate's vertex count: the closed rings after repeats are dropped
    let closedVertices = 0;
    for (let r = polygonRingStarts[p0] as number; r < (polygonRingStarts[p1] as number); r++)
      closedVertices += closedLength(raw, rawStarts[r] as number, rawStarts[r + 1] as number);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let p = p0; p < p1; p++) {
      const r0 = polygonRingStarts[p] as number;
      const r1 = polygonRingStarts[p + 1] as number;
      const rings = r1 - r0;
      if (packedStarts.length < rings + 1) packedStarts = new Uint32Array(2 * (rings + 1));
      let pv = 0;
      for (let r = r0; r < r1; r++) {
        const a = rawStarts[r] as number;
        const b = rawStarts[r + 1] as number;
        if (packed.length < 2 * (pv + b - a)) {
          const g = new Float64Array(Math.max(2 * (pv + b - a), 2 * packed.length));
          g.set(packed);
          packed = g;
        }
        // repeats dropped; closed as written; the closing position left off (openRingInto of the closed ring)
        const start = pv;
        for (let i = a; i < b; i++) {
          const x = raw[2 * i] as number;
          const y = raw[2 * i + 1] as number;
          if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) return undefined;
          if (pv > start && packed[2 * pv - 2] === x && packed[2 * pv - 1] === y) continue;
          packed[2 * pv] = x;
          packed[2 * pv + 1] = y;
          pv++;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
        if (pv - start < 4) return undefined;
        if (packed[2 * start] !== packed[2 * pv - 2] || packed[2 * start + 1] !== packed[2 * pv - 1])
          return undefined;
        pv--;
        while (
          pv - start >= 2 &&
          packed[2 * start] === packed[2 * pv - 2] &&
          packed[2 * start + 1] === packed[2 * pv - 1]
        )
          pv--;
        packedStarts[r - r0 + 1] = pv;
      }
      if (!cleanPolygon(packed, packedStarts, rings, closedVertices, limits)) return undefined;
      // rewindPolygon, then layerFromGeoJson's own orientation rule, on each open ring
      for (let k = 0; k < rings; k++) {
        const a = packedStarts[k] as number;
        const b = packedStarts[k + 1] as number;
        const start = v;
        coords.set(packed.subarray(2 * a, 2 * b), 2 * v);
        v += b - a;
        if (ringOrientation(coords, start, v) > 0 !== (k === 0)) reverseAfterFirst(coords, start, v);
        if (ringOrientation(coords, start, v) > 0 !== (k === 0)) reverseRing(coords, start, v);
        ringStarts[r0 + k + 1] = v;
      }
    }
    if (maxX - minX > 180) return undefined;
    if (!regionOff && (minX < w - m || maxX > e + m || minY < s - m || maxY > n + m)) return undefined;
  }
  return {
    coords: coords.slice(0, 2 * v),
    ringStarts,
    partRingStarts,
    featurePartStarts,
    rawVertices,
  };
}

/** Positions of a ring once consecutive repeats are dropped (closeRings' dedupe). */
function closedLength(raw: Float64Array, a: number, b: number): number {
  let k = 0;
  for (let i = a; i < b; i++) {
    if (i > a && raw[2 * i] === raw[2 * i - 2] && raw[2 * i + 1] === raw[2 * i - 1]) continue;
    k++;
  }
  return k;
}

/** validate's checks of one polygon's open rings: true when it would say nothing. */
function cleanPolygon(
  coords: Float64Array,
  starts: Uint32Array,
  rings: number,
  featureVertices: number,
  limits: ImportLimits,
): boolean {
  for (let k = 0; k < rings; k++) {
    const a = starts[k] as number;
    const b = starts[k + 1] as number;
    if (b - a < 3 || ringShapeProblemAt(coords, a, b)) return false;
  }
  if (rings > 1) {
    const rs = openRings(coords, starts, rings);
    const outer = ringLocator(rs[0] as Float64Array);
    for (let k = 1; k < rings; k++) if (!flatRingInRing(rs[k] as Float64Array, outer)) return false;
  }
  if (
    featureVertices <= limits.maxVerticesForSelfIntersectionCheck &&
    packedRingsMeet(coords, starts, rings, 'between-rings') &&
    flatSelfIntersection(openRings(coords, starts, rings))
  )
    return false;
  return true;
}

function openRings(coords: Float64Array, starts: Uint32Array, rings: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let k = 0; k < rings; k++)
    out.push(coords.slice(2 * (starts[k] as number), 2 * (starts[k + 1] as number)));
  return out;
}

/** [a, b, c, d] → [a, d, c, b]: the open ring of a closed ring reversed (`[...closed].reverse()`). */
function reverseAfterFirst(coords: Float64Array, start: number, end: number): void {
  reverseRing(coords, start + 1, end);
}
