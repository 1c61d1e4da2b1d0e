import { describe, expect, it } from 'vitest';
import type { Fix } from '../../../web/domain/field/fix.ts';
import {
  idleRecorder,
  type RecorderEvent,
  type RecorderState,
  recorderStep,
} from '../../../web/domain/field/recorder.ts';

const fix = (t: number, accuracyM = 5, lon = 111.5, lat = 40.8): Fix => ({
  lon: lon + t * 1e-7,
  lat,
  accuracyM,
  t,
});
const run = (events: RecorderEvent[], from: RecorderState = idleRecorder()) =>
  events.reduce(recorderStep, from);

describe('recording a walk', () => {
  it('keeps every fix at the interval while recording, poor ones too, and none while paused or idle', () => {
    const s = run([
      { type: 'fix', fix: fix(0) }, // idle: not recorded
      { type: 'start', intervalMs: 3000 },
      { type: 'fix', fix: fix(1000) },
      { type: 'fix', fix: fix(2000) }, // within the interval of the fix before
      { type: 'fix', fix: fix(4000, 80) }, // poor: recorded, and said
    ]);
    expect(s.track.segments).toEqual([[fix(1000), fix(4000, 80)]]);
    expect(s.notice).toEqual({ kind: 'fix', verdict: { kind: 'poor-accuracy', accuracyM: 80 } });
    const p = run(
      [
        { type: 'pause' },
        { type: 'fix', fix: fix(8000) },
        { type: 'resume' },
        { type: 'fix', fix: fix(9000) },
      ],
      s,
    );
    expect(p.track.segments).toEqual([[fix(1000), fix(4000, 80)], [fix(9000)]]);
    expect(p.notice).toEqual({ kind: 'none' });
    const stopped = run(
      [{ type: 'pause' }, { type: 'resume' }, { type: 'stop' }, { type: 'fix', fix: fix(20_000) }],
      p,
    );
    expect(stopped.status).toBe('stopped');
    expect(stopped.track.segments).toEqual([[fix(1000), fix(4000, 80)], [fix(9000)]]); // the empty segment is dropped
  });

  it('a fix far outside the region is recorded and said; the tab in the background says how long', () => {
    const s = run([
      { type: 'start', intervalMs: 3000 },
      { type: 'fix', fix: fix(0, 5, 121.47, 31.23) },
      { type: 'hidden', at: 1000 },
      { type: 'visible', at: 61_000 },
    ]);
    expect(s.track.segments[0]).toHaveLength(1);
    expect(s.notice).toEqual({ kind: 'gap', ms: 60_000 });
    const short = run([{ type: 'start' }, { type: 'hidden', at: 0 }, { type: 'visible', at: 1000 }]);
    expect(short.notice).toEqual({ kind: 'none' });
    const outside = run([{ type: 'start' }, { type: 'fix', fix: fix(0, 5, 121.47, 31.23) }]);
    expect(outside.notice.kind === 'fix' && outside.notice.verdict.kind).toBe('outside-region');
  });

  it('a geolocation error is said and loses nothing; the next good fix clears it', () => {
    const s = run([{ type: 'start' }, { type: 'fix', fix: fix(0) }, { type: 'geo-error', code: 3 }]);
    expect(s.notice).toEqual({ kind: 'geo-error', code: 3 });
    expect(s.track.segments[0]).toEqual([fix(0)]);
    expect(run([{ type: 'fix', fix: fix(5000) }], s).notice).toEqual({ kind: 'none' });
    expect(run([{ type: 'geo-error', code: 1 }]).notice).toEqual({ kind: 'geo-error', code: 1 });
  });
});
