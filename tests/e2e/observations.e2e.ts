import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../unit/report/rfc4180.ts';
import { AppDriver } from './app-driver.ts';

/**
 * Issue 9, observations the planner owns: a CSV chosen in the indicator view changes a zone's status at once, the
 * rows survive a reload (IndexedDB), export gives them back, a bad file names its rows and reasons and leaves the
 * rows kept before in place, clearing asks first; published partial/related rows show as 相关数据 with a source.
 */
let app: AppDriver;
beforeAll(async () => {
  app = await AppDriver.start();
});
afterAll(async () => {
  await app?.stop();
});

const GOOD = [
  '指标编号,区域编号,年份,数值,单位,来源,备注,示例',
  'new-bus-new-energy-share,league-baotou,2025,96,%,测试文件（非统计）：包头市交通运输局,浏览器测试,否',
  'renewable-power-consumption-share,,2025,41,%,测试文件（非统计）：自治区能源局,,否',
].join('\r\n');
const BAD = [
  'indicatorId,zoneId,year,value,source',
  'new-bus-new-energy-share,league-baotou,2025,abc,测试',
  'forest-covr,,2025,22,测试',
  'new-bus-new-energy-share,league-wuhai,2025,97,测试',
].join('\n');

const manager = () => app.page.locator('.observations-manager');
const busStatus = () =>
  app.page
    .locator(
      '.zone-panel[data-zone-id="league-baotou"] .zone-indicators > ul > li[data-indicator-id="new-bus-new-energy-share"] .status',
    )
    .first();
const messages = () => manager().locator('.observations-messages li');

async function openBaotou() {
  await app.open('?view=indicators&zone=league-baotou');
  await manager().waitFor();
  await busStatus().waitFor();
}

