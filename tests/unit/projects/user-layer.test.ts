import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { normaliseUserFeatures } from '../../../web/domain/projects/user-layer.ts';

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
});
