import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicDistance } from '../../../web/domain/geo/ellipsoid.ts';
import { indexLayer, layerFromGeoJson } from '../../../web/domain/screening/layer.ts';
import { featuresAtPoint, nearestBoundary } from '../../../web/domain/screening/point.ts';
import { squareRing as square } from '../shapes.ts';

const features: Feature<Polygon | MultiPolygon>[] = [
  {
    type: 'Feature',
    properties: { id: 'holed', name: '有洞的红线', zoneType: 'redline' },
    geometry: { type: 'Polygon', coordinates: [square(111, 40, 0.2), square(111.05, 40.05, 0.05).reverse()] },
  },
  {
    type: 'Feature',
    properties: { id: 'two-parts', name: '两块' },
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [square(111.4, 40, 0.1)],
        [
          [
            [111.6, 40],
            [111.75, 40.02],
            [111.62, 40.13],
            [111.6, 40],
          ],
        ],
      ],
    },
  },
];
const layer = indexLayer(
  layerFromGeoJson({ type: 'FeatureCollection', features } as never, {
    id: 'test',
    defaultZoneType: 'redline',
  }),
);

/** Independent: the boundary sampled every ~5 m along straight lon/lat edges, geodesic distance to each sample. */
function sampledDistance(lon: number, lat: number): { d: number; f: number } {
  let best = { d: Number.POSITIVE_INFINITY, f: -1 };
  features.forEach((feat, f) => {
    const polys = feat.geometry.type === 'Polygon' ? [feat.geometry.coordinates] : feat.geometry.coordinates;
    for (const ring of polys.flat())
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i] as number[];
        const [bx, by] = ring[i + 1] as number[];
        const n = Math.ceil(geodesicDistance(ax as number, ay as number, bx as number, by as number) / 5);
        for (let k = 0; k <= n; k++) {
          const x = (ax as number) + (((bx as number) - (ax as number)) * k) / n;
          const y = (ay as number) + (((by as number) - (ay as number)) * k) / n;
          const d = geodesicDistance(lon, lat, x, y);
          if (d < best.d) best = { d, f };
        }
      }
  });
  return best;
}

describe('a position against a layer', () => {
  it('contains: inside, in a hole, in the second part of a multipolygon, outside — as turf says', () => {
    let rand = 12345;
    const next = () => {
      rand = (Math.imul(rand, 1103515245) + 12345) >>> 0;
      return rand / 2 ** 32;
    };
    let insideCount = 0;
    for (let i = 0; i < 400; i++) {
      const lon = 110.95 + next() * 0.85;
      const lat = 39.95 + next() * 0.3;
      const got = featuresAtPoint(layer, lon, lat).map((z) => z.featureId);
      const want = features
        .filter((f) => booleanPointInPolygon([lon, lat], f, { ignoreBoundary: true }))
        .map((f) => f.properties?.id);
      expect(got, `${lon}, ${lat}`).toEqual(want);
      insideCount += got.length;
    }
    expect(insideCount).toBeGreaterThan(40); // the sample really lands inside some features
    expect(featuresAtPoint(layer, 111.07, 40.07)).toEqual([]); // in the hole
    expect(featuresAtPoint(layer, 111.65, 40.05)[0]).toMatchObject({ featureId: 'two-parts', name: '两块' });
    expect(featuresAtPoint(layer, 111.1, 40)[0]).toMatchObject({ featureId: 'holed', onBoundary: true });
  });

  it('the nearest boundary, inside or outside, agrees with a sampled geodesic search to 1 m', () => {
    for (const [lon, lat] of [
      [111.1, 40.1], // inside, near the hole's edge
      [111.02, 40.15], // inside, near the outer edge
      [111.3, 40.05], // between the two features
      [111.65, 40.05], // inside the triangle
      [111.5, 40.5], // north of everything, ~40 km
      [113.5, 41], // ~150 km east
    ] as const) {
      const got = nearestBoundary(layer, lon, lat);
      const want = sampledDistance(lon, lat);
      expect(got, `${lon}, ${lat}`).not.toBeNull();
      expect(Math.abs((got?.distanceM ?? 0) - want.d), `${lon}, ${lat}`).toBeLessThan(1);
      expect(got?.feature.featureIndex).toBe(want.f);
      expect(got?.inside).toBe(featuresAtPoint(layer, lon, lat).some((z) => z.featureIndex === want.f));
    }
    expect(nearestBoundary(layer, 113.5, 41, 10_000)).toBeNull();
  });
});
