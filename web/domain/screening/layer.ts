/**
 * Screening layers in a compact form: all vertices in one Float64Array, offsets for rings, parts and
 * features, properties as JSON. Encoded to a single ArrayBuffer ("EBL1") that loads without JSON.parse of
 * the geometry. Rings are open (no repeated closing vertex), outer rings counter-clockwise, holes clockwise.
 */
import Flatbush from 'flatbush';
import { flatBBoxInto } from '../geo/bbox.ts';
import { ringSignedArea } from '../geo/ellipsoid.ts';
import { reverseRing, ringOrientation } from '../geo/planar.ts';
import type { LayerIssue } from './layer-check.ts';
import {
  type FeaturePropsList,
  type JsonBytes,
  parseLayerJson,
  propsArray,
  readLayerJson,
  readLayerJsonLater,
} from './layer-props.ts';

export interface LayerFeatureProps {
  /** stable feature id within the layer */
  id: string;
  zoneId?: string;
  zoneType?: string;
  name?: string;
  [key: string]: unknown;
}

export interface LayerMeta {
  id: string;
  nameZh?: string;
  nameEn?: string;
  /** data version / source, echoed into every report */
  version?: string;
  /** zone type for features that carry none */
  defaultZoneType?: string;
}

export interface LayerData {
  meta: LayerMeta;
  coords: Float64Array;
  /** ringCount + 1 vertex offsets */
  ringStarts: Uint32Array;
  /** partCount + 1 ring offsets; the first ring of a part is its outer ring */
  partRingStarts: Uint32Array;
  /** featureCount + 1 part offsets */
  featurePartStarts: Uint32Array;
  /** an array, or read when asked for from a stored layer (layer-props.ts) */
  props: FeaturePropsList;
}

export interface LayerIndex {
  data: LayerData;
  featureCount: number;
  /** float32, rounded outward (flatBBoxInto): they only pick candidates, and take half the room of float64 */
  featureBBox: Float32Array;
  ringBBox: Float32Array;
  tree: Flatbush;
  /** signed ellipsoidal area per ring, NaN until computed */
  ringAreaCache: Float64Array;
  /** from validateLayer (prepareLayer); copied into every result for this layer */
  warnings?: LayerIssue[];
  /** a stored layer whose coordinates are still read in (partial-layer.ts): false until all are in */
  coordsComplete?: () => boolean;
}

export interface Progress {
  phase: 'parse' | 'index' | 'areas' | 'screen';
  done: number;
  total: number;
}
export type ProgressFn = (p: Progress) => void;

type Position = readonly number[];
type GeoJsonGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: string; coordinates?: unknown; geometries?: unknown };
interface GeoJsonFeature {
  type: 'Feature';
  id?: string | number;
  geometry: GeoJsonGeometry | null;
  properties?: Record<string, unknown> | null;
}
export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
}

/** Builds a layer from GeoJSON polygons/multipolygons; other geometry types are skipped. */
export function layerFromGeoJson(
  fc: GeoJsonFeatureCollection,
  meta: LayerMeta,
  onProgress?: ProgressFn,
  /** the properties are the caller's own new objects, each with a string `id`: kept, not copied */
  adoptProperties = false,
): LayerData {
  let vertexCount = 0;
  let ringCount = 0;
  let partCount = 0;
  const polys: Position[][][][] = [];
  const props: LayerFeatureProps[] = [];
  fc.features.forEach((f, i) => {
    const g = f.geometry;
    let parts: Position[][][] | null = null;
    if (g?.type === 'Polygon') parts = [g.coordinates as Position[][]];
    else if (g?.type === 'MultiPolygon') parts = g.coordinates as Position[][][];
    if (!parts) return;
    polys.push(parts);
    const p = f.properties ?? {};
    if (adoptProperties && typeof p.id === 'string') props.push(p as LayerFeatureProps);
    else props.push({ ...p, id: String(p.id ?? f.id ?? i) } as LayerFeatureProps);
    for (const part of parts) {
      partCount++;
      for (const ring of part) {
        ringCount++;
        vertexCount += ring.length;
      }
    }
  });
  const coords = new Float64Array(2 * vertexCount);
  const ringStarts = new Uint32Array(ringCount + 1);
  const partRingStarts = new Uint32Array(partCount + 1);
  const featurePartStarts = new Uint32Array(polys.length + 1);
  let v = 0;
  let r = 0;
  let pa = 0;
  polys.forEach((parts, fi) => {
    for (const part of parts) {
      part.forEach((ring, k) => {
        const start = v;
        let n = ring.length;
        const a = ring[0];
        const b = ring[n - 1];
        if (n > 1 && a && b && a[0] === b[0] && a[1] === b[1]) n--;
        for (let i = 0; i < n; i++) {
          const p = ring[i] as Position;
          const x = p[0] as number;
          const y = p[1] as number;
          if (v > start && coords[2 * v - 2] === x && coords[2 * v - 1] === y) continue; // duplicate point
          coords[2 * v] = x;
          coords[2 * v + 1] = y;
          v++;
        }
        // outer CCW, holes CW (exact planar orientation in lon/lat)
        const ccw = ringOrientation(coords, start, v) > 0;
        if (ccw !== (k === 0)) reverseRing(coords, start, v);
        r++;
        ringStarts[r] = v;
      });
      pa++;
      partRingStarts[pa] = r;
    }
    featurePartStarts[fi + 1] = pa;
    if (onProgress && fi % 2000 === 0) onProgress({ phase: 'parse', done: fi, total: polys.length });
  });
  return {
    meta,
    coords: v === vertexCount ? coords : coords.slice(0, 2 * v),
    ringStarts,
    partRingStarts,
    featurePartStarts,
    props,
  };
}

