import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonesAtPointLoader } from '../../scripts/lib/zones-at-point.ts';
import { geodesicCircle } from '../../web/domain/field/accuracy-circle.ts';
import { judgeFix } from '../../web/domain/field/fix.ts';
import { gaussKrugerOf, gaussKrugerText, latLonText } from '../../web/domain/field/position.ts';
import { polygonArea } from '../../web/domain/geo/ellipsoid.ts';
import { AppDriver } from './app-driver.ts';
import { deviceSilent, noFix, removeGeolocation } from './geo-faults.ts';

/**
 * "Where am I" end to end, with the device's position emulated. Expected zones, red-line distances, coordinates and
 * areas are computed here in Node from the same layer files (scripts/lib/zones-at-point.ts, the worker's rule) and
 * the domain functions, never read from the app.
 */

/** In 鄂尔多斯市 乌审旗, in the 毛乌素沙地 (thematic-sands) and the 几字弯 battle zone, inside a red-line part. */
const ORDOS = { longitude: 109.0, latitude: 38.9, accuracy: 12 };
/** 呼和浩特 回民区, outside every red-line part. */
const HOHHOT = { longitude: 111.6, latitude: 40.8, accuracy: 8 };
/** Shanghai: far outside Inner Mongolia. */
const SHANGHAI = { longitude: 121.47, latitude: 31.23, accuracy: 10 };

const zonesAt = zonesAtPointLoader();

const withGeo = (geo: typeof ORDOS, extra: BrowserContextOptions = {}): BrowserContextOptions => ({
  permissions: ['geolocation', 'clipboard-read', 'clipboard-write'],
  geolocation: geo,
  ...extra,
});

let app: AppDriver;
const card = () => app.page.locator('.position-card');

/** Presses the locate button and waits for the card to show this fix (or a failure). */
async function locate(d: AppDriver = app, geo: typeof ORDOS | null = null): Promise<void> {
  await d.page.locator('.locate-button').click();
  await locateDone(geo, d);
}

async function locateDone(geo: typeof ORDOS | null, d: AppDriver = app): Promise<void> {
  if (geo) {
    const text = latLonText(geo.longitude, geo.latitude);
    await d.page
      .locator(`.position-card[data-status="located"] [data-copy="wgs84"] input[value="${text}"]`)
      .waitFor();
  } else
    await d.page
      .locator('.position-card[data-status="located"], .position-card[data-status="failed"]')
      .waitFor();
}

async function zonesShown(d: AppDriver = app): Promise<string[]> {
  await d.page
    .locator('.position-card .position-redline, .position-card [data-verdict="outside-region"]')
    .first()
    .waitFor();
  return (
    await d.page
      .locator('.position-zones li')
      .evaluateAll((lis) =>
        lis.map((li) => `${li.getAttribute('data-layer')}:${li.getAttribute('data-zone-id')}`),
      )
  ).sort();
}

const expectedZones = (geo: typeof ORDOS) =>
  zonesAt(geo.longitude, geo.latitude)
    .zones.map((z) => `${z.layerId}:${z.zoneId ?? ''}`)
    .sort();

beforeAll(async () => {
  app = await AppDriver.start(withGeo(ORDOS));
  await app.open();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
});

