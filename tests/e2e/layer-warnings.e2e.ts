import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerById } from '../../layers/registry.ts';
import { AppDriver } from './app-driver.ts';

/**
 * A layer whose data cannot give a sure answer is never reported as a plain "no overlap": the red line replaced by
 * a user file with a self-intersecting (bowtie) feature next to the project is checked with its warning shown in
 * the result table and the printed report; a layer the worker refuses (projected metres) lists what is wrong and
 * where, and the boundary, the saved project and the user's layer stay. Also: the layer-info dialog shows importer
 * messages through the one message list (the file name once), and the buffer field refuses what the CLI refuses.
 */

const RID = 'redline-illustrative';
const PARKS = layerById('thematic-parks');
if (!PARKS) throw new Error('no thematic-parks layer in the registry');

const ring = (pts: [number, number][]): Polygon => ({
  type: 'Polygon',
  coordinates: [[...pts, pts[0] as [number, number]]],
});
const project = ring([
  [111.0, 42.0],
  [111.02, 42.0],
  [111.02, 42.02],
  [111.0, 42.02],
]);
// about 800 m east of the project: not overlapping it, within the 1 km buffer; its edges cross at (111.042, 42.012)
// (lobes of unequal size: a symmetric bowtie has no signed area and the importer refuses it outright)
const BOWTIE_NAME = '蝴蝶结图斑';
const bowtie = ring([
  [111.03, 42.0],
  [111.05, 42.02],
  [111.05, 42.0],
  [111.03, 42.03],
]);
const USER_FILE = 'bowtie-redline.geojson';
const userFile = {
  name: USER_FILE,
  mimeType: 'application/geo+json',
  buffer: Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: BOWTIE_NAME, zh: BOWTIE_NAME }, geometry: bowtie }],
    }),
  ),
};
// the parks layer as a server might wrongly deliver it: Gauss–Krüger metres instead of lon/lat
const projectedParks = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { zoneId: 'park-x', zh: '米制公园' },
      geometry: ring([
        [500000, 4650000],
        [501000, 4650000],
        [501000, 4651000],
        [500000, 4651000],
      ]),
    },
  ],
});

let app: AppDriver;
const panel = () => app.page.locator('.screening-panel');
const row = () => app.page.locator(`.layer-row[data-layer-id="${RID}"]`);
const PROJECT_NAME = '图层警告测试';

beforeAll(async () => {
  app = await AppDriver.start({ serviceWorkers: 'block' }); // the parks layer is replaced through app.route
  await app.open();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
});

/** Serving the parks layer's file as `projectedParks`, from before the import until the refusal test is done. */
let unrouteParks: (() => Promise<void>) | null = null;

async function runCheck(): Promise<void> {
  await panel().getByRole('button', { name: '开始审查' }).click();
  await panel().locator('.screening-results, .screening-error').first().waitFor({ timeout: 60_000 });
}

