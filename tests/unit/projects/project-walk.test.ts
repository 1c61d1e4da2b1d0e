import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { trackBoundary } from '../../../web/domain/field/track.ts';
import { boundaryGeoJson } from '../../../web/domain/field/track-export.ts';
import { walkRecordOf } from '../../../web/domain/field/walk-record.ts';
import { exportBundle, makeBundle, parseBundle } from '../../../web/domain/projects/export.ts';
import { checkProject, createProject, type Project } from '../../../web/domain/projects/model.ts';
import { IndexedDbStore } from '../../../web/src/storage/indexeddb-storage.ts';
import { walkRound } from '../field/walk-helpers.ts';

const fixes = walkRound(
  [
    [0, 0],
    [320, 40],
    [280, 260],
    [30, 210],
  ],
  { stepM: 20 },
);
fixes[7] = { lon: fixes[7]?.lon ?? 0, lat: fixes[7]?.lat ?? 0, accuracyM: 80, t: fixes[7]?.t ?? 0 };
const track = { segments: [fixes.slice(0, 25), fixes.slice(25)] };
const closed = trackBoundary(track);
if (!closed.ok) throw new Error('the walk was refused');
const walk = walkRecordOf(track, closed, 3000);

const walked = (): Project =>
  createProject(
    {
      name: '绕行边界 2026-06-01 10:00',
      type: 'renewable-energy',
      features: [{ type: 'Feature', geometry: closed.polygon, properties: {} }],
      source: 'wgs84',
      importedFrom: { fileName: '绕行边界 2026-06-01 10:00', format: 'walked', crs: 'WGS84 / CGCS2000' },
      walk,
    },
    new Date('2026-06-01T02:30:00Z'),
    'walked-1',
  );

/** A project as saved before walks existed: the same fields, no `walk`, imported from a file. */
const older = (): Project => {
  const fc = boundaryGeoJson(closed.polygon, {
    name: 'x',
    fixCount: 1,
    accuracy: closed.accuracy,
    start: 0,
    end: 0,
  });
  return JSON.parse(
    JSON.stringify({
      id: 'old-1',
      name: '旧项目',
      type: 'linear-infrastructure',
      createdAt: '2025-12-01T00:00:00.000Z',
      updatedAt: '2025-12-01T00:00:00.000Z',
      boundary: { type: 'FeatureCollection', features: fc.features },
      source: 'wgs84',
      importedFrom: { fileName: 'a.geojson', format: 'geojson', crs: 'WGS84' },
    }),
  );
};

describe('a project with and without a walked boundary', () => {
  it('keeps the raw track and the figures through IndexedDB (closed and reopened), and loads older projects', async () => {
    const factory = new IDBFactory();
    const s1 = await IndexedDbStore.open(factory);
    await s1.saveProject(walked());
    await s1.saveProject(older());
    s1.close();
    const s2 = await IndexedDbStore.open(factory);
    const w = await s2.getProject('walked-1');
    expect(w?.walk?.track.segments).toEqual(track.segments);
    expect(w?.walk?.track.segments.flat()).toHaveLength(fixes.length);
    expect(w?.walk?.dropped.poorAccuracy).toBe(1);
    expect(w?.walk?.accuracy).toEqual(closed.accuracy);
    expect(w).toEqual(walked());
    const o = await s2.getProject('old-1');
    expect(o).toEqual(older());
    expect(o?.walk).toBeUndefined();
    expect(checkProject(o)).toEqual([]);
    expect(checkProject(w)).toEqual([]);
    s2.close();
  });

  it('goes through an export bundle and back; a damaged walk is named and the project skipped', () => {
    const text = exportBundle(makeBundle([walked(), older()], [], new Date('2026-06-02T00:00:00Z')));
    const back = parseBundle(text, 'p.json');
    if (!back.ok) throw new Error('bundle refused');
    expect(back.problems).toEqual([]);
    expect(back.bundle.projects).toEqual([walked(), older()]);
    const broken = JSON.parse(text);
    broken.projects[0].walk.track.segments[1][2].t = 'soon';
    const r = parseBundle(JSON.stringify(broken), 'p.json');
    if (!r.ok) throw new Error('bundle refused');
    expect(r.bundle.projects.map((p) => p.id)).toEqual(['old-1']);
    expect(r.problems[0]?.en).toContain('walk: segment 2, fix 3 is not a position with accuracy and time');
  });
});
