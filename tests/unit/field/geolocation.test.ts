import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  currentFix,
  GEO_TIMEOUT_MS,
  NO_ANSWER_MS,
  UNAVAILABLE_GRACE_MS,
  watchFixes,
} from '../../../web/src/field/geolocation.ts';

/** A Geolocation API whose answers the test gives (or never gives). */
function fakeGeo() {
  const calls = {
    success: [] as PositionCallback[],
    error: [] as PositionErrorCallback[],
    options: [] as (PositionOptions | undefined)[],
    cleared: [] as number[],
  };
  const geo = {
    getCurrentPosition(s: PositionCallback, e: PositionErrorCallback, o?: PositionOptions) {
      calls.success.push(s);
      calls.error.push(e);
      calls.options.push(o);
    },
    watchPosition(s: PositionCallback, e: PositionErrorCallback, o?: PositionOptions) {
      calls.success.push(s);
      calls.error.push(e);
      calls.options.push(o);
      return 7;
    },
    clearWatch(id: number) {
      calls.cleared.push(id);
    },
  };
  return { geo, calls };
}

const position = (lon: number, lat: number): GeolocationPosition =>
  ({ coords: { longitude: lon, latitude: lat, accuracy: 5 }, timestamp: 1000 }) as GeolocationPosition;
const positionError = (code: number): GeolocationPositionError =>
  ({ code, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 }) as GeolocationPositionError;

let fake: ReturnType<typeof fakeGeo>;
beforeEach(() => {
  vi.useFakeTimers();
  fake = fakeGeo();
  vi.stubGlobal('navigator', { geolocation: fake.geo });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('one fix (the locate button)', () => {
  it('a device that never answers is a timeout of our own, after the API’s own would have fired', async () => {
    const settled = vi.fn();
    const p = currentFix().then(settled, settled);
    expect(fake.calls.options[0]?.timeout).toBe(GEO_TIMEOUT_MS);
    expect(NO_ANSWER_MS).toBeGreaterThan(GEO_TIMEOUT_MS);
    await vi.advanceTimersByTimeAsync(NO_ANSWER_MS - 1);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(settled).toHaveBeenCalledWith('timeout');
  });

  it('an answer in time wins, and the timer then says nothing', async () => {
    const p = currentFix();
    fake.calls.success[0]?.(position(111.5, 40.8));
    await expect(p).resolves.toEqual({ lon: 111.5, lat: 40.8, accuracyM: 5, t: 1000 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('each failure of the API in its own kind; no API at all is "unsupported"', async () => {
    for (const [code, kind] of [
      [1, 'denied'],
      [2, 'unavailable'],
      [3, 'timeout'],
    ] as const) {
      const p = currentFix();
      fake.calls.error.at(-1)?.(positionError(code));
      await expect(p).rejects.toBe(kind);
    }
    expect(vi.getTimerCount()).toBe(0);
    vi.stubGlobal('navigator', {});
    await expect(currentFix()).rejects.toBe('unsupported');
  });
});

describe('a stream of fixes (a walk)', () => {
  it('no first answer: one timeout of our own, the watch kept', async () => {
    const failures: string[] = [];
    const stop = watchFixes(
      () => {},
      (f) => failures.push(f),
    );
    await vi.advanceTimersByTimeAsync(NO_ANSWER_MS * 3);
    expect(failures).toEqual(['timeout']);
    expect(fake.calls.cleared).toEqual([]);
    stop();
    expect(fake.calls.cleared).toEqual([7]);
  });

  it('after a first fix, silence is left to the API (a device standing still)', async () => {
    const fixes: number[] = [];
    const failures: string[] = [];
    const stop = watchFixes(
      (f) => fixes.push(f.lon),
      (f) => failures.push(f),
    );
    await vi.advanceTimersByTimeAsync(NO_ANSWER_MS - 1);
    fake.calls.success[0]?.(position(111.5, 40.8));
    await vi.advanceTimersByTimeAsync(NO_ANSWER_MS * 3);
    expect(fixes).toEqual([111.5]);
    expect(failures).toEqual([]);
    fake.calls.error[0]?.(positionError(3));
    expect(failures).toEqual(['timeout']);
    stop();
  });

  it('"no position" is told only when no fix follows it within the grace; denied at once', async () => {
    const fixes: number[] = [];
    const failures: string[] = [];
    const stop = watchFixes(
      (f) => fixes.push(f.lon),
      (f) => failures.push(f),
    );
    const ok = fake.calls.success[0];
    const fail = fake.calls.error[0];
    // a moment without a position, then a fix: nothing to tell
    fail?.(positionError(2));
    await vi.advanceTimersByTimeAsync(UNAVAILABLE_GRACE_MS - 100);
    ok?.(position(111.5, 40.8));
    await vi.advanceTimersByTimeAsync(UNAVAILABLE_GRACE_MS * 2);
    expect(failures).toEqual([]);
    // no position for longer: told once, at the end of the grace counted from the first
    fail?.(positionError(2));
    await vi.advanceTimersByTimeAsync(UNAVAILABLE_GRACE_MS - 1);
    fail?.(positionError(2));
    expect(failures).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(failures).toEqual(['unavailable']);
    fail?.(positionError(1));
    expect(failures).toEqual(['unavailable', 'denied']);
    expect(fixes).toEqual([111.5]);
    stop();
  });

  it('before any fix, "no position" ends the wait for a first answer (told after the grace, not as a timeout)', async () => {
    const failures: string[] = [];
    const stop = watchFixes(
      () => {},
      (f) => failures.push(f),
    );
    fake.calls.error[0]?.(positionError(2));
    await vi.advanceTimersByTimeAsync(NO_ANSWER_MS * 2);
    expect(failures).toEqual(['unavailable']);
    stop();
  });

  it('stopped before any answer: the timer goes with it', async () => {
    const failures: string[] = [];
    const stop = watchFixes(
      () => {},
      (f) => failures.push(f),
    );
    stop();
    await vi.advanceTimersByTimeAsync(NO_ANSWER_MS * 2);
    expect(failures).toEqual([]);
  });

  it('no API: unsupported at once', () => {
    vi.stubGlobal('navigator', {});
    const failures: string[] = [];
    watchFixes(
      () => {},
      (f) => failures.push(f),
    );
    expect(failures).toEqual(['unsupported']);
  });
});