export function featureRingRange(data: LayerData, f: number): [number, number] {
  const p0 = data.featurePartStarts[f] as number;
  const p1 = data.featurePartStarts[f + 1] as number;
  return [data.partRingStarts[p0] as number, data.partRingStarts[p1] as number];
}

/** Feature f as GeoJSON MultiPolygon coordinates (closed rings). */
export function featureCoordinates(data: LayerData, f: number): number[][][][] {
  const out: number[][][][] = [];
  const p0 = data.featurePartStarts[f] as number;
  const p1 = data.featurePartStarts[f + 1] as number;
  for (let p = p0; p < p1; p++) {
    const poly: number[][][] = [];
    for (let r = data.partRingStarts[p] as number; r < (data.partRingStarts[p + 1] as number); r++) {
      const ring: number[][] = [];
      const s = data.ringStarts[r] as number;
      const e = data.ringStarts[r + 1] as number;
      for (let i = s; i < e; i++) ring.push([data.coords[2 * i] as number, data.coords[2 * i + 1] as number]);
      ring.push([data.coords[2 * s] as number, data.coords[2 * s + 1] as number]);
      poly.push(ring);
    }
    out.push(poly);
  }
  return out;
}

/** Bounding boxes, the flatbush index over features. Ellipsoidal ring areas are computed lazily. */
export function indexLayer(data: LayerData, onProgress?: ProgressFn): LayerIndex {
  const ringCount = data.ringStarts.length - 1;
  const featureCount = data.featurePartStarts.length - 1;
  const ringBBox = new Float32Array(4 * ringCount);
  const c = data.coords;
  for (let r = 0; r < ringCount; r++) {
    flatBBoxInto(c, data.ringStarts[r] as number, data.ringStarts[r + 1] as number, ringBBox, r);
    if (onProgress && r % 20000 === 0) onProgress({ phase: 'index', done: r, total: ringCount });
  }
  const featureBBox = new Float32Array(4 * Math.max(featureCount, 0));
  // the feature boxes are float32 already, so the tree's float32 nodes hold them exactly
  const tree = new Flatbush(Math.max(featureCount, 1), 16, Float32Array);
  for (let f = 0; f < featureCount; f++) {
    const [r0, r1] = featureRingRange(data, f);
    // the ring boxes' corners, as points
    flatBBoxInto(ringBBox, 2 * r0, 2 * r1, featureBBox, f);
    tree.add(
      featureBBox[4 * f] as number,
      featureBBox[4 * f + 1] as number,
      featureBBox[4 * f + 2] as number,
      featureBBox[4 * f + 3] as number,
    );
  }
  if (featureCount === 0) tree.add(0, 0, 0, 0);
  tree.finish();
  onProgress?.({ phase: 'index', done: ringCount, total: ringCount });
  const ringAreaCache = new Float64Array(ringCount).fill(Number.NaN);
  return { data, featureCount, featureBBox, ringBBox, tree, ringAreaCache };
}

