import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver } from './app-driver.ts';

/**
 * Issue 9, take it away: the zone panel's 一页简报 opens a printable brief of the zone (map, tasks, indicators with
 * targets, status and reason, sources, date) that prints on one A4 page; Escape closes it. Printed here to PDF with
 * Chromium and read back with poppler (pdfinfo, pdftotext).
 */
let app: AppDriver;
const dir = mkdtempSync(join(tmpdir(), 'zone-brief-'));
/** Pages of each brief printed, for the log. */
const pagesSeen: Record<string, number> = {};

beforeAll(async () => {
  app = await AppDriver.start();
  await app.page.setViewportSize({ width: 1280, height: 800 });
});
afterAll(async () => {
  console.log('zone brief pages:', JSON.stringify(pagesSeen));
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const panel = (zone: string) => app.page.locator(`.zone-panel[data-zone-id="${zone}"]`);
const view = () => app.page.locator('.zone-brief-view');
const sheet = () => view().locator('.brief-sheet');
const chunkLoaded = () => app.requests.some((u) => /\/ZoneBrief-[\w-]+\.js$/.test(u));

async function openBrief(zone: string, query = '') {
  await app.open(`?zone=${zone}${query}`);
  await panel(zone).locator('.zone-tasks').waitFor();
  await panel(zone).locator('.zone-indicators').waitFor();
  const label = query.includes('lang=en') ? 'One-page brief' : '一页简报';
  await panel(zone).getByRole('button', { name: label }).click();
  await app.page.locator('.zone-brief-view[data-ready="true"]').waitFor({ timeout: 60_000 });
}

async function printPdf(name: string): Promise<{ pages: number; text: string }> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await app.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  pagesSeen[name] = pages;
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  return { pages, text };
}

/** How many distinct colours the map picture has (a blank or failed capture has one or two). */
function pictureColours(): Promise<number> {
  return sheet()
    .locator('.brief-map-picture image')
    .evaluate(async (img) => {
      const href = img.getAttribute('href') ?? '';
      const el = new Image();
      el.src = href;
      await el.decode();
      const c = document.createElement('canvas');
      c.width = el.naturalWidth;
      c.height = el.naturalHeight;
      const g = c.getContext('2d');
      if (!g) return 0;
      g.drawImage(el, 0, 0);
      const data = g.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97)
        seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
      return seen.size;
    });
}

