import { describe, expect, it } from 'vitest';
import { geometriesBBox, positionsBBox } from '../../../web/domain/geo/bbox.ts';
import { findIntersections, intersectionStats } from '../../../web/domain/geo/intersections.ts';
import { openRing, planarSignedArea, ringOrientation } from '../../../web/domain/geo/planar.ts';
import { locateInPolygon } from '../../../web/domain/geo/positions.ts';
import { intersectSegments, orient, properlyCross } from '../../../web/domain/geo/segments.ts';
import { seededRandom } from '../../../web/domain/screening/synthetic-layer.ts';
import { exactRingSign } from './exact.ts';

type Ring = number[][];
const flat = (ring: Ring) => new Float64Array(ring.flat());
const kinds = (rings: Ring[], touch: 'between-rings' | 'anywhere' = 'between-rings') =>
  findIntersections([{ rings: rings.map(flat) }], { touch }).map((h) => h.kind);

describe('bounding boxes', () => {
  it('handles 300,000 positions (where Math.min(...xs) overflows the call stack)', () => {
    const rnd = seededRandom(5);
    const ring: Ring = Array.from({ length: 300_000 }, () => [110 + rnd(), 41 + rnd()]);
    ring[123_456] = [109.5, 41.25];
    ring[234_567] = [111.75, 40.5];
    let [w, s, e, n] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -1e9, -1e9];
    for (const [x, y] of ring as [number, number][]) {
      w = Math.min(x, w);
      s = Math.min(y, s);
      e = Math.max(x, e);
      n = Math.max(y, n);
    }
    expect(positionsBBox([[ring]])).toEqual([w, s, e, n]);
    expect(positionsBBox([[ring]])?.slice(0, 2)).toEqual([109.5, 40.5]);
    expect(geometriesBBox([{ coordinates: [ring] }, { coordinates: [[[[120, 50]]]] }])).toEqual([
      w,
      s,
      120,
      50,
    ]);
    expect(geometriesBBox([])).toBeNull();
    expect(positionsBBox([[], []])).toBeNull();
  });
});

describe('orientation', () => {
  it('agrees with exact rational arithmetic on near-degenerate rings, where the float area may not', () => {
    const rnd = seededRandom(11);
    let floatWrong = 0;
    for (let k = 0; k < 2000; k++) {
      // a thin triangle (always a simple ring): the third point off the line by a few units in the last place
      const ax = 111 + rnd();
      const ay = 42 + rnd();
      const dx = (rnd() - 0.5) * 1e-3;
      const dy = (rnd() - 0.5) * 1e-3;
      const off = (rnd() - 0.5) * 4e-16 * (k % 7);
      const ring: Ring = [
        [ax, ay],
        [ax + dx, ay + dy],
        [ax + 2 * dx + off, ay + 2 * dy - off],
      ];
      const exact = exactRingSign(ring);
      if (exact === 0) continue;
      expect(ringOrientation(flat(ring)), `ring ${k}`).toBe(exact);
      if (Math.sign(planarSignedArea(flat(ring))) !== exact) floatWrong++;
    }
    // the set-up is hard enough that the float shoelace gets some of them wrong
    expect(floatWrong).toBeGreaterThan(0);
  });

  it('reads the orientation of ordinary rings either way round', () => {
    const sq: Ring = [
      [111, 42],
      [111.1, 42],
      [111.1, 42.1],
      [111, 42.1],
    ];
    expect(ringOrientation(flat(sq))).toBe(1);
    expect(ringOrientation(flat([...sq].reverse()))).toBe(-1);
  });
});

