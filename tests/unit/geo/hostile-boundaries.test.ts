import { describe, expect, it } from 'vitest';
import { intersectionStats } from '../../../web/domain/geo/intersections.ts';
import { nestingStats } from '../../../web/domain/geo/nesting.ts';
import { validateProject } from '../../../web/domain/geo/validate-polygon.ts';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import { indexLayer } from '../../../web/domain/screening/layer.ts';
import { syntheticLayer } from '../../../web/domain/screening/synthetic-layer.ts';
import { refRingArea } from '../screening/independent.ts';

/**
 * Boundaries that once gave nonsense with exit 0 (issue 8): across the antimeridian, round the whole world,
 * slivers collinear as written, surveyed rings starting mid-edge, thousands of parts, 300,000 vertices.
 * Areas are checked against GeographicLib's own PolygonArea (independent.ts).
 */

type Ring = number[][];
const polygon = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });
const closed = (ring: Ring): Ring => [...ring, ring[0] as number[]];
const sq = (x0: number, y0: number, x1: number, y1: number): Ring =>
  closed([
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ]);
const errorsOf = (input: unknown) => {
  const r = validateProject(input);
  return r.ok ? [] : r.errors;
};
const layer = indexLayer(
  syntheticLayer({ seed: 9, bbox: [111, 42, 112, 42.8], cols: 8, rows: 6, maxVertices: 200 }),
);

describe('extent', () => {
  it('refuses a parcel drawn across the 180° meridian instead of screening a 359°-wide band', () => {
    const across = polygon(
      closed([
        [179.5, 45],
        [-179.5, 45],
        [-179.5, 45.5],
        [179.5, 45.5],
      ]),
    );
    const errs = errorsOf(across);
    expect(errs.map((e) => e.code)).toEqual(['antimeridian']);
    expect(errs[0]?.at).toEqual([179.5, 45]);
    expect(errs[0]?.zh).toContain('180° 经线');
    expect(errs[0]?.en).toContain('point 1');
    const out = screenProject(across, [layer]);
    expect(out.ok).toBe(false);
  });

  it('refuses a whole-world ring and a continental one as larger than any project, saying how large', () => {
    const world = polygon(
      closed([
        [-180, -90],
        [180, -90],
        [180, 90],
        [-180, 90],
      ]),
    );
    const errs = errorsOf(world);
    expect(errs.map((e) => e.code)).toEqual(['too-large']);
    expect(errs[0]?.en).toContain('360.0° × 180.0°');
    expect(errs[0]?.zh).toContain('内蒙古');
    expect(errorsOf(polygon(sq(75, 20, 135, 54)))[0]?.code).toBe('too-large');
    // the whole region's box is still a boundary one may screen
    expect(validateProject(polygon(sq(97.2, 37.4, 126.1, 53.3))).ok).toBe(true);
  });
});

describe('slivers', () => {
  const sliver: Ring = closed([
    [111.1, 40.1],
    [111.2, 40.2],
    [111.3, 40.3],
  ]);

  it('refuses a ring whose points lie on one line as written, naming the ring', () => {
    // GeographicLib alone would give it an area: its geodesic edges bow apart
    expect(refRingArea(sliver)).toBeGreaterThan(100);
    const errs = errorsOf(polygon(sliver));
    expect(errs.map((e) => e.code)).toEqual(['zero-area']);
    expect(errs[0]?.en).toMatch(/^outer ring has no area/);
    expect(errs[0]?.zh).toMatch(/^外环面积为零/);
    expect(screenProject(polygon(sliver), [layer]).ok).toBe(false);
  });

  it('names a sliver hole and a sliver part', () => {
    const hole = closed([
      [111.02, 40.02],
      [111.05, 40.05],
      [111.08, 40.08],
    ]);
    const errs = errorsOf(polygon(sq(111, 40, 111.1, 40.1), hole));
    expect(errs.map((e) => [e.code, e.part, e.ring])).toEqual([['zero-area', 0, 1]]);
    expect(errs[0]?.zh).toContain('第 1 个内环');
    const multi = errorsOf({ type: 'MultiPolygon', coordinates: [[sq(112, 40, 112.1, 40.1)], [sliver]] });
    expect(multi.map((e) => [e.code, e.part])).toEqual([['zero-area', 1]]);
    expect(multi[0]?.en).toContain('part 2');
  });

  it('accepts a narrow strip that has real width (1 m × 1 km)', () => {
    const dLat = 1 / 111_000;
    const strip = polygon(sq(111, 40, 111.0117, 40 + dLat));
    const r = validateProject(strip);
    expect(r.ok).toBe(true);
    const out = screenProject(strip, [layer]);
    if (!out.ok) throw new Error('refused');
    const ref = refRingArea(strip.coordinates[0] as Ring);
    expect(ref).toBeGreaterThan(900);
    expect(Math.abs(out.result.projectAreaM2 / ref - 1)).toBeLessThan(1e-9);
  });
});