export function ringArea(index: LayerIndex, r: number): number {
  let a = index.ringAreaCache[r] as number;
  if (Number.isNaN(a)) {
    a = ringSignedArea(
      index.data.coords,
      index.data.ringStarts[r] as number,
      index.data.ringStarts[r + 1] as number,
    );
    index.ringAreaCache[r] = a;
  }
  return a;
}

/**
 * Fills the ring-area cache in slices (call from a worker between requests). Returns true when done.
 * Screening never depends on it: missing areas are computed on demand. A slice ends after `budgetRings` rings or
 * once it has read `budgetVertices` vertices (a slice of the red-line layer's 214-vertex rings would otherwise keep
 * a check waiting most of a second); it always computes at least one ring.
 */
export function warmAreas(
  index: LayerIndex,
  budgetRings: number,
  onProgress?: ProgressFn,
  budgetVertices = Number.POSITIVE_INFINITY,
): boolean {
  // areas of coordinates not read in yet would be wrong, and kept
  if (index.coordsComplete && !index.coordsComplete()) return false;
  const n = index.ringAreaCache.length;
  const starts = index.data.ringStarts;
  let done = 0;
  let vertices = 0;
  let missing = 0;
  for (let r = 0; r < n; r++) {
    if (!Number.isNaN(index.ringAreaCache[r] as number)) continue;
    if (done >= budgetRings || vertices >= budgetVertices) {
      missing++;
      continue;
    }
    ringArea(index, r);
    done++;
    vertices += (starts[r + 1] as number) - (starts[r] as number);
  }
  onProgress?.({ phase: 'areas', done: n - missing, total: n });
  return missing === 0;
}

// ---------------------------------------------------------------- binary form

const MAGIC = 0x314c4245; // "EBL1" little-endian
/** the EBL1 header's length: the coordinates begin after it */
export const HEADER_BYTES = 32;

/** Layout: header (magic, vertexCount, ringCount, partCount, featureCount, metaBytes) | coords f64 |
 * ringStarts u32 | partRingStarts u32 | featurePartStarts u32 | utf8 JSON {meta, props}. */
export function encodeLayer(data: LayerData): ArrayBuffer {
  const vertexCount = data.coords.length / 2;
  const json = new TextEncoder().encode(JSON.stringify({ meta: data.meta, props: propsArray(data.props) }));
  const u32Count = data.ringStarts.length + data.partRingStarts.length + data.featurePartStarts.length;
  const total = HEADER_BYTES + data.coords.byteLength + 4 * u32Count + json.byteLength;
  const buf = new ArrayBuffer(total);
  const head = new Uint32Array(buf, 0, 8);
  head.set([
    MAGIC,
    vertexCount,
    data.ringStarts.length - 1,
    data.partRingStarts.length - 1,
    data.featurePartStarts.length - 1,
    json.byteLength,
  ]);
  let off = HEADER_BYTES;
  new Float64Array(buf, off, data.coords.length).set(data.coords);
  off += data.coords.byteLength;
  for (const arr of [data.ringStarts, data.partRingStarts, data.featurePartStarts]) {
    new Uint32Array(buf, off, arr.length).set(arr);
    off += arr.byteLength;
  }
  new Uint8Array(buf, off, json.byteLength).set(json);
  return buf;
}

/** The counts an EBL1 header gives, or null when `head` does not start with one. */
export interface LayerCounts {
  vertexCount: number;
  ringCount: number;
  partCount: number;
  featureCount: number;
  metaBytes: number;
}

export function layerCounts(buf: ArrayBuffer, byteOffset = 0): LayerCounts | null {
  if (buf.byteLength - byteOffset < HEADER_BYTES) return null;
  const head = new DataView(buf, byteOffset, HEADER_BYTES);
  const u = (i: number) => head.getUint32(4 * i, true);
  if (u(0) !== MAGIC) return null;
  return { vertexCount: u(1), ringCount: u(2), partCount: u(3), featureCount: u(4), metaBytes: u(5) };
}

/** Where a layer's coordinates end in its EBL1 buffer: its offsets and properties follow. */
export const coordsEnd = (c: LayerCounts): number => HEADER_BYTES + 16 * c.vertexCount;

