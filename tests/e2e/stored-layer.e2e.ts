import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screeningPlan } from '../../layers/screening.ts';
import { screenProject } from '../../web/domain/screening/engine.ts';
import {
  featureCoordinates,
  type GeoJsonFeatureCollection,
  layerFromGeoJson,
} from '../../web/domain/screening/layer.ts';
import { prepareLayer } from '../../web/domain/screening/layer-check.ts';
import { syntheticLayer } from '../../web/domain/screening/synthetic-layer.ts';
import { STORED_BEFORE_MAP_MS } from '../../web/src/screening/screening-worker-start.ts';
import { PREFETCH_NAME } from '../../web/src/screening/worker-messages.ts';
import { AppDriver, rect } from './app-driver.ts';

/**
 * A user's red line is imported once into the stored binary form and, after a reload, checked without being read
 * again: the figures the browser shows are the Node engine's on the same GeoJSON (to 1e-9). A broken file and
 * mis-projected ones are refused with their place, and the layer loaded before stays and still checks the same.
 */

const RID = 'redline-illustrative';
const dir = mkdtempSync(join(tmpdir(), 'stored-layer-'));

// a few thousand seeded polygons over central Inner Mongolia, written as a user's GeoJSON file
const seeded = syntheticLayer({
  seed: 7,
  bbox: [110.5, 40.5, 113.5, 42.5],
  cols: 60,
  rows: 50,
  maxVertices: 300,
  layerId: 'seeded',
});
const featureCount = seeded.featurePartStarts.length - 1;
function writeLayer(): string {
  const features: string[] = [];
  for (let f = 0; f < featureCount; f++) {
    const coordinates = featureCoordinates(seeded, f);
    features.push(
      JSON.stringify({
        type: 'Feature',
        properties: { 名称: `红线图斑 ${f + 1}` },
        geometry: { type: 'MultiPolygon', coordinates },
      }),
    );
  }
  const file = join(dir, 'seeded-redline.geojson');
  writeFileSync(file, `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}`);
  return file;
}
const LAYER_FILE = writeLayer();
const project = rect(111.8, 41.3, 112.15, 41.58);

/** The Node engine on the same file: its overlaps by feature index, the project's area. */
function nodeEngine(): { overlaps: Map<string, number>; projectAreaM2: number } {
  const fc = JSON.parse(readFileSync(LAYER_FILE, 'utf8')) as GeoJsonFeatureCollection;
  const prepared = prepareLayer(layerFromGeoJson(fc, { id: RID }));
  if (!prepared.ok) throw new Error('Node refused the layer');
  const out = screenProject(project, [prepared.index], { includeGeometry: false });
  if (!out.ok) throw new Error('Node refused the project');
  const overlaps = new Map<string, number>();
  // the file's features have no ids: the engine names them by index, the app by `user-<layer>-<n>` from 1
  for (const o of out.result.overlaps) overlaps.set(`user-${RID}-${Number(o.featureId) + 1}`, o.areaM2);
  return { overlaps, projectAreaM2: out.result.projectAreaM2 };
}

let app: AppDriver;
const dialog = () => app.page.locator('dialog.layer-info');
const panel = () => app.page.locator('.screening-panel');

async function openInfo(): Promise<void> {
  const group = app.page.locator('details[data-group-id="redline"]');
  if ((await group.getAttribute('open')) === null) await group.locator('> summary').click();
  await app.page.locator(`.layer-row[data-layer-id="${RID}"]`).getByRole('button', { name: /^说明/ }).click();
  await dialog().waitFor();
}
async function closeInfo(): Promise<void> {
  await app.page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'hidden' });
}

async function check(): Promise<{ overlaps: Map<string, number>; projectAreaM2: number }> {
  await app.openScreening();
  if ((await panel().locator('.boundary-summary').count()) === 0)
    await app.chooseProjectFile(project, 'site.geojson');
  const checks = () => app.page.evaluate(() => performance.getEntriesByName('ebm:check:total').length);
  const before = await checks();
  await panel().getByRole('button', { name: '开始审查' }).click();
  const results = panel().locator('.screening-results');
  // this check's result painted (ebm:check:total is measured once the result table is)
  await expect.poll(checks, { timeout: 60_000 }).toBe(before + 1);
  await panel().locator('.screening-results, .screening-error').first().waitFor({ timeout: 60_000 });
  expect(await panel().locator('.screening-error').count()).toBe(0);
  await app.showAllOverlapRows();
  const overlaps = new Map<string, number>();
  for (const r of await results.locator(`.overlap-row[data-layer-id="${RID}"]`).all())
    overlaps.set(String(await r.getAttribute('data-zone-id')), Number(await r.getAttribute('data-area-m2')));
  const projectAreaM2 = Number(await results.locator('.project-area').getAttribute('data-area-m2'));
  return { overlaps, projectAreaM2 };
}

