import { describe, expect, it } from 'vitest';
import {
  dropKeptTiles,
  KEPT_TILE_BYTES,
  keepTile,
  keepTileLayer,
  keptTile,
  keptTileLayer,
  type TilesOf,
} from '../../../web/src/storage/kept-tiles-db.ts';
import { deleteStoredLayer, putStoredLayer } from '../../../web/src/storage/layer-binary-db.ts';
import { freshIndexedDb, storedLayer } from '../fake-indexeddb.ts';

freshIndexedDb();

const of = (layerId: string, version: string, cutBy = '/assets/user-tiles.worker-a.js'): TilesOf => ({
  layerId,
  version,
  cutBy,
});
const info = { firstZoom: 6, featureCount: 12, vertexCount: 340 };
const record = (layerId: string, version: string, cutBy?: string) =>
  keepTileLayer(of(layerId, version, cutBy), info);
const bytes = (...b: number[]) => new Uint8Array(b).buffer;
const read = async (t: TilesOf, z: number, x: number, y: number) => {
  const got = await keptTile(t, z, x, y);
  return got && Array.from(new Uint8Array(got));
};

describe('tiles kept for a layer version (kept-tiles-db)', () => {
  it('answers the tiles kept for the recorded version and build, empty ones included, and nothing for another', async () => {
    const v1 = of('farm', 'v1');
    expect(await keptTileLayer(v1)).toBeUndefined();
    // no tile is kept before the layer's index is recorded
    expect(await keepTile(v1, 8, 1, 2, bytes(1, 2, 3))).toBe(false);
    await record('farm', 'v1');
    expect(await keptTileLayer(v1)).toMatchObject({ ...info, bytes: 0 });
    expect(await keptTileLayer(of('farm', 'v2'))).toBeUndefined();
    expect(await keptTileLayer(of('farm', 'v1', '/assets/user-tiles.worker-b.js'))).toBeUndefined();
    expect(await keepTile(v1, 8, 1, 2, bytes(1, 2, 3))).toBe(true);
    expect(await keepTile(v1, 8, 1, 3, new ArrayBuffer(0))).toBe(true);
    expect(await keepTile(of('farm', 'v2'), 8, 1, 2, bytes(9))).toBe(false);
    expect(await keepTile(of('farm', 'v1', 'other build'), 8, 1, 2, bytes(9))).toBe(false);
    expect(await read(v1, 8, 1, 2)).toEqual([1, 2, 3]);
    expect(await read(v1, 8, 1, 3)).toEqual([]);
    expect(await read(v1, 8, 2, 2)).toBeUndefined();
    expect(await read(of('farm', 'v2'), 8, 1, 2)).toBeUndefined();
    expect(await read(of('farm', 'v1', 'other build'), 8, 1, 2)).toBeUndefined();
    // a tile kept again replaces the one before, counted once
    expect(await keepTile(v1, 8, 1, 2, bytes(4, 5))).toBe(true);
    expect(await read(v1, 8, 1, 2)).toEqual([4, 5]);
    expect((await keptTileLayer(v1))?.bytes).toBe(2);
  });

  it('keeps no more than KEPT_TILE_BYTES for a layer', async () => {
    const v1 = of('farm', 'v1');
    await record('farm', 'v1');
    const big = new ArrayBuffer(KEPT_TILE_BYTES / 2 - 10);
    expect(await keepTile(v1, 5, 0, 0, big)).toBe(true);
    expect(await keepTile(v1, 5, 0, 1, big)).toBe(true);
    expect(await keepTile(v1, 5, 1, 0, new ArrayBuffer(40))).toBe(false);
    expect(await keptTile(v1, 5, 1, 0)).toBeUndefined();
    expect(await keepTile(v1, 5, 1, 1, new ArrayBuffer(20))).toBe(true);
    expect((await keptTileLayer(v1))?.bytes).toBe(KEPT_TILE_BYTES);
  });

  it('a new version or build drops the tiles of the one before; other layers keep theirs', async () => {
    await record('farm', 'v1');
    await record('town', 'v1');
    await keepTile(of('farm', 'v1'), 8, 1, 2, bytes(1));
    await keepTile(of('town', 'v1'), 8, 1, 2, bytes(2));
    // the same version recorded again (the index rebuilt in another page) keeps its tiles
    await record('farm', 'v1');
    expect(await read(of('farm', 'v1'), 8, 1, 2)).toEqual([1]);
    await record('farm', 'v1', 'a new build of the app');
    expect(await read(of('farm', 'v1'), 8, 1, 2)).toBeUndefined();
    await keepTile(of('farm', 'v1', 'a new build of the app'), 8, 1, 2, bytes(3));
    await record('farm', 'v2', 'a new build of the app');
    expect(await read(of('farm', 'v1', 'a new build of the app'), 8, 1, 2)).toBeUndefined();
    expect(await keptTileLayer(of('farm', 'v1', 'a new build of the app'))).toBeUndefined();
    expect(await read(of('town', 'v1'), 8, 1, 2)).toEqual([2]);
    await dropKeptTiles('town', 'v1');
    expect(await read(of('town', 'v1'), 8, 1, 2)).toEqual([2]);
    await dropKeptTiles('town');
    expect(await read(of('town', 'v1'), 8, 1, 2)).toBeUndefined();
    expect(await keptTileLayer(of('town', 'v1'))).toBeUndefined();
  });

  it('a stored layer deleted or stored anew drops its kept tiles', async () => {
    await putStoredLayer(storedLayer('farm', 'v1', 1));
    await record('farm', 'v1');
    await keepTile(of('farm', 'v1'), 8, 1, 2, bytes(1));
    // stored again at the same version (a migration): the tiles stay
    await putStoredLayer(storedLayer('farm', 'v1', 1));
    expect(await read(of('farm', 'v1'), 8, 1, 2)).toEqual([1]);
    await putStoredLayer(storedLayer('farm', 'v2', 2));
    expect(await read(of('farm', 'v1'), 8, 1, 2)).toBeUndefined();
    await record('farm', 'v2');
    await keepTile(of('farm', 'v2'), 8, 1, 2, bytes(2));
    await deleteStoredLayer('farm');
    expect(await read(of('farm', 'v2'), 8, 1, 2)).toBeUndefined();
    expect(await keptTileLayer(of('farm', 'v2'))).toBeUndefined();
  });
});
