import { layerById } from '../../../layers/registry.ts';
import { screeningLayerMeta } from '../../../layers/screening.ts';
import { layerVersion } from '../../domain/projects/layer-version.ts';
import type { LayerMeta } from '../../domain/screening/layer.ts';
import { measureLoad, screeningClient, storedLayerKey } from '../screening/screening-client.ts';
import { markReloadReady, storedLayersRead } from '../screening/screening-worker-start.ts';
import type { StoredLayerMeta } from '../storage/layer-binary-db.ts';
import { noteStoredLayer, type StoredLayerHintEntry } from '../storage/stored-layer-hint.ts';
import { storedLayerInfo } from '../storage/stored-layer-info.ts';
import { type UserLayerInfo, useAppStore } from '../store/store.ts';

/**
 * The stored layers the last page loaded for checks, when each has the version stored and the metadata a check
 * asks for today: shown as the user's and loaded for checks from here, without waiting for the restore code (that
 * module is evaluated only once the map's start-up leaves this thread a turn: ~0.8 s later in traces on a loaded
 * machine). It is part of the start-up code (some 2 kB gzip with the screening client): loaded on demand, it too
 * waited ~0.5 s behind the map's creation and first frames. True when it did so for every stored layer the page
 * restores (restoreUserLayers then does not show them again); false, with nothing done, otherwise.
 */
export function restoreHinted(
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
