/**
 * Presentation mode and the zone brief on a 390×844 touch screen (styles/tour.css, tour/stage-camera.ts,
 * styles/zone-brief.css). The tour: its caption takes the lower half, scrolling in itself with its type not shrunk;
 * every button in it is a 44×44 px target and previous / next stay on the screen; nothing is wider than the screen;
 * each chapter's zones are framed in the map above the caption (not where the projector's camera puts them, behind
 * it); two chapters forward and back by taps and by keys; axe-core finds no WCAG 2.1 AA violation. The zone brief:
 * its page is laid out for the screen (no sideways panning, type of a readable size), its A4 layout kept for
 * measuring and printing (its fit and density are the desktop's).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tour, TourChapter } from '../../web/domain/tour/schema.ts';
import { AppDriver } from './app-driver.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TOUR = JSON.parse(readFileSync(join(ROOT, 'seeds/tour-default.json'), 'utf8')) as Tour;
const ZONES = JSON.parse(readFileSync(join(ROOT, 'data/zone-index.json'), 'utf8')) as Record<
  string,
  { bbox: [number, number, number, number] }
>;
const at = (i: number) => TOUR.chapters[i] as TourChapter;

let app: AppDriver;

beforeAll(async () => {
  app = await AppDriver.start({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
});

afterAll(async () => {
  await app?.stopExpectingNoErrors({ cspViolations: true });
});

/** Shown buttons, links, inputs, selects and summaries under `root` narrower or lower than 44 px. */
function smallTargets(root: string): Promise<string[]> {
  return app.page.evaluate((sel) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll(
      `${sel} :is(button, a[href], input, select, textarea, summary, [role="button"])`,
    )) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || !el.checkVisibility({ visibilityProperty: true })) continue;
      if (r.width < 44 - 0.01 || r.height < 44 - 0.01) {
        const words = (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 24);
        out.push(
          `${el.tagName.toLowerCase()}.${el.className} "${words}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
      }
    }
    return out;
  }, root);
}

const pageWidth = () =>
  app.page.evaluate(() => ({
    scroll: (document.scrollingElement as Element).scrollWidth,
    inner: innerWidth,
  }));

/** The chapter's zones' box on the screen, and the part of the map above the caption and its sources line. */
async function framing(chapter: TourChapter) {
  const boxes = chapter.zones.flatMap((z) => (ZONES[z] ? [ZONES[z].bbox] : []));
  if (boxes.length === 0) throw new Error(`${chapter.id}: no zone in the zone index`);
  const box = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  return app.page.evaluate((b) => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    const canvas = map.getCanvas().getBoundingClientRect();
    const nw = map.project([b[0] as number, b[3] as number]);
    const se = map.project([b[2] as number, b[1] as number]);
    const stage = (document.querySelector('.tour-stage') as Element).getBoundingClientRect();
    const attrib = (document.querySelector('.maplibregl-ctrl-attrib') as Element).getBoundingClientRect();
    return {
      zones: {
        left: canvas.left + nw.x,
        top: canvas.top + nw.y,
        right: canvas.left + se.x,
        bottom: canvas.top + se.y,
      },
      free: {
        left: canvas.left,
        top: canvas.top,
        right: canvas.right,
        bottom: Math.min(stage.top, attrib.top),
      },
      stageTop: stage.top,
    };
  }, box);
}

/** Waits for a chapter, then checks its zones lie in the map above the caption. */
async function expectChapter(i: number): Promise<void> {
  await app.page.locator(`.tour-caption[data-chapter-id="${at(i).id}"]`).waitFor();
  await app.idle();
  const f = await framing(at(i));
  expect(f.zones.left, `${at(i).id} west`).toBeGreaterThanOrEqual(f.free.left - 1);
  expect(f.zones.right, `${at(i).id} east`).toBeLessThanOrEqual(f.free.right + 1);
  expect(f.zones.top, `${at(i).id} north`).toBeGreaterThanOrEqual(f.free.top - 1);
  expect(f.zones.bottom, `${at(i).id} south`).toBeLessThanOrEqual(f.free.bottom + 1);
  // not a speck: the zones take a good part of the free map's width or height
  const share = Math.max(
    (f.zones.right - f.zones.left) / (f.free.right - f.free.left),
    (f.zones.bottom - f.zones.top) / (f.free.bottom - f.free.top),
  );
  expect(share, at(i).id).toBeGreaterThan(0.5);
  // the current step is the one scrolled into the row of steps
  const step = await app.page.evaluate(() => {
    const cur = document.querySelector('.tour-step[aria-current="step"]')?.getBoundingClientRect();
    const row = document.querySelector('.tour-steps')?.getBoundingClientRect();
    return cur && row ? { in: cur.left >= row.left - 0.5 && cur.right <= row.right + 0.5 } : null;
  });
  expect(step?.in, `${at(i).id}: its step in view`).toBe(true);
}

/** Whether a tap at the middle of the element lands on it (nothing covers it) and it is on the screen. */
const reachable = (selector: string) =>
  app.page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return `${sel} missing`;
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth)
      return `${sel} off the screen`;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit && (hit === el || el.contains(hit)) ? 'ok' : `${sel} covered by ${hit?.className}`;
  }, selector);

describe('presentation mode on a 390×844 touch screen', () => {
  it('the caption fills the lower half: 44 px targets, nothing wider than the screen, readable type', async () => {
    await app.open('?tour=default');
    await expectChapter(0);
    expect(await pageWidth()).toEqual({ scroll: 390, inner: 390 });
    expect(await smallTargets('.tour-panel')).toEqual([]);
    const panel = await app.page.evaluate(() => {
      const p = document.querySelector('.tour-panel') as HTMLElement;
      const text = document.querySelector('.tour-caption-text') as HTMLElement;
      const r = p.getBoundingClientRect();
      return {
        top: r.top,
        bottom: r.bottom,
        sideways: p.scrollWidth - p.clientWidth,
        fit: p.dataset.fit,
        text: Number.parseFloat(getComputedStyle(text).fontSize),
        textRight: text.getBoundingClientRect().right,
      };
    });
    // the map keeps the upper half of the screen at least
    expect(panel.top).toBeGreaterThanOrEqual(844 / 2 - 1);
    expect(panel.bottom).toBeLessThanOrEqual(844.5);
    expect(panel.sideways).toBeLessThanOrEqual(0);
    expect(panel.textRight).toBeLessThanOrEqual(390);
    // 16 px text, not shrunk to fit; the panel scrolls instead
    expect(panel.text).toBeGreaterThanOrEqual(16);
    expect(panel.fit).toBe('1');
    // previous, next and leave are on the screen, uncovered, also with the caption scrolled to its end
    const next = '.tour-progress .tour-step-button:last-child';
    const prev = '.tour-progress .tour-step-button:first-child';
    expect(await reachable(next)).toBe('ok');
    expect(await reachable(prev)).toBe('ok');
    expect(await reachable('.tour-leave')).toBe('ok');
    await app.page.evaluate(() => {
      const p = document.querySelector('.tour-panel') as HTMLElement;
      p.scrollTop = p.scrollHeight;
    });
    expect(await reachable(next)).toBe('ok');
    await app.page.evaluate(() => {
      (document.querySelector('.tour-panel') as HTMLElement).scrollTop = 0;
    });
  });

  it('two chapters forward and back by taps, then by keys; each chapter framed above the caption', async () => {
    const next = app.page.getByRole('button', { name: '下一章' });
    const prev = app.page.getByRole('button', { name: '上一章' });
    await next.tap();
    await expectChapter(1);
    await next.tap();
    await expectChapter(2);
    expect(await app.page.locator('.tour-count').textContent()).toContain(`3 / ${TOUR.chapters.length}`);
    await prev.tap();
    await expectChapter(1);
    await prev.tap();
    await expectChapter(0);
    expect(await prev.isDisabled()).toBe(true);

    await app.page.keyboard.press('ArrowRight');
    await expectChapter(1);
    await app.page.keyboard.press('PageDown');
    await expectChapter(2);
    await app.page.keyboard.press('ArrowLeft');
    await expectChapter(1);
    await app.page.keyboard.press('PageUp');
    await expectChapter(0);
    expect((await pageWidth()).scroll).toBeLessThanOrEqual(390);
  });

  it('a tap on a chapter step goes there', async () => {
    const step = app.page.locator('.tour-step').nth(5);
    await step.scrollIntoViewIfNeeded();
    await step.tap();
    await expectChapter(5);
  });

  it('WCAG 2.1 AA (axe-core) while presenting', async () => {
    expect(await app.axeViolations()).toEqual([]);
  });

  it('退出演示 by a tap ends it: the header and the sheet come back', async () => {
    await app.page.locator('.tour-leave').tap();
    await app.page.locator('.tour-stage').waitFor({ state: 'detached' });
    expect(await app.page.locator('.sheet-bar').isVisible()).toBe(true);
    expect(await app.page.locator('.header-menu-toggle').isVisible()).toBe(true);
  });
});

describe('the zone brief on a 390×844 touch screen', () => {
  const zone = 'league-hulunbuir';
  /** The brief's sheet: how it measured its A4 page, and how it is laid out on this screen. */
  const sheetNow = () =>
    app.page.evaluate(() => {
      const view = document.querySelector('.print-view') as HTMLElement;
      const sheet = document.querySelector('.brief-sheet') as HTMLElement;
      let right = 0;
      let smallest = 99;
      for (const el of sheet.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        right = Math.max(right, r.right);
        // the map picture's labels (north arrow, scale bar) are in its SVG's units and scale with the picture
        if (el.closest('svg')) continue;
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (own) smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(el).fontSize));
      }
      const body = document.querySelector('.brief-places, .brief-counts') as HTMLElement;
      return {
        sideways: view.scrollWidth - view.clientWidth,
        right,
        smallest,
        body: Number.parseFloat(getComputedStyle(body).fontSize),
        mm: sheet.dataset.heightMm,
        density: sheet.dataset.density,
        mode: sheet.dataset.mode,
        fits: sheet.dataset.fits,
      };
    });

  async function openBrief(driver: AppDriver, tap: boolean): Promise<void> {
    await driver.open(`?zone=${zone}`);
    const button = driver.page.locator('.zone-panel .zone-brief-button');
    await button.waitFor();
    if (tap) await button.tap();
    else await button.click();
    await driver.page.locator('.print-view[data-ready="true"]').waitFor({ timeout: 30_000 });
  }

  it('its page is laid out for the screen: no sideways panning, readable type; its A4 measure is the desktop one', async () => {
    await openBrief(app, true);
    const phone = await sheetNow();
    expect(phone.sideways).toBeLessThanOrEqual(0);
    expect(phone.right).toBeLessThanOrEqual(390.5);
    expect((await pageWidth()).scroll).toBeLessThanOrEqual(390);
    expect(phone.body).toBeGreaterThanOrEqual(15);
    // no text smaller than 12 px (the A4 sheet's is 7 pt, 9.3 px, and smaller in its notes)
    expect(phone.smallest).toBeGreaterThanOrEqual(12);
    // whether it fits one A4 page, and the density chosen for it, are measured on the A4 layout as on a desktop
    const desk = await AppDriver.start({ viewport: { width: 1280, height: 800 } });
    try {
      await openBrief(desk, false);
      const wide = await desk.page.evaluate(() => {
        const sheet = document.querySelector('.brief-sheet') as HTMLElement;
        return {
          mm: sheet.dataset.heightMm,
          density: sheet.dataset.density,
          mode: sheet.dataset.mode,
          fits: sheet.dataset.fits,
        };
      });
      expect(wide.mm).not.toBe('');
      expect({ mm: phone.mm, density: phone.density, mode: phone.mode, fits: phone.fits }).toEqual(wide);
    } finally {
      await desk.stop();
    }
    await app.page.locator('.print-view').getByRole('button', { name: '返回' }).tap();
    await app.page.locator('.print-view').waitFor({ state: 'detached' });
  });
});
