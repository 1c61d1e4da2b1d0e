import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryLayers } from '../../scripts/cli/inputs.ts';
import { writeLayerGeoJson } from '../../scripts/lib/layer-geojson.ts';
import type { ScreeningResult } from '../../web/domain/screening/engine.ts';
import { screenProject } from '../../web/domain/screening/engine.ts';
import { farmlandLayer } from '../../web/domain/screening/farmland-layer.ts';
import {
  INNER_MONGOLIA_BBOX,
  syntheticLayer,
  syntheticProject,
} from '../../web/domain/screening/synthetic-layer.ts';
import { firstDrawnZoom } from '../../web/domain/tiles/draw-zoom.ts';
import { AppDriver } from './app-driver.ts';

/**
 * Issue 11, done when: a seeded large red-line layer (5,000 polygons) and a seeded farmland-like layer (20,000
 * parcels) loaded through their layers' info views are kept over a reload, and a check against both gives the
 * figures the Node engine (the CLI's reading of the same files) gives, to 1e-9 of each layer's total overlap,
 * with the 永久基本农田 section.
 */

const dir = mkdtempSync(join(tmpdir(), 'three-zones-'));
const redFile = join(dir, 'redline-official.geojson');
const farmFile = join(dir, 'farmland-official.geojson');
const farm = farmlandLayer({ seed: 7, parcels: 20_000 });
const red = syntheticLayer({
  seed: 42,
  bbox: INNER_MONGOLIA_BBOX,
  cols: 100,
  rows: 50,
  maxVertices: 400,
  layerId: 'redline-test',
});
writeLayerGeoJson(farmFile, farm, (f) => ({ name: farm.props.at(f)?.name, zoneType: 'farmland-permanent' }));
writeLayerGeoJson(redFile, red, (f) => ({ name: `红线图斑 ${f + 1}` }));
/** 30 km across the middle of the 河套 plain: farmland parcels and red-line polygons both */
const project = syntheticProject(11, 107.9, 40.85, 30, 200);
const PROJECT_TYPE = 'linear-infrastructure';
const BUFFERS = [500, 1000, 5000];

let app: AppDriver;
/** the Node engine's result for the project, once the first test has computed it */
let nodeResult: ScreeningResult | undefined;
const panel = () => app.page.locator('.screening-panel');

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
  rmSync(dir, { recursive: true, force: true });
});