describe('one intersection check', () => {
  const sq = (x0: number, y0: number, x1: number, y1: number): Ring => [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];

  it('names crossings, touches, shared edges and spikes', () => {
    expect(
      kinds([
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
        ],
      ]),
    ).toEqual(['crossing']);
    // a vertex on the ring's own edge: not allowed for polygons, allowed for layer data
    const tTouch: Ring = [
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 0],
      [0, 4],
    ];
    expect(kinds([tTouch])).toContain('touch');
    expect(kinds([tTouch], 'anywhere')).toEqual([]);
    // a hole touching its shell at one vertex is valid
    expect(
      kinds([
        sq(0, 0, 4, 4),
        [
          [0, 0],
          [2, 1],
          [1, 2],
        ],
      ]),
    ).toEqual([]);
    // a hole sharing part of an edge with its shell is not
    expect(kinds([sq(0, 0, 4, 4), sq(0, 1, 1, 2).reverse()])).toContain('overlap');
  });

  it('finds a spike at every position, including where the ring wraps round', () => {
    const base: Ring = [
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 4],
      [2, 6],
      [2, 5],
      [0, 4],
    ];
    // rotate the ring so the spike tip (2, 6) sits at each index in turn, the first and the last included
    for (let k = 0; k < base.length; k++) {
      const ring = [...base.slice(k), ...base.slice(0, k)];
      const hits = findIntersections([{ rings: [flat(ring)] }], { touch: 'between-rings' });
      expect(
        hits.filter((h) => h.kind === 'spike').map((h) => h.at),
        `rotation ${k}`,
      ).toEqual([[2, 6]]);
    }
  });

  it('accepts surveyed rings that start in the middle of a straight edge', () => {
    // 界址点-style parcels in Gauss–Krüger metres (zone 39): fence posts along straight edges, the first
    // point (J1) halfway along an edge, as surveyors often number them; and the same parcel as lon/lat
    // digitised along parallels and meridians
    const gk: Ring = [
      [39500150, 4500000],
      [39500300, 4500000],
      [39500300, 4500100],
      [39500300, 4500200],
      [39500200, 4500250],
      [39500000, 4500350],
      [39500000, 4500175],
      [39500000, 4500000],
      [39500075, 4500000],
    ];
    const lonLat: Ring = [
      [117.0125, 42.5],
      [117.025, 42.5],
      [117.025, 42.5125],
      [117.0125, 42.5125],
      [117, 42.5125],
      [117, 42.50625],
      [117, 42.5],
    ];
    for (const ring of [gk, lonLat]) {
      for (let k = 0; k < ring.length; k++) {
        const rotated = [...ring.slice(k), ...ring.slice(0, k)];
        expect(kinds([rotated]), `start at ${k}`).toEqual([]);
        expect(kinds([[...rotated].reverse()]), `reversed, start at ${k}`).toEqual([]);
      }
    }
  });

  it('tests a number of edge pairs that grows with the edges, not their square', () => {
    const rnd = seededRandom(3);
    const parts = Array.from({ length: 20_000 }, (_, i) => {
      const x = 110 + (i % 150) * 0.01 + rnd() * 0.002;
      const y = 40 + Math.floor(i / 150) * 0.01 + rnd() * 0.002;
      return { rings: [flat(sq(x, y, x + 0.005, y + 0.005))] };
    });
    intersectionStats.pairsTested = 0;
    expect(findIntersections(parts, { touch: 'between-rings' })).toEqual([]);
    // each edge meets its two neighbours in the ring; a quadratic scan would test 3.2 × 10⁹ pairs
    expect(intersectionStats.pairsTested).toBeLessThan(3 * 80_000);
    expect(intersectionStats.pairsTested).toBeGreaterThanOrEqual(80_000);
  });
});

