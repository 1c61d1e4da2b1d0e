/**
 * Where a walked boundary that was refused goes wrong, named by the fixes a user recorded (numbered from 1 over the
 * whole track, as the panel and the GPX list them): the two stretches that cross, or the point where the walk turned
 * back on itself. The polygon's vertex i is fix fixIndex[i] (trackBoundary).
 */
import { findIntersections } from '../geo/intersections.ts';
import type { Fix } from './fix.ts';
import { type Track, trackFixes } from './track.ts';

export interface WalkCrossing {
  /** the first stretch, from fix to fix (1-based numbers) */
  a: [number, number];
  /** the second stretch (a spike: the walk turned back along the first one) */
  b: [number, number];
  kind: 'crossing' | 'touch' | 'overlap' | 'spike';
  at: [number, number];
}

export function walkCrossings(track: Track, fixIndex: readonly number[], limit = 5): WalkCrossing[] {
  const fixes = trackFixes(track);
  const n = fixIndex.length;
  if (n < 3) return [];
  const ring = new Float64Array(2 * n);
  fixIndex.forEach((fi, i) => {
    const f = fixes[fi] as Fix;
    ring[2 * i] = f.lon;
    ring[2 * i + 1] = f.lat;
  });
  const no = (v: number): number => (fixIndex[((v % n) + n) % n] as number) + 1;
  const edge = (v: number): [number, number] => [no(v), no(v + 1)];
  return findIntersections([{ rings: [ring] }], { touch: 'between-rings', limit })
    .filter((h) => h.sameRing)
    .map((h) => ({ kind: h.kind, a: edge(h.vertex), b: edge(h.otherVertex), at: h.at }));
}