describe('surveyed rings that start mid-edge', () => {
  it('screens them with the area GeographicLib gives', () => {
    // field parcels digitised along parallels and meridians, fence posts on the edges, J1 mid-edge
    const parcel: Ring = [
      [111.3125, 42.25],
      [111.325, 42.25],
      [111.325, 42.25625],
      [111.325, 42.2625],
      [111.3, 42.2625],
      [111.3, 42.25],
      [111.30625, 42.25],
    ];
    for (let k = 0; k < parcel.length; k++) {
      const ring = closed([...parcel.slice(k), ...parcel.slice(0, k)]);
      const out = screenProject(polygon(ring), [layer]);
      if (!out.ok) throw new Error(`start at ${k}: ${out.errors.map((e) => e.en).join('; ')}`);
      expect(Math.abs(out.result.projectAreaM2 / refRingArea(ring) - 1)).toBeLessThan(1e-9);
    }
  });
});

describe('many parts', () => {
  const grid = (n: number, x0: number, y0: number, cols: number): Ring[][] =>
    Array.from({ length: n }, (_, i) => {
      const x = x0 + (i % cols) * 0.002;
      const y = y0 + Math.floor(i / cols) * 0.002;
      return [sq(x, y, x + 0.001, y + 0.001)];
    });

  it('checks 20,000 parts with a number of containment tests that grows with the parts', () => {
    // an outer part whose hole holds 20,000 islands: every island lies in its box, none in it
    const frame = [sq(110.9, 39.9, 111.5, 40.5), sq(110.95, 39.95, 111.45, 40.45).reverse()];
    const parts = [frame, ...grid(20_000, 111, 40, 200)];
    nestingStats.containmentTests = 0;
    intersectionStats.pairsTested = 0;
    const r = validateProject({ type: 'MultiPolygon', coordinates: parts });
    expect(r.ok).toBe(true);
    // one test per island (against the frame), not one per pair of parts (4 × 10⁸)
    expect(nestingStats.containmentTests).toBeLessThanOrEqual(20_001);
    expect(nestingStats.containmentTests).toBeGreaterThanOrEqual(20_000);
    expect(intersectionStats.pairsTested).toBeLessThan(3 * 80_008);
  });

  it('finds the one part lying inside another among 10,000', () => {
    const parts = grid(10_000, 111, 40, 100);
    // part 7,001 (index 7000) gets a small part inside it, appended last
    const [x, y] = (parts[7000]?.[0]?.[0] ?? [0, 0]) as [number, number];
    parts.push([sq(x + 0.0002, y + 0.0002, x + 0.0005, y + 0.0005)]);
    const errs = errorsOf({ type: 'MultiPolygon', coordinates: parts });
    expect(errs.map((e) => [e.code, e.part])).toEqual([['parts-overlap', 10_000]]);
    expect(errs[0]?.en).toBe('Part 10001 lies inside part 7001 (parts overlap).');
  });
});

describe('300,000 vertices', () => {
  it('validates a fine outline and orients it, without overflowing anything', () => {
    const n = 300_000;
    const ring: Ring = [];
    for (let i = 0; i < n; i++) {
      const t = (-2 * Math.PI * i) / n; // clockwise as written
      const r = 0.3 + 0.02 * Math.sin(7 * t);
      ring.push([111.5 + (r * Math.cos(t)) / 0.737, 42.5 + r * Math.sin(t)]);
    }
    intersectionStats.pairsTested = 0;
    const v = validateProject(polygon(closed(ring)));
    if (!v.ok) throw new Error(v.errors.map((e) => e.en).join('; '));
    expect(v.vertexCount).toBe(n);
    expect(intersectionStats.pairsTested).toBeLessThan(4 * n);
    // outer rings come back counter-clockwise: the written order reversed
    const out = v.polygons[0]?.rings[0] as Float64Array;
    expect([out[0], out[1]]).toEqual(ring[n - 1]);
  });
});
