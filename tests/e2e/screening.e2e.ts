import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../layers/registry.ts';
import { multiPolygonArea, polygonArea } from '../../web/domain/geo/ellipsoid.ts';
import { AppDriver } from './app-driver.ts';

/**
 * The screening UI end to end. Expected areas never come from the app: they are computed here with polyclip-ts
 * (clip) and GeographicLib (web/domain/geo/ellipsoid.ts, ellipsoidal area) from the layer file on disk and the
 * boundary the app holds.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const REDLINE = LAYERS.find((l) => l.zoneType === 'redline' || l.group === 'redline');
const redlineData = (): FeatureCollection<Polygon | MultiPolygon> => {
  if (!REDLINE)
    throw new Error('no layer with zoneType "redline" in layers/registry.ts: nothing to screen against');
  return JSON.parse(readFileSync(join(ROOT, 'data', 'layers', REDLINE.data), 'utf8'));
};
const featureByName = (fc: FeatureCollection<Polygon | MultiPolygon>, part: string) => {
  const f = fc.features.find((x) => String(x.properties?.zh ?? '').includes(part));
  if (!f) throw new Error(`no red-line feature named …${part}…`);
  return f;
};
const polys = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/** Independent overlap of a boundary with each feature of a layer: polyclip-ts + GeographicLib. */
function expectedOverlaps(boundary: Polygon | MultiPolygon, fc: FeatureCollection<Polygon | MultiPolygon>) {
  const out = new Map<string, number>();
  for (const f of fc.features) {
    const clipped = polyclip.intersection(
      polys(boundary) as polyclip.Geom,
      polys(f.geometry) as polyclip.Geom,
    ) as Position[][][];
    const a = multiPolygonArea(clipped);
    if (a > 1e-6) out.set(String(f.properties?.zoneId), a);
  }
  return out;
}

function bbox(g: Polygon | MultiPolygon): [number, number, number, number] {
  const pts = polys(g).flat(2);
  const xs = pts.map((p) => p[0] as number);
  const ys = pts.map((p) => p[1] as number);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

const rect = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const fileOf = (name: string, text: string | Buffer, mimeType = 'application/octet-stream') => ({
  name,
  mimeType,
  buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
});

let app: AppDriver;
const panel = () => app.page.locator('.screening-panel');

async function openPanel(): Promise<void> {
  if (!(await panel().isVisible())) await app.page.getByRole('button', { name: '选址审查' }).click();
  await panel().waitFor();
}

async function upload(files: ReturnType<typeof fileOf>[]): Promise<void> {
  await panel().locator('input.screening-file[type=file][multiple]').setInputFiles(files);
}

async function runCheck(): Promise<void> {
  await panel().getByRole('button', { name: '开始审查' }).click();
  await panel().locator('.screening-results, .screening-error').first().waitFor({ timeout: 60_000 });
  const err = panel().locator('.screening-error');
  if (await err.count()) throw new Error(`check failed: ${await err.first().textContent()}`);
}

const num = async (sel: string, attr = 'data-area-m2') =>
  Number(await panel().locator(sel).first().getAttribute(attr));

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
});

afterAll(async () => {
  await app?.stop();
});

