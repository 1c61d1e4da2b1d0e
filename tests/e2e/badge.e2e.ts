import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../layers/registry.ts';
import { parseCsv } from '../unit/report/rfc4180.ts';
import { AppDriver, rect } from './app-driver.ts';

/**
 * The honesty badge end to end: the red line is 示意 everywhere it is named (legend, zone panel, result table, CSV,
 * printed report) until the user replaces it with their own file; after that it is 用户数据 in each of those places
 * and 示意 in none. The first half is the control that lets the second half fail.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const REDLINE = LAYERS.find((l) => l.id === 'redline-illustrative');
if (!REDLINE) throw new Error('no redline-illustrative layer in the registry');
const RID = REDLINE.id;
const NAME = REDLINE.name.zh;

type Geom = Polygon | MultiPolygon;
const polys = (g: Geom): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
function bbox(g: Geom): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polys(g).flat(2)) {
    w = Math.min(w, p[0] as number);
    s = Math.min(s, p[1] as number);
    e = Math.max(e, p[0] as number);
    n = Math.max(n, p[1] as number);
  }
  return [w, s, e, n];
}

/** Even-odd point in (multi)polygon, and the distance (degrees) to the nearest edge. */
function inside(pt: [number, number], g: Position[][][]): boolean {
  let odd = false;
  for (const ring of g.flat(1))
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > pt[1] !== yj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) odd = !odd;
    }
  return odd;
}
function edgeDistance(pt: [number, number], g: Position[][][]): number {
  let best = Infinity;
  for (const ring of g.flat(1))
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1] as [number, number];
      const [bx, by] = ring[i] as [number, number];
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((pt[0] - ax) * dx + (pt[1] - ay) * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(pt[0] - ax - t * dx, pt[1] - ay - t * dy));
    }
  return best;
}
/** A point well inside a shape: the grid point farthest from its edges. */
function interiorPoint(g: Position[][][]): [number, number] {
  const [w, s, e, n] = bbox({ type: 'MultiPolygon', coordinates: g });
  let best: [number, number] | null = null;
  let bestD = -1;
  for (let i = 1; i < 30; i++)
    for (let j = 1; j < 30; j++) {
      const p: [number, number] = [w + ((e - w) * i) / 30, s + ((n - s) * j) / 30];
      if (!inside(p, g)) continue;
      const d = edgeDistance(p, g);
      if (d > bestD) [best, bestD] = [p, d];
    }
  if (!best) throw new Error('no interior point');
  return best;
}

const redline = JSON.parse(
  readFileSync(join(ROOT, 'data', 'layers', REDLINE.data), 'utf8'),
) as FeatureCollection<Geom>;
const hulun = redline.features.find((f) => String(f.properties?.zh ?? '').includes('呼伦湖'));
if (!hulun) throw new Error('no 呼伦湖 part in the red line');
const [hw, hs, he, hn] = bbox(hulun.geometry);
// the project: a rectangle across the eastern side of the 呼伦湖 red-line part
const project = rect(he - 0.3 * (he - hw), hs + 0.4 * (hn - hs), he + 0.15 * (he - hw), hs + 0.6 * (hn - hs));
const [pw, ps, pe, pn] = bbox(project);
// the user's official red line: one parcel across the middle of the project, named without any badge
const official = rect(pw + 0.3 * (pe - pw), ps - 0.05, pw + 0.6 * (pe - pw), pn + 0.05);
const OFFICIAL_NAME = '官方红线图斑甲';
const officialFile = {
  name: 'official-redline.geojson',
  mimeType: 'application/geo+json',
  buffer: Buffer.from(
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: OFFICIAL_NAME, zh: OFFICIAL_NAME }, geometry: official },
      ],
    }),
  ),
};

let app: AppDriver;
const panel = () => app.page.locator('.screening-panel');
const row = () => app.page.locator(`.layer-row[data-layer-id="${RID}"]`);

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
});

afterAll(async () => {
  await app?.stop();
});

/** What the user sees of the red line in each place, as text. */
interface Seen {
  legend: string;
  zonePanel: string;
  zoneId: string;
  table: string[];
  csv: string[][];
  reportDom: string[];
  pdf: string;
}

async function look(clickAt: [number, number]): Promise<Seen> {
  // legend
  const legend = (await row().textContent()) ?? '';

  // the zone panel of the red-line feature under a click
  const close = app.page.locator('.zone-panel button[aria-label="取消选择"]');
  if (await close.count()) await close.click();
  await app.idle();
  await app.clickLngLat(...clickAt);
  const zp = app.page.locator('.zone-panel');
  await zp.waitFor();
  const zoneId = (await zp.getAttribute('data-zone-id')) ?? '';
  await zp.locator('.zone-layer').waitFor();
  const zonePanel = (await zp.textContent()) ?? '';

  // the check and its result table
  await panel().getByRole('button', { name: '开始审查' }).click();
  await panel().locator('.screening-results, .screening-error').first().waitFor({ timeout: 60_000 });
  const rows = panel().locator(`.screening-results [data-layer-id="${RID}"]`);
  const table = await rows.allTextContents();

  // the CSV download
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    panel().getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  const csv = parseCsv(readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, ''));

  // the printed report, on screen and as PDF text
  await panel().getByRole('button', { name: '打印报告' }).click();
  const report = app.page.locator('.report-view[data-ready="true"]');
  await report.waitFor({ timeout: 60_000 });
  const reportDom = await report.locator(`[data-layer-id="${RID}"]`).allTextContents();
  const dir = mkdtempSync(join(tmpdir(), 'badge-'));
  const pdfFile = join(dir, 'report.pdf');
  writeFileSync(pdfFile, await app.page.pdf({ format: 'A4', printBackground: true }));
  const pdf = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  rmSync(dir, { recursive: true, force: true });
  await report.getByRole('button', { name: '返回' }).click();
  await report.waitFor({ state: 'detached' });
  return { legend, zonePanel, zoneId, table, csv, reportDom, pdf };
}

