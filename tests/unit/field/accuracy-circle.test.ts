import { describe, expect, it } from 'vitest';
import { geodesicCircle, ringBox } from '../../../web/domain/field/accuracy-circle.ts';
import { geodesicDistance, polygonArea } from '../../../web/domain/geo/ellipsoid.ts';
import { validateProject } from '../../../web/domain/geo/validate-polygon.ts';

describe('a circle on the ground', () => {
  const cases: [number, number, number][] = [
    [111.65, 40.82, 8],
    [109.0, 38.9, 50],
    [119.7, 49.2, 200],
    [106.8, 39.6, 500],
    [122.0, 53.0, 20_000],
  ];
  it.each(cases)(
    'at %f, %f with radius %f m: every vertex at the radius within 0.1 %% (geodesic)',
    (lon, lat, r) => {
      const p = geodesicCircle(lon, lat, r);
      const ring = p.coordinates[0] ?? [];
      expect(ring.length).toBe(73);
      expect(ring[0]).toEqual(ring[72]);
      for (const [x, y] of ring) {
        const d = geodesicDistance(lon, lat, x as number, y as number);
        expect(Math.abs(d - r) / r).toBeLessThan(1e-3);
      }
    },
  );

  it('is a valid boundary, counter-clockwise, with about the area of a disc', () => {
    for (const [lon, lat, r] of cases) {
      const p = geodesicCircle(lon, lat, r);
      const v = validateProject(p);
      expect(v.ok ? [] : v.errors).toEqual([]);
      const ring = p.coordinates[0] ?? [];
      let twice = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i] as number[];
        const [bx, by] = ring[i + 1] as number[];
        twice += (ax as number) * (by as number) - (bx as number) * (ay as number);
      }
      expect(twice).toBeGreaterThan(0);
      // a 72-gon inscribed in a circle has (72/2π)·sin(2π/72) of its area
      const inscribed = Math.PI * r * r * ((72 / (2 * Math.PI)) * Math.sin((2 * Math.PI) / 72));
      expect(Math.abs(polygonArea(p.coordinates) - inscribed) / inscribed).toBeLessThan(2e-3);
    }
  });

  it('its box holds every vertex and is about two radii across', () => {
    const p = geodesicCircle(111.65, 40.82, 100);
    const [w, s, e, n] = ringBox(p);
    expect(geodesicDistance(w, 40.82, e, 40.82)).toBeCloseTo(200, -1);
    expect(geodesicDistance(111.65, s, 111.65, n)).toBeCloseTo(200, 0);
  });

  it('refuses a radius that is not a positive number', () => {
    expect(() => geodesicCircle(111, 40, 0)).toThrow();
    expect(() => geodesicCircle(111, 40, Number.NaN)).toThrow();
  });
});
