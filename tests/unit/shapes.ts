import type { Polygon } from 'geojson';

/** The closed, counter-clockwise ring of a d × d square whose south-west corner is (x, y). */
export const squareRing = (x: number, y: number, d: number): number[][] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

/** That square as a GeoJSON Polygon. */
export const squarePolygon = (x: number, y: number, d: number): Polygon => ({
  type: 'Polygon',
  coordinates: [squareRing(x, y, d)],
});

/** A lon/lat rectangle west, south, east, north as a GeoJSON Polygon (counter-clockwise). */
export const rectPolygon = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
