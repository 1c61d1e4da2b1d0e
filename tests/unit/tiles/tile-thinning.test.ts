import { VectorTile } from '@mapbox/vector-tile';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import geojsonvt from 'geojson-vt';
import Pbf from 'pbf';
import { describe, expect, it } from 'vitest';
import { propsArray } from '../../../web/domain/screening/layer-props.ts';
import { syntheticLayer } from '../../../web/domain/screening/synthetic-layer.ts';
import { tileFeatureCollection } from '../../../web/domain/tiles/tile-features.ts';
import {
  thinTileFeatures,
  tileFeatureArea,
  tileFeatureVertices,
  tileFeatureWeight,
} from '../../../web/domain/tiles/tile-thinning.ts';
import { USER_TILE_LAYER, USER_TILE_OPTIONS } from '../../../web/domain/tiles/user-tiles.ts';
import { UserTileIndex } from '../../../web/src/map/tiles/user-tile-index.ts';

// 2,400 small polygons (20–60 vertices) with names, over 0.6° × 0.4°: one dense tile at zoom 7
const layer = syntheticLayer({
  seed: 3,
  bbox: [111.1, 41.1, 111.7, 41.5],
  cols: 60,
  rows: 40,
  minVertices: 20,
  maxVertices: 60,
  holeFraction: 0.2,
});
propsArray(layer.props).forEach((p, i) => {
  p.name = `永久基本农田图斑 ${String(i).padStart(6, '0')}`;
});
const lon2x = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const lat2y = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};
const z = 7;
const x = lon2x(111.4, z);
const y = lat2y(41.3, z);

describe('thinning a tile too heavy to draw', () => {
  const vt = geojsonvt(tileFeatureCollection(layer), { ...USER_TILE_OPTIONS });
  const features = vt.getTile(z, x, y)?.features ?? [];
  const encode = (fs: typeof features) =>
    fromGeojsonVt({ [USER_TILE_LAYER]: { features: fs } } as never, { version: 2, extent: 4096 }).byteLength;

  it('counts at least the bytes the features take in the PBF', () => {
    expect(features.length).toBe(2400);
    const weight = features.reduce((n, f) => n + tileFeatureWeight(f), 0);
    expect(encode(features)).toBeLessThanOrEqual(weight);
    for (const f of features.slice(0, 50)) expect(encode([f])).toBeLessThanOrEqual(tileFeatureWeight(f));
  });

  it('keeps the largest shapes within the budget, in their order; leaves a light tile as it is', () => {
    const total = features.reduce((n, f) => n + tileFeatureWeight(f), 0);
    expect(thinTileFeatures(features, total)).toEqual(features);
    const budget = Math.floor(total / 4);
    const kept = thinTileFeatures(features, budget);
    expect(kept.length).toBeGreaterThan(100);
    expect(kept.length).toBeLessThan(features.length);
    expect(kept.reduce((n, f) => n + tileFeatureWeight(f), 0)).toBeLessThanOrEqual(budget);
    expect(encode(kept)).toBeLessThanOrEqual(budget);
    const keptSet = new Set(kept);
    const smallestKept = Math.min(...kept.map(tileFeatureArea));
    for (const f of features)
      if (!keptSet.has(f)) expect(tileFeatureArea(f)).toBeLessThanOrEqual(smallestKept);
    const pos = kept.map((f) => features.indexOf(f));
    expect(pos).toEqual([...pos].sort((a, b) => a - b));
  });

  it('the tile index keeps a tile within its bytes, out of the max zoom only', () => {
    const whole = encode(features);
    expect(UserTileIndex.fromLayer(layer, whole).tile(z, x, y).byteLength).toBe(whole);
    const budget = Math.floor(whole / 3);
    const index = UserTileIndex.fromLayer(layer, budget);
    const bytes = index.tile(z, x, y).byteLength;
    expect(bytes).toBeLessThanOrEqual(budget);
    expect(bytes).toBeGreaterThan(budget / 2);
    const far = new VectorTile(new Pbf(index.tile(z, x, y))).layers[USER_TILE_LAYER];
    expect(far?.length).toBeLessThan(2400);
    expect(far?.length).toBeGreaterThan(300);
    // at the max zoom every feature of a tile is there, whatever the budget
    const zz = USER_TILE_OPTIONS.maxZoom;
    const tiny = UserTileIndex.fromLayer(layer, 1);
    const full = UserTileIndex.fromLayer(layer);
    const tx = lon2x(111.4, zz);
    const ty = lat2y(41.3, zz);
    const n = new VectorTile(new Pbf(full.tile(zz, tx, ty))).layers[USER_TILE_LAYER]?.length ?? 0;
    expect(n).toBeGreaterThan(1);
    expect(new VectorTile(new Pbf(tiny.tile(zz, tx, ty))).layers[USER_TILE_LAYER]?.length).toBe(n);
    expect(new VectorTile(new Pbf(tiny.tile(zz - 1, tx >> 1, ty >> 1))).layers[USER_TILE_LAYER]?.length).toBe(
      1,
    );
  });

  it('the tile index keeps a tile within its vertices too, keeping its largest shapes', () => {
    const all = features.reduce((n, f) => n + tileFeatureVertices(f), 0);
    expect(all).toBeGreaterThan(2400 * 3);
    const big = Number.MAX_SAFE_INTEGER;
    const read = (index: UserTileIndex) => {
      const l = new VectorTile(new Pbf(index.tile(z, x, y))).layers[USER_TILE_LAYER];
      const shapes = Array.from({ length: l?.length ?? 0 }, (_, i) => l?.feature(i).loadGeometry() ?? []);
      return { shapes, vertices: shapes.flat().reduce((n, r) => n + r.length, 0) };
    };
    expect(read(UserTileIndex.fromLayer(layer, big, all)).vertices).toBe(all);
    const budget = Math.floor(all / 4);
    const thinned = read(UserTileIndex.fromLayer(layer, big, budget));
    expect(thinned.vertices).toBeLessThanOrEqual(budget);
    expect(thinned.vertices).toBeGreaterThan(budget / 2);
    // the shapes kept are the largest: none left out is larger than the smallest kept
    const area = (rings: { x: number; y: number }[][]) =>
      tileFeatureArea({ type: 3, geometry: rings.map((r) => r.map((p) => [p.x, p.y])) });
    const keptAreas = thinned.shapes.map(area);
    const smallestKept = Math.min(...keptAreas);
    const allAreas = read(UserTileIndex.fromLayer(layer, big, all))
      .shapes.map(area)
      .sort((a, b) => b - a);
    expect(allAreas.slice(0, thinned.shapes.length).at(-1)).toBeLessThanOrEqual(smallestKept + 1e-9);
    expect(allAreas[thinned.shapes.length]).toBeLessThanOrEqual(smallestKept);
  });
});