describe('layer problems are shown, never hidden behind "no overlap"', () => {
  it('replaces the red line with a user file holding a bowtie; the dialog names the file once per message', async () => {
    // an import has the screening worker load the built-in layers a check reads at once (as a reload does): the
    // parks layer is served wrongly from before it, for the refusal test below
    unrouteParks = await app.route(`**/${PARKS.data.replace(/\.geojson$/, '')}-*.geojson`, (r) =>
      r.fulfill({ status: 200, contentType: 'application/geo+json', body: projectedParks }),
    );
    await app.page.locator('details[data-group-id="redline"] > summary').click();
    await row().getByRole('button', { name: /^说明/ }).click();
    const dialog = app.page.locator('dialog.layer-info');
    await dialog.locator('input[type=file]').setInputFiles(userFile);
    await dialog.locator(`[data-user-layer="${RID}"]`).waitFor();
    const warning = dialog.locator('.import-messages li.msg-warning').first();
    await warning.waitFor();
    const text = (await warning.textContent()) ?? '';
    expect(text).toMatch(/自相交/);
    expect(text.split(USER_FILE).length - 1).toBe(1); // the message's own text names the file; nothing repeats it
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('a refused layer lists what is wrong and where; boundary, saved project and user layer stay', async () => {
    await app.openScreening();
    await panel().getByLabel('项目名称').fill(PROJECT_NAME);
    // a project is saved with its declared type (a new one has none)
    await panel().getByLabel('项目类型').selectOption('linear-infrastructure');
    await app.chooseProjectFile(project, 'site.geojson');
    await panel().getByRole('button', { name: '保存项目' }).click();
    await panel().locator('.project-list li', { hasText: PROJECT_NAME }).waitFor();

    expect(unrouteParks).not.toBeNull();
    await runCheck();
    const refused = panel().locator('.layer-refused');
    await refused.waitFor();
    const lines = await refused.locator('li').allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    const notLonLat = lines.find((l) => l.includes(PARKS.name.zh) && l.includes('500000'));
    expect(notLonLat, lines.join('\n')).toBeDefined();
    expect(await refused.locator('li[data-code="layer-not-lonlat"]').count()).toBe(1);
    expect(await panel().locator('.screening-results').count()).toBe(0);
    // nothing the user had is gone
    expect(await panel().locator('.boundary-summary').count()).toBe(1);
    expect(await panel().locator('.project-list li', { hasText: PROJECT_NAME }).count()).toBe(1);
    expect(await row().locator('.badge-user').count()).toBe(1);
    await unrouteParks?.();
    unrouteParks = null;
  });

  it('the buffer field refuses what the CLI refuses, naming the token', async () => {
    const field = panel().getByLabel('缓冲距离（米，逗号分隔）');
    await field.fill('500, -5, Infinity');
    const errors = panel().locator('.buffer-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('“-5”');
    expect(text).toContain('“Infinity”');
    expect(await panel().getByRole('button', { name: '开始审查' }).isDisabled()).toBe(true);
    await field.fill('500, 1km');
    await errors.waitFor({ state: 'detached' });
    expect(await panel().getByRole('button', { name: '开始审查' }).isDisabled()).toBe(false);
  });

  it('checks against the bowtie layer: "no overlap" comes with the invalid-geometry warning in result and report', async () => {
    await runCheck();
    const results = panel().locator('.screening-results');
    await results.waitFor();
    const total = results.locator(`.layer-total[data-layer-id="${RID}"]`);
    const totalText = (await total.textContent()) ?? '';
    expect(totalText).toContain('不重叠');
    expect(totalText).toContain('见下方警告');
    const warn = results.locator('.layer-warnings li[data-code="layer-invalid-geometry"]');
    expect(await warn.count()).toBe(1);
    const warnText = (await warn.textContent()) ?? '';
    expect(warnText).toContain('几何无效');
    expect(warnText).toContain('111.042000, 42.012000'); // where its edges cross (worked out by hand above)
    // the feature it names is the one the check reported within the 1 km buffer
    const fid = /user-redline-illustrative-\d+/.exec(warnText)?.[0];
    expect(fid).toBeDefined();
    const within = results.locator('.buffer-list li[data-buffer-m="1000"]');
    expect(await within.getAttribute('data-zone-ids')).toContain(fid);
    expect(await within.textContent()).toContain(BOWTIE_NAME); // named by its name, not its id

    await panel().getByRole('button', { name: '打印报告' }).click();
    const report = app.page.locator('.report-view[data-ready="true"]');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.locator('.layer-warnings li[data-code="layer-invalid-geometry"]').textContent()).toBe(
      warnText,
    );
    const dir = mkdtempSync(join(tmpdir(), 'layer-warnings-'));
    const pdfFile = join(dir, 'report.pdf');
    writeFileSync(pdfFile, await app.page.pdf({ format: 'A4', printBackground: true }));
    const pdf = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(pdf).toContain('图层数据警告');
    expect(pdf).toContain(`有1个要素几何无效`);
    expect(pdf).toContain('111.042000,42.012000');
    await report.getByRole('button', { name: '返回' }).click();
    await report.waitFor({ state: 'detached' });
  });
});
