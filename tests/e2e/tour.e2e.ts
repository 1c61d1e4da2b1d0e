/**
 * Presentation mode in a real browser: the whole default tour stepped by keyboard (→ and PageDown) with, per
 * chapter, the registry layers the map shows, the zones it outlines and the caption; the other keys; a chapter
 * link; Esc putting back the view as it was; back and forward following chapters; the high-contrast map; and the
 * caption panel at 1920×1080 and 1280×720 with nothing overlapping, cut off or scrolling.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expression } from '@maplibre/maplibre-gl-style-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tour, TourChapter } from '../../web/domain/tour/schema.ts';
import { AppDriver } from './app-driver.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TOUR = JSON.parse(readFileSync(join(ROOT, 'seeds/tour-default.json'), 'utf8')) as Tour;
const ZONES = JSON.parse(readFileSync(join(ROOT, 'data/zone-index.json'), 'utf8')) as Record<
  string,
  { bbox: [number, number, number, number] }
>;
const N = TOUR.chapters.length;
const at = (i: number) => TOUR.chapters[i] as TourChapter;

let app: AppDriver;

beforeAll(async () => {
  app = await AppDriver.start();
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
});

afterAll(async () => {
  await app?.stop();
});

/** Registry layers the map draws now: maplibre layers with a registry id whose visibility is not none. */
const visibleLayers = () =>
  app.page.evaluate(() => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    const ids = map
      .getStyle()
      .layers.filter((l) => (l.layout as { visibility?: string } | undefined)?.visibility !== 'none')
      .map((l) => (l.metadata as { registryId?: string } | undefined)?.registryId)
      .filter((id): id is string => id !== undefined);
    return [...new Set(ids)].sort();
  });

/** Zones outlined: the zone ids in the filters of the `highlight-<layer>` map layers, and those layers. */
const highlighted = () =>
  app.page.evaluate(() => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    const layers = map.getStyle().layers.filter((l) => l.id.startsWith('highlight-'));
    const zones = layers.flatMap((l) => {
      const filter = (l as { filter?: unknown[] }).filter ?? [];
      const list = filter[2] as [string, string[]] | undefined;
      return list?.[0] === 'literal' ? list[1] : [];
    });
    return {
      zones: [...new Set(zones)].sort(),
      layers: [...new Set(layers.map((l) => (l.metadata as { highlightOf: string }).highlightOf))],
    };
  });

const camera = () =>
  app.page.evaluate(() => {
    const map = window.__map;
    if (!map) throw new Error('no map');
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  });

const search = () => app.page.evaluate(() => location.search);
const param = async (name: string) =>
  app.page.evaluate((n) => new URLSearchParams(location.search).get(n), name);

async function waitChapter(id: string): Promise<void> {
  await app.page.locator(`.tour-caption[data-chapter-id="${id}"]`).waitFor();
  await app.page.locator('.tour-plan').waitFor();
  await app.idle();
}

/** What the screen shows for a chapter: layers, outlined zones, caption, progress, legend, link, camera. */
async function expectChapter(i: number): Promise<void> {
  const c = at(i);
  expect(await visibleLayers(), c.id).toEqual([...c.layers].sort());
  const h = await highlighted();
  expect(h.zones, c.id).toEqual([...c.zones].sort());
  expect(
    h.layers.every((l) => c.layers.includes(l)),
    c.id,
  ).toBe(true);
  const caption = app.page.locator('.tour-caption');
  expect(await caption.locator('h2').textContent()).toBe(c.title.zh);
  expect(await caption.locator('.tour-caption-text').textContent()).toBe(c.caption.zh);
  const tasks = await app.page.locator('.tour-plan .tour-task-id').allTextContents();
  expect(tasks.sort(), c.id).toEqual([...c.cites.tasks].sort());
  const targets = await app.page
    .locator('.tour-targets li')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator-id')));
  expect(targets, c.id).toEqual(c.cites.indicators);
  const legend = await app.page
    .locator('.tour-legend li')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-layer-id')));
  expect([...legend].sort(), c.id).toEqual([...c.layers].sort());
  expect(await app.page.locator('.tour-count').textContent()).toBe(`${i + 1} / ${N}第 ${i + 1} / ${N} 章`);
  expect(await app.page.locator('.tour-step[aria-current="step"]').getAttribute('aria-label')).toBe(
    `第 ${i + 1} 章：${c.title.zh}`,
  );
  expect(await param('chapter')).toBe(c.id);
  const cam = await camera();
  expect(cam.lng, c.id).toBeCloseTo(c.camera.center[0], 3);
  expect(cam.lat, c.id).toBeCloseTo(c.camera.center[1], 3);
  expect(cam.zoom, c.id).toBeCloseTo(c.camera.zoom, 3);
}

