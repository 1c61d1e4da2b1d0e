/**
 * How a user's layer is drawn: vector tiles cut from the stored binary layer (EBL1) by geojson-vt in a worker and
 * served to the map through a custom URL scheme. This file holds what the map and the style need (tile URLs,
 * tiling options, how far drawn outlines may lie from the data) and imports nothing, so the map's first load
 * stays small; the worker's side is tile-features.ts.
 */

/** The URL scheme the map controller registers (maplibre addProtocol). */
export const USER_TILE_SCHEME = 'ebm-tiles';

/** The one layer in every user tile (a vector source's `source-layer`). */
export const USER_TILE_LAYER = 'features';

/**
 * Tiling options. Tiles are cut down to zoom 14 and overzoomed beyond; at zoom 14 every vertex is kept (only
 * rounded to the 4096-unit tile grid, ≈0.6 m at the equator), at lower zooms outlines are simplified by 6 units
 * of that zoom's tile (¾ of a pixel on screen), rings smaller than about a pixel are left out, and a tile over
 * USER_TILE_MAX_BYTES or USER_TILE_MAX_VERTICES keeps its largest shapes, so a whole-region view stays light.
 * Screening never reads the tiles: checks use the full stored geometry.
 */
export const USER_TILE_OPTIONS = {
  maxZoom: 14,
  tolerance: 6,
  extent: 4096,
  buffer: 64,
  indexMaxZoom: 5,
  indexMaxPoints: 100_000,
} as const;

/**
 * The most PBF bytes of a tile out of the max zoom: a heavier tile keeps its largest shapes (tile-thinning.ts).
 * The whole-region tiles of the 20,000-polygon bench layer (≈0.6 MB at most) stay whole.
 */
export const USER_TILE_MAX_BYTES = 1_000_000;

/**
 * The most vertices of a tile out of the max zoom, as for the bytes. In software WebGL (the bench's Chromium) a
 * tile of more made maplibre's upload of its outline wait for the GPU process: one main-thread task of 0.4–1.5 s,
 * against under 150 ms at 50,000 (README, bench). The bench red line's heaviest tile (z4) has 49,948.
 */
export const USER_TILE_MAX_VERTICES = 50_000;

const EQUATOR_M = 40_075_016.686;

/** One tile-grid unit at zoom z, in metres on the ground at latitude lat (Web Mercator). */
export function tileUnitMetres(z: number, lat = 0): number {
  return (EQUATOR_M * Math.cos((lat * Math.PI) / 180)) / (2 ** z * USER_TILE_OPTIONS.extent);
}

/** The map draws a tile 512 px wide: a screen pixel is this many tile units. */
export const PIXEL_UNITS = USER_TILE_OPTIONS.extent / 512;

/**
 * How far an outline drawn at zoom z lies from the stored geometry, in tile units. From the max zoom in, every
 * vertex is kept and only rounded to the grid: half a unit's diagonal. Further out, geojson-vt keeps a vertex when
 * it lies more than the tolerance off the simplified line at that zoom; its zoom levels are not nested, so an
 * outline can stray further than the tolerance (up to ≈10.9 units measured on seeded layers): a pixel and a half
 * is stated.
 */
export function drawnOutlineErrorUnits(z: number): number {
  return z >= USER_TILE_OPTIONS.maxZoom ? Math.SQRT1_2 : 1.5 * PIXEL_UNITS;
}

/** The same in metres at the equator (the largest it gets), rounded up to a tenth of a metre. */
export function drawnOutlineErrorMetres(z: number): number {
  const zz = Math.min(z, USER_TILE_OPTIONS.maxZoom);
  return Math.ceil(drawnOutlineErrorUnits(zz) * tileUnitMetres(zz) * 10) / 10;
}

/** A stored layer's version, as the tile URLs name it (the one rule, web/domain/projects/layer-version.ts). */
export { layerVersion as userLayerVersion } from '../projects/layer-version.ts';

export interface UserTileAddress {
  layerId: string;
  version: string;
  z: number;
  x: number;
  y: number;
}

/**
 * The tile URL template of one import of a layer: `ebm-tiles://<layer id>/<version>/{z}/{x}/{y}`, both parts
 * URI-encoded. A new import has a new version, so the map never draws tiles of an earlier one.
 */
export function userTileUrl(layerId: string, version: string): string {
  return `${USER_TILE_SCHEME}://${encodeURIComponent(layerId)}/${encodeURIComponent(version)}/{z}/{x}/{y}`;
}

const TILE_URL = new RegExp(`^${USER_TILE_SCHEME}://([^/]+)/([^/]+)/(\\d{1,2})/(\\d{1,8})/(\\d{1,8})$`);

/** A requested tile's address, or null when the URL is not a user tile (or its tile is off the grid). */
export function parseUserTileUrl(url: string): UserTileAddress | null {
  const m = TILE_URL.exec(url);
  if (!m) return null;
  let layerId: string;
  let version: string;
  try {
    layerId = decodeURIComponent(m[1] as string);
    version = decodeURIComponent(m[2] as string);
  } catch {
    return null;
  }
  const z = Number(m[3]);
  const x = Number(m[4]);
  const y = Number(m[5]);
  if (z > 24 || x >= 2 ** z || y >= 2 ** z) return null;
  return { layerId, version, z, x, y };
}
