import { layerById } from '../../../layers/registry.ts';
import { startScreeningWorker } from '../screening/screening-worker-start.ts';
import { allStoredLayerMeta } from '../storage/layer-binary-db.ts';

/** Whether this browser holds user layers from an earlier visit: stored binary layers, or ones kept as GeoJSON. */
async function savedUserLayers(): Promise<boolean> {
  const stored = await allStoredLayerMeta();
  if (stored.length > 0) {
    // the screening worker reads the ones restored from now on, while the page loads the code that restores them
    const restored = stored.filter((m) => m.provenance && layerById(m.id));
    if (restored.length > 0)
      startScreeningWorker(restored.map((m) => ({ layerId: m.id, version: m.version })));
    return true;
  }
  const { IndexedDbStore } = await import('../storage/indexeddb-storage.ts');
  const db = await IndexedDbStore.open();
  try {
    return (await db.countUserLayers()) > 0;
  } finally {
    db.close();
  }
}

/**
 * Puts back the user layers of an earlier visit (user-layers/user-layer-actions.ts restoreUserLayers), loading that
 * code, and the screening code it hands the layers to, only when there are some: a first visit draws its map
 * without it (docs/architecture.md, "First paint").
 */
export async function restoreAtStart(): Promise<void> {
  try {
    if (!(await savedUserLayers())) return;
  } catch (e) {
    console.warn('Saved user layers could not be read:', e instanceof Error ? e.message : e);
    return;
  }
  const { restoreUserLayers } = await import('../user-layers/user-layer-actions.ts');
  await restoreUserLayers();
}
