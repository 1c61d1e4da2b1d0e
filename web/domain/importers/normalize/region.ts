import type { Position } from 'geojson';
import { type BBox, emptyBBox, extendBBox, isEmptyBBox } from '../../geo/bbox.ts';
import type { StageContext, Work } from './index.ts';
import { lonLatText } from './validate.ts';

/** Inner Mongolia, about 97.2°E–126.1°E, 37.4°N–53.3°N. */
export const REGION_BBOX: readonly [number, number, number, number] = [97.0, 37.3, 126.2, 53.4];
export const REGION_MARGIN_DEG = 0.5;

const RAD = Math.PI / 180;

/** Great-circle distance in km (sphere of 6371 km: enough to say “about 1,050 km”). */
function km(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a =
    Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 +
    Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** How far and in which direction a point lies from the region's box (its nearest point). */
export function offRegion(lon: number, lat: number): { km: number; dir: string } {
  const [w, s, e, n] = REGION_BBOX;
  const cx = Math.min(e, Math.max(w, lon));
  const cy = Math.min(n, Math.max(s, lat));
  const ns = lat > n ? 'N' : lat < s ? 'S' : '';
  const ew = lon > e ? 'E' : lon < w ? 'W' : '';
  const d = km(cx, cy, lon, lat);
  return { km: d >= 100 ? Math.round(d / 50) * 50 : Math.round(d), dir: ns + ew };
}

/** positionsBBox of a feature's polygons ([0, 0, 0, 0] when empty), walking rings rather than a stack. */
function polygonsBBox(polygons: readonly Position[][][], lon360: boolean): BBox {
  const out = emptyBBox();
  for (const poly of polygons)
    for (const ring of poly)
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i] as Position;
        const x = p[0] as number;
        extendBBox(out, lon360 && x < 0 ? x + 360 : x, p[1] as number);
      }
  return isEmptyBBox(out) ? [0, 0, 0, 0] : out;
}

/**
 * The layers cover Inner Mongolia only: a feature entirely outside the region is refused for boundaries (the
 * screening would answer “no overlap” for a parcel the data cannot see) and warned about for layers; a feature
 * partly outside is a warning. Every format reaches this stage, so the app and the CLI say the same.
 */
export function checkRegion(work: Work, { options, rep }: StageContext): Work {
  const purpose = options.purpose ?? 'boundary';
  const mode = options.regionCheck ?? (purpose === 'boundary' ? 'error' : 'warn');
  if (mode === 'off') return work;
  const [w, s, e, n] = REGION_BBOX;
  const m = REGION_MARGIN_DEG;
  for (const f of work.features) {
    let [minX, minY, maxX, maxY] = polygonsBBox(f.polygons, false);
    if (maxX - minX > 180 && maxX - minX < 360) {
      // Wider than half the world: read as crossing ±180° (a ring round the other way would be absurd for a
      // parcel), so the box is taken in 0–360° longitudes.
      [minX, , maxX] = polygonsBBox(f.polygons, true);
    }
    const cx = (minX + maxX) / 2;
    const cy = (minY + maxY) / 2;
    const centre = lonLatText(cx > 180 ? cx - 360 : cx, cy);
    const disjoint = maxX < w - m || minX > e + m || maxY < s - m || minY > n + m;
    const partly = minX < w - m || maxX > e + m || minY < s - m || maxY > n + m;
    if (disjoint) {
      const params = { where: centre, ...offRegion(cx > 180 ? cx - 360 : cx, cy) };
      if (mode === 'error') rep.error('outside-region', f.where, params);
      else rep.warn('outside-region', f.where, params);
    } else if (partly) {
      rep.warn('partly-outside-region', f.where, { where: centre });
    }
  }
  return work;
}
