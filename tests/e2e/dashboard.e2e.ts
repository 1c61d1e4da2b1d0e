import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultObservations } from '../../web/domain/plan/default-observations.ts';
import { isStatusRow } from '../../web/domain/plan/observation-check.ts';
import { parseObservationsCsv } from '../../web/domain/plan/observations.ts';
import type { PlanData } from '../../web/domain/plan/types.ts';
import { AppDriver } from './app-driver.ts';

const ROOT = join(import.meta.dirname, '../..');
const PLAN = JSON.parse(readFileSync(join(ROOT, 'data/plan.json'), 'utf8')) as PlanData;
const INDEX = JSON.parse(readFileSync(join(ROOT, 'data/zone-index.json'), 'utf8')) as Record<
  string,
  { layerId: string }
>;
const GAZ = (
  JSON.parse(readFileSync(join(ROOT, 'data/gazetteer.json'), 'utf8')) as {
    entries: { id: string; zh: string; location?: { lon: number; lat: number } }[];
  }
).entries;
const csv = (f: string) => parseObservationsCsv(readFileSync(join(ROOT, f), 'utf8')).observations;
/** The rows a status reads (published partial or related rows are context only). */
const OBS = defaultObservations(
  csv('data/observations.published.csv'),
  csv('data/observations.sample.csv'),
).filter(isStatusRow);

/** An indicator whose scope is several zones, some with observations of their own (the bus share today). */
const PER_ZONE = PLAN.indicators.find(
  (i) =>
    i.zones.length > 1 && OBS.some((o) => o.indicatorId === i.id && o.zoneId && i.zones.includes(o.zoneId)),
);
/** A region-wide indicator with published (not sample) observations. */
const PUBLISHED = PLAN.indicators.find(
  (i) =>
    i.zones.includes('region-inner-mongolia') &&
    OBS.filter((o) => o.indicatorId === i.id && !o.sample).length > 1,
);

/**
 * The indicator dashboard (issue 9) on the e2e build: every indicator of plan.json with scope and status reason,
 * one indicator's chart with sources and 示例 badges, "show on map" colouring the zones in scope, a link straight to
 * one indicator, the keyboard, and no console errors.
 */
let app: AppDriver;
beforeAll(async () => {
  app = await AppDriver.start();
});
afterAll(async () => {
  await app?.stop();
});

const dash = () => app.page.locator('.view-panel .dashboard');
const item = (id: string) => dash().locator(`button.indicator-item[data-indicator-id="${id}"]`);
const detail = (id: string) => dash().locator(`.dash-detail[data-indicator-id="${id}"]`);

async function openDashboard(query = '?view=indicators') {
  await app.open(query);
  await dash().waitFor();
}

