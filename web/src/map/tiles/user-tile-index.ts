import { fromGeojsonVt } from '@maplibre/vt-pbf';
import geojsonvt from 'geojson-vt';
import { decodeLayerWhole, type LayerData } from '../../../domain/screening/layer.ts';
import { firstDrawnZoom } from '../../../domain/tiles/draw-zoom.ts';
import { tileFeatureCollection } from '../../../domain/tiles/tile-features.ts';
import {
  thinTileFeatures,
  tileFeatureVertices,
  tileFeatureWeight,
} from '../../../domain/tiles/tile-thinning.ts';
import {
  USER_TILE_LAYER,
  USER_TILE_MAX_BYTES,
  USER_TILE_MAX_VERTICES,
  USER_TILE_OPTIONS,
} from '../../../domain/tiles/user-tiles.ts';

type TileIndex = ReturnType<typeof geojsonvt>;

/** One import of a user layer, cut into vector tiles: built once, then asked for tiles as PBF bytes. */
export class UserTileIndex {
  private constructor(
    private readonly index: TileIndex,
    readonly featureCount: number,
    readonly vertexCount: number,
    private readonly maxBytes: number,
    private readonly maxVertices: number,
    /** the first zoom whose tiles hold a shape (draw-zoom.ts), null for a layer with none */
    readonly firstZoom: number | null,
  ) {}

  /** `maxBytes`, `maxVertices`: the most PBF bytes and vertices of a tile out of the max zoom (tests set small ones). */
  static fromLayer(
    data: LayerData,
    maxBytes = USER_TILE_MAX_BYTES,
    maxVertices = USER_TILE_MAX_VERTICES,
  ): UserTileIndex {
    const index = geojsonvt(tileFeatureCollection(data), { ...USER_TILE_OPTIONS });
    return new UserTileIndex(
      index,
      data.featurePartStarts.length - 1,
      data.coords.length / 2,
      maxBytes,
      maxVertices,
      firstDrawnZoom(data),
    );
  }

  /** From the stored binary layer (EBL1). */
  static fromBinary(ebl: ArrayBuffer, maxBytes?: number): UserTileIndex {
    // every feature is cut into tiles: the properties parsed at once, not one feature at a time
    return UserTileIndex.fromLayer(decodeLayerWhole(ebl), maxBytes);
  }

  /** The tile's PBF bytes; an empty buffer where the layer has nothing. */
  tile(z: number, x: number, y: number): ArrayBuffer {
    const t = this.index.getTile(z, x, y);
    if (!t || t.features.length === 0) return new ArrayBuffer(0);
    let bytes = encode(t.features);
    if (z >= USER_TILE_OPTIONS.maxZoom) return buffer(bytes);
    let vertices = vertexCount(t.features);
    const over = () => bytes.byteLength > this.maxBytes || vertices > this.maxVertices;
    if (!over()) return buffer(bytes);
    // too heavy: keep the largest shapes within the budget, counted in the features' weights scaled to what
    // this tile really encodes to (and to its share of the vertices), until the tile fits
    let weight = t.features.reduce((n, f) => n + tileFeatureWeight(f), 0);
    for (let i = 0; i < 8 && over(); i++) {
      const share = Math.min(this.maxBytes / bytes.byteLength, this.maxVertices / vertices);
      const kept = thinTileFeatures(t.features, Math.floor(0.95 * weight * share));
      weight = kept.reduce((n, f) => n + tileFeatureWeight(f), 0);
      vertices = vertexCount(kept);
      bytes = encode(kept);
    }
    return buffer(bytes);
  }
}

function vertexCount(features: Parameters<typeof tileFeatureVertices>[0][]): number {
  return features.reduce((n, f) => n + tileFeatureVertices(f), 0);
}

function encode(features: unknown[]): Uint8Array {
  return fromGeojsonVt({ [USER_TILE_LAYER]: { features } } as never, {
    version: 2,
    extent: USER_TILE_OPTIONS.extent,
  });
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}
