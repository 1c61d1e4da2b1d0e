/**
 * Exact intersection of a project (rings + segment grid) with one layer feature, by boundary
 * fragments: both boundaries are split at every crossing/touching point (exact predicates), each
 * piece is kept if it lies inside the other polygon (pieces shared by both boundaries are kept once
 * when they run the same way and dropped when they run opposite ways), and the kept pieces are
 * linked into rings. The ellipsoidal area is Σ S12 over the kept pieces' geodesic edges, which is
 * exactly what GeographicLib's PolygonArea sums over the linked rings.
 * Any inconsistency (a test point falling exactly on a boundary, a piece that cannot be linked)
 * is reported so the caller can fall back to polyclip-ts.
 */
import { packedBoxMeets } from '../geo/bbox.ts';
import { edgeS12 } from '../geo/ellipsoid.ts';
import { planarSignedArea, type RingSet, ringOrientation } from '../geo/planar.ts';
import type { SegmentGrid } from '../geo/segment-grid.ts';
import { intersectSegments, pointInRings } from '../geo/segments.ts';

/** The layer side: rings ringFrom..ringTo of a flat ring store. */
export interface FeatureRings {
  coords: Float64Array;
  ringStarts: Uint32Array;
  ringBBox: Float32Array;
  ringFrom: number;
  ringTo: number;
  /** cached signed ellipsoidal area of a ring (CCW outer > 0, CW hole < 0) */
  ringArea: (ring: number) => number;
}

export interface ProjectRings extends RingSet {
  grid: SegmentGrid;
  bbox: [number, number, number, number];
  ringArea: Float64Array;
}

export type ClipOutcome =
  | { ok: true; areaM2: number; polygons: number[][][][]; touched: boolean }
  | { ok: false; reason: string };

interface Event {
  e: number;
  t: number;
  node: number;
}

/**
 * A piece of a ring between two nodes (or a whole ring): its points are made only for the pieces that are kept, as
 * most pieces of a large project's boundary lie outside the feature.
 */
interface Fragment {
  coords: Float64Array;
  /** the ring's first vertex and its vertex count */
  ringStart: number;
  ringLength: number;
  /** the piece's original vertices: `count` of them from ring offset `from` on, wrapping */
  from: number;
  count: number;
  /** the nodes it runs between, -1 for a whole ring */
  start: number;
  end: number;
  /** area of the whole ring when the fragment is a whole ring, else NaN */
  ringArea: number;
  /** its points once made (ptsOf) */
  pts: number[] | null;
}

const scratch = new Float64Array(8);
/** a piece's test point (testPoint) */
const probe = new Float64Array(2);
/** the feature edge being queried: c (0, 1), d (2, 3), its box minX, maxX, minY, maxY (4–7) */
const edgeBox = new Float64Array(8);