describe('the planner’s own observations', () => {
  it('a CSV chosen in the indicator view changes 包头市’s bus-share status at once, marked as imported here', async () => {
    await openBaotou();
    expect(await busStatus().getAttribute('data-status')).toBe('off-track');
    expect(await busStatus().textContent()).toContain('示例');
    expect(await manager().locator('.observations-none').count()).toBe(1);

    await manager()
      .locator('input[type="file"]')
      .setInputFiles({ name: 'baotou-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${GOOD}`) });
    await app.page.waitForFunction(
      () =>
        document
          .querySelector('[data-indicator-id="new-bus-new-energy-share"] .status')
          ?.getAttribute('data-status') === 'achieved',
    );
    const texts = await messages().allTextContents();
    expect(texts[0]).toBe('“baotou-2025.csv”：导入 2 行，拒绝 0 行。');
    expect(texts).toContain(
      '第 2 行：替换了示例数据：新增或更新公交车辆中新能源汽车占比，包头市，2025 年 93%（来源：示例数据(非统计)）',
    );
    expect(await busStatus().textContent()).not.toContain('示例');
    const row = busStatus().locator('xpath=..');
    const observed = (await row.locator('.observation').first().textContent()) ?? '';
    expect(observed).toContain('最新 2025：96%');
    expect(observed).toContain('来源：测试文件（非统计）：包头市交通运输局');
    expect(await row.locator('.observation-imported').first().textContent()).toMatch(
      /^本机导入：baotou-2025\.csv，\d{4}-\d\d-\d\d \d\d:\d\d$/,
    );
    expect(await manager().locator('.observations-files li').count()).toBe(1);
    expect(await manager().locator('.observations-in-use').textContent()).toContain('2 行');
    expect(app.consoleErrors).toEqual([]);
  });

  it('after a reload the rows are still there and the status still changed; the region’s consumption weight is achieved', async () => {
    await openBaotou();
    await app.page.waitForFunction(
      () =>
        document
          .querySelector('[data-indicator-id="new-bus-new-energy-share"] .status')
          ?.getAttribute('data-status') === 'achieved',
    );
    expect(await manager().locator('.observations-file-name').allTextContents()).toEqual(['baotou-2025.csv']);

    await app.open('?zone=region-inner-mongolia');
    const weight = app.page.locator(
      '.zone-panel[data-zone-id="region-inner-mongolia"] li[data-indicator-id="renewable-power-consumption-share"]',
    );
    await weight.waitFor();
    expect(await weight.locator('.status').first().getAttribute('data-status')).toBe('achieved');
    expect(await weight.locator('.observation-imported').count()).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });

  it('export gives the rows back in the import format; the template names every column', async () => {
    await openBaotou();
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      manager().getByRole('button', { name: '导出本机数据 CSV' }).click(),
    ]);
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      'indicatorId',
      'zoneId',
      'year',
      'value',
      'unit',
      'source',
      'note',
      'sample',
      'relation',
      'period',
      'basis',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 8))).toEqual([
      [
        'new-bus-new-energy-share',
        'league-baotou',
        '2025',
        '96',
        '%',
        '测试文件（非统计）：包头市交通运输局',
        '浏览器测试',
        'false',
      ],
      [
        'renewable-power-consumption-share',
        '',
        '2025',
        '41',
        '%',
        '测试文件（非统计）：自治区能源局',
        '',
        'false',
      ],
    ]);

    const [template] = await Promise.all([
      app.page.waitForEvent('download'),
      manager().getByRole('button', { name: '下载模板' }).click(),
    ]);
    const lines = readFileSync((await template.path()) as string, 'utf8').split('\r\n');
    expect(lines).toContain('指标编号,区域编号,年份,数值,单位,来源,备注,示例,关系,时段,口径');
    expect(lines.some((l) => l.startsWith('# new-bus-new-energy-share |'))).toBe(true);
  });

  it('a bad CSV dropped on the zone names each row and reason; the rows kept before stay', async () => {
    await openBaotou();
    await app.dropFiles('.observations-manager .drop-zone', [
      { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) },
    ]);
    await messages().first().waitFor();
    await app.page.waitForFunction(() =>
      document.querySelector('.observations-messages li')?.textContent?.includes('bad.csv'),
    );
    const texts = await messages().allTextContents();
    expect(texts[0]).toBe('“bad.csv”：没有可导入的行（拒绝 3 行），已有数据未变。');
    expect(texts).toContain('第 2 行：数值 “abc” 不是数字');
    expect(texts).toContain('第 3 行：指标编号 “forest-covr” 不是规划中的指标');
    expect(texts.find((t) => t.startsWith('第 4 行：'))).toContain('乌海市（league-wuhai）不在指标');
    expect(await messages().first().getAttribute('class')).toBe('msg-error');
    expect(await busStatus().getAttribute('data-status')).toBe('achieved');
    expect(await manager().locator('.observations-file-name').allTextContents()).toEqual(['baotou-2025.csv']);

    // a file over the size limit is refused before it is read
    await manager()
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'huge.csv',
        mimeType: 'text/csv',
        buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 0x61),
      });
    await app.page.waitForFunction(() =>
      document.querySelector('.observations-messages li')?.textContent?.includes('huge.csv'),
    );
    expect(await messages().first().textContent()).toContain('超过 2 MB 的上限，未导入；已有数据未变');
    expect(await busStatus().getAttribute('data-status')).toBe('achieved');

    // the manager with messages, its file list and a confirmation open meets WCAG 2.1 AA
    await manager().getByRole('button', { name: '移除 baotou-2025.csv' }).click();
    await manager().getByRole('alertdialog').waitFor();
    expect(await app.axeViolations('.observations-manager')).toEqual([]);
    await manager().getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
    expect(await manager().getByRole('alertdialog').count()).toBe(0);
    expect(await manager().locator('.observations-file-name').allTextContents()).toEqual(['baotou-2025.csv']);
    expect(app.consoleErrors).toEqual([]);
  });

  it('published partial and related figures show as 相关数据 with their source, apart from the status', async () => {
    await app.open('?zone=river-ten-kongdui');
    const row = app.page.locator(
      '.zone-panel[data-zone-id="river-ten-kongdui"] li[data-indicator-id="ten-kongdui-soil-conservation-rate"]',
    );
    await row.waitFor();
    const context = row.locator('details.indicator-context');
    expect(await context.locator('summary').textContent()).toBe('相关数据（4）');
    await context.locator('summary').click();
    const items = context.locator('li');
    expect(await items.count()).toBe(4);
    const ordos = context.locator('li[data-zone-id="league-ordos"]');
    expect(await ordos.getAttribute('data-relation')).toBe('related');
    const text = (await ordos.textContent()) ?? '';
    expect(text).toContain('2023 年数值：59.7%');
    expect(text).toContain('单个盟市：鄂尔多斯市');
    expect(text).toContain('来源：内蒙古让山水成为“山水画”(人民网内蒙古频道 2025-03-22)');
    // the status still reads the sample row, not the related ones
    expect(await row.locator('.status').first().textContent()).toContain('示例');
    expect(app.consoleErrors).toEqual([]);
  });

  it('clearing asks first, then every status is back on the defaults, also after a reload', async () => {
    await openBaotou();
    await manager().getByRole('button', { name: '清除全部本机数据' }).click();
    const dialog = manager().getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('清除全部 1 个文件的 2 行本机数据？此操作无法撤销');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await busStatus().getAttribute('data-status')).toBe('achieved');

    await manager().getByRole('button', { name: '清除全部本机数据' }).click();
    await manager().getByRole('alertdialog').getByRole('button', { name: '确定清除' }).click();
    await app.page.waitForFunction(
      () =>
        document
          .querySelector('[data-indicator-id="new-bus-new-energy-share"] .status')
          ?.getAttribute('data-status') === 'off-track',
    );
    expect(await messages().first().textContent()).toBe('已清除全部本机数据（2 行）。');
    await openBaotou();
    expect(await busStatus().getAttribute('data-status')).toBe('off-track');
    expect(await manager().locator('.observations-none').count()).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
