import type { AppStore } from '../store/store.ts';

/**
 * Chooses a task (null: none): selects it, outlines the zones it names (store.setHighlight) and, unless `frame`
 * is false (a link or the browser's history restores the camera itself), frames them on the map.
 * Stub until the task browser is built.
 */
export function openTask(store: AppStore, id: string | null, _opts: { frame?: boolean } = {}): void {
  store.getState().selectTask(id);
}
