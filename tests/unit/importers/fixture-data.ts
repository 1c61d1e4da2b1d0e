/** The known parcel every fixture encodes (lon/lat, WGS84/CGCS2000): two parts, the first with a hole. */
export const PARCEL_NAME = '和林格尔光伏项目（一期）';
export const PARCEL_OUTER: number[][] = [
  [111.7, 40.8],
  [111.72, 40.8],
  [111.72, 40.82],
  [111.7, 40.82],
  [111.7, 40.8],
];
export const PARCEL_HOLE: number[][] = [
  [111.705, 40.805],
  [111.705, 40.81],
  [111.71, 40.81],
  [111.71, 40.805],
  [111.705, 40.805],
];
export const PARCEL_PART2: number[][] = [
  [111.75, 40.85],
  [111.76, 40.85],
  [111.76, 40.86],
  [111.75, 40.85],
];
/** The same shape near 117°E for the GK zone 39 fixtures. */
export const shiftTo117 = (r: number[][]): number[][] =>
  r.map(([x, y]) => [(x as number) + 5.3, y as number]);
