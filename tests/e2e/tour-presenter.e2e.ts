/**
 * The presenter view in a real browser: a projector window (`?tour=default`) and a presenter window
 * (`?tour=default&presenter=1`) in one browser context, in step over the BroadcastChannel. A key in the presenter
 * moves the projector and its link, a key in the projector moves the presenter; the presenter shows the chapter's
 * speaker notes, the next chapter and a timer; a projector opened later catches up; closing the presenter leaves the
 * projector where it is; Esc in the projector says in the presenter that the presentation ended.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tour, TourChapter } from '../../web/domain/tour/schema.ts';
import { AppDriver } from './app-driver.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TOUR = JSON.parse(readFileSync(join(ROOT, 'seeds/tour-default.json'), 'utf8')) as Tour;
const N = TOUR.chapters.length;
const at = (i: number) => TOUR.chapters[i] as TourChapter;

let app: AppDriver;
/** the projector window is app.page */
let presenter: Page;
const errors: string[] = [];

function watch(page: Page, name: string): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${name}: ${String(e)}`));
}

async function openPresenter(query = '?tour=default&presenter=1'): Promise<Page> {
  const page = await app.context.newPage();
  watch(page, 'presenter');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${app.server.url}${query}`);
  return page;
}

const projectorAt = async (i: number) => {
  await app.page.locator(`.tour-caption[data-chapter-id="${at(i).id}"]`).waitFor();
  expect(await app.page.evaluate(() => new URLSearchParams(location.search).get('chapter'))).toBe(at(i).id);
};
const presenterAt = (page: Page, i: number) =>
  page.locator(`.presenter-chapter-title[data-chapter-id="${at(i).id}"]`).waitFor();

/** What the presenter shows for chapter i: number, title, caption, notes, the next chapter. */
async function expectPresenter(page: Page, i: number): Promise<void> {
  const c = at(i);
  expect(await page.locator('.presenter-chapter-title').textContent()).toBe(c.title.zh);
  expect(await page.locator('.presenter-caption').textContent()).toBe(c.caption.zh);
  expect(await page.locator('.presenter-notes').textContent()).toBe(c.notes.zh || '本章没有讲稿。');
  expect(await page.locator('.presenter-count').textContent()).toBe(`${i + 1} / ${N}`);
  if (i < N - 1) {
    expect(await page.locator('.presenter-next-title').textContent()).toBe(at(i + 1).title.zh);
    expect(await page.locator('.presenter-next-caption').textContent()).toBe(at(i + 1).caption.zh);
  } else {
    expect(await page.locator('.presenter-next').textContent()).toContain('这是最后一章');
  }
}

beforeAll(async () => {
  app = await AppDriver.start();
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
  await app.page.setViewportSize({ width: 1280, height: 720 });
});

afterAll(async () => {
  await app?.stop();
});

