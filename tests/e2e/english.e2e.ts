import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanData } from '../../web/domain/plan/types.ts';
import { AppDriver } from './app-driver.ts';

const PLAN = JSON.parse(readFileSync(join(import.meta.dirname, '../../data/plan.json'), 'utf8')) as PlanData;
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
const REGION = 'region-inner-mongolia';

/**
 * English that reads as English (issue 9): with lang=en the zone panel shows the project's English titles of
 * chapters, sections, tasks and indicators, says once that they are an unofficial translation, and keeps the task
 * text in Chinese with the place mentions marked.
 */
let app: AppDriver;
beforeAll(async () => {
  app = await AppDriver.start();
});
afterAll(async () => {
  await app?.stop();
});

const panel = (zone: string) => app.page.locator(`.zone-panel[data-zone-id="${zone}"]`);
async function openZone(query: string, zone: string) {
  await app.open(query);
  await panel(zone).locator('.zone-tasks').waitFor();
}
const task = (id: string) => {
  const t = PLAN.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id}`);
  return t;
};

describe('English titles', () => {
  it('the region in English: English chapter › section headings and task titles, the note once', async () => {
    await openZone(`?zone=${REGION}&lang=en`, REGION);
    const p = panel(REGION);
    const note = p.locator('.note-titles-en');
    expect(await note.count()).toBe(1);
    expect(await note.textContent()).toContain('English titles: unofficial translation by this project');
    const summaries = await p.locator('details.task-group > summary').allTextContents();
    expect(summaries).toHaveLength(30);
    for (const s of summaries) expect(s).not.toMatch(CJK);
    const ch2 = PLAN.chapters[1];
    const s23 = ch2?.sections[2];
    const g23 = p.locator('details.task-group[data-section-id="2.3"]');
    expect(await g23.locator(':scope > summary').textContent()).toBe(
      `2. ${ch2?.titleEn} › 2.3 ${s23?.titleEn} (${s23?.taskIds.length})`,
    );
    const titles = await p.locator('.task-card .task-title').allTextContents();
    expect(titles).toHaveLength(96);
    for (const t of titles) expect(t).not.toMatch(CJK);
    for (const w of await p.locator('.task-card .task-where').allTextContents()) expect(w).not.toMatch(CJK);
    await g23.locator(':scope > summary').click();
    const card = g23.locator('.task-card[data-task-id="2.3.3"]');
    expect(await card.locator('.task-title').textContent()).toBe(task('2.3.3').titleEn);
    await card.locator('details > summary').click();
    const text = card.locator('.task-text');
    expect(await text.textContent()).toBe(task('2.3.3').text);
    expect(await text.getAttribute('lang')).toBe('zh-CN');
  });

  it('indicator names are English on the region', async () => {
    const rows = panel(REGION).locator('.zone-indicators li[data-indicator-id]');
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const id = await row.getAttribute('data-indicator-id');
      const name = await row.locator(':scope > strong').textContent();
      expect(name).toBe(PLAN.indicators.find((x) => x.id === id)?.en);
      expect(name).not.toMatch(CJK);
    }
  });

  it('a league in English: the task text stays Chinese with its place mentions marked', async () => {
    await openZone('?zone=league-alxa&lang=en', 'league-alxa');
    const p = panel('league-alxa');
    expect(await p.locator('.note-titles-en').count()).toBe(1);
    const card = p.locator('.task-card[data-task-id="2.3.3"]').first();
    expect(await card.locator('.task-title').textContent()).toBe(task('2.3.3').titleEn);
    await card.locator('details > summary').click();
    const text = card.locator('.task-text');
    expect(await text.textContent()).toBe(task('2.3.3').text);
    const marks = await text.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toMatch(CJK);
    expect(marks.join('')).toContain('阿拉善右旗');
  });

  it('in Chinese the titles are the outline’s own and no note is shown', async () => {
    await openZone(`?zone=${REGION}`, REGION);
    const p = panel(REGION);
    expect(await p.locator('.note-titles-en').count()).toBe(0);
    const card = p.locator('.task-card[data-task-id="2.3.3"]');
    expect(await card.locator('.task-title').textContent()).toBe(task('2.3.3').title);
  });

  it('no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
