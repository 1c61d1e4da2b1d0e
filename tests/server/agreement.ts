import { expect } from 'vitest';

/**
 * The server's overlap areas against the browser engine's, feature by feature: the same features, each area within
 * 1e-6 of the browser's, or within 1e-4 m² for slivers of under 100 m², where the geodesic area's own rounding
 * decides (it sums per-edge terms of ~1e12 m² at these latitudes: ~1e-5 m² apart between two correct programs).
 */
export function expectSameAreas(
  server: readonly { featureId: string; areaM2: number }[],
  browser: Map<string, number>,
): void {
  const got = new Map(server.map((o) => [o.featureId, o.areaM2]));
  expect(browser.size).toBeGreaterThan(0);
  expect([...got.keys()].sort()).toEqual([...browser.keys()].sort());
  for (const [id, m2] of browser) {
    const d = Math.abs((got.get(id) as number) - m2);
    expect({ id, m2, d, ok: d <= Math.max(1e-6 * m2, 1e-4) }).toMatchObject({ ok: true });
  }
}
