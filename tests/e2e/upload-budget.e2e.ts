import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLayerGeoJson } from '../../scripts/lib/layer-geojson.ts';
import { syntheticLayer } from '../../web/domain/screening/synthetic-layer.ts';
import { UPLOAD_BUDGET_BYTES } from '../../web/src/map/upload-budget.ts';
import { AppDriver } from './app-driver.ts';

/**
 * A frame uploads a budget of a user layer's vector tiles (web/src/map/upload-budget.ts): when many heavy tiles
 * arrive at once, as after a zoom over dense parcels, they are drawn over several frames instead of one frame
 * that waits on the GPU process, and the map reports itself idle only once every one of them is drawn.
 */

const LAYER = 'farmland-permanent';
const SRC = `src-user-${LAYER}`;
const FILL = `${LAYER}-fill`;
/** 40,000 small parcels (≈ 250 × 350 m, 8–16 vertices) over 0.8° × 0.5° of the 河套 plain */
const BBOX: [number, number, number, number] = [107.5, 40.6, 108.3, 41.1];
const dense = syntheticLayer({
  seed: 5,
  bbox: BBOX,
  cols: 250,
  rows: 160,
  minVertices: 8,
  maxVertices: 16,
  holeFraction: 0,
  layerId: LAYER,
});
const dir = mkdtempSync(join(tmpdir(), 'upload-budget-'));
const file = join(dir, 'farmland-dense.geojson');
writeLayerGeoJson(file, dense, (f) => ({
  zoneId: `dense-${f + 1}`,
  name: `图斑 ${f + 1}`,
  zoneType: 'farmland-permanent',
}));

let app: AppDriver;

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
  await app.loadUserLayer(LAYER, file);
  await app.page.locator(`.layer-row[data-layer-id="${LAYER}"] input[type=checkbox]`).check();
  await app.idle();
  // the page's recorder: `__paused` keeps the map from drawing (it still loads tiles), and `__frames` gets the bytes
  // given to bufferData, per task that gave any (a frame's uploads are all made within the task that draws it)
  await app.page.evaluate((src) => {
    const map = window.__map;
    if (!map) throw new Error('map not exposed');
    const w = window as unknown as { __paused: boolean; __frames: number[]; __drawnTiles: () => string[] };
    w.__paused = false;
    w.__frames = [];
    // what maplibre draws of the layer: its renderable tiles, z/x/y (queryRenderedFeatures reads every tile loaded)
    w.__drawnTiles = () =>
      (map.style.tileManagers[src]?.getVisibleCoordinates() ?? [])
        .map((t) => `${t.canonical.z}/${t.canonical.x}/${t.canonical.y}`)
        .sort();
    const { painter } = map;
    const render = painter.render.bind(painter);
    painter.render = (style, options) => {
      if (!w.__paused) render(style, options);
    };
    const gl = painter.context.gl as unknown as { bufferData: (...a: unknown[]) => void };
    const bufferData = gl.bufferData.bind(gl);
    let open = false;
    gl.bufferData = (...a: unknown[]) => {
      const data = a[1] as number | ArrayBufferView | null;
      if (!open) {
        open = true;
        w.__frames.push(0);
        queueMicrotask(() => {
          open = false;
        });
      }
      const last = w.__frames.length - 1;
      w.__frames[last] =
        (w.__frames[last] ?? 0) + (typeof data === 'number' ? data : (data?.byteLength ?? 0));
      bufferData(...a);
    };
  }, SRC);
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
  rmSync(dir, { recursive: true, force: true });
});

interface Drawn {
  /** bytes given to bufferData, per task that gave any, from the release to the first idle */
  frames: number[];
  /** the layer's tiles the map drew (z/x/y), in each frame it drew */
  tilesPerFrame: string[][];
  /** tiles of the layer with buffers still to upload, at the first idle */
  pendingAtIdle: number;
}

/** A jump to a view, or a layout change to one of the layer's map layers (which makes maplibre cut its tiles again). */
type Change = { jump: [number, number, number] } | { layout: [string, string, string] };

/**
 * Keeps the map from drawing while `change` makes it load tiles, until every tile of the layer is loaded (after one
 * of them was seen reloading, if `reload`), then lets it draw and records each frame until the map's first idle.
 */
