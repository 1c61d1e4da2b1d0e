/**
 * The page layout at three window sizes (web/src/styles/layout.css): on a 1280×720 screen the page itself does not
 * scroll, whatever is open; at 800 px the map comes first and the panels follow below it, none covering another;
 * on a phone (390×844) the map fills the screen above a bottom sheet that shows one panel at a time (styles/
 * phone.css; tests/e2e/phone.e2e.ts drives it by touch), and nothing is wider than the screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver } from './app-driver.ts';

let app: AppDriver;

beforeAll(async () => {
  app = await AppDriver.start();
});

afterAll(async () => {
  await app?.stop();
});

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Page-coordinate boxes of the legend, the search box, the zone panel, the screening panel and the map canvas. */
function panelBoxes(): Promise<Box[]> {
  return app.page.evaluate(() => {
    const parts: Array<[string, Element | null | undefined]> = [
      ['legend', document.querySelector('.layer-panel')],
      ['search', document.querySelector('.zone-search input')],
      ['zone', document.querySelector('.zone-panel')],
      ['screening', document.querySelector('.screening-panel')],
      ['map', window.__map?.getCanvas()],
    ];
    return parts.map(([name, el]) => {
      if (!el) throw new Error(`${name} is not on the page`);
      const r = el.getBoundingClientRect();
      return {
        name,
        left: r.left + scrollX,
        top: r.top + scrollY,
        right: r.right + scrollX,
        bottom: r.bottom + scrollY,
      };
    });
  });
}

/** Page-coordinate boxes of the elements named, as "name=selector"; every one must be on the page. */
function boxesOf(parts: Array<[string, string]>): Promise<Box[]> {
  return app.page.evaluate((list) => {
    return list.map(([name, selector]) => {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`${name} (${selector}) is not on the page`);
      const r = el.getBoundingClientRect();
      return {
        name,
        left: r.left + scrollX,
        top: r.top + scrollY,
        right: r.right + scrollX,
        bottom: r.bottom + scrollY,
      };
    });
  }, parts);
}

const VIEW_PARTS: Array<[string, string]> = [
  ['legend', '.layer-panel'],
  ['view', '.view-panel'],
  ['zone', '.zone-panel'],
  ['colours', '.zone-paint-legend'],
  ['map buttons', '.maplibregl-ctrl-top-right'],
];

/** A plan view with an indicator chosen, its zones coloured and a zone selected: the fullest the map side gets. */
const FULL_VIEW =
  '?view=indicators&indicator=new-bus-new-energy-share&paint=indicator:new-bus-new-energy-share&zone=league-baotou';

/** Pairs of boxes that share more than a pixel, e.g. "zone × legend"; the search box belongs to the legend. */
function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if ((a.name === 'legend' && b.name === 'search') || (a.name === 'search' && b.name === 'legend'))
        continue;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && h > 1) out.push(`${a.name} × ${b.name}`);
    }
  }
  return out;
}

/** Opens a zone and the screening panel at a window size, with the zone's plan details loaded. */
async function openZoneAndScreening(width: number, height: number, zone: string): Promise<void> {
  await app.page.setViewportSize({ width, height });
  await app.open(`?zone=${zone}`);
  await app.page.locator(`.zone-panel[data-zone-id="${zone}"] h3`).first().waitFor();
  // on a phone the header's buttons are behind 菜单
  const menu = app.page.locator('.header-menu-toggle');
  if (await menu.isVisible()) await menu.click();
  await app.page.locator('.screening-toggle').click();
  await app.page.locator('.screening-panel').waitFor();
  await app.idle();
}

const pageSize = () =>
  app.page.evaluate(() => {
    const se = document.scrollingElement as Element;
    return { scrollHeight: se.scrollHeight, scrollWidth: se.scrollWidth, w: innerWidth, h: innerHeight };
  });