describe('a large red line and a farmland-like layer, kept over a reload, checked as the Node engine does', () => {
  it('loads both through the layer info views, reloads, and the check matches the Node engine to 1e-9 of each layer total', async () => {
    await app.loadUserLayer('redline-illustrative', redFile);
    await app.loadUserLayer('farmland-permanent', farmFile);
    // the 21 MB red line is read in two halves, both flat; the 6 MB farmland whole (under the split's 8 MB)
    const paths = await app.page.evaluate(() =>
      performance.getEntriesByName('ebm:import:total').map((e) => (e as PerformanceMeasure).detail),
    );
    expect(paths).toEqual([
      { layerId: 'redline-illustrative', path: 'halves-flat' },
      { layerId: 'farmland-permanent', path: 'whole' },
    ]);

    await app.page.reload();
    await app.page.waitForFunction(() => window.__map !== undefined);
    await app.idle();

    await app.openScreening();
    await app.chooseProjectFile(project, 'canal.geojson');
    await panel().getByLabel('项目类型').selectOption(PROJECT_TYPE);
    await panel().getByRole('button', { name: '开始审查' }).click();
    await panel().locator('.screening-results, .screening-error').first().waitFor({ timeout: 120_000 });
    expect(await panel().locator('.screening-error').allTextContents()).toEqual([]);

    // the Node engine: the same files read as the CLI reads them (`--layer <id>=<file>`)
    const { layers } = await registryLayers(
      new Map([
        ['redline-illustrative', redFile],
        ['farmland-permanent', farmFile],
      ]),
    );
    const node = screenProject(
      project,
      layers.map((l) => l.index),
      { projectType: PROJECT_TYPE, buffersM: BUFFERS, includeGeometry: false, nearest: true },
    );
    if (!node.ok) throw new Error('the Node engine refused the project');
    nodeResult = node.result;

    for (const layerId of ['redline-illustrative', 'farmland-permanent']) {
      const want = new Map(
        node.result.overlaps.filter((o) => o.layerId === layerId).map((o) => [o.name, o.areaM2]),
      );
      expect(want.size, `${layerId}: the project overlaps some of its features`).toBeGreaterThan(3);
      const more = panel().locator(`tr.overlap-more[data-layer-id="${layerId}"]`);
      if (want.size > 25) {
        // the panel lists the 25 largest overlaps by area, says how many more, and shows all on request
        const largest = [...want].sort((a, b) => b[1] - a[1]).slice(0, 25);
        const shown = await panel()
          .locator(`tr.overlap-row[data-layer-id="${layerId}"] td:nth-child(2)`)
          .allTextContents();
        expect(shown).toEqual(largest.map(([name]) => name));
        expect(await more.textContent()).toContain(`另有 ${want.size - 25} 处未列出`);
        await more.getByRole('button', { name: `显示全部 ${want.size} 处` }).press('Enter');
        // the focus the vanished button had goes to the first row it revealed: the 26th largest
        const next = [...want].sort((a, b) => b[1] - a[1])[25]?.[0];
        await expect
          .poll(() => app.page.evaluate(() => document.activeElement?.querySelectorAll('td')[1]?.textContent))
          .toBe(next);
      }
      await expect.poll(() => more.count()).toBe(0);
      const rows = await panel()
        .locator(`tr.overlap-row[data-layer-id="${layerId}"]`)
        .evaluateAll((trs) =>
          trs.map((tr) => ({
            name: tr.querySelectorAll('td')[1]?.textContent ?? '',
            areaM2: Number(tr.getAttribute('data-area-m2')),
          })),
        );
      expect(rows.map((r) => r.name).sort()).toEqual([...want.keys()].sort());
      const nodeTotal = node.result.layers.find((l) => l.layerId === layerId)?.overlapAreaM2 as number;
      // Chromium's Math.sin/cos/atan2 differ from Node's in the last bit for many inputs, and the ellipsoidal
      // area of a small clipped piece amplifies that (a 0.8 ha piece differed by 1.7e-9 of itself, 1e-5 m²):
      // each feature agrees to 1e-9 of the layer's total overlap, the total to 1e-9 of itself.
      for (const r of rows) {
        const w = want.get(r.name) as number;
        expect(Math.abs(r.areaM2 - w), `${layerId} ${r.name}`).toBeLessThan(1e-9 * nodeTotal);
      }
      const section = panel().locator(`section.layer-section[data-layer-id="${layerId}"]`);
      await expect.poll(() => section.getAttribute('data-status')).toBe('checked');
      const shown = Number(await section.locator('.section-figures').getAttribute('data-area-m2'));
      expect(Math.abs(shown / nodeTotal - 1)).toBeLessThan(1e-9);
    }
    const farmSection = panel().locator('section.layer-section[data-layer-id="farmland-permanent"]');
    expect(await farmSection.locator('h5').textContent()).toContain('永久基本农田');
    expect(await farmSection.isVisible()).toBe(true);
  });

  it('within each buffer distance the panel names the nearest 25 features, says how many more, and 显示全部 names all', async () => {
    if (!nodeResult) throw new Error('needs the check of the test before');
    // each feature is named as `<layer> <name> (<distance>)`; the seeded names are unique
    const name = (f: { name?: string | null }) => ` ${f.name} (`;
    const within5 = nodeResult.buffers.filter((b) => b.distanceM === 5000).flatMap((b) => b.features);
    expect(within5.length, 'the farmland has more than 25 parcels within 5 km').toBeGreaterThan(25);
    for (const dist of BUFFERS) {
      const want = nodeResult.buffers.filter((b) => b.distanceM === dist).flatMap((b) => b.features);
      const li = panel().locator(`.buffer-list li[data-buffer-m="${dist}"]`);
      expect(Number(await li.getAttribute('data-count'))).toBe(want.length);
      const listed = Number(await li.getAttribute('data-listed'));
      const text = (await li.textContent()) ?? '';
      if (want.length <= 25) {
        expect(listed).toBe(want.length);
        expect(await li.locator('.buffer-more').count()).toBe(0);
        continue;
      }
      expect(listed).toBe(25);
      const nearest = [...want].sort((a, b) => a.distanceM - b.distanceM);
      // the 25 nearest are named, the 26th is not (names are unique in the seeded layers)
      for (const f of nearest.slice(0, 25)) expect(text).toContain(name(f));
      expect(text).not.toContain(name(nearest[25] as (typeof nearest)[number]));
      expect(text).toContain(`另有 ${want.length - 25} 处未列出`);
      await li.getByRole('button', { name: `显示全部 ${want.length} 处` }).press('Enter');
      await expect.poll(() => li.getAttribute('data-listed')).toBe(String(want.length));
      // the focus the vanished button had goes to the list it lengthened
      expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-buffer-m'))).toBe(
        String(dist),
      );
      const all = (await li.textContent()) ?? '';
      for (const f of want) expect(all).toContain(name(f));
      expect(await li.locator('.buffer-more').count()).toBe(0);
    }
  });

  it('zoomed out, the farmland layer says from which zoom its parcels show (none is drawn before); zoomed in, they are drawn and the hint goes', async () => {
    const from = firstDrawnZoom(farm) as number;
    expect(from).toBeGreaterThan(5);
    const row = app.page.locator('.layer-row[data-layer-id="farmland-permanent"]');
    const box = row.locator('input[type=checkbox]');
    if (!(await box.isChecked())) await box.click();
    const hint = row.locator('.layer-zoom-hint');
    const view = async (zoom: number) => {
      await app.page.evaluate((z) => window.__map?.jumpTo({ center: [107.9, 40.85], zoom: z }), zoom);
      await app.idle();
    };
    for (const z of [4.5, from - 0.01]) {
      await view(z);
      await hint.waitFor();
      expect(await hint.textContent()).toContain(`放大到缩放级别 ${from} 及以上才显示`);
      expect(await app.renderedZoneIds('farmland-permanent-fill')).toEqual([]);
    }
    await view(from);
    await hint.waitFor({ state: 'detached' });
    await view(from + 1);
    expect((await app.renderedZoneIds('farmland-permanent-fill')).length).toBeGreaterThan(0);
    expect(await hint.count()).toBe(0);
  });
});