describe('the presenter view beside the projector', () => {
  it('opens from the presentation panel’s button at the chapter shown, with no map', async () => {
    await app.open('?tour=default&chapter=3');
    await projectorAt(2);
    const opened = app.context.waitForEvent('page');
    await app.page.getByRole('button', { name: '演讲者视图' }).click();
    const page = await opened;
    watch(page, 'opened presenter');
    await page.waitForLoadState();
    const url = new URL(page.url());
    expect(url.searchParams.get('presenter')).toBe('1');
    expect(url.searchParams.get('tour')).toBe('default');
    expect(url.searchParams.get('chapter')).toBe(at(2).id);
    await presenterAt(page, 2);
    await page.locator('.presenter-link-synced').waitFor();
    expect(await page.locator('.maplibregl-map, canvas').count()).toBe(0);
    expect(await page.title()).toBe(`演讲者视图 · ${TOUR.title.zh}`);
    await page.close();
    // closing the presenter leaves the projector where it is
    await app.idle();
    await projectorAt(2);
  });

  it('drives the projector with its keys and follows the projector’s own steps', async () => {
    await app.open('?tour=default');
    await projectorAt(0);
    presenter = await openPresenter();
    await presenterAt(presenter, 0);
    await presenter.locator('.presenter-link-synced').waitFor();
    await expectPresenter(presenter, 0);

    await presenter.bringToFront();
    await presenter.keyboard.press('ArrowRight');
    await presenterAt(presenter, 1);
    await projectorAt(1);
    await expectPresenter(presenter, 1);

    await app.page.bringToFront();
    await app.page.keyboard.press('ArrowLeft');
    await presenterAt(presenter, 0);
    await expectPresenter(presenter, 0);

    await presenter.bringToFront();
    for (const [key, i] of [
      ['PageDown', 1],
      ['End', N - 1],
      ['PageUp', N - 2],
      ['Home', 0],
      ['5', 4],
    ] as const) {
      await presenter.keyboard.press(key);
      await presenterAt(presenter, i);
      await projectorAt(i);
    }
    await presenter.getByRole('button', { name: /下一章/ }).click();
    await projectorAt(5);
    await presenter.getByRole('button', { name: /上一章/ }).click();
    await projectorAt(4);
    await expectPresenter(presenter, 4);
  });

  it('counts time, stops while paused and resets to zero', async () => {
    const total = presenter.locator('.presenter-total');
    const chapter = presenter.locator('.presenter-chapter-clock');
    expect(await total.textContent()).toMatch(/^\d+:\d\d$/);
    await presenter.getByRole('button', { name: '暂停' }).click();
    expect(await presenter.getByRole('button', { name: '继续' }).getAttribute('aria-pressed')).toBe('true');
    const held = await total.textContent();
    const heldChapter = await chapter.textContent();
    await presenter.waitForTimeout(1200);
    expect(await total.textContent()).toBe(held);
    expect(await chapter.textContent()).toBe(heldChapter);
    await presenter.getByRole('button', { name: '归零' }).click();
    expect(await total.textContent()).toBe('0:00');
    expect(await chapter.textContent()).toBe('0:00');
    await presenter.getByRole('button', { name: '继续' }).click();
    await presenter.waitForFunction(() => document.querySelector('.presenter-total')?.textContent !== '0:00');
    expect(await total.textContent()).toMatch(/^0:0[1-9]$/);
  });

  it('fits a 1280×800 laptop screen for every chapter: nothing scrolls the page or runs off it', async () => {
    await presenter.bringToFront();
    await presenter.keyboard.press('Home');
    for (let i = 0; i < N; i++) {
      await presenterAt(presenter, i);
      const fit = await presenter.evaluate(() => {
        const doc = document.documentElement;
        const out = [...document.querySelectorAll('.presenter *')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5);
        });
        const notes = document.querySelector('.presenter-notes')?.getBoundingClientRect();
        return {
          scrolls: doc.scrollHeight > innerHeight || doc.scrollWidth > innerWidth,
          out: out.map((el) => el.className),
          notesHeight: notes?.height ?? 0,
          titleSize: Number.parseFloat(
            getComputedStyle(document.querySelector('.presenter-chapter-title') as Element).fontSize,
          ),
          notesSize: Number.parseFloat(
            getComputedStyle(document.querySelector('.presenter-notes') as Element).fontSize,
          ),
        };
      });
      expect(fit.scrolls, at(i).id).toBe(false);
      expect(fit.out, at(i).id).toEqual([]);
      // the notes keep room to be read, and are set large enough to read at arm's length
      expect(fit.notesHeight, at(i).id).toBeGreaterThan(150);
      expect(fit.titleSize).toBeGreaterThanOrEqual(28);
      expect(fit.notesSize).toBeGreaterThanOrEqual(20);
      if (i < N - 1) await presenter.keyboard.press('ArrowRight');
    }
    await projectorAt(N - 1);
    await presenter.keyboard.press('4');
    await projectorAt(3);
  });

  it('a projector opened later catches up with the presenter', async () => {
    const late = await app.context.newPage();
    watch(late, 'late projector');
    await late.emulateMedia({ reducedMotion: 'reduce' });
    await late.goto(`${app.server.url}?tour=default`);
    await late.locator(`.tour-caption[data-chapter-id="${at(3).id}"]`).waitFor();
    expect(await late.evaluate(() => new URLSearchParams(location.search).get('chapter'))).toBe(at(3).id);
    await late.close();
    await projectorAt(3);
  });

  it('says in the presenter that the presentation ended when the projector leaves it with Esc', async () => {
    await app.page.bringToFront();
    await app.page.keyboard.press('Escape');
    await app.page.locator('.tour-caption').waitFor({ state: 'detached' });
    await presenter.locator('.presenter-link-ended').waitFor();
    expect(await presenter.locator('.presenter-link').textContent()).toBe('演示已结束：投影窗口已退出演示。');
    // the projector no longer follows the presenter's steps
    await presenter.bringToFront();
    await presenter.keyboard.press('ArrowRight');
    await presenterAt(presenter, 4);
    await app.idle();
    expect(await app.page.locator('.tour-caption').count()).toBe(0);
    expect(await app.page.evaluate(() => new URLSearchParams(location.search).get('tour'))).toBeNull();
  });

  it('logs no console errors in either window', () => {
    expect([...errors, ...app.consoleErrors]).toEqual([]);
  });
});
