import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTION_TEXT } from '../../web/domain/report/sections.ts';
import { parseCsv } from '../unit/report/rfc4180.ts';
import { AppDriver, rect } from './app-driver.ts';

/**
 * 三区三线 in the browser: 永久基本农田 and 城镇开发边界 ship no data and say 未加载 in the legend, the info view and
 * every result until the user loads the official files through the layer-info dialog; a check gives no verdict until
 * a project type is chosen; then the result table, the downloaded CSV and the printed report carry one section per
 * layer with its verdict and its rules' source, features by name and times in Beijing time.
 */

const FARM = 'farmland-permanent';
const TOWN = 'urban-boundary';
const FARM_NAME = '红旗村永久基本农田图斑';
const TOWN_NAME = '某镇城镇开发边界';
const fcFile = (name: string, feature: string, w: number, s: number, e: number, n: number) => ({
  name,
  mimeType: 'application/geo+json',
  buffer: Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: feature }, geometry: rect(w, s, e, n) }],
    }),
  ),
});
// the project lies wholly on the farmland parcel and across the town boundary's eastern edge (111.01°E)
const farmFile = fcFile('永久基本农田.geojson', FARM_NAME, 111.0, 40.5, 111.02, 40.52);
const townFile = fcFile('城镇开发边界.geojson', TOWN_NAME, 110.99, 40.49, 111.01, 40.53);
const project = rect(111.005, 40.505, 111.015, 40.515);

let app: AppDriver;
const panel = () => app.page.locator('.screening-panel');
const row = (id: string) => app.page.locator(`.layer-row[data-layer-id="${id}"]`);
const section = (id: string) => panel().locator(`.screening-results .layer-section[data-layer-id="${id}"]`);

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
});

async function runCheck(): Promise<void> {
  await panel().getByRole('button', { name: '开始审查' }).click();
  await panel().locator('.screening-results, .screening-error').first().waitFor({ timeout: 60_000 });
  const err = panel().locator('.screening-error');
  if (await err.count()) throw new Error(`check failed: ${await err.first().textContent()}`);
}