describe('presenting the default tour', () => {
  it('opens from ?tour=default full screen, with the app’s controls hidden', async () => {
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await app.open('?tour=default');
    await waitChapter(at(0).id);
    for (const hidden of ['.app-header', '.layer-panel', '.status-bar']) {
      expect(await app.page.locator(hidden).isVisible(), hidden).toBe(false);
    }
    const box = await app.page.locator('.map').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  });

  it('steps through every chapter by keyboard (→ and PageDown), each showing its layers, zones and caption', async () => {
    for (let i = 0; i < N; i++) {
      await expectChapter(i);
      if (i === N - 1) break;
      await app.page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'PageDown');
      await waitChapter(at(i + 1).id);
    }
    await app.page.keyboard.press('ArrowRight');
    await app.idle();
    expect(await param('chapter')).toBe(at(N - 1).id);
  });

  it('goes back with ← and PageUp, to either end with Home and End, and to a chapter by its number key', async () => {
    await app.page.keyboard.press('ArrowLeft');
    await waitChapter(at(N - 2).id);
    await app.page.keyboard.press('PageUp');
    await waitChapter(at(N - 3).id);
    await app.page.keyboard.press('Home');
    await waitChapter(at(0).id);
    await app.page.keyboard.press('5');
    await waitChapter(at(4).id);
    await expectChapter(4);
    await app.page.keyboard.press('End');
    await waitChapter(at(N - 1).id);
  });

  it('opens a chapter link at that chapter, by id or by number', async () => {
    await app.open('?tour=default&chapter=wind-bases');
    const i = TOUR.chapters.findIndex((c) => c.id === 'wind-bases');
    await waitChapter('wind-bases');
    await expectChapter(i);
    await app.open('?tour=default&chapter=3');
    await waitChapter(at(2).id);
    await expectChapter(2);
    // the number became the chapter's id in the same history entry: back from the next chapter returns to it,
    // and back once more to the link opened before
    await app.page.keyboard.press('ArrowRight');
    await waitChapter(at(3).id);
    await app.page.goBack();
    await waitChapter(at(2).id);
    expect(await search()).toBe(`?tour=default&chapter=${at(2).id}`);
    await app.page.goBack();
    await waitChapter('wind-bases');
    expect(await search()).toBe('?tour=default&chapter=wind-bases');
  });

  it('shows the chapter’s targets with their status words and the unofficial-translation note in English', async () => {
    await app.open('?tour=default&chapter=greater-khingan&lang=en');
    await waitChapter('greater-khingan');
    const c = TOUR.chapters.find((x) => x.id === 'greater-khingan') as TourChapter;
    expect(await app.page.locator('.tour-caption h2').textContent()).toBe(c.title.en);
    expect(await app.page.locator('.tour-english-note').textContent()).toBe(TOUR.english?.note.en);
    const statuses = await app.page.locator('.tour-targets .status').allTextContents();
    expect(statuses).toHaveLength(2);
    for (const s of statuses) expect(s).toMatch(/^(Achieved|On track|At risk|Off track|No data) · /);
    const schematic = app.page.locator('.tour-legend li[data-layer-id="thematic-mountains"]');
    expect(await schematic.locator('.badge-schematic').textContent()).toBe('schematic');
    expect(await schematic.locator('.swatch').evaluate((e) => getComputedStyle(e).borderTopStyle)).toBe(
      'dashed',
    );
    const surveyed = app.page.locator('.tour-legend li[data-layer-id="leagues"]');
    expect(await surveyed.locator('.badge-schematic').count()).toBe(0);
  });
});

