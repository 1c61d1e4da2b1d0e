import { useEffect, useState } from 'react';
import { useAppStore } from '../store/store.ts';
import { withSharedRows } from '../workspace/shared-observations.ts';
import { loadPlanBundle, type PlanBundle } from './plan-data.ts';

type Merge = typeof import('./planner-bundle.ts').withPlannerRows;

/**
 * The plan bundle once `active` (loaded on first use, not before the map's first idle). Every view reads plan,
 * gazetteer and observations from here, so they all see the same observations: the defaults (published, sample)
 * merged with the planner's own rows (kept in IndexedDB, in the store) and the shared workspace's when signed in,
 * re-rendered as soon as those change.
 * Null until both are read. The reading and merging code loads with the plan, not with the app.
 */
export function usePlanBundle(active = true): PlanBundle | null {
  const [loaded, setLoaded] = useState<{ base: PlanBundle; merge: Merge } | null>(null);
  const local = useAppStore((s) => s.plannerImports);
  const shared = useAppStore((s) => s.workspace.observations);
  const imports = withSharedRows(local, shared);
  const storage = useAppStore((s) => s.plannerStorage);
  useEffect(() => {
    if (!active || loaded) return;
    let live = true;
    void import('./observation-actions.ts').then((m) => m.loadPlannerObservations());
    Promise.all([loadPlanBundle(), import('./planner-bundle.ts')]).then(([base, m]) => {
      if (live) setLoaded({ base, merge: m.withPlannerRows });
    });
    return () => {
      live = false;
    };
  }, [active, loaded]);
  if (!loaded || storage === 'loading') return null;
  return loaded.merge(loaded.base, imports);
}