export function clipFeature(P: ProjectRings, F: FeatureRings, withGeometry: boolean): ClipOutcome {
  const nodeIds = new Map<string, number>();
  const nodeX: number[] = [];
  const nodeY: number[] = [];
  const pEvents = new Map<number, Event[]>();
  const fEvents = new Map<number, Event[]>();
  const nodeOf = (x: number, y: number): number => {
    const key = `${x},${y}`;
    let id = nodeIds.get(key);
    if (id === undefined) {
      id = nodeX.length;
      nodeIds.set(key, id);
      nodeX.push(x);
      nodeY.push(y);
    }
    return id;
  };
  const addEvent = (map: Map<number, Event[]>, ring: number, e: number, t: number, node: number): void => {
    let list = map.get(ring);
    if (!list) {
      list = [];
      map.set(ring, list);
    }
    list.push({ e, t, node });
  };

  const [pminX, pminY, pmaxX, pmaxY] = P.bbox;
  const pc = P.coords;
  const grid = P.grid;
  const fc = F.coords;
  // the feature edge c → d (edge fEdge of ring fRing) and its box, read by one callback for every query: a closure
  // made per edge, or doubles kept in the closure's variables, were most of what clipping allocated
  let fRing = 0;
  let fEdge = 0;
  const q = edgeBox;
  const crossings = (e: number): void => {
    const f = grid.edgeNext[e] as number;
    const ax = pc[2 * e] as number;
    const ay = pc[2 * e + 1] as number;
    const bx = pc[2 * f] as number;
    const by = pc[2 * f + 1] as number;
    // biome-ignore-start lint/complexity/useMathMinMax: the clip's innermost loop, kept as written; for finite inputs the ternary and Math.min/max agree
    if ((ax < bx ? bx : ax) < (q[4] as number) || (ax < bx ? ax : bx) > (q[5] as number)) return;
    if ((ay < by ? by : ay) < (q[6] as number) || (ay < by ? ay : by) > (q[7] as number)) return;
    // biome-ignore-end lint/complexity/useMathMinMax: see above
    const n = intersectSegments(
      ax,
      ay,
      bx,
      by,
      q[0] as number,
      q[1] as number,
      q[2] as number,
      q[3] as number,
      scratch,
    );
    for (let k = 0; k < n; k++) {
      const node = nodeOf(scratch[4 * k] as number, scratch[4 * k + 1] as number);
      addEvent(pEvents, grid.edgeRing[e] as number, e, scratch[4 * k + 2] as number, node);
      addEvent(fEvents, fRing, fEdge, scratch[4 * k + 3] as number, node);
    }
  };
  for (fRing = F.ringFrom; fRing < F.ringTo; fRing++) {
    if (!packedBoxMeets(F.ringBBox, fRing, P.bbox)) continue;
    const s = F.ringStarts[fRing] as number;
    const end = F.ringStarts[fRing + 1] as number;
    for (fEdge = s; fEdge < end; fEdge++) {
      const j = fEdge;
      const k = j + 1 < end ? j + 1 : s;
      const cx = fc[2 * j] as number;
      const cy = fc[2 * j + 1] as number;
      const dx = fc[2 * k] as number;
      const dy = fc[2 * k + 1] as number;
      // biome-ignore-start lint/complexity/useMathMinMax: the clip's innermost loop, kept as written; for finite inputs the ternary and Math.min/max agree
      const minX = cx < dx ? cx : dx;
      const maxX = cx < dx ? dx : cx;
      const minY = cy < dy ? cy : dy;
      const maxY = cy < dy ? dy : cy;
      // biome-ignore-end lint/complexity/useMathMinMax: see above
      if (maxX < pminX || minX > pmaxX || maxY < pminY || minY > pmaxY) continue;
      if (!grid.boxHasEdges(minX, minY, maxX, maxY)) continue;
      q[0] = cx;
      q[1] = cy;
      q[2] = dx;
      q[3] = dy;
      q[4] = minX;
      q[5] = maxX;
      q[6] = minY;
      q[7] = maxY;
      grid.queryBox(minX, minY, maxX, maxY, crossings);
    }
  }

  const touched = nodeX.length > 0;
  if (!touched) return wholeRings(P, F, withGeometry);
  const pFrags: Fragment[] = [];
  const fFrags: Fragment[] = [];
  const pRingCount = P.ringStarts.length - 1;
  for (let r = 0; r < pRingCount; r++) {
    splitRing(
      pc,
      P.ringStarts[r] as number,
      P.ringStarts[r + 1] as number,
      pEvents.get(r),
      pFrags,
      () => P.ringArea[r] as number,
    );
  }
  for (let r = F.ringFrom; r < F.ringTo; r++) {
    splitRing(fc, F.ringStarts[r] as number, F.ringStarts[r + 1] as number, fEvents.get(r), fFrags, () =>
      F.ringArea(r),
    );
  }

  // single-segment pieces between two nodes, for shared-boundary detection
  const fSegments = new Map<string, number>();
  fFrags.forEach((fr, i) => {
    if (fr.start >= 0 && fr.count === 0) fSegments.set(`${fr.start}>${fr.end}`, i);
  });
  const kept: Fragment[] = [];
  const sharedF = new Set<number>();
  for (const fr of pFrags) {
    if (fr.start >= 0 && fr.count === 0) {
      const same = fSegments.get(`${fr.start}>${fr.end}`);
      if (same !== undefined) {
        sharedF.add(same);
        kept.push(fr);
        continue;
      }
      const opposite = fSegments.get(`${fr.end}>${fr.start}`);
      if (opposite !== undefined) {
        sharedF.add(opposite);
        continue;
      }
    }
    testPoint(fr, nodeX, nodeY);
    const inside = pointInRings(
      fc,
      F.ringStarts,
      F.ringFrom,
      F.ringTo,
      probe[0] as number,
      probe[1] as number,
    );
    if (inside === -1) return { ok: false, reason: 'project piece test point on the feature boundary' };
    if (inside === 1) kept.push(fr);
  }
  for (let i = 0; i < fFrags.length; i++) {
    if (sharedF.has(i)) continue;
    const fr = fFrags[i] as Fragment;
    testPoint(fr, nodeX, nodeY);
    const inside = grid.pointInPolygon(probe[0] as number, probe[1] as number);
    if (inside === -1) return { ok: false, reason: 'feature piece test point on the project boundary' };
    if (inside === 1) kept.push(fr);
  }

  let area = 0;
  for (const fr of kept) area += Number.isNaN(fr.ringArea) ? chainS12(fr, nodeX, nodeY) : fr.ringArea;

  // link the kept pieces into rings (also a consistency check of the classification)
  const rings: ArrayLike<number>[] = [];
  const open = new Map<number, number[]>();
  kept.forEach((fr, i) => {
    if (fr.start < 0) {
      if (withGeometry) rings.push(ptsOf(fr, nodeX, nodeY));
      return;
    }
    const list = open.get(fr.start);
    if (list) list.push(i);
    else open.set(fr.start, [i]);
  });
  const used = new Uint8Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const first = kept[i] as Fragment;
    if (used[i] || first.start < 0) continue;
    const ring: number[] = [];
    let cur = i;
    for (let guard = 0; guard <= kept.length; guard++) {
      used[cur] = 1;
      const fr = kept[cur] as Fragment;
      const pts = ptsOf(fr, nodeX, nodeY);
      for (let k = 0; k < pts.length - 2; k++) ring.push(pts[k] as number);
      if (fr.end === first.start) break;
      const next = (open.get(fr.end) ?? []).find((c) => !used[c]);
      if (next === undefined) return { ok: false, reason: 'overlap boundary does not close' };
      cur = next;
    }
    if (withGeometry) rings.push(ring);
  }
  return { ok: true, areaM2: area, polygons: withGeometry ? assemble(rings) : [], touched };
}

