/**
 * How the rings of valid polygons sit inside each other, once findIntersections has found no crossing:
 * holes must lie inside their outer ring, and no part may lie inside another. Rings that do not cross
 * are inside or outside each other as a whole, so one vertex not on the other boundary decides.
 * Parts are paired through a spatial index of their boxes, so n parts cost about n log n.
 */
import Flatbush from 'flatbush';
import { flatBBox } from './bbox.ts';
import type { FlatPolygon } from './intersections.ts';
import { packRings, type RingSet } from './planar.ts';
import { SegmentGrid } from './segment-grid.ts';
import { pointInRings } from './segments.ts';

/** Exact even-odd location over a set of rings: 1 inside, 0 outside, -1 on the boundary. */
export type PointLocator = (x: number, y: number) => number;

/** Below this many vertices a plain scan beats building a grid. */
const GRID_FROM_VERTICES = 256;

export function pointLocator(set: RingSet): PointLocator {
  const ringCount = set.ringStarts.length - 1;
  if ((set.ringStarts[ringCount] as number) < GRID_FROM_VERTICES)
    return (x, y) => pointInRings(set.coords, set.ringStarts, 0, ringCount, x, y);
  const grid = new SegmentGrid(set, 1);
  return (x, y) => grid.pointInPolygon(x, y);
}

/** Locator for one open flat ring. */
export function ringLocator(r: Float64Array): PointLocator {
  return pointLocator({ coords: r, ringStarts: Uint32Array.of(0, r.length / 2) });
}

/** Location of ring r (open, flat) against `locate`, from its first vertex not on that boundary. */
export function ringLocation(r: Float64Array, locate: PointLocator): number {
  for (let i = 0; i < r.length / 2; i++) {
    const v = locate(r[2 * i] as number, r[2 * i + 1] as number);
    if (v !== -1) return v;
  }
  return -1;
}

/** Counts part-in-part containment tests, for tests that check the box index does its work. */
export const nestingStats = { containmentTests: 0 };

export interface NestingProblem {
  kind: 'hole-outside' | 'part-inside';
  part: number;
  /** hole-outside: the hole's ring index (≥ 1); part-inside: 0 */
  ring: number;
  /** part-inside: the part that contains it */
  container?: number;
  at: [number, number];
}

export function findNestingProblems(polygons: readonly FlatPolygon[], limit = 5): NestingProblem[] {
  const out: NestingProblem[] = [];
  polygons.forEach((p, part) => {
    const outer = p.rings[0];
    if (!outer || p.rings.length < 2 || out.length >= limit) return;
    const locate = ringLocator(outer);
    for (let h = 1; h < p.rings.length && out.length < limit; h++) {
      const hole = p.rings[h] as Float64Array;
      if (ringLocation(hole, locate) === 0)
        out.push({ kind: 'hole-outside', part, ring: h, at: [hole[0] as number, hole[1] as number] });
    }
  });
  if (polygons.length < 2) return out;
  const boxes = new Flatbush(polygons.length);
  for (const p of polygons) {
    const [minX, minY, maxX, maxY] = flatBBox(p.rings[0] ?? new Float64Array(0));
    if (minX <= maxX) boxes.add(minX, minY, maxX, maxY);
    else boxes.add(0, 0, 0, 0);
  }
  boxes.finish();
  const locators = new Map<number, PointLocator>();
  const locatorOf = (j: number): PointLocator => {
    let l = locators.get(j);
    if (!l) {
      l = pointLocator(packRings((polygons[j] as FlatPolygon).rings));
      locators.set(j, l);
    }
    return l;
  };
  for (let i = 0; i < polygons.length && out.length < limit; i++) {
    const outer = (polygons[i] as FlatPolygon).rings[0];
    if (!outer || outer.length === 0) continue;
    // a part inside another lies in that part's box
    const [minX, minY, maxX, maxY] = flatBBox(outer);
    const within = (_: number, x0: number, y0: number, x1: number, y1: number): boolean =>
      x0 <= minX && y0 <= minY && x1 >= maxX && y1 >= maxY;
    for (const j of boxes.search(minX, minY, maxX, maxY, within)) {
      if (j === i) continue;
      nestingStats.containmentTests++;
      if (ringLocation(outer, locatorOf(j)) === 1) {
        out.push({
          kind: 'part-inside',
          part: i,
          ring: 0,
          container: j,
          at: [outer[0] as number, outer[1] as number],
        });
        break;
      }
    }
  }
  return out;
}