async function drawHeld(change: Change, reload: boolean): Promise<Drawn> {
  await app.page.evaluate(
    ([src, change, mustReload]) =>
      new Promise<void>((ok) => {
        const map = window.__map;
        if (!map) throw new Error('map not exposed');
        (window as unknown as { __paused: boolean }).__paused = true;
        const c = change as Change;
        if ('jump' in c) map.jumpTo({ center: [c.jump[0], c.jump[1]], zoom: c.jump[2] });
        else map.setLayoutProperty(...c.layout);
        let reloading = !mustReload;
        const loaded = () => {
          const tiles = Object.values(map.style.tileManagers[src as string]?._tiles ?? {});
          reloading ||= tiles.some((t) => t.state === 'reloading');
          if (reloading && tiles.length > 0 && tiles.every((t) => t.state === 'loaded')) ok();
          else setTimeout(loaded, 50);
        };
        setTimeout(loaded, 50);
      }),
    [SRC, change, reload] as const,
  );
  return app.page.evaluate(
    (src) =>
      new Promise<Drawn>((ok) => {
        const map = window.__map;
        if (!map) throw new Error('map not exposed');
        const w = window as unknown as {
          __paused: boolean;
          __frames: number[];
          __drawnTiles: () => string[];
        };
        const tilesPerFrame: string[][] = [];
        const onRender = () => tilesPerFrame.push(w.__drawnTiles());
        map.on('render', onRender);
        map.once('idle', () => {
          map.off('render', onRender);
          const tiles = Object.values(map.style.tileManagers[src]?._tiles ?? {});
          const pendingAtIdle = tiles.filter((t) =>
            Object.values(t.buckets).some((b) => b.uploadPending()),
          ).length;
          ok({ frames: w.__frames, tilesPerFrame, pendingAtIdle });
        });
        w.__frames = [];
        w.__paused = false;
        map.triggerRepaint();
      }),
    SRC,
  );
}

/** The layer's tiles the map draws once it is idle. */
async function drawnTiles(): Promise<string[]> {
  await app.idle();
  return app.page.evaluate(() => (window as unknown as { __drawnTiles: () => string[] }).__drawnTiles());
}

/** The tiles of the view's zoom (the ideal tiles; maplibre also keeps a few ancestors, drawn under them or not). */
const atZ10 = (tiles: string[] = []) => tiles.filter((t) => t.startsWith('10/'));

const centre: [number, number] = [(BBOX[0] + BBOX[2]) / 2, (BBOX[1] + BBOX[3]) / 2];

describe('heavy vector tiles that arrive together', () => {
  it('are uploaded over several frames, and the map is idle only once all of them are drawn', async () => {
    // a view over the whole dense area, its tiles all loaded before the map draws any
    const drawn = await drawHeld({ jump: [...centre, 10] }, false);
    // at the first idle nothing is left to upload
    expect(drawn.pendingAtIdle).toBe(0);
    const total = drawn.frames.reduce((a, b) => a + b, 0);
    // the view holds several frames' worth, so that what follows says something
    expect(total).toBeGreaterThan(3 * UPLOAD_BUDGET_BYTES);
    // one frame would have taken it all; it is spread instead, each frame within the budget (give or take the
    // built-in layers' tiles, which are not held, and buffers the budget does not count)
    expect(drawn.frames.filter((b) => b > 0).length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...drawn.frames)).toBeLessThanOrEqual(1.25 * UPLOAD_BUDGET_BYTES);
    // the view's tiles are drawn over those frames: the first frame lacks some, the last (at the idle) has all,
    // and a frame after the idle adds none
    const ideal = atZ10(drawn.tilesPerFrame.at(-1));
    expect(ideal.length).toBeGreaterThanOrEqual(4);
    expect(atZ10(drawn.tilesPerFrame[0]).length).toBeLessThan(ideal.length);
    expect(await drawnTiles()).toEqual(drawn.tilesPerFrame.at(-1));
    expect((await app.renderedZoneIds(FILL)).length).toBeGreaterThan(1000);
  });

  it('a tile drawn once is never held back: its tiles cut again after a layout change, every tile stays drawn in every frame', async () => {
    const before = atZ10(await drawnTiles());
    expect(before.length).toBeGreaterThanOrEqual(4);
    // a layout change makes maplibre cut the source's tiles again: each gets new buffers to upload, all at once
    const drawn = await drawHeld({ layout: [`${LAYER}-line`, 'line-cap', 'round'] }, true);
    expect(drawn.frames.reduce((a, b) => a + b, 0)).toBeGreaterThan(3 * UPLOAD_BUDGET_BYTES);
    expect(drawn.tilesPerFrame.length).toBeGreaterThan(0);
    for (const tiles of drawn.tilesPerFrame) expect(atZ10(tiles)).toEqual(before);
  });
});
