import Flatbush from 'flatbush';
import type { Position } from 'geojson';

/** Planar signed area (shoelace); positive = counter-clockwise in x/y. */
export function signedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i] as Position;
    const b = ring[(i + 1) % n] as Position;
    s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return s / 2;
}

export function isClosed(ring: readonly Position[]): boolean {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/** Drop consecutive duplicate points (keeps closure). */
export function dedupe(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    out.push(p);
  }
  return out;
}

export function pointInRing(pt: Position, ring: readonly Position[]): boolean {
  const x = pt[0] as number;
  const y = pt[1] as number;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    const xi = a[0] as number;
    const yi = a[1] as number;
    const xj = b[0] as number;
    const yj = b[1] as number;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A vertex of `inner` that is not on `outer`'s vertex list, for containment tests. */
function probe(inner: readonly Position[], outer: readonly Position[]): Position {
  const keys = new Set(outer.map((p) => `${p[0]},${p[1]}`));
  for (const p of inner) if (!keys.has(`${p[0]},${p[1]}`)) return p;
  return inner[0] as Position;
}

export function ringInRing(inner: readonly Position[], outer: readonly Position[]): boolean {
  return pointInRing(probe(inner, outer), outer);
}

/**
 * Group unordered closed rings into polygons: a ring inside an odd number of others is a hole of the
 * smallest ring containing it. Used for Shapefiles, 界址点 files and pasted text.
 */
export function assembleRings(rings: Position[][]): Position[][][] {
  const items = rings.map((r) => ({ r, area: Math.abs(signedArea(r)) })).sort((a, b) => b.area - a.area);
  const depth: number[] = [];
  const parent: number[] = [];
  for (let i = 0; i < items.length; i++) {
    depth[i] = 0;
    parent[i] = -1;
    const it = items[i] as { r: Position[]; area: number };
    for (let j = i - 1; j >= 0; j--) {
      const o = items[j] as { r: Position[]; area: number };
      if (ringInRing(it.r, o.r)) {
        // The smallest container is found first when walking back from smaller areas.
        parent[i] = j;
        depth[i] = (depth[j] as number) + 1;
        break;
      }
    }
  }
  const polys = new Map<number, Position[][]>();
  const order: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = (items[i] as { r: Position[] }).r;
    if ((depth[i] as number) % 2 === 0) {
      polys.set(i, [r]);
      order.push(i);
    } else {
      polys.get(parent[i] as number)?.push(r);
    }
  }
  return order.map((i) => polys.get(i) as Position[][]);
}

/** Rewind to RFC 7946: outer rings counter-clockwise, holes clockwise. */
export function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((r, i) => {
    const ccw = signedArea(r) > 0;
    return (i === 0) === ccw ? r : [...r].reverse();
  });
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/**
 * First self-intersection of a polygon's rings (crossings within a ring or between rings,
 * and a ring touching itself at a non-adjacent point), or undefined. Uses a spatial index of segments.
 */
export function findSelfIntersection(rings: readonly Position[][]): Position | undefined {
  const segs: { r: number; i: number; n: number; ax: number; ay: number; bx: number; by: number }[] = [];
  rings.forEach((ring, r) => {
    const n = ring.length - 1;
    for (let i = 0; i < n; i++) {
      const a = ring[i] as Position;
      const b = ring[i + 1] as Position;
      segs.push({ r, i, n, ax: a[0] as number, ay: a[1] as number, bx: b[0] as number, by: b[1] as number });
    }
  });
  if (segs.length < 3) return undefined;
  const index = new Flatbush(segs.length);
  for (const s of segs) {
    index.add(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by));
  }
  index.finish();
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k] as (typeof segs)[number];
    const hits = index.search(
      Math.min(s.ax, s.bx),
      Math.min(s.ay, s.by),
      Math.max(s.ax, s.bx),
      Math.max(s.ay, s.by),
    );
    for (const h of hits) {
      if (h <= k) continue;
      const t = segs[h] as (typeof segs)[number];
      const sameRing = s.r === t.r;
      const adjacent = sameRing && (Math.abs(s.i - t.i) === 1 || Math.abs(s.i - t.i) === s.n - 1);
      const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
      const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
      const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
      const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
      if (o1 * o2 < 0 && o3 * o4 < 0) {
        // Proper crossing: report the intersection point.
        const d = (s.bx - s.ax) * (t.by - t.ay) - (s.by - s.ay) * (t.bx - t.ax);
        const u = ((t.ax - s.ax) * (t.by - t.ay) - (t.ay - s.ay) * (t.bx - t.ax)) / d;
        return [s.ax + u * (s.bx - s.ax), s.ay + u * (s.by - s.ay)];
      }
      if (adjacent) {
        // Adjacent segments may only share their common vertex: a fold-back (collinear overlap) is invalid.
        if (o1 === 0 && o2 === 0) {
          const shared = s.i + 1 === t.i || (t.i === s.n - 1 && s.i === 0) ? 'b' : 'a';
          const far = shared === 'b' ? [t.bx, t.by] : [t.ax, t.ay];
          const dirS = shared === 'b' ? [s.ax - s.bx, s.ay - s.by] : [s.bx - s.ax, s.by - s.ay];
          const base = shared === 'b' ? [s.bx, s.by] : [s.ax, s.ay];
          const dirT = [(far[0] as number) - (base[0] as number), (far[1] as number) - (base[1] as number)];
          if ((dirS[0] as number) * (dirT[0] as number) + (dirS[1] as number) * (dirT[1] as number) > 0) {
            return base as Position;
          }
        }
        continue;
      }
      // Touching or collinear overlap. Between different rings a single touching point is allowed.
      const touches: Position[] = [];
      if (o1 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) touches.push([t.ax, t.ay]);
      if (o2 === 0 && onSegment(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) touches.push([t.bx, t.by]);
      if (o3 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) touches.push([s.ax, s.ay]);
      if (o4 === 0 && onSegment(t.ax, t.ay, t.bx, t.by, s.bx, s.by)) touches.push([s.bx, s.by]);
      if (touches.length === 0) continue;
      const collinearOverlap = o1 === 0 && o2 === 0 && touches.length >= 2 && distinctCount(touches) > 1;
      if (sameRing || collinearOverlap) return touches[0];
    }
  }
  return undefined;
}

function distinctCount(ps: Position[]): number {
  return new Set(ps.map((p) => `${p[0]},${p[1]}`)).size;
}
