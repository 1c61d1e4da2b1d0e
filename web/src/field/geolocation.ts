/**
 * The browser's Geolocation API as the app uses it: one fix, or a stream of fixes, as domain `Fix` values, and its
 * failures as one of four kinds the UI words (strings `field.geo.*`). Nothing else in the app calls
 * `navigator.geolocation`.
 */
import type { Fix } from '../../domain/field/fix.ts';

export type GeoFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export const GEO_TIMEOUT_MS = 20_000;

/**
 * A device that never answers (a browser or a location service that calls neither callback) would leave the API's
 * own `timeout` unused: a timer of ours says 'timeout' a little after the API's own would have.
 */
export const NO_ANSWER_MS = GEO_TIMEOUT_MS + 2_000;

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
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject('timeout' satisfies GeoFailure), NO_ANSWER_MS);
    geo.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve(fixOf(p));
      },
      (e) => {
        clearTimeout(timer);
        reject(failureOf(e));
      },
      options,
    );
  });
}

/**
 * A watch's "no position" the device gets over this soon (a fix follows) is not a failure: a location service
 * switching between satellites and network says so for a moment, and so does Chromium whenever an emulated position
 * changes.
 */
export const UNAVAILABLE_GRACE_MS = 5_000;

/**
 * Fixes as the device produces them until the returned function is called. No first answer (a fix or a failure)
 * within NO_ANSWER_MS is a 'timeout'; after one, silence may be a device standing still, and only the API's own
 * timeout speaks. 'unavailable' is told only when no fix follows it within UNAVAILABLE_GRACE_MS.
 */
export function watchFixes(onFix: (fix: Fix) => void, onFailure: (failure: GeoFailure) => void): () => void {
  const geo = api();
  if (!geo) {
    onFailure('unsupported');
    return () => {};
  }
  let noAnswer: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
    noAnswer = undefined;
    onFailure('timeout');
  }, NO_ANSWER_MS);
  let unavailable: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(noAnswer);
    clearTimeout(unavailable);
    noAnswer = undefined;
    unavailable = undefined;
  };
  const id = geo.watchPosition(
    (p) => {
      settle();
      onFix(fixOf(p));
    },
    (e) => {
      const failure = failureOf(e);
      if (failure !== 'unavailable') {
        settle();
        onFailure(failure);
        return;
      }
      clearTimeout(noAnswer);
      noAnswer = undefined;
      unavailable ??= setTimeout(() => {
        unavailable = undefined;
        onFailure('unavailable');
      }, UNAVAILABLE_GRACE_MS);
    },
    options,
  );
  return () => {
    settle();
    geo.clearWatch(id);
  };
}
