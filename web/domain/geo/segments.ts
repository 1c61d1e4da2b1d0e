/** Exact segment predicates on lon/lat treated as plane coordinates (the clip is planar in lon/lat). */
import { orient2d } from 'robust-predicates';

/** > 0 if c lies left of the directed line a→b (counter-clockwise), < 0 right, 0 exactly collinear. */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return -orient2d(ax, ay, bx, by, cx, cy);
}

/** Parameter of point p along segment a→b, measured on the dominant axis (exact at the endpoints). */
export function paramAlong(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  if (px === ax && py === ay) return 0;
  if (px === bx && py === by) return 1;
  const dx = bx - ax;
  const dy = by - ay;
  return Math.abs(dx) >= Math.abs(dy) ? (px - ax) / dx : (py - ay) / dy;
}

/**
 * Intersection of segments AB and CD. Writes up to two points into `out` as quadruples
 * (x, y, tAB, tCD) and returns how many. Touching and collinear overlaps are reported: the
 * points are then exact input vertices. A proper crossing point is rounded (computed once, so both
 * segments split at the very same coordinates).
 */
export function intersectSegments(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
  out: Float64Array,
): number {
  if (!straddle(ax, ay, bx, by, cx, cy, dx, dy)) return 0;
  const [o1, o2, o3, o4] = ori as unknown as [number, number, number, number];
  let n = 0;
  const push = (x: number, y: number, t: number, s: number): void => {
    for (let k = 0; k < n; k++) if (out[4 * k] === x && out[4 * k + 1] === y) return;
    out[4 * n] = x;
    out[4 * n + 1] = y;
    out[4 * n + 2] = t;
    out[4 * n + 3] = s;
    n++;
  };
  if (o1 === 0 && o2 === 0 && o3 === 0 && o4 === 0) {
    // collinear: the overlap's ends are input vertices
    const tc = paramAlong(ax, ay, bx, by, cx, cy);
    const td = paramAlong(ax, ay, bx, by, dx, dy);
    const sa = paramAlong(cx, cy, dx, dy, ax, ay);
    const sb = paramAlong(cx, cy, dx, dy, bx, by);
    if (sa >= 0 && sa <= 1) push(ax, ay, 0, sa);
    if (sb >= 0 && sb <= 1) push(bx, by, 1, sb);
    if (tc >= 0 && tc <= 1) push(cx, cy, tc, 0);
    if (td >= 0 && td <= 1) push(dx, dy, td, 1);
    return n;
  }
  if (o1 === 0) push(ax, ay, 0, paramAlong(cx, cy, dx, dy, ax, ay));
  if (o2 === 0) push(bx, by, 1, paramAlong(cx, cy, dx, dy, bx, by));
  if (o3 === 0) push(cx, cy, paramAlong(ax, ay, bx, by, cx, cy), 0);
  if (o4 === 0) push(dx, dy, paramAlong(ax, ay, bx, by, dx, dy), 1);
  if (n > 0) return n;
  // proper crossing
  const t = o1 / (o1 - o2);
  let x = ax + t * (bx - ax);
  let y = ay + t * (by - ay);
  // keep the rounded point inside both segments' boxes
  x = Math.min(Math.max(x, Math.min(ax, bx), Math.min(cx, dx)), Math.max(ax, bx), Math.max(cx, dx));
  y = Math.min(Math.max(y, Math.min(ay, by), Math.min(cy, dy)), Math.max(ay, by), Math.max(cy, dy));
  const s = o3 / (o3 - o4);
  push(x, y, Math.min(Math.max(t, 0), 1), Math.min(Math.max(s, 0), 1));
  return n;
}

/** Orientations of A and B against C→D, then of C and D against A→B, as straddle last computed them. */
const ori = new Float64Array(4);

/** Neither segment lies strictly on one side of the other's line (so they may meet); fills `ori`. */
function straddle(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const o1 = orient(cx, cy, dx, dy, ax, ay);
  const o2 = orient(cx, cy, dx, dy, bx, by);
  ori[0] = o1;
  ori[1] = o2;
  if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) return false;
  const o3 = orient(ax, ay, bx, by, cx, cy);
  const o4 = orient(ax, ay, bx, by, dx, dy);
  ori[2] = o3;
  ori[3] = o4;
  return !((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0));
}

/** Segments AB and CD cross at one point inside both (no endpoint on the other segment). */
export function properlyCross(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  return (
    straddle(ax, ay, bx, by, cx, cy, dx, dy) && ori[0] !== 0 && ori[1] !== 0 && ori[2] !== 0 && ori[3] !== 0
  );
}

/** Ray-casting point-in-polygon over rings stored flat; exact. Returns 1 inside, 0 outside, -1 on the boundary. */
export function pointInRings(
  coords: ArrayLike<number>,
  ringStarts: ArrayLike<number>,
  ringFrom: number,
  ringTo: number,
  px: number,
  py: number,
): number {
  let inside = false;
  for (let r = ringFrom; r < ringTo; r++) {
    const start = ringStarts[r] as number;
    const end = ringStarts[r + 1] as number;
    let jx = coords[2 * (end - 1)] as number;
    let jy = coords[2 * (end - 1) + 1] as number;
    for (let i = start; i < end; i++) {
      const ix = coords[2 * i] as number;
      const iy = coords[2 * i + 1] as number;
      const c = crossing(jx, jy, ix, iy, px, py);
      if (c === -1) return -1;
      if (c === 1) inside = !inside;
      jx = ix;
      jy = iy;
    }
  }
  return inside ? 1 : 0;
}

/**
 * Does the ray from p towards +x cross edge a→b? Half-open in y so vertices count once.
 * Returns 1 crossing, 0 none, -1 if p lies on the edge.
 */
export function crossing(ax: number, ay: number, bx: number, by: number, px: number, py: number): number {
  if (ay > py !== by > py) {
    const o = orient(ax, ay, bx, by, px, py);
    if (o === 0) return -1;
    // p is left of an upward edge (or right of a downward one) ⇔ the edge is to the right of p
    return o > 0 === by > ay ? 1 : 0;
  }
  if (ay === py && by === py) {
    if ((px >= ax && px <= bx) || (px >= bx && px <= ax)) return -1;
  } else if (px === ax && py === ay) return -1;
  else if (px === bx && py === by) return -1;
  return 0;
}
