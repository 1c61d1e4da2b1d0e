/**
 * A walked boundary: the fixes recorded while a user walks round a parcel, in segments (a new one after each
 * pause), and the one rule that turns them into a polygon to screen. The raw fixes are never changed; the polygon
 * leaves out fixes that cannot place a point (fix.ts) and jitter — a fix within the accuracy of the last point
 * kept (the larger of the two radii) says nothing new. Fixes at the end within the accuracy of the first point
 * are where the walk came back: the ring closes there. The polygon is then validated as any boundary is
 * (validateProject): a walk that crosses itself is refused with the place, never repaired.
 */
import type { Polygon } from 'geojson';
import { geodesicDistance } from '../geo/ellipsoid.ts';
import { type ValidationIssue, validateProject } from '../geo/validate-polygon.ts';
import { type Fix, judgeFix } from './fix.ts';

export interface Track {
  segments: Fix[][];
}

export interface DroppedFixes {
  jitter: number;
  poorAccuracy: number;
  outsideRegion: number;
  invalid: number;
  /** at the end, back within the accuracy of the first point */
  closing: number;
}

export interface AccuracyFigures {
  min: number;
  median: number;
  max: number;
}

export type TrackBoundary =
  | {
      ok: true;
      polygon: Polygon;
      /** for each polygon vertex, its fix's index in the whole track (segments one after another) */
      fixIndex: number[];
      fixCount: number;
      dropped: DroppedFixes;
      accuracy: AccuracyFigures;
    }
  | { ok: false; reason: 'too-few'; kept: number; fixCount: number; dropped: DroppedFixes }
  | {
      ok: false;
      reason: 'invalid';
      issues: ValidationIssue[];
      fixIndex: number[];
      fixCount: number;
      dropped: DroppedFixes;
    };

export const trackFixes = (track: Track): Fix[] => track.segments.flat();

const apart = (a: Fix, b: Fix): number => geodesicDistance(a.lon, a.lat, b.lon, b.lat);

export function accuracyFigures(fixes: readonly Fix[]): AccuracyFigures {
  const sorted = fixes.map((f) => f.accuracyM).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { min: Number.NaN, median: Number.NaN, max: Number.NaN };
  const mid = n >> 1;
  const median =
    n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { min: sorted[0] as number, median, max: sorted[n - 1] as number };
}

export function trackBoundary(track: Track): TrackBoundary {
  const fixes = trackFixes(track);
  const dropped: DroppedFixes = { jitter: 0, poorAccuracy: 0, outsideRegion: 0, invalid: 0, closing: 0 };
  const kept: number[] = [];
  fixes.forEach((fix, i) => {
    const verdict = judgeFix(fix);
    if (verdict.kind === 'poor-accuracy') dropped.poorAccuracy++;
    else if (verdict.kind === 'outside-region') dropped.outsideRegion++;
    else if (verdict.kind === 'invalid') dropped.invalid++;
    if (verdict.kind !== 'ok') return;
    const last = kept.length > 0 ? (fixes[kept[kept.length - 1] as number] as Fix) : undefined;
    if (last && apart(last, fix) <= Math.max(last.accuracyM, fix.accuracyM)) dropped.jitter++;
    else kept.push(i);
  });
  const first = kept.length > 0 ? (fixes[kept[0] as number] as Fix) : undefined;
  while (first && kept.length > 1) {
    const end = fixes[kept[kept.length - 1] as number] as Fix;
    if (apart(first, end) > Math.max(first.accuracyM, end.accuracyM)) break;
    kept.pop();
    dropped.closing++;
  }
  if (kept.length < 3)
    return { ok: false, reason: 'too-few', kept: kept.length, fixCount: fixes.length, dropped };
  const ring = kept.map((i) => {
    const f = fixes[i] as Fix;
    return [f.lon, f.lat];
  });
  ring.push([...(ring[0] as number[])]);
  const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
  const checked = validateProject(polygon);
  if (!checked.ok)
    return {
      ok: false,
      reason: 'invalid',
      issues: checked.errors,
      fixIndex: kept,
      fixCount: fixes.length,
      dropped,
    };
  return {
    ok: true,
    polygon,
    fixIndex: kept,
    fixCount: fixes.length,
    dropped,
    accuracy: accuracyFigures(kept.map((i) => fixes[i] as Fix)),
  };
}
