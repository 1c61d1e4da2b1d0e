/**
 * axe-core (a pinned devDependency) checks the main views against WCAG 2.1 A and AA: the map with its legend, a
 * league's zone panel, the whole region's panel, the screening panel, the English interface, and the task browser
 * with a task open and the coverage map on.
 *
 * AppDriver.axeViolations evaluates axe's source through the DevTools protocol (page.evaluate with a string), which
 * the page's Content-Security-Policy does not govern; an injected <script> element would be blocked, as it should
 * be, and the policy stays as the app ships it (the test checks that no violation was reported).
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

async function openZone(query: string, zone: string): Promise<void> {
  await app.open(query);
  await app.page.locator(`.zone-panel[data-zone-id="${zone}"] h3`).first().waitFor();
  await app.page.locator('.zone-loading').waitFor({ state: 'detached' });
}

describe('WCAG 2.1 AA (axe-core)', () => {
  it('the map with its legend', async () => {
    await app.open();
    expect(await app.axeViolations()).toEqual([]);
  });

  it('a league in the zone panel (阿拉善盟)', async () => {
    await openZone('?zone=league-alxa', 'league-alxa');
    expect(await app.axeViolations()).toEqual([]);
  });

  it('the whole region in the zone panel, with its indicator statuses', async () => {
    await openZone('?zone=region-inner-mongolia', 'region-inner-mongolia');
    expect(await app.page.locator('.zone-panel .status').count()).toBeGreaterThan(0);
    expect(await app.axeViolations()).toEqual([]);
  });

  it('the screening panel', async () => {
    await app.open();
    await app.page.locator('.screening-toggle').click();
    await app.page.locator('.screening-panel').waitFor();
    expect(await app.axeViolations()).toEqual([]);
  });

  it('the English interface with a zone open', async () => {
    await openZone('?zone=league-alxa&lang=en', 'league-alxa');
    expect(await app.page.locator('html').getAttribute('lang')).toBe('en');
    expect(await app.axeViolations()).toEqual([]);
  });

  it('the task browser with a task open and the coverage map on', async () => {
    await app.open('?view=tasks&task=2.3.3');
    await app.page.locator('.task-detail[data-task-id="2.3.3"]').waitFor();
    await app.page.locator('.coverage-control button').click();
    await app.page.locator('.zone-paint-legend').waitFor();
    expect(await app.axeViolations()).toEqual([]);
  });

  it('the indicator dashboard: the list, then one indicator with its chart and its zones coloured', async () => {
    await app.open('?view=indicators');
    await app.page.locator('.dashboard button.indicator-item').first().waitFor();
    expect(await app.axeViolations()).toEqual([]);
    await app.page
      .locator('.dashboard button.indicator-item[data-indicator-id="new-bus-new-energy-share"]')
      .click();
    await app.page.locator('.dash-detail svg.dash-chart-svg').waitFor();
    await app.page.locator('.dash-show-map').click();
    await app.page.locator('.zone-paint-legend').waitFor();
    expect(await app.axeViolations()).toEqual([]);
  });

  it('presentation mode: a chapter with its plan section, targets, legend and progress', async () => {
    await app.open('?tour=default&chapter=greater-khingan');
    await app.page.locator('.tour-targets .status').first().waitFor();
    expect(await app.axeViolations()).toEqual([]);
  });

  it('logs no console error, and the app policy reported nothing', async () => {
    expect(app.consoleErrors).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);
  });
});