describe('screening a project against the red line', () => {
  it('uploads a GeoJSON boundary across the red line and reports the overlap computed independently', async () => {
    const fc = redlineData();
    const lake = featureByName(fc, '呼伦湖');
    const [w, s, e, n] = bbox(lake.geometry);
    // a rectangle across the lake outline's eastern side
    const project = rect(e - 0.3 * (e - w), s + 0.4 * (n - s), e + 0.15 * (e - w), s + 0.6 * (n - s));
    const expected = expectedOverlaps(project, fc);
    const projectArea = polygonArea(project.coordinates);
    const lakeOverlap = expected.get(String(lake.properties?.zoneId)) ?? 0;
    expect(lakeOverlap).toBeGreaterThan(0); // the set-up really crosses the boundary…
    expect(lakeOverlap).toBeLessThan(projectArea * 0.99); // …and is not inside it

    await openPanel();
    await panel().getByLabel('项目名称').fill('呼伦湖东岸输电线路');
    await upload([
      fileOf(
        'hulun-east.geojson',
        JSON.stringify({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: {}, geometry: project }],
        }),
        'application/geo+json',
      ),
    ]);
    await panel().locator('.boundary-summary').waitFor();
    await runCheck();

    // project area: ellipsoidal
    expect(await num('.project-area')).toBeCloseTo(projectArea, 0);
    expect(Math.abs((await num('.project-area')) / projectArea - 1)).toBeLessThan(1e-9);
    // every red-line feature the boundary crosses, and no other
    const rows = panel().locator(`.overlap-row[data-layer-id="${REDLINE?.id}"]`);
    const got = new Map<string, number>();
    for (const r of await rows.all())
      got.set(String(await r.getAttribute('data-zone-id')), Number(await r.getAttribute('data-area-m2')));
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, a] of expected) expect(Math.abs((got.get(id) ?? 0) / a - 1)).toBeLessThan(1e-6);
    // the row shows m², 公顷 and 亩 and the share, rounded as reports do
    const row = rows.filter({ hasText: '呼伦湖' });
    const cells = await row.locator('td').allTextContents();
    expect(cells).toContain(lakeOverlap.toFixed(1));
    expect(cells).toContain((lakeOverlap / 10_000).toFixed(2));
    expect(cells).toContain(((lakeOverlap / 10_000) * 15).toFixed(2));
    expect(cells).toContain(`${((lakeOverlap / projectArea) * 100).toFixed(2)}%`);
    // layer total
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(Math.abs((await num(`.layer-total[data-layer-id="${REDLINE?.id}"]`)) / total - 1)).toBeLessThan(
      1e-6,
    );

    // linear infrastructure (the default type) inside the red line needs a 不可避让论证 (自然资发〔2022〕142号)
    const v = panel().locator('.verdict[data-zone-type="redline"]');
    expect(await v.getAttribute('data-verdict')).toBe('needs-justification');
    expect(await v.textContent()).toContain('不可避让');
    expect(await panel().textContent()).toContain('示意');
    expect(await panel().locator('.screening-method').textContent()).toContain('椭球');

    // the overlap is drawn on the map
    await app.idle();
    const drawn = await app.page.evaluate(
      () => window.__map?.queryRenderedFeatures({ layers: ['overlay-screening-overlap-fill'] }).length ?? 0,
    );
    expect(drawn).toBeGreaterThan(0);
    const overlapSource = await app.sourceData('overlay-screening-overlap');
    const mapped = (overlapSource?.features ?? []).reduce(
      (s, f) => s + multiPolygonArea((f.geometry as MultiPolygon).coordinates),
      0,
    );
    expect(Math.abs(mapped / total - 1)).toBeLessThan(1e-6);
  });

  it('gives the verdict of the declared type: mining inside the red line is prohibited', async () => {
    await panel().getByLabel('项目类型').selectOption('mining');
    expect(await panel().locator('.screening-results').count()).toBe(0); // the old result went stale
    await runCheck();
    expect(await panel().locator('.verdict[data-zone-type="redline"]').getAttribute('data-verdict')).toBe(
      'prohibited',
    );
    await panel().getByLabel('项目类型').selectOption('linear-infrastructure');
  });

  it('reports the distance to the nearest boundary and the features within the buffers when outside', async () => {
    const fc = redlineData();
    const lake = featureByName(fc, '岱海');
    const [, s, e, n] = bbox(lake.geometry);
    // 0.02° east of the lake outline's bbox: outside, within a few km
    const project = rect(e + 0.02, (s + n) / 2 - 0.005, e + 0.03, (s + n) / 2 + 0.005);
    expect(expectedOverlaps(project, fc).size).toBe(0);
    await upload([fileOf('daihai-east.geojson', JSON.stringify(project))]);
    await panel().getByLabel('缓冲距离（米，逗号分隔）').fill('500, 1000, 5000');
    await runCheck();
    expect(await panel().locator('.overlap-row').count()).toBe(0);
    const d = await num('.nearest', 'data-distance-m');
    // lower bound: the gap to the bbox (≥ 0.02° of longitude at this latitude); upper bound: 0.02° + the bbox
    const kmPerDegLon = 111.32 * Math.cos((((s + n) / 2) * Math.PI) / 180);
    expect(d).toBeGreaterThan(0.02 * kmPerDegLon * 1000 * 0.99);
    expect(d).toBeLessThan(5000);
    // within 5 km the lake appears; within 500 m it does not
    expect(await panel().locator('.buffer-list li[data-buffer-m="500"]').getAttribute('data-count')).toBe(
      '0',
    );
    expect(await panel().locator('.buffer-list li[data-buffer-m="5000"]').textContent()).toContain(
      String(lake.properties?.zoneId),
    );
    expect(await panel().locator('.verdict-none').count()).toBe(1);
  });
});
