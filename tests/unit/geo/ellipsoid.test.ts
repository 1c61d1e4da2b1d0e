import { describe, expect, it } from 'vitest';
import { CGCS2000, polygonArea, ringSignedArea } from '../../../web/domain/geo/ellipsoid.ts';
import { areaFigures, formatAreaZh, M2_PER_MU, m2ToMu } from '../../../web/domain/geo/units.ts';

/** Closed form: area of the ellipsoid between two parallels over Δλ (authalic-latitude formula). */
function zoneArea(lat1: number, lat2: number, dLonDeg: number): number {
  const { a, f } = CGCS2000;
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const b2 = a * a * (1 - e2);
  const q = (latDeg: number) => {
    const s = Math.sin((latDeg * Math.PI) / 180);
    return s / (1 - e2 * s * s) + (1 / (2 * e)) * Math.log((1 + e * s) / (1 - e * s));
  };
  return ((b2 * ((dLonDeg * Math.PI) / 180)) / 2) * (q(lat2) - q(lat1));
}

/** A lon/lat rectangle whose parallels are densified so geodesic chords follow them closely. */
function rectangle(lon0: number, lat0: number, lon1: number, lat1: number, perSide: number): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < perSide; i++) ring.push([lon0 + ((lon1 - lon0) * i) / perSide, lat0]);
  ring.push([lon1, lat0]);
  for (let i = 0; i < perSide; i++) ring.push([lon1 - ((lon1 - lon0) * i) / perSide, lat1]);
  ring.push([lon0, lat1], [lon0, lat0]);
  return ring;
}

describe('ellipsoidal area', () => {
  it.each([
    [110, 40, 111, 41],
    [120, 50, 120.5, 50.3],
    [97.5, 37.5, 126, 53.3],
  ])('matches the closed form for the lon/lat rectangle %s,%s – %s,%s (densified)', (x0, y0, x1, y1) => {
    const expected = zoneArea(y0, y1, x1 - x0);
    const got = polygonArea([rectangle(x0, y0, x1, y1, 2000)]);
    expect(Math.abs(got - expected) / expected).toBeLessThan(1e-7);
  });

  it('differs from a spherical area by tenths of a percent at 52°N (so the method matters)', () => {
    const R = 6371008.8;
    const sphere =
      R * R * ((1 * Math.PI) / 180) * (Math.sin((53 * Math.PI) / 180) - Math.sin((52 * Math.PI) / 180));
    const ellipsoid = zoneArea(52, 53, 1);
    expect(ellipsoid / sphere - 1).toBeGreaterThan(0.002);
  });

  it('is signed by orientation and subtracts holes', () => {
    const ccw = new Float64Array([110, 40, 110.1, 40, 110.1, 40.1, 110, 40.1]);
    const cw = new Float64Array([110, 40, 110, 40.1, 110.1, 40.1, 110.1, 40]);
    expect(ringSignedArea(ccw, 0, 4)).toBeGreaterThan(0);
    expect(ringSignedArea(cw, 0, 4)).toBeCloseTo(-ringSignedArea(ccw, 0, 4), 6);
    const outer = [
      [110, 40],
      [110.1, 40],
      [110.1, 40.1],
      [110, 40.1],
      [110, 40],
    ];
    const hole = [
      [110.02, 40.02],
      [110.02, 40.05],
      [110.05, 40.05],
      [110.05, 40.02],
      [110.02, 40.02],
    ];
    expect(polygonArea([outer, hole])).toBeCloseTo(polygonArea([outer]) - polygonArea([hole]), 3);
  });
});

describe('area units', () => {
  it('converts to 公顷 (2 decimals) and 亩 (1 ha = 15 亩)', () => {
    const f = areaFigures(123_456.789);
    expect(f.ha).toBe(12.35);
    expect(f.mu).toBe(185.19);
    expect(m2ToMu(10_000)).toBe(15);
    expect(M2_PER_MU).toBeCloseTo(666.67, 2);
    expect(formatAreaZh(123_456.789)).toBe('12.35 公顷（185.19 亩）');
    expect(formatAreaZh(2.5e8)).toBe('250.00 平方千米（37.50 万亩）');
  });
});
