import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUserLayer } from '../../web/domain/importers/index.ts';
import { t } from '../../web/src/strings/index.ts';
import { AppDriver } from './app-driver.ts';

/**
 * User layers in XML formats and where a zone came from:
 * - KML, KMZ and GPX user layers are read in the import worker like GeoJSON and Shapefile, and the user sees
 *   exactly the messages the importer gives for the same bytes in Node (the oracle), the layer kept on a failure;
 * - a built-in zone opened by search while the user has replaced its layer keeps the built-in badge (示意) and
 *   says the layer was replaced; a zone clicked on the user's data is 用户数据; removing the user's file drops a
 *   selection read from it.
 */

const FIX = join(import.meta.dirname, '..', 'unit', 'importers', 'fixtures');
type Upload = { name: string; mimeType: string; buffer: Buffer };
const fixture = (name: string): Upload => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: readFileSync(join(FIX, name)),
});

/** What the importer says in Node about these bytes as a user layer (the app's worker must say the same). */
async function expected(file: Upload, layerId: string): Promise<{ ok: boolean; texts: string[] }> {
  const b = file.buffer;
  const r = await importUserLayer(
    {
      name: file.name,
      size: b.length,
      arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer,
    },
    { layerId, source: 'wgs84', provenanceNote: `Loaded by the user from ${file.name}` },
  );
  return { ok: r.ok, texts: [...(r.ok ? [] : r.errors), ...r.warnings].map((m) => m.zh) };
}

let app: AppDriver;
const dialog = () => app.page.locator('dialog.layer-info');
const shownMessages = () => dialog().locator('.import-messages li').allTextContents();

async function openInfo(layerId: string): Promise<void> {
  if (await dialog().isVisible()) await closeInfo(); // left open by a failed test
  const row = app.page.locator(`.layer-row[data-layer-id="${layerId}"]`);
  if (!(await row.isVisible())) {
    const group = await row.evaluate((el) => el.closest('details')?.getAttribute('data-group-id'));
    await app.page.locator(`details[data-group-id="${group}"] > summary`).click();
  }
  await row.getByRole('button', { name: /^说明/ }).click();
  await dialog().waitFor();
}

async function closeInfo(): Promise<void> {
  await app.page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'hidden' });
  await app.idle();
}

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
});

afterAll(async () => {
  await app?.stop();
});

