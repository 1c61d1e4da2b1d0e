/**
 * The locate button's work: one fix from the device (geolocation.ts), put in the store, drawn by the map controller
 * as overlays (a dot and its accuracy circle), framed through the map port, and the zones there asked of the
 * screening worker. A failure is said in the card and changes nothing else.
 */
import type { FeatureCollection } from 'geojson';
import { geodesicCircle, ringBox } from '../../domain/field/accuracy-circle.ts';
import { type Fix, judgeFix } from '../../domain/field/fix.ts';
import { mapPort } from '../map/map-port.ts';
import { type AppStore, useAppStore } from '../store/store.ts';
import { currentFix, type GeoFailure } from './geolocation.ts';

/** Overlay ids of the position (drawn above the screening's, layers/overlays.ts sorts by id). */
export const POSITION_OVERLAY = { accuracy: 'where-accuracy', fix: 'where-fix' } as const;

/** Closest the map frames a fix: a 5 m circle still shows as a circle around the dot. */
const FRAME_MAX_ZOOM = 18;

const FAILURES: readonly GeoFailure[] = ['denied', 'unavailable', 'timeout', 'unsupported'];
const failureOf = (e: unknown): GeoFailure =>
  FAILURES.includes(e as GeoFailure) ? (e as GeoFailure) : 'unavailable';

/** The last request: an answer to an earlier one (pressed again meanwhile, or closed) is dropped. */
let asked = 0;

function showFix(store: AppStore, fix: Fix | null): void {
  const s = store.getState();
  if (!fix) {
    s.setOverlay(POSITION_OVERLAY.accuracy, null);
    s.setOverlay(POSITION_OVERLAY.fix, null);
    return;
  }
  const dot: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [fix.lon, fix.lat] }, properties: {} },
    ],
  };
  const circle =
    Number.isFinite(fix.accuracyM) && fix.accuracyM > 0
      ? geodesicCircle(fix.lon, fix.lat, fix.accuracyM)
      : null;
  s.setOverlay(
    POSITION_OVERLAY.accuracy,
    circle
      ? {
          kind: 'accuracy',
          data: {
            type: 'FeatureCollection',
            features: [{ type: 'Feature', geometry: circle, properties: {} }],
          },
        }
      : null,
  );
  s.setOverlay(POSITION_OVERLAY.fix, { kind: 'position', data: dot });
  const d = 0.0005;
  mapPort.frame(
    circle ? ringBox(circle) : [fix.lon - d, fix.lat - d, fix.lon + d, fix.lat + d],
    undefined,
    FRAME_MAX_ZOOM,
  );
}

async function findZones(store: AppStore, fix: Fix, id: number): Promise<void> {
  store.getState().setFieldZones({ status: 'loading', report: null, message: null });
  try {
    const { zonesAtFix } = await import('./zones-at-fix.ts');
    const { report } = await zonesAtFix(fix.lon, fix.lat, store.getState().userLayers);
    if (id !== asked) return;
    store.getState().setFieldZones({ status: 'done', report, message: null });
  } catch (e) {
    if (id !== asked) return;
    store
      .getState()
      .setFieldZones({ status: 'error', report: null, message: e instanceof Error ? e.message : String(e) });
  }
}

/** Asks the device for a fix (again, if pressed while locating). */
export async function locate(store: AppStore = useAppStore): Promise<void> {
  const id = ++asked;
  store.getState().setLocating();
  let fix: Fix;
  try {
    fix = await currentFix();
  } catch (e) {
    if (id !== asked) return;
    showFix(store, null);
    store.getState().setLocateFailure(failureOf(e));
    return;
  }
  if (id !== asked || !store.getState().field.open) return;
  store.getState().setFix(fix);
  const verdict = judgeFix(fix);
  if (verdict.kind === 'invalid') {
    showFix(store, null);
    return;
  }
  showFix(store, fix);
  // outside the region the layers hold nothing: the card says where it is instead
  if (verdict.kind !== 'outside-region') await findZones(store, fix, id);
}

/** Closes the card and takes the position off the map. */
export function closePosition(store: AppStore = useAppStore): void {
  asked++;
  showFix(store, null);
  store.getState().closePosition();
}
