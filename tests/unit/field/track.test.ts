import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type Fix, judgeFix } from '../../../web/domain/field/fix.ts';
import { gaussKrugerOf, zoneOf } from '../../../web/domain/field/position.ts';
import { type Track, trackBoundary, trackFixes } from '../../../web/domain/field/track.ts';
import { boundaryGeoJson, boundaryJzdTxt, trackGpx } from '../../../web/domain/field/track-export.ts';
import { polygonArea } from '../../../web/domain/geo/ellipsoid.ts';
import { importBoundarySync } from '../../../web/domain/importers/index.ts';
import { expectClose, expectOk, krugerForward } from '../importers/helpers.ts';

const LON0 = 111.5;
const LAT0 = 40.8;
const M_PER_DEG_LAT = 111_100;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);
const at = (east: number, north: number): [number, number] => [
  LON0 + east / M_PER_DEG_LON,
  LAT0 + north / M_PER_DEG_LAT,
];

/** Deterministic noise (LCG), so a failing walk can be replayed. */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** A walk at 1.4 m/s round the corners (metres east/north of LON0, LAT0), a fix every 2 s, jittered by ±jitter m. */
function walk(
  corners: [number, number][],
  opts: { jitter?: number; accuracy?: number; seed?: number } = {},
): Fix[] {
  const rand = noise(opts.seed ?? 7);
  const j = opts.jitter ?? 2;
  const fixes: Fix[] = [];
  let t = Date.UTC(2026, 5, 1, 2, 0, 0);
  const path = [...corners, corners[0] as [number, number]];
  for (let i = 0; i + 1 < path.length; i++) {
    const [ax, ay] = path[i] as [number, number];
    const [bx, by] = path[i + 1] as [number, number];
    const steps = Math.max(1, Math.round(Math.hypot(bx - ax, by - ay) / 2.8));
    for (let k = 0; k < steps; k++) {
      const f = k / steps;
      const [lon, lat] = at(ax + (bx - ax) * f + rand() * 2 * j, ay + (by - ay) * f + rand() * 2 * j);
      fixes.push({ lon, lat, accuracyM: opts.accuracy ?? 5, t });
      t += 2000;
    }
  }
  return fixes;
}

const RECT: [number, number][] = [
  [0, 0],
  [300, 0],
  [300, 200],
  [0, 200],
];
const rectPolygon = (): Polygon => ({
  type: 'Polygon',
  coordinates: [[...RECT, RECT[0] as [number, number]].map(([x, y]) => at(x, y))],
});

describe('a fix that can place a boundary point', () => {
  it('accuracy up to 50 m inside the region; worse, outside or not a position is said so', () => {
    const base = { lon: LON0, lat: LAT0, t: 0 };
    expect(judgeFix({ ...base, accuracyM: 50 }).kind).toBe('ok');
    expect(judgeFix({ ...base, accuracyM: 50.5 })).toEqual({ kind: 'poor-accuracy', accuracyM: 50.5 });
    const shanghai = judgeFix({ lon: 121.47, lat: 31.23, accuracyM: 5, t: 0 });
    expect(shanghai.kind).toBe('outside-region');
    if (shanghai.kind === 'outside-region') {
      expect(shanghai.dir).toBe('S');
      expect(shanghai.km).toBeGreaterThan(600);
    }
    expect(judgeFix({ lon: Number.NaN, lat: 40, accuracyM: 5, t: 0 }).kind).toBe('invalid');
  });
});

describe('the polygon of a walked boundary', () => {
  it('a walk round a 300 m × 200 m parcel, with a pause and three poor fixes, gives the parcel within the noise', () => {
    const fixes = walk(RECT);
    const poor = [10, 60, 130];
    for (const i of poor) fixes[i] = { ...(fixes[i] as Fix), accuracyM: 80 };
    const track: Track = { segments: [fixes.slice(0, 100), fixes.slice(100)] };
    const b = trackBoundary(track);
    if (!b.ok) throw new Error(`refused: ${b.reason}`);
    expect(b.fixCount).toBe(fixes.length);
    expect(b.dropped.poorAccuracy).toBe(3);
    for (const i of poor) expect(b.fixIndex).not.toContain(i);
    const truth = polygonArea(rectPolygon().coordinates);
    expect(Math.abs(polygonArea(b.polygon.coordinates) / truth - 1)).toBeLessThan(0.03);
    expect(b.accuracy).toEqual({ min: 5, median: 5, max: 5 });
    // the raw track is untouched
    expect(trackFixes(track)).toEqual(fixes);
  });

  it('standing still drops the fixes within the accuracy; walking back to the start closes the ring there', () => {
    const still: Fix[] = Array.from({ length: 10 }, (_, i) => {
      const [lon, lat] = at(i % 2 ? 1.5 : -1.5, 0);
      return { lon, lat, accuracyM: 5, t: i * 1000 };
    });
    const corners: Fix[] = [
      [100, 0],
      [100, 100],
      [0, 100],
      [2, 1], // back within 5 m of the start: the ring closes there
      [-1, 2], // within 5 m of the fix before: jitter
    ].map(([x, y], i) => {
      const [lon, lat] = at(x as number, y as number);
      return { lon, lat, accuracyM: 5, t: 20_000 + i * 1000 };
    });
    const b = trackBoundary({ segments: [[...still, ...corners]] });
    if (!b.ok) throw new Error(`refused: ${b.reason}`);
    expect(b.dropped.jitter).toBe(10);
    expect(b.dropped.closing).toBe(1);
    expect(b.fixIndex).toEqual([0, 10, 11, 12]);
    expect(b.polygon.coordinates[0]).toHaveLength(5);
  });

  it('a walk that crosses itself is refused with the place, never repaired', () => {
    const eight: [number, number][] = [
      [0, 0],
      [200, 200],
      [200, 0],
      [0, 200],
    ];
    const b = trackBoundary({ segments: [walk(eight, { jitter: 0 })] });
    expect(b.ok).toBe(false);
    if (b.ok || b.reason !== 'invalid') throw new Error('expected a refusal');
    expect(b.issues[0]?.code).toBe('self-intersection');
    const [lon, lat] = b.issues[0]?.at ?? [0, 0];
    const [cx, cy] = at(100, 100);
    expect(Math.abs(lon - cx) * M_PER_DEG_LON).toBeLessThan(3);
    expect(Math.abs(lat - cy) * M_PER_DEG_LAT).toBeLessThan(3);
  });

  it('fewer than three usable points is too few, with the counts', () => {
    const fixes = walk(RECT)
      .slice(0, 40)
      .map((f) => ({ ...f, accuracyM: 120 }));
    fixes.push({ ...(fixes[0] as Fix), accuracyM: 4 });
    const b = trackBoundary({ segments: [fixes] });
    expect(b).toMatchObject({ ok: false, reason: 'too-few', kept: 1, fixCount: 41 });
    if (!b.ok) expect(b.dropped.poorAccuracy).toBe(40);
  });
});

