/**
 * Installable and offline (issue 12): the service worker registers after the map's first idle, caches the whole
 * app (every file the page fetched is in its precache) and controls the page; the web app manifest is linked and
 * complete, its icons decode to their declared sizes, and Chromium's own installability check finds nothing
 * missing. With a red line imported while online, the network cut (the server drops every connection and the
 * browser is offline) and the page reloaded, the app starts from the copy, draws the built-in layers, still holds
 * the stored layer, and a check gives the same figures as before. A new version (a copy of the build with one
 * file changed) is offered and taken only on the user's click.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltFile,
  type Precache,
  precacheOf,
  readPrecache,
  serviceWorkerScript,
} from '../../scripts/vite/precache.ts';
import { AppDriver, rect } from './app-driver.ts';

const DIST = join(import.meta.dirname, '..', '..', process.env.E2E_DIST ?? 'dist-e2e');
const RID = 'redline-illustrative';
const precache: Precache = readPrecache(readFileSync(join(DIST, 'sw.js'), 'utf8'));

const redLine = {
  type: 'FeatureCollection',
  features: [
    [111.9, 41.35, 112.0, 41.45],
    [112.05, 41.4, 112.2, 41.5],
    [111.7, 41.2, 111.85, 41.3],
  ].map(([w, s, e, n], i) => ({
    type: 'Feature',
    properties: { 名称: `红线图斑 ${i + 1}` },
    geometry: rect(w as number, s as number, e as number, n as number),
  })),
};
const site = rect(111.8, 41.25, 112.1, 41.48);

let app: AppDriver;
const status = () => app.page.locator('.offline-status');

async function offlineLines(a: AppDriver): Promise<string> {
  const details = a.page.locator('.offline-status');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return (await a.page.locator('.offline-details').textContent()) ?? '';
}

async function waitReady(a: AppDriver): Promise<void> {
  await a.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 120_000,
  });
  await a.page.locator('.offline-status[data-ready="true"]').waitFor({ timeout: 120_000 });
}

/** A check of the site through the screening panel: every overlap row (layer, zone, m²) and the site's area. */
async function check(): Promise<{ rows: string[]; projectAreaM2: number }> {
  const panel = app.page.locator('.screening-panel');
  await app.openScreening();
  if ((await panel.locator('.boundary-summary').count()) === 0)
    await app.chooseProjectFile(site, 'site.geojson');
  const checks = () => app.page.evaluate(() => performance.getEntriesByName('ebm:check:total').length);
  const before = await checks();
  await panel.getByRole('button', { name: '开始审查' }).click();
  await expect.poll(checks, { timeout: 90_000 }).toBe(before + 1);
  expect(await panel.locator('.screening-error').count()).toBe(0);
  await app.showAllOverlapRows();
  const results = panel.locator('.screening-results');
  const rows: string[] = [];
  for (const r of await results.locator('.overlap-row').all())
    rows.push(
      `${await r.getAttribute('data-layer-id')} ${await r.getAttribute('data-zone-id')} ${await r.getAttribute('data-area-m2')}`,
    );
  const projectAreaM2 = Number(await results.locator('.project-area').getAttribute('data-area-m2'));
  return { rows: rows.sort(), projectAreaM2 };
}

