import { layerById } from '../../../layers/registry.ts';
import { screeningLayerMeta } from '../../../layers/screening.ts';
import { layerVersion } from '../../domain/projects/layer-version.ts';
import type { LayerMeta } from '../../domain/screening/layer.ts';
import { measureLoad, screeningClient, storedLayerKey } from '../screening/screening-client.ts';
import {
  dropPrefetched,
  markReloadReady,
  startScreeningWorker,
  storedLayersRead,
} from '../screening/screening-worker-start.ts';
import { allStoredLayerMeta, type StoredLayerMeta } from '../storage/layer-binary-db.ts';
import {
  noteStoredLayer,
  type StoredLayerHintEntry,
  setStoredLayerHint,
  storedLayerHintEntries,
} from '../storage/stored-layer-hint.ts';
import { storedLayerInfo } from '../storage/stored-layer-info.ts';
import { type UserLayerInfo, useAppStore } from '../store/store.ts';

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

/**
 * The stored layers the last page loaded for checks, when each has the version stored and the metadata a check
 * asks for today: shown as the user's and loaded for checks from here, without waiting for the restore code (that
 * module is evaluated only once the map's start-up leaves this thread a turn: ~0.8 s later in traces on a loaded
 * machine). True when it did so for every stored layer the page restores (restoreUserLayers then does not show
 * them again); false, with nothing done, otherwise.
 */
function restoreHinted(
  stored: readonly StoredLayerMeta[],
  entries: readonly StoredLayerHintEntry[],
): boolean {
  const hint = new Map(entries.map((e) => [e.id, e]));
  const plans: { m: StoredLayerMeta; info: UserLayerInfo; meta: LayerMeta }[] = [];
  for (const m of stored) {
    const def = layerById(m.id);
    const info = def ? storedLayerInfo(m) : null;
    if (!def || !info) continue;
    const meta = screeningLayerMeta(def, `${info.fileName} · ${info.importedAt}`);
    const e = hint.get(m.id);
    if (e?.version !== m.version || layerVersion(info) !== m.version) return false;
    if (JSON.stringify(e.meta) !== JSON.stringify(meta)) return false;
    plans.push({ m, info, meta });
  }
  if (plans.length === 0) return false;
  const client = screeningClient();
  const loads = plans.map(({ m, meta }) =>
    client
      .ensureLayer(storedLayerKey(m.version, meta), meta, { stored: { layerId: m.id, version: m.version } })
      .then((loaded) => measureLoad(m.id, loaded)),
  );
  for (const { m, info } of plans) {
    useAppStore.getState().setUserLayer(m.id, info);
    noteStoredLayer(m.id, true);
  }
  // a load that fails is tried again by restoreUserLayers, which then says when they are ready
  void Promise.all(loads).then(
    () => {
      markReloadReady();
      storedLayersRead();
    },
    () => {},
  );
  return true;
}

/**
 * Puts back the user layers of an earlier visit (user-layers/user-layer-actions.ts restoreUserLayers), loading that
 * code, and the screening code it hands the layers to, only when there are some: a first visit draws its map
 * without it (docs/architecture.md, "First paint"). The layers stored at the last visit (stored-layer-hint.ts) are
 * read by the screening worker from the start, before IndexedDB is even listed: the page's thread is busy creating
 * the map by the time that list arrives.
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
    shown = restoreHinted(stored, entries);
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
