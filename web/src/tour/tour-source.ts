import { LAYERS } from '../../../layers/registry.ts';
import { loadPlanBundle } from '../plan/plan-data.ts';
import type { TourLoad } from '../store/tour-slice.ts';
import { loadZoneIndex } from '../zones/zone-index.ts';

/**
 * Where a tour named in a link comes from. The built-in tour is bundled as data and read like any user's file, so
 * tours the user makes (kept in IndexedDB) can be added here as further sources.
 */
const SOURCES = new Map<string, () => Promise<unknown>>([
  ['default', () => import('../../../seeds/tour-default.json').then((m) => m.default as unknown)],
]);

/** Adds a place tours come from (a user's saved tours, later); returns the call that removes it. */
export function registerTourSource(id: string, load: () => Promise<unknown>): () => void {
  SOURCES.set(id, load);
  return () => {
    if (SOURCES.get(id) === load) SOURCES.delete(id);
  };
}

/**
 * Reads a tour and checks it against the real ids (layer registry, zone index, plan) with parseTour: a tour with
 * any issue is refused as a whole, with every issue; never half a tour. Loaded on first use, with the plan.
 */
export async function loadTour(id: string): Promise<TourLoad> {
  const source = SOURCES.get(id);
  if (!source) return { status: 'unknown' };
  try {
    const [value, bundle, zoneIndex, { parseTour, tourContext }] = await Promise.all([
      source(),
      loadPlanBundle(),
      loadZoneIndex(),
      import('../../domain/tour/validate.ts'),
    ]);
    const result = parseTour(value, tourContext(LAYERS, zoneIndex, bundle.plan));
    return result.tour
      ? { status: 'ready', tour: result.tour }
      : { status: 'invalid', issues: result.issues, truncated: result.truncated };
  } catch (e) {
    console.error('could not read the tour:', e);
    return { status: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}
