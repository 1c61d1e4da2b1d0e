/** Bounding boxes [minX, minY, maxX, maxY], computed by a loop (no spread: boundaries may hold 10⁵–10⁶ points). */

export type BBox = [number, number, number, number];

export function emptyBBox(): BBox {
  return [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
}

export function isEmptyBBox(b: Readonly<BBox>): boolean {
  return !(b[0] <= b[2] && b[1] <= b[3]);
}

/** Grows `b` in place to cover (x, y). */
export function extendBBox(b: BBox, x: number, y: number): void {
  if (x < b[0]) b[0] = x;
  if (y < b[1]) b[1] = y;
  if (x > b[2]) b[2] = x;
  if (y > b[3]) b[3] = y;
}

/**
 * Box of vertices start..end (exclusive) of flat coordinates [x0, y0, x1, y1, ...]; grows `out` if given.
 * With lon360, negative longitudes count as lon + 360 (a box across the 180° meridian).
 */
export function flatBBox(
  coords: ArrayLike<number>,
  start = 0,
  end = coords.length / 2,
  out: BBox = emptyBBox(),
  lon360 = false,
): BBox {
  for (let i = start; i < end; i++) {
    const x = coords[2 * i] as number;
    extendBBox(out, lon360 && x < 0 ? x + 360 : x, coords[2 * i + 1] as number);
  }
  return out;
}

const one = new Float32Array(1);
const oneBits = new Int32Array(one.buffer);

/** The float32 next to `f` (itself a float32) toward +∞ (dir 1) or −∞ (dir −1). */
function float32Step(f: number, dir: 1 | -1): number {
  if (f === 0) return dir * 2 ** -149;
  one[0] = f;
  oneBits[0] = (oneBits[0] as number) + (f > 0 === dir > 0 ? 1 : -1);
  return one[0] as number;
}

/** The largest float32 at most x: a box's lower edge kept in a Float32Array still covers what it covered. */
export function float32Down(x: number): number {
  const f = Math.fround(x);
  return f > x ? float32Step(f, -1) : f;
}

/** The smallest float32 at least x: a box's upper edge kept in a Float32Array. */
export function float32Up(x: number): number {
  const f = Math.fround(x);
  return f < x ? float32Step(f, 1) : f;
}

/** Box (minX, minY, maxX, maxY) into packed float32 boxes `out` at box `at`, rounded outward: it covers the box given. */
export function setBoxOutward(
  out: Float32Array,
  at: number,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): void {
  out[4 * at] = float32Down(minX);
  out[4 * at + 1] = float32Down(minY);
  out[4 * at + 2] = float32Up(maxX);
  out[4 * at + 3] = float32Up(maxY);
}

/**
 * flatBBox written into packed float32 boxes `out` [minX, minY, maxX, maxY, …] at box `at`, rounded outward (the
 * box kept covers every vertex), with no array made: for indexing hundreds of thousands of rings. An empty range
 * gives the empty box (+∞, +∞, −∞, −∞).
 */
export function flatBBoxInto(
  coords: ArrayLike<number>,
  start: number,
  end: number,
  out: Float32Array,
  at: number,
): void {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = start; i < end; i++) {
    const x = coords[2 * i] as number;
    const y = coords[2 * i + 1] as number;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  setBoxOutward(out, at, minX, minY, maxX, maxY);
}

/** A position, or arrays of them nested to any depth (a ring, a Polygon's or a MultiPolygon's coordinates). */
export type NestedPositions = readonly number[] | readonly NestedPositions[];

/**
 * Box of every position in `nested` (GeoJSON coordinates of any geometry); null when there is none. With
 * lon360, negative longitudes count as lon + 360 (a box across the 180° meridian).
 */
export function positionsBBox(nested: NestedPositions, out: BBox = emptyBBox(), lon360 = false): BBox | null {
  const stack: NestedPositions[] = [nested];
  while (stack.length > 0) {
    const a = stack.pop() as NestedPositions;
    if (a.length === 0) continue;
    if (typeof a[0] === 'number') {
      extendBBox(out, lon360 && a[0] < 0 ? a[0] + 360 : a[0], a[1] as number);
      continue;
    }
    for (let i = 0; i < a.length; i++) stack.push(a[i] as NestedPositions);
  }
  return isEmptyBBox(out) ? null : out;
}

/** Box of GeoJSON Polygon / MultiPolygon geometries (or features' geometries); null when empty. */
export function geometriesBBox(geometries: Iterable<{ coordinates: NestedPositions }>): BBox | null {
  const out = emptyBBox();
  for (const g of geometries) positionsBBox(g.coordinates, out);
  return isEmptyBBox(out) ? null : out;
}

export function bboxesIntersect(a: Readonly<BBox>, b: Readonly<BBox>): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

export function bboxContains(outer: Readonly<BBox>, inner: Readonly<BBox>): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

/** Box i of packed boxes [minX, minY, maxX, maxY, ...] meets b grown by mx, my on each side. */
export function packedBoxMeets(
  boxes: ArrayLike<number>,
  i: number,
  b: Readonly<BBox>,
  mx = 0,
  my = 0,
): boolean {
  const k = 4 * i;
  return (
    (boxes[k] as number) <= b[2] + mx &&
    (boxes[k + 2] as number) >= b[0] - mx &&
    (boxes[k + 1] as number) <= b[3] + my &&
    (boxes[k + 3] as number) >= b[1] - my
  );
}