function splitRing(
  coords: Float64Array,
  start: number,
  end: number,
  events: Event[] | undefined,
  out: Fragment[],
  ringArea: () => number,
): void {
  const n = end - start;
  if (!events || events.length === 0) {
    out.push({
      coords,
      ringStart: start,
      ringLength: n,
      from: 0,
      count: n,
      start: -1,
      end: -1,
      ringArea: ringArea(),
      pts: null,
    });
    return;
  }
  for (const ev of events) {
    if (ev.t >= 1) {
      ev.t = 0;
      ev.e = ev.e + 1 < end ? ev.e + 1 : start;
    } else if (ev.t < 0) ev.t = 0;
  }
  events.sort((a, b) => a.e - b.e || a.t - b.t);
  const evs: Event[] = [];
  for (const ev of events) {
    const last = evs[evs.length - 1];
    if (last && last.node === ev.node) continue;
    evs.push(ev);
  }
  if (evs.length > 1 && (evs[0] as Event).node === (evs[evs.length - 1] as Event).node) evs.pop();
  const m = evs.length;
  for (let k = 0; k < m; k++) {
    const a = evs[k] as Event;
    const b = evs[(k + 1) % m] as Event;
    let d = (b.e - a.e + n) % n;
    if (d === 0 && (m === 1 || b.t <= a.t)) d = n;
    out.push({
      coords,
      ringStart: start,
      ringLength: n,
      from: (a.e - start + 1) % n,
      // the vertices after a's edge start up to b's edge start, which is b itself when b lies on it
      count: b.t === 0 && d > 0 ? d - 1 : d,
      start: a.node,
      end: b.node,
      ringArea: Number.NaN,
      pts: null,
    });
  }
}

/** The piece's points, flat: its start node, its original vertices, its end node (a whole ring: its vertices). */
function ptsOf(fr: Fragment, nodeX: number[], nodeY: number[]): number[] {
  if (fr.pts) return fr.pts;
  const pts: number[] = [];
  if (fr.start >= 0) pts.push(nodeX[fr.start] as number, nodeY[fr.start] as number);
  for (let s = 0; s < fr.count; s++) {
    const v = fr.ringStart + ((fr.from + s) % fr.ringLength);
    pts.push(fr.coords[2 * v] as number, fr.coords[2 * v + 1] as number);
  }
  if (fr.start >= 0) pts.push(nodeX[fr.end] as number, nodeY[fr.end] as number);
  fr.pts = pts;
  return pts;
}

/**
 * An interior original vertex (never on the other boundary, else it would be a node), or a midpoint, into `probe`:
 * the piece's second point when it has three or more, else the middle of its first two.
 */
