/**
 * A circle on the ground as a polygon: every vertex at the given geodesic distance from the centre on the CGCS2000
 * ellipsoid (GeographicLib's direct problem), counter-clockwise, closed. The map draws a fix's accuracy with it, and
 * "check a site here" takes one as the project boundary.
 */
import type { Polygon } from 'geojson';
import { geodesic } from '../geo/ellipsoid.ts';

/** Vertices of a circle: at 50 km the chord between two stays within ~0.1 % of the radius of the arc. */
export const CIRCLE_VERTICES = 72;

export function geodesicCircle(
  lon: number,
  lat: number,
  radiusM: number,
  vertices = CIRCLE_VERTICES,
): Polygon {
  if (!(radiusM > 0) || !Number.isFinite(radiusM))
    throw new Error(`radius must be a positive number of metres`);
  const ring: [number, number][] = [];
  for (let i = 0; i < vertices; i++) {
    // azimuth clockwise from north: walking it backwards gives a counter-clockwise ring in (lon, lat)
    const azi = 360 - (360 * i) / vertices;
    const p = geodesic.Direct(lat, lon, azi % 360, radiusM);
    ring.push([p.lon2 as number, p.lat2 as number]);
  }
  ring.push([...(ring[0] as [number, number])]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** The box [w, s, e, n] of a polygon's outer ring. */
export function ringBox(p: Polygon): [number, number, number, number] {
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const [x, y] of p.coordinates[0] ?? []) {
    w = Math.min(w, x as number);
    e = Math.max(e, x as number);
    s = Math.min(s, y as number);
    n = Math.max(n, y as number);
  }
  return [w, s, e, n];
}
