import type { AppStore } from '../store/store.ts';

/** Chooses an indicator (null: none) in the dashboard. Stub until the dashboard is built. */
export function openIndicator(store: AppStore, id: string | null, _opts: { frame?: boolean } = {}): void {
  store.getState().selectIndicator(id);
}
