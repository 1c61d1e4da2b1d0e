import { mergeObservations, type PlannerImport } from '../../domain/plan/planner-observations.ts';
import { useAppStore } from '../store/store.ts';
import { withSharedRows } from '../workspace/shared-observations.ts';
import { loadPlannerObservations } from './observation-actions.ts';
import { loadPlanBundle, type PlanBundle } from './plan-data.ts';

let memo: { base: PlanBundle; imports: readonly PlannerImport[]; bundle: PlanBundle } | null = null;

/**
 * The bundle with the planner's rows merged into its observations (the rule in planner-observations.ts), the same
 * object for the same inputs so every view compares and memoises alike.
 */
export function withPlannerRows(base: PlanBundle, imports: readonly PlannerImport[]): PlanBundle {
  if (memo?.base === base && memo.imports === imports) return memo.bundle;
  const bundle =
    imports.length === 0
      ? base
      : { ...base, observations: mergeObservations(base.observations, imports, base.plan.indicators) };
  memo = { base, imports, bundle };
  return bundle;
}

/** For code outside React (a link restoring zone colours): the bundle as the views see it now. */
export async function loadCurrentPlanBundle(): Promise<PlanBundle> {
  const [base] = await Promise.all([loadPlanBundle(), loadPlannerObservations()]);
  const s = useAppStore.getState();
  return withPlannerRows(base, withSharedRows(s.plannerImports, s.workspace.observations));
}