const csvRowsOf = (csv: string[][]) => {
  const [header, ...rows] = csv;
  const at = (name: string) => header?.indexOf(name) ?? -1;
  return rows
    .filter((r) => r[at('layer_id')] === RID)
    .map((r) => ({ cells: r, badge: r[at('badge')] ?? '', kind: r[0] }));
};

describe('one badge for the red line everywhere it is named', () => {
  it('says 示意 in the legend, zone panel, result table, CSV and printed report while the red line is built in', async () => {
    await app.openScreening();
    await panel().getByLabel('项目名称').fill('徽标测试项目');
    await app.chooseProjectFile(project, 'badge-case.geojson');
    await app.page.locator('details[data-group-id="redline"] > summary').click();
    await row().locator('input[type=checkbox]').check();
    await app.idle();

    const inHulun = polyclip.intersection(
      polys(project) as polyclip.Geom,
      polys(hulun.geometry) as polyclip.Geom,
    ) as Position[][][];
    const seen = await look(interiorPoint(inHulun));

    expect(seen.legend).toContain(NAME);
    expect(seen.legend).toContain('示意');
    expect(seen.zoneId).toBe(hulun.properties?.zoneId);
    expect(seen.zonePanel).toContain(NAME);
    expect(seen.zonePanel).toContain('示意');
    expect(seen.table.length).toBeGreaterThanOrEqual(2); // a feature row and the layer total
    for (const text of seen.table) expect(text).toContain('示意');
    const csv = csvRowsOf(seen.csv);
    expect(csv.some((r) => r.kind === 'feature')).toBe(true);
    for (const r of csv) expect(r.badge).toBe('示意');
    expect(seen.reportDom.length).toBeGreaterThan(0);
    for (const text of seen.reportDom) expect(text).toContain('示意');
    expect(seen.pdf).toContain(`${NAME}示意`);
    expect(seen.pdf).not.toContain(`${NAME}用户数据`);
  });

  it('says 用户数据 and never 示意 for it in all those places once the user replaced it with their own file', async () => {
    await row().getByRole('button', { name: /^说明/ }).click();
    const dialog = app.page.locator('dialog.layer-info');
    await dialog.locator('input[type=file]').setInputFiles(officialFile);
    await dialog.locator(`[data-user-layer="${RID}"]`).waitFor();
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await app.idle();

    const inOfficial = polyclip.intersection(
      polys(project) as polyclip.Geom,
      polys(official) as polyclip.Geom,
    ) as Position[][][];
    const seen = await look(interiorPoint(inOfficial));

    expect(seen.legend).toContain(NAME);
    expect(seen.legend).toContain('用户数据');
    expect(seen.legend).not.toContain('示意');

    expect(seen.zoneId).not.toBe(hulun.properties?.zoneId);
    expect(seen.zoneId.startsWith(`user-${RID}-`)).toBe(true);
    expect(seen.zonePanel).toContain(OFFICIAL_NAME);
    expect(seen.zonePanel).toContain(NAME);
    expect(seen.zonePanel).toContain('用户数据');
    expect(seen.zonePanel).not.toContain('示意');

    expect(seen.table.length).toBeGreaterThanOrEqual(2);
    expect(seen.table.join('\n')).toContain(OFFICIAL_NAME);
    for (const text of seen.table) {
      expect(text).toContain('用户数据');
      expect(text).not.toContain('示意');
    }

    const csv = csvRowsOf(seen.csv);
    expect(csv.some((r) => r.kind === 'feature' && r.cells.includes(OFFICIAL_NAME))).toBe(true);
    for (const r of csv) {
      expect(r.badge).toBe('用户数据');
      for (const cell of r.cells) expect(cell).not.toContain('示意');
    }

    expect(seen.reportDom.length).toBeGreaterThan(0);
    for (const text of seen.reportDom) {
      expect(text).toContain('用户数据');
      expect(text).not.toContain('示意');
    }
    expect(seen.pdf).toContain(`${NAME}用户数据`);
    expect(seen.pdf).toContain(OFFICIAL_NAME);
    expect(seen.pdf).not.toContain(`${NAME}示意`);
    expect(seen.pdf).not.toContain(`${NAME}（示意）`);
  });

  it('logged no console errors and made no request outside its origin', () => {
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
