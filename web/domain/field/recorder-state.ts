/**
 * A walk recorder's state and its first value (recorder.ts steps it): apart from the stepping, so that the app's
 * store can hold a recorder without loading the fix rules and the geometry they use at start-up.
 */
import type { Fix, FixVerdict } from './fix.ts';
import type { Track } from './track.ts';

export type RecorderStatus = 'idle' | 'recording' | 'paused' | 'stopped';

export type RecorderNotice =
  | { kind: 'none' }
  | { kind: 'fix'; verdict: Exclude<FixVerdict, { kind: 'ok' }> }
  /** the tab was in the background: positions may be missing for this long */
  | { kind: 'gap'; ms: number }
  /** GeolocationPositionError: 1 permission denied, 2 position unavailable, 3 timeout */
  | { kind: 'geo-error'; code: 1 | 2 | 3 };

export interface RecorderState {
  status: RecorderStatus;
  track: Track;
  intervalMs: number;
  /** when the tab was hidden while recording, or null */
  hiddenAt: number | null;
  notice: RecorderNotice;
}

export type RecorderEvent =
  | { type: 'start'; intervalMs?: number }
  | { type: 'fix'; fix: Fix }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'hidden'; at: number }
  | { type: 'visible'; at: number }
  | { type: 'geo-error'; code: 1 | 2 | 3 }
  /** the interval changed mid-walk: fixes from now on are kept at least this far apart */
  | { type: 'interval'; ms: number };

/** The intervals a user may choose, in milliseconds. */
export const INTERVALS_MS = [1000, 2000, 3000, 5000, 10_000, 15_000, 30_000] as const;

export const DEFAULT_INTERVAL_MS = 3000;

export const idleRecorder = (): RecorderState => ({
  status: 'idle',
  track: { segments: [] },
  intervalMs: DEFAULT_INTERVAL_MS,
  hiddenAt: null,
  notice: { kind: 'none' },
});