async function importRedLine(): Promise<void> {
  const group = app.page.locator('details[data-group-id="redline"]');
  if ((await group.getAttribute('open')) === null) await group.locator('> summary').click();
  await app.page.locator(`.layer-row[data-layer-id="${RID}"]`).getByRole('button', { name: /^说明/ }).click();
  const dialog = app.page.locator('dialog.layer-info');
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'redline.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(redLine)),
  });
  await dialog.locator(`[data-user-layer="${RID}"]`).waitFor({ timeout: 60_000 });
  await app.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  app = await AppDriver.start();
  // when the page asks for the service worker, against the map's first idle
  await app.context.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (this: ServiceWorkerContainer, ...args) {
      (window as { __swRegisterAt?: number }).__swRegisterAt = performance.now();
      return register.apply(this, args);
    };
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('installable, and offline after the first visit', () => {
  it('registers the service worker after the first idle; it caches the whole precache and controls the page', async () => {
    await app.open();
    await waitReady(app);
    const times = await app.page.evaluate(() => ({
      register: (window as { __swRegisterAt?: number }).__swRegisterAt ?? -1,
      idle: performance.getEntriesByName('map-first-idle')[0]?.startTime ?? Number.POSITIVE_INFINITY,
    }));
    expect(times.register).toBeGreaterThan(times.idle);

    const origin = new URL(app.server.url).origin;
    const rel = (u: string) => {
      const p = new URL(u).pathname.slice(1);
      return p === '' ? 'index.html' : p;
    };
    const urls = new Set(precache.files.map((f) => f.url));
    // everything the page fetched from its origin, at start and since, is in the copy (sw.js is the worker itself)
    const fetched = [...new Set(app.requests.filter((u) => u.startsWith(origin)).map(rel))];
    expect(fetched.length).toBeGreaterThan(20);
    expect(fetched.filter((p) => !urls.has(p) && p !== 'sw.js')).toEqual([]);
    // and the worker fetched every file of the copy itself
    const cachedBySw = new Set(app.serviceWorkerRequests.map(rel));
    expect([...urls].filter((u) => !cachedBySw.has(u))).toEqual([]);
    expect(app.foreignRequests).toEqual([]);

    const lines = await offlineLines(app);
    expect(lines).toContain(`离线副本完整：${precache.files.length} 个文件`);
    expect(lines).toContain(`版本 ${precache.version}`);
    expect(lines).toContain('北京时间');
    expect(lines).toContain(
      `全部内置数据（${precache.files.filter((f) => f.url.endsWith('.geojson')).length} 个图层文件）`,
    );
    expect(await status().getAttribute('data-online')).toBe('true');
  });

  it('links a complete manifest; its icons decode to their sizes; Chromium finds it installable', async () => {
    const manifest = await app.page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      if (!link) return null;
      const m = (await (await fetch(link.href)).json()) as {
        icons: { src: string; sizes: string; type: string; purpose: string }[];
      } & Record<string, unknown>;
      const icons = [];
      for (const icon of m.icons) {
        const res = await fetch(new URL(icon.src, link.href));
        // a PNG is decoded to its pixel size; the scalable SVG is read as text
        const bitmap = icon.type === 'image/png' ? await createImageBitmap(await res.blob()) : null;
        const svg = icon.type === 'image/svg+xml' ? (await res.text()).startsWith('<svg') : null;
        icons.push({ ...icon, status: res.status, width: bitmap?.width, height: bitmap?.height, svg });
      }
      return {
        fields: m as Record<string, unknown>,
        icons,
        start: (await fetch(new URL(String(m.start_url), link.href))).status,
      };
    });
    if (!manifest) throw new Error('no <link rel="manifest">');
    expect(manifest.fields).toMatchObject({
      name: '北疆生态屏障一张图',
      lang: 'zh-CN',
      start_url: './',
      scope: './',
      display: 'standalone',
    });
    expect(manifest.start).toBe(200);
    expect(String(manifest.fields.short_name).length).toBeGreaterThan(0);
    expect(manifest.fields.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.fields.background_color).toMatch(/^#[0-9a-f]{6}$/);
    for (const size of [192, 512])
      for (const purpose of ['any', 'maskable']) {
        const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.purpose === purpose);
        expect(icon, `${size} ${purpose}`).toMatchObject({
          type: 'image/png',
          status: 200,
          width: size,
          height: size,
        });
      }
    expect(manifest.icons.find((i) => i.type === 'image/svg+xml')).toMatchObject({ status: 200, svg: true });
    const cdp = await app.context.newCDPSession(app.page);
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installability.installabilityErrors).toEqual([]);
    await cdp.detach(); // (a session left attached loses the offline emulation at the next navigation)
    // the same check on a page with no manifest (the bench's) does find something missing
    const bench = await app.context.newPage();
    await bench.goto(`${app.server.url}bench/baseline.html`);
    const benchCdp = await app.context.newCDPSession(bench);
    const benchErrors = (await benchCdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(benchErrors.installabilityErrors.map((e) => e.errorId)).toContain('no-manifest');
    await benchCdp.detach();
    await bench.close();
  });

  it('with the network cut, the app starts from the copy, keeps the stored layer, and checks with the same figures', async () => {
    await importRedLine();
    const online = await check();
    expect(online.rows.filter((r) => r.startsWith(RID)).length).toBe(3);

    app.server.setOffline(true);
    await app.context.setOffline(true);
    const errorsBefore = app.consoleErrors.length;
    await app.page.goto(app.server.url); // the app as opened from the home screen: its start page
    await app.page.waitForFunction(() => window.__map !== undefined, undefined, { timeout: 120_000 });
    // Debian's Chromium 150 drops the context's offline emulation at a navigation the service worker answers
    // (navigator.onLine is true again in the new page): said again, so the page hears it is offline
    if (await app.page.evaluate(() => navigator.onLine)) {
      await app.context.setOffline(false);
      await app.context.setOffline(true);
    }
    await app.idle();
    // the start-up layers are drawn: the 12 leagues and the region come from the copy
    await expect.poll(() => app.renderedZoneIds('leagues-fill'), { timeout: 60_000 }).toHaveLength(12);
    const dialog = app.page.locator('dialog.layer-info');
    const group = app.page.locator('details[data-group-id="redline"]');
    if ((await group.getAttribute('open')) === null) await group.locator('> summary').click();
    await app.page
      .locator(`.layer-row[data-layer-id="${RID}"]`)
      .getByRole('button', { name: /^说明/ })
      .click();
    expect(await dialog.locator(`[data-user-layer="${RID}"]`).textContent()).toContain('redline.geojson');
    await app.page.keyboard.press('Escape');

    // the manifest's start page answers with no network (Lighthouse's "offline start_url")
    expect(await app.page.evaluate(() => fetch('./').then((r) => r.status))).toBe(200);
    const offline = await check();
    expect(offline).toEqual(online);

    await expect.poll(() => status().getAttribute('data-online')).toBe('false');
    // the copy's state arrives from the worker after first idle (register.ts is loaded then)
    await status().and(app.page.locator('[data-ready="true"]')).waitFor({ timeout: 60_000 });
    const lines = await offlineLines(app);
    expect(lines).toContain('网络：已断开。应用由本机的离线副本提供。');
    expect(lines).toContain('1 个已存图层');
    expect(await status().locator('summary').textContent()).toContain('无网络 · 可离线使用');
    expect(app.consoleErrors.slice(errorsBefore)).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);

    await app.context.setOffline(false);
    app.server.setOffline(false);
  });
});

