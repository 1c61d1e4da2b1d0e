/** The kernel on GeoJSON positions (importers, build scripts): adapters only, no geometry of their own. */
import { pointLocator } from './nesting.ts';
import { openRing, packRings } from './planar.ts';
import { pointInRings } from './segments.ts';

type Position = readonly number[];

/** Exact even-odd location of pt among a polygon's rings: 1 inside, 0 outside, -1 on a boundary. */
export function locateInPolygon(pt: Position, rings: readonly (readonly Position[])[]): number {
  const set = packRings(rings.map(openRing));
  return pointInRings(set.coords, set.ringStarts, 0, rings.length, pt[0] as number, pt[1] as number);
}

/** pt lies strictly inside the ring (exact; on the boundary is not inside). */
export function pointInRing(pt: Position, ring: readonly Position[]): boolean {
  return locateInPolygon(pt, [ring]) === 1;
}

/** A locator for repeated queries against one polygon (the rings are packed once). */
export function polygonLocator(rings: readonly (readonly Position[])[]): (pt: Position) => number {
  const locate = pointLocator(packRings(rings.map(openRing)));
  return (pt) => locate(pt[0] as number, pt[1] as number);
}
