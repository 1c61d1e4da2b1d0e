import type { ZonePaint } from '../../../layers/zone-paint.ts';
import { indicatorOfPaintKey, indicatorStatusPaint } from '../dashboard/status-paint.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { coverageFor, coverageLayerOf } from '../tasks/coverage.ts';

/**
 * Rebuilds the zone colours a link names (`paint=<key>`, ZonePaint.key) from the plan data, so a link or the
 * browser's history restores "show on map" and the coverage map. Each view that colours zones adds its keys here.
 */
export function paintFromKey(key: string, bundle: PlanBundle, asOfYear: number): ZonePaint | null {
  const coverage = coverageLayerOf(key);
  if (coverage) return coverageFor(coverage, bundle);
  const indicator = indicatorOfPaintKey(key);
  if (indicator) return indicatorStatusPaint(indicator, bundle, asOfYear);
  return null;
}
