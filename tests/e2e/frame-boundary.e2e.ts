import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppDriver, rect } from './app-driver.ts';

/**
 * A project boundary that comes in is shown at once (web/src/screening/draft.ts frameBoundary): the camera goes
 * straight to it, with no flight whose frames a check clicked next would wait for.
 */

let app: AppDriver;

beforeAll(async () => {
  app = await AppDriver.start();
  await app.open();
});

afterAll(async () => {
  await app?.stopExpectingNoErrors();
});

describe('a project boundary chosen from a file', () => {
  it('is framed in one step: each move of the map ends in the task it began in, every camera shown is the final one, and it holds the boundary', async () => {
    await app.openScreening();
    await app.idle();
    const before = await app.page.evaluate(() => window.__map?.getZoom() ?? Number.NaN);
    await app.page.evaluate(() => {
      const map = window.__map;
      if (!map) throw new Error('map not exposed');
      const w = window as unknown as {
        __cameras: { zoom: number; lng: number; lat: number }[];
        __moves: boolean[];
      };
      w.__cameras = [];
      // each move, from its start to its end: ended within the task it began in (a jump), or later (a flight)
      w.__moves = [];
      let sameTask = false;
      map.on('movestart', () => {
        sameTask = true;
        queueMicrotask(() => {
          sameTask = false;
        });
      });
      map.on('moveend', () => w.__moves.push(sameTask));
      map.on('move', () => {
        const c = map.getCenter();
        w.__cameras.push({ zoom: map.getZoom(), lng: c.lng, lat: c.lat });
      });
    });
    // a site of ≈ 1.7 × 1.1 km by 呼和浩特, far closer than the start-up view of the whole region
    const [w, s, e, n] = [111.7, 40.8, 111.72, 40.81];
    await app.chooseProjectFile(rect(w, s, e, n));
    await app.idle();
    const { cameras, moves, bounds } = await app.page.evaluate(() => {
      const b = window.__map?.getBounds();
      const w = window as unknown as {
        __cameras: { zoom: number; lng: number; lat: number }[];
        __moves: boolean[];
      };
      return {
        cameras: w.__cameras,
        moves: w.__moves,
        bounds: b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] : [],
      };
    });
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.every((jump) => jump)).toBe(true);
    const last = cameras.at(-1);
    if (!last) throw new Error('no camera');
    expect(last.zoom).toBeGreaterThan(before + 4);
    for (const c of cameras) {
      expect(c.zoom).toBeCloseTo(last.zoom, 9);
      expect(c.lng).toBeCloseTo(last.lng, 9);
      expect(c.lat).toBeCloseTo(last.lat, 9);
    }
    const [bw, bs, be, bn] = bounds as [number, number, number, number];
    expect(bw).toBeLessThan(w);
    expect(bs).toBeLessThan(s);
    expect(be).toBeGreaterThan(e);
    expect(bn).toBeGreaterThan(n);
  });
});
