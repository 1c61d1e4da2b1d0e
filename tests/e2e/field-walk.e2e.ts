import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Locator, Page } from 'playwright-core';
import * as polyclip from 'polyclip-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { polygonArea } from '../../web/domain/geo/ellipsoid.ts';
import { AppDriver } from './app-driver.ts';
import { deviceSilent, noFix, noGeolocation } from './geo-faults.ts';

/**
 * Walking a boundary with the device's position emulated (Chromium's geolocation override): a parcel of a few
 * hundred metres inside the 岱海 red line, walked with jitter and some fixes at 80 m, paused once, the page hidden
 * once, reloaded mid-walk and resumed; stopped, closed and screened. Its GeoJSON export, imported as a file in a
 * fresh page, screens to the same figures. Then: permission denied, a walk that crosses itself, storage full.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const LON0 = 112.69;
const LAT0 = 40.57;
const M_LAT = 111_050;
const M_LON = M_LAT * Math.cos((LAT0 * Math.PI) / 180);
const at = (east: number, north: number) => ({
  longitude: LON0 + east / M_LON,
  latitude: LAT0 + north / M_LAT,
});

/** An irregular pentagon, about 450 m × 360 m, walked every ~70 m with ±3 m of jitter; fixes 3 and 9 at 80 m. */
function parcelWalk(): { longitude: number; latitude: number; accuracy: number }[] {
  const corners: [number, number][] = [
    [0, 0],
    [380, -40],
    [420, 210],
    [180, 320],
    [-30, 200],
  ];
  let s = 12345;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  const out: { longitude: number; latitude: number; accuracy: number }[] = [];
  for (let i = 0; i < corners.length; i++) {
    const [ax, ay] = corners[i] as [number, number];
    const [bx, by] = corners[(i + 1) % corners.length] as [number, number];
    const steps = Math.max(1, Math.round(Math.hypot(bx - ax, by - ay) / 70));
    for (let k = 0; k < steps; k++) {
      const f = k / steps;
      const p = at(ax + (bx - ax) * f + 6 * rand(), ay + (by - ay) * f + 6 * rand());
      out.push({ ...p, accuracy: 4 + Math.round(3 * (rand() + 0.5)) });
    }
  }
  for (const i of [3, 9]) (out[i] as { accuracy: number }).accuracy = 80;
  return out;
}

let app: AppDriver;
const panelOf = (page: Page) => page.locator('.screening-panel');
const walkOf = (page: Page) => panelOf(page).locator('.walk-section');

async function openPanel(page: Page): Promise<void> {
  if (!(await panelOf(page).isVisible())) await page.getByRole('button', { name: '选址审查' }).click();
  await panelOf(page).waitFor();
  await walkOf(page).waitFor();
}

const count = async (w: Locator, what: string) =>
  Number(await w.locator(`[data-walk="${what}"]`).textContent());
const recordedCount = async (w: Locator) => (await count(w, 'usable')) + (await count(w, 'poor'));

/** Moves the device and waits until the walk has kept the fix (the interval is 1 s). */
async function stepTo(p: { longitude: number; latitude: number; accuracy: number }): Promise<void> {
  const w = walkOf(app.page);
  const before = await recordedCount(w);
  await app.page.waitForTimeout(1100);
  await app.context.setGeolocation(p);
  await expect.poll(() => recordedCount(w), { timeout: 15_000 }).toBe(before + 1);
}

/** Starts a walk with the device at a position (the watch delivers it at once: fix 1). */
async function startAt(p: { longitude: number; latitude: number; accuracy: number }): Promise<void> {
  await openPanel(app.page);
  const w = walkOf(app.page);
  await w.getByLabel('记录间隔').selectOption('1000');
  await app.context.setGeolocation(p);
  await w.getByRole('button', { name: /^(开始绕行|新的绕行)$/ }).click();
  await expect.poll(() => w.getAttribute('data-walk-status')).toBe('recording');
  await expect.poll(() => recordedCount(w), { timeout: 15_000 }).toBe(1);
}