async function loadLayer(id: string, file: typeof farmFile): Promise<void> {
  await row(id).getByRole('button', { name: /^说明/ }).click();
  const dialog = app.page.locator('dialog.layer-info');
  expect(await dialog.locator('.note-not-loaded').textContent()).toContain('未加载');
  await dialog.locator('input[type=file]').setInputFiles(file);
  await dialog.locator(`[data-user-layer="${id}"]`).waitFor({ timeout: 60_000 });
  expect(await dialog.locator('.note-not-loaded').count()).toBe(0);
  expect(await dialog.locator('.note-surveyed').textContent()).toContain('本图层没有内置数据');
  expect(await dialog.locator(`[data-user-layer="${id}"] button`).textContent()).toContain('移除后为未加载');
  await app.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

describe('三区三线 layers: not loaded until the user loads them, then checked under their own rules', () => {
  it('lists the layers in the legend as 未加载, and a check lists them as not checked', async () => {
    await app.page.locator('details[data-group-id="three-zones"] > summary').click();
    for (const id of [FARM, TOWN])
      expect(await row(id).locator('.layer-not-loaded').textContent()).toBe('未加载');
    await app.openScreening();
    await panel().getByLabel('项目名称').fill('光伏电站（三区三线测试）');
    await app.chooseProjectFile(project, 'site.geojson');
    // no type is chosen for a new project: the select shows its placeholder, the panel says what that means
    expect(await panel().getByLabel('项目类型').inputValue()).toBe('');
    expect(await panel().locator('.type-hint').count()).toBe(1);
    await runCheck();
    for (const id of [FARM, TOWN]) {
      expect(await section(id).getAttribute('data-status')).toBe('not-loaded');
      expect(await section(id).locator('.section-note').textContent()).toBe(SECTION_TEXT.notLoaded.zh);
      // not checked is never "no overlap": no figures, no no-overlap note
      expect(await section(id).locator('.section-figures, .note-no-overlap').count()).toBe(0);
    }
  });

  it('loads the official files through the layer-info dialog; the legend drops 未加载', async () => {
    await loadLayer(FARM, farmFile);
    await loadLayer(TOWN, townFile);
    for (const id of [FARM, TOWN]) {
      expect(await row(id).locator('.layer-not-loaded').count()).toBe(0);
      expect(await row(id).locator('.badge-user').count()).toBe(1);
    }
  });

  it('gives figures but no verdict until a type is chosen, then one section per layer with its rules', async () => {
    await runCheck();
    expect(await panel().locator('.screening-results .verdict').count()).toBe(0);
    for (const id of [FARM, TOWN]) {
      expect(await section(id).getAttribute('data-status')).toBe('checked');
      expect(await section(id).locator('.section-note').textContent()).toBe(SECTION_TEXT.noType.zh);
    }
    expect(await section(TOWN).getAttribute('data-position')).toBe('partly');
    const projectArea = Number(await panel().locator('.project-area').getAttribute('data-area-m2'));
    // the whole project lies on the farmland parcel
    const farmArea = Number(await section(FARM).locator('.section-figures').getAttribute('data-area-m2'));
    expect(Math.abs(farmArea / projectArea - 1)).toBeLessThan(1e-9);
    // the overlap row names the parcel by its name
    expect(await panel().locator(`.overlap-row[data-layer-id="${FARM}"] td`).nth(1).textContent()).toBe(
      FARM_NAME,
    );

    await panel().getByLabel('项目类型').selectOption('renewable-energy');
    expect(await panel().locator('.screening-results').count()).toBe(0); // the old result went stale
    await runCheck();
    const sections = await panel()
      .locator('.screening-results .layer-section')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), e.getAttribute('data-layer-id')]));
    expect(sections.slice(0, 3)).toEqual([
      ['redline', 'redline-illustrative'],
      ['farmland', FARM],
      ['town', TOWN],
    ]);
    const farmVerdict = section(FARM).locator('.verdict');
    expect(await farmVerdict.getAttribute('data-verdict')).toBe('prohibited');
    expect(await farmVerdict.textContent()).toContain('自然资办发〔2023〕12号');
    const town = section(TOWN).locator('.verdict');
    expect(
      await town.evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-part'), e.getAttribute('data-verdict')]),
      ),
    ).toEqual([
      ['inside', 'town-inside'],
      ['outside', 'town-outside-admission'],
    ]);
    const parts = await town.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-area-m2'))));
    expect(Math.abs(parts.reduce((a, b) => a + b, 0) / projectArea - 1)).toBeLessThan(1e-9);
    expect(await section(TOWN).locator('.rule-sources').textContent()).toContain('中办发〔2019〕48号');
  });

  it('the CSV says the same, section by section, with the check time in Beijing time', async () => {
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      panel().getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const [header, ...rows] = parseCsv(
      readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, ''),
    );
    const col = (n: string) => header?.indexOf(n) ?? -1;
    const sectionRow = (id: string) => rows.find((r) => r[0] === 'section' && r[col('layer_id')] === id);
    expect(sectionRow(FARM)?.[col('status')]).toBe('已检查');
    expect(sectionRow(TOWN)?.[col('verdict')]).toBe(SECTION_TEXT.position.partly.zh);
    const verdicts = rows.filter((r) => r[0] === 'verdict');
    const farm = verdicts.find((r) => r[col('layer_id')] === FARM);
    expect(farm?.[col('verdict')]).toBe('禁止');
    expect(farm?.[col('source')]).toContain('自然资办发〔2023〕12号');
    expect(verdicts.filter((r) => r[col('layer_id')] === TOWN).map((r) => r[col('name')])).toEqual([
      '城镇开发边界（边界内部分）',
      '城镇开发边界（边界外部分）',
    ]);
    const projectRow = rows.find((r) => r[0] === 'project');
    expect(projectRow?.[col('checked_at')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 北京时间 \(UTC\+8\)$/);
    expect(rows.find((r) => r[0] === 'feature' && r[col('layer_id')] === FARM)?.[col('name')]).toBe(
      FARM_NAME,
    );
  });

  it('the printed report carries the sections, the parcel by name and the times in Beijing time', async () => {
    await panel().getByRole('button', { name: '打印报告' }).click();
    const report = app.page.locator('.report-view[data-ready="true"]');
    await report.waitFor({ timeout: 60_000 });
    expect(
      await report.locator(`.layer-section[data-layer-id="${FARM}"] .verdict`).getAttribute('data-verdict'),
    ).toBe('prohibited');
    expect(await report.locator('.report-checked-at').textContent()).toMatch(/北京时间 \(UTC\+8\)$/);
    const dir = mkdtempSync(join(tmpdir(), 'three-zones-'));
    const pdfFile = join(dir, 'report.pdf');
    writeFileSync(pdfFile, await app.page.pdf({ format: 'A4', printBackground: true }));
    const pdf = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(pdf).toContain('风电、光伏等新能源开发');
    expect(pdf).toContain(FARM_NAME);
    expect(pdf).toContain('永久基本农田·永久基本农田');
    expect(pdf).toContain('自然资办发〔2023〕12号');
    expect(pdf).toContain('项目部分位于城镇开发边界内');
    expect(
      await report.locator(`.layer-section[data-layer-id="${TOWN}"] .verdict td`).first().textContent(),
    ).toBe('城镇开发边界（边界内部分）');
    expect(pdf).toContain('北京时间(UTC+8)');
    // no UTC ISO stamp for people to read, the datasets' import times included
    expect(await report.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    await report.getByRole('button', { name: '返回' }).click();
    await report.waitFor({ state: 'detached' });
  });
});