describe('KML, KMZ and GPX user layers: read in the import worker, with the importer’s messages', () => {
  it('a KML replaces the lakes layer, read in the worker (the first import of this page)', async () => {
    const file = fixture('boundary-utf8.kml');
    const want = await expected(file, 'lakes');
    expect(want.ok).toBe(true);
    expect(want.texts.length).toBeGreaterThan(0); // the point placemark is skipped with a warning
    const before = app.requests.length;
    expect(app.requests.some((u) => /import\.worker-[\w-]+\.js/.test(u))).toBe(false);
    await openInfo('lakes');
    await dialog().locator('input[type=file]').setInputFiles(file);
    await dialog().locator('[data-user-layer="lakes"]', { hasText: file.name }).waitFor();
    expect(app.requests.slice(before).some((u) => /import\.worker-[\w-]+\.js/.test(u))).toBe(true);
    await expect.poll(shownMessages).toEqual(want.texts);
    await closeInfo();
    await app.page.evaluate(() => window.__map?.jumpTo({ center: [111.72, 40.82], zoom: 9 }));
    await app.idle();
    expect(await app.renderedZoneIds('lakes-fill')).toEqual(['user-lakes-1']);
    expect(await app.page.locator('.layer-row[data-layer-id="lakes"] .badge-user').count()).toBe(1);
  });

  it.each(['boundary.kmz', 'track.gpx'])(
    '%s: the same outcome and messages as the importer',
    async (name) => {
      const file = fixture(name);
      const want = await expected(file, 'lakes');
      await openInfo('lakes');
      await dialog().locator('input[type=file]').setInputFiles(file);
      if (want.ok) await dialog().locator('[data-user-layer="lakes"]', { hasText: name }).waitFor();
      await expect.poll(shownMessages).toEqual(want.texts);
      await closeInfo();
    },
  );

  it('a broken KML: the importer’s message, naming the file and the fault; the loaded layer is kept', async () => {
    const file = {
      name: 'broken.kml',
      mimeType: 'application/vnd.google-earth.kml+xml',
      buffer: Buffer.from('<kml><Document><Placemark><Polygon>'),
    };
    const want = await expected(file, 'lakes');
    expect(want.ok).toBe(false);
    await openInfo('lakes');
    const kept = (await dialog().locator('[data-user-layer="lakes"]').textContent()) ?? '';
    await dialog().locator('input[type=file]').setInputFiles(file);
    await dialog().locator('.import-messages .msg-error').first().waitFor();
    await expect.poll(shownMessages).toEqual(want.texts);
    expect(want.texts[0]).toMatch(/broken\.kml.*XML/);
    expect(await dialog().locator('[data-user-layer="lakes"]').textContent()).toBe(kept);
    await closeInfo();
  });

  it('logged no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('a built-in zone of a replaced layer is not called user data', () => {
  const SANDS = 'thematic-sands';
  const square = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { zh: '用户沙地甲' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [112.0, 42.0],
              [112.5, 42.0],
              [112.5, 42.4],
              [112.0, 42.4],
              [112.0, 42.0],
            ],
          ],
        },
      },
    ],
  };
  const box = () => app.page.getByRole('combobox', { name: t('searchZones', 'zh') });
  const hit = () => app.page.locator('.zone-search-results [data-zone-id="desert-kubuqi"]');
  const zonePanel = () => app.page.locator('.zone-panel');

  async function searchKubuqi(): Promise<void> {
    await box().fill('');
    await box().click();
    await box().fill('库布其');
    await hit().waitFor();
  }

  it('opened by search while the layer is replaced: 示意, said to be replaced, not on the map', async () => {
    await app.open();
    await openInfo(SANDS);
    await dialog()
      .locator('input[type=file]')
      .setInputFiles({
        name: 'my-sands.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(square)),
      });
    await dialog().locator(`[data-user-layer="${SANDS}"]`).waitFor();
    await closeInfo();
    expect(await app.page.locator(`.layer-row[data-layer-id="${SANDS}"] .badge-user`).count()).toBe(1);

    await searchKubuqi();
    expect(await hit().locator('.badge-schematic').textContent()).toBe('示意');
    expect(await hit().locator('.badge-user').count()).toBe(0);
    expect(await hit().locator('.zone-search-superseded').textContent()).toBe('图层已替换');
    await hit().click();
    const panel = app.page.locator('.zone-panel[data-zone-id="desert-kubuqi"]');
    await panel.waitFor();
    expect(await panel.getAttribute('data-origin')).toBe('builtin');
    expect(await panel.locator('h2 .badge-schematic').textContent()).toBe('示意');
    expect(await panel.locator('.badge-user').count()).toBe(0);
    expect(await panel.locator('.note-superseded').textContent()).toBe(t('zoneSupersededSchematic', 'zh'));
    expect(await panel.locator('.note-schematic').count()).toBe(0);
    await app.idle();
    // framed on the built-in zone, which is not drawn: the map shows the user's data for this layer
    expect(await app.renderedZoneIds(`${SANDS}-fill`)).not.toContain('desert-kubuqi');
  });

  it('clicked on the user’s data: 用户数据, no 示意; removing the file drops that selection', async () => {
    await app.page.evaluate(() => window.__map?.jumpTo({ center: [112.25, 42.2], zoom: 8 }));
    await app.idle();
    const userIds = await app.renderedZoneIds(`${SANDS}-fill`);
    expect(userIds).toHaveLength(1);
    const userId = userIds[0] as string;
    await app.clickLngLat(112.25, 42.2);
    await zonePanel().waitFor();
    if ((await zonePanel().getAttribute('data-zone-id')) !== userId)
      await zonePanel().locator(`.zones-here button[data-zone-id="${userId}"]`).click();
    const panel = app.page.locator(`.zone-panel[data-zone-id="${userId}"]`);
    await panel.waitFor();
    expect(await panel.getAttribute('data-origin')).toBe('user');
    expect(await panel.locator('h2').textContent()).toContain('用户沙地甲');
    expect(await panel.locator('h2 .badge-user').textContent()).toBe('用户数据');
    expect(await panel.locator('.badge-schematic, .note-schematic, .note-superseded').count()).toBe(0);

    await openInfo(SANDS);
    await dialog()
      .getByRole('button', { name: /恢复示意图层/ })
      .click();
    await dialog().locator(`[data-user-layer="${SANDS}"]`).waitFor({ state: 'detached' });
    await closeInfo();
    await panel.waitFor({ state: 'detached' });
  });

  it('after the built-in layer is back: the same zone is plainly 示意, nothing said about a replacement', async () => {
    await searchKubuqi();
    expect(await hit().locator('.badge-schematic').textContent()).toBe('示意');
    expect(await hit().locator('.zone-search-superseded').count()).toBe(0);
    await hit().click();
    const panel = app.page.locator('.zone-panel[data-zone-id="desert-kubuqi"]');
    await panel.waitFor();
    expect(await panel.locator('h2 .badge-schematic').textContent()).toBe('示意');
    expect(await panel.locator('.note-superseded').count()).toBe(0);
    expect(await panel.locator('.note-schematic').textContent()).toBe(t('schematicLayerNote', 'zh'));
    await app.idle();
    expect(await app.renderedZoneIds(`${SANDS}-fill`)).toContain('desert-kubuqi');
  });

  it('logged no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
