/**
 * The page's screening worker, started at page start when the browser holds stored layers (app/restore-at-start.ts):
 * it begins reading them from IndexedDB on its own thread while the page still loads its code and draws the map;
 * the screening client (screening-client.ts) takes this worker when it is first used.
 */
let early: Worker | null = null;

const spawn = (): Worker => new Worker(new URL('./screening.worker.ts', import.meta.url), { type: 'module' });

/** Starts the worker and has it read these stored layers (an id and its stored version) at once. */
export function startScreeningWorker(layers: { layerId: string; version: string }[]): void {
  early ??= spawn();
  for (const l of layers) early.postMessage({ type: 'prefetchStored', requestId: 0, ...l });
}

/** The worker started early, or a new one. */
export function takeScreeningWorker(): Worker {
  const w = early ?? spawn();
  early = null;
  return w;
}
