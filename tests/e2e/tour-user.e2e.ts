/**
 * Tours users make, in a real browser: 我的演示 → a new tour; a zone and a layer added as chapter 1, a task as
 * chapter 2; reordered by keyboard; a caption edited; kept in IndexedDB across a reload; presented (chapter 1 shows
 * the captured layers, zones and camera; `?tour=user-<id>` opens it after a reload); exported as a file that passes
 * parseTour and imports back with the same chapters; a bad file listing its issues and changing nothing; a share
 * link opening the tour in a fresh browser.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tour, TourChapter } from '../../web/domain/tour/schema.ts';
import { parseTourText } from '../../web/domain/tour/validate.ts';
import { CTX, PLAN } from '../unit/tour/helpers.ts';
import { AppDriver } from './app-driver.ts';

let app: AppDriver;
let fresh: AppDriver | null = null;

beforeAll(async () => {
  app = await AppDriver.start();
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
});
afterAll(async () => {
  await fresh?.stop();
  await app?.stop();
});

interface Saved {
  id: string;
  tour: { id: string; title: { zh: string }; chapters: TourChapter[] };
}

/** What IndexedDB holds, read as the app stored it. */
const saved = (): Promise<Saved[]> =>
  app.page.evaluate(
    () =>
      new Promise<Saved[]>((ok, fail) => {
        const r = indexedDB.open('eco-barrier-map-tours');
        r.onerror = () => fail(r.error);
        r.onsuccess = () => {
          const db = r.result;
          if (!db.objectStoreNames.contains('tours')) return ok([]);
          const g = db.transaction('tours').objectStore('tours').getAll();
          g.onsuccess = () => {
            ok(g.result as Saved[]);
            db.close();
          };
        };
      }),
  );

const visibleLayers = (d: AppDriver) =>
  d.page.evaluate(() => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    const ids = map
      .getStyle()
      .layers.filter((l) => (l.layout as { visibility?: string } | undefined)?.visibility !== 'none')
      .map((l) => (l.metadata as { registryId?: string } | undefined)?.registryId)
      .filter((id): id is string => id !== undefined);
    return [...new Set(ids)].sort();
  });

const highlightedZones = (d: AppDriver) =>
  d.page.evaluate(() => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    const zones = map
      .getStyle()
      .layers.filter((l) => l.id.startsWith('highlight-'))
      .flatMap((l) => {
        const list = ((l as { filter?: unknown[] }).filter ?? [])[2] as [string, string[]] | undefined;
        return list?.[0] === 'literal' ? list[1] : [];
      });
    return [...new Set(zones)].sort();
  });

const camera = (d: AppDriver) =>
  d.page.evaluate(() => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  });

const panel = () => app.page.locator('#my-tours');
const chapterIds = () =>
  panel()
    .locator('.my-tours-chapters > li')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-chapter')));

async function openPanel(): Promise<void> {
  await app.page.locator('.my-tours-toggle').click();
  await panel().locator('.my-tours-add, .my-tours-note').first().waitFor();
  await app.page.locator('#my-tours-new:not([disabled])').waitFor();
}

const TASK = PLAN.tasks.find((t) => t.id === '2.3.3');
let tourId = '';
let chapter1Camera = { lng: 0, lat: 0, zoom: 0 };
let chapter1Layers: string[] = [];

