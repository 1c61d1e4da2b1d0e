import { describe, expect, it } from 'vitest';
import type { Fix } from '../../../web/domain/field/fix.ts';
import { idleRecorder, type RecorderEvent, recorderStep } from '../../../web/domain/field/recorder.ts';
import { type Track, trackBoundary } from '../../../web/domain/field/track.ts';
import { walkFigures } from '../../../web/domain/field/walk-figures.ts';
import { checkWalkRecord, walkRecordOf } from '../../../web/domain/field/walk-record.ts';
import { walkCrossings } from '../../../web/domain/field/walk-refusal.ts';
import { geodesicDistance } from '../../../web/domain/geo/ellipsoid.ts';
import { at, M_PER_DEG_LAT, M_PER_DEG_LON, walkRound } from './walk-helpers.ts';

const RECT: [number, number][] = [
  [0, 0],
  [300, 0],
  [300, 200],
  [0, 200],
];

describe('the recorder, walking on', () => {
  it('a stopped walk resumes with a new segment (closing refused, or more to walk); fixes then count again', () => {
    const f = (t: number): Fix => ({ lon: 111.5 + t * 1e-7, lat: 40.8, accuracyM: 5, t });
    const s = [
      { type: 'start', intervalMs: 1000 },
      { type: 'fix', fix: f(0) },
      { type: 'stop' },
      { type: 'fix', fix: f(5000) },
      { type: 'resume' },
      { type: 'fix', fix: f(6000) },
    ].reduce((st, e) => recorderStep(st, e as RecorderEvent), idleRecorder());
    expect(s.status).toBe('recording');
    expect(s.track.segments).toEqual([[f(0)], [f(6000)]]);
  });

  it('the interval can change mid-walk; a nonsense interval is ignored', () => {
    const f = (t: number): Fix => ({ lon: 111.5, lat: 40.8 + t * 1e-8, accuracyM: 5, t });
    const events: RecorderEvent[] = [
      { type: 'start', intervalMs: 3000 },
      { type: 'fix', fix: f(0) },
      { type: 'fix', fix: f(1500) }, // within 3 s: not kept
      { type: 'interval', ms: 1000 },
      { type: 'interval', ms: -5 },
      { type: 'interval', ms: Number.NaN },
      { type: 'fix', fix: f(2500) }, // 1 s is enough now
    ];
    const s = events.reduce(recorderStep, idleRecorder());
    expect(s.intervalMs).toBe(1000);
    expect(s.track.segments).toEqual([[f(0), f(2500)]]);
  });
});

describe('what the walk panel counts', () => {
  it('usable, too inaccurate and outside fixes; the length along usable fixes within each segment only', () => {
    const a = walkRound(RECT, { jitter: 0, stepM: 25 });
    a[3] = { ...(a[3] as Fix), accuracyM: 80 };
    const far: Fix = { lon: 121.47, lat: 31.23, accuracyM: 5, t: 1 };
    const track: Track = { segments: [a.slice(0, 20), [far, ...a.slice(20)]] };
    const fig = walkFigures(track);
    expect(fig.recorded).toBe(a.length + 1);
    expect(fig.poorAccuracy).toBe(1);
    expect(fig.outsideRegion).toBe(1);
    expect(fig.usable).toBe(a.length - 1);
    expect(fig.last).toEqual(a[a.length - 1]);
    // independently: sum of geodesic steps between consecutive usable fixes, not across the segment break
    const usable = (seg: Fix[]) => seg.filter((x) => x.accuracyM <= 50 && x.lon < 120);
    let expected = 0;
    for (const seg of [usable(a.slice(0, 20)), usable(a.slice(20))])
      for (let i = 1; i < seg.length; i++) {
        const p = seg[i - 1] as Fix;
        const q = seg[i] as Fix;
        expected += geodesicDistance(p.lon, p.lat, q.lon, q.lat);
      }
    expect(fig.lengthM).toBeCloseTo(expected, 6);
    // the perimeter is 1000 m; the last fix is a step short of the start and the break skips one 25 m step (the
    // poor fix on a straight side changes nothing)
    expect(Math.abs(fig.lengthM - 950)).toBeLessThan(2);
    expect(walkFigures({ segments: [] })).toMatchObject({ recorded: 0, lengthM: 0, last: null });
  });
});

