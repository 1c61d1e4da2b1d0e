/**
 * Issue 10, take it away: in presentation mode 导出图片 PNG downloads the view as a 1920×1080 PNG (map, caption,
 * legend, attribution, 示意 notice) and 打印讲义 opens a handout of one A4 landscape page per chapter (map, title,
 * caption, plan sections, targets with status, sources). The PNG is read back from its bytes and decoded in the
 * page; the handout is printed to PDF by Chromium and read back with poppler (pdfinfo, pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../layers/registry.ts';
import type { Tour, TourChapter } from '../../web/domain/tour/schema.ts';
import { AppDriver } from './app-driver.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TOUR = JSON.parse(readFileSync(join(ROOT, 'seeds/tour-default.json'), 'utf8')) as Tour;
const N = TOUR.chapters.length;
const SCHEMATIC = new Set(LAYERS.filter((l) => l.schematic).map((l) => l.id));
/** a chapter that shows schematic layers, so the legend has 示意 marks and the picture the notice */
const CHAPTER = TOUR.chapters.find((c) => c.layers.some((id) => SCHEMATIC.has(id))) as TourChapter;
const dir = mkdtempSync(join(tmpdir(), 'tour-export-'));

let app: AppDriver;

beforeAll(async () => {
  app = await AppDriver.start();
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
  await app.page.setViewportSize({ width: 1280, height: 720 });
});

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const handoutChunkLoaded = () => app.requests.some((u) => /\/TourHandout-[\w-]+\.js$/.test(u));

/** What the picture shows, decoded in the page: distinct colours of the map's part, dark pixels of the title. */
function pictureStats(png: Buffer) {
  return app.page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = document.createElement('canvas');
    c.width = bitmap.width;
    c.height = bitmap.height;
    const g = c.getContext('2d');
    if (!g) throw new Error('no canvas');
    g.drawImage(bitmap, 0, 0);
    const colours = (x0: number, y0: number, x1: number, y1: number) => {
      const seen = new Set<number>();
      const d = g.getImageData(x0, y0, x1 - x0, y1 - y0).data;
      for (let i = 0; i < d.length; i += 4 * 13)
        seen.add(((d[i] ?? 0) << 16) | ((d[i + 1] ?? 0) << 8) | (d[i + 2] ?? 0));
      return seen.size;
    };
    const dark = (x0: number, y0: number, x1: number, y1: number) => {
      const d = g.getImageData(x0, y0, x1 - x0, y1 - y0).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4)
        if ((d[i] ?? 255) < 90 && (d[i + 1] ?? 255) < 90 && (d[i + 2] ?? 255) < 90) n++;
      return n;
    };
    return {
      width: bitmap.width,
      height: bitmap.height,
      // right of the caption panel, above the attribution strip
      mapColours: colours(700, 80, 1880, 960),
      // the title's line in the caption panel (panel at 32 px, padding 28 px, title 44 px)
      titleDark: dark(60, 60, 600, 108),
      // the same band on the map's far side: the title is not there
      mapDarkSameBand: dark(1300, 60, 1840, 108),
    };
  }, png.toString('base64'));
}

