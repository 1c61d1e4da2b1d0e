/**
 * Two encoded layers (EBL1, web/domain/screening/layer.ts encodeLayer) of consecutive features joined into the
 * one encodeLayer gives for all of them: the import reads a large file's two halves at once and keeps one layer.
 * The layout: header (magic, vertexCount, ringCount, partCount, featureCount, metaBytes, 0, 0) | coords f64 |
 * ringStarts u32 | partRingStarts u32 | featurePartStarts u32 | UTF-8 JSON {"meta":…,"props":[…]}.
 */
import { flatBBox } from '../geo/bbox.ts';
import type { LayerData } from '../screening/layer.ts';

const MAGIC = 0x314c4245; // "EBL1"
const HEADER_BYTES = 32;

interface Parts {
  counts: [vertices: number, rings: number, parts: number, features: number];
  coords: Float64Array;
  starts: [Uint32Array, Uint32Array, Uint32Array];
  json: Uint8Array;
}

function partsOf(buf: ArrayBuffer): Parts {
  const head = new Uint32Array(buf, 0, 8);
  if (head[0] !== MAGIC) throw new Error('not an EBL1 layer');
  const [vertices, rings, parts, features, jsonBytes] = [
    head[1],
    head[2],
    head[3],
    head[4],
    head[5],
  ] as number[];
  let off = HEADER_BYTES;
  const coords = new Float64Array(buf, off, 2 * (vertices as number));
  off += coords.byteLength;
  const starts = [rings, parts, features].map((n) => {
    const a = new Uint32Array(buf, off, (n as number) + 1);
    off += a.byteLength;
    return a;
  }) as Parts['starts'];
  const json = new Uint8Array(buf, off, jsonBytes as number);
  return { counts: [vertices, rings, parts, features] as Parts['counts'], coords, starts, json };
}

/** Where the props array's items begin: after `{"meta":…,"props":[` (the meta holds no `"props":[` text). */
function propsItemsStart(json: Uint8Array): number {
  const key = new TextEncoder().encode('"props":[');
  const metaEnd = json.length - 1;
  outer: for (let i = 0; i + key.length <= metaEnd; i++) {
    for (let k = 0; k < key.length; k++) if (json[i + k] !== key[k]) continue outer;
    return i + key.length;
  }
  throw new Error('EBL1 JSON without props');
}

/**
 * The layer of a's features followed by b's, byte for byte as encodeLayer of them all. Both have at least one
 * feature and the same meta (else this throws: the caller then encodes the layer whole).
 */
export function mergeEncodedLayers(a: ArrayBuffer, b: ArrayBuffer): ArrayBuffer {
  const A = partsOf(a);
  const B = partsOf(b);
  if (A.counts[3] === 0 || B.counts[3] === 0) throw new Error('an empty part');
  const aItems = propsItemsStart(A.json);
  const bItems = propsItemsStart(B.json);
  const head = A.json.subarray(0, aItems);
  if (bItems !== aItems || !head.every((c, i) => B.json[i] === c)) throw new Error('parts of other layers');
  const close = [0x5d, 0x7d]; // ]}
  for (const j of [A.json, B.json])
    if (j[j.length - 2] !== close[0] || j[j.length - 1] !== close[1])
      throw new Error('EBL1 JSON not as written');
  // {"meta":M,"props":[a items] + , + b items]}
  const jsonBytes = A.json.length - 2 + 1 + (B.json.length - bItems);
  const counts = A.counts.map((n, k) => n + (B.counts[k] as number)) as Parts['counts'];
  const total = HEADER_BYTES + 16 * counts[0] + 4 * (counts[1] + counts[2] + counts[3] + 3) + jsonBytes;
  const buf = new ArrayBuffer(total);
  new Uint32Array(buf, 0, 8).set([MAGIC, ...counts, jsonBytes]);
  let off = HEADER_BYTES;
  const coords = new Float64Array(buf, off, 2 * (counts[0] as number));
  coords.set(A.coords);
  coords.set(B.coords, A.coords.length);
  off += coords.byteLength;
  // each start array: a's, then b's after its leading 0, shifted by a's count of what it points into
  for (let s = 0; s < 3; s++) {
    const as = A.starts[s] as Uint32Array;
    const bs = B.starts[s] as Uint32Array;
    const shift = A.counts[s] as number;
    const out = new Uint32Array(buf, off, as.length + bs.length - 1);
    out.set(as);
    for (let i = 1; i < bs.length; i++) out[as.length - 1 + i] = (bs[i] as number) + shift;
    off += out.byteLength;
  }
  const json = new Uint8Array(buf, off, jsonBytes);
  json.set(A.json.subarray(0, A.json.length - 2));
  json[A.json.length - 2] = 0x2c; // ,
  json.set(B.json.subarray(bItems), A.json.length - 1);
  return buf;
}

/**
 * An encoded layer's geometry as LayerData views into it (no props: the JSON is not read), for indexing it, with
 * the counts and box a stored layer lists.
 */
export function encodedLayerGeometry(buf: ArrayBuffer): {
  data: LayerData;
  featureCount: number;
  vertexCount: number;
  bbox: [number, number, number, number];
} {
  const P = partsOf(buf);
  const [ringStarts, partRingStarts, featurePartStarts] = P.starts;
  const data: LayerData = {
    meta: { id: '' },
    coords: P.coords,
    ringStarts,
    partRingStarts,
    featurePartStarts,
    props: [],
  };
  const vertexCount = P.coords.length / 2;
  return {
    data,
    featureCount: P.counts[3],
    vertexCount,
    bbox: flatBBox(P.coords, 0, vertexCount) as [number, number, number, number],
  };
}
