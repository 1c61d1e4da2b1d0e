/**
 * User layers kept in the engine's binary form (EBL1, web/domain/screening/layer.ts) in IndexedDB: one record per
 * registry layer id. Works on the main thread and in workers (only `globalThis.indexedDB`). The metadata lives in a
 * store of its own so listing or checking a version never reads the buffers.
 */
import type { UserLayer } from '../../domain/importers/index.ts';
import { done, keptConnection, req } from './idb.ts';
import { dropKeptTiles } from './kept-tiles-db.ts';

export const LAYER_BINARY_DB = 'eco-barrier-map-layers';
/** 2: ring areas kept in a store of their own (no change to the other two; version 1 databases keep their data) */
const VERSION = 2;
const META = 'meta';
const DATA = 'data';
const AREAS = 'areas';

export interface StoredLayerMeta {
  /** registry layer id the data serves (e.g. 'redline-illustrative', 'farmland-permanent') */
  id: string;
  /** changes on every import (`${importedAt}|${fileName}`); part of tile URLs and cache keys */
  version: string;
  /** of the user's original file bytes, computed once at import */
  sha256: string;
  fileBytes: number;
  featureCount: number;
  vertexCount: number;
  /** WGS84 w,s,e,n */
  bbox: [number, number, number, number];
  /** the layer's name as the user gave it (the file name) */
  name?: string;
  /** where the data came from, as the layer info and reports show it */
  provenance?: UserLayer['provenance'];
}

export interface StoredLayer extends StoredLayerMeta {
  /** encodeLayer(LayerData): geometry + props with zoneId/zoneType/name filled in */
  ebl: ArrayBuffer;
  /** optional prebuilt spatial index data */
  index?: ArrayBuffer;
  /**
   * the ring areas (m², Float64 per ring, NaN where not computed) as the screening worker computed them once the
   * layer was loaded (putStoredDerived); absent until then, and for another version
   */
  areas?: ArrayBuffer;
  /**
   * where the features' properties lie in the EBL1 buffer (layer-props.ts encodePropsLayout), as the screening
   * worker found them when it first loaded the layer; absent until then, and for another version
   */
  props?: ArrayBuffer;
}

/** What the screening worker derived from a stored layer, kept in the areas store next to it (putStoredDerived). */
interface AreasRecord {
  id: string;
  version: string;
  areas?: ArrayBuffer;
  props?: ArrayBuffer;
}

/** `base` with the parts `derived` has over its own. */
function withDerived(base: AreasRecord, derived: { areas?: ArrayBuffer; props?: ArrayBuffer }): AreasRecord {
  const rec: AreasRecord = { ...base };
  if (derived.areas) rec.areas = derived.areas;
  if (derived.props) rec.props = derived.props;
  return rec;
}

/**
 * The buffers are kept as Blobs (records written before are ArrayBuffers, read as they are). Read back, IndexedDB
 * hands over a Blob at once and its bytes come into one buffer while the thread is free; an ArrayBuffer value is
 * copied out of the record while the reading thread waits. In Chromium on the 2-core machine, 75 MB: 62–77 ms as a
 * Blob, 135–311 ms as an ArrayBuffer (the read a reload waits for).
 */
interface DataRecord {
  id: string;
  version: string;
  ebl: ArrayBuffer | Blob;
  index?: ArrayBuffer | Blob;
}

const bytesOf = (b: ArrayBuffer | Blob): Promise<ArrayBuffer> | ArrayBuffer =>
  b instanceof Blob ? b.arrayBuffer() : b;

const db = keptConnection(LAYER_BINARY_DB, VERSION, [META, DATA, AREAS]);

function metaOf(rec: StoredLayerMeta): StoredLayerMeta {
  const { id, version, sha256, fileBytes, featureCount, vertexCount, bbox, name, provenance } = rec;
  const meta: StoredLayerMeta = {
    id,
    version,
    sha256,
    fileBytes,
    featureCount,
    vertexCount,
    bbox: [...bbox],
  };
  if (name !== undefined) meta.name = name;
  if (provenance) meta.provenance = provenance;
  return meta;
}

/** Puts a layer over the one with its id (metadata and buffers in one transaction). */
export async function putStoredLayer(rec: StoredLayer): Promise<void> {
  const tx = (await db()).transaction([META, DATA, AREAS], 'readwrite');
  const data: DataRecord = { id: rec.id, version: rec.version, ebl: new Blob([rec.ebl]) };
  if (rec.index) data.index = new Blob([rec.index]);
  tx.objectStore(DATA).put(data);
  tx.objectStore(META).put(metaOf(rec));
  if (rec.areas || rec.props)
    tx.objectStore(AREAS).put(withDerived({ id: rec.id, version: rec.version }, rec));
  else tx.objectStore(AREAS).delete(rec.id);
  await done(tx);
  // tiles cut from the version this one replaces
  await dropKeptTiles(rec.id, rec.version).catch(() => {});
}

