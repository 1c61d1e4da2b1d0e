// Part of `npm run bench`: a provincial-size red-line dataset (the screening bench's seeded synthetic layer, 20,000
// polygons, ~4.3 M vertices, written as GeoJSON) loaded by a user in headless Chromium through the layer's info view,
// then a project checked against it. Prints how long each took and the longest main-thread task (long tasks
// block input; the work is meant to run in workers).
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { featureCoordinates } from '../web/domain/screening/layer.ts';
import { BENCH_LAYER, syntheticLayer } from '../web/domain/screening/synthetic-layer.ts';
import { launchChromium } from './lib/chromium.ts';
import type { StaticServer } from './lib/static-server.ts';

function syntheticGeoJson(): string {
  const data = syntheticLayer(BENCH_LAYER);
  const n = data.featurePartStarts.length - 1;
  const parts: string[] = [];
  for (let f = 0; f < n; f++) {
    const polys = featureCoordinates(data, f).map((p) => p.map((r) => [...r, r[0] as number[]]));
    parts.push(
      JSON.stringify({
        type: 'Feature',
        properties: { name: `red line part ${f + 1}` },
        geometry: { type: 'MultiPolygon', coordinates: polys },
      }),
    );
  }
  return `{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}`;
}

export async function benchUserLayer(server: StaticServer, log: (s: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'user-layer-'));
  const file = join(dir, 'synthetic-redline.geojson');
  writeFileSync(file, syntheticGeoJson());
  log(`synthetic red-line GeoJSON: ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  const ctx = await launchChromium();
  try {
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('map-first-idle').length > 0, null, {
      timeout: 60_000,
    });
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const longest = () =>
      page.evaluate(() => {
        const w = window as unknown as { __long: number[] };
        const m = Math.max(0, ...w.__long);
        w.__long = [];
        return m;
      });
    await page.locator('details[data-group-id="redline"] > summary').click();
    await page.locator('.layer-row[data-layer-id="redline-illustrative"] button').last().click();
    const dialog = page.locator('dialog.layer-info');
    const t0 = Date.now();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.locator('[data-user-layer="redline-illustrative"]').waitFor({ timeout: 300_000 });
    const importMs = Date.now() - t0;
    const importLongest = await longest();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '选址审查' }).click();
    const panel = page.locator('.screening-panel');
    await panel.waitFor();
    const project = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [111.5, 41.5],
                [112.5, 41.5],
                [112.5, 42.3],
                [111.5, 42.3],
                [111.5, 41.5],
              ],
            ],
          },
        },
      ],
    };
    await panel.locator('input.screening-file[type=file][multiple]').setInputFiles({
      name: 'project.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(project)),
    });
    await panel.locator('.boundary-summary').waitFor();
    await longest();
    const t1 = Date.now();
    await panel.getByRole('button', { name: '开始审查' }).click();
    await panel.locator('.screening-results, .screening-error').first().waitFor({ timeout: 300_000 });
    const checkMs = Date.now() - t1;
    const checkLongest = await longest();
    const t2 = Date.now();
    await panel.getByRole('button', { name: '开始审查' }).click();
    await page.waitForFunction(() => !document.querySelector('.screening-progress'), null, {
      timeout: 300_000,
    });
    await panel.locator('.screening-results').waitFor();
    const recheckMs = Date.now() - t2;
    log('| step (user red-line layer in the browser) | wall time | longest main-thread task |');
    log('|---|---|---|');
    log(
      `| import: read, parse, validate (worker), keep in IndexedDB, draw | ${importMs} ms | ${importLongest.toFixed(0)} ms |`,
    );
    log(
      `| first check: layer sent to the screening worker, indexed, checked | ${checkMs} ms | ${checkLongest.toFixed(0)} ms |`,
    );
    log(`| second check (layer already loaded) | ${recheckMs} ms | |`);
  } finally {
    await ctx.close();
  }
}
