import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../layers/registry.ts';
import { multiPolygonArea, polygonArea } from '../../web/domain/geo/ellipsoid.ts';
import { AppDriver, rect } from './app-driver.ts';

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

const fileOf = (name: string, text: string | Buffer, mimeType = 'application/octet-stream') => ({
  name,
  mimeType,
  buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text,
});

let app: AppDriver;
const panel = () => app.page.locator('.screening-panel');

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
  // after every test in the file, whatever its order: no console error (CSP violations included)
  await app?.stopExpectingNoErrors();
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

    await app.openScreening();
    await panel().getByLabel('项目名称').fill('呼伦湖东岸输电线路');
    await app.chooseProjectFile(project, 'hulun-east.geojson');
    // the map moves to the uploaded boundary
    await app.idle();
    const view = (await app.page.evaluate(() => window.__map?.getBounds().toArray())) as number[][];
    const [pw, ps, pe, pn] = bbox(project);
    expect(view[0]?.[0]).toBeLessThan(pw);
    expect(view[0]?.[1]).toBeLessThan(ps);
    expect(view[1]?.[0]).toBeGreaterThan(pe);
    expect(view[1]?.[1]).toBeGreaterThan(pn);
    expect((view[1]?.[0] ?? 0) - (view[0]?.[0] ?? 0)).toBeLessThan(10);
    // a new project declares no type: the check gives the figures and no verdict, and says why
    expect(await panel().getByLabel('项目类型').inputValue()).toBe('');
    await runCheck();
    expect(await panel().locator('.verdict').count()).toBe(0);
    expect(await panel().locator('.layer-section .section-note[data-note="no-type"]').count()).toBe(
      await panel().locator('.layer-section[data-status="checked"]').count(),
    );
    await panel().getByLabel('项目类型').selectOption('linear-infrastructure');
    await runCheck();
    // the red line it touches is switched on (the map follows the painted table); each of its rows shows the 示意
    // badge once, beside plain names
    await expect
      .poll(() =>
        app.page.locator(`.layer-row[data-layer-id="${REDLINE?.id}"] input[type=checkbox]`).isChecked(),
      )
      .toBe(true);
    const redRows = await panel().locator(`.overlap-row[data-layer-id="${REDLINE?.id}"]`).all();
    expect(redRows.length).toBeGreaterThan(0);
    for (const r of redRows) {
      expect(await r.locator('.badge-schematic').count()).toBe(1);
      expect(await r.locator('td').nth(1).textContent()).not.toMatch(/示意|schematic|illustrative/i);
    }
    // each row reads across the 460 px panel: the layer's name on one line, each figure on one line (as seven
    // table columns, the figures took the width and the names wrapped a character or two a line)
    const lines = await panel()
      .locator('.overlap-row')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('td')].map((td, i) => {
            const range = document.createRange();
            range.selectNodeContents((i === 0 ? td.firstChild : td) ?? td);
            const tops = [...range.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top));
            return new Set(tops).size;
          }),
        ),
      );
    expect(lines.length).toBeGreaterThan(0);
    for (const cells of lines) {
      expect(cells[0], 'the layer name').toBe(1);
      expect(cells.slice(3), 'm², 公顷, 亩, share').toEqual([1, 1, 1, 1]);
    }
    // with overlaps, the nearest boundary is said to be among the layers not overlapped
    expect(await panel().locator('.nearest').textContent()).toMatch(/^未重叠图层中最近的边界距离/);

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

    // the lakes layer (a real dataset) is a protected layer too: 呼伦湖 itself is overlapped, computed independently
    const lakes = JSON.parse(readFileSync(join(ROOT, 'data', 'layers', 'lakes.geojson'), 'utf8'));
    const lakeExpected = expectedOverlaps(project, lakes);
    expect([...lakeExpected.keys()]).toEqual(['lake-hulun']);
    const lakeRow = panel().locator('.overlap-row[data-layer-id="lakes"][data-zone-id="lake-hulun"]');
    expect(
      Math.abs(
        Number(await lakeRow.getAttribute('data-area-m2')) / (lakeExpected.get('lake-hulun') ?? 1) - 1,
      ),
    ).toBeLessThan(1e-6);
    expect(await panel().locator('.verdict[data-zone-type="lake-wetland"]').count()).toBe(1);

    // linear infrastructure (the declared type) inside the red line needs a 不可避让论证 (自然资发〔2022〕142号)
    const v = panel().locator('.verdict[data-zone-type="redline"]');
    expect(await v.getAttribute('data-verdict')).toBe('needs-justification');
    expect(await v.textContent()).toContain('不可避让');
    expect(await panel().textContent()).toContain('示意');
    expect(await panel().locator('.screening-method').textContent()).toContain('椭球');

    // the overlap is drawn on the map
    await expect
      .poll(async () => (await app.sourceData('overlay-screening-overlap'))?.features.length ?? 0)
      .toBeGreaterThan(0);
    await app.idle();
    const drawn = await app.page.evaluate(
      () => window.__map?.queryRenderedFeatures({ layers: ['overlay-screening-overlap-fill'] }).length ?? 0,
    );
    expect(drawn).toBeGreaterThan(0);
    const overlapSource = await app.sourceData('overlay-screening-overlap');
    const mapped = (overlapSource?.features ?? [])
      .filter((f) => f.properties?.layerId === REDLINE?.id)
      .reduce((s, f) => s + multiPolygonArea((f.geometry as MultiPolygon).coordinates), 0);
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
    await app.chooseProjectFile(JSON.stringify(project), 'daihai-east.geojson', { waitFor: null });
    await panel().getByLabel('缓冲距离（米，逗号分隔）').fill('500, 1000, 5000');
    await runCheck();
    expect(await panel().locator('.overlap-row').count()).toBe(0);
    const d = await num('.nearest', 'data-distance-m');
    expect(await panel().locator('.nearest').textContent()).toMatch(/^最近边界距离/);
    // the buffer rings are drawn: the 5 km one reaches about 5 km beyond the project on every side
    await expect
      .poll(async () => (await app.sourceData('overlay-screening-buffers'))?.features.length ?? 0)
      .toBe(3);
    const rings = (await app.sourceData('overlay-screening-buffers'))?.features ?? [];
    const five = rings.find((f) => f.properties?.distanceM === 5000);
    const [rw, rs, re, rn] = bbox(five?.geometry as Polygon);
    const lat = (s + n) / 2;
    const kmLon = 111.32 * Math.cos((lat * Math.PI) / 180);
    expect(((project.coordinates[0]?.[0]?.[0] ?? 0) - rw) * kmLon).toBeCloseTo(5, 0);
    expect((re - (project.coordinates[0]?.[1]?.[0] ?? 0)) * kmLon).toBeCloseTo(5, 0);
    expect(((project.coordinates[0]?.[0]?.[1] ?? 0) - rs) * 111.2).toBeCloseTo(5, 0);
    expect((rn - (project.coordinates[0]?.[2]?.[1] ?? 0)) * 111.2).toBeCloseTo(5, 0);
    // lower bound: the gap to the bbox (≥ 0.02° of longitude at this latitude); upper bound: 0.02° + the bbox
    const kmPerDegLon = 111.32 * Math.cos((((s + n) / 2) * Math.PI) / 180);
    expect(d).toBeGreaterThan(0.02 * kmPerDegLon * 1000 * 0.99);
    expect(d).toBeLessThan(5000);
    // within 5 km the lake appears; within 500 m it does not
    expect(await panel().locator('.buffer-list li[data-buffer-m="500"]').getAttribute('data-count')).toBe(
      '0',
    );
    const within5 = panel().locator('.buffer-list li[data-buffer-m="5000"]');
    expect(await within5.getAttribute('data-zone-ids')).toContain(String(lake.properties?.zoneId));
    expect(await within5.textContent()).toContain('岱海'); // by name, not id
    // every layer checked says it is not overlapped; the 三区三线 layers with no data say they were not checked
    const checked = await panel().locator('.layer-section[data-status="checked"]').count();
    expect(checked).toBeGreaterThan(0);
    expect(await panel().locator('.layer-section .section-note[data-note="no-overlap"]').count()).toBe(
      checked,
    );
    expect(await panel().locator('.layer-section[data-status="not-loaded"]').count()).toBe(2);
  });
});

