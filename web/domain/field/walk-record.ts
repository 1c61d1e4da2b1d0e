/**
 * What a project keeps of a walked boundary: the raw track (every fix with its accuracy and time, in the segments
 * walked), the interval it was recorded at, and the figures of the polygon made from it (how many fixes, the
 * accuracy of those that placed a vertex, how many were left out and why). Saved projects made before walks
 * existed have none; a stored or imported record is checked before it is trusted.
 */
import type { Fix } from './fix.ts';
import type { AccuracyFigures, DroppedFixes, Track, TrackBoundary } from './track.ts';

export interface WalkRecord {
  track: Track;
  intervalMs: number;
  /** fixes in the track */
  fixCount: number;
  /** polygon vertices, each a fix */
  vertexCount: number;
  accuracy: AccuracyFigures;
  dropped: DroppedFixes;
  /** first and last fix (ms since 1970) */
  start: number;
  end: number;
}

export function walkRecordOf(
  track: Track,
  boundary: Extract<TrackBoundary, { ok: true }>,
  intervalMs: number,
): WalkRecord {
  const fixes = track.segments.flat();
  return {
    track: { segments: track.segments.filter((s) => s.length > 0).map((s) => s.map((f) => ({ ...f }))) },
    intervalMs,
    fixCount: boundary.fixCount,
    vertexCount: boundary.fixIndex.length,
    accuracy: { ...boundary.accuracy },
    dropped: { ...boundary.dropped },
    start: fixes[0]?.t ?? Number.NaN,
    end: fixes[fixes.length - 1]?.t ?? Number.NaN,
  };
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
// JSON turns a NaN figure (no fix placed a vertex) into null
const isFigure = (v: unknown): boolean =>
  isNum(v) || v === null || (typeof v === 'number' && Number.isNaN(v));

function isFix(v: unknown): v is Fix {
  return (
    isObj(v) && isNum(v.lon) && isNum(v.lat) && isNum(v.t) && (isNum(v.accuracyM) || v.accuracyM === null)
  );
}

const DROPPED: (keyof DroppedFixes)[] = ['jitter', 'poorAccuracy', 'outsideRegion', 'invalid', 'closing'];

/** Why a stored value is not a walk record (the first reason), or undefined. */
export function checkWalkRecord(v: unknown): string | undefined {
  if (!isObj(v)) return 'not an object';
  if (!isObj(v.track) || !Array.isArray(v.track.segments)) return 'no track segments';
  const segs = v.track.segments as unknown[];
  for (let s = 0; s < segs.length; s++) {
    const seg = segs[s];
    if (!Array.isArray(seg)) return `segment ${s + 1} is not a list of fixes`;
    const bad = seg.findIndex((f) => !isFix(f));
    if (bad >= 0) return `segment ${s + 1}, fix ${bad + 1} is not a position with accuracy and time`;
  }
  if (!isNum(v.intervalMs) || v.intervalMs <= 0) return 'invalid interval';
  if (!isNum(v.fixCount) || !isNum(v.vertexCount)) return 'invalid counts';
  if (!isObj(v.accuracy) || !['min', 'median', 'max'].every((k) => isFigure((v.accuracy as never)[k])))
    return 'invalid accuracy figures';
  if (!isObj(v.dropped) || !DROPPED.every((k) => isNum((v.dropped as never)[k])))
    return 'invalid dropped counts';
  if (!isFigure(v.start) || !isFigure(v.end)) return 'invalid start or end';
  return undefined;
}
