/**
 * Independent reference for the tests: polyclip-ts (a sweep-line clipper, unrelated to the engine's
 * fragment clipper) and GeographicLib's own PolygonArea accumulator. Nothing from web/domain is used.
 */
import * as geographiclibNs from 'geographiclib-geodesic';
import * as polyclip from 'polyclip-ts';

type GL = typeof geographiclibNs;
const GLm: GL = (geographiclibNs as unknown as { default?: GL }).default ?? (geographiclibNs as GL);
export const refGeod = new GLm.Geodesic.Geodesic(6378137, 1 / 298.257222101);

export type Ring = [number, number][];
export type Poly = Ring[];

export function refRingArea(ring: number[][]): number {
  const pa = new GLm.PolygonArea.PolygonArea(refGeod, false);
  const n =
    ring.length -
    (ring[0]?.[0] === ring[ring.length - 1]?.[0] && ring[0]?.[1] === ring[ring.length - 1]?.[1] ? 1 : 0);
  for (let i = 0; i < n; i++) pa.AddPoint(ring[i]?.[1] as number, ring[i]?.[0] as number);
  return Math.abs(pa.Compute(false, true).area ?? 0);
}

export function refMultiPolygonArea(mp: number[][][][]): number {
  let a = 0;
  for (const poly of mp) {
    poly.forEach((ring, k) => {
      a += k === 0 ? refRingArea(ring) : -refRingArea(ring);
    });
  }
  return a;
}

export function refIntersectionArea(a: Poly[], b: Poly[]): number {
  return refMultiPolygonArea(polyclip.intersection(a, b));
}

export function asPolys(geometry: { type: string; coordinates: unknown }): Poly[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates as Poly] : (geometry.coordinates as Poly[]);
}