describe('tours users make', () => {
  it('a zone and a layer become chapter 1, a task chapter 2', async () => {
    await app.open('?zone=desert-kubuqi&show=thematic-battles');
    await app.page.locator('.zone-panel[data-zone-id="desert-kubuqi"]').waitFor();
    const zoneName = (await app.page.locator('.zone-panel h2').textContent())?.trim() ?? '';
    await openPanel();
    await app.page.locator('#my-tours-new').fill('沙地演示');
    await panel().getByRole('button', { name: '新建演示' }).click();
    await panel().locator('.my-tours-add').click();
    await panel().locator('.my-tours-chapters > li').first().waitFor();
    chapter1Camera = await camera(app);
    chapter1Layers = await visibleLayers(app);
    expect(chapter1Layers).toContain('thematic-battles');

    const [record] = await saved();
    if (!record) throw new Error('nothing saved');
    tourId = record.id;
    expect(tourId).toMatch(/^user-[0-9a-f-]{36}$/);
    const c1 = record.tour.chapters[0] as TourChapter;
    expect(c1.title.zh).not.toBe('');
    expect(zoneName).toContain(c1.title.zh);
    expect(c1.zones).toContain('desert-kubuqi');
    expect([...c1.layers].sort()).toEqual(chapter1Layers);
    expect(c1.camera.zoom).toBeCloseTo(chapter1Camera.zoom, 2);

    // a task: the tour is still there after the page changed, the newest tour chosen
    await app.open('?view=tasks&task=2.3.3');
    await app.page.locator('.task-detail[data-task-id="2.3.3"]').waitFor();
    await openPanel();
    await panel().locator('.my-tours-add').click();
    await expect.poll(chapterIds).toEqual(['c1', 'c2']);
    const c2 = (await saved())[0]?.tour.chapters[1] as TourChapter;
    expect(c2.title.zh).toBe(TASK?.title.slice(0, 30));
    expect(c2.cites.tasks).toEqual(['2.3.3']);
    expect(c2.zones.length).toBeGreaterThan(0);
  });

  it('chapters move by keyboard and a caption is edited', async () => {
    const up = panel().locator('li[data-chapter="c2"] button[data-focus-key="c2-up"]');
    await up.focus();
    await app.page.keyboard.press('Enter');
    await expect.poll(chapterIds).toEqual(['c2', 'c1']);
    // the focus stays on the moved chapter: Alt+↓ moves it back
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-focus-key'))).toBe(
      'c2-down',
    );
    await app.page.keyboard.press('Alt+ArrowDown');
    await expect.poll(chapterIds).toEqual(['c1', 'c2']);

    await panel().locator('li[data-chapter="c1"]').getByRole('button', { name: '编辑' }).click();
    await app.page.locator('#my-tours-c1-caption-zh').fill('库布其沙漠：我们的治理示意');
    await app.page.locator('#my-tours-c1-caption-en').fill('Kubuqi: our sketch');
    await panel().locator('li[data-chapter="c1"]').getByRole('button', { name: '保存' }).click();
    await expect
      .poll(async () => (await saved())[0]?.tour.chapters[0]?.caption)
      .toEqual({ zh: '库布其沙漠：我们的治理示意', en: 'Kubuqi: our sketch' });
  });

  it('survives a reload, and deleting a chapter can be undone', async () => {
    await app.open('');
    const [record] = await saved();
    expect(record?.tour.chapters.map((c) => c.id)).toEqual(['c1', 'c2']);
    await openPanel();
    await expect.poll(chapterIds).toEqual(['c1', 'c2']);
    await panel().locator('li[data-chapter="c2"]').getByRole('button', { name: '删除' }).click();
    await expect.poll(chapterIds).toEqual(['c1']);
    await panel().getByRole('button', { name: '撤销' }).click();
    await expect.poll(chapterIds).toEqual(['c1', 'c2']);
    expect((await saved())[0]?.tour.chapters.map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('presents: chapter 1 shows the captured layers, zones and camera; the link reopens it after reload', async () => {
    const c1 = (await saved())[0]?.tour.chapters[0] as TourChapter;
    await panel().locator('.my-tours-current').getByRole('button', { name: '演示', exact: true }).click();
    await app.page.locator('.tour-caption[data-chapter-id="c1"]').waitFor();
    await app.idle();
    expect(await app.page.locator('.tour-caption').textContent()).toContain('库布其沙漠：我们的治理示意');
    expect(await visibleLayers(app)).toEqual(chapter1Layers);
    expect(await highlightedZones(app)).toEqual([...c1.zones].sort());
    const cam = await camera(app);
    expect(cam.zoom).toBeCloseTo(chapter1Camera.zoom, 2);
    expect(cam.lng).toBeCloseTo(chapter1Camera.lng, 3);
    expect(cam.lat).toBeCloseTo(chapter1Camera.lat, 3);
    expect(await app.page.evaluate(() => new URLSearchParams(location.search).get('tour'))).toBe(tourId);

    await app.page.reload();
    await app.page.locator('.tour-caption[data-chapter-id="c1"]').waitFor();
    await app.page.keyboard.press('ArrowRight');
    await app.page.locator('.tour-caption[data-chapter-id="c2"]').waitFor();
    await app.page.keyboard.press('Escape');
    await app.page.locator('.tour-caption').waitFor({ state: 'detached' });
  });

  it('exports a file that passes parseTour and imports back with the same chapters', async () => {
    await app.open('');
    await openPanel();
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      panel().getByRole('button', { name: '导出文件' }).click(),
    ]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    const parsed = parseTourText(text, CTX);
    expect(parsed.issues).toEqual([]);
    const file = parsed.tour as Tour;
    expect(file.id).toBe(tourId);
    const stored = (await saved())[0]?.tour as Saved['tour'];
    expect(file.chapters).toEqual(stored.chapters);

    // the same id: asked, keep both → a second tour with the same chapters
    await panel().locator('input[type="file"]').setInputFiles(path);
    await panel().getByRole('button', { name: '保留两者' }).click();
    await expect.poll(async () => (await saved()).length).toBe(2);
    const copy = (await saved()).find((s) => s.id !== tourId);
    expect(copy?.tour.chapters).toEqual(file.chapters);
    expect(copy?.tour.title.zh).toBe('沙地演示（副本）');

    // replace: still two tours, the original's chapters as in the file
    await panel().locator('input[type="file"]').setInputFiles(path);
    await panel().getByRole('button', { name: '替换' }).click();
    await panel().getByText('已导入：').waitFor();
    expect((await saved()).length).toBe(2);
  });

  it('a bad file lists every issue with its path and leaves the saved tours unchanged', async () => {
    const before = await saved();
    const bad = {
      id: 'bad-tour',
      version: 1,
      title: { zh: '坏文件', en: '' },
      chapters: [
        {
          id: 'one',
          title: { zh: '一', en: '' },
          caption: { zh: '<script>alert(1)</script>', en: '' },
          notes: { zh: '', en: '' },
          camera: { center: [111, 45], zoom: 5, bearing: 0, pitch: 0 },
          layers: ['thematic-nowhere'],
          zones: ['desert-kubuqi'],
          cites: { tasks: ['99.9.9'], indicators: [] },
          note: 'typo',
        },
      ],
    };
    await panel()
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'bad.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(bad)),
      });
    const refused = panel().locator('.my-tours-refused');
    await refused.waitFor();
    const items = await refused.locator('li').allTextContents();
    const expected = parseTourText(JSON.stringify(bad), CTX).issues;
    expect(items.length).toBe(expected.length);
    for (const i of expected)
      expect(items.some((t) => t.includes(i.path) && t.includes(i.zh) && t.includes(i.en))).toBe(true);
    expect(items.some((t) => t.includes('chapters[0].layers[0]'))).toBe(true);
    expect(await saved()).toEqual(before);

    const notJson = Buffer.from('{ "id": ');
    await panel()
      .locator('input[type="file"]')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: notJson });
    await expect.poll(() => refused.locator('li').count()).toBe(1);
    expect(await saved()).toEqual(before);
  });

  it('a share link opens the tour in a fresh browser', async () => {
    await panel()
      .getByRole('button', { name: /沙地演示 \d/ })
      .first()
      .click();
    await panel().getByRole('button', { name: '分享链接' }).click();
    const url = new URL(await panel().locator('.my-tours-share').inputValue());
    const ref = url.searchParams.get('tour') ?? '';
    expect(ref.startsWith('u:')).toBe(true);
    expect(url.search.length).toBeLessThan(4100);
    fresh = await AppDriver.start();
    await fresh.page.emulateMedia({ reducedMotion: 'reduce' });
    await fresh.page.goto(`${fresh.server.url}${url.search}`);
    await fresh.page.locator('.tour-caption[data-chapter-id="c1"]').waitFor();
    expect(await fresh.page.locator('.tour-caption').textContent()).toContain('库布其沙漠：我们的治理示意');
    await fresh.page.waitForFunction(() => window.__map !== undefined);
    await fresh.idle();
    expect(await visibleLayers(fresh)).toEqual(chapter1Layers);
    expect(fresh.consoleErrors).toEqual([]);
  });

  it('the panel sits beside the others at 1280×720 and below the map at 800 px, nothing covered or cut', async () => {
    const boxes = () =>
      app.page.evaluate(() => {
        const box = (sel: string) => {
          const r = document.querySelector(sel)?.getBoundingClientRect();
          return r ? { left: r.left, right: r.right, top: r.top, bottom: r.bottom } : null;
        };
        return {
          mine: box('#my-tours'),
          zone: box('.zone-panel'),
          legend: box('.layer-panel'),
          map: box('.map'),
          scrollWidth: document.documentElement.scrollWidth,
          width: window.innerWidth,
        };
      });
    type Box = { left: number; right: number; top: number; bottom: number } | null;
    const apart = (a: Box, b: Box) =>
      !a || !b || a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
    for (const [width, height] of [
      [1280, 720],
      [800, 900],
    ] as const) {
      await app.page.setViewportSize({ width, height });
      await app.open('?zone=league-ordos');
      await app.page.locator('.zone-panel').waitFor();
      await openPanel();
      const b = await boxes();
      expect(b.mine).not.toBeNull();
      expect(apart(b.mine, b.zone), `${width}: my tours vs zone panel`).toBe(true);
      expect(apart(b.mine, b.legend), `${width}: my tours vs legend`).toBe(true);
      expect(b.scrollWidth).toBeLessThanOrEqual(b.width);
      expect(b.mine?.right ?? 0).toBeLessThanOrEqual(width);
      if (width === 800) expect(b.mine?.top ?? 0).toBeGreaterThanOrEqual(b.map?.bottom ?? 0);
      else expect(b.mine?.bottom ?? 0).toBeLessThanOrEqual(height);
    }
  });

  it('no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
