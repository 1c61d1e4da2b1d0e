/**
 * What sits over the map's edges does not overlap at four window sizes (1280×800, 1024×768, 800×600 and a 390×844
 * touch screen): every shown maplibre control (zoom, full screen, scale, the sources line), every button placed on
 * the map (the locate button, styles/field.css), the legend of coloured zones, the status bar and, on a phone, the
 * sheet's bar. They are found by selector, so a control added later is checked too. Three states: the map alone,
 * zones coloured by an indicator (its legend shown), and the screening panel open beside that legend.
 */
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { AppDriver } from './app-driver.ts';

const SIZES: Array<{ name: string; options: BrowserContextOptions }> = [
  { name: '1280×800', options: { viewport: { width: 1280, height: 800 } } },
  { name: '1024×768', options: { viewport: { width: 1024, height: 768 } } },
  { name: '800×600', options: { viewport: { width: 800, height: 600 } } },
  {
    name: '390×844 touch',
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  },
];

/** Everything that floats over the map or borders it, as the tests look for it. */
const PARTS = [
  '.maplibregl-ctrl',
  '.map > button',
  '.zone-paint-legend',
  '.status-bar',
  '.sheet-bar',
  '.screening-panel',
].join(', ');

interface Part {
  name: string;
  inMap: boolean;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The shown parts with their page boxes (a part the page hides, or with no size, is not shown). */
function shownParts(app: AppDriver): Promise<{ parts: Part[]; map: Omit<Part, 'name' | 'inMap'> }> {
  return app.page.evaluate((selector) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const parts = [...document.querySelectorAll(selector)]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true });
      })
      .map((el) => ({
        name: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`,
        inMap: el.closest('.map') !== null,
        ...box(el),
      }));
    const map = document.querySelector('.map');
    if (!map) throw new Error('no map');
    return { parts, map: box(map) };
  }, PARTS);
}

/** Pairs whose boxes share more than half a pixel each way, as "a × b (w×h)". */
function overlaps(parts: Part[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const a = parts[i] as Part;
      const b = parts[j] as Part;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5) out.push(`${a.name} × ${b.name} (${Math.round(w)}×${Math.round(h)})`);
    }
  }
  return out;
}

async function expectApart(app: AppDriver, expected: string[]): Promise<void> {
  await app.idle();
  const { parts, map } = await shownParts(app);
  const names = parts.map((p) => p.name).join('\n');
  // the parts the state shows are all found (so the sweep cannot pass by finding nothing)
  for (const e of expected) expect(names, `${e} among the parts`).toContain(e);
  expect(overlaps(parts)).toEqual([]);
  // what is placed on the map is inside the map's box
  for (const p of parts.filter((q) => q.inMap)) {
    expect(p.left, p.name).toBeGreaterThanOrEqual(map.left - 0.5);
    expect(p.right, p.name).toBeLessThanOrEqual(map.right + 0.5);
    expect(p.top, p.name).toBeGreaterThanOrEqual(map.top - 0.5);
    expect(p.bottom, p.name).toBeLessThanOrEqual(map.bottom + 0.5);
  }
}

const ON_MAP = [
  'button.locate-button',
  'maplibregl-ctrl-attrib',
  'maplibregl-ctrl-scale',
  'maplibregl-ctrl-group',
  'footer.status-bar',
];

for (const size of SIZES) {
  describe(`at ${size.name}`, () => {
    let app: AppDriver | undefined;
    afterAll(async () => {
      await app?.stopExpectingNoErrors();
    });

    it('the map alone: its controls, the locate button and the status bar do not overlap', async () => {
      app = await AppDriver.start(size.options);
      await app.open();
      await expectApart(app, ON_MAP);
    });

    it('zones coloured by an indicator: the legend overlaps none of them', async () => {
      if (!app) throw new Error('no app');
      await app.open('?paint=indicator:forest-cover');
      await app.page.locator('.zone-paint-legend').waitFor();
      await expectApart(app, [...ON_MAP, 'aside.zone-paint-legend']);
    });

    it('the screening panel opened beside the legend: the map controls step aside of it', async () => {
      if (!app) throw new Error('no app');
      const menu = app.page.locator('.header-menu-toggle');
      if (await menu.isVisible()) await menu.tap();
      const toggle = app.page.locator('.screening-toggle');
      if (size.options.hasTouch) await toggle.tap();
      else await toggle.click();
      await app.page.locator('.screening-panel').waitFor();
      // on a phone the panel takes the sheet in the legend's place
      await expectApart(app, [
        ...ON_MAP,
        'aside.screening-panel',
        ...(size.options.hasTouch ? [] : ['aside.zone-paint-legend']),
      ]);
    });
  });
}