/** Every file of a build folder but the service worker, as the plugin sees a bundle. */
function builtFiles(dir: string): BuiltFile[] {
  const out: BuiltFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (relative(dir, p) !== 'sw.js')
        out.push({ fileName: relative(dir, p), content: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

describe('a new version', () => {
  let v: AppDriver;
  afterAll(async () => {
    await v?.stop();
  });

  it('is offered once cached, reloads nothing by itself, and takes over on the click', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offline-update-'));
    cpSync(DIST, dir, { recursive: true });
    v = await AppDriver.start({}, dir);
    await v.open();
    await waitReady(v);
    const old = readPrecache(readFileSync(join(dir, 'sw.js'), 'utf8'));
    await v.page.evaluate(() => {
      (window as { __sameDocument?: boolean }).__sameDocument = true;
    });

    // the server now has a build with one file changed, and the service worker that lists it
    const changed = old.files.find((f) => /^assets\/zone-csv-[\w-]+\.js$/.test(f.url));
    if (!changed) throw new Error('no zone-csv chunk in the build');
    writeFileSync(
      join(dir, changed.url),
      `${readFileSync(join(dir, changed.url), 'utf8')}\n// the next version\n`,
    );
    const script = readFileSync(join(dir, 'sw.js'), 'utf8');
    const workerCode = script.slice(script.indexOf('\n') + 1);
    const next = precacheOf(builtFiles(dir), workerCode, { label: old.version.split('+')[0] as string });
    expect(next.version).not.toBe(old.version);
    writeFileSync(join(dir, 'sw.js'), serviceWorkerScript(next, workerCode));

    // the network comes back: the app looks for a new version
    await v.context.setOffline(true);
    await v.context.setOffline(false);
    const offer = v.page.getByRole('button', { name: '新版本可用 · 重新载入' });
    await offer.waitFor({ timeout: 120_000 });
    await expect.poll(() => offlineLines(v), { timeout: 30_000 }).toContain(`新版本 (${next.version})已下载`);
    // the new worker fetched only what changed, plus the files no hash names (the page, the manifest)
    const fetchedAgain = v.serviceWorkerRequests.filter((u) => u.includes(changed.url));
    expect(fetchedAgain.length).toBeGreaterThanOrEqual(2);

    // nothing reloads on its own: the same document, still the old version serving it
    await new Promise((ok) => setTimeout(ok, 3000));
    expect(await v.page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await offlineLines(v)).toContain(`版本 ${old.version}`);

    const reloaded = v.page.waitForEvent('load', { timeout: 60_000 });
    await offer.click();
    await reloaded;
    expect(
      await v.page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument),
    ).toBeUndefined();
    await v.page.waitForFunction(() => window.__map !== undefined);
    await v.idle();
    await v.page.locator('.offline-status[data-ready="true"]').waitFor({ timeout: 60_000 });
    expect(await offlineLines(v)).toContain(`版本 ${next.version}`);
    expect(await v.page.getByRole('button', { name: '新版本可用 · 重新载入' }).count()).toBe(0);
    const served = await v.page.evaluate((u) => fetch(u).then((r) => r.text()), changed.url);
    expect(served).toContain('// the next version');
    expect(v.consoleErrors).toEqual([]);
  });
});
