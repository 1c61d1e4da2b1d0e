import { describe, expect, it } from 'vitest';
import {
  bd09ToGcj02,
  bd09ToWgs84,
  gcj02ToBd09,
  gcj02ToWgs84,
  wgs84ToBd09,
  wgs84ToGcj02,
} from '../../../web/domain/importers/datum.ts';
import { expectClose } from './helpers.ts';

// Published vectors from wandergis/coordtransform (test/app.js), input (116.404, 39.915) for every function.
describe('GCJ-02 / BD-09 conversions', () => {
  it('match the published coordtransform vectors', () => {
    const [a, b] = bd09ToGcj02(116.404, 39.915);
    expectClose(a, 116.39762729119315, 1e-9);
    expectClose(b, 39.90865673957631, 1e-9);
    const [c, d] = gcj02ToBd09(116.404, 39.915);
    expectClose(c, 116.41036949371029, 1e-9);
    expectClose(d, 39.92133699351021, 1e-9);
    const [e, f] = wgs84ToGcj02(116.404, 39.915);
    expectClose(e, 116.41024449916938, 1e-9);
    expectClose(f, 39.91640428150164, 1e-9);
  });

  it('inverts GCJ-02 exactly (better than 1e-7°) where the one-step formula is ~1e-5° off', () => {
    const [lon, lat] = gcj02ToWgs84(116.404, 39.915);
    // The published one-step result is 116.39775550083061, 39.91359571849836; ours must be closer to the truth.
    const [glon, glat] = wgs84ToGcj02(lon, lat);
    expectClose(glon, 116.404, 1e-9);
    expectClose(glat, 39.915, 1e-9);
    expectClose(lon, 116.39775550083061, 2e-5);
    expect(Math.abs(lon - 116.39775550083061)).toBeGreaterThan(1e-7);
    for (const [x, y] of [
      [97.5, 37.5],
      [111.7, 40.8],
      [126, 53.3],
    ] as const) {
      const [gx, gy] = wgs84ToGcj02(x, y);
      const [bx, by] = gcj02ToWgs84(gx, gy);
      expectClose(bx, x, 1e-7);
      expectClose(by, y, 1e-7);
    }
  });

  it('BD-09 to WGS84 goes through GCJ-02 and round-trips to ~1e-6°', () => {
    const [x, y] = wgs84ToBd09(111.7, 40.8);
    const [bx, by] = bd09ToWgs84(x, y);
    expectClose(bx, 111.7, 2e-6);
    expectClose(by, 40.8, 2e-6);
  });

  it('leaves points outside China alone', () => {
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85]);
  });
});