describe('where a refused walk goes wrong, by fix number', () => {
  it('a figure of eight: the two stretches that cross, numbered as recorded (poor fixes counted too)', () => {
    const eight: [number, number][] = [
      [0, 0],
      [200, 200],
      [200, 0],
      [0, 200],
    ];
    const fixes = walkRound(eight, { jitter: 1, stepM: 20 });
    fixes.splice(2, 0, { ...(fixes[2] as Fix), accuracyM: 90 }); // a poor fix: numbered, not a vertex
    const track: Track = { segments: [fixes.slice(0, 10), fixes.slice(10)] };
    const b = trackBoundary(track);
    if (b.ok || b.reason !== 'invalid') throw new Error('expected a refusal');
    const crossings = walkCrossings(track, b.fixIndex);
    expect(crossings.length).toBeGreaterThanOrEqual(1);
    const c = crossings[0];
    if (!c) return;
    expect(c.kind).toBe('crossing');
    // the stretches are between consecutive vertices, and the crossing is at the centre (100, 100)
    const [cx, cy] = at(100, 100);
    expect(Math.abs(c.at[0] - cx) * M_PER_DEG_LON).toBeLessThan(15);
    expect(Math.abs(c.at[1] - cy) * M_PER_DEG_LAT).toBeLessThan(15);
    for (const [p, q] of [c.a, c.b]) {
      const fp = fixes[(p as number) - 1] as Fix;
      const fq = fixes[(q as number) - 1] as Fix;
      // each stretch's ends lie on opposite sides of the crossing, within a step of it
      expect(geodesicDistance(fp.lon, fp.lat, cx, cy)).toBeLessThan(40);
      expect(geodesicDistance(fq.lon, fq.lat, cx, cy)).toBeLessThan(40);
      expect(b.fixIndex).toContain((p as number) - 1);
      expect(b.fixIndex).toContain((q as number) - 1);
    }
    // the first stretch is walked on the way out (fixes before the far corner), the second on the way back
    expect(Math.max(...c.a)).toBeLessThan(Math.min(...c.b));
  });

  it('a walk round a parcel has no crossing', () => {
    const fixes = walkRound(RECT, { stepM: 20 });
    const b = trackBoundary({ segments: [fixes] });
    if (!b.ok) throw new Error('refused');
    expect(walkCrossings({ segments: [fixes] }, b.fixIndex)).toEqual([]);
  });
});

describe('what a project keeps of a walk', () => {
  const fixes = walkRound(RECT, { stepM: 20 });
  fixes[5] = { ...(fixes[5] as Fix), accuracyM: 75 };
  const track: Track = { segments: [fixes.slice(0, 30), [], fixes.slice(30)] };
  const b = trackBoundary(track);
  if (!b.ok) throw new Error('refused');

  it('the raw track (empty segments left out), the interval and the polygon figures', () => {
    const r = walkRecordOf(track, b, 2000);
    expect(r.track.segments).toEqual([fixes.slice(0, 30), fixes.slice(30)]);
    expect(r).toMatchObject({
      intervalMs: 2000,
      fixCount: fixes.length,
      vertexCount: b.fixIndex.length,
      accuracy: b.accuracy,
      dropped: b.dropped,
      start: fixes[0]?.t,
      end: fixes[fixes.length - 1]?.t,
    });
    expect(r.dropped.poorAccuracy).toBe(1);
    expect(checkWalkRecord(r)).toBeUndefined();
    expect(checkWalkRecord(JSON.parse(JSON.stringify(r)))).toBeUndefined();
  });

  it('a damaged record is refused with the reason', () => {
    const r = JSON.parse(JSON.stringify(walkRecordOf(track, b, 2000)));
    expect(checkWalkRecord(null)).toBe('not an object');
    expect(checkWalkRecord({ ...r, track: {} })).toBe('no track segments');
    const bad = structuredClone(r);
    bad.track.segments[1][4].lat = 'x';
    expect(checkWalkRecord(bad)).toBe('segment 2, fix 5 is not a position with accuracy and time');
    expect(checkWalkRecord({ ...r, intervalMs: 0 })).toBe('invalid interval');
    expect(checkWalkRecord({ ...r, dropped: { ...r.dropped, jitter: '3' } })).toBe('invalid dropped counts');
  });
});