describe('layout', () => {
  it('at 1280×720 the page does not scroll: map alone, and with the whole region and the screening panel open', async () => {
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await app.open();
    let size = await pageSize();
    expect(size.scrollHeight).toBeLessThanOrEqual(size.h);
    expect(size.scrollWidth).toBeLessThanOrEqual(size.w);

    await openZoneAndScreening(1280, 720, 'region-inner-mongolia');
    size = await pageSize();
    expect(size.scrollHeight).toBeLessThanOrEqual(size.h);
    expect(size.scrollWidth).toBeLessThanOrEqual(size.w);
    // wide: the panels sit side by side, none over another, and the map's buttons stay clear of them
    const controls = await app.page.locator('.maplibregl-ctrl-top-right').boundingBox();
    if (!controls) throw new Error('map controls not shown');
    const boxes = (await panelBoxes()).filter((b) => b.name !== 'map');
    boxes.push({
      name: 'map buttons',
      left: controls.x,
      top: controls.y,
      right: controls.x + controls.width,
      bottom: controls.y + controls.height,
    });
    expect(overlaps(boxes)).toEqual([]);
  });

  it('at 800×900 no panel covers another or the map; the map still selects a zone when clicked', async () => {
    await openZoneAndScreening(800, 900, 'league-alxa');
    const boxes = await panelBoxes();
    for (const b of boxes) {
      expect(b.right - b.left, `${b.name} width`).toBeGreaterThan(20);
      expect(b.bottom - b.top, `${b.name} height`).toBeGreaterThan(20);
    }
    expect(overlaps(boxes)).toEqual([]);
    const map = boxes.find((b) => b.name === 'map') as Box;
    expect(map.right - map.left).toBeGreaterThanOrEqual(780);
    expect(map.bottom - map.top).toBeGreaterThanOrEqual(280);
    expect((await pageSize()).scrollWidth).toBeLessThanOrEqual(800);

    await app.page.keyboard.press('Escape');
    await app.page.locator('.zone-panel').waitFor({ state: 'detached' });
    await app.clickLngLat(105.5, 40.5);
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    expect(overlaps(await panelBoxes())).toEqual([]);
  });

  it('on a phone (390×844) the panels share a sheet below the map, one at a time, and nothing is wider than the screen', async () => {
    await openZoneAndScreening(390, 844, 'league-alxa');
    // the panel opened last is the one shown; the zone and the legend wait behind their buttons in the sheet's bar
    const shown = await app.page.evaluate(() =>
      ['.layer-panel', '.zone-panel', '.screening-panel'].filter(
        (s) => (document.querySelector(s)?.getBoundingClientRect().height ?? 0) > 0,
      ),
    );
    expect(shown).toEqual(['.screening-panel']);
    const [screening, map, bar] = await boxesOf([
      ['screening', '.screening-panel'],
      ['map', '.map canvas'],
      ['bar', '.sheet-bar'],
    ]);
    if (!screening || !map || !bar) throw new Error('missing box');
    expect(map.right - map.left).toBeGreaterThanOrEqual(389);
    expect(map.bottom).toBeLessThanOrEqual(bar.top + 1);
    expect(screening.top, 'screening below the map').toBeGreaterThanOrEqual(bar.bottom - 1);
    expect(screening.left).toBeGreaterThanOrEqual(0);
    expect(screening.right).toBeLessThanOrEqual(390);
    const size = await pageSize();
    expect(size.scrollWidth).toBeLessThanOrEqual(size.w);
    expect(size.scrollHeight).toBeLessThanOrEqual(size.h);
    const wide = await app.page.evaluate(() =>
      [...document.querySelectorAll('.app *')]
        .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''}`)
        .slice(0, 10),
    );
    expect(wide).toEqual([]);

    // the search box is in the legend, one press away in the sheet's bar
    await app.page.locator('.sheet-tabs [data-panel="layer-panel"]').click();
    // the sheet sits below the map, not over it: the whole map frames a zone found by search
    await app.page.locator('.zone-search input').fill('乌海市');
    // the results come once the search data has loaded; Enter opens the first
    await app.page.locator('.zone-search-results [role=option][data-zone-id="league-wuhai"]').waitFor();
    await app.page.locator('.zone-search input').press('Enter');
    await app.page.locator('.zone-panel[data-zone-id="league-wuhai"]').waitFor();
    await app.idle();
    const [[w, s], [e, n]] = (await app.page.evaluate(() => window.__map?.getBounds().toArray())) as [
      [number, number],
      [number, number],
    ];
    expect(w < 106.82 && e > 106.82 && s < 39.66 && n > 39.66, `Wuhai within ${[w, s, e, n]}`).toBe(true);
    expect(e - w).toBeLessThan(4);
  });

  it('with a plan view, a chosen indicator coloured on the map and a zone open, no panel covers another', async () => {
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
      [800, 900],
    ] as const) {
      await app.page.setViewportSize({ width, height });
      await app.open(FULL_VIEW);
      await app.page.locator('.zone-panel[data-zone-id="league-baotou"] h3').first().waitFor();
      await app.page.locator('.zone-paint-legend').waitFor();
      await app.page.locator('.view-panel svg').first().waitFor();
      await app.idle();
      const boxes = await boxesOf(VIEW_PARTS);
      expect(overlaps(boxes), `${width}×${height}`).toEqual([]);
      for (const b of boxes) expect(b.right - b.left, `${b.name} width at ${width}`).toBeGreaterThan(20);
      const size = await pageSize();
      expect(size.scrollWidth, `${width}×${height}`).toBeLessThanOrEqual(size.w);
      if (width >= 1100) expect(size.scrollHeight, `${width}×${height}`).toBeLessThanOrEqual(size.h);
    }
  });

  it('the map is made at its final size: its canvas is not resized when the app loads (1280×800, 800×900, 390×844)', async () => {
    // each write of the canvas's width or height reallocates its drawing buffer and redraws the map (0.3–0.5 s in
    // software WebGL); maplibre writes them when it makes the map, in the frame drawn before the app
    await app.page.addInitScript(() => {
      const writes: string[] = [];
      (window as { __canvasWrites?: string[] }).__canvasWrites = writes;
      new MutationObserver((records) => {
        for (const r of records)
          if (r.target instanceof HTMLCanvasElement && r.target.classList.contains('maplibregl-canvas'))
            writes.push(
              `${document.querySelector('nav.layer-panel') ? 'app' : 'frame'} ${r.attributeName}=${r.target.getAttribute(r.attributeName ?? '')}`,
            );
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['width', 'height'] });
    });
    for (const [width, height] of [
      [1280, 800],
      [800, 900],
      [390, 844],
    ] as const) {
      await app.page.setViewportSize({ width, height });
      await app.open();
      // the app is there (its legend replaced the frame's empty column), and maplibre's resize observer had its turn
      await app.page.locator('nav.layer-panel').waitFor({ state: 'attached' });
      await app.page.waitForTimeout(500);
      await app.idle();
      const writes = await app.page.evaluate(
        () => (window as { __canvasWrites?: string[] }).__canvasWrites ?? [],
      );
      expect(writes.filter((w) => w.startsWith('frame ')).length, `${width}×${height}`).toBeGreaterThan(0);
      expect(
        writes.filter((w) => w.startsWith('app ')),
        `${width}×${height}`,
      ).toEqual([]);
    }
  });

  it('logs no console error and no policy violation', async () => {
    expect(app.consoleErrors).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);
  });
});
