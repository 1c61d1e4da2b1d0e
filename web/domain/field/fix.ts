/**
 * A position fix from the device (Geolocation API or a test's emulation), and the one rule that says whether it
 * can place a boundary point: accuracy no worse than 50 m, and inside Inner Mongolia (the layers cover nothing
 * else). A fix that fails is still kept in the raw track; it is only left out of the polygon.
 */
import { offRegion, REGION_BBOX, REGION_MARGIN_DEG } from '../importers/normalize/region.ts';

export interface Fix {
  lon: number;
  lat: number;
  /** radius of the 68 % circle, in metres, as the device reports it */
  accuracyM: number;
  /** milliseconds since 1970 (the fix's own timestamp) */
  t: number;
}

/** Worse than this, a fix cannot place a boundary point (a parcel edge off by more than a field's width). */
export const POOR_ACCURACY_M = 50;

export type FixVerdict =
  | { kind: 'ok' }
  | { kind: 'poor-accuracy'; accuracyM: number }
  | { kind: 'outside-region'; km: number; dir: string }
  | { kind: 'invalid' };

export function judgeFix(fix: Fix): FixVerdict {
  const { lon, lat, accuracyM } = fix;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return { kind: 'invalid' };
  const [w, s, e, n] = REGION_BBOX;
  const m = REGION_MARGIN_DEG;
  if (lon < w - m || lon > e + m || lat < s - m || lat > n + m)
    return { kind: 'outside-region', ...offRegion(lon, lat) };
  if (!Number.isFinite(accuracyM) || accuracyM > POOR_ACCURACY_M) return { kind: 'poor-accuracy', accuracyM };
  return { kind: 'ok' };
}
