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
  const index = new Flatbush(edgeCount);
  for (let r = 0; r + 1 < ringStarts.length; r++) {
    const s = ringStarts[r] as number;
    const t = ringStarts[r + 1] as number;
    for (let i = s; i < t; i++) {
      const j = i + 1 < t ? i + 1 : s;
      next[i] = j;
      ringOf[i] = r;
      const ax = c[2 * i] as number;
      const ay = c[2 * i + 1] as number;
      const bx = c[2 * j] as number;
      const by = c[2 * j + 1] as number;
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
  }
  index.finish();

  const pts = new Float64Array(8);
  let e = 0;
  let ax = 0;
  let ay = 0;
  let bx = 0;
  let by = 0;
  const found = (f: number, kind: IntersectionKind, at: [number, number], vertex = e): void => {
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
      at,
    });
  };
  const visit = (f: number): boolean => {
    if (f <= e || out.length >= limit) return false;
    intersectionStats.pairsTested++;
    const g = next[f] as number;
    const cx = c[2 * f] as number;
    const cy = c[2 * f + 1] as number;
    const dx = c[2 * g] as number;
    const dy = c[2 * g + 1] as number;
    const fFollows = next[e] === f;
    if (fFollows || g === e) {
      // neighbours share one vertex; anything more is the ring turning back along itself
      const [sx, sy, ox, oy, qx, qy] = fFollows ? [bx, by, dx, dy, ax, ay] : [ax, ay, cx, cy, bx, by];
      if (orient(qx, qy, sx, sy, ox, oy) === 0 && (ox - sx) * (qx - sx) + (oy - sy) * (qy - sy) > 0)
        found(f, 'spike', [sx, sy], fFollows ? f : e);
      return false;
    }
    const m = intersectSegments(ax, ay, bx, by, cx, cy, dx, dy, pts);
    if (m === 0) return false;
    const at: [number, number] = [pts[0] as number, pts[1] as number];
    const sameRing = ringOf[e] === ringOf[f];
    if (m === 2) found(f, 'overlap', at);
    else if (properlyCross(ax, ay, bx, by, cx, cy, dx, dy)) found(f, 'crossing', at);
    else if (rules.touch === 'nowhere' || (rules.touch === 'between-rings' && sameRing))
      found(f, 'touch', at);
    return false;
  };
  for (; e < edgeCount && out.length < limit; e++) {
    const j = next[e] as number;
    ax = c[2 * e] as number;
    ay = c[2 * e + 1] as number;
    bx = c[2 * j] as number;
    by = c[2 * j + 1] as number;
    index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), visit);
  }
  return out;
}