/** A stored layer's three records, when its data record is of its metadata's version; `onData` sees the data record first. */
async function records(
  id: string,
  onData?: (data: DataRecord | undefined) => void,
): Promise<{ meta: StoredLayerMeta; data: DataRecord; derived?: AreasRecord } | undefined> {
  const tx = (await db()).transaction([META, DATA, AREAS], 'readonly');
  const dataGot = req(tx.objectStore(DATA).get(id)) as Promise<DataRecord | undefined>;
  if (onData) void dataGot.then(onData, () => {});
  const [meta, data, areas] = await Promise.all([
    req(tx.objectStore(META).get(id)) as Promise<StoredLayerMeta | undefined>,
    dataGot,
    req(tx.objectStore(AREAS).get(id)) as Promise<AreasRecord | undefined>,
  ]);
  if (!meta || !data || data.version !== meta.version) return undefined;
  return { meta, data, ...(areas?.version === meta.version ? { derived: areas } : {}) };
}

function withParts<T extends { areas?: ArrayBuffer; props?: ArrayBuffer }>(out: T, derived?: AreasRecord): T {
  if (derived?.areas) out.areas = derived.areas;
  if (derived?.props) out.props = derived.props;
  return out;
}

/** `index: false`: the kept index is not read (the tiles worker cuts tiles from the EBL1 buffer alone). */
export async function getStoredLayer(
  id: string,
  { index: withIndex = true }: { index?: boolean } = {},
): Promise<StoredLayer | undefined> {
  let bytesGot: Promise<(ArrayBuffer | undefined)[]> | undefined;
  // the layer's bytes are asked for as soon as its record is there, while the small records are still read
  const got = await records(id, (data) => {
    if (!data) return;
    bytesGot = Promise.all([bytesOf(data.ebl), withIndex && data.index ? bytesOf(data.index) : undefined]);
    bytesGot.catch(() => {});
  });
  if (!got || !bytesGot) return undefined;
  const [ebl, index] = await bytesGot;
  if (!ebl) return undefined;
  const out: StoredLayer = { ...got.meta, ebl };
  if (index) out.index = index;
  return withParts(out, got.derived);
}

/**
 * A stored layer whose EBL1 buffer is not read: the Blob it is kept as (an ArrayBuffer for records written before
 * Blobs), for the screening worker to read in parts (partial-layer.ts). Its index, areas and properties' layout are
 * read.
 */
export interface StoredLayerBlob extends StoredLayerMeta {
  ebl: Blob | ArrayBuffer;
  index?: ArrayBuffer;
  areas?: ArrayBuffer;
  props?: ArrayBuffer;
}

export async function getStoredLayerBlob(id: string): Promise<StoredLayerBlob | undefined> {
  const got = await records(id);
  if (!got) return undefined;
  const out: StoredLayerBlob = { ...got.meta, ebl: got.data.ebl };
  if (got.data.index) out.index = await bytesOf(got.data.index);
  return withParts(out, got.derived);
}

/**
 * Keeps what the screening worker derived from a stored layer next to it: its ring areas (one Float64 per ring)
 * and where its properties lie, over what was kept for the same version, when the layer stored under `id` is still
 * `version`; false when it is not (replaced or removed meanwhile).
 */
export async function putStoredDerived(
  id: string,
  version: string,
  derived: { areas?: ArrayBuffer; props?: ArrayBuffer },
): Promise<boolean> {
  const tx = (await db()).transaction([META, AREAS], 'readwrite');
  const [meta, had] = await Promise.all([
    req(tx.objectStore(META).get(id)) as Promise<StoredLayerMeta | undefined>,
    req(tx.objectStore(AREAS).get(id)) as Promise<AreasRecord | undefined>,
  ]);
  const kept = meta?.version === version;
  if (kept) tx.objectStore(AREAS).put(withDerived(had?.version === version ? had : { id, version }, derived));
  await done(tx);
  return kept;
}

/** The record without its buffers. */
export async function getStoredLayerMeta(id: string): Promise<StoredLayerMeta | undefined> {
  const tx = (await db()).transaction(META, 'readonly');
  return (await req(tx.objectStore(META).get(id))) as StoredLayerMeta | undefined;
}

export async function allStoredLayerMeta(): Promise<StoredLayerMeta[]> {
  const tx = (await db()).transaction(META, 'readonly');
  return (await req(tx.objectStore(META).getAll())) as StoredLayerMeta[];
}

export async function deleteStoredLayer(id: string): Promise<void> {
  const tx = (await db()).transaction([META, DATA, AREAS], 'readwrite');
  tx.objectStore(META).delete(id);
  tx.objectStore(DATA).delete(id);
  tx.objectStore(AREAS).delete(id);
  await done(tx);
  await dropKeptTiles(id).catch(() => {});
}
