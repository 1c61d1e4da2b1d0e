/**
 * Recording a walk, as a pure state machine the page drives with the device's events: start, fixes from
 * watchPosition, pause / resume (a new segment), the tab hidden and shown again, geolocation errors, stop. Every
 * fix taken while recording is kept in the raw track, however poor; what the user is told is in `notice`, from the
 * one rule in fix.ts. Fixes closer in time than the interval to the last one kept are not recorded (watchPosition
 * can fire several times a second; the walk needs a point every few seconds).
 */
import { type Fix, judgeFix } from './fix.ts';
import { idleRecorder, type RecorderEvent, type RecorderState } from './recorder-state.ts';
import type { Track } from './track.ts';

export {
  DEFAULT_INTERVAL_MS,
  INTERVALS_MS,
  idleRecorder,
  type RecorderEvent,
  type RecorderNotice,
  type RecorderState,
  type RecorderStatus,
} from './recorder-state.ts';

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