async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (h ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

/** The walks this browser keeps (IndexedDB), with how many fixes each. */
function storedWalks(
  page: Page,
): Promise<{ id: string; status: string; startedAt: number; fixes: number }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('eco-barrier-map-walks');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['walks', 'fixes']);
          const walks = tx.objectStore('walks').getAll();
          const fixes = tx.objectStore('fixes').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve(
              (walks.result as { id: string; status: string; startedAt: number }[]).map((w) => ({
                id: w.id,
                status: w.status,
                startedAt: w.startedAt,
                fixes: (fixes.result as { walk: string }[]).filter((f) => f.walk === w.id).length,
              })),
            );
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Beijing wall-clock time as the app words it (UTC + 8 h, to the minute). */
const beijing = (ms: number) =>
  `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} 北京时间 (UTC+8)`;

async function reloadTo(page: Page, query = ''): Promise<void> {
  await page.goto(`${app.server.url}${query}`);
  await page.waitForFunction(() => window.__map !== undefined);
}

/** What a check shows: the results section's text and every figure it carries as data. */
async function figures(page: Page): Promise<{ text: string; data: string[] }> {
  const results = panelOf(page).locator('.screening-results');
  await results.waitFor({ timeout: 60_000 });
  return results.evaluate((el) => ({
    text: el.textContent,
    data: [...el.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes]
        .filter((a) => a.name.startsWith('data-'))
        .map((a) => `${e.className}|${a.name}=${a.value}`),
    ),
  }));
}

async function check(page: Page, type: string): Promise<void> {
  await panelOf(page).getByLabel('项目类型').selectOption(type);
  await panelOf(page).getByRole('button', { name: '开始审查' }).click();
  await panelOf(page).locator('.screening-results, .screening-error').first().waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
  app = await AppDriver.start();
  await app.context.grantPermissions(['geolocation'], { origin: new URL(app.server.url).origin });
  await app.open();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
});

