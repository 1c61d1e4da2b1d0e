import { VectorTile } from '@mapbox/vector-tile';
import geojsonvt from 'geojson-vt';
import Pbf from 'pbf';
import { describe, expect, it } from 'vitest';
import { storedLayerVersion } from '../../../web/domain/projects/stored-layer.ts';
import {
  encodeLayer,
  featureCoordinates,
  type GeoJsonFeatureCollection,
  layerFromGeoJson,
} from '../../../web/domain/screening/layer.ts';
import { syntheticLayer } from '../../../web/domain/screening/synthetic-layer.ts';
import { tileFeatureCollection, tileProps } from '../../../web/domain/tiles/tile-features.ts';
import {
  drawnOutlineErrorMetres,
  drawnOutlineErrorUnits,
  parseUserTileUrl,
  tileUnitMetres,
  USER_TILE_LAYER,
  USER_TILE_OPTIONS,
  userLayerVersion,
  userTileUrl,
} from '../../../web/domain/tiles/user-tiles.ts';
import { UserTileIndex } from '../../../web/src/map/tiles/user-tile-index.ts';

const lon2x = (lon: number, z: number) => ((lon + 180) / 360) * 2 ** z;
const lat2y = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};

describe('tile URLs', () => {
  it('round-trip a layer id and a version with any characters', () => {
    const version = userLayerVersion({
      importedAt: '2026-11-30T14:00:00.000Z',
      fileName: '红线 v2/最终%版.geojson',
    });
    const url = userTileUrl('farmland-permanent', version)
      .replace('{z}', '12')
      .replace('{x}', '3300')
      .replace('{y}', '1500');
    expect(url.startsWith('ebm-tiles://farmland-permanent/')).toBe(true);
    expect(parseUserTileUrl(url)).toEqual({
      layerId: 'farmland-permanent',
      version: '2026-11-30T14:00:00.000Z|红线 v2/最终%版.geojson',
      z: 12,
      x: 3300,
      y: 1500,
    });
  });

  it('the version is the stored layer’s (the map keeps its own copy of the rule to load light)', () => {
    const p = { importedAt: '2026-11-30T14:00:00.000Z', fileName: 'a|b.zip' };
    expect(userLayerVersion(p)).toBe(storedLayerVersion(p));
  });

  it('a new import is a new URL', () => {
    const a = userTileUrl(
      'redline-illustrative',
      userLayerVersion({ importedAt: 't1', fileName: 'a.geojson' }),
    );
    const b = userTileUrl(
      'redline-illustrative',
      userLayerVersion({ importedAt: 't2', fileName: 'a.geojson' }),
    );
    expect(a).not.toBe(b);
  });

  it('refuses other schemes, broken escapes and tiles off the grid', () => {
    expect(parseUserTileUrl('https://example.org/a/b/1/0/0')).toBeNull();
    expect(parseUserTileUrl('ebm-tiles://a/%E4/1/0/0')).toBeNull();
    expect(parseUserTileUrl('ebm-tiles://a/v/1/2/0')).toBeNull();
    expect(parseUserTileUrl('ebm-tiles://a/v/25/0/0')).toBeNull();
    expect(parseUserTileUrl('ebm-tiles://a/v/1/1/1')).toEqual({
      layerId: 'a',
      version: 'v',
      z: 1,
      x: 1,
      y: 1,
    });
  });
});

describe('features as geojson-vt reads them', () => {
  const layer = syntheticLayer({ seed: 5, bbox: [111, 41, 112, 42], cols: 4, rows: 3, holeFraction: 0.5 });

  it('keeps the properties the style and selection read, scalars only', () => {
    expect(
      tileProps({
        id: 'f1',
        zoneId: 'user-x-1',
        zoneType: 'redline',
        name: '甲',
        zh: '甲',
        area: 12.5,
        DLBM: '0101',
        nested: { a: 1 },
        kind: null,
      } as never),
    ).toEqual({ id: 'f1', zoneId: 'user-x-1', zoneType: 'redline', name: '甲', zh: '甲' });
  });

  it('yields every feature with the stored geometry, made as read', () => {
    const fc = tileFeatureCollection(layer);
    expect(fc.features.length).toBe(12);
    for (let i = 0; i < 12; i++) {
      const f = fc.features[i];
      expect(f?.properties.zoneId).toBe(layer.props.at(i)?.zoneId);
      const coords = f?.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f?.geometry.coordinates;
      expect(coords).toEqual(featureCoordinates(layer, i));
    }
    expect(fc.features[12]).toBeUndefined();
  });

  it('geojson-vt cuts the same tiles from it as from the layer as plain GeoJSON', () => {
    const plain = {
      type: 'FeatureCollection' as const,
      features: Array.from({ length: 12 }, (_, i) => tileFeatureCollection(layer).features[i]),
    };
    const a = geojsonvt(tileFeatureCollection(layer), { ...USER_TILE_OPTIONS });
    const b = geojsonvt(plain as never, { ...USER_TILE_OPTIONS });
    for (const [z, lon, lat] of [
      [5, 111.5, 41.5],
      [9, 111.3, 41.2],
      [12, 111.62, 41.5],
    ] as const) {
      const x = Math.floor(lon2x(lon, z));
      const y = Math.floor(lat2y(lat, z));
      const ta = a.getTile(z, x, y);
      expect(ta?.features.length).toBeGreaterThan(0);
      expect(ta?.features).toEqual(b.getTile(z, x, y)?.features);
    }
  });
});

