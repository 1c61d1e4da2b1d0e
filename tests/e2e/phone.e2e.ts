/**
 * The phone layout (styles/phone.css, phone/SheetBar.tsx, phone/HeaderMenu.tsx) on a 390×844 touch screen with
 * the device's pixel ratio 2: the page never scrolls sideways, the header's buttons are in a menu, the map fills
 * the screen above a bottom sheet that holds the panels, and every target in the header, the open sheet and the
 * status line is at least 44×44 CSS px (WCAG 2.5.5). A zone is tapped on the map, a boundary file is checked, and
 * the sheet is opened, raised and closed by its buttons, by the keyboard and by a drag on its handle.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, rect } from './app-driver.ts';

const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

let app: AppDriver;

beforeAll(async () => {
  app = await AppDriver.start(PHONE);
  await app.open();
  await app.page.locator('.sheet-bar').waitFor();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors({ cspViolations: true });
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

const boxOf = (page: Page, selector: string): Promise<Box | null> =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return null;
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  }, selector);

async function mustBox(selector: string): Promise<Box> {
  const b = await boxOf(app.page, selector);
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
}

/**
 * Every shown button, link, input, select, summary and option under the given roots narrower or lower than
 * 44 px, as "where: what "words" w×h". A checkbox or radio counts with its label (a tap on either toggles it), a
 * hidden file input with the label that stands for it. Place names inside a task's sentence of links are 2.5.5's
 * inline exception.
 */
function smallTargets(roots: string[]): Promise<string[]> {
  return app.page.evaluate((sels) => {
    const out: string[] = [];
    for (const sel of sels) {
      for (const root of document.querySelectorAll(sel)) {
        const targets = root.querySelectorAll(
          'button, a[href], input, select, textarea, summary, [role="option"], [role="button"]',
        );
        for (const el of targets) {
          if (el.closest('.task-links') && el.classList.contains('place-link')) continue;
          const r = el.getBoundingClientRect();
          let w = r.width;
          let h = r.height;
          if (el instanceof HTMLInputElement && el.labels) {
            for (const l of el.labels) {
              const b = l.getBoundingClientRect();
              if (b.width * b.height > w * h) {
                w = b.width;
                h = b.height;
              }
            }
          }
          const shown =
            w > 0 && h > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden');
          if (!shown) continue;
          if (w < 44 - 0.01 || h < 44 - 0.01) {
            const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
            const words = (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 24);
            out.push(`${sel}: ${name} "${words}" ${Math.round(w)}×${Math.round(h)}`);
          }
        }
      }
    }
    return out;
  }, roots);
}

const pageWidth = () =>
  app.page.evaluate(() => ({
    scroll: (document.scrollingElement as Element).scrollWidth,
    inner: innerWidth,
    scrollY: (document.scrollingElement as Element).scrollHeight - innerHeight,
  }));

const sheetSize = () => app.page.locator('.app-main').getAttribute('data-sheet');
/** The sheet's height once the page has answered (software WebGL redrawing the resized map can keep it busy). */
const sizeIs = (size: string) => expect.poll(sheetSize, { timeout: 20_000 }).toBe(size);

/** The map's canvas, the sheet bar, the shown panel and the map's top-right buttons. */
async function layoutNow() {
  return {
    canvas: await mustBox('.map canvas'),
    map: await mustBox('.map'),
    bar: await mustBox('.sheet-bar'),
    controls: await mustBox('.maplibregl-ctrl-top-right'),
    status: await mustBox('.status-bar'),
  };
}

/** The centre of a rendered league label, in page pixels. */
async function labelPoint(zoneId: string): Promise<{ x: number; y: number }> {
  const p = await app.page.evaluate((id) => {
    const map = window.__map;
    if (!map) throw new Error('map not exposed');
    const label = map
      .queryRenderedFeatures()
      .find(
        (f) => f.layer.id === 'leagues-label' && f.properties.zoneId === id && f.geometry.type === 'Point',
      );
    if (label?.geometry.type !== 'Point') return null;
    const [lon, lat] = label.geometry.coordinates as [number, number];
    const q = map.project([lon, lat]);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + q.x, y: r.top + q.y };
  }, zoneId);
  if (!p) throw new Error(`no label of ${zoneId} on the map`);
  return p;
}

