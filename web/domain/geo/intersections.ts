/**
 * Where the rings of one or more polygons meet each other or themselves, with one exact predicate
 * (robust orientation, segments.ts). This is the self-intersection check for project boundaries, imported
 * boundaries, drawn outlines and layer data alike; the callers differ only in which contacts they allow.
 */
import Flatbush from 'flatbush';
import { packRings } from './planar.ts';
import { intersectSegments, orient, properlyCross } from './segments.ts';

/** Open rings [x0, y0, x1, y1, ...] without repeated consecutive points; rings[0] is the outer ring. */
export interface FlatPolygon {
  rings: Float64Array[];
}

/**
 * crossing: two edges cross in their interiors; touch: one point of contact that is not a crossing
 * (a vertex on an edge or a shared vertex); overlap: two edges share a stretch of line; spike: a ring
 * turns back along its own previous edge.
 */
export type IntersectionKind = 'crossing' | 'touch' | 'overlap' | 'spike';

export interface RingIntersection {
  kind: IntersectionKind;
  /** part (polygon) and ring within it (0 = outer) of the first edge, and that edge's first vertex */
  part: number;
  ring: number;
  vertex: number;
  /** the same for the second edge */
  otherPart: number;
  otherRing: number;
  otherVertex: number;
  sameRing: boolean;
  /** a point of contact [x, y] (for a spike, the vertex where the ring turns back) */
  at: [number, number];
}

export interface IntersectionRules {
  /**
   * Where a single touching point is allowed: 'between-rings' (OGC polygons and project boundaries:
   * a ring may not touch itself), 'anywhere' (layer data), or 'nowhere'.
   */
  touch: 'between-rings' | 'anywhere' | 'nowhere';
  /** stop after this many findings (default: all) */
  limit?: number;
}

/** Counts pairs of edges tested exactly, for tests that check the index does its work. */
export const intersectionStats = { pairsTested: 0 };

export function findIntersections(
  polygons: readonly FlatPolygon[],
  rules: IntersectionRules,
): RingIntersection[] {
  const limit = rules.limit ?? Number.POSITIVE_INFINITY;
  const out: RingIntersection[] = [];
  const ringPart: number[] = [];
  const ringLocal: number[] = [];
  polygons.forEach((p, part) => {
    p.rings.forEach((_, local) => {
      ringPart.push(part);
      ringLocal.push(local);
    });
  });
  // edge e runs from vertex e to vertex next[e] of the packed rings
  const { coords: c, ringStarts } = packRings(polygons.flatMap((p) => p.rings));
  const edgeCount = ringStarts[ringStarts.length - 1] as number;
  if (edgeCount === 0) return out;
  const next = new Uint32Array(edgeCount);
  const ringOf = new Uint32Array(edgeCount);
  for (let r = 0; r + 1 < ringStarts.length; r++) {
    const s = ringStarts[r] as number;
    const t = ringStarts[r + 1] as number;
    for (let i = s; i < t; i++) {
      next[i] = i + 1 < t ? i + 1 : s;
      ringOf[i] = r;
    }
  }
  const pts = new Float64Array(8);
  // Most outlines are valid: a sweep over the edges' boxes proves it without building an index. When it finds
  // a contact, the indexed search below reports the findings, in its order.
  if (!sweepFinds(c, next, ringOf, edgeCount, rules.touch, pts)) return out;
  const index = new Flatbush(edgeCount);
  for (let i = 0; i < edgeCount; i++) {
    const j = next[i] as number;
    const ax = c[2 * i] as number;
    const ay = c[2 * i + 1] as number;
    const bx = c[2 * j] as number;
    const by = c[2 * j + 1] as number;
    index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  index.finish();

  let e = 0;
  const found = (f: number, kind: IntersectionKind, vertex: number): void => {
    const re = ringOf[e] as number;
    const rf = ringOf[f] as number;
    out.push({
      kind,
      part: ringPart[re] as number,
      ring: ringLocal[re] as number,
      vertex: vertex - (ringStarts[re] as number),
      otherPart: ringPart[rf] as number,
      otherRing: ringLocal[rf] as number,
      otherVertex: f - (ringStarts[rf] as number),
      sameRing: re === rf,
      at: [pts[0] as number, pts[1] as number],
    });
  };
  const visit = (f: number): boolean => {
    if (f <= e || out.length >= limit) return false;
    intersectionStats.pairsTested++;
    const kind = meet(c, next, ringOf, rules.touch, e, f, pts);
    if (kind) found(f, kind, kind === 'spike' && next[e] === f ? f : e);
    return false;
  };
  for (; e < edgeCount && out.length < limit; e++) {
    const j = next[e] as number;
    const ax = c[2 * e] as number;
    const ay = c[2 * e + 1] as number;
    const bx = c[2 * j] as number;
    const by = c[2 * j + 1] as number;
    index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), visit);
  }
  return out;
}