describe('tiles from the stored binary layer', () => {
  const fc: GeoJsonFeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { zoneId: 'user-redline-1', zoneType: 'redline', name: '甲区', extra: 'dropped' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [111.0, 41.0],
              [111.1, 41.0],
              [111.1, 41.1],
              [111.0, 41.1],
              [111.0, 41.0],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { zoneId: 'user-redline-2', zoneType: 'redline' },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [111.2, 41.0],
                [111.3, 41.0],
                [111.3, 41.1],
                [111.2, 41.0],
              ],
            ],
            [
              [
                [111.4, 41.0],
                [111.5, 41.0],
                [111.5, 41.1],
                [111.4, 41.0],
              ],
            ],
          ],
        },
      },
    ],
  };
  const index = UserTileIndex.fromBinary(encodeLayer(layerFromGeoJson(fc, { id: 'redline-illustrative' })));

  const decode = (z: number, x: number, y: number) => new VectorTile(new Pbf(index.tile(z, x, y)));

  it('answers PBF with one layer of the features, their properties and shapes', () => {
    expect(index.featureCount).toBe(2);
    const z = 7; // one tile holds both features
    const x = Math.floor(lon2x(111.25, z));
    const y = Math.floor(lat2y(41.05, z));
    const tile = decode(z, x, y);
    expect(Object.keys(tile.layers)).toEqual([USER_TILE_LAYER]);
    const l = tile.layers[USER_TILE_LAYER];
    expect(l?.length).toBe(2);
    const a = l?.feature(0);
    expect(a?.properties).toEqual({ id: '0', zoneId: 'user-redline-1', zoneType: 'redline', name: '甲区' });
    expect(a?.toGeoJSON(x, y, z).geometry.type).toBe('Polygon');
    const b = l?.feature(1);
    expect(b?.toGeoJSON(x, y, z).geometry.type).toBe('MultiPolygon');
    // the square's corners come back within the drawing's error
    const ring = (a ? (a.toGeoJSON(x, y, z).geometry as GeoJSON.Polygon).coordinates[0] : undefined) ?? [];
    const tol = (drawnOutlineErrorUnits(z) * 360) / 2 ** z / USER_TILE_OPTIONS.extent;
    for (const [lon, lat] of [
      [111.0, 41.0],
      [111.1, 41.0],
      [111.1, 41.1],
      [111.0, 41.1],
    ] as const) {
      expect(
        ring.some(([px, py]) => Math.abs((px as number) - lon) < tol && Math.abs((py as number) - lat) < tol),
      ).toBe(true);
    }
  });

  it('an empty tile where the layer has nothing', () => {
    expect(index.tile(8, 0, 0).byteLength).toBe(0);
  });
});

describe('how far a drawn outline lies from the stored geometry', () => {
  // wiggly polygons (200–5000 vertices, some with holes) a few km across
  const layer = syntheticLayer({
    seed: 11,
    bbox: [111.6, 41.6, 111.9, 41.8],
    cols: 3,
    rows: 2,
    minVertices: 200,
    maxVertices: 5000,
    holeFraction: 0.5,
  });
  const index = UserTileIndex.fromLayer(layer);
  type P = { x: number; y: number };

  /** distance (tile units) from p to the nearest segment of the drawn rings */
  function distanceToRings(px: number, py: number, rings: P[][]): number {
    let best = Number.POSITIVE_INFINITY;
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i] as P;
        const b = ring[i + 1] as P;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const len = dx * dx + dy * dy;
        const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / len));
        best = Math.min(best, Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy)));
      }
    }
    return best;
  }

  it.each([6, 9, 11, 12, 13, 14])('zoom %i: every stored vertex lies within the stated error', (z) => {
    const c = layer.coords;
    const tiles = new Set<string>();
    for (let i = 0; i < c.length / 2; i++) {
      tiles.add(
        `${Math.floor(lon2x(c[2 * i] as number, z))}/${Math.floor(lat2y(c[2 * i + 1] as number, z))}`,
      );
    }
    let checked = 0;
    let drawn = 0;
    let worst = 0;
    for (const key of tiles) {
      const [x, y] = key.split('/').map(Number) as [number, number];
      const l = new VectorTile(new Pbf(index.tile(z, x, y))).layers[USER_TILE_LAYER];
      const rings: P[][] = [];
      for (let f = 0; f < (l?.length ?? 0); f++) rings.push(...(l?.feature(f).loadGeometry() ?? []));
      const inside = (p: P) =>
        p.x >= 0 && p.y >= 0 && p.x < USER_TILE_OPTIONS.extent && p.y < USER_TILE_OPTIONS.extent;
      drawn += rings.reduce((n, r) => n + r.slice(1).filter(inside).length, 0);
      for (let i = 0; i < c.length / 2; i++) {
        const px = (lon2x(c[2 * i] as number, z) - x) * USER_TILE_OPTIONS.extent;
        const py = (lat2y(c[2 * i + 1] as number, z) - y) * USER_TILE_OPTIONS.extent;
        if (px < 0 || py < 0 || px >= USER_TILE_OPTIONS.extent || py >= USER_TILE_OPTIONS.extent) continue;
        worst = Math.max(worst, distanceToRings(px, py, rings));
        checked++;
      }
    }
    expect(checked).toBe(c.length / 2);
    expect(worst).toBeLessThanOrEqual(drawnOutlineErrorUnits(z));
    // out of the max zoom the outlines are simplified: fewer vertices drawn than stored
    if (z < USER_TILE_OPTIONS.maxZoom) expect(drawn).toBeLessThan(checked);
  });

  it('in metres at zoom 14 and closer: half a grid unit’s diagonal, at most 0.5 m', () => {
    expect(tileUnitMetres(14)).toBeCloseTo(0.597, 3);
    expect(tileUnitMetres(14, 60)).toBeCloseTo(0.2986, 3);
    expect(drawnOutlineErrorMetres(14)).toBe(0.5);
    expect(drawnOutlineErrorMetres(18)).toBe(0.5);
  });
});
