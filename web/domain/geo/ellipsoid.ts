/**
 * Ellipsoidal geometry on CGCS2000 (GRS80: a = 6378137 m, 1/f = 298.257222101).
 * Areas are those of GeographicLib's PolygonArea: edges are geodesics, area = Σ S12 over the edges
 * (S12 = area between the geodesic edge and the equator). Valid for rings that do not enclose a pole
 * and do not cross the antimeridian, which holds for anything in China.
 */
import * as geographiclibNs from 'geographiclib-geodesic';
import { makeInverseS12 } from './geodesic-s12.ts';
import { openRing } from './planar.ts';

type GeographicLib = typeof geographiclibNs;
// The package is CommonJS; under Node ESM its exports sit on `default`, under bundlers on the namespace.
const GL: GeographicLib =
  (geographiclibNs as unknown as { default?: GeographicLib }).default ?? (geographiclibNs as GeographicLib);

export const CGCS2000 = { a: 6378137, f: 1 / 298.257222101 } as const;
export const geodesic = new GL.Geodesic.Geodesic(CGCS2000.a, CGCS2000.f);
export const GEODESIC_AREA = GL.Geodesic.AREA;
export const GEODESIC_DISTANCE = GL.Geodesic.DISTANCE;
export const PolygonAreaClass = GL.PolygonArea.PolygonArea;

export const AREA_METHOD =
  'Ellipsoidal area on CGCS2000 (GRS80, a = 6378137 m, 1/f = 298.257222101), geodesic edges, ' +
  'GeographicLib algorithm (Karney 2013), as PolygonArea / PostGIS ST_Area(geography)';
export const AREA_METHOD_ZH = '椭球面积：CGCS2000（GRS80）椭球，测地线边，GeographicLib 算法（Karney 2013）';

/**
 * Signed area (m²) between the geodesic from (lon1,lat1) to (lon2,lat2) and the equator, signed so
 * that rings counter-clockwise in (lon, lat) sum positive (GeographicLib's S12 has the opposite sign).
 */
export function edgeS12(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (lon1 === lon2 && lat1 === lat2) return 0;
  return -inverseS12(lat1, lon1, lat2, lon2);
}

/**
 * `geodesic.Inverse(…, GEODESIC_AREA).S12`, bit for bit, without the ~3 KB that call allocates: a check sums S12
 * over tens of thousands of edges, and in the browser's worker every ~2 MB allocated costs a scavenge.
 */
const inverseS12 = makeInverseS12(CGCS2000.a, CGCS2000.f);

/**
 * Signed ellipsoidal area (m², counter-clockwise positive) of an open ring stored flat as
 * [x0, y0, x1, y1, ...] from vertex `start` (inclusive) to `end` (exclusive). The closing edge is implied.
 */
export function ringSignedArea(coords: ArrayLike<number>, start: number, end: number): number {
  let sum = 0;
  let comp = 0; // Kahan compensation: S12 terms of a large ring are big and of both signs
  for (let i = start; i < end; i++) {
    const j = i + 1 < end ? i + 1 : start;
    const term = edgeS12(
      coords[2 * i] as number,
      coords[2 * i + 1] as number,
      coords[2 * j] as number,
      coords[2 * j + 1] as number,
    );
    const y = term - comp;
    const t = sum + y;
    comp = t - sum - y;
    sum = t;
  }
  return sum;
}

/** Ellipsoidal area (m², ≥ 0) of a GeoJSON-style polygon: |outer| − Σ|holes|. */
export function polygonArea(rings: readonly (readonly (readonly number[])[])[]): number {
  let total = 0;
  rings.forEach((ring, k) => {
    const flat = openRing(ring);
    const a = Math.abs(ringSignedArea(flat, 0, flat.length / 2));
    total += k === 0 ? a : -a;
  });
  return total;
}

export function multiPolygonArea(polys: readonly (readonly (readonly (readonly number[])[])[])[]): number {
  let total = 0;
  for (const p of polys) total += polygonArea(p);
  return total;
}

/** Geodesic distance in metres. */
export function geodesicDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  return geodesic.Inverse(lat1, lon1, lat2, lon2, GEODESIC_DISTANCE).s12 ?? 0;
}