describe('leaving and history', () => {
  it('Esc puts back the view exactly as it was: camera, layers, selected zone', async () => {
    await app.page.setViewportSize({ width: 1280, height: 720 });
    await app.open('?zone=league-alxa');
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    const row = app.page.locator('.layer-row[data-layer-id="thematic-wind-bases"]');
    await app.page.locator('.layer-group', { has: row }).locator('summary').click();
    await row.locator('input[type="checkbox"]').check();
    await app.page.evaluate(() => window.__map?.jumpTo({ center: [104.2, 40.6], zoom: 5.3, bearing: 12 }));
    await app.idle();
    const before = { camera: await camera(), layers: await visibleLayers(), url: await search() };
    expect(before.layers).toContain('thematic-wind-bases');

    await app.page.locator('.tour-start').click();
    await waitChapter(at(0).id);
    expect(await app.page.locator('.zone-panel').count()).toBe(0);
    await app.page.keyboard.press('ArrowRight');
    await waitChapter(at(1).id);
    await app.page.keyboard.press('Escape');
    await app.page.locator('.tour-stage').waitFor({ state: 'detached' });
    await app.idle();

    const after = await camera();
    for (const k of ['lng', 'lat', 'zoom', 'bearing', 'pitch'] as const)
      expect(after[k], k).toBeCloseTo(before.camera[k], 5);
    expect(await visibleLayers()).toEqual(before.layers);
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    expect(await app.featureState('src-leagues', 'league-alxa')).toMatchObject({ selected: true });
    expect(await app.page.locator('.app-header').isVisible()).toBe(true);
    expect(await search()).toBe(before.url);
    expect(await app.page.evaluate(() => document.activeElement?.className)).toBe('tour-start');
  });

  it('back and forward follow chapters, and back past the first chapter leaves the presentation', async () => {
    await app.open('?zone=league-alxa');
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    await app.page.locator('.tour-start').click();
    await waitChapter(at(0).id);
    await app.page.keyboard.press('ArrowRight');
    await waitChapter(at(1).id);
    await app.page.keyboard.press('PageDown');
    await waitChapter(at(2).id);
    await app.page.goBack();
    await waitChapter(at(1).id);
    await expectChapter(1);
    await app.page.goBack();
    await waitChapter(at(0).id);
    await app.page.goForward();
    await waitChapter(at(1).id);
    await app.page.goBack();
    await waitChapter(at(0).id);
    await app.page.goBack();
    await app.page.locator('.tour-stage').waitFor({ state: 'detached' });
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    expect(await param('tour')).toBeNull();
    expect(await visibleLayers()).not.toEqual([...at(0).layers].sort());
    await app.page.goForward();
    await waitChapter(at(0).id);
    await expectChapter(0);
    await app.page.keyboard.press('Escape');
    await app.page.locator('.tour-stage').waitFor({ state: 'detached' });
  });

  it('says so when a link names a tour that does not exist, and Esc leaves', async () => {
    await app.open('?tour=no-such-tour&zone=league-alxa');
    await app.page.locator('.tour-panel .tour-error').waitFor();
    expect(await app.page.locator('.tour-panel .tour-error').textContent()).toBe(
      '没有名为 “no-such-tour” 的导览。',
    );
    expect(await app.page.locator('.tour-caption').count()).toBe(0);
    await app.page.keyboard.press('Escape');
    await app.page.locator('.tour-stage').waitFor({ state: 'detached' });
    await app.page.locator('.zone-panel[data-zone-id="league-alxa"]').waitFor();
    expect(await param('tour')).toBeNull();
  });

  it('flies to a chapter when motion is allowed', async () => {
    await app.page.emulateMedia({ reducedMotion: 'no-preference' });
    await app.open('?tour=default');
    await waitChapter(at(0).id);
    await app.page.keyboard.press('ArrowRight');
    expect(await app.page.evaluate(() => window.__map?.isMoving())).toBe(true);
    await app.page.waitForFunction(() => window.__map?.isMoving() === false, undefined, { timeout: 10_000 });
    await expectChapter(1);
    await app.page.emulateMedia({ reducedMotion: 'reduce' });
  });
});

describe('the high-contrast map', () => {
  /** A paint value as maplibre draws it on a region feature at zoom 5 (widths may be said per feature). */
  const drawn = (value: unknown): number => {
    if (typeof value === 'number') return value;
    const e = expression.createExpression(value);
    if (e.result !== 'success') throw new Error(`not an expression maplibre reads: ${JSON.stringify(value)}`);
    return e.value.evaluate({ zoom: 5 }, {
      type: 'Polygon',
      properties: { zoneId: 'region-inner-mongolia' },
    } as never) as number;
  };
  const regionLine = async () => {
    const raw = await app.page.evaluate(() => ({
      width: window.__map?.getPaintProperty('region-line', 'line-width'),
      halo: window.__map?.getPaintProperty('leagues-label', 'text-halo-width'),
    }));
    return { width: drawn(raw.width), halo: drawn(raw.halo) };
  };

  it('draws stronger outlines and label halos while switched on, and only while presenting', async () => {
    await app.open('?tour=default');
    await waitChapter(at(0).id);
    const plain = await regionLine();
    const toggle = app.page.locator('.tour-controls button[aria-pressed]');
    await toggle.click();
    await app.idle();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const strong = await regionLine();
    expect(strong.width as number).toBeGreaterThan(plain.width as number);
    expect(strong.halo as number).toBeGreaterThan(plain.halo as number);
    await app.page.keyboard.press('Escape');
    await app.page.locator('.tour-stage').waitFor({ state: 'detached' });
    await app.idle();
    expect(await regionLine()).toEqual(plain);
  });
});

