import type { Page } from 'playwright-core';
import type { AppDriver } from './app-driver.ts';

/**
 * Geolocation faults other than a denied permission, made in the browser: no fix (Chromium's own
 * POSITION_UNAVAILABLE, from a position override without coordinates), a device that never answers (the API's
 * methods replaced by ones that call back never), and a browser without the API (navigator.geolocation gone).
 * Each returns what undoes it.
 */

/** Chromium answers every request, and an open watch, with POSITION_UNAVAILABLE. */
export async function noFix(app: AppDriver): Promise<() => Promise<void>> {
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send('Emulation.setGeolocationOverride', {});
  return async () => {
    await cdp.send('Emulation.clearGeolocationOverride');
    await cdp.detach();
  };
}

/** getCurrentPosition and watchPosition take the request and never call back (a device that does not answer). */
export async function deviceSilent(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const g = Geolocation.prototype;
    const kept = { get: g.getCurrentPosition, watch: g.watchPosition, clear: g.clearWatch };
    (window as unknown as { __geoKept: typeof kept }).__geoKept = kept;
    g.getCurrentPosition = () => {};
    g.watchPosition = () => 1;
    g.clearWatch = () => {};
  });
  return () =>
    page.evaluate(() => {
      const g = Geolocation.prototype;
      const kept = (window as unknown as { __geoKept: { get: never; watch: never; clear: never } }).__geoKept;
      g.getCurrentPosition = kept.get;
      g.watchPosition = kept.watch;
      g.clearWatch = kept.clear;
    });
}

/** navigator.geolocation is undefined, as in a browser without the API. */
export function removeGeolocation(): void {
  const proto = Navigator.prototype as unknown as { geolocation?: unknown };
  (window as unknown as { __geoDescriptor?: PropertyDescriptor }).__geoDescriptor =
    Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation');
  delete proto.geolocation;
}

export async function noGeolocation(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(removeGeolocation);
  return () =>
    page.evaluate(() => {
      const d = (window as unknown as { __geoDescriptor?: PropertyDescriptor }).__geoDescriptor;
      if (d) Object.defineProperty(Navigator.prototype, 'geolocation', d);
    });
}