describe('walking a boundary', () => {
  it('records, pauses, survives the background and a reload, closes, screens; the GeoJSON export screens the same', async () => {
    const path = parcelWalk();
    const page = app.page;
    await openPanel(page);
    const w = walkOf(page);
    await w.getByLabel('记录间隔').selectOption('1000');
    await app.context.setGeolocation(path[0] as (typeof path)[number]);
    await w.getByRole('button', { name: '开始绕行' }).click();
    await expect.poll(() => recordedCount(w)).toBe(1);
    expect(await w.getAttribute('data-walk-status')).toBe('recording');
    await w.locator('.walk-background').waitFor();

    for (let i = 1; i < 5; i++) await stepTo(path[i] as (typeof path)[number]);
    // the map went to the walk at its first fix
    const view = await page.evaluate(() => ({
      zoom: window.__map?.getZoom() ?? 0,
      bounds: window.__map?.getBounds().toArray() ?? [],
    }));
    expect(view.zoom).toBeGreaterThan(14);
    expect(view.bounds[0]?.[0]).toBeLessThan(path[0]?.longitude as number);
    expect(view.bounds[1]?.[0]).toBeGreaterThan(path[0]?.longitude as number);
    // fix 4 (index 3) was at 80 m: recorded, counted as too inaccurate, said
    expect(await count(w, 'poor')).toBe(1);
    await expect.poll(() => w.locator('[data-walk="accuracy"]').textContent()).not.toBe('80 米');

    // paused: positions elsewhere are not recorded
    await w.getByRole('button', { name: '暂停' }).click();
    await expect.poll(() => w.getAttribute('data-walk-status')).toBe('paused');
    const paused = await recordedCount(w);
    await app.context.setGeolocation({ ...at(200, 150), accuracy: 5 });
    await page.waitForTimeout(1500);
    await app.context.setGeolocation({ ...at(210, 140), accuracy: 5 });
    await page.waitForTimeout(1500);
    expect(await recordedCount(w)).toBe(paused);
    await app.context.setGeolocation(path[5] as (typeof path)[number]);
    await w.getByRole('button', { name: '继续绕行' }).click();
    await expect.poll(() => recordedCount(w), { timeout: 15_000 }).toBe(paused + 1);
    for (let i = 6; i < 8; i++) await stepTo(path[i] as (typeof path)[number]);

    // the page in the background for ~3 s while the device moves on: on return, how long and what was kept
    const beforeHidden = await recordedCount(w);
    await setHidden(page, true);
    await page.waitForTimeout(1100);
    await app.context.setGeolocation(path[8] as (typeof path)[number]);
    await page.waitForTimeout(2500);
    await setHidden(page, false);
    const gap = w.locator('.walk-gap');
    await gap.waitFor();
    expect(Number(await gap.getAttribute('data-gap-ms'))).toBeGreaterThanOrEqual(3000);
    const kept = (await recordedCount(w)) - beforeHidden;
    expect(await gap.textContent()).toMatch(new RegExp(`本页在后台 0 分 [3-9] 秒，期间记录了 ${kept} 个点`));
    await gap.getByRole('button', { name: '知道了' }).click();

    for (let i = 9; i < 12; i++) await stepTo(path[i] as (typeof path)[number]);
    const trackBefore = await app.sourceData('overlay-walk-track');
    const fixesBefore = (trackBefore?.features ?? []).filter((f) => f.properties?.role === 'fix').length;
    const recordedBefore = await recordedCount(w);
    expect(fixesBefore).toBe(recordedBefore);
    // the current fix's accuracy circle is drawn with the track
    expect(trackBefore?.features.some((f) => f.properties?.role === 'accuracy')).toBe(true);

    // reload mid-walk (as a crash would): the walk is offered back with every fix, and resumed
    await page.reload();
    await page.waitForFunction(() => window.__map !== undefined);
    await openPanel(page);
    const offer = w.locator('.walk-offer');
    await offer.waitFor();
    expect(Number(await offer.getAttribute('data-fixes'))).toBe(recordedBefore);
    await app.context.setGeolocation(path[12] as (typeof path)[number]);
    await offer.getByRole('button', { name: '继续这次绕行' }).click();
    await expect.poll(() => recordedCount(w), { timeout: 15_000 }).toBe(recordedBefore + 1);
    expect(await w.getByLabel('记录间隔').inputValue()).toBe('1000');
    for (let i = 13; i < path.length; i++) await stepTo(path[i] as (typeof path)[number]);
    const total = await recordedCount(w);
    expect(total).toBe(path.length + 0); // every path fix once; the paused positions never
    const after = await app.sourceData('overlay-walk-track');
    expect((after?.features ?? []).filter((f) => f.properties?.role === 'fix')).toHaveLength(total);
    // two segments before the reload (the pause) and one after it: three stretches of line
    expect((after?.features ?? []).filter((f) => f.properties?.role === 'track')).toHaveLength(3);

    await w.getByRole('button', { name: '结束记录' }).click();
    await w.getByRole('button', { name: '闭合为项目范围' }).click();
    const closed = w.locator('.walk-closed');
    await closed.waitFor();
    expect(await closed.textContent()).toContain(`共 ${total} 个定位点`);
    expect(await closed.textContent()).toContain('精度差 2');
    const summary = panelOf(page).locator('.boundary-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-format')).toBe('walked');
    const name = await panelOf(page).getByLabel('项目名称').inputValue();
    expect(name).toMatch(/^绕行边界 \d{4}-\d\d-\d\d \d\d:\d\d 北京时间/);

    // the walked polygon lies inside the 岱海 red line (checked here against the layer file)
    const boundary = (await app.sourceData('overlay-screening-project')) as FeatureCollection<Polygon>;
    const walked = boundary.features[0]?.geometry as Polygon;
    const redline = JSON.parse(
      readFileSync(join(ROOT, 'data', 'layers', 'redline-illustrative.geojson'), 'utf8'),
    ) as FeatureCollection<Polygon | MultiPolygon>;
    const daihai = redline.features.find((f) => String(f.properties?.zh).includes('岱海'));
    if (!daihai) throw new Error('no 岱海 red line');
    const inside = polyclip.intersection(
      [walked.coordinates] as polyclip.Geom,
      (daihai.geometry.type === 'Polygon'
        ? [daihai.geometry.coordinates]
        : daihai.geometry.coordinates) as polyclip.Geom,
    );
    const area = polygonArea(walked.coordinates);
    expect(area).toBeGreaterThan(80_000);
    expect(area).toBeLessThan(200_000);
    expect(
      Math.abs((inside as number[][][][]).reduce((s, p) => s + polygonArea(p), 0) / area - 1),
    ).toBeLessThan(1e-9);

    await check(page, 'renewable-energy');
    const walkedFigures = await figures(page);
    expect(walkedFigures.text).toContain('岱海');
    expect(await panelOf(page).locator('.verdict').count()).toBeGreaterThan(0);

    // exports: GPX (every raw fix), GeoJSON and 国土 TXT (the boundary)
    const [gpxDl] = await Promise.all([
      page.waitForEvent('download'),
      w.getByRole('button', { name: '导出 GPX（原始轨迹）' }).click(),
    ]);
    const gpx = readFileSync((await gpxDl.path()) as string, 'utf8');
    expect(gpx.match(/<trkpt /g)).toHaveLength(total);
    expect(gpx.match(/<trkseg>/g)).toHaveLength(3);
    const [txtDl] = await Promise.all([
      page.waitForEvent('download'),
      w.getByRole('button', { name: '导出国土 TXT（界址点）' }).click(),
    ]);
    expect(readFileSync((await txtDl.path()) as string, 'utf8')).toContain('坐标系=2000国家大地坐标系');
    const [geoDl] = await Promise.all([
      page.waitForEvent('download'),
      w.getByRole('button', { name: '导出 GeoJSON（边界）' }).click(),
    ]);
    const geojson = readFileSync((await geoDl.path()) as string, 'utf8');
    // the boundary exported is the one on the map (which the map holds rewound: the same ring, reversed)
    const ring = (JSON.parse(geojson).features[0].geometry as Polygon).coordinates[0] ?? [];
    const shown = walked.coordinates[0] ?? [];
    expect([ring, [...ring].reverse()]).toContainEqual(shown);

    // the same polygon imported as a file in a fresh page screens to the same figures
    const fresh = await app.context.newPage();
    fresh.on('pageerror', (e) => app.consoleErrors.push(String(e)));
    await fresh.goto(app.server.url);
    await fresh.waitForFunction(() => window.__map !== undefined);
    await openPanel(fresh);
    await app.chooseProjectFile(geojson, 'walk.geojson', {
      mimeType: 'application/geo+json',
      page: fresh,
      waitFor: '.boundary-summary[data-format="geojson"]',
    });
    await check(fresh, 'renewable-energy');
    const imported = await figures(fresh);
    expect(imported).toEqual(walkedFigures);
    await fresh.close();

    // saved, reloaded and opened again, the project keeps the raw track: every fix, in its segments
    await panelOf(page).getByRole('button', { name: '保存项目' }).click();
    await panelOf(page).getByText('已保存').waitFor();
    await page.reload();
    await page.waitForFunction(() => window.__map !== undefined);
    await openPanel(page);
    const item = panelOf(page).locator('.project-list li', { hasText: name });
    await item.getByRole('button', { name: '打开' }).click();
    const note = w.locator('.screening-note');
    await note.waitFor();
    expect(await note.textContent()).toContain(`本项目范围为绕行记录：${total} 个定位点`);
    const [projectGpx] = await Promise.all([
      page.waitForEvent('download'),
      w.getByRole('button', { name: '导出 GPX（原始轨迹）' }).click(),
    ]);
    const projectTrack = readFileSync((await projectGpx.path()) as string, 'utf8');
    expect(projectTrack.match(/<trkpt /g)).toHaveLength(total);
    expect(projectTrack.match(/<trkseg>/g)).toHaveLength(3);
  }, 400_000);

  it('an unfinished walk is offered as the app starts, on any page, before the panel is opened; resumed and closed', async () => {
    const page = app.page;
    const w = walkOf(page);
    const start = page.locator('.walk-offer-start');
    await startAt({ ...at(-1500, 300), accuracy: 5 });
    await stepTo({ ...at(-1300, 300), accuracy: 5 });
    await stepTo({ ...at(-1300, 500), accuracy: 5 });
    const [stored] = (await storedWalks(page)).filter((x) => x.status !== 'closed');
    expect(stored?.fixes).toBe(3);

    // the phone killed the tab: the app starts again, and says at once what is waiting, panel closed
    await reloadTo(page);
    await start.waitFor();
    expect(await panelOf(page).count()).toBe(0);
    const offer = start.locator('.walk-offer');
    expect(Number(await offer.getAttribute('data-fixes'))).toBe(3);
    expect(await offer.textContent()).toContain(
      `有一次未完成的绕行：${beijing(stored?.startedAt ?? 0)} 开始，已记录 3 个点。`,
    );
    // its raw track, before deciding: every fix; the walk stays offered
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      offer.getByRole('button', { name: '导出 GPX（原始轨迹）' }).click(),
    ]);
    expect(readFileSync((await dl.path()) as string, 'utf8').match(/<trkpt /g)).toHaveLength(3);
    expect(await offer.isVisible()).toBe(true);

    // a link to a plan view starts there, with the same offer over it
    await reloadTo(page, '?view=indicators');
    await page.locator('.view-panel').waitFor();
    await start.waitFor();
    // put off: it goes, and waits in the screening panel's walk section
    await start.getByRole('button', { name: '稍后' }).click();
    await start.waitFor({ state: 'detached' });
    await openPanel(page);
    expect(Number(await w.locator('.walk-offer').getAttribute('data-fixes'))).toBe(3);
    expect(await storedWalks(page)).toEqual([stored]);

    // on a phone's screen: the offer fits it, big targets; 继续 opens the panel and walks on
    const size = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await reloadTo(page);
    await start.waitFor();
    const box = await start.boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(390);
    for (const b of await start.getByRole('button').all())
      expect((await b.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    if (process.env.E2E_SHOTS)
      await page.screenshot({ path: `${process.env.E2E_SHOTS}/walk-offer-phone.png` });
    expect(await app.axeViolations('.walk-offer-start')).toEqual([]);
    await app.context.setGeolocation({ ...at(-1500, 500), accuracy: 5 });
    await start.getByRole('button', { name: '继续这次绕行' }).click();
    await panelOf(page).waitFor();
    await start.waitFor({ state: 'detached' });
    await expect.poll(() => recordedCount(w), { timeout: 15_000 }).toBe(4);
    expect(await w.getAttribute('data-walk-status')).toBe('recording');
    if (size) await page.setViewportSize(size);
    await w.getByRole('button', { name: '结束记录' }).click();
    await w.getByRole('button', { name: '闭合为项目范围' }).click();
    await w.locator('.walk-closed').waitFor();
    expect(await w.locator('.walk-closed').textContent()).toContain('共 4 个定位点');
    expect((await storedWalks(page)).map((x) => [x.id, x.status, x.fixes])).toEqual([
      [stored?.id, 'closed', 4],
    ]);
    // closed: nothing is offered any more
    await reloadTo(page);
    await app.idle();
    await page.waitForTimeout(1500);
    expect(await start.count()).toBe(0);
  }, 180_000);

  it('permission denied: the message, the walk paused, every recorded fix kept (after a reload too)', async () => {
    const page = app.page;
    const w = walkOf(page);
    await startAt({ ...at(0, 0), accuracy: 6 });
    for (const [x, y] of [
      [120, 10],
      [90, 130],
    ] as const)
      await stepTo({ ...at(x, y), accuracy: 6 });
    await w.getByRole('button', { name: '暂停' }).click();
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Browser.setPermission', {
      permission: { name: 'geolocation' },
      setting: 'denied',
      origin: new URL(app.server.url).origin,
    });
    await w.getByRole('button', { name: '继续绕行' }).click();
    const failure = w.locator('.walk-failure[data-failure="denied"]');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('没有定位权限');
    await expect.poll(() => w.getAttribute('data-walk-status')).toBe('paused');
    expect(await recordedCount(w)).toBe(3);
    await page.reload();
    await page.waitForFunction(() => window.__map !== undefined);
    await openPanel(page);
    const offer = w.locator('.walk-offer');
    await offer.waitFor();
    expect(Number(await offer.getAttribute('data-fixes'))).toBe(3);
    await offer.getByRole('button', { name: '删除这次绕行' }).click();
    // asked twice: the first press only asks
    await offer.getByRole('button', { name: '保留' }).click();
    expect(Number(await offer.getAttribute('data-fixes'))).toBe(3);
    await offer.getByRole('button', { name: '删除这次绕行' }).click();
    await offer.getByRole('button', { name: '确定放弃（删除全部 3 个点）' }).click();
    await offer.waitFor({ state: 'detached' });
    expect(await storedWalks(page)).toEqual([]);
    await app.context.grantPermissions(['geolocation'], { origin: new URL(app.server.url).origin });
  }, 120_000);

  it('no fix, no answer, no geolocation: each its own message; the walk pauses with every recorded fix kept', async () => {
    const page = app.page;
    const w = walkOf(page);
    const failure = w.locator('.walk-failure');
    const status = () => w.getAttribute('data-walk-status');
    const open = async () => (await storedWalks(page)).find((x) => x.status !== 'closed')?.fixes;
    await startAt({ ...at(1500, -300), accuracy: 5 });
    await stepTo({ ...at(1650, -300), accuracy: 5 });
    await stepTo({ ...at(1650, -150), accuracy: 5 });
    expect(await recordedCount(w)).toBe(3);

    // no fix while recording: Chromium answers the open watch with POSITION_UNAVAILABLE
    const fixBack = await noFix(app);
    await failure.waitFor({ timeout: 15_000 });
    expect(await failure.getAttribute('data-failure')).toBe('unavailable');
    expect(await failure.textContent()).toBe(
      '暂时无法定位（设备收不到卫星或网络定位），记录已暂停；已记录的点都保留。定位恢复后点“继续绕行”。',
    );
    await expect.poll(status).toBe('paused');
    expect(await recordedCount(w)).toBe(3);
    expect(await open()).toBe(3);
    await fixBack();
    await app.context.setGeolocation({ ...at(1500, -150), accuracy: 5 });
    await w.getByRole('button', { name: '继续绕行' }).click();
    await expect.poll(() => recordedCount(w), { timeout: 15_000 }).toBe(4);
    await failure.waitFor({ state: 'detached' });

    // a device that never answers: the app's own timer says so (22 s: the API's 20 s timeout never fires)
    await w.getByRole('button', { name: '暂停' }).click();
    const answerBack = await deviceSilent(page);
    await w.getByRole('button', { name: '继续绕行' }).click();
    await expect.poll(status).toBe('recording');
    await failure.waitFor({ timeout: 40_000 });
    expect(await failure.getAttribute('data-failure')).toBe('timeout');
    expect(await failure.textContent()).toContain(
      '定位超时（设备未及时给出位置），记录已暂停；已记录的点都保留',
    );
    await expect.poll(status).toBe('paused');
    expect(await recordedCount(w)).toBe(4);
    expect(await open()).toBe(4);
    await answerBack();
    await app.context.setGeolocation({ ...at(1500, -300), accuracy: 5 });

    // no Geolocation API at all
    const apiBack = await noGeolocation(page);
    await w.getByRole('button', { name: '继续绕行' }).click();
    await w.locator('.walk-failure[data-failure="unsupported"]').waitFor();
    expect(await failure.textContent()).toBe('本浏览器不提供定位功能，无法记录；已记录的点都保留。');
    await expect.poll(status).toBe('paused');
    expect(await recordedCount(w)).toBe(4);
    expect(await open()).toBe(4);
    await apiBack();

    await w.getByRole('button', { name: '放弃这次绕行' }).click();
    await w.getByRole('button', { name: '确定放弃（删除全部 4 个点）' }).click();
    await expect.poll(status).toBe('idle');
  }, 150_000);

  it('a walk that crosses itself is refused with the fixes where it crosses, and stays to be walked on', async () => {
    const page = app.page;
    const w = walkOf(page);
    const draftBefore = await app.sourceData('overlay-screening-project');
    // fixes 1…10: the stretch 2–3 (100,100)→(200,200) crosses the stretch 7–8 (200,100)→(100,200) at (150,150)
    const eight: [number, number][] = [
      [0, 0],
      [100, 100],
      [200, 200],
      [300, 300],
      [300, 150],
      [300, 0],
      [200, 100],
      [100, 200],
      [0, 300],
      [0, 150],
    ];
    await startAt({ ...at(500, 500), accuracy: 5 });
    for (const [x, y] of eight.slice(1)) await stepTo({ ...at(x + 500, y + 500), accuracy: 5 });
    await w.getByRole('button', { name: '结束记录' }).click();
    await w.getByRole('button', { name: '闭合为项目范围' }).click();
    const refusal = w.locator('.walk-refusal[data-reason="invalid"]');
    await refusal.waitFor();
    const centre = at(650, 650);
    expect(await refusal.textContent()).toContain(
      `第 2–3 点之间与第 7–8 点之间的轨迹相交于（${centre.longitude.toFixed(6)}, ${centre.latitude.toFixed(6)}）`,
    );
    expect(await w.getAttribute('data-walk-status')).toBe('stopped');
    await w.getByRole('button', { name: '继续绕行' }).waitFor();
    // the draft keeps the boundary it had
    expect(await app.sourceData('overlay-screening-project')).toEqual(draftBefore);
    await w.getByRole('button', { name: '放弃这次绕行' }).click();
    await w.getByRole('button', { name: /确定放弃（删除全部 10 个点）/ }).click();
    await expect.poll(() => w.getAttribute('data-walk-status')).toBe('idle');
    expect(await app.sourceData('overlay-walk-track')).toBeNull();
  }, 120_000);

  it('storage full: the message, the fixes kept in memory and the GPX offered at once; written when there is room', async () => {
    const page = app.page;
    const w = walkOf(page);
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      const win = window as unknown as { __restorePut: () => void };
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if (this.name === 'fixes')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
      win.__restorePut = () => {
        IDBObjectStore.prototype.put = put;
      };
    });
    await startAt({ ...at(-800, -600), accuracy: 5 });
    for (const [x, y] of [
      [150, 0],
      [150, 150],
    ] as const)
      await stepTo({ ...at(x - 800, y - 600), accuracy: 5 });
    const alert = w.locator('.walk-storage[data-storage="quota"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('本机存储已满：3 个点只保存在内存中');
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('button', { name: '导出 GPX（原始轨迹）' }).click(),
    ]);
    expect(readFileSync((await dl.path()) as string, 'utf8').match(/<trkpt /g)).toHaveLength(3);
    await page.evaluate(() => (window as unknown as { __restorePut: () => void }).__restorePut());
    await stepTo({ ...at(-800, -450), accuracy: 5 });
    await alert.waitFor({ state: 'detached' });
    await w.getByRole('button', { name: '暂停' }).click();
    await page.reload();
    await page.waitForFunction(() => window.__map !== undefined);
    await openPanel(page);
    const offer = w.locator('.walk-offer');
    await offer.waitFor();
    expect(Number(await offer.getAttribute('data-fixes'))).toBe(4);
  }, 120_000);
});
