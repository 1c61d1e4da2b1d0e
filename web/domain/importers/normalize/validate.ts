import { type PointLocator, ringLocator } from '../../geo/nesting.ts';
import { openRing } from '../../geo/planar.ts';
import { loc } from '../messages.ts';
import { flatRingInRing, flatRingShapeProblem, flatSelfIntersection } from '../rings.ts';
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
      // each ring opened once for all three checks
      const flats = poly.map(openRing);
      flats.forEach((flat, ri) => {
        // a layer may hold a ring larger than the region (a national zone): say so, keep it
        const problem = flatRingShapeProblem(flat);
        if (problem === 'ring-too-large' && soft) rep.warn(problem, loc.ring(f.where, ri, multi));
        else if (problem) rep.error(problem, loc.ring(f.where, ri, multi));
      });
      const outer = flats.length > 1 ? ringLocator(flats[0] as Float64Array) : undefined;
      for (let ri = 1; ri < flats.length; ri++) {
        if (!flatRingInRing(flats[ri] as Float64Array, outer as PointLocator)) {
          if (soft) rep.warn('hole-outside-shell', loc.ring(f.where, ri, multi));
          else rep.error('hole-outside-shell', loc.ring(f.where, ri, multi));
        }
      }
      if (vertices <= limits.maxVerticesForSelfIntersectionCheck) {
        const x = flatSelfIntersection(flats);
        if (x) {
          const w =
            multi !== undefined
              ? loc.within(f.where, { en: `part ${multi + 1}`, zh: `第 ${multi + 1} 部分` })
              : f.where;
          const params = { where: lonLatText(x[0] as number, x[1] as number) };
          if (soft) rep.warn('ring-self-intersection', w, params);
          else rep.error('ring-self-intersection', w, params);
        }
      }
    });
  }
  return work;
}
