import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanData } from '../../web/domain/plan/types.ts';
import { AppDriver } from './app-driver.ts';

/**
 * The one search box above the legend: places, tasks and indicators, grouped under headings with counts, from the
 * keyboard (`/` to focus, ↑ ↓ across the groups, Enter opens, Esc clears); places are searched while the plan
 * loads; opening a task or an indicator opens its view with the choice in the link.
 */
const ROOT = join(import.meta.dirname, '../..');
const PLAN = JSON.parse(readFileSync(join(ROOT, 'data/plan.json'), 'utf8')) as PlanData;
const task = (id: string) => {
  const t = PLAN.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id}`);
  return t;
};

let app: AppDriver;
beforeAll(async () => {
  // the test holds the plan chunk with app.route, which never sees a request the service worker answers
  app = await AppDriver.start({ serviceWorkers: 'block' });
});
afterAll(async () => {
  await app?.stop();
});

const box = () => app.page.getByRole('combobox', { name: /搜索区域|Search zones/ });
const results = () => app.page.locator('.zone-search-results');
const options = () => results().locator('[role=option]');
const groupKinds = () =>
  results()
    .locator('[role=group]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
const param = (name: string) =>
  app.page.evaluate((n) => new URL(window.location.href).searchParams.get(n), name);
/** The option the combobox says is active (aria-activedescendant), by its data attributes. */
const activeOption = () =>
  app.page.evaluate(() => {
    const input = document.querySelector('.zone-search input');
    const id = input?.getAttribute('aria-activedescendant');
    const el = id ? document.getElementById(id) : null;
    if (el?.getAttribute('aria-selected') !== 'true') return null;
    return {
      group: el.closest('[role=group]')?.getAttribute('data-group') ?? null,
      zone: el.getAttribute('data-zone-id'),
      task: el.getAttribute('data-task-id'),
      indicator: el.getAttribute('data-indicator-id'),
    };
  });

describe('one search box', () => {
  it('"/" focuses the box; places are found while the plan loads, then tasks naming them', async () => {
    await app.open();
    // hold the plan's data file until the places have been shown with the loading note
    let release: () => void = () => {};
    const held = new Promise<void>((ok) => {
      release = ok;
    });
    const planFile = /\/assets\/plan-[\w-]{8}\.js$/;
    const hold = async (route: Route) => {
      await held;
      await route.continue();
    };
    const unroute = await app.route(planFile, hold);

    await app.page.keyboard.press('/');
    expect(await box().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box().inputValue()).toBe('');
    await app.page.keyboard.type('库布其');
    await results().locator('[data-zone-id="desert-kubuqi"]').waitFor();
    expect(await results().locator('.search-status').textContent()).toBe('正在载入规划…');
    expect(await groupKinds()).toEqual(['places']);

    release();
    await results().locator('[role=group][data-group=tasks]').waitFor();
    await unroute();
    expect(await results().locator('.search-status').count()).toBe(0);
    // the place first, then the tasks whose text names it, each with a snippet marking the name
    expect(await groupKinds()).toEqual(['places', 'tasks']);
    expect(await options().first().getAttribute('data-zone-id')).toBe('desert-kubuqi');
    const naming = PLAN.tasks.filter((t) => t.text.includes('库布其')).map((t) => t.id);
    const tasks = results().locator('[data-group=tasks] [role=option]');
    expect(await tasks.evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id')))).toEqual(naming);
    expect(await results().locator('[data-group=tasks] .search-group-head').textContent()).toBe(
      `任务 (${naming.length})`,
    );
    for (const id of naming)
      expect(await results().locator(`[data-task-id="${id}"] .search-snippet mark`).textContent()).toBe(
        '库布其',
      );
  });

  it('↓ moves from the places into the tasks; Esc clears the box', async () => {
    const places = await results().locator('[data-group=places] [role=option]').count();
    expect(await activeOption()).toMatchObject({ group: 'places', zone: 'desert-kubuqi' });
    for (let i = 0; i < places; i++) await box().press('ArrowDown');
    const first = await results()
      .locator('[data-group=tasks] [role=option]')
      .first()
      .getAttribute('data-task-id');
    expect(await activeOption()).toMatchObject({ group: 'tasks', task: first });
    await box().press('ArrowUp');
    expect((await activeOption())?.group).toBe('places');
    await box().press('Escape');
    expect(await box().inputValue()).toBe('');
    expect(await results().count()).toBe(0);
    expect(await box().getAttribute('aria-expanded')).toBe('false');
  });

  it('the open results pass axe-core’s WCAG 2.1 A/AA checks', async () => {
    await box().fill('黄河');
    await results().locator('[data-group=tasks] [role=option]').first().waitFor();
    await box().press('ArrowDown');
    expect(await app.axeViolations('.zone-search')).toEqual([]);
    await box().fill('');
  });

  it('Enter on "2.3.3" opens the task view on that task, in the link', async () => {
    await box().fill('2.3.3');
    const first = options().first();
    await first.waitFor();
    expect(await first.getAttribute('data-task-id')).toBe('2.3.3');
    expect(await first.textContent()).toContain(task('2.3.3').title);
    await box().press('Enter');
    await app.page.locator('.view-panel .task-detail[data-task-id="2.3.3"]').waitFor();
    expect(await box().inputValue()).toBe('');
    await expect.poll(() => param('view')).toBe('tasks');
    expect(await param('task')).toBe('2.3.3');
  });

  it('a phrase of a task’s text finds it with a snippet around the phrase', async () => {
    const q = '光伏治沙';
    const holding = PLAN.tasks.filter((t) => t.text.includes(q) && !t.title.includes(q));
    expect(holding.length).toBeGreaterThan(0);
    await box().fill(q);
    for (const t of holding) {
      const o = results().locator(`[data-task-id="${t.id}"]`);
      await o.waitFor();
      expect(await o.locator('.search-snippet mark').textContent()).toBe(q);
      const snippet = (await o.locator('.search-snippet').textContent()) ?? '';
      expect(t.text).toContain(snippet.replace(/^…|…$/g, ''));
    }
    await box().press('Escape');
  });

  it('in English, "forest" finds the forest cover indicator; ↓ to it and Enter opens the dashboard on it', async () => {
    await app.open('?lang=en');
    await app.page.keyboard.press('Control+k');
    expect(await box().evaluate((el) => el === document.activeElement)).toBe(true);
    await app.page.keyboard.type('forest');
    const indicator = results().locator('[data-group=indicators] [data-indicator-id="forest-cover"]');
    await indicator.waitFor();
    expect(await indicator.textContent()).toContain('Forest cover');
    expect(await results().locator('[data-group=indicators] .search-group-head').textContent()).toMatch(
      /^Indicators \(\d+\)$/,
    );
    // English task titles are searched in English: each task found by its title shows the English title
    const byTitle = PLAN.tasks.filter((x) => (x.titleEn ?? '').toLowerCase().includes('forest'));
    expect(byTitle.length).toBeGreaterThan(0);
    for (const t of byTitle.slice(0, 3))
      expect(await results().locator(`[data-task-id="${t.id}"]`).textContent()).toContain(t.titleEn ?? '-');
    const before = await options().evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-indicator-id') ?? e.getAttribute('data-task-id') ?? ''),
    );
    const steps = before.indexOf('forest-cover');
    expect(steps).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < steps; i++) await box().press('ArrowDown');
    expect(await activeOption()).toMatchObject({ group: 'indicators', indicator: 'forest-cover' });
    await box().press('Enter');
    // the dashboard is open beside the map, with forest cover chosen (the link carries the store's choice)
    await app.page.getByRole('region', { name: 'Indicators' }).waitFor();
    await expect.poll(() => param('view')).toBe('indicators');
    expect(await param('indicator')).toBe('forest-cover');
    expect(await box().inputValue()).toBe('');
    // and the focus moves to the chosen indicator's heading once its detail is drawn (which, under load, can come
    // after the next test has focused the box)
    await expect
      .poll(() =>
        app.page.evaluate(() =>
          document.activeElement?.closest('.dash-detail')?.getAttribute('data-indicator-id'),
        ),
      )
      .toBe('forest-cover');
  });

  it('"/" typed into a text field stays there', async () => {
    await box().fill('');
    await box().focus();
    await app.page.keyboard.type('2.3/');
    expect(await box().inputValue()).toBe('2.3/');
    await box().press('Escape');
  });

  it('logged no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
