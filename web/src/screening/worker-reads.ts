import { getStoredLayer, type StoredLayer } from '../storage/layer-binary-db.ts';

/** A stored layer's read in the screening worker, and when it began (the worker's clock). */
export interface EarlyRead {
  t0: number;
  /** undefined when the layer is not stored (or could not be read) */
  read: Promise<StoredLayer | undefined>;
}

/** Begins reading a stored layer from IndexedDB. */
export function beginRead(layerId: string): EarlyRead {
  return { t0: performance.now(), read: getStoredLayer(layerId).catch(() => undefined) };
}
