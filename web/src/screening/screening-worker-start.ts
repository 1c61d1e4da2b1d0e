/**
 * The page's screening worker, started at page start when the browser holds stored layers (app/restore-at-start.ts):
 * it begins reading them from IndexedDB on its own thread while the page still loads its code and draws the map;
 * the screening client (screening-client.ts) takes this worker when it is first used.
 */
import type { StoredLayerHintEntry } from '../storage/stored-layer-hint.ts';
import { type ClientRequest, PREFETCH_NAME } from './worker-messages.ts';

let early: Worker | null = null;
/** the page's screening worker once started (taken by the client or not) */
let current: Worker | null = null;
const asked = new Set<string>();

const spawn = (prefetch: readonly StoredLayerHintEntry[] = []): Worker => {
  const w = new Worker(new URL('./screening.worker.ts', import.meta.url), {
    ...(prefetch.length > 0 ? { name: `${PREFETCH_NAME}${JSON.stringify(prefetch)}` } : {}),
    type: 'module',
  });
  if (import.meta.env.MODE === 'e2e' && (window as { __holdCoordsFill?: boolean }).__holdCoordsFill)
    w.postMessage({ type: 'holdCoordsFill', requestId: 0 } satisfies ClientRequest);
  return w;
};

/**
 * Starts the worker (unless it runs) and has it read these stored layers at once, each id once per page; a layer
 * named with the version and metadata the page last loaded it with is also decoded and indexed at once, so the
 * page's request for it (the same version and metadata) finds it loaded.
 */
export function startScreeningWorker(layers: readonly (string | StoredLayerHintEntry)[]): void {
  if (layers.length === 0) return;
  const entries = layers.map((l) => (typeof l === 'string' ? { id: l } : l));
  if (!current) {
    // the layers are named in the worker's name: it begins reading them as it starts, while a message posted now
    // would reach it only once the page's thread is free again (the map's creation and first frames come first)
    early = spawn(entries);
    current = early;
    for (const e of entries) asked.add(e.id);
  }
  for (const e of entries) {
    if (asked.has(e.id)) continue;
    asked.add(e.id);
    current.postMessage({
      type: 'prefetchStored',
      requestId: 0,
      layerId: e.id,
      ...(e.version && e.meta ? { version: e.version, meta: e.meta } : {}),
    });
  }
}

/** Forgets what was read for layers the page will not load after all (no answer is awaited). */
export function dropPrefetched(layerIds: readonly string[]): void {
  for (const layerId of layerIds)
    if (asked.has(layerId)) current?.postMessage({ type: 'dropPrefetched', requestId: 0, layerId });
}

/** The worker started early, or a new one. */
export function takeScreeningWorker(): Worker {
  const w = early ?? spawn();
  early = null;
  current = w;
  return w;
}

let readDone: () => void = () => {};
const read = new Promise<void>((ok) => {
  readDone = ok;
});

/** Called once the stored layers read at page start are loaded in the worker (or could not be). */
export function storedLayersRead(): void {
  readDone();
}

/** How long the map's creation waits for the layers stored at the last visit to be loaded for checks (main.tsx). */
export const STORED_BEFORE_MAP_MS = 700;

/**
 * Resolves when the stored layers read at page start are loaded in the screening worker, at once when none were:
 * the map is created after it (main.tsx), and the tiles worker reads the same records after it rather than at the
 * same time (two reads of a 70 MB record at once each take about twice as long, and the check is what the user
 * waits for). Bounded by `maxMs`.
 */
export function afterStoredLayersRead(maxMs = 10_000): Promise<void> {
  if (asked.size === 0) return Promise.resolve();
  return Promise.race([read, new Promise<void>((ok) => setTimeout(ok, maxMs))]);
}

let readyMarked = false;
/**
 * `ebm:reload:ready` (from the page's start), once per page: the stored layers the page restored are loaded in the
 * screening worker and shown as the user's in the store.
 */
export function markReloadReady(): void {
  if (readyMarked) return;
  readyMarked = true;
  performance.measure('ebm:reload:ready', { start: 0, duration: performance.now() });
}
