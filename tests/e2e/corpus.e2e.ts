import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver } from './app-driver.ts';

/**
 * The import corpus (tests/corpus/manifest.json) uploaded into the screening panel of the built app, one family
 * per test. For every case: the expected message is shown (matched by its code on the message element, the text
 * naming the file), or the boundary is taken; the page raises no error; the project saved before, and the user
 * layer imported before, are intact afterwards; after a refused file the last good boundary stays.
 * Cases with `options.purpose: 'layer'` are user layers, not boundaries: they run through the CLI and the unit
 * runners only. Cases marked `pending` are uploaded too (the app must survive them) but their expectation is not
 * asserted until the named helper's fix lands.
 */

interface CorpusCase {
  file: string;
  family: string;
  expect: 'ok' | 'error';
  code?: string;
  options?: { purpose?: string; source?: string; [k: string]: unknown };
  pending?: string;
}
const CORPUS = join(import.meta.dirname, '..', 'corpus');
const FIX = join(import.meta.dirname, '..', 'unit', 'importers', 'fixtures');
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as { cases: CorpusCase[] };
/** Boundary cases the panel can express (it has a source selector, not the other import options). */
const boundaryCases = manifest.cases.filter(
  (c) => c.options?.purpose !== 'layer' && Object.keys(c.options ?? {}).every((k) => k === 'source'),
);
/** Import ok but refused by the check's project validation (overlapping parts): see tests/unit/cli/corpus-cli.test.ts. */
const SCREENING_REFUSES = new Set(['zip-duplicates/same-base-in-two-folders.zip']);
/**
 * Where the browser differs from the CLI today, awaiting the named helper's fix (turns red when fixed): the
 * browser's DOMParser drops an undefined external entity and reads the polygon, xmldom (CLI) refuses the file.
 */
const BROWSER_PENDING: Record<string, string> = {};
const families = [...new Set(boundaryCases.map((c) => c.family))];
const baseName = (f: string) => f.split('/').pop() as string;

let app: AppDriver;
const panel = () => app.page.locator('.screening-panel');
const pageErrors: string[] = [];
let lastGood = 'boundary.wkt';
let savedOutline: Polygon[] = [];
const PROJECT = '语料测试项目';

const projectOutline = async (): Promise<Polygon[]> =>
  ((await app.sourceData('overlay-screening-project'))?.features ?? []).map((f) => f.geometry as Polygon);

/** What the user had before the corpus: still there. */
async function expectIntact(): Promise<void> {
  expect(pageErrors, 'page errors').toEqual([]);
  await panel().locator('.project-list li', { hasText: PROJECT }).waitFor({ timeout: 5_000 });
  expect(await app.page.locator('.layer-row[data-layer-id="lakes"] .badge-user').count()).toBe(1);
}

beforeAll(async () => {
  app = await AppDriver.start();
  app.page.on('pageerror', (e) => pageErrors.push(String(e)));
  await app.open();
  // a user layer …
  await app.page.getByRole('button', { name: '说明: 湖泊', exact: true }).click();
  const dialog = app.page.locator('dialog.layer-info');
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'my-lakes.geojson',
    mimeType: 'application/geo+json',
    buffer: readFileSync(join(FIX, 'boundary-utf8.geojson')),
  });
  await dialog.locator('[data-user-layer="lakes"]').waitFor();
  await app.page.keyboard.press('Escape');
  // … and a saved project
  await app.openScreening();
  await app.chooseProjectFile(readFileSync(join(FIX, 'boundary.wkt')), 'boundary.wkt', {
    waitFor: '.boundary-summary:has-text("boundary.wkt")',
  });
  await panel().getByLabel('项目名称').fill(PROJECT);
  await panel().getByLabel('项目类型').selectOption('linear-infrastructure'); // saved with a declared type
  await panel().getByRole('button', { name: '保存项目' }).click();
  await panel().locator('.project-list li', { hasText: PROJECT }).waitFor();
  // the map follows the store after the panel paints: read its outline source once it has caught up
  // (expect.poll is for tests, not beforeAll)
  for (let i = 0; i < 100 && (await projectOutline()).length === 0; i++) await app.page.waitForTimeout(100);
  savedOutline = await projectOutline();
  expect(savedOutline.length).toBeGreaterThan(0);
});

afterAll(async () => {
  await app?.stop();
});