/** Where a layer's JSON block (metadata and properties) begins in its EBL1 buffer, after the offsets. */
export const jsonStart = (c: LayerCounts): number =>
  coordsEnd(c) + 4 * (c.ringCount + c.partCount + c.featureCount + 3);

/** The whole EBL1 buffer's length for these counts. */
export const layerByteLength = (c: LayerCounts): number => jsonStart(c) + c.metaBytes;

/** Bytes [from, to) of a layer's EBL1 buffer, read at once (a worker reads its stored Blob with FileReaderSync). */
export type ReadBytes = (from: number, to: number) => ArrayBuffer;

/**
 * Decodes without copying the geometry (views into `buf`); `propsLayout` is where the properties lie, as kept with
 * a stored layer (layer-props.ts encodePropsLayout).
 */
export function decodeLayer(buf: ArrayBuffer, byteOffset = 0, propsLayout?: ArrayBuffer): LayerData {
  if (byteOffset % 8 !== 0) {
    return decodeLayer(buf.slice(byteOffset), 0, propsLayout);
  }
  const c = countsOf(buf, byteOffset);
  const coords = new Float64Array(buf, byteOffset + HEADER_BYTES, 2 * c.vertexCount);
  return decodeLayerRest(c, buf, byteOffset + coordsEnd(c), coords, propsLayout);
}

/**
 * As decodeLayer, with every feature's properties parsed at once, for a reader that takes them all (the tiles
 * worker): the JSON block is not scanned for where each feature lies first.
 */
export function decodeLayerWhole(buf: ArrayBuffer): LayerData & { props: LayerFeatureProps[] } {
  const c = countsOf(buf, 0);
  if (layerByteLength(c) > buf.byteLength) throw new Error('properties cut short');
  const coords = new Float64Array(buf, HEADER_BYTES, 2 * c.vertexCount);
  const { meta, props } = parseLayerJson(new Uint8Array(buf, jsonStart(c), c.metaBytes), c.featureCount);
  return { ...offsetViews(c, buf, coordsEnd(c), coords), meta, props };
}

function countsOf(buf: ArrayBuffer, byteOffset: number): LayerCounts {
  const c = layerCounts(buf, byteOffset);
  if (!c) throw new Error('Not a screening layer (bad magic; expected EBL1)');
  return c;
}

function offsetViews(c: LayerCounts, buf: ArrayBuffer, byteOffset: number, coords: Float64Array) {
  let off = byteOffset;
  const ringStarts = new Uint32Array(buf, off, c.ringCount + 1);
  off += ringStarts.byteLength;
  const partRingStarts = new Uint32Array(buf, off, c.partCount + 1);
  off += partRingStarts.byteLength;
  const featurePartStarts = new Uint32Array(buf, off, c.featureCount + 1);
  return { coords, ringStarts, partRingStarts, featurePartStarts };
}

/**
 * A layer from the part of its EBL1 buffer after the coordinates (from `byteOffset` of `buf`: offsets, then
 * properties), with `coords` as its coordinates. With `readJson`, `buf` may hold only the JSON block's first bytes
 * (propsPrefixBytes of `propsLayout`): the properties are read with it as features are asked for.
 */
export function decodeLayerRest(
  c: LayerCounts,
  buf: ArrayBuffer,
  byteOffset: number,
  coords: Float64Array,
  propsLayout?: ArrayBuffer,
  readJson?: JsonBytes,
): LayerData {
  const layers = offsetViews(c, buf, byteOffset, coords);
  const off = byteOffset + jsonStart(c) - coordsEnd(c);
  if (off + c.metaBytes > buf.byteLength) {
    const prefix = new Uint8Array(buf, off);
    const later =
      readJson &&
      propsLayout &&
      readLayerJsonLater(prefix, c.featureCount, c.metaBytes, propsLayout, readJson);
    if (!later) throw new Error('properties cut short');
    return { ...layers, meta: later.meta, props: later.props };
  }
  const json = new Uint8Array(buf, off, c.metaBytes);
  // each feature's properties parsed when asked for; a block that does not scan is parsed whole, as written
  const parsed =
    readLayerJson(json, c.featureCount, propsLayout) ??
    (JSON.parse(new TextDecoder().decode(json)) as { meta: LayerMeta; props: LayerFeatureProps[] });
  return { ...layers, meta: parsed.meta, props: parsed.props };
}
