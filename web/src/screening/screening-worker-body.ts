/// <reference lib="webworker" />

/**
 * The screening worker once its engine is loaded (screening.worker.ts is its entry): the engine off the main
 * thread, so drawing and panning never wait for a check.
 */
import type { GeoJsonFeatureCollection, LayerIndex, LayerMeta } from '../../domain/screening/layer.ts';
import { parseLayerJson } from '../../domain/screening/layer-check.ts';
import { layerFeatures } from '../../domain/screening/layer-features.ts';
import { metaLabel } from '../../domain/screening/layer-issues.ts';
import { encodePropsLayout } from '../../domain/screening/layer-props.ts';
import type { CoordsIn } from '../../domain/screening/partial-layer.ts';
import { encodeAreas } from '../../domain/screening/stored-index.ts';
import {
  createScreeningHandler,
  type Post,
  refusal,
  type ScreeningResponse,
} from '../../domain/screening/worker-protocol.ts';
import { putStoredDerived } from '../storage/layer-binary-db.ts';
import type { ClientRequest, ClientResponse, NamedLayer } from './worker-messages.ts';
import { beginRead, type EarlyRead, readBlob, type StoredRead } from './worker-reads.ts';

const handle = createScreeningHandler();
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: ClientResponse, transfer: Transferable[] = []) => scope.postMessage(msg, { transfer });

/** Reads the worker's entry began, by layer id: the first prefetch of each takes its read. */
let entryReads = new Map<string, EarlyRead>();

