/**
 * Where the rings of one or more polygons meet each other or themselves, with one exact predicate
 * (robust orientation, segments.ts). This is the self-intersection check for project boundaries, imported
 * boundaries, drawn outlines and layer data alike; the callers differ only in which contacts they allow.
 */
import Flatbush from 'flatbush';
import { intersectSegments, orient } from './segments.ts';

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
  let edgeCount = 0;
  for (const p of polygons) for (const r of p.rings) edgeCount += r.length / 2;
  const out: RingIntersection[] = [];
  if (edgeCount === 0) return out;
  // edge k: ring ringOf[k] (index into flat lists), vertex vertexOf[k]
  const rings: Float64Array[] = [];
  const ringPart: number[] = [];
  const ringLocal: number[] = [];
  const ringOf = new Uint32Array(edgeCount);
  const vertexOf = new Uint32Array(edgeCount);
  const index = new Flatbush(edgeCount);
  let k = 0;
  polygons.forEach((p, part) => {
    p.rings.forEach((r, local) => {
      const id = rings.length;
      rings.push(r);
      ringPart.push(part);
      ringLocal.push(local);
      const n = r.length / 2;
      for (let i = 0; i < n; i++, k++) {
        ringOf[k] = id;
        vertexOf[k] = i;
        const j = i + 1 < n ? i + 1 : 0;
        const ax = r[2 * i] as number;
        const ay = r[2 * i + 1] as number;
        const bx = r[2 * j] as number;
        const by = r[2 * j + 1] as number;
        index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
      }
    });
  });
  index.finish();

  const pts = new Float64Array(8);
  const edge = (e: number): [number, number, number, number, number] => {
    const r = rings[ringOf[e] as number] as Float64Array;
    const n = r.length / 2;
    const i = vertexOf[e] as number;
    const j = i + 1 < n ? i + 1 : 0;
    return [r[2 * i] as number, r[2 * i + 1] as number, r[2 * j] as number, r[2 * j + 1] as number, n];
  };
  for (let e = 0; e < edgeCount && out.length < limit; e++) {
    const [ax, ay, bx, by, n] = edge(e);
    const re = ringOf[e] as number;
    const ie = vertexOf[e] as number;
    index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (f) => {
      if (f <= e || out.length >= limit) return false;
      const [cx, cy, dx, dy] = edge(f);
      const rf = ringOf[f] as number;
      const jf = vertexOf[f] as number;
      const sameRing = re === rf;
      intersectionStats.pairsTested++;
      const found = (kind: IntersectionKind, at: [number, number], vertex = ie): void => {
        out.push({
          kind,
          part: ringPart[re] as number,
          ring: ringLocal[re] as number,
          vertex,
          otherPart: ringPart[rf] as number,
          otherRing: ringLocal[rf] as number,
          otherVertex: jf,
          sameRing,
          at,
        });
      };
      if (sameRing && (jf === (ie + 1) % n || ie === (jf + 1) % n)) {
        // neighbours share one vertex; anything more is the ring turning back along itself
        const fFollows = jf === (ie + 1) % n;
        const [sx, sy] = fFollows ? [bx, by] : [ax, ay];
        const [ox, oy] = fFollows ? [dx, dy] : [cx, cy];
        const [qx, qy] = fFollows ? [ax, ay] : [bx, by];
        if (orient(qx, qy, sx, sy, ox, oy) === 0 && (ox - sx) * (qx - sx) + (oy - sy) * (qy - sy) > 0)
          found('spike', [sx, sy], fFollows ? jf : ie);
        return false;
      }
      const m = intersectSegments(ax, ay, bx, by, cx, cy, dx, dy, pts);
      if (m === 0) return false;
      const at: [number, number] = [pts[0] as number, pts[1] as number];
      if (m === 2) found('overlap', at);
      else if (isProperCrossing(ax, ay, bx, by, cx, cy, dx, dy)) found('crossing', at);
      else if (rules.touch === 'nowhere' || (rules.touch === 'between-rings' && sameRing)) found('touch', at);
      return false;
    });
  }
  return out;
}

function isProperCrossing(
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
  const o3 = orient(ax, ay, bx, by, cx, cy);
  const o4 = orient(ax, ay, bx, by, dx, dy);
  return o1 * o2 < 0 && o3 * o4 < 0;
}
