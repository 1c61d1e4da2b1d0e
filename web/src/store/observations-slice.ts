import type { PlannerImport } from '../../domain/plan/planner-observations.ts';

/** Where the planner's observations stand: being read from this computer, read, or without local storage. */
export type PlannerStorage = 'loading' | 'ready' | 'unavailable';

/**
 * The observation files the planner imported on this computer (kept in IndexedDB by web/src/plan/observation-actions.ts),
 * in import order. usePlanBundle merges them with the defaults, so every view re-renders when they change.
 */
export interface ObservationsSlice {
  plannerImports: PlannerImport[];
  plannerStorage: PlannerStorage;
  /** Why local storage is unavailable (its rows then last until the page is closed). */
  plannerStorageError: string | null;

  setPlannerImports(imports: PlannerImport[]): void;
  setPlannerStorage(storage: PlannerStorage, error?: string | null): void;
}

type Set = (partial: Partial<ObservationsSlice>) => void;

export const observationsSlice = (set: Set): ObservationsSlice => ({
  plannerImports: [],
  plannerStorage: 'loading',
  plannerStorageError: null,

  setPlannerImports: (plannerImports) => set({ plannerImports }),
  setPlannerStorage: (plannerStorage, error = null) => set({ plannerStorage, plannerStorageError: error }),
});
