import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refRingArea } from '../unit/screening/independent.ts';
import { AppDriver } from './app-driver.ts';

/**
 * A project boundary of 300,000 vertices (the importer takes up to 500,000) uploaded as GeoJSON: the map frames
 * it and the check reports its area. Once, a bounding box computed with Math.min(...xs) threw on such a file,
 * so the boundary was neither framed nor reported. The expected area is GeographicLib's PolygonArea of the
 * same numbers (tests/unit/screening/independent.ts), nothing from the app.
 */

const N = 300_000;
const [CX, CY] = [111.5, 42.45]; // Ulanqab / Xilingol border area, inside Inner Mongolia

function outline(): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < N; i++) {
    const t = (2 * Math.PI * i) / N;
    const r = 0.3 + 0.02 * Math.sin(7 * t);
    // 7 decimals (about 1 cm), as an exported parcel file would have
    const x = Math.round((CX + (r * Math.cos(t)) / 0.7374) * 1e7) / 1e7;
    const y = Math.round((CY + r * Math.sin(t)) * 1e7) / 1e7;
    ring.push([x, y]);
  }
  ring.push(ring[0] as number[]);
  return ring;
}

let app: AppDriver;
const panel = () => app.page.locator('.screening-panel');

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
});

afterAll(async () => {
  await app?.stop();
});

describe('a boundary of 300,000 vertices', () => {
  it('is framed on the map and screened, with the area GeographicLib gives', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '300k' },
          geometry: { type: 'Polygon', coordinates: [outline()] },
        },
      ],
    });
    // the oracle reads the very numbers the app reads
    const ring = (JSON.parse(text) as { features: { geometry: { coordinates: number[][][] } }[] }).features[0]
      ?.geometry.coordinates[0] as number[][];
    expect(ring).toHaveLength(N + 1);
    const expectedM2 = refRingArea(ring);
    let [w, s, e, n] = [180, 90, -180, -90];
    for (const p of ring) {
      w = Math.min(w, p[0] as number);
      s = Math.min(s, p[1] as number);
      e = Math.max(e, p[0] as number);
      n = Math.max(n, p[1] as number);
    }

    await app.openScreening();
    await app.chooseProjectFile(text, 'fine-outline.geojson', {
      mimeType: 'application/geo+json',
      timeout: 60_000,
    });
    expect(await panel().locator('.screening-error').count()).toBe(0);

    // framed: the view holds the whole boundary and is not the region-wide view it started from
    await app.idle();
    const view = (await app.page.evaluate(() => window.__map?.getBounds().toArray())) as number[][];
    const [[vw, vs] = [], [ve, vn] = []] = view;
    expect(vw).toBeLessThan(w);
    expect(vs).toBeLessThan(s);
    expect(ve).toBeGreaterThan(e);
    expect(vn).toBeGreaterThan(n);
    expect((ve as number) - (vw as number)).toBeLessThan(4 * (e - w));

    await panel().getByRole('button', { name: '开始审查' }).click();
    await panel().locator('.screening-results, .screening-error').first().waitFor({ timeout: 110_000 });
    const err = panel().locator('.screening-error');
    if (await err.count()) throw new Error(`check failed: ${await err.first().textContent()}`);
    const area = panel().locator('.project-area');
    expect(Math.abs(Number(await area.getAttribute('data-area-m2')) / expectedM2 - 1)).toBeLessThan(1e-9);
    // and what the table says in 公顷, read as a user reads it
    const shown = (await area.locator('strong').allTextContents()).map(Number);
    expect(Math.abs((shown[1] as number) - expectedM2 / 10_000)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(expectedM2).toBeGreaterThan(5e8); // the set-up is a large boundary, not a parcel
    expect(app.consoleErrors).toEqual([]);
  });
});
