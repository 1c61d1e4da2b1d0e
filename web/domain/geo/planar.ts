/**
 * Rings as plane figures in lon/lat (the clip is planar in lon/lat): signed area, exact orientation,
 * flat storage. Rings are open ([x0, y0, x1, y1, ...], no repeated closing vertex) unless a function says so.
 */
import { orient } from './segments.ts';

/** Many open rings in one array: ring r holds vertices ringStarts[r] .. ringStarts[r + 1] (exclusive). */
export interface RingSet {
  coords: Float64Array;
  /** length = ringCount + 1 */
  ringStarts: Uint32Array;
}

/** Planar signed area (shoelace, degrees²) of vertices start..end; > 0 counter-clockwise. Float, not exact. */
export function planarSignedArea(coords: ArrayLike<number>, start = 0, end = coords.length / 2): number {
  let s = 0;
  for (let i = start; i < end; i++) {
    const j = i + 1 < end ? i + 1 : start;
    s +=
      (coords[2 * i] as number) * (coords[2 * j + 1] as number) -
      (coords[2 * j] as number) * (coords[2 * i + 1] as number);
  }
  return s / 2;
}

/**
 * Orientation of a simple ring, exact: 1 counter-clockwise, -1 clockwise, 0 degenerate. Decided by the
 * exact turn at the lowest-leftmost vertex (whose neighbours cannot be collinear with it on both sides
 * unless the ring folds back there); the float area breaks that tie.
 */
export function ringOrientation(coords: ArrayLike<number>, start = 0, end = coords.length / 2): number {
  const n = end - start;
  if (n < 3) return 0;
  let m = start;
  for (let i = start + 1; i < end; i++) {
    const x = coords[2 * i] as number;
    const mx = coords[2 * m] as number;
    if (x < mx || (x === mx && (coords[2 * i + 1] as number) < (coords[2 * m + 1] as number))) m = i;
  }
  const p = m > start ? m - 1 : end - 1;
  const q = m + 1 < end ? m + 1 : start;
  const o = orient(
    coords[2 * p] as number,
    coords[2 * p + 1] as number,
    coords[2 * m] as number,
    coords[2 * m + 1] as number,
    coords[2 * q] as number,
    coords[2 * q + 1] as number,
  );
  if (o !== 0) return o > 0 ? 1 : -1;
  return Math.sign(planarSignedArea(coords, start, end));
}

/** Reverses vertices start..end in place. */
export function reverseRing(coords: Float64Array, start = 0, end = coords.length / 2): void {
  for (let i = start, j = end - 1; i < j; i++, j--) {
    const x = coords[2 * i] as number;
    const y = coords[2 * i + 1] as number;
    coords[2 * i] = coords[2 * j] as number;
    coords[2 * i + 1] = coords[2 * j + 1] as number;
    coords[2 * j] = x;
    coords[2 * j + 1] = y;
  }
}

/** True if every vertex lies exactly on the line through the first two distinct ones. */
export function allCollinear(coords: ArrayLike<number>, start = 0, end = coords.length / 2): boolean {
  const ax = coords[2 * start] as number;
  const ay = coords[2 * start + 1] as number;
  let b = start + 1;
  while (b < end && coords[2 * b] === ax && coords[2 * b + 1] === ay) b++;
  if (b >= end) return true;
  const bx = coords[2 * b] as number;
  const by = coords[2 * b + 1] as number;
  for (let i = b + 1; i < end; i++) {
    if (orient(ax, ay, bx, by, coords[2 * i] as number, coords[2 * i + 1] as number) !== 0) return false;
  }
  return true;
}

// metres per degree, used only to judge thinness, never for reported areas
const M_PER_DEG_LAT = 111_000;
const M_PER_DEG_LON_EQUATOR = 111_320;

/**
 * Mean width in metres of a ring seen as a plane figure: 2 · |area| / perimeter, lon scaled by cos(lat).
 * 0 for a ring whose points lie on one line; a few mm for a sliver that is collinear as written but not
 * in binary floating point (its geodesic edges would still enclose an area).
 */
export function ringMeanWidthM(coords: ArrayLike<number>, start = 0, end = coords.length / 2): number {
  let lat = 0;
  for (let i = start; i < end; i++) lat += coords[2 * i + 1] as number;
  lat /= Math.max(1, end - start);
  const kx = M_PER_DEG_LON_EQUATOR * Math.cos((lat * Math.PI) / 180);
  let perimeter = 0;
  for (let i = start; i < end; i++) {
    const j = i + 1 < end ? i + 1 : start;
    const dx = ((coords[2 * j] as number) - (coords[2 * i] as number)) * kx;
    const dy = ((coords[2 * j + 1] as number) - (coords[2 * i + 1] as number)) * M_PER_DEG_LAT;
    perimeter += Math.hypot(dx, dy);
  }
  if (!(perimeter > 0)) return 0;
  const area = Math.abs(planarSignedArea(coords, start, end)) * kx * M_PER_DEG_LAT;
  return (2 * area) / perimeter;
}

/** A ring thinner than this on average has no area worth screening: a line written as a polygon. */
export const MIN_MEAN_WIDTH_M = 0.01;

/** Open flat ring from GeoJSON positions: closing vertex and consecutive repeated points dropped. */
export function openRing(ring: readonly (readonly number[])[]): Float64Array {
  const out = scratchFor(ring.length);
  return out.slice(0, 2 * openRingInto(ring, out, 0));
}

let scratch = new Float64Array(256);
/** A scratch buffer for `vertices` vertices (reused: valid until the next call). */
function scratchFor(vertices: number): Float64Array {
  if (scratch.length < 2 * vertices) scratch = new Float64Array(Math.max(2 * vertices, 2 * scratch.length));
  return scratch;
}

/**
 * openRing written into `out` from vertex `at` on (room for ring.length vertices needed); returns how many
 * vertices it wrote. For many rings without an array each.
 */
export function openRingInto(ring: readonly (readonly number[])[], out: Float64Array, at: number): number {
  const o = 2 * at;
  let m = o;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as readonly number[];
    const x = p[0] as number;
    const y = p[1] as number;
    if (m > o && out[m - 2] === x && out[m - 1] === y) continue;
    out[m] = x;
    out[m + 1] = y;
    m += 2;
  }
  while (m - o >= 4 && out[o] === out[m - 2] && out[o + 1] === out[m - 1]) m -= 2;
  return (m - o) / 2;
}

/** Packs open rings into one RingSet. */
export function packRings(rings: readonly Float64Array[]): RingSet {
  let total = 0;
  for (const r of rings) total += r.length;
  const coords = new Float64Array(total);
  const ringStarts = new Uint32Array(rings.length + 1);
  let off = 0;
  rings.forEach((r, i) => {
    coords.set(r, off);
    off += r.length;
    ringStarts[i + 1] = off / 2;
  });
  return { coords, ringStarts };
}
