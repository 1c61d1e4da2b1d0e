import type { FeatureCollection } from 'geojson';

/** One square feature, for styles that need some data on an overlay. */
export const SQUARE: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [110, 40],
            [111, 40],
            [111, 41],
            [110, 40],
          ],
        ],
      },
    },
  ],
};