function testPoint(fr: Fragment, nodeX: number[], nodeY: number[]): void {
  const pointCount = fr.start >= 0 ? fr.count + 2 : fr.count;
  if (pointCount >= 3) {
    const v = fr.ringStart + ((fr.from + (fr.start >= 0 ? 0 : 1)) % fr.ringLength);
    probe[0] = fr.coords[2 * v] as number;
    probe[1] = fr.coords[2 * v + 1] as number;
    return;
  }
  const pts = ptsOf(fr, nodeX, nodeY);
  probe[0] = ((pts[0] as number) + (pts[2] as number)) / 2;
  probe[1] = ((pts[1] as number) + (pts[3] as number)) / 2;
}

/** Σ S12 over the piece's edges, from its start node through its vertices to its end node, in that order. */
function chainS12(fr: Fragment, nodeX: number[], nodeY: number[]): number {
  let s = 0;
  let px = nodeX[fr.start] as number;
  let py = nodeY[fr.start] as number;
  for (let k = 0; k < fr.count; k++) {
    const v = fr.ringStart + ((fr.from + k) % fr.ringLength);
    const x = fr.coords[2 * v] as number;
    const y = fr.coords[2 * v + 1] as number;
    s += edgeS12(px, py, x, y);
    px = x;
    py = y;
  }
  return s + edgeS12(px, py, nodeX[fr.end] as number, nodeY[fr.end] as number);
}

function toRing(flat: ArrayLike<number>): number[][] {
  const ring: number[][] = [];
  for (let k = 0; k + 1 < flat.length; k += 2) ring.push([flat[k] as number, flat[k + 1] as number]);
  const first = ring[0];
  if (first) ring.push([first[0] as number, first[1] as number]);
  return ring;
}

/**
 * Open rings, flat ([x0, y0, x1, y1, …], the closing vertex implied), into polygons: CCW rings are outers, CW rings
 * holes; each hole goes to the smallest outer that contains it.
 */
function assemble(rings: ArrayLike<number>[]): number[][][][] {
  const outers: { flat: ArrayLike<number>; area: number; starts: Uint32Array }[] = [];
  const holes: ArrayLike<number>[] = [];
  for (const flat of rings) {
    if (flat.length < 6) continue;
    const o = ringOrientation(flat);
    if (o > 0)
      outers.push({ flat, area: planarSignedArea(flat), starts: Uint32Array.of(0, flat.length / 2) });
    else if (o < 0) holes.push(flat);
  }
  const polys: number[][][][] = outers.map((o) => [toRing(o.flat)]);
  for (const hole of holes) {
    let best = -1;
    let bestArea = Number.POSITIVE_INFINITY;
    outers.forEach((o, i) => {
      if (o.area >= bestArea) return;
      // a hole vertex may touch its outer; use the first vertex not on it
      for (let k = 0; k + 1 < hole.length; k += 2) {
        const r = pointInRings(o.flat, o.starts, 0, 1, hole[k] as number, hole[k + 1] as number);
        if (r === 0) return;
        if (r === 1) {
          best = i;
          bestArea = o.area;
          return;
        }
      }
    });
    if (best >= 0) (polys[best] as number[][][]).push(toRing(hole));
  }
  return polys;
}

/** No boundary contact: each ring is inside the other polygon or not, as a whole. */
function wholeRings(P: ProjectRings, F: FeatureRings, withGeometry: boolean): ClipOutcome {
  let area = 0;
  const rings: ArrayLike<number>[] = [];
  const fc = F.coords;
  for (let r = F.ringFrom; r < F.ringTo; r++) {
    const s = F.ringStarts[r] as number;
    if (P.grid.pointInPolygon(fc[2 * s] as number, fc[2 * s + 1] as number) !== 1) continue;
    area += F.ringArea(r);
    if (withGeometry) rings.push(fc.subarray(2 * s, 2 * (F.ringStarts[r + 1] as number)));
  }
  const pRingCount = P.ringStarts.length - 1;
  for (let r = 0; r < pRingCount; r++) {
    const s = P.ringStarts[r] as number;
    const x = P.coords[2 * s] as number;
    const y = P.coords[2 * s + 1] as number;
    if (pointInRings(fc, F.ringStarts, F.ringFrom, F.ringTo, x, y) !== 1) continue;
    area += P.ringArea[r] as number;
    if (withGeometry) rings.push(P.coords.subarray(2 * s, 2 * (P.ringStarts[r + 1] as number)));
  }
  return { ok: true, areaM2: area, polygons: withGeometry ? assemble(rings) : [], touched: false };
}