/** A stored layer's read: the one the entry began, else a new one. */
function readStored(layerId: string): EarlyRead {
  const begun = entryReads.get(layerId);
  if (begun) {
    entryReads.delete(layerId);
    return begun;
  }
  return beginRead(layerId);
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Stored layers loaded here whose ring areas are not kept with them yet: once warmAreas has filled them, they are
 * written next to the layer (putStoredDerived), and the first check after the next reload finds them computed.
 */
const areasToKeep = new Map<string, { version: string; index: LayerIndex }>();

function noteStoredLoad(layerId: string, rec: StoredRead): void {
  const index = handle.layers.get(layerId);
  if (index && !rec.areas) areasToKeep.set(layerId, { version: rec.version, index });
  else areasToKeep.delete(layerId);
  // where its properties lie, found by this load's scan: the next load reads them without scanning
  const props = index && !rec.props ? encodePropsLayout(index.data.props) : null;
  if (props) putStoredDerived(layerId, rec.version, { props }).catch(() => {});
}

function keepAreas(): void {
  for (const [layerId, k] of areasToKeep) {
    areasToKeep.delete(layerId);
    // still the layer held under this id
    if (handle.layers.get(layerId) !== k.index) continue;
    putStoredDerived(layerId, k.version, { areas: encodeAreas(k.index) }).catch(() => {});
  }
}

/** Coordinates read in the background at a time, once a layer read in parts is loaded. */
const FILL_BYTES = 2 * 1024 * 1024;

/**
 * A stored layer's read into the engine, answering with `post`. Read in parts, it is ready at once and its
 * coordinates are read in as checks need them and in the background (fillCoords); else from its whole buffer.
 */
async function loadRead(requestId: number, rec: StoredRead, meta: LayerMeta, answer: Post): Promise<void> {
  const { index, areas, props } = rec;
  let ebl = rec.ebl;
  if (rec.parts) {
    const { blob, head, rest } = rec.parts;
    const coordsIn = handle.loadParts(
      {
        requestId,
        meta,
        head,
        rest,
        byteLength: blob.size,
        read: readBlob(blob),
        index: index as ArrayBuffer,
        ...(areas ? { areas } : {}),
        ...(props ? { props } : {}),
      },
      answer,
    );
    // a background read that fails leaves the rest to the checks, which read what they need and say when they cannot
    if (coordsIn) fillCoords(meta.id, coordsIn, blob).catch(() => {});
    if (coordsIn !== false) return;
    // its kept index does not fit it: indexed from the whole buffer
    ebl = await blob.arrayBuffer();
  }
  if (!ebl) throw new Error(`stored layer ${meta.id} could not be read`);
  handle(
    {
      type: 'loadLayer',
      requestId,
      format: 'binary',
      buffer: ebl,
      meta,
      ...(index && !rec.parts ? { index } : {}),
      ...(areas ? { areas } : {}),
      ...(props ? { props } : {}),
    },
    answer,
  );
}

/** holdCoordsFill (e2e builds): coordinates are read in only as checks need them */
let fillHeld = false;

/**
 * Reads in the coordinates of a layer read in parts, a piece at a time, then its properties' JSON block in one
 * piece (when they are read as checks name them), while it is still the one held.
 */
async function fillCoords(layerId: string, coordsIn: CoordsIn, blob: Blob): Promise<void> {
  const index = handle.layers.get(layerId);
  const held = () => !fillHeld && index !== undefined && handle.layers.get(layerId) === index;
  for (;;) {
    const gap = coordsIn.nextGap(FILL_BYTES);
    if (!gap || !held()) break;
    const bytes = await blob.slice(gap.from, gap.to).arrayBuffer();
    if (!held()) return;
    coordsIn.put(gap, bytes);
  }
  const props = coordsIn.propsToRead(blob.size);
  if (!props || !held()) return;
  const bytes = await blob.slice(props.from, props.to).arrayBuffer();
  if (held()) coordsIn.putProps(bytes);
}

/** Stored layers read at page start (prefetchStored), by layer id, until their loadStoredLayer takes them. */
const prefetched = new Map<string, Promise<StoredRead | undefined>>();

interface EarlyLoad {
  version: string;
  /** JSON of the metadata it is loaded with: the page's request must name the same */
  meta: string;
  /** set when the page will not take it (dropped, removed, or loaded otherwise): it is not kept */
  cancelled: boolean;
  loaded: Promise<
    | {
        rec: StoredRead;
        readMs: number;
        msg: Extract<ScreeningResponse, { type: 'layerLoaded' }>;
        index: LayerIndex;
      }
    | undefined
  >;
}

/**
 * Stored layers decoded and indexed at page start, with the version and metadata the page last loaded them with
 * (the hint, storage/stored-layer-hint.ts), until their loadStoredLayer takes them.
 */
const earlyLoads = new Map<string, EarlyLoad>();

function loadEarly(layerId: string, version: string, meta: LayerMeta): void {
  const { t0, read } = readStored(layerId);
  // the read also serves a request for this version with other metadata
  prefetched.set(layerId, read);
  const entry: EarlyLoad = {
    version,
    meta: JSON.stringify(meta),
    cancelled: false,
    loaded: Promise.resolve(undefined),
  };
  entry.loaded = read.then(async (rec) => {
    if (!rec || rec.version !== version || entry.cancelled || meta.id !== layerId) return undefined;
    const readMs = performance.now() - t0;
    let msg: Extract<ScreeningResponse, { type: 'layerLoaded' }> | undefined;
    // its progress and answer stay here: the page's loadStoredLayer answers for it
    await loadRead(-1, rec, meta, (m) => {
      if (m.type === 'layerLoaded') msg = m;
    });
    const index = handle.layers.get(layerId);
    if (msg && index) noteStoredLoad(layerId, rec);
    return msg && index ? { rec, readMs, msg, index } : undefined;
  });
  // one that could not be read is read again when the page asks for it
  entry.loaded = entry.loaded.catch(() => undefined);
  earlyLoads.set(layerId, entry);
}

/** The page will not take a layer loaded early: it is not loaded, or unloaded if it was (unless `keep`). */
function cancelEarly(layerId: string, keep = false): void {
  const e = earlyLoads.get(layerId);
  if (!e) return;
  earlyLoads.delete(layerId);
  e.cancelled = true;
  if (!keep)
    void e.loaded.then((got) => {
      if (got && handle.layers.get(layerId) === got.index) handle.layers.delete(layerId);
    });
}

/**
 * A stored user layer: its EBL1 buffer read from IndexedDB here (no JSON, nothing sent by the page), or taken from
 * the read begun at page start.
 */
async function loadStored(req: Extract<ClientRequest, { type: 'loadStoredLayer' }>): Promise<void> {
  try {
    const t0 = performance.now();
    post({ type: 'progress', requestId: req.requestId, progress: { phase: 'parse', done: 0, total: 1 } });
    const loadedEarly = earlyLoads.get(req.layerId);
    if (loadedEarly) {
      earlyLoads.delete(req.layerId);
      if (loadedEarly.version === req.version && loadedEarly.meta === JSON.stringify(req.meta)) {
        const got = await loadedEarly.loaded;
        // still the layer the worker holds under this id (nothing replaced or removed it meanwhile)
        if (got && !loadedEarly.cancelled && handle.layers.get(req.layerId) === got.index) {
          prefetched.delete(req.layerId);
          post({
            type: 'layerHashed',
            requestId: req.requestId,
            layerId: req.layerId,
            sha256: got.rec.sha256,
            bytes: got.rec.fileBytes,
            // the read and the decoding and indexing it took at page start (ebm:check:transfer, …:index)
            readMs: got.readMs,
          });
          post({ ...got.msg, requestId: req.requestId });
          return;
        }
      } else loadedEarly.cancelled = true;
    }
    const early = prefetched.get(req.layerId);
    prefetched.delete(req.layerId);
    // the read begun at page start serves when it found the version asked for (a layer stored again is read again)
    const got = early ? await early : undefined;
    const rec = got?.version === req.version ? got : await beginRead(req.layerId).read;
    if (!rec || rec.version !== req.version)
      throw new Error(`stored layer ${req.layerId} is gone or was replaced`);
    post({
      type: 'layerHashed',
      requestId: req.requestId,
      layerId: req.layerId,
      sha256: rec.sha256,
      bytes: rec.fileBytes,
      readMs: performance.now() - t0,
    });
    await loadRead(req.requestId, rec, req.meta, (msg, transfer) => {
      if (msg.type === 'layerLoaded') noteStoredLoad(req.meta.id, rec);
      post(msg, transfer);
    });
  } catch (e) {
    post({ type: 'error', requestId: req.requestId, message: e instanceof Error ? e.message : String(e) });
  }
}

async function load(req: Extract<ClientRequest, { type: 'loadLayerFrom' | 'loadLayerData' }>): Promise<void> {
  try {
    const t0 = performance.now();
    let text: string;
    if (req.type === 'loadLayerFrom') {
      post({ type: 'progress', requestId: req.requestId, progress: { phase: 'parse', done: 0, total: 1 } });
      const res = await fetch(req.url);
      if (!res.ok) throw new Error(`${req.url}: HTTP ${res.status}`);
      text = await res.text();
    } else text = JSON.stringify(req.data);
    const bytes = new TextEncoder().encode(text);
    const sha256 = await sha256Hex(bytes.buffer as ArrayBuffer);
    // broken JSON or no FeatureCollection: refused with the layer check's message, like any bad layer
    const parsed = parseLayerJson(text, metaLabel(req.meta));
    if (!parsed.ok) {
      post(refusal(req.requestId, parsed.errors));
      return;
    }
    // anything but a FeatureCollection goes on as it is: the handler's layer check refuses it with a message
    const value = parsed.value as GeoJsonFeatureCollection;
    const fc = Array.isArray(value?.features) ? layerFeatures(value) : value;
    post({
      type: 'layerHashed',
      requestId: req.requestId,
      layerId: req.meta.id,
      sha256,
      bytes: bytes.length,
      readMs: performance.now() - t0,
    });
    handle(
      { type: 'loadLayer', requestId: req.requestId, format: 'geojson', geojson: fc, meta: req.meta },
      post,
    );
  } catch (e) {
    post({ type: 'error', requestId: req.requestId, message: e instanceof Error ? e.message : String(e) });
  }
}

/** A stored layer to read at once (prefetchStored): decoded and indexed too when its version and metadata are known. */
function prefetch(layerId: string, version?: string, meta?: LayerMeta): void {
  if (prefetched.has(layerId)) return;
  if (version && meta) loadEarly(layerId, version, meta);
  else prefetched.set(layerId, readStored(layerId).read);
}

function onRequest(req: ClientRequest): void {
  if (req.type === 'loadLayerFrom' || req.type === 'loadLayerData') {
    // another source for this id: what was loaded early is not kept over it
    cancelEarly(req.meta.id, true);
    void load(req);
  } else if (req.type === 'loadStoredLayer') void loadStored(req);
  else if (req.type === 'prefetchStored') prefetch(req.layerId, req.version, req.meta);
  else if (req.type === 'holdCoordsFill') fillHeld = true;
  else if (req.type === 'dropPrefetched') {
    prefetched.delete(req.layerId);
    cancelEarly(req.layerId);
  } else {
    if (req.type === 'unloadLayer') {
      prefetched.delete(req.layerId);
      cancelEarly(req.layerId);
    } else if (req.type === 'loadLayer') cancelEarly(req.meta?.id ?? '', true);
    if (req.type === 'warmAreas')
      handle(req, (msg, transfer) => {
        post(msg, transfer);
        if (msg.type === 'warmed' && msg.finished) keepAreas();
      });
    else handle(req, post);
  }
}

/**
 * Runs the worker from its entry: the layers its name named (their reads begun there), then the requests that
 * arrived while this code loaded, in order, then every request.
 */
export function runScreeningWorker(
  named: readonly NamedLayer[],
  reads: Map<string, EarlyRead>,
  waiting: readonly ClientRequest[],
): void {
  entryReads = reads;
  for (const n of named) prefetch(n.id, n.version, n.meta);
  for (const req of waiting) onRequest(req);
  scope.onmessage = (e: MessageEvent<ClientRequest>) => onRequest(e.data);
}
