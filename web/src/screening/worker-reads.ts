import type { StoredLayer } from '../storage/layer-binary-db.ts';

/** A stored layer's read begun by the worker's entry, and when it began (the worker's clock). */
export interface EarlyRead {
  t0: number;
  read: Promise<StoredLayer | undefined>;
}
