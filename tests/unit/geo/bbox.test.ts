import { describe, expect, it } from 'vitest';
import { flatBBox, flatBBoxInto } from '../../../web/domain/geo/bbox.ts';

describe('flatBBoxInto', () => {
  it('writes the box flatBBox gives for each range, at its slot, without touching the others', () => {
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
    const out = new Float64Array(4 * (ranges.length + 1)).fill(7);
    ranges.forEach(([a, b], k) => {
      flatBBoxInto(coords, a, b, out, k);
    });
    ranges.forEach(([a, b], k) => {
      expect([...out.subarray(4 * k, 4 * k + 4)]).toEqual(flatBBox(coords, a, b));
    });
    expect([...out.subarray(4 * ranges.length)]).toEqual([7, 7, 7, 7]);
  });

  it('gives the empty box for an empty range', () => {
    const out = new Float64Array(4);
    flatBBoxInto([1, 2, 3, 4], 1, 1, out, 0);
    expect([...out]).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
  });
});