const projectOutline = async (): Promise<Polygon[]> =>
  ((await app.sourceData('overlay-screening-project'))?.features ?? []).map((f) => f.geometry as Polygon);

/** Outlines terra-draw holds (finished or in progress), read from its own map source. */
const drawingPolygons = async () =>
  ((await app.sourceData('screening-draw-polygon'))?.features ?? []) as Feature[];

/** Moves the mouse there in steps, as a hand would, and clicks. */
async function clickAt(lng: number, lat: number): Promise<void> {
  const q = await app.page.evaluate(
    ([x, y]) => {
      const map = window.__map;
      if (!map) throw new Error('no map');
      const p = map.project([x as number, y as number]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    [lng, lat],
  );
  await app.page.mouse.move(q.x, q.y, { steps: 8 });
  await app.page.mouse.down();
  await app.page.mouse.up();
}

describe('drawing a boundary on the map', () => {
  let corners: [number, number][] = [];

  it('draws a rectangle across the red line with the mouse and checks it', async () => {
    const fc = redlineData();
    const lake = featureByName(fc, '呼伦湖');
    const [w, s, e, n] = bbox(lake.geometry);
    await app.openScreening();
    await app.jumpBesidePanel(e, (s + n) / 2, 8);
    const dx = 0.25 * (e - w);
    const dy = 0.15 * (n - s);
    const cy = (s + n) / 2;
    corners = [
      [e - dx, cy - dy],
      [e + dx, cy + dy],
    ];
    await panel().getByRole('button', { name: '矩形' }).click();
    for (const [x, y] of corners) await clickAt(x, y);
    await panel().locator('.boundary-summary[data-format="drawn"]').waitFor();

    const [drawn] = await projectOutline();
    const ring = drawn?.coordinates[0] ?? [];
    expect(ring).toHaveLength(5);
    // the corners are where the mouse clicked (a pixel at zoom 8 is ~300 m)
    const xs = ring.map((p) => p[0] as number);
    const ys = ring.map((p) => p[1] as number);
    expect(Math.abs(Math.min(...xs) - (e - dx))).toBeLessThan(0.01);
    expect(Math.abs(Math.max(...xs) - (e + dx))).toBeLessThan(0.01);
    expect(Math.abs(Math.min(...ys) - (cy - dy))).toBeLessThan(0.01);
    expect(Math.abs(Math.max(...ys) - (cy + dy))).toBeLessThan(0.01);
    const expected = expectedOverlaps(drawn as Polygon, fc);
    const lakeOverlap = expected.get(String(lake.properties?.zoneId)) ?? 0;
    expect(lakeOverlap).toBeGreaterThan(0);
    expect(lakeOverlap).toBeLessThan(polygonArea((drawn as Polygon).coordinates));

    await runCheck();
    const row = panel().locator(`.overlap-row[data-zone-id="${lake.properties?.zoneId}"]`);
    expect(Math.abs(Number(await row.getAttribute('data-area-m2')) / lakeOverlap - 1)).toBeLessThan(1e-6);
    expect(
      Math.abs((await num('.project-area')) / polygonArea((drawn as Polygon).coordinates) - 1),
    ).toBeLessThan(1e-9);
  });

  it('undoes and redoes with Ctrl+Z / Ctrl+Shift+Z and the buttons', async () => {
    await app.page.keyboard.press('Control+z');
    await panel().locator('.boundary-summary').waitFor({ state: 'detached' });
    // the map follows the store after the panel has painted: its outline source is read until it has caught up
    await expect.poll(projectOutline).toEqual([]);
    await app.page.keyboard.press('Control+Shift+z');
    await panel().locator('.boundary-summary[data-format="drawn"]').waitFor();
    await expect.poll(async () => (await projectOutline())[0]?.coordinates[0]?.length).toBe(5);
    await panel().getByRole('button', { name: '撤销' }).click();
    await panel().locator('.boundary-summary').waitFor({ state: 'detached' });
    await panel().getByRole('button', { name: '重做' }).click();
    await panel().locator('.boundary-summary[data-format="drawn"]').waitFor();
  });

  it('adds polygon vertices by clicking, undoes the last one with Ctrl+Z, and Escape cancels', async () => {
    const [a] = corners as [[number, number]];
    await panel().getByRole('button', { name: '多边形' }).click();
    const before = await projectOutline();
    const inProgress = async () =>
      (await drawingPolygons()).find((f) => f.properties?.currentlyDrawing) as Feature<Polygon> | undefined;
    // clockwise: south-west, north-west, north-east
    await clickAt(a[0] + 0.5, a[1]);
    await clickAt(a[0] + 0.5, a[1] + 0.1);
    await clickAt(a[0] + 0.8, a[1] + 0.1);
    await app.idle();
    const committed = async () => Number((await inProgress())?.properties?.committedCoordinateCount ?? 0);
    expect(await committed()).toBe(3);
    await app.page.keyboard.press('Control+z');
    await app.idle();
    expect(await committed()).toBe(2);
    await app.page.keyboard.press('Escape');
    await app.idle();
    expect(await inProgress()).toBeUndefined();
    expect(await projectOutline()).toEqual(before); // nothing half-drawn became the boundary
  });

  it('deletes the selected outline with the Delete key', async () => {
    await panel().getByRole('button', { name: '编辑节点' }).click();
    const [a, c] = corners as [[number, number], [number, number]];
    await clickAt((a[0] + c[0]) / 2, (a[1] + c[1]) / 2); // select by clicking inside
    await panel().getByRole('button', { name: '删除所选' }).waitFor({ state: 'visible' });
    await app.page.waitForFunction(
      () =>
        !(document.querySelector('.draw-toolbar button:nth-child(6)') as HTMLButtonElement | null)?.disabled,
    );
    await app.page.keyboard.press('Delete');
    await panel().locator('.boundary-summary').waitFor({ state: 'detached' });
    await expect.poll(projectOutline).toEqual([]);
    await panel().getByRole('button', { name: '结束绘制' }).click();
  });
});

const FIX = join(ROOT, 'tests', 'unit', 'importers', 'fixtures');
const fixture = (name: string) => fileOf(name, readFileSync(join(FIX, name)));
/** Chooses a fixture as the project file and waits for `waitFor` in the panel (null: the test waits itself). */
const chooseFixture = (name: string, waitFor: string | null = null) =>
  app.chooseProjectFile(readFileSync(join(FIX, name)), name, { waitFor });

describe('uploading each format, and broken files', () => {
  // the importers' known parcel (tests/unit/importers/fixture-data.ts) in each format
  const cases: [string, string][] = [
    ['boundary-utf8.geojson', 'geojson'],
    ['boundary-utf8.kml', 'kml'],
    ['boundary.kmz', 'kmz'],
    ['track.gpx', 'gpx'],
    ['shp-utf8-cpg.zip', 'shapefile-zip'],
    ['vertices-utf8.csv', 'csv'],
    ['boundary.wkt', 'wkt'],
    ['jzd-utf8.txt', 'jzd-txt'],
  ];
  for (const [name, format] of cases) {
    it(`reads ${name} (${format})`, async () => {
      await app.openScreening();
      const summary = `.boundary-summary[data-format="${format}"]`;
      await chooseFixture(name, summary);
      expect(await panel().locator(summary).textContent()).toContain(name);
      expect(await panel().locator('.screening-messages .msg-error').count()).toBe(0);
    });
  }

  it('drops a file on the drop zone', async () => {
    await app.dropFiles('.drop-zone', [fixture('boundary.wkt')]);
    await panel().locator('.boundary-summary[data-format="wkt"]').waitFor();
  });

  it('names the file, the place and the problem for broken files, and keeps the boundary it had', async () => {
    const broken = [
      fileOf(
        'broken.geojson',
        '{"type": "FeatureCollection", "features": [\n  {"type": "Feature", "geometry": }\n]}',
      ),
      fileOf('bad.kml', '<kml><Document><Placemark><Polygon>'),
      fileOf('notazip.zip', 'this is not a zip archive'),
      fileOf('open-ring.wkt', 'POLYGON((111.7 40.8, 111.72 40.8, 111.72 40.82, 111.7 40.83))'),
    ];
    for (const f of broken) {
      await app.chooseProjectFile(f.buffer, f.name, { waitFor: null });
      const err = panel().locator('.screening-messages .msg-error').first();
      await err.waitFor();
      const text = (await err.textContent()) ?? '';
      expect(text).toContain(f.name);
      // the boundary from the last good file is still there
      expect(await panel().locator('.boundary-summary').textContent()).toContain('boundary.wkt');
    }
    // syntax errors are located by line
    const syntax = broken[0] as ReturnType<typeof fileOf>;
    await app.chooseProjectFile(syntax.buffer, syntax.name, { waitFor: null });
    expect(await panel().locator('.screening-messages .msg-error').first().textContent()).toMatch(
      /第 ?2 ?行|line 2/,
    );
  });

  it('converts GCJ-02 coordinates and shows both outlines', async () => {
    await app.openScreening();
    await panel().getByLabel('坐标来源').selectOption('gcj02');
    await chooseFixture('boundary-utf8.geojson');
    await panel().locator('.screening-note', { hasText: '转换' }).waitFor();
    await expect
      .poll(async () => (await app.sourceData('overlay-screening-original'))?.features.length ?? 0)
      .toBeGreaterThan(0);
    const first = (g: Polygon | MultiPolygon) => polys(g)[0]?.[0]?.[0] as Position;
    const shift = async () => {
      const original = await app.sourceData('overlay-screening-original');
      const converted = await projectOutline();
      const o = first(original?.features[0]?.geometry as Polygon);
      const c = first(converted[0] as Polygon);
      return Math.hypot((o[0] as number) - (c[0] as number), (o[1] as number) - (c[1] as number));
    };
    // GCJ-02 is a few hundred metres off WGS84 here: the converted outline moved by 0.001°–0.01°
    await expect.poll(shift).toBeGreaterThan(0.001);
    expect(await shift()).toBeLessThan(0.01);
    await panel().getByLabel('坐标来源').selectOption('wgs84');
  });
});

describe('projects kept in the browser', () => {
  it('saves a project, finds it after a reload, renames, exports, deletes and imports it again', async () => {
    await app.openScreening();
    await chooseFixture('boundary.wkt');
    await panel().getByLabel('项目名称').fill('和林格尔光伏（测试）');
    await panel().getByLabel('项目类型').selectOption('renewable-energy');
    await panel().getByRole('button', { name: '保存项目' }).click();
    await panel().locator('.project-list li', { hasText: '和林格尔光伏（测试）' }).waitFor();
    const saved = await projectOutline();

    await app.page.reload();
    await app.page.waitForFunction(() => window.__map !== undefined);
    await app.idle();
    await app.openScreening();
    const item = panel().locator('.project-list li', { hasText: '和林格尔光伏（测试）' });
    await item.waitFor();
    await item.getByRole('button', { name: '打开' }).click();
    await panel().locator('.boundary-summary').waitFor();
    await expect.poll(projectOutline).toEqual(saved);
    expect(await panel().getByLabel('项目类型').inputValue()).toBe('renewable-energy');

    const id = await item.getAttribute('data-project-id');
    const byId = panel().locator(`.project-list li[data-project-id="${id}"]`);
    await byId.getByRole('button', { name: '重命名' }).click();
    await byId.getByRole('textbox').fill('和林格尔光伏（改名）');
    await byId.getByRole('button', { name: '确定' }).click();
    const renamed = panel().locator('.project-list li', { hasText: '和林格尔光伏（改名）' });
    await renamed.waitFor();

    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      panel().getByRole('button', { name: '导出全部项目' }).click(),
    ]);
    const exported = readFileSync((await download.path()) as string, 'utf8');
    expect(JSON.parse(exported).projects.map((p: { name: string }) => p.name)).toContain(
      '和林格尔光伏（改名）',
    );

    await renamed.getByRole('button', { name: '删除' }).click();
    await renamed.getByRole('button', { name: '确认删除' }).click();
    await renamed.waitFor({ state: 'detached' });

    await panel()
      .locator('input.projects-import')
      .setInputFiles([fileOf('projects.json', exported, 'application/json')]);
    const back = panel().locator('.project-list li', { hasText: '和林格尔光伏（改名）' });
    await back.waitFor();
    await back.getByRole('button', { name: '打开' }).click();
    await expect.poll(projectOutline).toEqual(saved);
  });
});

