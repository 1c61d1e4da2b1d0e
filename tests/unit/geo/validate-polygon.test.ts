import { describe, expect, it } from 'vitest';
import { validateProject } from '../../../web/domain/geo/validate-polygon.ts';

const poly = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });
const sq = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

function errorsOf(input: unknown) {
  const r = validateProject(input);
  return r.ok ? [] : r.errors;
}

describe('project validation', () => {
  it('accepts a simple polygon and orients it counter-clockwise', () => {
    const r = validateProject(
      poly([
        [111, 42],
        [111, 42.1],
        [111.1, 42.1],
        [111.1, 42],
        [111, 42],
      ]),
    );
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(Array.from(r.polygons[0]?.rings[0] ?? [])).toEqual([111.1, 42, 111.1, 42.1, 111, 42.1, 111, 42]);
  });

  it('refuses a bowtie and says where the edges cross', () => {
    const errs = errorsOf(
      poly([
        [111, 42],
        [111.2, 42.2],
        [111.2, 42],
        [111, 42.2],
        [111, 42],
      ]),
    );
    expect(errs).toHaveLength(1);
    expect(errs[0]?.code).toBe('self-intersection');
    expect(errs[0]?.at?.[0]).toBeCloseTo(111.1, 12);
    expect(errs[0]?.at?.[1]).toBeCloseTo(42.1, 12);
    expect(errs[0]?.en).toContain('111.100000, 42.100000');
    expect(errs[0]?.zh).toContain('自相交');
  });

  it('refuses a ring that touches itself at a vertex', () => {
    const errs = errorsOf(
      poly(
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 0],
          [0, 4],
          [0, 0],
        ].map(([x, y]) => [110 + (x as number) / 100, 40 + (y as number) / 100]),
      ),
    );
    expect(errs[0]?.code).toBe('self-intersection');
    expect(errs[0]?.at).toEqual([110.02, 40]);
  });

  it('refuses a spike folding back on itself', () => {
    const errs = errorsOf(
      poly([
        [111, 42],
        [111.1, 42],
        [111.1, 42.1],
        [111.1, 42.05],
        [111, 42.1],
        [111, 42],
      ]),
    );
    expect(errs[0]?.code).toBe('self-intersection');
  });

  it('refuses unclosed rings, too few points, zero area and projected coordinates', () => {
    expect(
      errorsOf(
        poly([
          [111, 42],
          [111.1, 42],
          [111.1, 42.1],
        ]),
      )[0]?.code,
    ).toBe('unclosed-ring');
    expect(
      errorsOf(
        poly([
          [111, 42],
          [111.1, 42],
          [111, 42],
        ]),
      )[0]?.code,
    ).toBe('too-few-points');
    expect(
      errorsOf(
        poly([
          [111, 42],
          [111.1, 42],
          [111.1, 42],
          [111, 42],
        ]),
      )[0]?.code,
    ).toBe('too-few-points');
    expect(
      errorsOf(
        poly([
          [111, 42],
          [111.1, 42],
          [111.2, 42],
          [111, 42],
        ]),
      )[0]?.code,
    ).toBe('zero-area');
    const gk = errorsOf(
      poly([
        [39512345, 4512345],
        [39513345, 4512345],
        [39513345, 4513345],
        [39512345, 4512345],
      ]),
    );
    expect(gk[0]?.code).toBe('not-lonlat');
    expect(
      errorsOf({
        type: 'LineString',
        coordinates: [
          [111, 42],
          [112, 42],
        ],
      })[0]?.code,
    ).toBe('not-polygon');
    expect(
      errorsOf(
        poly([
          [111, 42],
          [111.1, Number.NaN],
          [111.1, 42.1],
          [111, 42],
        ]),
      )[0]?.code,
    ).toBe('bad-coordinate');
  });

  it('removes repeated points with a warning', () => {
    const r = validateProject(
      poly([
        [111, 42],
        [111, 42],
        [111.1, 42],
        [111.1, 42.1],
        [111, 42.1],
        [111, 42],
      ]),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.warnings[0]?.code).toBe('duplicate-points');
      expect(r.vertexCount).toBe(4);
    }
  });

  it('checks holes and parts', () => {
    expect(errorsOf(poly(sq(111, 42, 111.1, 42.1), sq(111.2, 42, 111.3, 42.1)))[0]?.code).toBe(
      'hole-outside',
    );
    expect(errorsOf(poly(sq(111, 42, 111.1, 42.1), sq(111.05, 42.05, 111.15, 42.08)))[0]?.code).toBe(
      'rings-cross',
    );
    expect(
      errorsOf({
        type: 'MultiPolygon',
        coordinates: [[sq(111, 42, 111.1, 42.1)], [sq(111.02, 42.02, 111.05, 42.05)]],
      })[0]?.code,
    ).toBe('parts-overlap');
    expect(validateProject(poly(sq(111, 42, 111.1, 42.1), sq(111.02, 42.02, 111.05, 42.05))).ok).toBe(true);
    expect(
      validateProject({
        type: 'MultiPolygon',
        coordinates: [[sq(111, 42, 111.1, 42.1)], [sq(111.1, 42, 111.2, 42.1)]],
      }).ok,
    ).toBe(false);
  });
});