function expectEngine(got: { overlaps: Map<string, number>; projectAreaM2: number }): void {
  const want = nodeEngine();
  expect(want.overlaps.size).toBeGreaterThan(3); // the project really crosses several parcels
  expect([...got.overlaps.keys()].sort()).toEqual([...want.overlaps.keys()].sort());
  for (const [id, a] of want.overlaps)
    expect(Math.abs((got.overlaps.get(id) ?? 0) / a - 1)).toBeLessThan(1e-9);
  expect(Math.abs(got.projectAreaM2 / want.projectAreaM2 - 1)).toBeLessThan(1e-9);
}

/** Whether the stored layer `id` has `parts` (ring areas, where its properties lie) kept next to it (in the page). */
const keptNextToLayer = ({ id, parts }: { id: string; parts: string[] }) =>
  new Promise<boolean>((done) => {
    const r = indexedDB.open('eco-barrier-map-layers');
    r.onerror = () => done(false);
    r.onsuccess = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains('areas')) {
        db.close();
        return done(false);
      }
      const get = db.transaction('areas').objectStore('areas').get(id);
      get.onsuccess = () => {
        db.close();
        done(parts.every((p) => get.result?.[p] instanceof ArrayBuffer));
      };
      get.onerror = () => {
        db.close();
        done(false);
      };
    };
  });

interface StartOrder {
  /** when the screening worker told the stored layer's name was created */
  workerNew: number;
  /** when maplibre took its WebGL context */
  gl: number;
  /** the end of `ebm:reload:ready` */
  ready: number;
}

let orderLogged = false;
/**
 * Reloads and says when the page created the screening worker, the map's WebGL context, and knew the stored layer
 * ready. `lateMs`: in the page this reload opens, the worker's messages reach it that much later (in order).
 */
async function reloadWithStartOrder(lateMs = 0): Promise<StartOrder> {
  if (!orderLogged) {
    orderLogged = true;
    await app.page.addInitScript((prefix) => {
      const log: Partial<StartOrder> = {};
      (window as unknown as { __startOrder: typeof log }).__startOrder = log;
      let late = 0;
      try {
        late = Number(sessionStorage.getItem('test:late-worker-ms') ?? 0);
        sessionStorage.removeItem('test:late-worker-ms');
      } catch {
        // a page with no storage of its own (about:blank)
      }
      const W = window.Worker;
      window.Worker = class extends W {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (!options?.name?.startsWith(prefix)) return;
          log.workerNew ??= performance.now();
          if (late > 0)
            // registered before the page's own handler: it runs first, and holds each message back
            this.addEventListener('message', (e) => {
              if ((e as MessageEvent & { late?: true }).late) return;
              e.stopImmediatePropagation();
              setTimeout(() => {
                const again = new MessageEvent('message', { data: e.data }) as MessageEvent & { late?: true };
                again.late = true;
                this.dispatchEvent(again);
              }, late);
            });
        }
      };
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
        if (String(args[0]).startsWith('webgl')) log.gl ??= performance.now();
        return (getContext as (...a: unknown[]) => RenderingContext | null).apply(this, args);
      } as typeof getContext;
    }, PREFETCH_NAME);
  }
  if (lateMs > 0)
    await app.page.evaluate((ms) => sessionStorage.setItem('test:late-worker-ms', String(ms)), lateMs);
  await app.page.reload();
  await app.page.waitForFunction(() => window.__map !== undefined);
  await app.page.waitForFunction(() => performance.getEntriesByName('ebm:reload:ready').length > 0, null, {
    timeout: 60_000,
  });
  return app.page.evaluate(() => {
    const m = performance.getEntriesByName('ebm:reload:ready')[0];
    const log = (window as unknown as { __startOrder: Partial<StartOrder> }).__startOrder;
    return {
      workerNew: log.workerNew ?? Number.NaN,
      gl: log.gl ?? Number.NaN,
      ready: m ? m.startTime + m.duration : Number.NaN,
    };
  });
}

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
  rmSync(dir, { recursive: true, force: true });
});

