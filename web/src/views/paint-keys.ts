import type { ZonePaint } from '../../../layers/zone-paint.ts';
import type { PlanBundle } from '../plan/plan-data.ts';

/**
 * Rebuilds the zone colours a link names (`paint=<key>`, ZonePaint.key) from the plan data, so a link or the
 * browser's history restores "show on map" and the coverage map. Each view that colours zones adds its keys here.
 */
export function paintFromKey(_key: string, _bundle: PlanBundle, _asOfYear: number): ZonePaint | null {
  return null;
}
