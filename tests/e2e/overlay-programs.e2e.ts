import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../layers/registry.ts';
import { installShaderProbe, type ShaderCompile } from '../../scripts/lib/trace-profile.ts';
import { AppDriver, acrossFirstRedLineZone, rect } from './app-driver.ts';

/**
 * What a check draws (the project's outline and fill, its overlaps, its buffer rings) and the 三区三线 parcels a user
 * loads are drawn with shader programs the map compiled for its first paint (layers/overlays.ts,
 * layers/three-zones-layers.ts): in software WebGL a new program held the page for 0.2–1.7 s the first time it drew.
 * Counted in a fresh page, by timing WebGL's compile status queries.
 */

const REDLINE = LAYERS.find((l) => l.group === 'redline');
let app: AppDriver;
const panel = () => app.page.locator('.screening-panel');
const compiled = () =>
  app.page.evaluate(() => (window as unknown as { __shaders: ShaderCompile[] }).__shaders.length);
/** The shaders compiled since the `from`-th, as `kind: defines`. */
const compiledSince = (from: number) =>
  app.page.evaluate(
    (n) =>
      (window as unknown as { __shaders: ShaderCompile[] }).__shaders
        .slice(n)
        .map((c) => `${c.kind}: ${c.defines.join(' ')}`),
    from,
  );

beforeAll(async () => {
  app = await AppDriver.start();
  await app.page.context().addInitScript(installShaderProbe);
  await app.open();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
});

describe('a check draws with the start-up map’s shader programs', () => {
  it('the project, its overlap with the red line and its buffer rings compile no new program', async () => {
    const atStart = await compiled();
    // the probe sees the programs of the first paint
    expect(atStart).toBeGreaterThan(0);

    const project = acrossFirstRedLineZone();

    // the red line shown first, as a planner looking at it would have it: its own programs are not the check's
    const row = app.page.locator(`.layer-row[data-layer-id="${REDLINE?.id}"]`);
    if (!(await row.isVisible())) {
      const group = await row.evaluate((el) => el.closest('details')?.getAttribute('data-group-id'));
      await app.page.locator(`details[data-group-id="${group}"] > summary`).click();
    }
    const box = row.locator('input[type=checkbox]');
    if (!(await box.isChecked())) await box.click();
    await app.idle();
    const beforeProject = await compiled();

    await app.openScreening();
    await app.chooseProjectFile(project, 'across-the-red-line.geojson');
    await app.idle();
    await panel().getByLabel('项目类型').selectOption('linear-infrastructure');
    await panel().getByLabel('缓冲距离（米，逗号分隔）').fill('500, 1000, 5000');
    await panel().getByRole('button', { name: '开始审查' }).click();
    await panel().locator('.screening-results').waitFor({ timeout: 60_000 });
    expect(await panel().locator('.overlap-row').count()).toBeGreaterThan(0);
    // the overlap and the buffer rings on the map, drawn
    await expect
      .poll(async () => (await app.sourceData('overlay-screening-buffers'))?.features.length ?? 0)
      .toBe(3);
    expect((await app.sourceData('overlay-screening-overlap'))?.features.length).toBeGreaterThan(0);
    await app.idle();

    const drawn = await app.page.evaluate(() =>
      [
        'overlay-screening-project-line',
        'overlay-screening-overlap-fill',
        'overlay-screening-buffers-line',
      ].map((id) => window.__map?.getLayer(id) !== undefined),
    );
    expect(drawn).toEqual([true, true, true]);
    expect(await compiledSince(beforeProject)).toEqual([]);
  });

  it('a 永久基本农田 file the user loads, its parcels drawn up close, compiles no new program', async () => {
    const before = await compiled();
    const parcels = {
      name: '永久基本农田.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { name: '图斑一' }, geometry: rect(111.0, 40.5, 111.02, 40.52) },
            { type: 'Feature', properties: { name: '图斑二' }, geometry: rect(111.03, 40.5, 111.05, 40.52) },
          ],
        }),
      ),
    };
    await app.page.keyboard.press('Escape');
    const row = app.page.locator('.layer-row[data-layer-id="farmland-permanent"]');
    if (!(await row.isVisible()))
      await app.page.locator('details[data-group-id="three-zones"] > summary').click();
    await row.getByRole('button', { name: /^说明/ }).click();
    const dialog = app.page.locator('dialog.layer-info');
    await dialog.locator('input[type=file]').setInputFiles(parcels);
    await dialog.locator('[data-user-layer="farmland-permanent"]').waitFor({ timeout: 60_000 });
    await app.page.keyboard.press('Escape');
    const box = row.locator('input[type=checkbox]');
    if (!(await box.isChecked())) await box.click();
    await app.page.evaluate(() => window.__map?.jumpTo({ center: [111.025, 40.51], zoom: 12 }));
    await expect
      .poll(async () => (await app.renderedZoneIds('farmland-permanent-fill')).length, { timeout: 60_000 })
      .toBe(2);
    expect((await app.renderedZoneIds('farmland-permanent-line')).length).toBe(2);
    await app.idle();
    expect(await compiledSince(before)).toEqual([]);
  });
});
