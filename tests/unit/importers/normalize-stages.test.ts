import { describe, expect, it } from 'vitest';
import { gaussKrugerCrs } from '../../../web/domain/importers/crs.ts';
import type { ParseOutput } from '../../../web/domain/importers/format.ts';
import { importBoundarySync } from '../../../web/domain/importers/index.ts';
import { BOUNDARY_LIMITS } from '../../../web/domain/importers/limits.ts';
import { loc, Reporter } from '../../../web/domain/importers/messages.ts';
import { NORMALIZE_STAGES, normalize } from '../../../web/domain/importers/normalize/index.ts';
import { krugerForward } from './helpers.ts';

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

/** A parse output that makes every stage do work: an open ring with a duplicate point, GCJ-02 source. */
const lonLat = (): ParseOutput => ({
  closePolicy: 'auto',
  features: [
    {
      // Clockwise, open, with a repeated vertex: closed, deduplicated and rewound by the stages.
      polygons: [
        [
          [
            [111.7, 40.8],
            [111.7, 40.81],
            [111.7, 40.81],
            [111.71, 40.81],
            [111.71, 40.8],
          ],
        ],
      ],
      properties: { name: '冻结', nested: { a: [1, 2] } },
      where: loc.feature(0, '冻结'),
    },
  ],
});

const gk = (): ParseOutput => {
  const { easting, northing } = krugerForward(42.5, 117.2, 117);
  const e = 39e6 + easting;
  return {
    closePolicy: 'require',
    crs: gaussKrugerCrs({ zoneWidth: 3, zone: 39 }),
    features: [
      {
        polygons: [
          [
            [
              [e, northing],
              [e + 1000, northing],
              [e + 1000, northing + 1000],
              [e, northing + 1000],
              [e, northing],
            ],
          ],
        ],
        properties: {},
        where: loc.feature(0),
      },
    ],
  };
};

describe('normalize: named stages that do not mutate their input', () => {
  it('lists its stages by name, in order', () => {
    expect(NORMALIZE_STAGES.map((s) => s.name)).toEqual([
      'fixture-role',
      'size',
      'finite',
      'rings',
      'crs',
      'reproject',
      'range',
      'datum',
      'validate',
      'region',
    ]);
  });

  for (const [label, make, source] of [
    ['lon/lat, GCJ-02, open clockwise ring with a duplicate', lonLat, 'gcj02'],
    ['Gauss–Krüger zone 39 with a declared CRS', gk, 'wgs84'],
  ] as const) {
    it(`a deep-frozen parse output runs through every stage (${label}) and gives the same result`, () => {
      const plain = normalize(make(), { source }, BOUNDARY_LIMITS, new Reporter('a'));
      const frozenInput = deepFreeze(make());
      const snapshot = JSON.stringify(frozenInput);
      const rep = new Reporter('a');
      const frozen = normalize(frozenInput, { source }, BOUNDARY_LIMITS, rep);
      expect(rep.messages.filter((m) => m.severity === 'error')).toEqual([]);
      expect(frozen).toBeDefined();
      expect(JSON.stringify(frozen)).toBe(JSON.stringify(plain));
      expect(JSON.stringify(frozenInput)).toBe(snapshot);
      // The stages did their work on copies: the output ring is closed, deduplicated, counter-clockwise.
      const g = frozen?.features[0]?.geometry;
      const ring = g?.type === 'Polygon' ? g.coordinates[0] : undefined;
      expect(ring?.length).toBe(5);
      expect(ring?.[0]).toEqual(ring?.[4]);
    });
  }
});

describe('fixtureRole: an explicit option, never applied to user files', () => {
  const sq = (x: number) => [
    [x, 40.8],
    [x + 0.01, 40.8],
    [x + 0.01, 40.81],
    [x, 40.81],
    [x, 40.8],
  ];
  const text = JSON.stringify({
    type: 'FeatureCollection',
    features: [111.7, 111.72, 111.74].map((x, i) => ({
      type: 'Feature',
      properties: { role: i === 0 ? 'project' : 'layer' },
      geometry: { type: 'Polygon', coordinates: [sq(x)] },
    })),
  });

  it('without it every feature is the boundary', () => {
    const r = importBoundarySync({ name: 'f.geojson', text }, { source: 'wgs84' });
    expect(r.ok && r.features.length).toBe(3);
  });

  it('with it the other roles are left out and the result says how many', () => {
    const r = importBoundarySync({ name: 'f.geojson', text }, { source: 'wgs84', fixtureRole: 'project' });
    if (!r.ok) throw new Error(r.errors[0]?.en);
    expect(r.features.length).toBe(1);
    expect(r.features[0]?.properties.role).toBe('project');
    const note = r.warnings.find((m) => m.code === 'features-left-out');
    expect(note?.en).toMatch(/^f\.geojson: 2 features whose role is not “project” were left out/);
  });
});