describe('on a projector', () => {
  /** Boxes of the panel's parts; each text container's own overflow; the type sizes; the panel's reach. */
  const measure = () =>
    app.page.evaluate(() => {
      const parts = [
        '.tour-head',
        '.tour-caption',
        '.tour-plan',
        '.tour-targets',
        '.tour-legend',
        '.tour-progress',
      ];
      const boxes = parts.flatMap((sel) => {
        const e = document.querySelector(sel);
        if (!e) return [];
        const r = e.getBoundingClientRect();
        return [{ sel, top: r.top, bottom: r.bottom, left: r.left, right: r.right }];
      });
      // text a screen reader reads is clipped to a pixel on purpose (.visually-hidden)
      const shown = [...document.querySelectorAll('.tour-panel, .tour-panel *')].filter(
        (e) => !e.closest('.visually-hidden'),
      );
      const overflowing = shown.flatMap((e) => {
        const el = e as HTMLElement;
        return el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0
          ? [`${el.className || el.tagName} height ${el.scrollHeight} > ${el.clientHeight}`]
          : el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0
            ? [`${el.className || el.tagName} width ${el.scrollWidth} > ${el.clientWidth}`]
            : [];
      });
      const px = (sel: string) =>
        Number.parseFloat(getComputedStyle(document.querySelector(sel) as Element).fontSize);
      const panel = document.querySelector('.tour-panel')?.getBoundingClientRect();
      return {
        boxes,
        overflowing,
        scrolls: document.querySelector('.tour-panel')?.classList.contains('tour-scrolls'),
        title: px('.tour-caption h2'),
        body: px('.tour-caption-text'),
        panelRight: panel?.right ?? 0,
        viewport: { width: innerWidth, height: innerHeight },
      };
    });

  /** How far left the chapter's zones reach on screen (their zone-index boxes projected by the map). */
  const zonesLeft = (c: TourChapter) =>
    app.page.evaluate(
      (boxes) =>
        Math.min(
          ...boxes.map((b) => {
            const map = window.__map;
            if (!map) throw new Error('no map');
            return Math.min(map.project([b[0], b[1]]).x, map.project([b[0], b[3]]).x);
          }),
        ),
      c.zones.map((z) => ZONES[z]?.bbox as [number, number, number, number]),
    );

  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${width}×${height}, ${lang}: every chapter fits, nothing overlaps, nothing is cut off or scrolls`, async () => {
        await app.page.setViewportSize({ width, height });
        await app.open(`?tour=default${lang === 'en' ? '&lang=en' : ''}`);
        for (let i = 0; i < N; i++) {
          const c = at(i);
          if (i > 0) await app.page.keyboard.press('ArrowRight');
          await waitChapter(c.id);
          const m = await measure();
          expect(m.overflowing, c.id).toEqual([]);
          expect(m.scrolls, c.id).toBe(false);
          for (const b of m.boxes) {
            expect(b.bottom, `${c.id} ${b.sel}`).toBeLessThanOrEqual(height);
            expect(b.top, `${c.id} ${b.sel}`).toBeGreaterThanOrEqual(0);
          }
          const sorted = [...m.boxes].sort((a, b) => a.top - b.top);
          for (let j = 1; j < sorted.length; j++) {
            const [a, b] = [sorted[j - 1], sorted[j]] as [(typeof sorted)[0], (typeof sorted)[0]];
            expect(b.top, `${c.id}: ${a.sel} overlaps ${b.sel}`).toBeGreaterThanOrEqual(a.bottom);
          }
          if (width === 1920) {
            expect(m.title, c.id).toBeGreaterThanOrEqual(28);
            expect(m.body, c.id).toBeGreaterThanOrEqual(20);
          } else {
            expect(m.title, c.id).toBeGreaterThanOrEqual(16);
            expect(m.body, c.id).toBeGreaterThanOrEqual(12);
          }
          // the caption panel covers none of the zones the chapter is about
          expect(await zonesLeft(c), c.id).toBeGreaterThanOrEqual(m.panelRight);
        }
      });
    }
  }

  it('logs no console error', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
