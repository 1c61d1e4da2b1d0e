import { useEffect, useState } from 'react';
import { useAppStore } from '../store/store.ts';
import { loadPlannerObservations } from './observation-actions.ts';
import { loadPlanBundle, type PlanBundle } from './plan-data.ts';
import { withPlannerRows } from './planner-bundle.ts';

/**
 * The plan bundle once `active` (loaded on first use, not before the map's first idle). Every view reads plan,
 * gazetteer and observations from here, so they all see the same observations: the defaults (published, sample)
 * merged with the planner's own rows (kept in IndexedDB, in the store), re-rendered as soon as those change.
 * Null until both are read.
 */
export function usePlanBundle(active = true): PlanBundle | null {
  const [base, setBase] = useState<PlanBundle | null>(null);
  const imports = useAppStore((s) => s.plannerImports);
  const storage = useAppStore((s) => s.plannerStorage);
  useEffect(() => {
    if (!active || base) return;
    let live = true;
    void loadPlannerObservations();
    loadPlanBundle().then((b) => {
      if (live) setBase(b);
    });
    return () => {
      live = false;
    };
  }, [active, base]);
  if (!base || storage === 'loading') return null;
  return withPlannerRows(base, imports);
}
