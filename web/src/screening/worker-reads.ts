import { coordsEnd, HEADER_BYTES, layerCounts } from '../../domain/screening/layer.ts';
import type { ReadBytes } from '../../domain/screening/partial-layer.ts';
import { getStoredLayerBlob, type StoredLayerBlob } from '../storage/layer-binary-db.ts';

/**
 * A stored layer as the screening worker reads it: in parts when it is kept as a Blob with its index (all but the
 * coordinates, which are read in as checks need them: partial-layer.ts), else its whole EBL1 buffer.
 */
export interface StoredRead extends Omit<StoredLayerBlob, 'ebl'> {
  ebl?: ArrayBuffer;
  parts?: { blob: Blob; head: ArrayBuffer; rest: ArrayBuffer };
}

/** A stored layer's read in the screening worker, and when it began (the worker's clock). */
export interface EarlyRead {
  t0: number;
  /** undefined when the layer is not stored (or could not be read) */
  read: Promise<StoredRead | undefined>;
}

async function readStoredLayer(layerId: string): Promise<StoredRead | undefined> {
  const rec = await getStoredLayerBlob(layerId);
  if (!rec) return undefined;
  const { ebl, ...rest } = rec;
  if (!(ebl instanceof Blob)) return { ...rest, ebl };
  // without its index the layer is indexed from its coordinates, all of them
  if (!rec.index) return { ...rest, ebl: await ebl.arrayBuffer() };
  const head = await ebl.slice(0, HEADER_BYTES).arrayBuffer();
  const counts = layerCounts(head);
  // no header: nothing after it is read, and the layer check refuses the parts as it would the whole buffer
  const tail = counts ? await ebl.slice(coordsEnd(counts)).arrayBuffer() : new ArrayBuffer(0);
  return { ...rest, parts: { blob: ebl, head, rest: tail } };
}

/** Begins reading a stored layer from IndexedDB. */
export function beginRead(layerId: string): EarlyRead {
  return { t0: performance.now(), read: readStoredLayer(layerId).catch(() => undefined) };
}

/** Reads bytes of a Blob at once (workers only). */
export const readBlob =
  (blob: Blob): ReadBytes =>
  (from, to) =>
    new FileReaderSync().readAsArrayBuffer(blob.slice(from, to));
