import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../unit/report/rfc4180.ts';
import { AppDriver } from './app-driver.ts';

/**
 * Issue 9, take it away: the zone panel's 导出 CSV downloads `<zone-id>-plan.csv` listing the tasks and the
 * indicators the panel shows, read back here with the independent RFC 4180 reader.
 */
let app: AppDriver;
beforeAll(async () => {
  app = await AppDriver.start();
});
afterAll(async () => {
  await app?.stop();
});

async function downloadZoneCsv(zone: string) {
  await app.open(`?zone=${zone}`);
  const panel = app.page.locator(`.zone-panel[data-zone-id="${zone}"]`);
  await panel.locator('.zone-tasks').waitFor();
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    panel.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  const text = readFileSync((await download.path()) as string, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parseCsv(text.slice(1));
  const col = (kind: string, name: string) => {
    const header = rows.find((r) => r[0] === 'record' && r.includes(name));
    const i = header?.indexOf(name) ?? -1;
    return rows.filter((r) => r[0] === kind).map((r) => r[i] ?? '');
  };
  return { panel, name: download.suggestedFilename(), rows, col };
}

describe('zone CSV download', () => {
  it('阿拉善盟: the file lists exactly the tasks and indicators the panel shows, with statuses', async () => {
    const zone = 'league-alxa';
    const { panel, name, rows, col } = await downloadZoneCsv(zone);
    expect(name).toBe(`${zone}-plan.csv`);
    const shownTasks = await panel
      .locator('.task-card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id')));
    expect(shownTasks.length).toBeGreaterThan(15);
    expect(col('task', 'task_id')).toEqual(shownTasks);
    const heading = (await panel.locator('.zone-tasks h3').textContent()) ?? '';
    expect(heading).toContain(`(${col('task', 'task_id').length})`);
    expect(col('task', 'task_id')).toContain('2.3.3');

    const shownIndicators = await panel
      .locator('.zone-indicators li[data-indicator-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator-id')));
    expect([...new Set(col('indicator', 'indicator_id'))]).toEqual(shownIndicators);
    // The status words are the panel's, for the same indicator.
    const firstId = shownIndicators[0] as string;
    const shownStatus = (await panel
      .locator(`li[data-indicator-id="${firstId}"] .status`)
      .first()
      .textContent()) as string;
    const i = col('indicator', 'indicator_id').indexOf(firstId);
    expect(shownStatus).toContain(col('indicator', 'status')[i]);
    expect(shownStatus).toContain(col('indicator', 'status_reason')[i]);

    const zoneRow = rows.find((r) => r[0] === 'zone');
    expect(zoneRow?.slice(1, 3)).toEqual([zone, '阿拉善盟']);
    expect(app.consoleErrors).toEqual([]);
  });

  it('the region: 96 task rows, one per task card', async () => {
    const { panel, col } = await downloadZoneCsv('region-inner-mongolia');
    expect(col('task', 'task_id')).toHaveLength(96);
    expect(await panel.locator('.task-card').count()).toBe(96);
    expect(app.consoleErrors).toEqual([]);
  });
});
