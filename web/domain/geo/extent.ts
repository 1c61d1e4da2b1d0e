/**
 * What extent a boundary may have. Edges are straight in lon/lat, so an edge cannot cross the 180°
 * meridian (from 179° to −179° it would run 358° the other way round); and a boundary larger than the
 * whole region (Inner Mongolia spans about 29° of longitude and 16° of latitude) is not a project.
 */
import { type BBox, emptyBBox, flatBBox } from './bbox.ts';
import { MIN_MEAN_WIDTH_M, ringMeanWidthM } from './planar.ts';

/** The largest extent accepted, in degrees: even a corridor across the whole region fits. */
export const MAX_PROJECT_SPAN_DEG = { lon: 35, lat: 20 } as const;

/** First vertex i whose edge to the next vertex spans more than 180° of longitude, or -1. */
export function antimeridianEdge(coords: ArrayLike<number>, start = 0, end = coords.length / 2): number {
  for (let i = start; i < end; i++) {
    const j = i + 1 < end ? i + 1 : start;
    if (Math.abs((coords[2 * j] as number) - (coords[2 * i] as number)) > 180) return i;
  }
  return -1;
}

/** Longitude × latitude span of a box when it is larger than any project can be, else null. */
export function oversizedSpan(box: Readonly<BBox>): [number, number] | null {
  const dLon = box[2] - box[0];
  const dLat = box[3] - box[1];
  return dLon > MAX_PROJECT_SPAN_DEG.lon || dLat > MAX_PROJECT_SPAN_DEG.lat ? [dLon, dLat] : null;
}

/** A ring whose points lie on one line, exactly or give or take binary rounding: no area to screen. */
export function isZeroWidthRing(coords: ArrayLike<number>, start = 0, end = coords.length / 2): boolean {
  return ringMeanWidthM(coords, start, end) < MIN_MEAN_WIDTH_M;
}

/** extentProblem of one open ring, vertices start..end of flat coordinates (vertex counted from start). */
export function ringExtentProblem(
  coords: ArrayLike<number>,
  start: number,
  end: number,
): ExtentProblem | null {
  const span = oversizedSpan(flatBBox(coords, start, end));
  if (!span) return null;
  const vertex = antimeridianEdge(coords, start, end);
  if (vertex < 0) return { kind: 'too-large', span };
  return oversizedSpan(flatBBox(coords, start, end, emptyBBox(), true))
    ? { kind: 'too-large', span }
    : { kind: 'antimeridian', ring: 0, vertex: vertex - start };
}

export type ExtentProblem =
  | { kind: 'too-large'; span: [number, number] }
  | { kind: 'antimeridian'; ring: number; vertex: number };

/**
 * Whether open flat rings have an extent a project can have. A small boundary written across ±180°
 * (lon 179 → −179) is an antimeridian problem; a whole-world or continental one is too large.
 */
export function extentProblem(rings: readonly Float64Array[]): ExtentProblem | null {
  const box = emptyBBox();
  for (const r of rings) flatBBox(r, 0, r.length / 2, box);
  const span = oversizedSpan(box);
  if (!span) return null;
  let ring = 0;
  let vertex = -1;
  for (; ring < rings.length && vertex < 0; ring++) vertex = antimeridianEdge(rings[ring] as Float64Array);
  if (vertex < 0) return { kind: 'too-large', span };
  // seen from the other side of the globe (longitudes in 0°–360°), is it small?
  const unwrapped = emptyBBox();
  for (const r of rings) flatBBox(r, 0, r.length / 2, unwrapped, true);
  return oversizedSpan(unwrapped)
    ? { kind: 'too-large', span }
    : { kind: 'antimeridian', ring: ring - 1, vertex };
}
