/// <reference lib="webworker" />
// Cuts user layers into vector tiles off the main thread: the stored binary layer (EBL1) is read from IndexedDB
// here, decoded and indexed once per import (geojson-vt), and each tile the map asks for is encoded to PBF. Tiles
// cut are kept for the layer's version (kept-tiles-db.ts): after a reload those are answered without the index,
// which is built when a tile not kept is asked for.

import {
  keepTile,
  keepTileLayer,
  keptTile,
  keptTileLayer,
  type TilesOf,
} from '../../storage/kept-tiles-db.ts';
import { getStoredLayer } from '../../storage/layer-binary-db.ts';
import type { TileAnswer, TileRequest } from './tile-messages.ts';
import { UserTileIndex } from './user-tile-index.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: TileAnswer, transfer: Transferable[] = []) => scope.postMessage(msg, { transfer });

interface Loaded {
  version: string;
  /** resolves once the worker knows whether the layer's tiles are kept (at once when its bytes were given) */
  known: Promise<void>;
  /** 'ready' was answered from the tiles kept for this version: tiles are looked for there until the index is built */
  fromKept: boolean;
  /** the index, once asked for: at the load unless the layer's tiles are kept, else at the first tile not kept */
  index: Promise<UserTileIndex> | null;
  built: UserTileIndex | null;
}
const layers = new Map<string, Loaded>();
let builds = 0;

/**
 * What kept tiles are keyed by besides the layer: its stored version and this worker's script, whose hashed name
 * changes with any change to how tiles are cut (a build of the app keeps only the tiles it cut itself). Nothing is
 * kept from a dev server's unhashed script.
 */
const tilesOf = (layerId: string, version: string): TilesOf | null =>
  import.meta.env.DEV ? null : { layerId, version, cutBy: scope.location.pathname };

/** Encoded tiles kept for re-requests (the map drops tiles from its cache and asks again on zooming back). */
const CACHE_BYTES = 32 * 1024 * 1024;
const cache = new Map<string, ArrayBuffer>();
let cached = 0;

function remember(key: string, data: ArrayBuffer): void {
  if (data.byteLength > CACHE_BYTES / 8) return;
  cache.set(key, data);
  cached += data.byteLength;
  for (const [k, v] of cache) {
    if (cached <= CACHE_BYTES) break;
    cache.delete(k);
    cached -= v.byteLength;
  }
}

function forget(layerId: string): void {
  for (const [k, v] of cache) {
    if (k.startsWith(`${layerId}\n`)) {
      cache.delete(k);
      cached -= v.byteLength;
    }
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function readStored(layerId: string, version: string) {
  // the import stores the layer before it tells the app; a version not there yet is waited for a little
  for (let i = 0; ; i++) {
    const rec = await getStoredLayer(layerId, { index: false });
    if ((rec && rec.version === version) || i >= 10) return rec;
    await sleep(200);
  }
}

async function build(layerId: string, version: string, given?: ArrayBuffer): Promise<UserTileIndex> {
  const t0 = performance.now();
  let ebl = given;
  let storedVersion = version;
  if (!ebl) {
    const rec = await readStored(layerId, version);
    if (!rec) throw new Error(`layer ${layerId} is not stored in this browser`);
    ebl = rec.ebl;
    storedVersion = rec.version;
  }
  const t1 = performance.now();
  const index = UserTileIndex.fromBinary(ebl);
  builds++;
  const { featureCount, vertexCount, firstZoom } = index;
  post({
    type: 'ready',
    layerId,
    version,
    storedVersion,
    readMs: t1 - t0,
    buildMs: performance.now() - t1,
    featureCount,
    vertexCount,
    firstZoom,
    builds,
    kept: false,
  });
  // the tiles cut from now on are kept for this version (a missed write is a cache miss after a reload)
  const of = tilesOf(layerId, version);
  if (of && storedVersion === version)
    await keepTileLayer(of, { firstZoom, featureCount, vertexCount }).catch(() => {});
  return index;
}

function startBuild(layerId: string, loaded: Loaded, given?: ArrayBuffer): Promise<UserTileIndex> {
  const index = build(layerId, loaded.version, given);
  loaded.index = index;
  index.then(
    (i) => {
      loaded.built = i;
    },
    (err: unknown) =>
      post({
        type: 'failed',
        layerId,
        version: loaded.version,
        message: err instanceof Error ? err.message : String(err),
      }),
  );
  return index;
}

/** Answers 'ready' from the tiles kept for this version; false when none are (or they cannot be read). */
async function fromKept(layerId: string, version: string): Promise<boolean> {
  const t0 = performance.now();
  const of = tilesOf(layerId, version);
  const kept = of ? await keptTileLayer(of).catch(() => undefined) : undefined;
  if (!kept) return false;
  const { featureCount, vertexCount, firstZoom } = kept;
  post({
    type: 'ready',
    layerId,
    version,
    storedVersion: version,
    readMs: performance.now() - t0,
    buildMs: 0,
    featureCount,
    vertexCount,
    firstZoom,
    builds,
    kept: true,
  });
  return true;
}

function load(req: Extract<TileRequest, { type: 'load' }>): void {
  const loaded: Loaded = {
    version: req.version,
    known: Promise.resolve(),
    fromKept: false,
    index: null,
    built: null,
  };
  layers.set(req.layerId, loaded);
  if (req.ebl) {
    startBuild(req.layerId, loaded, req.ebl);
    return;
  }
  loaded.known = fromKept(req.layerId, req.version).then((kept) => {
    loaded.fromKept = kept;
    if (!kept && layers.get(req.layerId) === loaded) startBuild(req.layerId, loaded);
  });
}

async function tile(loaded: Loaded, layerId: string, z: number, x: number, y: number): Promise<ArrayBuffer> {
  await loaded.known;
  const of = tilesOf(layerId, loaded.version);
  // while a fresh index is built nothing of this version is kept yet: no read for each tile
  if (of && loaded.fromKept && !loaded.built) {
    const kept = await keptTile(of, z, x, y).catch(() => undefined);
    if (kept) return kept;
  }
  // a layer that could not be read was reported once ('failed'); its tiles are empty
  const index = await (loaded.index ?? startBuild(layerId, loaded)).catch(() => null);
  if (!index) return new ArrayBuffer(0);
  const data = index.tile(z, x, y);
  if (of) void keepTile(of, z, x, y, data).catch(() => false);
  return data;
}

scope.onmessage = async (e: MessageEvent<TileRequest>) => {
  const req = e.data;
  if (req.type === 'load') {
    if (layers.get(req.layerId)?.version === req.version) return;
    forget(req.layerId);
    load(req);
  } else if (req.type === 'drop') {
    layers.delete(req.layerId);
    forget(req.layerId);
  } else {
    const { requestId, layerId, version, z, x, y } = req;
    try {
      const loaded = layers.get(layerId);
      if (!loaded || loaded.version !== version) {
        post({ type: 'tile', requestId, data: new ArrayBuffer(0) });
        return;
      }
      const key = `${layerId}\n${version}\n${z}/${x}/${y}`;
      let data = cache.get(key);
      if (data) {
        cache.delete(key);
        cache.set(key, data);
      } else {
        data = await tile(loaded, layerId, z, x, y);
        remember(key, data);
      }
      const copy = data.slice(0);
      post({ type: 'tile', requestId, data: copy }, [copy]);
    } catch (err) {
      post({ type: 'tileFailed', requestId, message: err instanceof Error ? err.message : String(err) });
    }
  }
};