describe('the printable report', () => {
  it('prints to PDF with map, tables, coordinates, method, datasets and a hash that verifies', async () => {
    const { execFileSync } = await import('node:child_process');
    const { createHash } = await import('node:crypto');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const fc = redlineData();
    const lake = featureByName(fc, '呼伦湖');
    const [w, s, e, n] = bbox(lake.geometry);
    const project = rect(e - 0.3 * (e - w), s + 0.4 * (n - s), e + 0.15 * (e - w), s + 0.6 * (n - s));
    await app.openScreening();
    await panel().getByRole('button', { name: '新建' }).click();
    await app.chooseProjectFile(JSON.stringify(project), 'report-case.geojson', { waitFor: null });
    await panel().getByLabel('项目名称').fill('报告测试项目');
    await panel().getByLabel('项目类型').selectOption('linear-infrastructure');
    await runCheck();
    await panel().getByRole('button', { name: '打印报告' }).click();
    const report = app.page.locator('.report-view[data-ready="true"]');
    await report.waitFor({ timeout: 60_000 });
    // the map picture is a real render, not an empty canvas
    const img = await report.locator('svg.report-map image').getAttribute('href');
    expect(img?.startsWith('data:image/png;base64,')).toBe(true);
    expect((img?.length ?? 0) > 20_000).toBe(true);
    const hash = (await report.locator('.report-hash').getAttribute('data-hash')) ?? '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    // the record offered for download hashes to the printed value
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      report.getByRole('button', { name: '下载审查记录 JSON' }).click(),
    ]);
    const record = readFileSync((await download.path()) as string);
    expect(createHash('sha256').update(record).digest('hex')).toBe(hash);
    const parsed = JSON.parse(record.toString('utf8'));
    expect(parsed.boundary.features[0].geometry).toEqual(project);

    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, await app.page.pdf({ format: 'A4', printBackground: true }));
    let text: string;
    try {
      text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    } catch (err) {
      throw new Error(`pdftotext is needed (apt-get install -y poppler-utils): ${String(err)}`);
    }
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('建设项目选址审查报告（三区三线及自然保护地）');
    expect(flat).toContain('报告测试项目');
    expect(flat).toContain('线性基础设施');
    expect(flat).toContain('呼伦湖');
    expect(flat).toContain('不可避让论证');
    expect(await report.locator('.verdict[data-zone-type="redline"]').getAttribute('data-verdict')).toBe(
      'needs-justification',
    );
    expect(flat).toContain('142号');
    // one section per layer; the 三区三线 layers with no data are listed as not checked; times in Beijing time
    expect(flat).toContain('永久基本农田');
    expect(flat).toContain('城镇开发边界');
    expect(flat).toContain('未加载');
    expect(flat).toMatch(/审查时间\d{4}-\d{2}-\d{2}\d{2}:\d{2}北京时间\(UTC\+8\)/);
    expect(flat).toContain('示意');
    expect(flat).toContain('椭球面积');
    expect(flat).toContain('J1');
    expect(flat).toContain(project.coordinates[0]?.[0]?.[0]?.toFixed(7));
    expect(flat).toContain(hash);
    expect(flat).toContain('图例');
    // the app chrome is not printed
    expect(flat).not.toContain('开始审查');
    await report.getByRole('button', { name: '返回' }).click();
    await report.waitFor({ state: 'detached' });
  });
});

