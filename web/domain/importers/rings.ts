/**
 * Ring helpers for the importers on GeoJSON positions. The geometry itself (area, orientation,
 * point-in-ring, self-intersection) is the kernel's in web/domain/geo; these only adapt positions to it.
 */
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { flatBBox } from '../geo/bbox.ts';
import { isZeroWidthRing, ringExtentProblem } from '../geo/extent.ts';
import { findIntersections } from '../geo/intersections.ts';
import { type PointLocator, ringLocation, ringLocator } from '../geo/nesting.ts';
import { openRing, openRingInto, planarSignedArea, ringOrientation } from '../geo/planar.ts';

/** Planar signed area (shoelace); positive = counter-clockwise in x/y. */
export function signedArea(ring: readonly Position[]): number {
  return planarSignedArea(openRing(ring));
}

export function isClosed(ring: readonly Position[]): boolean {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/** Drop consecutive duplicate points (keeps closure); the ring itself when it has none. */
export function dedupe(ring: Position[]): Position[] {
  let k = 1;
  while (k < ring.length && !sameXY(ring[k - 1] as Position, ring[k] as Position)) k++;
  if (k >= ring.length) return ring;
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    out.push(p);
  }
  return out;
}

const sameXY = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];

export { pointInRing } from '../geo/positions.ts';

/** `inner` lies inside `outer`, judged from its first vertex not on `outer` (rings that do not cross). */
export function ringInRing(inner: readonly Position[], outer: readonly Position[]): boolean {
  const o = openRing(outer);
  return ringLocation(openRing(inner), ringLocator(o)) === 1;
}

/** ringInRing for rings already opened, with the outer ring's locator (ringLocator) made once. */
export function flatRingInRing(inner: Float64Array, outer: PointLocator): boolean {
  return ringLocation(inner, outer) === 1;
}

/**
 * Group unordered closed rings into polygons: a ring inside an odd number of others is a hole of the
 * smallest ring containing it. Used for Shapefiles, 界址点 files and pasted text. Containers are found
 * through a spatial index of the rings' boxes.
 */
export function assembleRings(rings: Position[][]): Position[][][] {
  const items = rings
    .map((r) => {
      const flat = openRing(r);
      return { r, flat, area: Math.abs(planarSignedArea(flat)), box: flatBBox(flat) };
    })
    .sort((a, b) => b.area - a.area);
  const depth: number[] = [];
  const parent: number[] = [];
  const boxes = new Flatbush(Math.max(items.length, 1));
  for (const it of items) boxes.add(...it.box);
  if (items.length === 0) boxes.add(0, 0, 0, 0);
  boxes.finish();
  for (let i = 0; i < items.length; i++) {
    depth[i] = 0;
    parent[i] = -1;
    const it = items[i] as (typeof items)[number];
    const [minX, minY, maxX, maxY] = it.box;
    const containers = boxes
      .search(
        minX,
        minY,
        maxX,
        maxY,
        (j, x0, y0, x1, y1) => j < i && x0 <= minX && y0 <= minY && x1 >= maxX && y1 >= maxY,
      )
      .sort((a, b) => b - a);
    // the smallest container comes first when walking back from smaller areas
    for (const j of containers) {
      const o = (items[j] as (typeof items)[number]).flat;
      if (ringLocation(it.flat, ringLocator(o)) === 1) {
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

let rewindScratch = new Float64Array(256);

/** Rewind to RFC 7946: outer rings counter-clockwise, holes clockwise (exact orientation). */
export function rewindPolygon(rings: Position[][]): Position[][] {
  return rings.map((r, i) => {
    if (rewindScratch.length < 2 * r.length) rewindScratch = new Float64Array(2 * r.length);
    const n = openRingInto(r, rewindScratch, 0);
    const ccw = ringOrientation(rewindScratch, 0, n) > 0;
    return (i === 0) === ccw ? r : [...r].reverse();
  });
}

/**
 * First self-intersection of a polygon's rings (crossings within a ring or between rings, a ring
 * touching itself, rings sharing an edge, a ring folding back), or undefined: the kernel's check with
 * the rule for polygons (rings may touch each other at single points).
 */
export function findSelfIntersection(rings: readonly Position[][]): Position | undefined {
  return flatSelfIntersection(rings.map(openRing));
}

/** findSelfIntersection on the polygon's rings already opened (openRing). */
export function flatSelfIntersection(rings: readonly Float64Array[]): Position | undefined {
  const flat = rings.filter((r) => r.length >= 6);
  const [hit] = findIntersections([{ rings: flat }], { touch: 'between-rings', limit: 1 });
  return hit ? hit.at : undefined;
}

/**
 * What makes one ring unusable as a parcel, by the kernel's rules (web/domain/geo/extent.ts): its points
 * lie on one line (no area), it is larger than the whole region, or an edge crosses ±180°.
 */
export function ringShapeProblem(
  ring: readonly Position[],
): 'ring-zero-area' | 'ring-too-large' | 'ring-crosses-antimeridian' | undefined {
  return flatRingShapeProblem(openRing(ring));
}

/** ringShapeProblem of a ring already opened (openRing). */
export function flatRingShapeProblem(
  flat: Float64Array,
): 'ring-zero-area' | 'ring-too-large' | 'ring-crosses-antimeridian' | undefined {
  return ringShapeProblemAt(flat, 0, flat.length / 2);
}

/** ringShapeProblem of the open ring at vertices start..end of flat coordinates. */
export function ringShapeProblemAt(
  coords: Float64Array,
  start: number,
  end: number,
): 'ring-zero-area' | 'ring-too-large' | 'ring-crosses-antimeridian' | undefined {
  const extent = ringExtentProblem(coords, start, end);
  if (extent) return extent.kind === 'too-large' ? 'ring-too-large' : 'ring-crosses-antimeridian';
  if (end - start < 3 || isZeroWidthRing(coords, start, end)) return 'ring-zero-area';
  return undefined;
}
