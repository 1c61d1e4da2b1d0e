import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * The buffer rings (buffer-rings.ts) computed in a worker of their own, so that neither the page nor the screening
 * worker waits for them. One job at a time, named by what the rings are made from: the same outline and distances
 * again share the job (or its answer); a job for other rings, or a check starting, stops it.
 */
type Rings = FeatureCollection<Polygon | MultiPolygon>;

let worker: Worker | null = null;
let seq = 0;
let pending: { id: number; settle: (r: Rings | null) => void; fail: (e: Error) => void } | null = null;
/** the job asked for last: its key and its answer (null once stopped) */
let last: { key: string; rings: Promise<Rings | null> } | null = null;

const spawn = (): Worker => {
  const w = new Worker(new URL('./buffer-rings.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<{ id: number; rings?: Rings; error?: string }>) => {
    if (!pending || e.data.id !== pending.id) return;
    const p = pending;
    pending = null;
    if (e.data.rings) p.settle(e.data.rings);
    else p.fail(new Error(e.data.error ?? 'buffer rings failed'));
  };
  w.onerror = (e) => {
    const p = pending;
    pending = null;
    worker = null;
    w.terminate();
    p?.fail(new Error(e.message || 'buffer rings worker failed'));
  };
  return w;
};

/**
 * Stops the rings under way, if any (their promise resolves to null): a check starting gets the machine to itself,
 * and its rings are asked for again once its table is painted. Finished rings are kept.
 */
export function cancelBufferRings(): void {
  if (!pending) return;
  const p = pending;
  pending = null;
  last = null;
  // the worker is busy with a large buffer: stopped rather than waited for
  worker?.terminate();
  worker = null;
  p.settle(null);
}

/**
 * The rings at these distances around the boundary (`key` names the two); null when a job for other rings stopped
 * them.
 */
export function bufferRingsOffThread(
  key: string,
  boundary: FeatureCollection<Polygon | MultiPolygon>,
  distancesM: number[],
): Promise<Rings | null> {
  if (last?.key === key) return last.rings;
  cancelBufferRings();
  worker ??= spawn();
  const id = ++seq;
  const w = worker;
  const rings = new Promise<Rings | null>((settle, fail) => {
    pending = { id, settle, fail };
    w.postMessage({ id, boundary, distancesM });
  });
  const job = { key, rings };
  last = job;
  // a failed job is not kept: the next check asks again
  rings.catch(() => {
    if (last === job) last = null;
  });
  return rings;
}
