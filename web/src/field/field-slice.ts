import type { Fix } from '../../domain/field/fix.ts';
import type { PointReport } from '../../domain/field/zones-here.ts';
import type { GeoFailure } from './geolocation.ts';

/**
 * "Where am I" in the store: the last fix asked for with the locate button, where the request is, why it failed,
 * and the zones found at the fix. The map controller draws the fix from the overlays (field/locate.ts sets them).
 */
export type LocateStatus = 'idle' | 'locating' | 'located' | 'failed';

export interface FieldZones {
  status: 'idle' | 'loading' | 'done' | 'error';
  report: PointReport | null;
  message: string | null;
}

export interface FieldState {
  position: Fix | null;
  status: LocateStatus;
  failure: GeoFailure | null;
  zones: FieldZones;
  /** the "My position" card is shown */
  open: boolean;
}

export interface FieldSlice {
  field: FieldState;
  setLocating(): void;
  setFix(fix: Fix): void;
  setLocateFailure(failure: GeoFailure): void;
  setFieldZones(zones: FieldZones): void;
  closePosition(): void;
}

const NO_ZONES: FieldZones = { status: 'idle', report: null, message: null };
const CLOSED: FieldState = { position: null, status: 'idle', failure: null, zones: NO_ZONES, open: false };

type Set = (partial: Partial<FieldSlice> | ((s: FieldSlice) => Partial<FieldSlice>)) => void;
export const fieldSlice = (set: Set): FieldSlice => ({
  field: CLOSED,
  setLocating: () => set((s) => ({ field: { ...s.field, status: 'locating', failure: null, open: true } })),
  setFix: (position) =>
    set((s) => ({ field: { ...s.field, position, status: 'located', failure: null, zones: NO_ZONES } })),
  setLocateFailure: (failure) =>
    set((s) => ({ field: { ...s.field, status: 'failed', failure, position: null, zones: NO_ZONES } })),
  setFieldZones: (zones) => set((s) => ({ field: { ...s.field, zones } })),
  closePosition: () => set({ field: CLOSED }),
});
