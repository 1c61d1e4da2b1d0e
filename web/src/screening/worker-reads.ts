import {
  coordsEnd,
  HEADER_BYTES,
  jsonStart,
  layerCounts,
  type ReadBytes,
} from '../../domain/screening/layer.ts';
import { propsPrefixBytes } from '../../domain/screening/layer-props.ts';
import { getStoredLayerBlob, type StoredLayerBlob } from '../storage/layer-binary-db.ts';

/**
 * A stored layer as the screening worker reads it: in parts when it is kept as a Blob with its index (all but the
 * coordinates, and the properties when where they lie is kept, which are read in as checks need them:
 * partial-layer.ts), else its whole EBL1 buffer.
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
  const from = counts ? coordsEnd(counts) : ebl.size;
  // where the properties lie is kept: only the metadata before them is read now, the rest as checks name features
  const prefix = counts && rec.props && propsPrefixBytes(rec.props, counts.featureCount, counts.metaBytes);
  const tail = await ebl.slice(from, prefix && counts ? jsonStart(counts) + prefix : ebl.size).arrayBuffer();
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
