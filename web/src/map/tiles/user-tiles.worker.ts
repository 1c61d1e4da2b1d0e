/// <reference lib="webworker" />
// Cuts user layers into vector tiles off the main thread: the stored binary layer (EBL1) is read from IndexedDB
// here, decoded and indexed once per import (geojson-vt), and each tile the map asks for is encoded to PBF.
import { getStoredLayer } from '../../storage/layer-binary-db.ts';
import type { TileAnswer, TileRequest } from './tile-messages.ts';
import { UserTileIndex } from './user-tile-index.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: TileAnswer, transfer: Transferable[] = []) => scope.postMessage(msg, { transfer });

interface Loaded {
  version: string;
  index: Promise<UserTileIndex>;
}
const layers = new Map<string, Loaded>();
let builds = 0;

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

async function load(req: Extract<TileRequest, { type: 'load' }>): Promise<UserTileIndex> {
  const t0 = performance.now();
  let ebl = req.ebl;
  let storedVersion = req.version;
  if (!ebl) {
    const rec = await readStored(req.layerId, req.version);
    if (!rec) throw new Error(`layer ${req.layerId} is not stored in this browser`);
    ebl = rec.ebl;
    storedVersion = rec.version;
  }
  const t1 = performance.now();
  const index = UserTileIndex.fromBinary(ebl);
  builds++;
  post({
    type: 'ready',
    layerId: req.layerId,
    version: req.version,
    storedVersion,
    readMs: t1 - t0,
    buildMs: performance.now() - t1,
    featureCount: index.featureCount,
    vertexCount: index.vertexCount,
    firstZoom: index.firstZoom,
    builds,
  });
  return index;
}

scope.onmessage = async (e: MessageEvent<TileRequest>) => {
  const req = e.data;
  if (req.type === 'load') {
    if (layers.get(req.layerId)?.version === req.version) return;
    forget(req.layerId);
    const index = load(req);
    layers.set(req.layerId, { version: req.version, index });
    index.catch((err: unknown) =>
      post({
        type: 'failed',
        layerId: req.layerId,
        version: req.version,
        message: err instanceof Error ? err.message : String(err),
      }),
    );
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
      // a layer that could not be read was reported once ('failed'); its tiles are empty
      const index = await loaded.index.catch(() => null);
      if (!index) {
        post({ type: 'tile', requestId, data: new ArrayBuffer(0) });
        return;
      }
      const key = `${layerId}\n${version}\n${z}/${x}/${y}`;
      let data = cache.get(key);
      if (data) {
        cache.delete(key);
        cache.set(key, data);
      } else {
        data = index.tile(z, x, y);
        remember(key, data);
      }
      const copy = data.slice(0);
      post({ type: 'tile', requestId, data: copy }, [copy]);
    } catch (err) {
      post({ type: 'tileFailed', requestId, message: err instanceof Error ? err.message : String(err) });
    }
  }
};
