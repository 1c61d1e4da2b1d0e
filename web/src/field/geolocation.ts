/**
 * The browser's Geolocation API as the app uses it: one fix, or a stream of fixes, as domain `Fix` values, and its
 * failures as one of four kinds the UI words (strings `field.geo.*`). Nothing else in the app calls
 * `navigator.geolocation`.
 */
import type { Fix } from '../../domain/field/fix.ts';

export type GeoFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export const GEO_TIMEOUT_MS = 20_000;

const options: PositionOptions = { enableHighAccuracy: true, timeout: GEO_TIMEOUT_MS, maximumAge: 0 };

export function fixOf(p: GeolocationPosition): Fix {
  return { lon: p.coords.longitude, lat: p.coords.latitude, accuracyM: p.coords.accuracy, t: p.timestamp };
}

export function failureOf(e: GeolocationPositionError): GeoFailure {
  if (e.code === e.PERMISSION_DENIED) return 'denied';
  if (e.code === e.TIMEOUT) return 'timeout';
  return 'unavailable';
}

const api = (): Geolocation | null => (typeof navigator !== 'undefined' && navigator.geolocation) || null;

/** One fix; rejects with a GeoFailure. */
export function currentFix(): Promise<Fix> {
  const geo = api();
  if (!geo) return Promise.reject<Fix>('unsupported' satisfies GeoFailure);
  return new Promise((resolve, reject) =>
    geo.getCurrentPosition(
      (p) => resolve(fixOf(p)),
      (e) => reject(failureOf(e)),
      options,
    ),
  );
}

/** Fixes as the device produces them until the returned function is called. */
export function watchFixes(onFix: (fix: Fix) => void, onFailure: (failure: GeoFailure) => void): () => void {
  const geo = api();
  if (!geo) {
    onFailure('unsupported');
    return () => {};
  }
  const id = geo.watchPosition(
    (p) => onFix(fixOf(p)),
    (e) => onFailure(failureOf(e)),
    options,
  );
  return () => geo.clearWatch(id);
}