describe('drawing a polygon by clicks', () => {
  it('draws a polygon clicked counter-clockwise, closes it on its first vertex, and refuses a bowtie', async () => {
    // a map click while drawing must not open a zone panel over the map (it used to, and ate the next clicks)
    await app.openScreening();
    const close = app.page.locator('.zone-panel button[aria-label="取消选择"]');
    if (await close.count()) await close.click();
    await app.jumpBesidePanel(111.3, 42.5, 7);
    await panel().getByRole('button', { name: '多边形' }).click();
    const ring: [number, number][] = [
      [110.9, 42.2],
      [111.5, 42.2],
      [111.5, 42.8],
      [110.9, 42.8],
      [110.8, 42.5],
    ];
    for (const [x, y] of ring) await clickAt(x, y);
    await app.idle();
    expect(await app.page.locator('.zone-panel').count()).toBe(0);
    await clickAt(ring[0]?.[0] ?? 0, ring[0]?.[1] ?? 0);
    const hasRing = (o: Polygon[]) => {
      const drawn = o.at(-1)?.coordinates[0] ?? [];
      return (
        drawn.length === ring.length + 1 &&
        ring.every(([x, y]) =>
          drawn.some((p) => Math.abs((p[0] ?? 0) - x) < 0.01 && Math.abs((p[1] ?? 0) - y) < 0.01),
        )
      );
    };
    await expect.poll(async () => hasRing(await projectOutline())).toBe(true);

    // a bowtie: the fourth click crosses the first edge
    const before = await projectOutline();
    // still in polygon mode: the next clicks start a new outline
    expect(await panel().getByRole('button', { name: '多边形' }).getAttribute('aria-pressed')).toBe('true');
    const bowtie: [number, number][] = [
      [110.9, 42.1],
      [111.5, 42.9],
      [111.5, 42.1],
      [110.9, 42.9],
    ];
    for (const [x, y] of bowtie) await clickAt(x, y);
    await clickAt(bowtie[0]?.[0] ?? 0, bowtie[0]?.[1] ?? 0);

    await panel().locator('[data-refused="self-intersection"]').waitFor();
    expect(await panel().locator('[data-refused="self-intersection"]').textContent()).toMatch(/自相交|交叉/);
    // the same outline as before the refused bowtie (terra-draw may have turned its ring the other way)
    const vertices = (o: Polygon[]) =>
      o.map((p) =>
        (p.coordinates[0] ?? [])
          .slice(1)
          .map((q) => q.join(','))
          .sort(),
      );
    expect(vertices(await projectOutline())).toEqual(vertices(before));
    await app.page.keyboard.press('Escape');
  });
});
