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
