import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { UserLayer } from '../../../web/domain/importers/index.ts';
import { normaliseUserFeatures, userLayerBytes } from '../../../web/domain/projects/user-layer.ts';

const square = (props: Record<string, unknown>) => ({
  type: 'Feature' as const,
  properties: props,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [110, 40],
        [111, 40],
        [111, 41],
        [110, 40],
      ],
    ],
  },
});

describe('user layer features', () => {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      square({ 名称: '<b>红线</b>' }),
      square({ zoneId: 'own-id', zoneType: 'nature-reserve-core' }),
    ],
  };

  it('keep their own properties and get ids and the layer zone type only where missing', () => {
    const out = normaliseUserFeatures(fc, 'redline-illustrative', 'redline');
    expect(out.features.map((f) => f.properties)).toEqual([
      { 名称: '<b>红线</b>', zoneId: 'user-redline-illustrative-1', zoneType: 'redline' },
      { zoneId: 'own-id', zoneType: 'nature-reserve-core' },
    ]);
    expect(normaliseUserFeatures(fc, 'lakes').features[0]?.properties).toEqual({
      名称: '<b>红线</b>',
      zoneId: 'user-lakes-1',
    });
  });

  it('come out as the same GeoJSON whether kept as objects or as bytes', () => {
    const provenance = {
      note: 'n',
      fileName: 'f.geojson',
      format: 'geojson',
      crs: 'EPSG:4326',
      source: 'wgs84',
      importedAt: '2026-01-01T00:00:00.000Z',
      featureCount: 2,
    } as UserLayer['provenance'];
    const asObjects: UserLayer = { id: 'x', name: 'x', data: fc as UserLayer['data'], provenance };
    const bytes = userLayerBytes(asObjects);
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(fc);
    const asBytes: UserLayer = { id: 'x', name: 'x', geojson: bytes, provenance };
    expect(userLayerBytes(asBytes)).toBe(bytes);
    expect(() => userLayerBytes({ id: 'x', name: 'x', provenance })).toThrow(/no features/);
  });
});
