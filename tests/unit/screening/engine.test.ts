import { describe, expect, it } from 'vitest';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import {
  decodeLayer,
  encodeLayer,
  featureCoordinates,
  indexLayer,
  layerFromGeoJson,
} from '../../../web/domain/screening/layer.ts';
import { propsArray } from '../../../web/domain/screening/layer-props.ts';
import {
  seededRandom,
  syntheticLayer,
  syntheticProject,
} from '../../../web/domain/screening/synthetic-layer.ts';
import { type Poly, refGeod, refIntersectionArea, refMultiPolygonArea } from './independent.ts';

// a small seeded layer: 12 × 8 wiggly polygons (some with holes, up to 400 vertices) over ~1.2° × 0.8°
const data = syntheticLayer({
  seed: 42,
  bbox: [111, 42, 112.2, 42.8],
  cols: 12,
  rows: 8,
  maxVertices: 400,
  holeFraction: 0.35,
});
const layer = indexLayer(data);

describe('agreement with an independent computation on a seeded layer', () => {
  const rnd = seededRandom(7);
  const cases = Array.from({ length: 12 }, (_, i) => ({
    lon: 111.1 + rnd() * 1.0,
    lat: 42.1 + rnd() * 0.6,
    km: [2, 8, 25][i % 3] as number,
    n: [20, 60, 200][i % 3] as number,
    seed: i + 1,
  }));
  it.each(cases)('project of $km km at $lon, $lat', ({ lon, lat, km, n, seed }) => {
    const project = syntheticProject(seed, lon, lat, km, n);
    const out = screenProject(project, [layer], { includeGeometry: true });
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const p = [project.coordinates as Poly];
    expect(Math.abs(out.result.projectAreaM2 / refMultiPolygonArea(p) - 1)).toBeLessThan(1e-9);
    const [minX, minY, maxX, maxY] = out.result.project.bbox;
    let expectedTotal = 0;
    for (const f of layer.tree.search(minX, minY, maxX, maxY)) {
      const ref = refIntersectionArea(p, featureCoordinates(data, f) as Poly[]);
      const got = out.result.overlaps.find((o) => o.featureId === data.props.at(f)?.id);
      if (ref > 0) {
        expect(got, `feature ${f}`).toBeDefined();
        expect(Math.abs((got?.areaM2 ?? 0) / ref - 1)).toBeLessThan(1e-6);
      } else expect(got).toBeUndefined();
      expectedTotal += ref;
    }
    const total = out.result.layers[0]?.overlapAreaM2 ?? 0;
    if (expectedTotal > 0) expect(Math.abs(total / expectedTotal - 1)).toBeLessThan(1e-6);
    else expect(total).toBe(0);
  });

  it('a project equal to a feature with a hole overlaps it by exactly its area', () => {
    const f = propsArray(data.props).findIndex(
      (_, i) =>
        (data.featurePartStarts[i + 1] as number) > (data.featurePartStarts[i] as number) &&
        (data.partRingStarts[(data.featurePartStarts[i] as number) + 1] as number) -
          (data.partRingStarts[data.featurePartStarts[i] as number] as number) >
          1,
    );
    expect(f).toBeGreaterThanOrEqual(0);
    const coords = featureCoordinates(data, f);
    const out = screenProject({ type: 'MultiPolygon', coordinates: coords }, [layer]);
    if (!out.ok) throw new Error('invalid');
    const o = out.result.overlaps.find((x) => x.featureId === data.props.at(f)?.id);
    expect(Math.abs((o?.areaM2 ?? 0) / refMultiPolygonArea(coords) - 1)).toBeLessThan(1e-9);
    expect(o?.share).toBeCloseTo(1, 9);
  });
});

describe('binary layer form', () => {
  it('round-trips and screens identically', () => {
    const buf = encodeLayer(data);
    const back = decodeLayer(buf);
    expect(Array.from(back.coords)).toEqual(Array.from(data.coords));
    expect(Array.from(back.ringStarts)).toEqual(Array.from(data.ringStarts));
    expect(propsArray(back.props)).toEqual(data.props);
    expect(back.meta).toEqual(data.meta);
    const project = syntheticProject(3, 111.55, 42.35, 20, 100);
    const a = screenProject(project, [layer], { buffersM: [1000] });
    const b = screenProject(project, [indexLayer(back)], { buffersM: [1000] });
    expect(b).toEqual(a);
    expect(() => decodeLayer(new ArrayBuffer(64))).toThrow(/EBL1/);
  });

  it('normalises ring orientation and drops closing vertices when built from GeoJSON', () => {
    const cw = [
      [111, 42],
      [111, 42.1],
      [111.1, 42.1],
      [111.1, 42],
      [111, 42],
    ];
    const d = layerFromGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { id: 'x' }, geometry: { type: 'Polygon', coordinates: [cw] } },
        ],
      },
      { id: 't' },
    );
    expect(d.coords.length).toBe(8);
    expect(Array.from(d.coords)).toEqual([111.1, 42, 111.1, 42.1, 111, 42.1, 111, 42]);
  });
});