describe('a user layer stored once in its binary form', () => {
  it(`imports ${featureCount} polygons, with the phases timed`, async () => {
    await openInfo();
    await dialog().locator('input[type=file]').setInputFiles(LAYER_FILE);
    const current = dialog().locator(`[data-user-layer="${RID}"]`);
    await current.waitFor({ timeout: 120_000 });
    expect(await current.textContent()).toContain('seeded-redline.geojson');
    expect(await current.textContent()).toContain(String(featureCount));
    await closeInfo();
    const phases = await app.page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('ebm:import:'))
        .map((m) => m.name),
    );
    expect(phases.sort()).toEqual(
      ['encode', 'parse', 'read', 'store', 'total', 'validate'].map((p) => `ebm:import:${p}`),
    );
    // where each feature's properties lie is kept with it at once: the first reload reads them as checks need them
    expect(await app.page.evaluate(keptNextToLayer, { id: RID, parts: ['props'] })).toBe(true);
  });

  it('after the import, the built-in layers a check reads are loaded as well: the first check loads nothing', async () => {
    const builtIn = screeningPlan(new Set([RID]))
      .read.map((d) => d.id)
      .filter((id) => id !== RID);
    expect(builtIn.length).toBeGreaterThan(0);
    // every load into the screening worker is measured once, with the layer it loaded
    const loads = () =>
      app.page.evaluate(() =>
        performance
          .getEntriesByName('ebm:check:index')
          .map((m) => String((m as PerformanceMeasure).detail?.layerId)),
      );
    await expect
      .poll(async () => [...new Set(await loads())].sort(), { timeout: 60_000 })
      .toEqual([RID, ...builtIn].sort());
    const before = (await loads()).length;
    expectEngine(await check());
    expect(await loads()).toHaveLength(before);
  });

  it('after a reload the layer is ready in the worker and checks as the Node engine does', async () => {
    // the map is created once the stored layer is ready for checks (the map's creation holds the page's thread,
    // which must hear from the worker first)
    const order = await reloadWithStartOrder();
    expect(order.workerNew).toBeGreaterThan(0);
    expect(order.gl).toBeGreaterThan(0);
    // (or at most 0.7 s after the worker was created, on a machine slow to read it: the next test)
    expect(order.gl).toBeGreaterThanOrEqual(Math.min(order.ready, order.workerNew + STORED_BEFORE_MAP_MS));
    // loaded from the stored binary: no GeoJSON of it is fetched or parsed again
    await app.idle();
    // the user layer reaching the worker (the built-in layers a check reads are loaded after it, each measured apart)
    const userReads = () =>
      app.page.evaluate(
        (id) =>
          performance
            .getEntriesByName('ebm:check:transfer')
            .filter((m) => (m as PerformanceMeasure).detail?.layerId === id).length,
        RID,
      );
    const before = await userReads();
    expect(before).toBe(1); // read once, by the load after the reload
    expectEngine(await check());
    // the check found the layer loaded: it was not read again
    expect(await userReads()).toBe(before);
  });

  it('a stored layer the page hears of late: the map waits 0.7 s for it, then is created without it', async () => {
    // the worker's messages reach the page 3 s late in this page
    const order = await reloadWithStartOrder(3000);
    expect(order.gl).toBeGreaterThanOrEqual(order.workerNew + STORED_BEFORE_MAP_MS);
    expect(order.gl).toBeLessThan(order.ready);
    await app.idle();
  });

  it('checked at once after a reload, its coordinates read in only as the check needs them, it checks as the Node engine does', async () => {
    // the background reading in of the stored layer's coordinates is held (e2e builds): the check reads them
    await app.page.addInitScript(() => {
      (window as { __holdCoordsFill?: boolean }).__holdCoordsFill = true;
    });
    await app.page.reload();
    await app.page.waitForFunction(() => performance.getEntriesByName('ebm:reload:ready').length > 0, null, {
      timeout: 60_000,
    });
    expectEngine(await check());
  });

  const refused = [
    {
      what: 'broken JSON',
      name: 'broken.geojson',
      body: '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":',
      place: /broken\.geojson，第 1 行第 86 列：JSON 格式错误/,
    },
    {
      what: 'Gauss–Krüger metres declared as degrees',
      name: 'gk-as-degrees.geojson',
      body: JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: rect(37_500_000, 4_500_000, 37_501_000, 4_501_000),
          },
        ],
      }),
      place: /gk-as-degrees\.geojson，第 1 个要素：坐标看起来是投影坐标（米）（37500000, 4500000）/,
    },
    {
      what: 'coordinates far outside the region (lat/lon swapped)',
      name: 'swapped.geojson',
      body: JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: rect(40.1, 10.1, 40.2, 10.2) },
          { type: 'Feature', properties: {}, geometry: rect(41.1, 11.1, 41.2, 11.2) },
        ],
      }),
      place: /swapped\.geojson，第 2 个要素：坐标不在内蒙古范围内/,
    },
  ];

  it.each(refused)('refuses $what with its place; the loaded layer stays', async ({ name, body, place }) => {
    await openInfo();
    await dialog()
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(body) });
    const errors = dialog().locator('.import-messages li.msg-error');
    await errors.first().waitFor({ timeout: 60_000 });
    const texts = await errors.allTextContents();
    expect(texts.join('\n')).toContain(name);
    expect(texts.join('\n')).toMatch(place);
    expect(await dialog().locator(`[data-user-layer="${RID}"]`).textContent()).toContain(
      'seeded-redline.geojson',
    );
    await closeInfo();
  });

  it('still checks against the layer loaded before, after a reload too', async () => {
    expectEngine(await check());
    // the ring areas the worker filled while idle, and where the features' properties lie, are kept with the
    // stored layer (and read back after the reload, where the check, which names features by those properties,
    // must still be the Node engine's)
    await app.page.waitForFunction(
      keptNextToLayer,
      { id: RID, parts: ['areas', 'props'] },
      {
        timeout: 60_000,
        polling: 500,
      },
    );
    await app.page.reload();
    await app.page.waitForFunction(() => window.__map !== undefined);
    await app.page.waitForFunction(() => performance.getEntriesByName('ebm:reload:ready').length > 0, null, {
      timeout: 60_000,
    });
    await app.idle();
    expectEngine(await check());
  });
});
