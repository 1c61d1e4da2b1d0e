/**
 * A layer's spatial index kept next to its EBL1 buffer, so a stored layer is ready to check without being
 * indexed again: ring and feature boxes and the flatbush tree ("EBI1"). Ring areas are not kept (the worker
 * fills them while idle, warmAreas).
 */
import Flatbush from 'flatbush';
import type { LayerData, LayerIndex } from './layer.ts';

const MAGIC = 0x31494245; // "EBI1" little-endian
const HEADER_BYTES = 16;

/** Layout: header (magic, ringCount, featureCount, treeBytes) | ringBBox f64 | featureBBox f64 | flatbush data. */
export function encodeIndex(index: LayerIndex): ArrayBuffer {
  const ringCount = index.ringBBox.length / 4;
  const tree = index.tree.data as ArrayBuffer;
  const total = HEADER_BYTES + index.ringBBox.byteLength + index.featureBBox.byteLength + tree.byteLength;
  const buf = new ArrayBuffer(total);
  new Uint32Array(buf, 0, 4).set([MAGIC, ringCount, index.featureCount, tree.byteLength]);
  let off = HEADER_BYTES;
  new Float64Array(buf, off, index.ringBBox.length).set(index.ringBBox);
  off += index.ringBBox.byteLength;
  new Float64Array(buf, off, index.featureBBox.length).set(index.featureBBox);
  off += index.featureBBox.byteLength;
  new Uint8Array(buf, off, tree.byteLength).set(new Uint8Array(tree));
  return buf;
}

/**
 * The stored index of `data`, or null when it does not belong to it (other counts, damaged): the caller then
 * indexes the layer as usual.
 */
export function decodeIndex(data: LayerData, buf: ArrayBuffer): LayerIndex | null {
  if (buf.byteLength < HEADER_BYTES) return null;
  const [magic, ringCount, featureCount, treeBytes] = new Uint32Array(buf, 0, 4) as unknown as number[];
  if (magic !== MAGIC) return null;
  if (ringCount !== data.ringStarts.length - 1 || featureCount !== data.featurePartStarts.length - 1)
    return null;
  const need = HEADER_BYTES + 32 * (ringCount + featureCount) + (treeBytes as number);
  if (need !== buf.byteLength) return null;
  let off = HEADER_BYTES;
  const ringBBox = new Float64Array(buf, off, 4 * ringCount);
  off += ringBBox.byteLength;
  const featureBBox = new Float64Array(buf, off, 4 * featureCount);
  off += featureBBox.byteLength;
  let tree: Flatbush;
  try {
    tree = Flatbush.from(buf, off);
  } catch {
    return null;
  }
  if (tree.numItems !== Math.max(featureCount, 1)) return null;
  const ringAreaCache = new Float64Array(ringCount).fill(Number.NaN);
  return { data, featureCount, featureBBox, ringBBox, tree, ringAreaCache };
}