describe('where am I', () => {
  it('locates: the card lists the zones at the point and the red-line distance, as Node computes them', async () => {
    const locateButton = app.page.getByRole('button', { name: /^定位/ });
    expect(await locateButton.count()).toBe(1);
    await locate(app, ORDOS);
    const expected = zonesAt(ORDOS.longitude, ORDOS.latitude);
    // the set-up: a league, a banner, a sandy land and the 几字弯 battle zone are here
    for (const layer of ['leagues', 'counties', 'thematic-sands', 'thematic-battles'])
      expect(expected.zones.some((z) => z.layerId === layer)).toBe(true);
    expect(await zonesShown()).toEqual(expectedZones(ORDOS));
    if (process.env.E2E_SHOTS)
      await app.page.screenshot({ path: `${process.env.E2E_SHOTS}/locate-desktop.png` });
    expect(await card().textContent()).toContain('毛乌素沙地');
    expect(await card().textContent()).toContain('乌审旗');
    // in the red line here: said so, with the distance to its edge
    expect(expected.inRedLine.length).toBeGreaterThan(0);
    expect(await card().locator('.position-redline').getAttribute('data-in-red-line')).toBe('yes');
    const near = expected.nearestRedLine;
    if (!near) throw new Error('no red line near the set-up point');
    const shownM = Number(await card().locator('.position-nearest').getAttribute('data-distance-m'));
    expect(Math.abs(shownM / near.distanceM - 1)).toBeLessThan(1e-9);
    expect(await card().locator('.position-nearest').textContent()).toContain(
      `${(near.distanceM / 1000).toFixed(2)} 千米`,
    );
    // schematic layers carry the one badge
    expect(await card().locator('li[data-layer="thematic-sands"] .badge-schematic').count()).toBe(1);
    expect(await card().locator('li[data-layer="leagues"] [data-badge]').count()).toBe(0);
    // time in Beijing time
    expect(await card().locator('.position-time').textContent()).toContain('北京时间');
    // the map draws the point and its accuracy circle, and shows the whole circle
    const dot = await app.sourceData('overlay-where-fix');
    expect(dot?.features[0]?.geometry).toEqual({
      type: 'Point',
      coordinates: [ORDOS.longitude, ORDOS.latitude],
    });
    const circle = await app.sourceData('overlay-where-accuracy');
    const ring = (circle?.features[0]?.geometry as GeoJSON.Polygon | undefined)?.coordinates[0] ?? [];
    expect(ring.length).toBeGreaterThan(10);
    await app.idle();
    const view = (await app.page.evaluate(() => window.__map?.getBounds().toArray())) as number[][];
    for (const [x, y] of ring) {
      expect(x).toBeGreaterThan(view[0]?.[0] ?? 0);
      expect(x).toBeLessThan(view[1]?.[0] ?? 0);
      expect(y).toBeGreaterThan(view[0]?.[1] ?? 0);
      expect(y).toBeLessThan(view[1]?.[1] ?? 0);
    }
    // zoomed in far enough that the circle is more than a few pixels across
    expect(await app.page.evaluate(() => window.__map?.getZoom() ?? 0)).toBeGreaterThan(14);
  });

  it('copies the position: WGS84 and Gauss–Krüger 3° zone, as Node computes them', async () => {
    const gk = gaussKrugerOf(ORDOS.longitude, ORDOS.latitude, 3);
    expect(await card().textContent()).toContain(
      `3° 带 第 ${gk.zone} 带（中央经线 ${gk.centralMeridian}°E）`,
    );
    await card().getByRole('button', { name: '复制高斯坐标' }).click();
    await card().locator('[data-copy="gauss-kruger"] .position-copied', { hasText: '已复制' }).waitFor();
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(gaussKrugerText(gk));
    await card().getByRole('button', { name: '复制经纬度' }).click();
    await card().locator('[data-copy="wgs84"] .position-copied', { hasText: '已复制' }).waitFor();
    expect(await app.page.evaluate(() => navigator.clipboard.readText())).toBe(
      latLonText(ORDOS.longitude, ORDOS.latitude),
    );
  });

  it('a zone in the card opens as a map click opens it', async () => {
    await card().getByRole('button', { name: '打开分区 乌审旗' }).click();
    const panel = app.page.locator('.zone-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-zone-id')).toBe(
      zonesAt(ORDOS.longitude, ORDOS.latitude).zones.find((z) => z.layerId === 'counties')?.zoneId,
    );
    // the other zones here are offered, as after a map click
    expect(await panel.textContent()).toContain('鄂尔多斯市');
    await app.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('outside every red line: says so, and the nearest red-line boundary with its layer', async () => {
    await app.context.setGeolocation(HOHHOT);
    await locate(app, HOHHOT);
    expect(await zonesShown()).toEqual(expectedZones(HOHHOT));
    const expected = zonesAt(HOHHOT.longitude, HOHHOT.latitude);
    expect(expected.inRedLine).toEqual([]);
    const red = card().locator('.position-redline');
    expect(await red.getAttribute('data-in-red-line')).toBe('no');
    expect(await red.textContent()).toContain('不在任何生态保护红线内');
    expect(await red.locator('.badge-schematic').count()).toBeGreaterThan(0);
    const near = expected.nearestRedLine;
    if (!near) throw new Error('no red line near Hohhot');
    expect(Number(await red.locator('.position-nearest').getAttribute('data-distance-m'))).toBeCloseTo(
      near.distanceM,
      6,
    );
    expect(await red.locator('.position-nearest').textContent()).toContain(near.zh);
    expect(await red.locator('.position-nearest').textContent()).toContain('生态保护红线');
  });

  it('poor accuracy (200 m): the position is shown, and flagged', async () => {
    await app.context.setGeolocation({ ...HOHHOT, accuracy: 200 });
    await locate(app, HOHHOT);
    const flag = card().locator('[data-verdict="poor-accuracy"]');
    await flag.waitFor();
    expect(await flag.textContent()).toContain('±200 米');
    expect(await card().locator('.position-accuracy').textContent()).toContain('±200 米');
    expect(await card().locator('[data-copy="wgs84"] input').inputValue()).toBe(
      latLonText(HOHHOT.longitude, HOHHOT.latitude),
    );
    const circle = await app.sourceData('overlay-where-accuracy');
    expect(circle?.features.length).toBe(1);
    // at ±500 m, the zones with a boundary of their layer within the accuracy are said to be uncertain, and only those
    await app.context.setGeolocation({ ...HOHHOT, accuracy: 500 });
    await locate(app, HOHHOT);
    await card().locator('.position-accuracy', { hasText: '±500 米' }).waitFor();
    await zonesShown();
    const want = zonesAt(HOHHOT.longitude, HOHHOT.latitude)
      .zones.filter((z) => z.layerEdgeM !== null && z.layerEdgeM < 500)
      .map((z) => `${z.layerId}:${z.zoneId}`)
      .sort();
    expect(want.length).toBeGreaterThan(0);
    const flagged = await card()
      .locator('.position-zones li:has(.position-uncertain)')
      .evaluateAll((lis) =>
        lis.map((li) => `${li.getAttribute('data-layer')}:${li.getAttribute('data-zone-id')}`),
      );
    expect(flagged.sort()).toEqual(want);
  });

  it('far outside Inner Mongolia: how far and which way, and no zones', async () => {
    await app.context.setGeolocation(SHANGHAI);
    await locate();
    const v = judgeFix({
      lon: SHANGHAI.longitude,
      lat: SHANGHAI.latitude,
      accuracyM: SHANGHAI.accuracy,
      t: 0,
    });
    if (v.kind !== 'outside-region') throw new Error('the set-up point is not outside the region');
    const msg = card().locator('[data-verdict="outside-region"]');
    await msg.waitFor();
    expect(await msg.textContent()).toContain(`约 ${v.km} 公里`);
    expect(await msg.textContent()).toContain(v.dir === 'S' ? '以南' : v.dir === 'SE' ? '东南方向' : '?');
    expect(await card().locator('.position-zones li').count()).toBe(0);
  });

  it('checks a site here: a circle of the chosen radius is the boundary; its area is the ellipsoidal area', async () => {
    await app.context.setGeolocation(ORDOS);
    await locate(app, ORDOS);
    await zonesShown();
    // no radius is chosen for the user: four buttons, nothing preselected
    const radii = card().locator('.position-radii button');
    expect(await radii.allTextContents()).toEqual([
      '半径 50 米',
      '半径 100 米',
      '半径 200 米',
      '半径 500 米',
    ]);
    await card().getByRole('button', { name: '半径 500 米' }).click();
    const panel = app.page.locator('.screening-panel');
    await panel.waitFor();
    // the project keeps the fix and its accuracy; the name says when and how wide
    const project = await app.sourceData('overlay-screening-project');
    expect(project?.features).toHaveLength(1);
    expect(project?.features[0]?.properties?.fix).toMatchObject({
      lon: ORDOS.longitude,
      lat: ORDOS.latitude,
      accuracyM: ORDOS.accuracy,
    });
    expect(await panel.getByLabel('项目名称').inputValue()).toMatch(
      /^现场 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 半径 500 米$/,
    );
    expect(await panel.getByLabel('项目类型').inputValue()).toBe('');
    await panel.getByRole('button', { name: '开始审查' }).click();
    await panel.locator('.screening-results, .screening-error').first().waitFor({ timeout: 60_000 });
    expect(await panel.locator('.screening-error').count()).toBe(0);
    const circle = geodesicCircle(ORDOS.longitude, ORDOS.latitude, 500);
    // the app's circle is Node's, vertex by vertex (to the last digits, where the browser's Math may differ); the map's
    // copy of the source has its outer ring turned clockwise (maplibre rewinds GeoJSON it is given)
    const held = (project?.features[0]?.geometry as GeoJSON.Polygon | undefined)?.coordinates[0] ?? [];
    const ring = circle.coordinates[0] ?? [];
    expect(held.length).toBe(ring.length);
    const same = (a: GeoJSON.Position[]) =>
      a.every(([x, y], i) => {
        const [cx, cy] = ring[i] ?? [];
        return (
          Math.abs((x as number) - (cx as number)) < 1e-12 && Math.abs((y as number) - (cy as number)) < 1e-12
        );
      });
    expect(same(held) || same([...held].reverse())).toBe(true);
    const want = polygonArea(circle.coordinates);
    const got = Number(await panel.locator('.project-area').getAttribute('data-area-m2'));
    expect(Math.abs(got / want - 1)).toBeLessThan(1e-9);
    // about π r² (a 72-gon inscribed in the circle)
    expect(Math.abs(want / (Math.PI * 500 * 500) - 1)).toBeLessThan(2e-3);
  });
});

describe('no fix, no answer, no geolocation', () => {
  const failure = () => card().locator('.position-failure');
  it('no fix (Chromium answers POSITION_UNAVAILABLE): its own message, nothing drawn', async () => {
    const back = await noFix(app);
    try {
      await locate();
      expect(await failure().getAttribute('data-failure')).toBe('unavailable');
      expect(await failure().textContent()).toBe(
        '无法获得位置：设备没有给出定位（可能没有卫星或网络信号）。请到开阔处后重新定位。',
      );
      expect(await card().locator('.position-zones, .position-fix').count()).toBe(0);
      expect(await app.sourceData('overlay-where-fix')).toBeNull();
    } finally {
      await back();
      await app.context.setGeolocation(ORDOS);
    }
    // a position again: the next press finds it
    await locate(app, ORDOS);
  });

  it('a device that never answers: the app’s own timer says the request timed out', async () => {
    const back = await deviceSilent(app.page);
    try {
      await app.page.locator('.locate-button').click();
      await app.page.locator('.position-card[data-status="locating"]').waitFor();
      await app.page.locator('.position-card[data-status="failed"]').waitFor({ timeout: 40_000 });
      expect(await failure().getAttribute('data-failure')).toBe('timeout');
      expect(await failure().textContent()).toBe('定位超时：20 秒内没有得到位置。请到开阔处后重新定位。');
      expect(await app.page.locator('.locate-button').getAttribute('data-status')).toBe('failed');
    } finally {
      await back();
    }
    await locate(app, ORDOS);
  }, 60_000);

  it('a browser without geolocation: says so, and the app keeps working', async () => {
    const bare = await AppDriver.start(withGeo(ORDOS));
    try {
      await bare.context.addInitScript(removeGeolocation);
      await bare.open();
      expect(await bare.page.evaluate(() => navigator.geolocation)).toBeUndefined();
      await locate(bare);
      const f = bare.page.locator('.position-failure');
      expect(await f.getAttribute('data-failure')).toBe('unsupported');
      expect(await f.textContent()).toBe('此浏览器不支持定位（或页面不是通过 https 打开的）。');
      await bare.clickLngLat(111.6, 40.8);
      await bare.page.locator('.zone-panel').waitFor();
      expect(bare.consoleErrors).toEqual([]);
    } finally {
      await bare.stop();
    }
  });
});

describe('in English, from the keyboard', () => {
  it('the locate button is reached and pressed with the keyboard; the card speaks English', async () => {
    await app.context.setGeolocation(HOHHOT);
    await app.page.getByRole('button', { name: /^English/ }).click();
    const button = app.page.getByRole('button', { name: /^Locate Find my position/ });
    await button.focus();
    await app.page.keyboard.press('Enter');
    await locateDone(HOHHOT);
    await zonesShown();
    const text = (await card().textContent()) ?? '';
    expect(text).toContain('My position');
    expect(text).toContain('Not in any ecological red line');
    expect(text).toContain('Nearest red-line boundary');
    const near = zonesAt(HOHHOT.longitude, HOHHOT.latitude).nearestRedLine;
    expect(text).toContain(`${((near?.distanceM ?? 0) / 1000).toFixed(2)} km`);
    expect(text).toContain(near?.en ?? '?');
    expect(text).toContain('Gauss–Krüger 3° zone');
    expect(text).toContain('Beijing time');
    expect(text).not.toMatch(/我的位置|生态保护红线内|最近的红线边界/);
    await app.page.getByRole('button', { name: /^中文/ }).click();
  });
});

describe('permission denied', () => {
  it('says how to allow it, and the app keeps working', async () => {
    const denied = await AppDriver.start();
    try {
      await denied.open();
      await locate(denied);
      const failure = denied.page.locator('.position-failure');
      expect(await failure.getAttribute('data-failure')).toBe('denied');
      expect(await failure.textContent()).toContain('允许本网站使用位置');
      expect(await denied.page.locator('.position-zones, .position-fix').count()).toBe(0);
      expect(await denied.sourceData('overlay-where-fix')).toBeNull();
      // the rest works as before: a map click selects a zone, the screening panel opens
      await denied.clickLngLat(111.6, 40.8);
      await denied.page.locator('.zone-panel').waitFor();
      await denied.openScreening();
      expect(denied.consoleErrors).toEqual([]);
    } finally {
      await denied.stop();
    }
  });
});

describe('on a phone (390×844, touch)', () => {
  it('locate → zones → check', async () => {
    const phone = await AppDriver.start(
      withGeo(ORDOS, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }),
    );
    try {
      await phone.open();
      const button = phone.page.locator('.locate-button');
      const box = await button.boundingBox();
      // a big target
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      await button.tap();
      await phone.page.locator('.position-card[data-status="located"]').waitFor();
      expect(await zonesShown(phone)).toEqual(expectedZones(ORDOS));
      if (process.env.E2E_SHOTS)
        await phone.page.screenshot({ path: `${process.env.E2E_SHOTS}/locate-phone.png`, fullPage: true });
      await phone.page.locator('.position-card').getByRole('button', { name: '半径 50 米' }).tap();
      const panel = phone.page.locator('.screening-panel');
      await panel.waitFor();
      await panel.getByRole('button', { name: '开始审查' }).tap();
      await panel.locator('.screening-results, .screening-error').first().waitFor({ timeout: 60_000 });
      expect(await panel.locator('.screening-error').count()).toBe(0);
      const want = polygonArea(geodesicCircle(ORDOS.longitude, ORDOS.latitude, 50).coordinates);
      const got = Number(await panel.locator('.project-area').getAttribute('data-area-m2'));
      // a 50 m circle's ellipsoidal area moves by ~2e-8 of itself when its coordinates move by one ulp (its edges'
      // S12 terms, ~2e7 m² each, cancel to ~8e3 m²), and the browser's Math differs from Node's in the last digit:
      // the 1e-9 comparison is made on the 500 m circle above
      expect(Math.abs(got / want - 1)).toBeLessThan(1e-7);
      expect(phone.consoleErrors).toEqual([]);
    } finally {
      await phone.stop();
    }
  });
});
