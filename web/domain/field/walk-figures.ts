/**
 * What the walk panel counts while recording, by the one rule for a fix (fix.ts): the fixes that can place a
 * boundary point, those too inaccurate, those outside the region, and the length walked — along the usable fixes,
 * segment by segment (nothing is counted across a pause, where the way walked is unknown).
 */
import { geodesicDistance } from '../geo/ellipsoid.ts';
import { type Fix, judgeFix } from './fix.ts';
import type { Track } from './track.ts';

export interface WalkFigures {
  /** every fix in the raw track */
  recorded: number;
  usable: number;
  poorAccuracy: number;
  outsideRegion: number;
  invalid: number;
  lengthM: number;
  last: Fix | null;
}

export function walkFigures(track: Track): WalkFigures {
  const f: WalkFigures = {
    recorded: 0,
    usable: 0,
    poorAccuracy: 0,
    outsideRegion: 0,
    invalid: 0,
    lengthM: 0,
    last: null,
  };
  for (const segment of track.segments) {
    let prev: Fix | null = null;
    for (const fix of segment) {
      f.recorded++;
      f.last = fix;
      const v = judgeFix(fix);
      if (v.kind === 'poor-accuracy') f.poorAccuracy++;
      else if (v.kind === 'outside-region') f.outsideRegion++;
      else if (v.kind === 'invalid') f.invalid++;
      if (v.kind !== 'ok') continue;
      f.usable++;
      if (prev) f.lengthM += geodesicDistance(prev.lon, prev.lat, fix.lon, fix.lat);
      prev = fix;
    }
  }
  return f;
}
