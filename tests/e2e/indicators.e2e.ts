import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseObservationsCsv } from '../../web/domain/plan/observations.ts';
import { AppDriver } from './app-driver.ts';

/**
 * Indicators on a zone's panel (issue 9, faults 3–6): each row says its scope and whose status it is; region-wide
 * targets are apart in a folded 全区指标 group; a zone shows only indicators whose scope holds it; per-zone
 * observations are read for their zone; the status has its reason in words next to it.
 */
let app: AppDriver;
beforeAll(async () => {
  app = await AppDriver.start();
});
afterAll(async () => {
  await app?.stop();
});

const panel = (zone: string) => app.page.locator(`.zone-panel[data-zone-id="${zone}"]`);
const localRow = (zone: string, indicator: string) =>
  panel(zone).locator(`.zone-indicators > ul > li[data-indicator-id="${indicator}"]`);
const regionRow = (zone: string, indicator: string) =>
  panel(zone).locator(`.indicators-region-wide li[data-indicator-id="${indicator}"]`);

async function openZone(zone: string) {
  await app.open(`?zone=${zone}`);
  await panel(zone).locator('.zone-indicators').waitFor();
}

describe('indicators on a zone', () => {
  it('阿拉善盟: "2030 > 3 亿千瓦" is in the folded 全区指标 group, scoped 全区 with the region’s status', async () => {
    await openZone('league-alxa');
    expect(await localRow('league-alxa', 'new-energy-capacity').count()).toBe(0);
    const group = panel('league-alxa').locator('details.indicators-region-wide');
    expect(await group.getAttribute('open')).toBeNull();
    await group.locator(':scope > summary').click();
    const row = regionRow('league-alxa', 'new-energy-capacity');
    await row.waitFor();
    expect(await row.locator('.targets').textContent()).toContain('2030 > 3 亿千瓦');
    expect(await row.locator('.indicator-scope').textContent()).toBe('范围：全区');
    expect(await row.locator('.status-whose').first().textContent()).toBe('全区状态');
    expect(await group.locator('.note-region-wide').textContent()).toContain('不是本区域的分解目标');
    // the value is the latest published figure, with its outlet as source and no 示例 badge
    const published = parseObservationsCsv(
      readFileSync(join(import.meta.dirname, '../../data/observations.published.csv'), 'utf8'),
    ).observations.filter(
      (o) => o.indicatorId === 'new-energy-capacity' && (o.relation ?? 'same') === 'same',
    );
    const latest = published.sort((a, b) => a.year - b.year).at(-1);
    const observed = (await row.locator('.observation').textContent()) ?? '';
    expect(observed).toContain(`最新 ${latest?.year}：${latest?.value} 亿千瓦`);
    expect(observed).toContain(`来源：${latest?.source}`);
    expect(await row.locator('.badge-sample').count()).toBe(0);
  });

  it('乌海市 has no bus target; 东北黑土区 and 黄河 have no 十大孔兑 rate', async () => {
    await openZone('league-wuhai');
    expect(
      await panel('league-wuhai').locator('[data-indicator-id="new-bus-new-energy-share"]').count(),
    ).toBe(0);
    for (const zone of ['black-soil-northeast', 'river-yellow']) {
      await openZone(zone);
      const rows = panel(zone).locator('[data-indicator-id="ten-kongdui-soil-conservation-rate"]');
      expect(await rows.count(), zone).toBe(0);
    }
    await openZone('river-ten-kongdui');
    const own = localRow('river-ten-kongdui', 'ten-kongdui-soil-conservation-rate');
    expect(await own.locator('.indicator-scope').textContent()).toBe('范围：本区域');
  });

  it('包头 and 鄂尔多斯 read their own bus-share rows (示例), scoped 呼包鄂乌, with the reason beside the status', async () => {
    for (const [zone, name, status] of [
      ['league-baotou', '包头市', 'off-track'],
      ['league-ordos', '鄂尔多斯市', 'achieved'],
    ] as const) {
      await openZone(zone);
      const row = localRow(zone, 'new-bus-new-energy-share');
      expect(await row.locator('.indicator-scope').textContent()).toBe('范围：呼包鄂乌（本区域为其一）');
      expect(await row.locator('.status-whose').textContent()).toBe(`${name}的状态`);
      const st = row.locator('.status');
      expect(await st.getAttribute('data-status')).toBe(status);
      const text = await st.textContent();
      expect(text).not.toContain('暂无数据');
      expect(text).toContain('示例');
      expect(await row.locator('.status-reason').textContent()).not.toBe('');
      expect(await row.locator('.observation').textContent()).toContain('来源：示例数据');
    }
  });

  it('the region lists every indicator as its own; the bus share shows each city’s status', async () => {
    await openZone('region-inner-mongolia');
    const p = panel('region-inner-mongolia');
    expect(await p.locator('details.indicators-region-wide').count()).toBe(0);
    const capacity = localRow('region-inner-mongolia', 'new-energy-capacity');
    expect(await capacity.locator('.indicator-scope').textContent()).toBe('范围：全区');
    const reason = (await capacity.locator('.status-reason').textContent()) ?? '';
    expect(reason.length).toBeGreaterThan(3);
    const cities = localRow('region-inner-mongolia', 'new-bus-new-energy-share').locator('.per-zone li');
    expect(await cities.evaluateAll((li) => li.map((x) => x.getAttribute('data-zone-id')))).toEqual([
      'league-baotou',
      'league-ordos',
    ]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('axe-core finds no WCAG 2.1 AA violation in the indicator section, region-wide group open', async () => {
    await openZone('league-baotou');
    await panel('league-baotou').locator('details.indicators-region-wide > summary').click();
    expect(await app.axeViolations('.zone-indicators')).toEqual([]);
  });
});
