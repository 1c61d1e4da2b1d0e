import type { Polygon } from 'geojson';
import type { Fix } from '../../../domain/field/fix.ts';
import { idleRecorder, type RecorderState } from '../../../domain/field/recorder-state.ts';
import type { TrackBoundary } from '../../../domain/field/track.ts';
import type { WalkRecord } from '../../../domain/field/walk-record.ts';
import type { WalkCrossing } from '../../../domain/field/walk-refusal.ts';
import type { GeoFailure } from '../geolocation.ts';

/**
 * Walking a boundary, as the store holds it: the recorder's state as last written to the device's storage (a fix
 * is shown once it is kept), the last fix the device gave, what went wrong (geolocation, storage), the tab's time
 * in the background, why closing was refused, the closed walk's figures, and a walk from an earlier visit that was
 * not finished. The work is in walk-actions.ts.
 */

export type WalkRefusal =
  | Extract<TrackBoundary, { ok: false; reason: 'too-few' }>
  | (Extract<TrackBoundary, { ok: false; reason: 'invalid' }> & { crossings: WalkCrossing[] });

export interface WalkClosed {
  name: string;
  polygon: Polygon;
  record: WalkRecord;
}

export interface WalkOffer {
  id: string;
  startedAt: number;
  fixes: number;
  lastT: number | null;
}

export interface WalkView {
  recorder: RecorderState;
  id: string | null;
  startedAt: number | null;
  /** the last fix from the device, kept or not (its accuracy is "the current accuracy") */
  current: Fix | null;
  /** the last geolocation failure, until the next fix */
  failure: GeoFailure | null;
  /** 'quota': the device's storage is full; 'error': it refused otherwise. The fixes stay in memory. */
  storage: 'ok' | 'quota' | 'error';
  /** fixes only in memory (a write failed); written with the next one that succeeds */
  unsaved: number;
  hidden: boolean;
  /** the tab came back after this long in the background, with this many fixes kept meanwhile */
  gap: { ms: number; fixes: number } | null;
  refusal: WalkRefusal | null;
  closed: WalkClosed | null;
  offer: WalkOffer | null;
}

export const idleWalk = (): WalkView => ({
  recorder: idleRecorder(),
  id: null,
  startedAt: null,
  current: null,
  failure: null,
  storage: 'ok',
  unsaved: 0,
  hidden: false,
  gap: null,
  refusal: null,
  closed: null,
  offer: null,
});

/**
 * The walk an earlier visit left unfinished, while it waits for the user's choice (nothing is recorded and no walk
 * is closed meanwhile): the one rule for the offer at the app's start and in the screening panel.
 */
export const waitingOffer = (walk: WalkView): WalkOffer | null =>
  walk.offer && walk.recorder.status === 'idle' && !walk.closed ? walk.offer : null;

export interface WalkSlice {
  walk: WalkView;
  setWalk(patch: Partial<WalkView>): void;
}

type Set = (partial: Partial<WalkSlice> | ((s: WalkSlice) => Partial<WalkSlice>)) => void;
export const walkSlice = (set: Set): WalkSlice => ({
  walk: idleWalk(),
  setWalk: (patch) => set((s) => ({ walk: { ...s.walk, ...patch } })),
});