describe('positions as the office writes them', () => {
  it('CGCS2000 3° and 6° Gauss–Krüger with the zone, against an independent Krüger series', () => {
    for (const [lon, lat] of [
      [111.5, 40.8],
      [97.6, 39.4],
      [125.9, 52.9],
    ] as const) {
      for (const width of [3, 6] as const) {
        const p = gaussKrugerOf(lon, lat, width);
        expect(p.zone).toBe(zoneOf(lon, width));
        expect(Math.abs(lon - p.centralMeridian)).toBeLessThanOrEqual(width / 2);
        const { easting, northing } = krugerForward(lat, lon, p.centralMeridian);
        expectClose(p.x, northing, 1e-3);
        expectClose(p.y, p.zone * 1e6 + easting, 1e-3);
      }
    }
  });
});

describe('exports read back by the importers', () => {
  const fixes = walk(RECT);
  const track: Track = { segments: [fixes.slice(0, 50), fixes.slice(50)] };
  const b = trackBoundary(track);
  if (!b.ok) throw new Error('the walk was refused');
  const info = { name: '示例 <地块> & 1', fixCount: b.fixCount, accuracy: b.accuracy, start: 0, end: 1 };
  const area = polygonArea(b.polygon.coordinates);

  it('GeoJSON: the same polygon and area, with how it was made', () => {
    const bytes = new TextEncoder().encode(JSON.stringify(boundaryGeoJson(b.polygon, info)));
    const r = expectOk(importBoundarySync({ name: 'walk.geojson', bytes }, { source: 'wgs84' }));
    const g = r.features[0]?.geometry as Polygon;
    expect(Math.abs(polygonArea(g.coordinates) / area - 1)).toBeLessThan(1e-12);
    expect(r.features[0]?.properties).toMatchObject({ source: 'field-walk', fixes: fixes.length });
  });

  it('国土 TXT: read back as CGCS2000 Gauss–Krüger, each point within a millimetre, the area to 1e-6', () => {
    const txt = boundaryJzdTxt(b.polygon, { name: info.name, date: Date.UTC(2026, 10, 30) });
    expect(txt).toContain('带号=37');
    const r = expectOk(
      importBoundarySync({ name: 'walk.txt', bytes: new TextEncoder().encode(txt) }, { source: 'wgs84' }),
    );
    const g = r.features[0]?.geometry as Polygon;
    expect(Math.abs(polygonArea(g.coordinates) / area - 1)).toBeLessThan(1e-6);
    const back = g.coordinates[0] ?? [];
    const sent = b.polygon.coordinates[0] ?? [];
    expect(back).toHaveLength(sent.length);
    for (const p of sent) {
      const d = Math.min(
        ...back.map((q) =>
          Math.hypot(
            ((q[0] as number) - (p[0] as number)) * M_PER_DEG_LON,
            ((q[1] as number) - (p[1] as number)) * M_PER_DEG_LAT,
          ),
        ),
      );
      expect(d).toBeLessThan(1e-3);
    }
  });

  it('GPX: every raw fix with its time, in its segment; the name as text', () => {
    const xml = trackGpx(track, info.name);
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const fc = gpx(doc as unknown as Parameters<typeof gpx>[0]);
    const g = fc.features[0]?.geometry;
    expect(fc.features[0]?.properties?.name).toBe(info.name);
    expect(g?.type).toBe('MultiLineString');
    if (g?.type !== 'MultiLineString') return;
    expect(g.coordinates.map((s) => s.length)).toEqual([50, fixes.length - 50]);
    expect(g.coordinates.flat()).toEqual(fixes.map((f) => [f.lon, f.lat]));
    const props = fc.features[0]?.properties as { coordinateProperties: { times: string[][] } };
    const times = props.coordinateProperties.times.flat();
    expect(times).toEqual(fixes.map((f) => new Date(f.t).toISOString()));
    expect(doc.getElementsByTagName('ebm:accuracy')).toHaveLength(fixes.length);
  });
});