/**
 * What edges e < f of the packed rings have in common under the rules, or undefined: the one pair test of the
 * indexed search and the sweep. The point of contact is written to pts[0], pts[1] (a spike: its vertex).
 */
function meet(
  c: Float64Array,
  next: Uint32Array,
  ringOf: Uint32Array,
  touch: IntersectionRules['touch'],
  e: number,
  f: number,
  pts: Float64Array,
): IntersectionKind | undefined {
  const j = next[e] as number;
  const g = next[f] as number;
  const ax = c[2 * e] as number;
  const ay = c[2 * e + 1] as number;
  const bx = c[2 * j] as number;
  const by = c[2 * j + 1] as number;
  const cx = c[2 * f] as number;
  const cy = c[2 * f + 1] as number;
  const dx = c[2 * g] as number;
  const dy = c[2 * g + 1] as number;
  const fFollows = j === f;
  if (fFollows || g === e) {
    // neighbours share one vertex s; anything more is the ring turning back along itself (o, q the far ends)
    const sx = fFollows ? bx : ax;
    const sy = fFollows ? by : ay;
    const ox = fFollows ? dx : cx;
    const oy = fFollows ? dy : cy;
    const qx = fFollows ? ax : bx;
    const qy = fFollows ? ay : by;
    if (orient(qx, qy, sx, sy, ox, oy) === 0 && (ox - sx) * (qx - sx) + (oy - sy) * (qy - sy) > 0) {
      pts[0] = sx;
      pts[1] = sy;
      return 'spike';
    }
    return undefined;
  }
  const m = intersectSegments(ax, ay, bx, by, cx, cy, dx, dy, pts);
  if (m === 0) return undefined;
  if (m === 2) return 'overlap';
  if (properlyCross(ax, ay, bx, by, cx, cy, dx, dy)) return 'crossing';
  if (touch === 'nowhere' || (touch === 'between-rings' && ringOf[e] === ringOf[f])) return 'touch';
  return undefined;
}

let packedNext = new Uint32Array(0);
let packedRingOf = new Uint32Array(0);
const packedPts = new Float64Array(8);

/**
 * Whether findIntersections would find anything among open rings packed in `coords` (ring r: vertices
 * ringStarts[r] to ringStarts[r + 1]) under the rules, without allocating per call: for many small polygons.
 */
export function packedRingsMeet(
  coords: Float64Array,
  ringStarts: ArrayLike<number>,
  ringCount: number,
  touch: IntersectionRules['touch'],
): boolean {
  const edgeCount = ringStarts[ringCount] as number;
  if (edgeCount === 0) return false;
  if (packedNext.length < edgeCount) {
    packedNext = new Uint32Array(Math.max(edgeCount, 2 * packedNext.length));
    packedRingOf = new Uint32Array(packedNext.length);
  }
  for (let r = 0; r < ringCount; r++) {
    const s = ringStarts[r] as number;
    const t = ringStarts[r + 1] as number;
    for (let i = s; i < t; i++) {
      packedNext[i] = i + 1 < t ? i + 1 : s;
      packedRingOf[i] = r;
    }
  }
  return sweepFinds(coords, packedNext, packedRingOf, edgeCount, touch, packedPts);
}

// scratch for the sweep, grown as needed
let sweepBoxes = new Float64Array(0);
let sweepCounts = new Int32Array(0);
let sweepOrder = new Int32Array(0);
let sweepActive = new Float64Array(0);

