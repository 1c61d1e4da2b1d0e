import { describe, expect, it } from 'vitest';
import { flatBBox, flatBBoxInto, float32Down, float32Up } from '../../../web/domain/geo/bbox.ts';

/** the gap between float32 values around x (x not 0; subnormals are 2⁻¹⁴⁹ apart) */
const ulp32 = (x: number) => Math.max(2 ** (Math.floor(Math.log2(Math.abs(x))) - 23), 2 ** -149);

/** edge is a float32 on the outer side of x, less than one float32 step from it */
function expectOutward(edge: number, x: number, side: 'down' | 'up') {
  expect(Math.fround(edge)).toBe(edge);
  if (side === 'down') expect(edge).toBeLessThanOrEqual(x);
  else expect(edge).toBeGreaterThanOrEqual(x);
  expect(Math.abs(x - edge)).toBeLessThan(ulp32(x));
}

describe('flatBBoxInto', () => {
  it('writes, for each range, the box flatBBox gives rounded outward to float32, at its slot, without touching the others', () => {
    let seed = 11;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const coords = Float64Array.from({ length: 2 * 500 }, (_, i) =>
      i % 2 === 0 ? 97 + 29 * rand() : 37 + 16 * rand(),
    );
    const ranges: Array<[number, number]> = [
      [0, 1],
      [0, 500],
      [17, 230],
      [499, 500],
    ];
    const out = new Float32Array(4 * (ranges.length + 1)).fill(7);
    ranges.forEach(([a, b], k) => {
      flatBBoxInto(coords, a, b, out, k);
    });
    let moved = 0;
    ranges.forEach(([a, b], k) => {
      const exact = flatBBox(coords, a, b);
      const kept = [...out.subarray(4 * k, 4 * k + 4)];
      kept.forEach((edge, i) => {
        expectOutward(edge, exact[i] as number, i < 2 ? 'down' : 'up');
        if (edge !== exact[i]) moved++;
      });
    });
    // random float64 coordinates are almost never float32 values: the rounding was exercised
    expect(moved).toBeGreaterThan(12);
    expect([...out.subarray(4 * ranges.length)]).toEqual([7, 7, 7, 7]);
  });

  it('gives the empty box for an empty range', () => {
    const out = new Float32Array(4);
    flatBBoxInto([1, 2, 3, 4], 1, 1, out, 0);
    expect([...out]).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });
});

describe('float32Down and float32Up', () => {
  it('give the float32 on the outer side of x, x itself when it is one', () => {
    for (const x of [0.1, -0.1, 111.3, -111.3, 41.123456789, 1e-40, -1e-40, 3e38, 123456789.123]) {
      expectOutward(float32Down(x), x, 'down');
      expectOutward(float32Up(x), x, 'up');
    }
    for (const x of [0, 111.5, -2.25, 2 ** -149, Infinity, -Infinity]) {
      expect(float32Down(x)).toBe(x);
      expect(float32Up(x)).toBe(x);
    }
    // across zero and beyond the largest float32
    expect(float32Down(1e-50)).toBe(0);
    expect(float32Down(-1e-50)).toBe(-(2 ** -149));
    expect(float32Up(1e-50)).toBe(2 ** -149);
    expect(float32Down(1e39)).toBe(3.4028234663852886e38);
    expect(float32Up(-1e39)).toBe(-3.4028234663852886e38);
    expect(Number.isNaN(float32Down(Number.NaN))).toBe(true);
  });
});
