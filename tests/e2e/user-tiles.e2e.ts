import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureCoordinates } from '../../web/domain/screening/layer.ts';
import { syntheticLayer } from '../../web/domain/screening/synthetic-layer.ts';
import { USER_TILE_LAYER } from '../../web/domain/tiles/user-tiles.ts';
import { AppDriver, rect } from './app-driver.ts';

/**
 * A large user layer is drawn from vector tiles cut in a worker from its stored binary, served through the
 * `ebm-tiles` URL scheme: the red line replaced by a seeded layer of 3,000 polygons is a vector source with that
 * URL, its polygons are rendered and clicked like any zone, a style change (another layer, the language, a
 * selection) neither rebuilds the tile index nor re-adds the source, and after a reload it is drawn again with
 * the same tile URL, from the tiles kept where they were seen (no index built) and from the stored binary elsewhere.
 */

const RID = 'redline-illustrative';
const SRC = `src-user-${RID}`;
const FILL = `${RID}-fill`;

// 60 × 50 star-shaped polygons over 2° × 1° near Hohhot (no holes, so a polygon's centre is inside it)
const layer = syntheticLayer({
  seed: 77,
  bbox: [111.0, 41.0, 113.0, 42.0],
  cols: 60,
  rows: 50,
  minVertices: 20,
  maxVertices: 400,
  holeFraction: 0,
  layerId: RID,
});
const COUNT = layer.featurePartStarts.length - 1;
const zoneIdOf = (i: number) => `tiles-test-${i + 1}`;
const nameOf = (i: number) => `瓦片测试区${i + 1}`;
const geojson = {
  type: 'FeatureCollection',
  features: Array.from({ length: COUNT }, (_, i) => ({
    type: 'Feature',
    properties: { zoneId: zoneIdOf(i), name: nameOf(i), code: `T${i}` },
    geometry: { type: 'MultiPolygon', coordinates: featureCoordinates(layer, i) },
  })),
};

/** The mean of a polygon's vertices, checked to lie inside it (ray casting) */
function insidePoint(i: number): [number, number] {
  const ring = featureCoordinates(layer, i)[0]?.[0] ?? [];
  const pts = ring.slice(0, -1);
  const x = pts.reduce((s, p) => s + (p[0] as number), 0) / pts.length;
  const y = pts.reduce((s, p) => s + (p[1] as number), 0) / pts.length;
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [xa, ya] = ring[a] as [number, number];
    const [xb, yb] = ring[b] as [number, number];
    if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
  }
  if (!inside) throw new Error(`the vertex mean of polygon ${i} is not inside it`);
  return [x, y];
}

let app: AppDriver;
const dialog = () => app.page.locator('dialog.layer-info');
const row = (id: string) => app.page.locator(`.layer-row[data-layer-id="${id}"]`);

async function showRow(id: string): Promise<void> {
  if (await row(id).isVisible()) return;
  const group = await row(id).evaluate((el) => el.closest('details')?.getAttribute('data-group-id'));
  await app.page.locator(`details[data-group-id="${group}"] > summary`).click();
}

/** What the map says about the user layer's source, the tile index builds so far and the layers reading it. */
function mapState() {
  return app.page.evaluate(
    ([src]) => {
      const map = window.__map;
      if (!map) throw new Error('map not exposed');
      const style = map.getStyle();
      const spec = style.sources[src as string];
      const builds = performance.getEntriesByName('ebm:draw:tiles') as PerformanceMeasure[];
      return {
        type: spec?.type,
        tiles: spec && 'tiles' in spec ? spec.tiles : undefined,
        data: spec && 'data' in spec ? spec.data : undefined,
        sourceLayers: style.layers
          .filter((l) => 'source' in l && l.source === src)
          .map((l) => ('source-layer' in l ? l['source-layer'] : null)),
        measures: builds.map(
          (m) => m.detail as { layerId: string; builds: number; featureCount: number; kept: boolean },
        ),
      };
    },
    [SRC],
  );
}