/**
 * Whether any pair of edges whose boxes meet (the pairs the indexed search tests, each once) is a finding.
 * Along the longer axis the extent is cut into as many slots as there are edges; edges are taken slot by slot
 * of their box's low end (a counting sort), each tested against the edges still open. An edge is closed once
 * the slot of its box's high end lies before the slot of the edge taken: slots are monotone in the
 * coordinate, so no later edge's box can meet it then.
 */
function sweepFinds(
  c: Float64Array,
  next: Uint32Array,
  ringOf: Uint32Array,
  n: number,
  touch: IntersectionRules['touch'],
  pts: Float64Array,
): boolean {
  if (sweepOrder.length < n) {
    const size = Math.max(n, 2 * sweepOrder.length);
    sweepBoxes = new Float64Array(6 * size);
    sweepCounts = new Int32Array(size + 1);
    sweepOrder = new Int32Array(size);
    sweepActive = new Float64Array(6 * size);
  }
  const box = sweepBoxes;
  const count = sweepCounts;
  const order = sweepOrder;
  const active = sweepActive;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = c[2 * i] as number;
    const y = c[2 * i + 1] as number;
    // NaN or infinite coordinates: left to the indexed search
    if (!(x - x === 0 && y - y === 0)) return true;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  // sweep along the longer side (a = the swept axis, b = the other)
  const alongY = maxY - minY > maxX - minX;
  const a0 = alongY ? minY : minX;
  const span = alongY ? maxY - minY : maxX - minX;
  const scale = span > 0 ? n / span : 0;
  const last = n - 1;
  count.fill(0, 0, n + 1);
  for (let i = 0; i < n; i++) {
    const j = next[i] as number;
    const ua = alongY ? (c[2 * i + 1] as number) : (c[2 * i] as number);
    const va = alongY ? (c[2 * j + 1] as number) : (c[2 * j] as number);
    const ub = alongY ? (c[2 * i] as number) : (c[2 * i + 1] as number);
    const vb = alongY ? (c[2 * j] as number) : (c[2 * j + 1] as number);
    const lo = Math.min(ua, va);
    const hi = Math.max(ua, va);
    // [low a, high a, low b, high b, slot of low a, slot of high a]
    const k = 6 * i;
    box[k] = lo;
    box[k + 1] = hi;
    box[k + 2] = Math.min(ub, vb);
    box[k + 3] = Math.max(ub, vb);
    const sLo = Math.min(last, Math.floor((lo - a0) * scale));
    box[k + 4] = sLo;
    box[k + 5] = Math.min(last, Math.floor((hi - a0) * scale));
    count[sLo + 1] = (count[sLo + 1] as number) + 1;
  }
  for (let s = 1; s <= n; s++) count[s] = (count[s] as number) + (count[s - 1] as number);
  for (let i = 0; i < n; i++) {
    const s = box[6 * i + 4] as number;
    order[count[s] as number] = i;
    count[s] = (count[s] as number) + 1;
  }
  // the open edges, with their box copied alongside (read in order, swapped out when closed)
  let open = 0;
  for (let k = 0; k < n; k++) {
    const e = order[k] as number;
    const ke = 6 * e;
    const eLo = box[ke] as number;
    const eHi = box[ke + 1] as number;
    const eB0 = box[ke + 2] as number;
    const eB1 = box[ke + 3] as number;
    const eSlot = box[ke + 4] as number;
    for (let t = 0; t < open; t++) {
      const kt = 6 * t;
      if ((active[kt + 5] as number) < eSlot) {
        open--;
        if (t < open) {
          const ko = 6 * open;
          for (let q = 0; q < 6; q++) active[kt + q] = active[ko + q] as number;
        }
        t--;
        continue;
      }
      if (
        (active[kt] as number) > eHi ||
        (active[kt + 1] as number) < eLo ||
        (active[kt + 2] as number) > eB1 ||
        (active[kt + 3] as number) < eB0
      )
        continue;
      const f = active[kt + 4] as number;
      intersectionStats.pairsTested++;
      if (e < f ? meet(c, next, ringOf, touch, e, f, pts) : meet(c, next, ringOf, touch, f, e, pts))
        return true;
    }
    const ko = 6 * open++;
    active[ko] = eLo;
    active[ko + 1] = eHi;
    active[ko + 2] = eB0;
    active[ko + 3] = eB1;
    active[ko + 4] = e;
    active[ko + 5] = box[ke + 5] as number;
  }
  return false;
}
