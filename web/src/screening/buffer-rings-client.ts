import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * The buffer rings (buffer-rings.ts) computed in a worker of their own, so that neither the page nor the screening
 * worker waits for them. One job at a time: a new check stops the job of the one before (its rings are stale).
 */
type Rings = FeatureCollection<Polygon | MultiPolygon>;

let worker: Worker | null = null;
let seq = 0;
let pending: { id: number; settle: (r: Rings | null) => void; fail: (e: Error) => void } | null = null;

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

/** Stops the rings under way, if any (their promise resolves to null). */
export function cancelBufferRings(): void {
  if (!pending) return;
  const p = pending;
  pending = null;
  // the worker is busy with a large buffer: stopped rather than waited for
  worker?.terminate();
  worker = null;
  p.settle(null);
}

/** The rings at these distances around the boundary; null when a newer job (or a check) stopped them. */
export function bufferRingsOffThread(
  boundary: FeatureCollection<Polygon | MultiPolygon>,
  distancesM: number[],
): Promise<Rings | null> {
  cancelBufferRings();
  worker ??= spawn();
  const id = ++seq;
  const w = worker;
  return new Promise<Rings | null>((settle, fail) => {
    pending = { id, settle, fail };
    w.postMessage({ id, boundary, distancesM });
  });
}
