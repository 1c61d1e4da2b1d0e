import { layerById } from '../../../layers/registry.ts';
import {
  dropPrefetched,
  startScreeningWorker,
  storedLayersRead,
} from '../screening/screening-worker-start.ts';
import { allStoredLayerMeta, type StoredLayerMeta } from '../storage/layer-binary-db.ts';
import { setStoredLayerHint, storedLayerHintEntries } from '../storage/stored-layer-hint.ts';
import { restoreHinted } from './restore-hinted.ts';

/**
 * The stored binary layers' records when this browser holds user layers from an earlier visit (those, or ones kept
 * as GeoJSON), else null.
 */
async function savedUserLayers(hinted: readonly string[]): Promise<StoredLayerMeta[] | null> {
  const stored = await allStoredLayerMeta();
  // the ones restored from now on (user-layers/user-layer-actions.ts apply)
  const restored = stored.filter((m) => m.provenance && layerById(m.id)).map((m) => m.id);
  setStoredLayerHint(restored);
  // read by the screening worker while the page loads the code that restores them (those the hint named are
  // being read already)
  startScreeningWorker(restored);
  dropPrefetched(hinted.filter((id) => !restored.includes(id)));
  if (stored.length > 0) return stored;
  const { IndexedDbStore } = await import('../storage/indexeddb-storage.ts');
  const db = await IndexedDbStore.open();
  try {
    return (await db.countUserLayers()) > 0 ? stored : null;
  } finally {
    db.close();
  }
}

/** restoreHinted, or false when it throws (restoreUserLayers then shows and loads them all). */
function restoreHintedOrNot(
  stored: readonly StoredLayerMeta[],
  entries: ReturnType<typeof storedLayerHintEntries>,
): boolean {
  try {
    return restoreHinted(stored, entries);
  } catch {
    return false;
  }
}

/**
 * Puts back the user layers of an earlier visit (user-layers/user-layer-actions.ts restoreUserLayers), loading that
 * code only when there are some: a first visit draws its map without it (docs/architecture.md, "First paint").
 * The layers stored at the last visit (stored-layer-hint.ts) are read by the screening worker from the start,
 * before IndexedDB is even listed, and the map is created once they are loaded for checks (main.tsx, bounded): the
 * list and the worker's answer then reach this thread before the map's creation takes it.
 */
export async function restoreAtStart(): Promise<void> {
  const entries = storedLayerHintEntries();
  const hinted = entries.map((e) => e.id);
  startScreeningWorker(entries);
  // with layers to restore, the code that restores them is fetched while IndexedDB is listed
  const actions = hinted.length > 0 ? import('../user-layers/user-layer-actions.ts') : null;
  actions?.catch(() => {});
  let stored: StoredLayerMeta[] | null;
  let shown = false;
  try {
    stored = await savedUserLayers(hinted);
    if (!stored) {
      storedLayersRead();
      return;
    }
    // shown and loaded for checks now, in the same turn as the list (restoreUserLayers below does the rest once
    // its module is loaded, which waits behind the map's start-up on this thread)
    if (hinted.length > 0) shown = restoreHintedOrNot(stored, entries);
  } catch (e) {
    storedLayersRead();
    console.warn('Saved user layers could not be read:', e instanceof Error ? e.message : e);
    return;
  }
  try {
    const { restoreUserLayers } = await (actions ?? import('../user-layers/user-layer-actions.ts'));
    // the list just read: asked again, IndexedDB's answer would wait behind the map's start-up on this thread
    await restoreUserLayers(stored, shown);
  } finally {
    // (preloadUserLayers says so as soon as they are loaded; this covers a restore that loaded none)
    storedLayersRead();
  }
}