describe('taking the presentation away', () => {
  it('exports the chapter shown as a 1920×1080 PNG that is not blank; the map is put back as it was', async () => {
    await app.open(`?tour=default&chapter=${CHAPTER.id}`);
    await app.page.locator(`.tour-caption[data-chapter-id="${CHAPTER.id}"]`).waitFor();
    await app.page.locator('.tour-plan').waitFor();
    await app.idle();
    const before = await app.page.evaluate(() => {
      const m = window.__map;
      if (!m) throw new Error('no map');
      const c = m.getCanvas();
      return { w: c.width, h: c.height, cw: c.clientWidth, zoom: m.getZoom(), lng: m.getCenter().lng };
    });

    const [download] = await Promise.all([
      app.page.waitForEvent('download', { timeout: 60_000 }),
      app.page.getByRole('button', { name: '导出图片 PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^北疆生态屏障-${CHAPTER.id}-\\d{4}-\\d{2}-\\d{2}\\.png$`),
    );
    const png = readFileSync((await download.path()) as string);
    // the PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(1920);
    expect(png.readUInt32BE(20)).toBe(1080);

    const stats = await pictureStats(png);
    expect(stats.width).toBe(1920);
    expect(stats.height).toBe(1080);
    expect(stats.mapColours).toBeGreaterThan(20);
    expect(stats.titleDark).toBeGreaterThan(300);
    expect(stats.mapDarkSameBand).toBeLessThan(stats.titleDark);
    await expect.poll(() => app.page.locator('.tour-export-status').getAttribute('data-status')).toBe('done');

    // the map is back at the window's size, pixel ratio and camera, the presentation where it was
    await app.idle();
    const after = await app.page.evaluate(() => {
      const m = window.__map;
      if (!m) throw new Error('no map');
      const c = m.getCanvas();
      return { w: c.width, h: c.height, cw: c.clientWidth, zoom: m.getZoom(), lng: m.getCenter().lng };
    });
    expect(after.w).toBe(before.w);
    expect(after.h).toBe(before.h);
    expect(after.cw).toBe(1280);
    expect(after.zoom).toBeCloseTo(before.zoom, 6);
    expect(after.lng).toBeCloseTo(before.lng, 6);
    expect(await app.page.locator('.tour-caption').getAttribute('data-chapter-id')).toBe(CHAPTER.id);
  });

  it('prints a handout: one A4 landscape page per chapter with its map, title, caption and targets', async () => {
    await app.open(`?tour=default&chapter=${CHAPTER.id}`);
    await app.page.locator(`.tour-caption[data-chapter-id="${CHAPTER.id}"]`).waitFor();
    await app.page.locator('.tour-plan').waitFor();
    const panelTargets = await app.page
      .locator('.tour-panel .tour-targets li')
      .evaluateAll((els) => els.map((e) => e.textContent));
    expect(handoutChunkLoaded()).toBe(false);

    await app.page.getByRole('button', { name: '打印讲义' }).click();
    await app.page.locator('.tour-handout[data-ready="true"]').waitFor({ timeout: 240_000 });
    expect(handoutChunkLoaded()).toBe(true);

    const pages = app.page.locator('.handout-page');
    expect(await pages.count()).toBe(N);
    const ids = await pages.evaluateAll((els) => els.map((e) => e.getAttribute('data-chapter-id')));
    expect(ids).toEqual(TOUR.chapters.map((c) => c.id));
    const fits = await pages.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.fits));
    expect(
      fits.every((f) => f === 'true'),
      JSON.stringify(fits),
    ).toBe(true);
    for (const [i, c] of TOUR.chapters.entries()) {
      const page = pages.nth(i);
      expect(await page.locator('h2').textContent()).toBe(c.title.zh);
      expect(await page.locator('.handout-caption').textContent()).toBe(c.caption.zh);
      const href = (await page.locator('.handout-map-picture image').getAttribute('href')) ?? '';
      expect(href.startsWith('data:image/png;base64,'), c.id).toBe(true);
      const tasks = await page.locator('.tour-task-id').allTextContents();
      expect(tasks.sort(), c.id).toEqual([...c.cites.tasks].sort());
      const targets = await page
        .locator('.tour-targets li')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator-id')));
      expect(targets, c.id).toEqual(c.cites.indicators);
      expect(await page.locator('.note-schematic').count(), c.id).toBe(
        c.layers.some((id) => SCHEMATIC.has(id)) ? 1 : 0,
      );
    }
    // the chapter presented: the same targets, worded the same, as the caption panel
    const handoutTargets = await app.page
      .locator(`.handout-page[data-chapter-id="${CHAPTER.id}"] .tour-targets li`)
      .evaluateAll((els) => els.map((e) => e.textContent));
    expect(handoutTargets).toEqual(panelTargets);
    // each chapter's picture differs from the others (taken at its own camera with its own layers)
    const hrefs = await app.page
      .locator('.handout-map-picture image')
      .evaluateAll((els) => els.map((e) => (e.getAttribute('href') ?? '').length));
    expect(new Set(hrefs).size).toBeGreaterThan(N / 2);

    const file = join(dir, 'handout.pdf');
    writeFileSync(file, await app.page.pdf({ printBackground: true, preferCSSPageSize: true }));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(N);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
    expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2])); // landscape
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const c of TOUR.chapters) expect(text, c.id).toContain(c.title.zh.replace(/\s+/g, ''));
    // pages do not split a chapter: page k's text has chapter k's title and no other's
    for (const [i, c] of TOUR.chapters.entries()) {
      const pageText = execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, '');
      expect(pageText, c.id).toContain(c.title.zh.replace(/\s+/g, ''));
    }

    // the chapter keys do not step the presentation under the handout; Escape closes it, and the presentation is
    // where it was, with its chapter's layers
    for (const key of ['ArrowRight', 'PageDown', 'End', '1']) await app.page.keyboard.press(key);
    expect(await app.page.locator('.tour-caption').getAttribute('data-chapter-id')).toBe(CHAPTER.id);
    await app.page.keyboard.press('Escape');
    await app.page.locator('.tour-handout').waitFor({ state: 'detached' });
    expect(await app.page.locator('.tour-caption').getAttribute('data-chapter-id')).toBe(CHAPTER.id);
    await app.idle();
    const shown = await app.page.evaluate(() => {
      const map = window.__map;
      if (!map) throw new Error('no map');
      const ids = map
        .getStyle()
        .layers.filter((l) => (l.layout as { visibility?: string } | undefined)?.visibility !== 'none')
        .map((l) => (l.metadata as { registryId?: string } | undefined)?.registryId)
        .filter((id): id is string => id !== undefined);
      return [...new Set(ids)].sort();
    });
    expect(shown).toEqual([...CHAPTER.layers].sort());
    expect(app.consoleErrors).toEqual([]);
  }, 400_000);
});
