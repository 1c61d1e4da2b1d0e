import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanData } from '../../web/domain/plan/types.ts';
import { AppDriver } from './app-driver.ts';

const PLAN = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/plan.json'), 'utf8')) as PlanData;

/**
 * Zone → task links on the e2e build (issue 9, faults 1, 2, 7, 8): the region lists every task by chapter ›
 * section; zones drawn on the map whose features list tasks show them; a league lists tasks naming places within
 * it, each place opening its zone; each task says how it is linked and marks the words; brands link nothing.
 */
let app: AppDriver;
beforeAll(async () => {
  app = await AppDriver.start();
});
afterAll(async () => {
  await app?.stop();
});

const panel = (zone: string) => app.page.locator(`.zone-panel[data-zone-id="${zone}"]`);
const card = (zone: string, task: string) => panel(zone).locator(`.task-card[data-task-id="${task}"]`);

async function openZone(zone: string) {
  await app.open(`?zone=${zone}`);
  await panel(zone).locator('.zone-tasks').waitFor();
}

describe('zone → task links', () => {
  it('the region lists all 96 tasks in 30 folded chapter › section groups, never 未直接点名', async () => {
    const zone = 'region-inner-mongolia';
    await openZone(zone);
    const tasks = panel(zone).locator('.zone-tasks');
    expect(await tasks.locator('h3').textContent()).toBe('规划任务 (96)');
    expect(await tasks.locator('.zone-empty').count()).toBe(0);
    expect(await tasks.textContent()).not.toContain('未直接点名');
    const groups = tasks.locator('details.task-group');
    expect(await groups.count()).toBe(30);
    expect(await tasks.locator('details.task-group[open]').count()).toBe(0);
    expect(await tasks.locator('.task-card').count()).toBe(96);
    const first = groups.first();
    const ch = PLAN.chapters[0];
    const se = ch?.sections[0];
    expect(await first.locator(':scope > summary').textContent()).toBe(
      `${ch?.numeral}、${ch?.title} › (${se?.numeral})${se?.title} (${se?.taskIds.length})`,
    );
    const g233 = tasks.locator('details.task-group[data-section-id="2.3"]');
    await g233.locator(':scope > summary').click();
    expect(await g233.locator('.task-card[data-task-id="2.3.3"]').isVisible()).toBe(true);
  });

  it('zones that showed no tasks: a carbon-peak pilot, the Ejina wind gap, a red-line part, 一核', async () => {
    for (const [zone, task, marked] of [
      ['pilot-carbon-peak-baotou', '3.1.1', '包头市'],
      ['treatment-area-ejina-wind-gap', '2.3.3', '额济纳旗'],
      ['redline-illustrative-05', '2.4.1', '生态保护红线'],
      ['layout-one-core', '2.1.1', '一核'],
    ] as const) {
      await openZone(zone);
      expect(await panel(zone).locator('.zone-tasks .zone-empty').count(), zone).toBe(0);
      const c = card(zone, task);
      await c.locator('summary').click();
      const marks = await c.locator('.task-text mark').allTextContents();
      expect(marks, zone).toContain(marked);
      // a list member is marked with the list head that made it this zone
      if (zone === 'treatment-area-ejina-wind-gap') expect(marks).toContain('重点风沙口和沙尘路径区');
      if (zone.startsWith('redline-')) expect(await c.getAttribute('data-link-kind')).toBe('group');
    }
  });

  it('a lake the outline never names says so', async () => {
    await openZone('lake-dali-nur');
    expect(await panel('lake-dali-nur').locator('.zone-tasks .zone-empty').textContent()).toBe(
      '规划纲要未直接点名此区域。',
    );
    expect(await panel('lake-dali-nur').locator('.task-card').count()).toBe(0);
  });

  it('阿拉善盟: tasks naming it and tasks naming places within it; a place opens its zone', async () => {
    const zone = 'league-alxa';
    await openZone(zone);
    const naming = panel(zone).locator('.task-list[data-list="naming"] .task-card');
    const within = panel(zone).locator('.task-list[data-list="within"] .task-card');
    expect(await naming.count()).toBe(4);
    expect(await within.count()).toBeGreaterThanOrEqual(17);
    const c = within.and(app.page.locator('[data-task-id="2.3.3"]'));
    expect(await c.getAttribute('data-link-kind')).toBe('inside');
    const places = await c.locator('li[data-link-kind="inside"] .place-link').allTextContents();
    expect(places).toEqual(expect.arrayContaining(['腾格里沙漠', '阿拉善右旗', '额济纳旗']));
    await c.locator('summary').click();
    expect(await c.locator('.task-text mark[data-link="inside"]').allTextContents()).toEqual(
      expect.arrayContaining(['巴丹吉林', '腾格里沙漠', '阿拉善右旗', '额济纳旗']),
    );
    await panel(zone)
      .locator('.places-within[data-where="inside"] .place-link[data-zone-id="desert-tengger"]')
      .click();
    await panel('desert-tengger').waitFor();
    await panel('desert-tengger').locator('.task-card[data-task-id="2.3.3"]').waitFor();
    expect(new URL(app.page.url()).searchParams.get('zone')).toBe('desert-tengger');
  });

  it('each link says how it was made: 库布其 through 几字弯, 呼伦贝尔 through 自治区东部地区', async () => {
    await openZone('desert-kubuqi');
    const c = card('desert-kubuqi', '2.2.1');
    expect(await c.getAttribute('data-link-kind')).toBe('group');
    expect(await c.locator('li[data-link-kind="group"]').textContent()).toBe('经由合称“黄河几字弯”');
    await c.locator('summary').click();
    expect(await c.locator('.task-text mark[data-link="group"]').allTextContents()).toEqual(['黄河“几字弯”']);
    expect(await card('desert-kubuqi', '2.3.1').getAttribute('data-link-kind')).toBe('named');

    await openZone('league-hulunbuir');
    const e = card('league-hulunbuir', '2.1.2');
    expect(await e.locator('li[data-link-kind="group"]').textContent()).toBe('经由合称“自治区东部地区”');
  });

  it('brands and slogans link nothing: 赤峰小米 not 赤峰市, 兴安岭上兴安盟 not 大兴安岭', async () => {
    await openZone('league-chifeng');
    await card('league-chifeng', '3.1.1').waitFor();
    expect(await card('league-chifeng', '5.1.2').count()).toBe(0);
    await openZone('mountain-greater-khingan');
    await card('mountain-greater-khingan', '2.1.2').waitFor();
    expect(await card('mountain-greater-khingan', '6.1.1').count()).toBe(0);
    await openZone('league-hinggan');
    const c = card('league-hinggan', '6.1.1');
    await c.locator('summary').click();
    expect(await c.locator('.task-text mark').allTextContents()).toEqual(['兴安盟']);
    expect(await c.locator('.task-text').textContent()).toContain('兴安岭上兴安盟');
  });

  it('no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