describe('distances and buffers', () => {
  // a feature with a 0.02° × 0.02° hole; projects placed at known north–south gaps
  const outer = [
    [111, 42],
    [111.1, 42],
    [111.1, 42.1],
    [111, 42.1],
    [111, 42],
  ];
  const hole = [
    [111.04, 42.04],
    [111.04, 42.06],
    [111.06, 42.06],
    [111.06, 42.04],
    [111.04, 42.04],
  ];
  const l = indexLayer(
    layerFromGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'ring', zoneType: 'redline' },
            geometry: { type: 'Polygon', coordinates: [outer, hole] },
          },
        ],
      },
      { id: 'test' },
    ),
  );
  const meridianGap = (lon: number, lat1: number, lat2: number) =>
    refGeod.Inverse(lat1, lon, lat2, lon).s12 as number;

  it('inside a hole: no overlap, distance to the hole boundary', () => {
    const p = {
      type: 'Polygon',
      coordinates: [
        [
          [111.045, 42.045],
          [111.055, 42.045],
          [111.055, 42.057],
          [111.045, 42.057],
          [111.045, 42.045],
        ],
      ],
    };
    const out = screenProject(p, [l], { buffersM: [200, 500, 1000] });
    if (!out.ok) throw new Error('invalid');
    expect(out.result.overlaps).toHaveLength(0);
    const expected = meridianGap(111.05, 42.057, 42.06); // ~333 m to the hole's north edge
    expect(out.result.nearest?.distanceM).toBeCloseTo(expected, 1);
    expect(out.result.buffers.map((b) => b.features.length)).toEqual([0, 1, 1]);
  });

  it('outside: nearest boundary found beyond the largest buffer', () => {
    const p = {
      type: 'Polygon',
      coordinates: [
        [
          [111.05, 42.2],
          [111.06, 42.2],
          [111.06, 42.21],
          [111.05, 42.21],
          [111.05, 42.2],
        ],
      ],
    };
    const out = screenProject(p, [l], { buffersM: [500] });
    if (!out.ok) throw new Error('invalid');
    expect(out.result.buffers[0]?.features).toHaveLength(0);
    expect(out.result.nearest?.distanceM).toBeCloseTo(meridianGap(111.05, 42.1, 42.2), 0);
    expect(out.result.layers[0]?.nearest?.featureId).toBe('ring');
  });
});

describe('verdicts in the result', () => {
  it('gives the verdict per zone type of the overlapped features', () => {
    const fc = {
      type: 'FeatureCollection' as const,
      features: [
        {
          type: 'Feature' as const,
          properties: { id: 'core', zoneType: 'nature-reserve-core' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [111, 42],
                [111.01, 42],
                [111.01, 42.01],
                [111, 42.01],
                [111, 42],
              ],
            ],
          },
        },
        {
          type: 'Feature' as const,
          properties: { id: 'rl', zoneType: 'redline' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [111.01, 42],
                [111.02, 42],
                [111.02, 42.01],
                [111.01, 42.01],
                [111.01, 42],
              ],
            ],
          },
        },
      ],
    };
    const l = indexLayer(layerFromGeoJson(fc, { id: 'zones' }));
    const p = {
      type: 'Polygon',
      coordinates: [
        [
          [111.005, 42.002],
          [111.015, 42.002],
          [111.015, 42.008],
          [111.005, 42.008],
          [111.005, 42.002],
        ],
      ],
    };
    const out = screenProject(p, [l], { projectType: 'linear-infrastructure' });
    if (!out.ok) throw new Error('invalid');
    expect(out.result.verdicts.map((v) => [v.zoneType, v.verdict])).toEqual([
      ['nature-reserve-core', 'prohibited'],
      ['redline', 'needs-justification'],
    ]);
    expect(out.result.overallVerdict).toBe('prohibited');
    expect(out.result.verdicts[1]?.rule.zh).toContain('不可避让');
  });

  it('returns validation errors instead of a result for a bowtie', () => {
    const out = screenProject(
      {
        type: 'Polygon',
        coordinates: [
          [
            [111, 42],
            [111.2, 42.2],
            [111.2, 42],
            [111, 42.2],
            [111, 42],
          ],
        ],
      },
      [layer],
    );
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors[0]?.code).toBe('self-intersection');
  });
});
