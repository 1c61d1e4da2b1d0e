import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver } from './app-driver.ts';

/**
 * The map's first frame waits until every start-up source has asked maplibre's worker for its tiles
 * (web/src/map/first-frame-whole.ts): that frame compiles shaders for 0.3–0.5 s in software WebGL, and drawn earlier
 * it kept the page from sending the tile requests while the worker, its data loaded, had nothing to do.
 */

interface Seen {
  /** page clock of each tile request maplibre posted to its worker, by source id */
  tiles: Record<string, number>;
  /** page clock of the map's first draw call */
  firstDraw: number | null;
}

let app: AppDriver;

beforeAll(async () => {
  app = await AppDriver.start();
  await app.page.addInitScript(() => {
    const seen: Seen = { tiles: {}, firstDraw: null };
    (window as unknown as { __seen: Seen }).__seen = seen;
    const post = Worker.prototype.postMessage as (this: Worker, ...a: unknown[]) => void;
    Worker.prototype.postMessage = function (this: Worker, ...a: unknown[]) {
      // maplibre's actor: { type: 'LT' (load a tile), data: { source, … } }
      const m = a[0] as { type?: string; data?: { source?: string } } | null;
      const source = m?.data?.source;
      if (m?.type === 'LT' && source !== undefined && !(source in seen.tiles))
        seen.tiles[source] = performance.now();
      post.apply(this, a);
    } as typeof Worker.prototype.postMessage;
    for (const name of ['drawElements', 'drawArrays'] as const) {
      const draw = WebGL2RenderingContext.prototype[name] as (this: unknown, ...a: unknown[]) => void;
      (WebGL2RenderingContext.prototype as unknown as Record<string, unknown>)[name] = function (
        this: unknown,
        ...a: unknown[]
      ) {
        seen.firstDraw ??= performance.now();
        draw.apply(this, a);
      };
    }
  });
  await app.open();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
});

describe('the map at start-up', () => {
  it('draws its first frame only once every source it shows has asked for its tiles', async () => {
    const seen = await app.page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
    const sources = await app.page.evaluate(() => {
      const map = window.__map;
      if (!map) throw new Error('map not exposed');
      // the sources of the layers shown at start-up (switched on, and drawn at this zoom)
      const z = map.getZoom();
      return [
        ...new Set(
          map
            .getStyle()
            .layers.filter(
              (l) =>
                'source' in l &&
                map.getLayoutProperty(l.id, 'visibility') !== 'none' &&
                (l.minzoom ?? 0) <= z &&
                z < (l.maxzoom ?? 24),
            )
            .map((l) => (l as { source: string }).source),
        ),
      ];
    });
    expect(sources.length).toBeGreaterThan(5);
    expect(seen.firstDraw).not.toBeNull();
    const first = seen.firstDraw ?? 0;
    // each shown source asked for tiles, and before the map drew anything
    const late = sources.filter((s) => !(s in seen.tiles) || (seen.tiles[s] ?? 0) > first);
    expect(late, `first draw at ${first.toFixed(0)} ms; tile requests ${JSON.stringify(seen.tiles)}`).toEqual(
      [],
    );
  });
});
