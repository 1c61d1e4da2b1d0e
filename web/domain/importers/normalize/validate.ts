import type { Position } from 'geojson';
import { packedRingsMeet } from '../../geo/intersections.ts';
import { ringLocator } from '../../geo/nesting.ts';
import { openRing, openRingInto } from '../../geo/planar.ts';
import { loc } from '../messages.ts';
import { findSelfIntersection, flatRingInRing, ringShapeProblemAt } from '../rings.ts';
import type { StageContext, Work } from './index.ts';

const fmt = (n: number): string => String(Math.round(n * 100) / 100);
export const lonLatText = (lon: number, lat: number): string =>
  `${fmt(Math.abs(lon))}°${lon >= 0 ? 'E' : 'W'} ${fmt(Math.abs(lat))}°${lat >= 0 ? 'N' : 'S'}`;

/**
 * Geometry validity: non-zero area, holes inside their shell, no self-intersection (skipped above the limit).
 * Errors for boundaries; for user layers only warnings about holes and crossings. The geometric predicates
 * live in rings.ts.
 */
export function validate(work: Work, { options, limits, rep }: StageContext): Work {
  const soft = (options.purpose ?? 'boundary') === 'layer';
  for (const f of work.features) {
    let vertices = 0;
    for (const poly of f.polygons) for (const r of poly) vertices += r.length;
    f.polygons.forEach((poly, pi) => {
      const multi = f.polygons.length > 1 ? pi : undefined;
      // the rings opened (openRing) into one scratch array, for all three checks
      const { coords, starts } = packOpen(poly);
      let usable = true;
      for (let ri = 0; ri < poly.length; ri++) {
        const s = starts[ri] as number;
        const e = starts[ri + 1] as number;
        if (e - s < 3) usable = false;
        // a layer may hold a ring larger than the region (a national zone): say so, keep it
        const problem = ringShapeProblemAt(coords, s, e);
        if (problem === 'ring-too-large' && soft) rep.warn(problem, loc.ring(f.where, ri, multi));
        else if (problem) rep.error(problem, loc.ring(f.where, ri, multi));
      }
      if (poly.length > 1) {
        const flats = poly.map(openRing);
        const outer = ringLocator(flats[0] as Float64Array);
        for (let ri = 1; ri < flats.length; ri++) {
          if (!flatRingInRing(flats[ri] as Float64Array, outer)) {
            if (soft) rep.warn('hole-outside-shell', loc.ring(f.where, ri, multi));
            else rep.error('hole-outside-shell', loc.ring(f.where, ri, multi));
          }
        }
      }
      // the sweep proves most polygons valid; the full search (which skips rings of fewer than 3 points) says where
      const suspect =
        vertices <= limits.maxVerticesForSelfIntersectionCheck &&
        (!usable || packedRingsMeet(coords, starts, poly.length, 'between-rings'));
      const x = suspect ? findSelfIntersection(poly) : undefined;
      if (x) {
        const w =
          multi !== undefined
            ? loc.within(f.where, { en: `part ${multi + 1}`, zh: `第 ${multi + 1} 部分` })
            : f.where;
        const params = { where: lonLatText(x[0] as number, x[1] as number) };
        if (soft) rep.warn('ring-self-intersection', w, params);
        else rep.error('ring-self-intersection', w, params);
      }
    });
  }
  return work;
}

let packed = new Float64Array(1024);
let packedStarts = new Uint32Array(16);

/** A polygon's rings opened (openRing) one after another in a reused array; valid until the next call. */
function packOpen(poly: readonly Position[][]): { coords: Float64Array; starts: Uint32Array } {
  let total = 0;
  for (const r of poly) total += r.length;
  if (packed.length < 2 * total) packed = new Float64Array(Math.max(2 * total, 2 * packed.length));
  if (packedStarts.length < poly.length + 1) packedStarts = new Uint32Array(2 * (poly.length + 1));
  let v = 0;
  for (let ri = 0; ri < poly.length; ri++) {
    v += openRingInto(poly[ri] as Position[], packed, v);
    packedStarts[ri + 1] = v;
  }
  return { coords: packed, starts: packedStarts };
}
