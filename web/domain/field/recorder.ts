/**
 * Recording a walk, as a pure state machine the page drives with the device's events: start, fixes from
 * watchPosition, pause / resume (a new segment), the tab hidden and shown again, geolocation errors, stop. Every
 * fix taken while recording is kept in the raw track, however poor; what the user is told is in `notice`, from the
 * one rule in fix.ts. Fixes closer in time than the interval to the last one kept are not recorded (watchPosition
 * can fire several times a second; the walk needs a point every few seconds).
 */
import { type Fix, type FixVerdict, judgeFix } from './fix.ts';
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

const lastFix = (track: Track): Fix | undefined => {
  const seg = track.segments[track.segments.length - 1];
  return seg?.[seg.length - 1];
};

export function recorderStep(state: RecorderState, event: RecorderEvent): RecorderState {
  switch (event.type) {
    case 'start':
      return {
        ...idleRecorder(),
        status: 'recording',
        intervalMs: event.intervalMs ?? state.intervalMs,
        track: { segments: [[]] },
      };
    case 'pause':
      return state.status === 'recording' ? { ...state, status: 'paused' } : state;
    // a stopped walk resumes too: closing it was refused, or the user walks on
    case 'resume':
      return state.status === 'paused' || state.status === 'stopped'
        ? { ...state, status: 'recording', track: { segments: [...state.track.segments, []] } }
        : state;
    case 'stop':
      return state.status === 'recording' || state.status === 'paused'
        ? {
            ...state,
            status: 'stopped',
            track: { segments: state.track.segments.filter((s) => s.length > 0) },
          }
        : state;
    case 'hidden':
      return state.status === 'recording' ? { ...state, hiddenAt: event.at } : state;
    case 'visible': {
      if (state.hiddenAt === null) return state;
      const ms = event.at - state.hiddenAt;
      return {
        ...state,
        hiddenAt: null,
        notice: ms > 2 * state.intervalMs ? { kind: 'gap', ms } : state.notice,
      };
    }
    case 'geo-error':
      return { ...state, notice: { kind: 'geo-error', code: event.code } };
    case 'interval':
      return Number.isFinite(event.ms) && event.ms > 0 ? { ...state, intervalMs: event.ms } : state;
    case 'fix': {
      if (state.status !== 'recording') return state;
      const last = lastFix(state.track);
      if (last && event.fix.t - last.t < state.intervalMs) return state;
      const verdict = judgeFix(event.fix);
      const segments = state.track.segments.slice();
      const i = segments.length - 1;
      segments[i] = [...(segments[i] ?? []), event.fix];
      return {
        ...state,
        track: { segments },
        notice: verdict.kind === 'ok' ? { kind: 'none' } : { kind: 'fix', verdict },
      };
    }
  }
}
