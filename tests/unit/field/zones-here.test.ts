import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { pointLayerDefs, redLineIds } from '../../../layers/point-layers.ts';
import { zonesAtPointLoader } from '../../../scripts/lib/zones-at-point.ts';
import { zonesHere } from '../../../web/domain/field/zones-here.ts';
import { geodesicDistance } from '../../../web/domain/geo/ellipsoid.ts';
import { indexLayer, layerFromGeoJson } from '../../../web/domain/screening/layer.ts';
import { createScreeningHandler } from '../../../web/domain/screening/worker-protocol.ts';
import { squareRing as square } from '../shapes.ts';

const fc = (features: Feature<Polygon>[]) => ({ type: 'FeatureCollection', features }) as never;
const feat = (id: string, zh: string, coords: number[][]): Feature<Polygon> => ({
  type: 'Feature',
  properties: { zoneId: id, zh, en: `${zh} (en)` },
  geometry: { type: 'Polygon', coordinates: [coords] },
});
const idx = (id: string, features: Feature<Polygon>[]) => indexLayer(layerFromGeoJson(fc(features), { id }));

const admin = idx('admin', [feat('a1', '甲旗', square(110, 40, 1))]);
const redA = idx('red-a', [feat('ra', '红线甲', square(110.5, 40.5, 0.1))]);
const redB = idx('red-b', [feat('rb', '红线乙', square(110.2, 40.2, 0.05))]);

describe('where am I (zonesHere)', () => {
  it('lists the zones containing the point, and says it is in no red line with the nearest red-line edge', () => {
    const r = zonesHere(
      [
        { id: 'admin', index: admin, redLine: false },
        { id: 'red-a', index: redA, redLine: true },
        { id: 'red-b', index: redB, redLine: true },
      ],
      110.3,
      40.3,
    );
    expect(r.zones.map((z) => [z.layerId, z.zoneId, z.zh, z.en])).toEqual([
      ['admin', 'a1', '甲旗', '甲旗 (en)'],
    ]);
    expect(r.redLineLayers).toEqual(['red-a', 'red-b']);
    expect(r.inRedLine).toEqual([]);
    // nearest: red-b's north-east corner (110.25, 40.25), nearer than red-a's south-west corner (110.5, 40.5)
    expect(r.nearestRedLine?.layerId).toBe('red-b');
    expect(r.nearestRedLine?.inside).toBe(false);
    const corner = geodesicDistance(110.3, 40.3, 110.25, 40.25);
    expect(Math.abs((r.nearestRedLine?.distanceM ?? 0) - corner)).toBeLessThan(1);
    expect(corner).toBeLessThan(geodesicDistance(110.3, 40.3, 110.5, 40.5));
  });

  it('inside a red line: the zone is listed as red line and the distance is to its own edge', () => {
    const r = zonesHere(
      [
        { id: 'admin', index: admin, redLine: false },
        { id: 'red-a', index: redA, redLine: true },
      ],
      110.55,
      40.51,
    );
    expect(r.inRedLine.map((z) => z.zoneId)).toEqual(['ra']);
    expect(r.nearestRedLine?.inside).toBe(true);
    // the south edge (lat 40.5) is nearest: the meridian arc from 40.51 to 40.5
    expect(r.nearestRedLine?.distanceM).toBeCloseTo(geodesicDistance(110.55, 40.51, 110.55, 40.5), 0);
  });

  it('no red-line layer held: nothing is said about the red line, the admin edge is not taken for one', () => {
    const r = zonesHere([{ id: 'admin', index: admin, redLine: false }], 110.3, 40.3);
    expect(r.redLineLayers).toEqual([]);
    expect(r.nearestRedLine).toBeNull();
    expect(r.zones).toHaveLength(1);
  });

  it('the worker handler answers `point` with the same report, over every layer it holds', () => {
    const handle = createScreeningHandler();
    for (const [id, features] of [
      ['admin', [feat('a1', '甲旗', square(110, 40, 1))]],
      ['red-a', [feat('ra', '红线甲', square(110.5, 40.5, 0.1))]],
    ] as const)
      handle(
        { type: 'loadLayer', requestId: 1, format: 'geojson', geojson: fc([...features]), meta: { id } },
        () => {},
      );
    let got: unknown;
    handle({ type: 'point', requestId: 2, lon: 110.3, lat: 40.3, redLineIds: ['red-a'] }, (m) => {
      got = m;
    });
    expect(got).toEqual({
      type: 'pointReport',
      requestId: 2,
      report: zonesHere(
        [
          { id: 'admin', index: handle.layers.get('admin') as never, redLine: false },
          { id: 'red-a', index: handle.layers.get('red-a') as never, redLine: true },
        ],
        110.3,
        40.3,
      ),
    });
  });
});

describe('where am I on the built-in layers (Node, as the app asks)', () => {
  const at = zonesAtPointLoader();
  const defs = pointLayerDefs({});
  const files = new Map(
    defs.map((d) => [
      d.id,
      JSON.parse(readFileSync(`data/layers/${d.data}`, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>,
    ]),
  );
  const red = files.get(redLineIds(defs)[0] as string) as FeatureCollection<Polygon | MultiPolygon>;

  /** Independent: the red-line edges sampled every ~20 m, geodesic distance to each sample. */
  function sampledNearest(lon: number, lat: number): number {
    let best = Number.POSITIVE_INFINITY;
    for (const f of red.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polys.flat())
        for (let i = 0; i + 1 < ring.length; i++) {
          const [ax, ay] = ring[i] as number[];
          const [bx, by] = ring[i + 1] as number[];
          // far edges cannot be nearest: skip them by their end points
          if (geodesicDistance(lon, lat, ax as number, ay as number) > best + 50_000) continue;
          const n = Math.max(
            1,
            Math.ceil(geodesicDistance(ax as number, ay as number, bx as number, by as number) / 20),
          );
          for (let k = 0; k <= n; k++) {
            const x = (ax as number) + (((bx as number) - (ax as number)) * k) / n;
            const y = (ay as number) + (((by as number) - (ay as number)) * k) / n;
            best = Math.min(best, geodesicDistance(lon, lat, x, y));
          }
        }
    }
    return best;
  }

  it.each([
    [109.0, 38.9],
    [108.5, 39.5],
    [111.6, 40.8],
    [117.5, 43.3],
  ])(
    'at %f, %f: the zones are those turf finds containing the point; the red-line distance as sampled',
    (lon, lat) => {
      const r = at(lon, lat);
      const want: string[] = [];
      for (const d of defs)
        for (const f of files.get(d.id)?.features ?? [])
          if (
            (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') &&
            booleanPointInPolygon([lon, lat], f as never)
          )
            want.push(`${d.id}:${f.properties?.zoneId}`);
      expect(r.zones.map((z) => `${z.layerId}:${z.zoneId}`).sort()).toEqual(want.sort());
      expect(r.zones.some((z) => z.layerId === 'leagues')).toBe(true);
      expect(r.zones.some((z) => z.layerId === 'counties')).toBe(true);
      expect(r.inRedLine.length > 0).toBe(r.nearestRedLine?.inside === true);
      // within the 20 m sampling, and the engine's measure (closest point in the edge's local plane, then the geodesic
      // distance to it) within 0.05 % of the sampled geodesic minimum
      const sampled = sampledNearest(lon, lat);
      const got = r.nearestRedLine?.distanceM ?? Number.NaN;
      expect(Math.abs(got - sampled)).toBeLessThan(20 + 5e-4 * sampled);
    },
  );
});