/** A touch drag from a point straight up (negative dy) or down, through the DevTools protocol's touch events. */
async function touchDrag(x: number, y: number, dy: number): Promise<void> {
  const cdp = await app.context.newCDPSession(app.page);
  const at = (yy: number) => [{ x, y: yy, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(y) });
  for (let i = 1; i <= 6; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(y + (dy * i) / 6) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe('on a 390×844 touch screen', () => {
  it('the map fills the screen under a compact header; nothing is wider than the screen; header targets are 44 px', async () => {
    const size = await pageWidth();
    expect(size.inner).toBe(390);
    expect(size.scroll).toBeLessThanOrEqual(390);
    expect(size.scrollY).toBeLessThanOrEqual(0);
    await sizeIs('collapsed');
    const l = await layoutNow();
    expect(l.canvas.width).toBeGreaterThanOrEqual(389);
    // the map takes all between the header and the sheet's bar, which sits on the status line: three quarters
    const header = await mustBox('.app-header');
    expect(Math.abs(l.canvas.top - header.bottom)).toBeLessThan(1);
    expect(Math.abs(l.canvas.bottom - l.bar.top)).toBeLessThan(1);
    expect(Math.abs(l.bar.bottom - l.status.top)).toBeLessThan(1);
    expect(l.canvas.height).toBeGreaterThan(844 * 0.75);
    // the status line, its offline chip a 44 px target, keeps below the sheet's handle and the map's sources line
    const chip = await mustBox('.status-bar .offline-status > summary');
    expect(Math.min(chip.width, chip.height)).toBeGreaterThanOrEqual(44);
    expect(chip.top).toBeGreaterThanOrEqual(l.status.top);
    expect(chip.bottom).toBeLessThanOrEqual(l.status.bottom + 0.5);
    expect(l.status.bottom).toBeLessThanOrEqual(844.5);
    expect(l.status.top).toBeGreaterThanOrEqual((await mustBox('.sheet-handle')).bottom - 0.5);
    expect(l.status.top).toBeGreaterThanOrEqual((await mustBox('.maplibregl-ctrl-attrib')).bottom - 0.5);
    // a tap on it opens what is offline above the line, within the screen, and a second tap closes it
    await app.page.locator('.offline-status > summary').tap();
    const details = await mustBox('.offline-details');
    expect(details.left).toBeGreaterThanOrEqual(0);
    expect(details.right).toBeLessThanOrEqual(390);
    expect(details.top).toBeGreaterThanOrEqual(0);
    expect(details.bottom).toBeLessThanOrEqual(l.status.top + 0.5);
    await app.page.locator('.offline-status > summary').tap();
    // (a closed details element keeps its content's boxes in Chrome; checkVisibility says it is not shown)
    expect(
      await app.page.evaluate(() =>
        (document.querySelector('.offline-details') as HTMLElement).checkVisibility(),
      ),
    ).toBe(false);

    // the header's buttons are behind 菜单, which says whether it is open
    const toggle = app.page.locator('.header-menu-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await app.page.getByRole('button', { name: '选址审查' }).isVisible()).toBe(false);
    await toggle.tap();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    for (const sel of [
      '.view-nav button',
      '.screening-toggle',
      '.tour-start',
      '.my-tours-toggle',
      '.lang-toggle',
    ]) {
      for (const b of await app.page.locator(`.header-menu ${sel}`).all())
        expect(await b.isVisible(), sel).toBe(true);
    }
    expect(await smallTargets(['.app-header', '.sheet-bar', '.status-bar'])).toEqual([]);
    const menu = await mustBox('.header-menu');
    expect(menu.right).toBeLessThanOrEqual(390);
    expect((await pageWidth()).scroll).toBeLessThanOrEqual(390);
    // a tap elsewhere (the title) closes it
    await app.page.touchscreen.tap(60, 25);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('the menu works from the keyboard: Enter opens it, Tab reaches its buttons, Escape closes it and returns', async () => {
    const toggle = app.page.locator('.header-menu-toggle');
    await toggle.focus();
    await app.page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await app.page.keyboard.press('Tab');
    const focused = await app.page.evaluate(() => document.activeElement?.closest('#header-menu') !== null);
    expect(focused).toBe(true);
    await app.page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(
      await app.page.evaluate(() => document.activeElement?.classList.contains('header-menu-toggle')),
    ).toBe(true);
  });

  it('a tap on a league shows its panel in the sheet, the map still in view above it; its targets are 44 px', async () => {
    const p = await labelPoint('league-hulunbuir');
    await app.page.touchscreen.tap(p.x, p.y);
    const zone = app.page.locator('.zone-panel[data-zone-id="league-hulunbuir"]');
    await zone.waitFor();
    await app.page.locator('.zone-loading').waitFor({ state: 'detached' });
    await sizeIs('half');
    expect(await app.page.locator('.sheet-tabs [data-panel="zone-panel"]').getAttribute('aria-pressed')).toBe(
      'true',
    );
    await app.idle();
    const l = await layoutNow();
    const panel = await mustBox('.zone-panel');
    // the sheet: below the map and its bar, across the screen, above the status line
    expect(panel.top).toBeGreaterThanOrEqual(l.bar.bottom - 0.5);
    expect(panel.bottom).toBeLessThanOrEqual(l.status.top + 0.5);
    expect(panel.left).toBeGreaterThanOrEqual(0);
    expect(panel.right).toBeLessThanOrEqual(390);
    // the map above it: a third of the screen at least, its buttons inside it, the canvas resized to it
    expect(l.canvas.bottom).toBeLessThanOrEqual(l.bar.top + 0.5);
    expect(l.canvas.height).toBeGreaterThan(844 / 3);
    expect(Math.abs(l.canvas.height - l.map.height)).toBeLessThan(1);
    expect(l.controls.bottom).toBeLessThanOrEqual(l.canvas.bottom);
    // the panel scrolls inside the sheet; the page does not
    const scroll = await app.page.evaluate(() => {
      const z = document.querySelector('.zone-panel') as HTMLElement;
      return { content: z.scrollHeight, box: z.clientHeight, overflow: getComputedStyle(z).overflowY };
    });
    expect(scroll.content).toBeGreaterThan(scroll.box);
    expect(scroll.overflow).toBe('auto');
    expect((await pageWidth()).scrollY).toBeLessThanOrEqual(0);
    expect((await pageWidth()).scroll).toBeLessThanOrEqual(390);
    expect(await smallTargets(['.sheet-bar', '.zone-panel'])).toEqual([]);
  });

  it('the sheet opens, rises and closes by its buttons, by the keyboard and by a drag on its handle', async () => {
    const handle = app.page.locator('.sheet-handle');
    const half = (await layoutNow()).canvas.height;
    await app.page.locator('.sheet-full').tap();
    await sizeIs('full');
    await app.idle();
    let l = await layoutNow();
    // full: the map keeps a strip with its buttons, which the sheet does not cover
    expect(l.canvas.height).toBeLessThan(half);
    expect(l.controls.bottom).toBeLessThanOrEqual(l.canvas.bottom);
    expect((await mustBox('.zone-panel')).top).toBeGreaterThanOrEqual(l.bar.bottom - 0.5);

    await handle.tap();
    await sizeIs('collapsed');
    expect(await handle.getAttribute('aria-expanded')).toBe('false');
    expect(await boxOf(app.page, '.zone-panel')).toBeNull();
    await app.idle();
    l = await layoutNow();
    expect(l.canvas.height).toBeGreaterThan(844 * 0.75);
    // opened again, it comes back at the height it had
    await handle.tap();
    await sizeIs('full');
    expect(await handle.getAttribute('aria-expanded')).toBe('true');

    // keyboard: ↓ lowers, ↑ raises, Enter and Space close and open
    await handle.focus();
    await app.page.keyboard.press('ArrowDown');
    await sizeIs('half');
    await app.page.keyboard.press('ArrowUp');
    await sizeIs('full');
    await app.page.keyboard.press('Enter');
    await sizeIs('collapsed');
    await app.page.keyboard.press('ArrowUp');
    await sizeIs('half');
    await app.page.keyboard.press('Space');
    await sizeIs('collapsed');
    await app.page.keyboard.press('Enter');
    await sizeIs('half');
    // the keys were the sheet's and no tap fell through to the map: the zone is still selected
    expect(await app.page.locator('.zone-panel[data-zone-id="league-hulunbuir"]').count()).toBe(1);

    // a drag on the handle: a short one up raises a step, a long one down goes from full to collapsed
    let h = await mustBox('.sheet-handle');
    await touchDrag(h.left + h.width / 2, h.top + h.height / 2, -120);
    await sizeIs('full');
    h = await mustBox('.sheet-handle');
    await touchDrag(h.left + h.width / 2, h.top + h.height / 2, 300);
    await sizeIs('collapsed');
    // Chrome may take a tap that comes at once after a fast flick as the end of that flick and not click (1 run
    // in 5 here); a person's next tap comes later
    await app.idle();
    await app.page.waitForTimeout(800);
    await app.page.locator('.sheet-full').tap();
    // under load that wait was not always enough (a CI run): a tap that left the sheet as it was is made once more
    for (let i = 0; i < 25 && (await sheetSize()) === 'collapsed'; i++) await app.page.waitForTimeout(200);
    if ((await sheetSize()) === 'collapsed') await app.page.locator('.sheet-full').tap();
    await sizeIs('full');
    await app.page.locator('.sheet-full').tap();
    await sizeIs('half');
    expect(await app.page.locator('.zone-panel[data-zone-id="league-hulunbuir"]').count()).toBe(1);
  });

  it('screening: a boundary file, the project type and the check; the result table fits the sheet', async () => {
    await app.page.locator('.header-menu-toggle').tap();
    await app.page.getByRole('button', { name: '选址审查' }).tap();
    const panel = app.page.locator('.screening-panel');
    await panel.waitFor();
    // the new panel takes the sheet; the zone stays one tap away
    expect(
      await app.page.locator('.sheet-tabs [data-panel="screening-panel"]').getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await app.page.locator('.sheet-tabs [data-panel="zone-panel"]').isVisible()).toBe(true);
    expect(await boxOf(app.page, '.zone-panel')).toBeNull();

    // a rectangle across the edge of the red line by 呼伦湖 (as screening.e2e uses)
    const project = rect(117.3, 48.7, 117.6, 48.9);
    await panel.getByLabel('项目名称').fill('手机核查');
    await app.chooseProjectFile(project, 'phone-site.geojson');
    await panel.getByLabel('项目类型').selectOption('linear-infrastructure');
    const run = panel.getByRole('button', { name: '开始审查' });
    await run.scrollIntoViewIfNeeded();
    await run.tap();
    await panel.locator('.screening-results, .screening-error').first().waitFor({ timeout: 60_000 });
    expect(await panel.locator('.screening-error').count()).toBe(0);
    const rows = panel.locator('.overlap-row');
    expect(await rows.count()).toBeGreaterThan(0);
    await rows.first().scrollIntoViewIfNeeded();

    // readable in the sheet: no cell reaches past the panel's edges, nothing scrolls sideways
    const fit = await app.page.evaluate(() => {
      const p = document.querySelector('.screening-panel') as HTMLElement;
      const box = p.getBoundingClientRect();
      const out: string[] = [];
      for (const cell of p.querySelectorAll('.screening-results th, .screening-results td')) {
        const r = cell.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
          out.push(
            `${(cell.textContent ?? '').trim().slice(0, 20)} ${Math.round(r.left)}–${Math.round(r.right)}`,
          );
        // a cell narrower than its words would be cut or overflow
        if ((cell as HTMLElement).scrollWidth > (cell as HTMLElement).clientWidth + 1)
          out.push(`${(cell.textContent ?? '').trim().slice(0, 20)} clipped`);
      }
      return { out, scroll: p.scrollWidth, client: p.clientWidth, right: box.right };
    });
    expect(fit.out).toEqual([]);
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    expect(fit.right).toBeLessThanOrEqual(390);
    expect((await pageWidth()).scroll).toBeLessThanOrEqual(390);
    expect(await smallTargets(['.sheet-bar', '.screening-panel'])).toEqual([]);

    // the map still shows above the sheet with the result's overlay in view
    const l = await layoutNow();
    expect(l.canvas.height).toBeGreaterThan(844 / 3);
    // a tap on another zone on the map brings the zone panel, already open behind, forward
    await app.page.touchscreen.tap(l.canvas.left + l.canvas.width / 2, l.canvas.top + l.canvas.height / 2);
    await app.page.locator('.zone-panel:not([data-zone-id="league-hulunbuir"])').waitFor();
    expect(await boxOf(app.page, '.zone-panel')).not.toBeNull();
    expect(await boxOf(app.page, '.screening-panel')).toBeNull();
    // and the screening panel is one tap away
    await app.page.locator('.sheet-tabs [data-panel="screening-panel"]').tap();
    expect(await boxOf(app.page, '.screening-panel')).not.toBeNull();
    expect(await panel.locator('.overlap-row').count()).toBeGreaterThan(0);
  });

  it('the legend and layer list in the sheet: 44 px targets; a layer info opens as a sheet from the bottom', async () => {
    await app.page.locator('.sheet-tabs [data-panel="layer-panel"]').tap();
    await app.page.locator('.layer-panel .zone-search input').waitFor();
    expect(await smallTargets(['.sheet-bar', '.layer-panel'])).toEqual([]);
    await app.page.locator('.layer-panel .icon-button').first().tap();
    const info = app.page.locator('dialog.layer-info');
    await info.waitFor();
    const b = await mustBox('dialog.layer-info');
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(390);
    expect(b.bottom).toBeGreaterThan(844 - 2);
    // the map's buttons stay in view above it
    expect(b.top).toBeGreaterThan((await mustBox('.maplibregl-ctrl-top-right')).bottom);
    expect(await smallTargets(['dialog.layer-info'])).toEqual([]);
    await info.getByRole('button', { name: '关闭' }).tap();
    await info.waitFor({ state: 'hidden' });
  });
  it('WCAG 2.1 AA (axe-core) with the menu open and a panel in the sheet', async () => {
    await app.page.locator('.header-menu-toggle').tap();
    await app.page.locator('.header-menu .lang-toggle').waitFor();
    expect(await app.axeViolations()).toEqual([]);
    await app.page.keyboard.press('Escape');
  });
  it('a zone opened by a link is framed in the map above the sheet, and stays in view as the sheet rises and closes', async () => {
    // the link frames the zone while its panel opens the sheet: the frame is made for the map's new box
    await app.open('?zone=league-wuhai');
    await app.page.locator('.zone-panel[data-zone-id="league-wuhai"]').waitFor();
    await sizeIs('half');
    const wuhaiAt = async () => {
      await app.idle();
      return app.page.evaluate(() => {
        const map = window.__map;
        if (!map) throw new Error('map not exposed');
        const p = map.project([106.82, 39.66]);
        const c = map.getCanvas();
        return { x: p.x / c.clientWidth, y: p.y / c.clientHeight };
      });
    };
    const near = (v: number) => v > 0.3 && v < 0.7;
    let at = await wuhaiAt();
    expect(near(at.x) && near(at.y), `Wuhai at ${at.x}, ${at.y} of the map`).toBe(true);
    await app.page.locator('.sheet-full').tap();
    await sizeIs('full');
    at = await wuhaiAt();
    expect(near(at.x) && near(at.y), `full: Wuhai at ${at.x}, ${at.y} of the map`).toBe(true);
    await app.page.locator('.sheet-handle').tap();
    await sizeIs('collapsed');
    at = await wuhaiAt();
    expect(near(at.x) && near(at.y), `collapsed: Wuhai at ${at.x}, ${at.y} of the map`).toBe(true);
  });
  it('the zone brief on a phone: its print and back buttons are 44 px and on the screen; nothing wider than the screen', async () => {
    await app.page.locator('.sheet-tabs [data-panel="zone-panel"]').tap();
    await app.page.locator('.zone-panel .zone-brief-button').tap();
    const view = app.page.locator('.print-view');
    await view.waitFor();
    await app.page.locator('.print-view[data-ready="true"]').waitFor({ timeout: 30_000 });
    const buttons = await app.page.evaluate(() =>
      [...document.querySelectorAll('.print-view .print-actions button')].map((b) => {
        const r = b.getBoundingClientRect();
        return { left: r.left, right: r.right, w: r.width, h: r.height };
      }),
    );
    expect(buttons.length).toBe(2);
    for (const b of buttons) {
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(390);
      expect(Math.min(b.w, b.h)).toBeGreaterThanOrEqual(44);
    }
    expect((await pageWidth()).scroll).toBeLessThanOrEqual(390);
    await view.getByRole('button', { name: '返回' }).tap();
    await view.waitFor({ state: 'detached' });
  });
});