describe('indicator dashboard', () => {
  it('?view=indicators lists every indicator of plan.json, by chapter, each with scope and status reason', async () => {
    await openDashboard();
    await dash().locator('button.indicator-item').first().waitFor();
    const ids = await dash()
      .locator('button.indicator-item')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator-id')));
    expect(ids.sort()).toEqual(PLAN.indicators.map((i) => i.id).sort());
    for (const ind of PLAN.indicators) {
      const row = item(ind.id);
      expect(await row.locator('.indicator-scope').textContent(), ind.id).toMatch(/^范围：.+/);
      const reasons = await row.locator('.status-reason').allTextContents();
      expect(reasons.length, ind.id).toBeGreaterThan(0);
      for (const r of reasons) expect(r.replace(/^ · /, '').length, ind.id).toBeGreaterThan(2);
    }
    expect(await item('forest-cover').locator('.indicator-scope').textContent()).toBe('范围：全区');
    const chapters = PLAN.chapters.filter((c) =>
      PLAN.indicators.some((i) => i.taskId.split('.')[0] === c.id),
    );
    expect(await dash().locator('.dash-chapter').count()).toBe(chapters.length);
  });

  it('filters by status: the counts on the buttons are the rows shown', async () => {
    await openDashboard();
    const filters = dash().locator('.dash-filter button');
    for (const code of ['achieved', 'on-track', 'at-risk', 'off-track', 'no-data']) {
      const button = dash().locator(`.dash-filter button[data-filter="${code}"]`);
      const count = Number((await button.locator('.dash-count').textContent())?.replace(/\D/g, ''));
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      expect(await dash().locator('button.indicator-item').count(), code).toBe(count);
      for (const row of await dash().locator('button.indicator-item').all()) {
        expect(await row.locator(`.status[data-status="${code}"]`).count()).toBeGreaterThan(0);
      }
    }
    await filters.first().click();
    expect(await dash().locator('button.indicator-item').count()).toBe(PLAN.indicators.length);
  });

  it('an indicator with per-zone data: targets, scope, task, per-zone rows, the chart with sources and 示例', async () => {
    if (!PER_ZONE) throw new Error('no indicator with per-zone observations in the data');
    await openDashboard();
    await item(PER_ZONE.id).click();
    const d = detail(PER_ZONE.id);
    await d.waitFor();
    expect(await d.locator('.dash-targets li').count()).toBe(PER_ZONE.targets.length);
    expect(await d.locator('.dash-task-link').textContent()).toContain(PER_ZONE.taskId);
    const own = OBS.filter((o) => o.indicatorId === PER_ZONE.id && o.zoneId);
    for (const zone of PER_ZONE.zones) {
      const row = d.locator(`.dash-zones tr[data-zone-id="${zone}"]`);
      expect(await row.count(), zone).toBe(1);
      const mine = own
        .filter((o) => o.zoneId === zone)
        .sort((a, b) => a.year - b.year)
        .at(-1);
      const text = (await row.textContent()) ?? '';
      if (mine) {
        expect(text).toContain(`${mine.value}%`);
        expect(text).toContain(mine.source);
        expect((await row.locator('.badge-sample').count()) > 0).toBe(mine.sample);
        expect(await row.locator('.status').getAttribute('data-status')).not.toBe('no-data');
      } else expect(await row.locator('.status').getAttribute('data-status')).toBe('no-data');
    }
    const svg = d.locator('svg.dash-chart-svg');
    expect(await svg.getAttribute('role')).toBe('img');
    const alt = (await svg.getAttribute('aria-label')) ?? '';
    expect(alt).toContain(PER_ZONE.name);
    const points = d.locator('svg.dash-chart-svg .chart-point');
    expect(await points.count()).toBe(own.length);
    for (const p of await points.all()) {
      const title = (await p.locator('title').textContent()) ?? '';
      expect(title).toContain('来源：');
      if ((await p.getAttribute('data-sample')) === 'true') {
        expect(title).toContain('示例');
        expect(await p.locator('text.chart-sample').textContent()).toBe('示例');
      }
    }
    const rows = d.locator('table.dash-values tbody tr');
    expect(await rows.count()).toBe(own.length);
    for (const o of own) {
      const row = d.locator(`table.dash-values tbody tr[data-zone-id="${o.zoneId}"]`);
      expect(await row.locator('.dash-source').textContent()).toBe(o.source);
      expect((await row.locator('.badge-sample').count()) > 0).toBe(o.sample);
    }
    // a standing target is a line across the chart
    expect(await d.locator('.chart-target[data-standing="true"]').count()).toBe(
      PER_ZONE.targets.filter((t) => t.year === null).length,
    );
  });

  it('published values show their source and no 示例; the path the status used is drawn and said', async () => {
    if (!PUBLISHED) throw new Error('no published region-wide series');
    await openDashboard(`?view=indicators&indicator=${PUBLISHED.id}`);
    const d = detail(PUBLISHED.id);
    await d.waitFor();
    const published = OBS.filter((o) => o.indicatorId === PUBLISHED.id);
    expect(await d.locator('table.dash-values tbody tr').count()).toBe(published.length);
    expect(await d.locator('table.dash-values .badge-sample').count()).toBe(0);
    for (const o of published) expect(await d.locator('table.dash-values').textContent()).toContain(o.source);
    const pathText = (await d.locator('.dash-path-text').textContent()) ?? '';
    expect(pathText.length).toBeGreaterThan(5);
    const hasPath = (await d.locator('.chart-path').count()) > 0;
    expect(pathText.startsWith('目标路径')).toBe(hasPath);
    expect(pathText.startsWith('状态未依据路径')).toBe(!hasPath);
  });

  it('"show on map" colours the zones in scope; legend counts sum to the scope; hover says whose status', async () => {
    if (!PER_ZONE) throw new Error('no indicator with per-zone observations');
    await openDashboard(`?view=indicators&indicator=${PER_ZONE.id}`);
    const d = detail(PER_ZONE.id);
    await d.waitFor();
    await d.locator('.dash-show-map').click();
    expect(await d.locator('.dash-show-map').getAttribute('aria-pressed')).toBe('true');
    const legend = app.page.locator('.zone-paint-legend');
    await legend.waitFor();
    await app.idle();
    const layers = [...new Set(PER_ZONE.zones.map((z) => INDEX[z]?.layerId))];
    for (const layer of layers) {
      expect(await app.page.evaluate((id) => !!window.__map?.getLayer(id), `paint-${layer}`)).toBe(true);
    }
    const counts = (await legend.locator('.zone-paint-count').allTextContents()).map((c) =>
      Number(c.replace(/\D/g, '')),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(PER_ZONE.zones.length);
    const colours = await app.page.evaluate((id) => {
      const map = window.__map;
      const fill = map?.getPaintProperty(`paint-${id}`, 'fill-color') as unknown[];
      return fill;
    }, layers[0] as string);
    for (const z of PER_ZONE.zones) expect(colours).toContain(z);
    const rendered = await app.renderedZoneIds(`paint-${layers[0]}`);
    expect(rendered.length).toBeGreaterThan(0);
    for (const z of rendered) expect(PER_ZONE.zones).toContain(z);
    expect(await legend.locator('.zone-paint-note').textContent()).toContain('示例');
    // hovering a zone without its own data says the status is the scope's
    const noOwn = PER_ZONE.zones.find(
      (z) => !OBS.some((o) => o.indicatorId === PER_ZONE.id && o.zoneId === z),
    );
    const at = GAZ.find((e) => e.id === noOwn)?.location;
    if (!noOwn || !at) throw new Error('every scope zone has data of its own: pick another case');
    const { x, y, onMap } = await app.page.evaluate(
      ([lon, lat]) => {
        const map = window.__map;
        if (!map) throw new Error('map not exposed');
        const p = map.project([lon as number, lat as number]);
        const r = map.getCanvas().getBoundingClientRect();
        const x = r.left + p.x;
        const y = r.top + p.y;
        return { x, y, onMap: document.elementFromPoint(x, y) === map.getCanvas() };
      },
      [at.lon, at.lat],
    );
    expect(onMap, 'the zone is framed beside the panel').toBe(true);
    await app.page.mouse.move(x, y);
    await app.page.waitForFunction(
      () => (document.querySelector('.zone-paint-hover')?.textContent ?? '').length > 0,
    );
    const hover = (await legend.locator('.zone-paint-hover').textContent()) ?? '';
    expect(hover).toContain(GAZ.find((e) => e.id === noOwn)?.zh ?? noOwn);
    expect(hover).toContain('整体状态');
    const link = new URL(app.page.url());
    expect(link.searchParams.get('paint')).toBe(`indicator:${PER_ZONE.id}`);
    // the link restores the colours after a reload (paintFromKey)
    await app.open(link.search);
    await legend.waitFor();
    expect(await legend.locator('.zone-paint-count').allTextContents()).toEqual(counts.map((c) => `(${c})`));
    expect(await d.locator('.dash-show-map').getAttribute('aria-pressed')).toBe('true');
    await d.locator('.dash-show-map').click();
    await legend.waitFor({ state: 'detached' });
  });

  it('a region-wide indicator colours the region outline and says so in the legend note', async () => {
    await openDashboard('?view=indicators&indicator=forest-cover');
    await detail('forest-cover').locator('.dash-show-map').click();
    const legend = app.page.locator('.zone-paint-legend');
    await legend.waitFor();
    await app.idle();
    expect(await legend.locator('.zone-paint-note').textContent()).toContain('全区指标');
    expect(await app.renderedZoneIds('paint-region')).toEqual(['region-inner-mongolia']);
    expect(await legend.locator('.zone-paint-count').allTextContents()).toEqual(['(1)']);
  });

  it('a river in scope (十大孔兑) is coloured as a line, its layer switched on', async () => {
    const id = 'ten-kongdui-soil-conservation-rate';
    await openDashboard(`?view=indicators&indicator=${id}`);
    await detail(id).locator('.dash-show-map').click();
    await app.page.locator('.zone-paint-legend').waitFor();
    await app.idle();
    const layer = INDEX['river-ten-kongdui']?.layerId;
    expect(await app.renderedZoneIds(`paint-${layer}-line`)).toEqual(['river-ten-kongdui']);
  });

  it('?view=indicators&indicator=<id> opens that indicator; back returns to the list with the focus on it', async () => {
    const id = 'ten-kongdui-soil-conservation-rate';
    await openDashboard(`?view=indicators&indicator=${id}`);
    await detail(id).waitFor();
    expect(await detail(id).locator('h3').textContent()).toBe('十大孔兑水土保持率');
    expect(await detail(id).locator('.indicator-scope').textContent()).toBe('范围：十大孔兑');
    await app.page.waitForFunction(() => new URL(location.href).searchParams.get('indicator') !== null);
    await detail(id).locator('.dash-back').click();
    await item(id).waitFor();
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-indicator-id'))).toBe(id);
  });

  it('keyboard: arrows move in the list, Enter opens, Escape closes the view', async () => {
    await openDashboard();
    const first = dash().locator('button.indicator-item').first();
    await first.focus();
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('ArrowDown');
    const second = await dash().locator('button.indicator-item').nth(2).getAttribute('data-indicator-id');
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-indicator-id'))).toBe(
      second,
    );
    await app.page.keyboard.press('End');
    const last = await dash().locator('button.indicator-item').last().getAttribute('data-indicator-id');
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-indicator-id'))).toBe(
      last,
    );
    await app.page.keyboard.press('Enter');
    await detail(last ?? '').waitFor();
    expect(await app.page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await app.page.keyboard.press('Escape');
    await app.page.locator('.view-panel').waitFor({ state: 'detached' });
  });

  it('the task link opens the task browser on that task', async () => {
    await openDashboard('?view=indicators&indicator=forest-cover');
    await detail('forest-cover').locator('.dash-task-link').click();
    await app.page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'tasks');
    expect(new URL(app.page.url()).searchParams.get('task')).toBe(
      PLAN.indicators.find((i) => i.id === 'forest-cover')?.taskId,
    );
  });

  it('logs no console error', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