describe('the sweep that proves an outline valid', () => {
  // every pair of edges, with the rules findIntersections documents: the oracle for its quick sweep
  const anyByPairs = (rings: Float64Array[], touch: 'between-rings' | 'anywhere' | 'nowhere'): boolean => {
    const edges: { ring: number; a: number[]; b: number[]; id: [number, number]; next: [number, number] }[] =
      [];
    rings.forEach((r, ri) => {
      const n = r.length / 2;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        edges.push({
          ring: ri,
          a: [r[2 * i], r[2 * i + 1]] as number[],
          b: [r[2 * j], r[2 * j + 1]] as number[],
          id: [ri, i],
          next: [ri, j],
        });
      }
    });
    const same = (p: [number, number], q: [number, number]) => p[0] === q[0] && p[1] === q[1];
    const pts = new Float64Array(8);
    for (let e = 0; e < edges.length; e++)
      for (let f = e + 1; f < edges.length; f++) {
        const E = edges[e] as (typeof edges)[number];
        const F = edges[f] as (typeof edges)[number];
        const [ax, ay] = E.a as [number, number];
        const [bx, by] = E.b as [number, number];
        const [cx, cy] = F.a as [number, number];
        const [dx, dy] = F.b as [number, number];
        const fFollows = same(E.next, F.id);
        if (fFollows || same(F.next, E.id)) {
          const [sx, sy, ox, oy, qx, qy] = fFollows ? [bx, by, dx, dy, ax, ay] : [ax, ay, cx, cy, bx, by];
          if (orient(qx, qy, sx, sy, ox, oy) === 0 && (ox - sx) * (qx - sx) + (oy - sy) * (qy - sy) > 0)
            return true;
          continue;
        }
        const m = intersectSegments(ax, ay, bx, by, cx, cy, dx, dy, pts);
        if (m === 0) continue;
        if (m === 2 || properlyCross(ax, ay, bx, by, cx, cy, dx, dy)) return true;
        if (touch === 'nowhere' || (touch === 'between-rings' && E.ring === F.ring)) return true;
      }
    return false;
  };

  it('finds a contact exactly when some pair of edges has one (random rings, many on a coarse grid)', () => {
    const rnd = seededRandom(17);
    let valid = 0;
    let invalid = 0;
    for (let k = 0; k < 3000; k++) {
      const rings: Float64Array[] = [];
      for (let r = 0, nr = 1 + Math.floor(rnd() * 3); r < nr; r++) {
        const n = 3 + Math.floor(rnd() * 10);
        const grid = rnd() < 0.5;
        const xy: number[] = [];
        for (let i = 0; i < n; i++) {
          const t = (2 * Math.PI * i) / n;
          const rr = (r + 1) * (1 + rnd() * (rnd() < 0.3 ? 1.5 : 0.2));
          if (grid) xy.push(Math.floor(rnd() * 4), Math.floor(rnd() * 4));
          else xy.push(110 + rr * Math.cos(t), 40 + rr * Math.sin(t));
        }
        const ring = flat(
          Array.from({ length: n }, (_, i) => [xy[2 * i] as number, xy[2 * i + 1] as number]),
        );
        const open = openRing(
          Array.from({ length: n }, (_, i) => [ring[2 * i] as number, ring[2 * i + 1] as number]),
        );
        if (open.length >= 6) rings.push(open);
      }
      if (rings.length === 0) continue;
      for (const touch of ['between-rings', 'anywhere', 'nowhere'] as const) {
        const expected = anyByPairs(rings, touch);
        if (expected) invalid++;
        else valid++;
        expect(findIntersections([{ rings }], { touch }).length > 0, `case ${k}, ${touch}`).toBe(expected);
        expect(findIntersections([{ rings }], { touch, limit: 1 }).length, `case ${k}, ${touch}`).toBe(
          expected ? 1 : 0,
        );
      }
    }
    // both kinds are well represented
    expect(Math.min(valid, invalid)).toBeGreaterThan(1000);
  });
});

describe('point in polygon on positions', () => {
  it('is exact on the boundary and respects holes', () => {
    const rings = [
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
      [
        [1, 1],
        [1, 3],
        [3, 3],
        [3, 1],
        [1, 1],
      ],
    ];
    expect(locateInPolygon([0.5, 2], rings)).toBe(1);
    expect(locateInPolygon([2, 2], rings)).toBe(0);
    expect(locateInPolygon([5, 2], rings)).toBe(0);
    expect(locateInPolygon([4, 2], rings)).toBe(-1);
    expect(locateInPolygon([1, 2], rings)).toBe(-1);
    // points a few units in the last place either side of a long edge: exact signs as the oracle
    const A = [111.123456789, 42.123456789];
    const B = [111.923456789, 42.723456789];
    const C = [111.123456789, 42.923456789];
    const tri = [A, B, C, A];
    const rnd = seededRandom(8);
    let inside = 0;
    let outside = 0;
    for (let k = 0; k < 500; k++) {
      const t = rnd();
      const p = [
        (A[0] as number) + t * ((B[0] as number) - (A[0] as number)),
        (A[1] as number) + t * ((B[1] as number) - (A[1] as number)) + (rnd() - 0.5) * 4e-14,
      ];
      const sides = [exactRingSign([A, B, p]), exactRingSign([B, C, p]), exactRingSign([C, A, p])];
      const expected = sides.includes(0) ? -1 : sides.every((x) => x === 1) ? 1 : 0;
      expect(locateInPolygon(p, [tri]), `point ${k}`).toBe(expected);
      if (expected === 1) inside++;
      if (expected === 0) outside++;
    }
    expect(inside).toBeGreaterThan(50);
    expect(outside).toBeGreaterThan(50);
  });
});
