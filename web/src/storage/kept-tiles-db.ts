/**
 * The vector tiles the user-tiles worker cut from a stored layer, kept in IndexedDB for the layer's version, so that
 * after a reload the tiles already seen are answered without rebuilding the layer's tile index (2–3 s for the
 * 300,000-parcel farmland-like layer). A tile not kept has the index built, as before. Derived data only: a layer
 * deleted or stored anew drops its tiles (layer-binary-db.ts), and a failed read or write is a cache miss.
 */
import { done, keptConnection, req } from './idb.ts';

export const KEPT_TILES_DB = 'eco-barrier-map-tiles';
const VERSION = 1;
const LAYERS = 'layers';
const TILES = 'tiles';

/** The most tile bytes kept for one layer: tiles cut beyond it are not kept. */
export const KEPT_TILE_BYTES = 64 * 1024 * 1024;

/** Whose tiles: a stored layer's version, cut by one build of the tiling code (the tiles worker's script). */
export interface TilesOf {
  /** registry layer id */
  layerId: string;
  /** the stored layer's version */
  version: string;
  /** the tiling code's build; tiles cut by another are not answered */
  cutBy: string;
}

/** What the tiles worker says of a layer once its index is built, kept with its tiles. */
export interface KeptTileInfo {
  firstZoom: number | null;
  featureCount: number;
  vertexCount: number;
}

interface LayerRecord extends KeptTileInfo {
  /** registry layer id */
  id: string;
  version: string;
  cutBy: string;
  /** tile bytes kept so far */
  bytes: number;
}

type TileKey = [layerId: string, cut: string, z: number, x: number, y: number];

interface TileRecord {
  id: TileKey;
  data: ArrayBuffer;
}

const db = keptConnection(KEPT_TILES_DB, VERSION, [LAYERS, TILES]);

/** Every tile key of a layer, whatever its version. */
const layerTiles = (layerId: string) => IDBKeyRange.bound([layerId], [layerId, []]);
const tileKey = (of: TilesOf, z: number, x: number, y: number): TileKey => [
  of.layerId,
  `${of.version}\n${of.cutBy}`,
  z,
  x,
  y,
];
const isOf = (rec: LayerRecord | undefined, of: TilesOf): rec is LayerRecord =>
  rec?.version === of.version && rec.cutBy === of.cutBy;

/** What was kept with the layer's tiles, when they are of this version and cut by this build. */
export async function keptTileLayer(of: TilesOf): Promise<(KeptTileInfo & { bytes: number }) | undefined> {
  const tx = (await db()).transaction(LAYERS, 'readonly');
  const rec = (await req(tx.objectStore(LAYERS).get(of.layerId))) as LayerRecord | undefined;
  return isOf(rec, of) ? rec : undefined;
}

/**
 * Records a layer's tile index as built for this version and build: the tiles kept for another are dropped, those
 * of this one stay.
 */
export async function keepTileLayer(of: TilesOf, info: KeptTileInfo): Promise<void> {
  const tx = (await db()).transaction([LAYERS, TILES], 'readwrite');
  const layers = tx.objectStore(LAYERS);
  const had = (await req(layers.get(of.layerId))) as LayerRecord | undefined;
  const { version, cutBy } = of;
  const { firstZoom, featureCount, vertexCount } = info;
  const rec: LayerRecord = { id: of.layerId, version, cutBy, firstZoom, featureCount, vertexCount, bytes: 0 };
  if (isOf(had, of)) rec.bytes = had.bytes;
  else tx.objectStore(TILES).delete(layerTiles(of.layerId));
  layers.put(rec);
  await done(tx);
}

/** A kept tile's PBF bytes (empty for a tile with nothing in it), undefined when it is not kept. */
export async function keptTile(
  of: TilesOf,
  z: number,
  x: number,
  y: number,
): Promise<ArrayBuffer | undefined> {
  const tx = (await db()).transaction(TILES, 'readonly');
  const rec = (await req(tx.objectStore(TILES).get(tileKey(of, z, x, y)))) as TileRecord | undefined;
  return rec?.data;
}

/**
 * Keeps a tile of the layer as recorded (keepTileLayer) while its kept bytes stay within KEPT_TILE_BYTES; false when
 * it was not kept (another version or build recorded, none, or no room).
 */
export async function keepTile(
  of: TilesOf,
  z: number,
  x: number,
  y: number,
  data: ArrayBuffer,
): Promise<boolean> {
  const tx = (await db()).transaction([LAYERS, TILES], 'readwrite');
  const layers = tx.objectStore(LAYERS);
  const layer = (await req(layers.get(of.layerId))) as LayerRecord | undefined;
  const tiles = tx.objectStore(TILES);
  const key = tileKey(of, z, x, y);
  const had = isOf(layer, of) ? ((await req(tiles.get(key))) as TileRecord | undefined) : undefined;
  const bytes = (layer?.bytes ?? 0) + data.byteLength - (had?.data.byteLength ?? 0);
  if (!isOf(layer, of) || bytes > KEPT_TILE_BYTES) {
    tx.abort();
    await done(tx).catch(() => {});
    return false;
  }
  tiles.put({ id: key, data } satisfies TileRecord);
  layers.put({ ...layer, bytes });
  await done(tx);
  return true;
}

/** Drops a layer's kept tiles, of every version but `unless` (a layer stored anew keeps those of its own version). */
export async function dropKeptTiles(layerId: string, unless?: string): Promise<void> {
  const tx = (await db()).transaction([LAYERS, TILES], 'readwrite');
  const layers = tx.objectStore(LAYERS);
  const had = (await req(layers.get(layerId))) as LayerRecord | undefined;
  if (!had || had.version === unless) return;
  layers.delete(layerId);
  tx.objectStore(TILES).delete(layerTiles(layerId));
  await done(tx);
}