describe('the import corpus in the screening panel', () => {
  it('has boundary cases from every family the CLI runs', () => {
    expect(boundaryCases.length).toBeGreaterThan(50);
  });

  /** Uploads one case and returns how the outcome differs from the manifest (empty: as expected). */
  async function judge(c: CorpusCase): Promise<string[]> {
    const name = baseName(c.file);
    await panel()
      .getByLabel('坐标来源')
      .selectOption(String(c.options?.source ?? 'wgs84'));
    // the app answers either way: no wait here
    await app.chooseProjectFile(readFileSync(join(CORPUS, c.file)), name, {
      waitFor: null,
    });
    const summary = panel().locator('.boundary-summary');
    const taken = () => summary.filter({ hasText: name }).count();
    const named = panel().locator('.screening-messages li').filter({ hasText: name });
    // the app answers: the boundary is taken, or a message names the file
    await expect
      .poll(async () => (await taken()) > 0 || (await named.count()) > 0 || pageErrors.length > 0, {
        timeout: 30_000,
      })
      .toBe(true);
    if (pageErrors.length > 0) return [`page error: ${pageErrors.join(' | ')}`];
    const problems: string[] = [];
    const wasTaken = (await taken()) > 0;
    const before = lastGood;
    if (wasTaken) lastGood = name;
    if (c.expect === 'error') {
      const err = panel().locator(`.screening-messages li.msg-error[data-code="${c.code}"]`);
      if ((await err.count()) === 0) {
        const codes = await panel()
          .locator('.screening-messages li')
          .evaluateAll((els) => els.map((e) => `${e.className} ${e.getAttribute('data-code')}`));
        return [`expected error ${c.code}; ${wasTaken ? 'the boundary was taken' : codes.join(' | ')}`];
      }
      if (!((await err.first().textContent()) ?? '').includes(name))
        problems.push('message does not name the file');
      if (!((await summary.textContent()) ?? '').includes(before)) problems.push(`last good ${before} lost`);
      return problems;
    }
    if (!wasTaken) return ['expected the boundary to be taken'];
    if ((await panel().locator('.screening-messages li.msg-error').count()) > 0) problems.push('error shown');
    if (c.code && (await panel().locator(`.screening-messages li[data-code="${c.code}"]`).count()) === 0)
      problems.push(`expected warning ${c.code}`);
    return problems;
  }

  for (const family of families) {
    it(`${family}: every file gets its message or is taken, and nothing the user had is lost`, async () => {
      await app.openScreening();
      const wrong: string[] = [];
      const fixed: string[] = [];
      for (const c of boundaryCases.filter((x) => x.family === family)) {
        const problems = await judge(c);
        const pending = c.pending ?? BROWSER_PENDING[c.file];
        if (pending && problems.length === 0) fixed.push(`${c.file} now passes: remove pending (${pending})`);
        if (!pending) wrong.push(...problems.map((p) => `${c.file}: ${p}`));
        if (pageErrors.length > 0) break;
      }
      await panel().getByLabel('坐标来源').selectOption('wgs84');
      expect(wrong).toEqual([]);
      expect(fixed).toEqual([]);
      await expectIntact();
    });
  }

  it('an imported file the check refuses (overlapping parts) gives the check’s message, not a crash', async () => {
    const c = boundaryCases.find((x) => SCREENING_REFUSES.has(x.file));
    if (!c) return;
    await app.chooseProjectFile(readFileSync(join(CORPUS, c.file)), baseName(c.file), {
      waitFor: `.boundary-summary:has-text(${JSON.stringify(baseName(c.file))})`,
    });
    await panel().getByRole('button', { name: '开始审查' }).click();
    await panel().locator('.screening-results, .screening-error').first().waitFor({ timeout: 60_000 });
    expect(await panel().locator('.screening-results').count()).toBe(0);
    expect(await panel().locator('.screening-error li').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('after the whole corpus and a reload: the saved project opens with its outline, the user layer is there', async () => {
    await app.page.reload();
    await app.page.waitForFunction(() => window.__map !== undefined);
    await app.idle();
    await app.openScreening();
    await expectIntact();
    const item = panel().locator('.project-list li', { hasText: PROJECT });
    await item.getByRole('button', { name: '打开' }).click();
    await panel().locator('.boundary-summary').waitFor();
    await expect.poll(projectOutline).toEqual(savedOutline);
    expect(pageErrors).toEqual([]);
  });
});
