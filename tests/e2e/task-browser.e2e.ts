import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanData } from '../../web/domain/plan/types.ts';
import { AppDriver } from './app-driver.ts';

/**
 * The task browser (issue 9, view=tasks): every task of the plan by chapter › section; filters that narrow the
 * list and say how many are shown; a chosen task (task=2.3.3) with its text marked, its places as links, outlined
 * and framed on the map; the coverage map of the leagues with a legend and hover counts equal to the zone panel's.
 */
const ROOT = join(import.meta.dirname, '../..');
const PLAN = JSON.parse(readFileSync(join(ROOT, 'data/plan.json'), 'utf8')) as PlanData;
const INDEX = JSON.parse(readFileSync(join(ROOT, 'data/zone-index.json'), 'utf8')) as Record<
  string,
  { layerId: string; bbox: [number, number, number, number] }
>;
const TOTAL = PLAN.tasks.length;
const task = (id: string) => {
  const t = PLAN.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id}`);
  return t;
};

let app: AppDriver;
beforeAll(async () => {
  app = await AppDriver.start();
});
afterAll(async () => {
  await app?.stop();
});

const browser = () => app.page.locator('.task-browser');
const shownText = () => browser().locator('.task-shown').textContent();
const param = (name: string) =>
  app.page.evaluate((n) => new URL(window.location.href).searchParams.get(n), name);
const items = () =>
  browser()
    .locator('.task-item')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id') ?? ''));

async function openBrowser(query = '') {
  await app.open(`?view=tasks${query}`);
  await browser().waitFor();
}

describe('task browser', () => {
  it('?view=tasks lists every task of plan.json by chapter › section, with counts', async () => {
    await openBrowser();
    expect(await shownText()).toBe(`显示 ${TOTAL} / ${TOTAL} 项`);
    expect(await items()).toEqual(PLAN.tasks.map((t) => t.id));
    const chapters = browser().locator('details.task-chapter');
    expect(await chapters.count()).toBe(PLAN.chapters.length);
    for (const c of PLAN.chapters) {
      const n = PLAN.tasks.filter((t) => t.chapterNo === c.no).length;
      expect(
        await browser().locator(`details.task-chapter[data-chapter="${c.no}"] > summary`).textContent(),
      ).toBe(`${c.numeral}、${c.title} (${n})`);
    }
    expect(await browser().locator('details.task-section').count()).toBe(
      PLAN.chapters.reduce((n, c) => n + c.sections.length, 0),
    );
    // folded: nothing but the chapter headings shows
    expect(await browser().locator('details.task-chapter[open]').count()).toBe(0);
    expect(await browser().locator('.task-item').first().isVisible()).toBe(false);
  });

  it('filters narrow the list and the count follows; clearing brings all back', async () => {
    await openBrowser();
    const horizon = browser().locator('select[data-filter="horizon"]');
    const option = (await horizon.locator('option[value="2030"]').textContent()) ?? '';
    const n2030 = Number(/（(\d+)）/.exec(option)?.[1]);
    expect(option).toBe(`含2030年目标（${n2030}）`);
    await horizon.selectOption('2030');
    expect(await shownText()).toBe(`显示 ${n2030} / ${TOTAL} 项`);
    const ids2030 = await items();
    expect(ids2030.length).toBe(n2030);
    // the year is in the task text, or a target of an indicator drawn from the task
    for (const id of ids2030) {
      const t = task(id);
      const targetYears = PLAN.indicators
        .filter((i) => i.taskId === id)
        .flatMap((i) => i.targets.map((x) => x.year));
      expect(t.text.includes('2030') || targetYears.includes(2030), id).toBe(true);
    }
    expect(ids2030).not.toContain('2.3.3');
    // matches show: their groups open
    expect(await browser().locator('.task-item').first().isVisible()).toBe(true);

    await browser().locator('select[data-filter="chapter"]').selectOption('2');
    const both = await items();
    expect(both).toEqual(ids2030.filter((id) => id.startsWith('2.')));
    expect(await shownText()).toBe(`显示 ${both.length} / ${TOTAL} 项`);

    await browser().getByRole('button', { name: '清除筛选' }).click();
    expect(await shownText()).toBe(`显示 ${TOTAL} / ${TOTAL} 项`);

    await browser().locator('select[data-filter="kind"]').selectOption('desert');
    const deserts = await items();
    expect(deserts).toContain('2.3.3');
    expect(deserts.length).toBeLessThan(TOTAL);
    await browser().locator('input[data-filter="text"]').fill('巴丹吉林');
    expect(await items()).toEqual(PLAN.tasks.filter((t) => t.text.includes('巴丹吉林')).map((t) => t.id));
    expect(await shownText()).toBe(`显示 1 / ${TOTAL} 项`);
  });

  it('?view=tasks&task=2.3.3: its text with the places marked, its zones outlined and framed', async () => {
    await openBrowser('&task=2.3.3');
    const detail = browser().locator('.task-detail[data-task-id="2.3.3"]');
    await detail.waitFor();
    expect(await detail.isVisible()).toBe(true);
    const t = task('2.3.3');
    expect(await detail.locator('.task-text').textContent()).toBe(t.text);
    const marks = await detail.locator('.task-text mark').allTextContents();
    for (const m of t.mentions) expect(marks).toContain(m.text);
    expect(marks).toContain('重点风沙口和沙尘路径区');
    // its places are links (those the map draws), schematic ones badged 示意
    const onMap = t.zones.filter((z) => INDEX[z]);
    expect(onMap.length).toBeGreaterThan(0);
    for (const z of onMap) await detail.locator(`.place-link[data-zone-id="${z}"]`).waitFor();
    expect(await detail.locator('li[data-zone-id="desert-tengger"] .badge-schematic').textContent()).toBe(
      '示意',
    );

    // outlined on the map: a highlight layer on each of their layers, filtering to exactly the task's zones
    await app.page.waitForFunction(
      (ids) => ids.every((l) => window.__map?.getLayer(`highlight-${l}`)),
      [...new Set(onMap.map((z) => INDEX[z]?.layerId as string))],
    );
    for (const z of onMap) {
      const filter = await app.page.evaluate(
        (l) => JSON.stringify(window.__map?.getFilter(`highlight-${l}`)),
        INDEX[z]?.layerId as string,
      );
      expect(filter, z).toContain(`"${z}"`);
    }
    const boxes = onMap.map((z) => INDEX[z]?.bbox as [number, number, number, number]);
    const box: [number, number, number, number] = [
      Math.min(...boxes.map((b) => b[0])),
      Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])),
      Math.max(...boxes.map((b) => b[3])),
    ];
    // framed: the box round all of them fills the part of the map the task browser leaves free
    await app.page.waitForFunction(
      (b: [number, number, number, number]) => {
        const m = window.__map;
        const panel = document.querySelector('.view-panel')?.getBoundingClientRect();
        if (!m || !panel || m.isMoving()) return false;
        const canvas = m.getCanvas().getBoundingClientRect();
        const sw = m.project([b[0], b[1]]);
        const ne = m.project([b[2], b[3]]);
        const free = { left: panel.right - canvas.left, right: canvas.width, top: 0, bottom: canvas.height };
        const inside =
          sw.x >= free.left - 2 && ne.x <= free.right + 2 && ne.y >= free.top - 2 && sw.y <= free.bottom + 2;
        const fills =
          ne.x - sw.x >= 0.5 * (free.right - free.left) || sw.y - ne.y >= 0.5 * (free.bottom - free.top);
        return inside && fills;
      },
      box,
      { timeout: 15_000 },
    );
    await app.idle();
    const outlined = await app.renderedZoneIds('highlight-thematic-sands');
    expect(outlined).toEqual(expect.arrayContaining(['desert-badain-jaran', 'desert-tengger']));

    // a place opens its zone
    await detail.locator('.place-link[data-zone-id="desert-tengger"]').click();
    await app.page.locator('.zone-panel[data-zone-id="desert-tengger"]').waitFor();
    expect(await param('zone')).toBe('desert-tengger');

    // deselecting clears the outlines
    await detail.getByRole('button', { name: '取消选择' }).click();
    await app.page.waitForFunction(() =>
      window.__map?.getStyle().layers.every((l) => !l.id.startsWith('highlight-')),
    );
    expect(await browser().locator('.task-detail').count()).toBe(0);
  });

  it('a point zone a task names (a carbon-peak pilot city) gets a ring (a line layer draws nothing round a point)', async () => {
    await openBrowser('&task=3.1.1');
    await app.page.waitForFunction(
      () => window.__map?.getLayer('highlight-thematic-pilots-points') !== undefined,
    );
    await app.idle();
    const ringed = await app.renderedZoneIds('highlight-thematic-pilots-points');
    expect(ringed).toEqual(expect.arrayContaining(['pilot-carbon-peak-baotou']));
  });

  it('an indicator drawn from a task opens in the dashboard', async () => {
    const ind = PLAN.indicators.find((i) => i.taskId === '2.2.4');
    if (!ind) throw new Error('2.2.4 yields no indicator');
    await openBrowser('&task=2.2.4');
    const link = browser().locator(`.task-detail .indicator-link[data-indicator-id="${ind.id}"]`);
    expect(await link.textContent()).toBe(ind.name);
    await link.click();
    await app.page.locator('.view-panel[aria-label="指标看板"]').waitFor();
    await app.page.waitForFunction(
      (id) => new URL(window.location.href).searchParams.get('indicator') === id,
      ind.id,
    );
    expect(await param('view')).toBe('indicators');
  });

  it('keyboard: arrows through the tree, Enter opens a task', async () => {
    await openBrowser();
    const first = browser().locator('details.task-chapter').first().locator(':scope > summary');
    await first.focus();
    await app.page.keyboard.press('ArrowRight'); // open chapter 一
    await app.page.keyboard.press('ArrowDown'); // its first section
    await app.page.keyboard.press('ArrowRight'); // open it
    await app.page.keyboard.press('ArrowDown'); // its first task
    const firstTask = PLAN.chapters[0]?.sections[0]?.taskIds[0] as string;
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-task-id'))).toBe(
      firstTask,
    );
    await app.page.keyboard.press('ArrowDown');
    const second = PLAN.chapters[0]?.sections[0]?.taskIds[1] ?? PLAN.chapters[0]?.sections[1]?.id;
    const now = await app.page.evaluate(
      () =>
        document.activeElement?.getAttribute('data-task-id') ??
        document.activeElement?.parentElement?.getAttribute('data-section-id'),
    );
    expect(now).toBe(second);
    await app.page.keyboard.press('ArrowUp');
    await app.page.keyboard.press('Enter');
    await browser().locator(`.task-detail[data-task-id="${firstTask}"]`).waitFor();
    await app.page.waitForFunction(
      (id) => new URL(window.location.href).searchParams.get('task') === id,
      firstTask,
    );
    // ArrowLeft from a task goes to its section heading
    await browser().locator(`.task-item[data-task-id="${firstTask}"]`).focus();
    await app.page.keyboard.press('ArrowLeft');
    expect(await app.page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
  });

  it('coverage map: the 12 leagues coloured, legend counts sum to 12, hover says the zone panel’s count', async () => {
    await openBrowser();
    await browser().getByRole('button', { name: '覆盖图' }).click();
    const legend = app.page.locator('.zone-paint-legend');
    await legend.waitFor();
    expect(await legend.locator('h2').textContent()).toBe('任务覆盖：盟市');
    const counts = (await legend.locator('.zone-paint-count').allTextContents()).map((s) =>
      Number(s.replace(/[()]/g, '')),
    );
    expect(counts.length).toBeGreaterThan(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
    expect(await legend.locator('.zone-paint-note').textContent()).toContain('每项任务计一次');
    await app.page.waitForFunction(() => window.__map?.getLayer('paint-leagues'));
    await app.idle();
    expect((await app.renderedZoneIds('paint-leagues')).length).toBe(12);
    expect(await param('paint')).toBe('coverage:leagues');

    // a point of a league the map shows, where the league is the topmost zone and no panel covers the map
    const spot = await app.page.evaluate(() => {
      const map = window.__map;
      if (!map) throw new Error('no map');
      const canvas = map.getCanvas().getBoundingClientRect();
      for (let y = 40; y < canvas.height - 40; y += 20)
        for (let x = 40; x < canvas.width - 40; x += 20) {
          const px = canvas.left + x;
          const py = canvas.top + y;
          if (document.elementFromPoint(px, py) !== map.getCanvas()) continue;
          const top = map
            .queryRenderedFeatures([x, y])
            .find((f) => (f.layer.metadata as { interactive?: boolean } | undefined)?.interactive);
          const id = top?.properties?.zoneId;
          if (top?.layer.id === 'leagues-fill' && typeof id === 'string') return { x: px, y: py, id };
        }
      return null;
    });
    if (!spot) throw new Error('no league showing on the map');
    await app.page.mouse.move(spot.x, spot.y);
    const hover = legend.locator('.zone-paint-hover');
    await app.page.waitForFunction(() => document.querySelector('.zone-paint-hover')?.textContent !== '');
    const said = Number(/：(\d+) 项任务/.exec((await hover.textContent()) ?? '')?.[1]);
    await app.page.mouse.click(spot.x, spot.y);
    const panel = app.page.locator(`.zone-panel[data-zone-id="${spot.id}"] .zone-tasks > h3`);
    await panel.waitFor();
    expect(await panel.textContent()).toBe(`规划任务 (${said})`);

    // another layer from the select; the button takes the colours off
    await browser().locator('.coverage-control select').selectOption('rivers');
    expect(await legend.locator('h2').textContent()).toBe('任务覆盖：主要河流');
    expect(await param('paint')).toBe('coverage:rivers');
    await browser().getByRole('button', { name: '覆盖图' }).click();
    await legend.waitFor({ state: 'detached' });
  });

  it('no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