describe('the one-page zone brief', () => {
  it('阿拉善盟: map, the panel’s tasks, indicators with reasons and sources, the date; one A4 page; Escape closes it', async () => {
    const zone = 'league-alxa';
    await app.open(`?zone=${zone}`);
    await panel(zone).locator('.zone-tasks').waitFor();
    expect(chunkLoaded()).toBe(false); // the brief's code loads when it is opened, not with the map

    const panelTasks = await panel(zone)
      .locator('.task-card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id')));
    expect(panelTasks.length).toBeGreaterThan(15);
    await panel(zone).getByRole('button', { name: '一页简报' }).click();
    await app.page.locator('.zone-brief-view[data-ready="true"]').waitFor({ timeout: 60_000 });
    expect(chunkLoaded()).toBe(true);

    // the zone, and the map picture of it
    expect(await sheet().locator('h1').textContent()).toContain('阿拉善盟');
    const href = (await sheet().locator('.brief-map-picture image').getAttribute('href')) ?? '';
    expect(href.startsWith('data:image/png;base64,')).toBe(true);
    expect(await pictureColours()).toBeGreaterThan(20);

    // the same tasks as the panel, in its order, and the count it says
    const briefTasks = await sheet()
      .locator('.brief-task')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id')));
    expect(briefTasks).toEqual(panelTasks);
    expect(await sheet().locator('.brief-tasks h2').textContent()).toContain(`(${panelTasks.length})`);
    expect(await sheet().locator('.brief-task[data-task-id="2.3.3"] .brief-links').textContent()).toContain(
      '区内地点',
    );

    // every indicator of the panel; where it has observations, the same status and reason words and the source
    const panelIndicators = await panel(zone)
      .locator('.zone-indicators li[data-indicator-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator-id')));
    const briefIndicators = await sheet()
      .locator('.brief-indicators [data-indicator-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator-id')));
    expect(new Set(briefIndicators)).toEqual(new Set(panelIndicators));
    expect(briefIndicators).toHaveLength(panelIndicators.length);
    const observed = await sheet()
      .locator('.brief-table tbody[data-indicator-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator-id') ?? ''));
    expect(observed.length).toBeGreaterThan(3);
    for (const id of observed) {
      const inPanel = panel(zone).locator(`li[data-indicator-id="${id}"]`);
      const inBrief = sheet().locator(`tbody[data-indicator-id="${id}"]`);
      const status = (await inBrief.locator('.status').first().textContent()) ?? '';
      expect(status).toBe(await inPanel.locator('.status').first().textContent());
      expect(status).toMatch(/ · \S/); // a reason in words after the status
      const no = await inBrief.locator('.observation').first().getAttribute('data-source-no');
      const source = sheet().locator(`.brief-sources [data-source-no="${no}"] .source-text`);
      const full = (await source.getAttribute('title')) ?? (await source.textContent()) ?? '';
      const panelObservation = (await inPanel.locator('.observation').first().textContent()) ?? '';
      expect(panelObservation.endsWith(`来源：${full}`)).toBe(true);
    }
    // the status column of region-wide rows says whose status it is; the desertified-land rate is sample data
    expect(await sheet().locator('.brief-table th').allTextContents()).toContain('全区状态 · 原因');
    expect(
      await sheet()
        .locator('tbody[data-indicator-id="desertified-land-treatment-rate"] .badge-sample')
        .count(),
    ).toBe(1);
    expect(await sheet().locator('.note-sample').count()).toBe(1);

    // the day it was made, in the local time zone
    const today = await app.page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(await sheet().locator('.brief-date').getAttribute('datetime')).toBe(today);
    expect(await sheet().locator('.brief-date').textContent()).toBe(`制作日期 ${today}`);

    // one A4 page, as the sheet measured it
    expect(await sheet().getAttribute('data-fits')).toBe('true');
    const { pages, text } = await printPdf('league-alxa');
    expect(pages).toBe(1);
    expect(text).toContain('阿拉善盟');
    expect(text).toContain('区域规划简报');
    expect(text).toContain(`制作日期${today}`);
    expect(text).toContain('内政办发〔2025〕37号');
    expect(text).not.toContain('选址审查'); // the app behind it is not printed

    // Escape closes the brief and keeps the zone selected; a second Escape clears the selection
    await app.page.keyboard.press('Escape');
    await view().waitFor({ state: 'detached' });
    expect(await panel(zone).count()).toBe(1);
    await app.page.keyboard.press('Escape');
    await app.page.locator('.zone-panel').waitFor({ state: 'detached' });
    expect(app.consoleErrors).toEqual([]);
  });

  it('the whole region: all 96 tasks by title only, said so, every indicator; one A4 page', async () => {
    const zone = 'region-inner-mongolia';
    await openBrief(zone);
    expect(await sheet().getAttribute('data-mode')).toBe('titles');
    expect(await sheet().locator('.brief-task').count()).toBe(96);
    expect(await sheet().locator('.brief-links').count()).toBe(0);
    expect(await sheet().locator('.brief-tasks .brief-note').textContent()).toContain('仅列任务标题');
    expect(await sheet().locator('.brief-indicators [data-indicator-id]').count()).toBe(
      await panel(zone).locator('.zone-indicators > ul > li[data-indicator-id]').count(),
    );
    expect(await sheet().getAttribute('data-fits')).toBe('true');
    const { pages, text } = await printPdf('region-inner-mongolia');
    expect(pages).toBe(1);
    expect(text).toContain('内蒙古自治区');
    await app.page.getByRole('button', { name: '返回' }).click();
    await view().waitFor({ state: 'detached' });
    expect(app.consoleErrors).toEqual([]);
  });

  it('a schematic zone (巴丹吉林沙漠) carries 示意 next to its name and the schematic note; one page', async () => {
    const zone = 'desert-badain-jaran';
    await openBrief(zone);
    expect(await sheet().locator('h1 [data-badge="schematic"]').textContent()).toBe('示意');
    expect(await sheet().locator('.note-schematic').count()).toBe(1);
    const { pages, text } = await printPdf('desert-badain-jaran');
    expect(pages).toBe(1);
    expect(text).toContain('巴丹吉林沙漠示意');
    await app.page.keyboard.press('Escape');
    await view().waitFor({ state: 'detached' });
    expect(app.consoleErrors).toEqual([]);
  });

  it('in English: English titles with the unofficial-translation note, one page', async () => {
    const zone = 'league-alxa';
    await openBrief(zone, '&lang=en');
    expect(await sheet().getAttribute('lang')).toBe('en');
    expect(await sheet().locator('h1').textContent()).toContain('Alxa');
    expect(await sheet().locator('.note-titles-en').textContent()).toContain('unofficial translation');
    expect(await sheet().locator('.brief-task').count()).toBe(
      await panel(zone).locator('.task-card').count(),
    );
    const { pages, text } = await printPdf('league-alxa-en');
    expect(pages).toBe(1);
    expect(text).toContain('Alxa');
    await app.page.keyboard.press('Escape');
    await view().waitFor({ state: 'detached' });
    expect(app.consoleErrors).toEqual([]);
  });

  const otherLeagues = [
    [
      'league-baotou',
      'league-ordos',
      'league-hohhot',
      'league-bayannur',
      'league-chifeng',
      'league-hulunbuir',
    ],
    ['league-hinggan', 'league-tongliao', 'league-wuhai', 'league-ulanqab', 'league-xilingol'],
  ];
  it.each(otherLeagues)(
    'every other league fits one page in Chinese (measured on the sheet): %s …',
    async (...zones) => {
      for (const zone of zones) {
        await openBrief(zone);
        expect(await sheet().getAttribute('data-fits'), zone).toBe('true');
        expect(await sheet().locator('.brief-task').count(), zone).toBe(
          await panel(zone).locator('.task-card').count(),
        );
        console.log(`zone brief ${zone}: ${await sheet().getAttribute('data-height-mm')} mm`);
      }
      expect(app.consoleErrors).toEqual([]);
    },
  );

  it('the region in English fits one page too', async () => {
    await openBrief('region-inner-mongolia', '&lang=en');
    expect(await sheet().getAttribute('data-fits')).toBe('true');
    const { pages } = await printPdf('region-inner-mongolia-en');
    expect(pages).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });
});
