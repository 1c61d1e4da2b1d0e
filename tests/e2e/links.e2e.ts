import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver } from './app-driver.ts';

/**
 * Links hold the whole view (issue 9): camera, layers, selection, view and language come back from the URL after
 * a reload; a new selection is a history step that back and forward return to; moving the map is not.
 */
let app: AppDriver;
beforeAll(async () => {
  app = await AppDriver.start();
});
afterAll(async () => {
  await app?.stop();
});

const query = async () => new URLSearchParams(await app.page.evaluate(() => window.location.search));
const param = async (name: string) =>
  await app.page.evaluate((n) => new URL(window.location.href).searchParams.get(n), name);
const camera = () =>
  app.page.evaluate(() => {
    const m = window.__map;
    if (!m) throw new Error('no map');
    const c = m.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: m.getZoom(), bearing: m.getBearing() };
  });
const layerShown = (id: string) =>
  app.page.locator(`.layer-row[data-layer-id="${id}"] input[type=checkbox]`).first().isChecked();
const mapLayerVisible = (mapLayerId: string) =>
  app.page.evaluate((id) => window.__map?.getLayoutProperty(id, 'visibility') !== 'none', mapLayerId);
const panelZone = () => app.page.locator('.zone-panel').getAttribute('data-zone-id');
/** Waits until the URL has been written after the last change (writes are batched to the next microtask). */
const settled = async () => {
  await app.idle();
  await app.page.evaluate(() => new Promise((ok) => setTimeout(ok, 50)));
};

describe('links hold the whole view', () => {
  it('a link with camera, layers and zone restores all three, also after a reload', async () => {
    const link = '?zone=league-alxa&map=6.5/40.1/103.2/15&show=thematic-wind-bases&hide=rivers';
    await app.open(link);
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    for (const round of ['opened', 'reloaded']) {
      const c = await camera();
      expect(c.zoom, round).toBeCloseTo(6.5, 2);
      expect(c.lat, round).toBeCloseTo(40.1, 3);
      expect(c.lng, round).toBeCloseTo(103.2, 3);
      expect(c.bearing, round).toBeCloseTo(15, 3);
      await app.page
        .locator('details[data-group-id]:has([data-layer-id="thematic-wind-bases"]) > summary')
        .click();
      expect(await layerShown('thematic-wind-bases'), round).toBe(true);
      expect(await layerShown('rivers'), round).toBe(false);
      const windMapLayer = await app.page.evaluate(
        () =>
          window.__map
            ?.getStyle()
            .layers.find(
              (l) =>
                (l.metadata as { registryId?: string } | undefined)?.registryId === 'thematic-wind-bases',
            )?.id ?? '',
      );
      expect(await mapLayerVisible(windMapLayer), round).toBe(true);
      expect(await panelZone(), round).toBe('league-alxa');
      await settled();
      // the link's camera wins over framing the zone, and the URL still says what is on screen
      expect(await param('map'), round).toBe('6.5/40.1/103.2/15');
      expect(await param('show'), round).toBe('thematic-wind-bases');
      expect(await param('hide'), round).toBe('rivers');
      if (round === 'opened') {
        await app.page.reload();
        await app.page.waitForFunction(() => window.__map !== undefined);
        await app.idle();
        await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
      }
    }
    expect(app.consoleErrors).toEqual([]);
  });

  it('back returns to the previous selection and its camera, forward steps again; panning is no step', async () => {
    await app.open('?zone=league-alxa');
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    await settled();
    const alxaMap = await param('map');
    expect(alxaMap).not.toBeNull();
    const steps = await app.page.evaluate(() => history.length);

    await app.page.evaluate(() => window.__map?.jumpTo({ center: [114, 44], zoom: 6 }));
    await settled();
    expect(await param('map')).toBe('6/44/114');
    expect(await app.page.evaluate(() => history.length)).toBe(steps);

    await app.clickLngLat(116.5, 44.8); // 锡林郭勒盟, clear of the sandy lands
    await app.page.locator('.zone-panel[data-zone-id="league-xilingol"]').waitFor();
    await settled();
    expect(await param('zone')).toBe('league-xilingol');
    expect(await app.page.evaluate(() => history.length)).toBe(steps + 1);

    await app.page.goBack();
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    await settled();
    expect(await param('zone')).toBe('league-alxa');
    const c = await camera();
    expect(c.zoom).toBeCloseTo(6, 2);
    expect(c.lng).toBeCloseTo(114, 3);

    await app.page.goForward();
    await app.page.locator('.zone-panel[data-zone-id="league-xilingol"]').waitFor();
    await app.page.goBack();
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('opening a view is a step; back closes it; the view and language survive a reload', async () => {
    await app.open('?lang=en');
    await settled();
    await app.page.locator('.view-nav button', { hasText: 'Tasks' }).click();
    await app.page.locator('.view-panel').waitFor();
    await settled();
    expect(await param('view')).toBe('tasks');
    expect(await param('lang')).toBe('en');
    await app.page.reload();
    await app.page.waitForFunction(() => window.__map !== undefined);
    await app.page.locator('.view-panel').waitFor();
    expect(await app.page.locator('.view-nav button[aria-pressed="true"]').textContent()).toBe('Tasks');
    expect(await app.page.locator('html').getAttribute('lang')).toBe('en');
    await app.page.goBack();
    await app.page.locator('.view-panel').waitFor({ state: 'detached' });
    expect((await query()).get('view')).toBeNull();
    expect(app.consoleErrors).toEqual([]);
  });

  it('ignores a hostile or broken link and keeps the app usable', async () => {
    await app.open(
      '?zone=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&map=99/999/abc&show=not-a-layer&task=%3Cb%3E&paint=x:%3Cb%3E&view=evil',
    );
    await settled();
    expect(await app.page.locator('.zone-panel').count()).toBe(0);
    expect(await app.page.locator('.view-panel').count()).toBe(0);
    const q = await query();
    for (const p of ['zone', 'map', 'task', 'paint', 'view'])
      expect(q.get(p) ?? '', p).not.toMatch(/[<>]|evil|999/);
    expect(app.consoleErrors).toEqual([]);
  });
});
