/**
 * A layer's spatial index kept next to its EBL1 buffer, so a stored layer is ready to check without being
 * indexed again: ring and feature boxes and the flatbush tree ("EBI2": float32 boxes, rounded outward; "EBI1", kept
 * by earlier versions, had float64 ones and is still read). Ring areas are kept apart ("EBA1", encodeAreas): the
 * screening worker fills them while idle (warmAreas) and then keeps them with the stored layer, so that after a
 * reload a check finds them computed.
 */
import Flatbush from 'flatbush';
import { setBoxOutward } from '../geo/bbox.ts';
import type { LayerData, LayerIndex } from './layer.ts';

const MAGIC = 0x32494245; // "EBI2" little-endian
const MAGIC_F64 = 0x31494245; // "EBI1"
const HEADER_BYTES = 16;

/** Layout: header (magic, ringCount, featureCount, treeBytes) | ringBBox f32 | featureBBox f32 | flatbush data. */
export function encodeIndex(index: LayerIndex): ArrayBuffer {
  const ringCount = index.ringBBox.length / 4;
  const tree = index.tree.data as ArrayBuffer;
  const total = HEADER_BYTES + index.ringBBox.byteLength + index.featureBBox.byteLength + tree.byteLength;
  const buf = new ArrayBuffer(total);
  new Uint32Array(buf, 0, 4).set([MAGIC, ringCount, index.featureCount, tree.byteLength]);
  let off = HEADER_BYTES;
  new Float32Array(buf, off, index.ringBBox.length).set(index.ringBBox);
  off += index.ringBBox.byteLength;
  new Float32Array(buf, off, index.featureBBox.length).set(index.featureBBox);
  off += index.featureBBox.byteLength;
  new Uint8Array(buf, off, tree.byteLength).set(new Uint8Array(tree));
  return buf;
}

/** EBI1's float64 boxes as float32 ones, rounded outward. */
function outward(boxes: Float64Array): Float32Array {
  const out = new Float32Array(boxes.length);
  for (let b = 0; b < boxes.length / 4; b++)
    setBoxOutward(
      out,
      b,
      boxes[4 * b] as number,
      boxes[4 * b + 1] as number,
      boxes[4 * b + 2] as number,
      boxes[4 * b + 3] as number,
    );
  return out;
}

/**
 * The stored index of `data`, or null when it does not belong to it (other counts, damaged): the caller then
 * indexes the layer as usual.
 */
export function decodeIndex(data: LayerData, buf: ArrayBuffer): LayerIndex | null {
  if (buf.byteLength < HEADER_BYTES) return null;
  const [magic, ringCount, featureCount, treeBytes] = new Uint32Array(buf, 0, 4) as unknown as number[];
  if (magic !== MAGIC && magic !== MAGIC_F64) return null;
  if (ringCount !== data.ringStarts.length - 1 || featureCount !== data.featurePartStarts.length - 1)
    return null;
  const Boxes = magic === MAGIC ? Float32Array : Float64Array;
  const boxBytes = 4 * Boxes.BYTES_PER_ELEMENT;
  const featuresAt = HEADER_BYTES + boxBytes * ringCount;
  const treeAt = featuresAt + boxBytes * featureCount;
  if (treeAt + (treeBytes as number) !== buf.byteLength) return null;
  const ringBoxes = new Boxes(buf, HEADER_BYTES, 4 * ringCount);
  const featureBoxes = new Boxes(buf, featuresAt, 4 * featureCount);
  const ringBBox = ringBoxes instanceof Float32Array ? ringBoxes : outward(ringBoxes);
  const featureBBox = featureBoxes instanceof Float32Array ? featureBoxes : outward(featureBoxes);
  let tree: Flatbush;
  try {
    tree = Flatbush.from(buf, treeAt);
  } catch {
    return null;
  }
  if (tree.numItems !== Math.max(featureCount, 1)) return null;
  const ringAreaCache = new Float64Array(ringCount).fill(Number.NaN);
  return { data, featureCount, featureBBox, ringBBox, tree, ringAreaCache };
}

const AREAS_MAGIC = 0x31414245; // "EBA1" little-endian
/**
 * Which computation the kept areas came from: raise it whenever ringSignedArea (or what a ring's area means) changes,
 * so that areas kept by an earlier version are computed again instead of read.
 */
export const RING_AREA_RULE = 1;
const AREAS_HEADER_BYTES = 16;

/** The index's ring areas as they stand (NaN where not computed), to keep with the stored layer. */
export function encodeAreas(index: LayerIndex): ArrayBuffer {
  const n = index.ringAreaCache.length;
  const buf = new ArrayBuffer(AREAS_HEADER_BYTES + 8 * n);
  new Uint32Array(buf, 0, 4).set([AREAS_MAGIC, RING_AREA_RULE, n, 0]);
  new Float64Array(buf, AREAS_HEADER_BYTES, n).set(index.ringAreaCache);
  return buf;
}

/**
 * Kept ring areas into the index's cache (a copy: the cache stays the index's own); false, and the cache untouched,
 * when they do not belong to it (another ring count, another rule, damaged): they are then computed on demand.
 */
export function restoreAreas(index: LayerIndex, buf: ArrayBuffer): boolean {
  const n = index.ringAreaCache.length;
  if (buf.byteLength !== AREAS_HEADER_BYTES + 8 * n) return false;
  const [magic, rule, count] = new Uint32Array(buf, 0, 3) as unknown as number[];
  if (magic !== AREAS_MAGIC || rule !== RING_AREA_RULE || count !== n) return false;
  index.ringAreaCache.set(new Float64Array(buf, AREAS_HEADER_BYTES, n));
  return true;
}
