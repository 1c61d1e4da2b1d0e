import { useEffect, useState } from 'react';
import { loadPlanBundle, type PlanBundle } from './plan-data.ts';

/**
 * The plan bundle once `active` (loaded on first use, not before the map's first idle). Every view reads plan,
 * gazetteer and observations from here, so they all see the same observations.
 */
export function usePlanBundle(active = true): PlanBundle | null {
  const [bundle, setBundle] = useState<PlanBundle | null>(null);
  useEffect(() => {
    if (!active || bundle) return;
    let live = true;
    loadPlanBundle().then((b) => {
      if (live) setBundle(b);
    });
    return () => {
      live = false;
    };
  }, [active, bundle]);
  return bundle;
}