/** How many tiles the tiles worker has kept in IndexedDB (web/src/storage/kept-tiles-db.ts). */
function keptTileCount(): Promise<number> {
  return app.page.evaluate(async () => {
    const name = 'eco-barrier-map-tiles';
    // opened only once the worker has made it (an open here would make it without its stores)
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return 0;
    return new Promise<number>((ok, fail) => {
      const r = indexedDB.open(name);
      r.onerror = () => fail(r.error);
      r.onsuccess = () => {
        const db = r.result;
        const count = db.transaction('tiles').objectStore('tiles').count();
        count.onsuccess = () => {
          db.close();
          ok(count.result);
        };
        count.onerror = () => fail(count.error);
      };
    });
  });
}

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
});

afterAll(async () => {
  await app?.stop();
});

describe('a large user layer drawn from vector tiles', () => {
  const target = 1234;
  const [lng, lat] = insidePoint(target);

  it('loaded through the layer info: a vector source with the tile URL, its polygons rendered', async () => {
    await showRow(RID);
    await row(RID).locator('input[type=checkbox]').check();
    await row(RID).getByRole('button', { name: /^说明/ }).click();
    await dialog()
      .locator('input[type=file]')
      .setInputFiles({
        name: 'seeded-redline.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(geojson)),
      });
    await dialog().locator(`[data-user-layer="${RID}"]`).waitFor({ timeout: 60_000 });
    // the provenance says how the layer is drawn and that checks use the full geometry
    expect(await dialog().locator('.user-data-drawn').textContent()).toMatch(
      /矢量瓦片.*约一个半像素以内.*50,000 个顶点.*核查始终使用完整几何/,
    );
    await app.page.keyboard.press('Escape');
    await app.page.evaluate((c) => window.__map?.jumpTo({ center: c, zoom: 9 }), [lng, lat] as [
      number,
      number,
    ]);
    await app.idle();

    const s = await mapState();
    expect(s.type).toBe('vector');
    expect(s.tiles).toHaveLength(1);
    expect(s.tiles?.[0]).toMatch(new RegExp(`^ebm-tiles://${RID}/[^/]+/\\{z\\}/\\{x\\}/\\{y\\}$`));
    expect(s.sourceLayers.length).toBeGreaterThan(0);
    expect(s.sourceLayers.every((l) => l === USER_TILE_LAYER)).toBe(true);
    expect(s.measures).toHaveLength(1);
    expect(s.measures[0]).toMatchObject({ layerId: RID, builds: 1, featureCount: COUNT });

    const ids = await app.renderedZoneIds(FILL);
    expect(ids).toContain(zoneIdOf(target));
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.every((id) => id.startsWith('tiles-test-'))).toBe(true);
  });

  it('a click inside a polygon selects it: the zone panel names it, the map outlines it', async () => {
    await app.page.evaluate((c) => window.__map?.jumpTo({ center: c, zoom: 12 }), [lng, lat] as [
      number,
      number,
    ]);
    await app.idle();
    await app.clickLngLat(lng, lat);
    const panel = app.page.locator(`.zone-panel[data-zone-id="${zoneIdOf(target)}"]`);
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toContain(nameOf(target));
    expect(await panel.getAttribute('data-origin')).toBe('user');
    const state = await app.page.evaluate(
      ([src, layerName, id]) =>
        window.__map?.getFeatureState({
          source: src as string,
          sourceLayer: layerName as string,
          id: id as string,
        }),
      [SRC, USER_TILE_LAYER, zoneIdOf(target)],
    );
    expect(state).toMatchObject({ selected: true });
  });

  it('style changes keep the source and the tile index: another layer, a check’s overlays, the language, the selection', async () => {
    await app.page.evaluate(
      ([src]) => {
        (window as unknown as { __tileSource: unknown }).__tileSource = window.__map?.getSource(
          src as string,
        );
      },
      [SRC],
    );
    await showRow('lakes');
    await row('lakes').locator('input[type=checkbox]').click();
    await app.idle();
    // a project inside the selected polygon, checked against the user's layer: boundary and overlap overlays
    const panel = app.page.locator('.screening-panel');
    await app.openScreening();
    await panel.getByLabel('项目类型').selectOption('linear-infrastructure');
    await app.chooseProjectFile(rect(lng - 0.002, lat - 0.002, lng + 0.002, lat + 0.002), 'site.geojson');
    await panel.getByRole('button', { name: '开始审查' }).click();
    await panel.locator('.screening-results').waitFor({ timeout: 60_000 });
    // the overlap reaches the map after the result table is painted
    await expect
      .poll(async () => (await app.sourceData('overlay-screening-overlap'))?.features.length ?? 0)
      .toBeGreaterThan(0);
    expect(await app.sourceData('overlay-screening-project')).not.toBeNull();
    await app.idle();
    await app.page.getByRole('button', { name: '切换到英文' }).click();
    await app.idle();
    await app.page.keyboard.press('Escape'); // clears the selection
    await app.page.locator('.zone-panel').waitFor({ state: 'detached' });
    await app.idle();
    const same = await app.page.evaluate(
      ([src]) =>
        (window as unknown as { __tileSource: unknown }).__tileSource ===
        window.__map?.getSource(src as string),
      [SRC],
    );
    expect(same).toBe(true);
    const s = await mapState();
    expect(s.measures).toHaveLength(1);
    expect(await app.renderedZoneIds(FILL)).toContain(zoneIdOf(target));
  });

  it('after a reload: drawn from the tiles kept, the same tile URL, no index built until a tile not kept is asked for', async () => {
    const before = (await mapState()).tiles;
    const centre: [number, number] = [lng, lat];
    await app.page.evaluate((c) => window.__map?.jumpTo({ center: c, zoom: 12 }), centre);
    await app.idle();
    // the tiles the worker cut are written to IndexedDB after it answers them: until their count holds still
    let kept = -1;
    for (let n = await keptTileCount(); n !== kept; n = await keptTileCount()) {
      kept = n;
      await app.page.waitForTimeout(500);
    }
    expect(kept).toBeGreaterThan(0);
    // reopened where it was: the camera the app wrote into the URL
    const camera = new URL(app.page.url()).searchParams.get('map');
    expect(camera).toMatch(/^12\//);
    await app.open(`?show=${RID}&map=${camera}`);
    await showRow(RID);
    await row(RID).locator('.badge-user').waitFor();
    let s = await mapState();
    expect(s.type).toBe('vector');
    expect(s.data).toBeUndefined();
    expect(s.tiles).toEqual(before);
    expect(s.measures).toHaveLength(1);
    expect(s.measures[0]).toMatchObject({ layerId: RID, kept: true, builds: 0, featureCount: COUNT });
    expect(await app.renderedZoneIds(FILL)).toContain(zoneIdOf(target));
    // a zoom not seen before: its tiles are cut from the stored binary, the index built once
    await app.page.evaluate((c) => window.__map?.jumpTo({ center: c, zoom: 10 }), centre);
    await app.idle();
    s = await mapState();
    expect(s.measures).toHaveLength(2);
    expect(s.measures[1]).toMatchObject({ layerId: RID, kept: false, builds: 1, featureCount: COUNT });
    expect(await app.renderedZoneIds(FILL)).toContain(zoneIdOf(target));
  });

  it('removing the user’s file brings back the built-in layer as GeoJSON', async () => {
    await showRow(RID);
    await row(RID).getByRole('button', { name: /^说明/ }).click();
    await dialog()
      .getByRole('button', { name: /恢复示意图层/ })
      .click();
    await dialog().locator(`[data-user-layer="${RID}"]`).waitFor({ state: 'detached' });
    await app.page.keyboard.press('Escape');
    await app.idle();
    const s = await mapState();
    expect(s.type).toBeUndefined();
    const builtIn = await app.page.evaluate(
      (id) => window.__map?.getStyle().layers.find((l) => l.id === id),
      FILL,
    );
    expect(builtIn && 'source' in builtIn ? builtIn.source : null).not.toBe(SRC);
  });

  it('logged no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
