import { describe, expect, it } from 'vitest';
import { planReads, READ_FIXED_BYTES, readCost } from '../../../web/domain/screening/read-plan.ts';

/** Sorted byte ranges, seeded. */
function ranges(seed: number, n: number): [number, number][] {
  let x = seed;
  const rnd = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
  const out: [number, number][] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += Math.floor(rnd() ** 3 * 4 * READ_FIXED_BYTES);
    const len = 1 + Math.floor(rnd() * 2000);
    out.push([at, at + len]);
    at += len;
  }
  return out;
}

const plan = (r: [number, number][], fixed = READ_FIXED_BYTES) =>
  planReads(
    r.length,
    (i) => r[i]?.[0] as number,
    (i) => r[i]?.[1] as number,
    fixed,
  );

describe('reads planned for the byte ranges a check needs', () => {
  it('reads neighbours closer than a read’s own cost in one piece, farther ones apart', () => {
    const r: [number, number][] = [
      [0, 100],
      [100 + READ_FIXED_BYTES, 200 + READ_FIXED_BYTES],
      [201 + 2 * READ_FIXED_BYTES, 300 + 2 * READ_FIXED_BYTES],
    ];
    expect(plan(r)).toEqual([
      { from: 0, to: 200 + READ_FIXED_BYTES, first: 0, end: 2 },
      { from: 201 + 2 * READ_FIXED_BYTES, to: 300 + 2 * READ_FIXED_BYTES, first: 2, end: 3 },
    ]);
    expect(plan([])).toEqual([]);
  });

  it('each range lies in its piece, in order; the plan costs no more than one read each or one read of all', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = ranges(seed, 200);
      const pieces = plan(r);
      let next = 0;
      for (const p of pieces) {
        expect(p.first).toBe(next);
        for (let i = p.first; i < p.end; i++) {
          expect(r[i]?.[0]).toBeGreaterThanOrEqual(p.from);
          expect(r[i]?.[1]).toBeLessThanOrEqual(p.to);
        }
        next = p.end;
      }
      expect(next).toBe(r.length);
      const each = r.reduce((s, [a, b]) => s + b - a + READ_FIXED_BYTES, 0);
      const all = (r.at(-1)?.[1] ?? 0) - (r[0]?.[0] ?? 0) + READ_FIXED_BYTES;
      expect(readCost(pieces)).toBeLessThanOrEqual(Math.min(each, all));
    }
  });
});
