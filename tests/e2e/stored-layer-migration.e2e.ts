import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenProject } from '../../web/domain/screening/engine.ts';
import {
  featureCoordinates,
  type GeoJsonFeatureCollection,
  layerFromGeoJson,
} from '../../web/domain/screening/layer.ts';
import { prepareLayer } from '../../web/domain/screening/layer-check.ts';
import { syntheticLayer } from '../../web/domain/screening/synthetic-layer.ts';
import { AppDriver, rect } from './app-driver.ts';

/**
 * A red line kept by the previous version (normalised GeoJSON bytes in the project database's `userLayers` store)
 * is converted once into the stored binary form after the upgrade: it is listed as the user's layer again and a
 * check against it gives the Node engine's figures on the same GeoJSON.
 */

const RID = 'redline-illustrative';
const seeded = syntheticLayer({ seed: 11, bbox: [111, 41, 112, 41.6], cols: 20, rows: 12, maxVertices: 120 });
const n = seeded.featurePartStarts.length - 1;
const fc = {
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, f) => ({
    type: 'Feature',
    properties: { 名称: `旧版图斑 ${f + 1}`, zoneId: `user-${RID}-${f + 1}`, zoneType: 'redline' },
    geometry: { type: 'MultiPolygon', coordinates: featureCoordinates(seeded, f) },
  })),
};
const text = JSON.stringify(fc);
const project = rect(111.3, 41.2, 111.55, 41.38);

let app: AppDriver;
beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
});
afterAll(async () => {
  await app?.stopExpectingNoErrors();
});

describe('a layer kept by the previous version', () => {
  it('is converted after the upgrade and checks as the Node engine does', async () => {
    await app.page.evaluate(
      ([body, id]) =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.open('eco-barrier-map', 1);
          r.onupgradeneeded = () => {
            for (const s of ['projects', 'userLayers'])
              if (!r.result.objectStoreNames.contains(s)) r.result.createObjectStore(s, { keyPath: 'id' });
          };
          r.onerror = () => reject(r.error);
          r.onsuccess = () => {
            const tx = r.result.transaction('userLayers', 'readwrite');
            tx.objectStore('userLayers').put({
              id,
              name: 'old-redline.geojson',
              geojson: new TextEncoder().encode(body).buffer,
              provenance: {
                note: 'Loaded by the user from old-redline.geojson',
                fileName: 'old-redline.geojson',
                format: 'geojson',
                crs: 'EPSG:4326',
                source: 'wgs84',
                importedAt: '2026-01-05T02:00:00.000Z',
                featureCount: 240,
              },
            });
            tx.oncomplete = () => {
              r.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [text, RID] as const,
    );
    await app.page.reload();
    await app.page.waitForFunction(() => window.__map !== undefined);
    await app.page.locator('details[data-group-id="redline"] > summary').click();
    await app.page
      .locator(`.layer-row[data-layer-id="${RID}"]`)
      .getByRole('button', { name: /^说明/ })
      .click();
    const current = app.page.locator(`dialog.layer-info [data-user-layer="${RID}"]`);
    await current.waitFor({ timeout: 60_000 });
    expect(await current.textContent()).toContain('old-redline.geojson');
    expect(await current.textContent()).toContain(String(n));
    await app.page.keyboard.press('Escape');

    const panel = await app.openScreening();
    await app.chooseProjectFile(project, 'site.geojson');
    await panel.getByRole('button', { name: '开始审查' }).click();
    await expect
      .poll(() => app.page.evaluate(() => performance.getEntriesByName('ebm:check:total').length), {
        timeout: 60_000,
      })
      .toBe(1);
    await app.showAllOverlapRows();
    const got = new Map<string, number>();
    for (const r of await panel.locator(`.overlap-row[data-layer-id="${RID}"]`).all())
      got.set(String(await r.getAttribute('data-zone-id')), Number(await r.getAttribute('data-area-m2')));

    const prepared = prepareLayer(
      layerFromGeoJson(JSON.parse(text) as GeoJsonFeatureCollection, { id: RID }),
    );
    if (!prepared.ok) throw new Error('Node refused the layer');
    const out = screenProject(project, [prepared.index]);
    if (!out.ok) throw new Error('Node refused the project');
    const want = new Map(
      out.result.overlaps.map((o) => [`user-${RID}-${Number(o.featureId) + 1}`, o.areaM2]),
    );
    expect(want.size).toBeGreaterThan(2);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [id, a] of want) expect(Math.abs((got.get(id) ?? 0) / a - 1)).toBeLessThan(1e-9);

    // converted once: the kept copy is gone from the project database
    const kept = await app.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const r = indexedDB.open('eco-barrier-map', 1);
          r.onsuccess = () => {
            const c = r.result.transaction('userLayers', 'readonly').objectStore('userLayers').count();
            c.onsuccess = () => {
              resolve(c.result);
              r.result.close();
            };
          };
        }),
    );
    expect(kept).toBe(0);
  });
});
