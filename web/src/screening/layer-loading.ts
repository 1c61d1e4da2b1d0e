/**
 * The one screening worker of the page and how a layer reaches it: a built-in layer from its URL, a user's layer
 * from the binary its import stored (the worker reads IndexedDB itself; nothing large crosses the page). After a
 * reload the stored layers are loaded while the page is idle, so the first check finds them ready.
 */
import { screeningLayerMeta, screeningPlan } from '../../../layers/screening.ts';
import type { LayerDef } from '../../../layers/types.ts';
import { storedLayerVersion } from '../../domain/projects/stored-layer.ts';
import type { LayerMeta, Progress } from '../../domain/screening/layer.ts';
import { dataUrl } from '../map/data-urls.ts';
import { noteStoredLayerLoad } from '../storage/stored-layer-hint.ts';
import type { UserLayerInfo } from '../store/store.ts';
import {
  type LayerSource,
  type LoadedLayer,
  measureLoad,
  screeningClient,
  screeningClientIfAny,
  storedLayerKey,
} from './screening-client.ts';
import { markReloadReady, storedLayersRead } from './screening-worker-start.ts';

export { screeningClient } from './screening-client.ts';

export interface LayerPlan {
  key: string;
  meta: LayerMeta;
  from: LayerSource;
  /** the built-in data's URL; null for the user's layer */
  url: string | null;
}

/** Where the check reads a layer: the user's stored file when there is one, else the built-in data. */
export function layerPlan(def: LayerDef, user: UserLayerInfo | undefined): LayerPlan {
  if (user) {
    const version = storedLayerVersion(user);
    const meta = screeningLayerMeta(def, `${user.fileName} · ${user.importedAt}`);
    return {
      key: storedLayerKey(version, meta),
      meta,
      from: { stored: { layerId: def.id, version } },
      url: null,
    };
  }
  const url = dataUrl(def.data);
  return { key: `builtin:${url}`, meta: screeningLayerMeta(def, def.data), from: { url }, url };
}

/** Loads one layer (once per version) and records how long the worker took: `ebm:check:transfer`, `…:index`. */
export async function ensureLayer(
  def: LayerDef,
  user: UserLayerInfo | undefined,
  onProgress?: (p: Progress) => void,
): Promise<LoadedLayer & { url: string | null }> {
  const plan = layerPlan(def, user);
  const loaded = await screeningClient().ensureLayer(plan.key, plan.meta, plan.from, onProgress);
  // the next page start has the worker load this version with this metadata before the page asks
  if ('stored' in plan.from) noteStoredLayerLoad(def.id, plan.from.stored.version, plan.meta);
  measureLoad(def.id, loaded);
  return { ...loaded, url: plan.url };
}

/**
 * Loads the user's stored layers into the screening worker at once: the worker reads and indexes them on its own
 * thread while the page draws. After a reload, the time they are all ready is `ebm:reload:ready` (from the page's
 * start). The built-in layers a check reads besides them are loaded next, so that the first check only checks.
 */
export async function preloadUserLayers(
  layers: { def: LayerDef; info: UserLayerInfo }[],
  reload: boolean,
  /** every user layer the store holds (these among them): a check reads the built-in data only where none is */
  userLayers: Readonly<Record<string, UserLayerInfo>>,
): Promise<void> {
  if (layers.length === 0) return;
  const results = await Promise.allSettled(layers.map((l) => ensureLayer(l.def, l.info)));
  if (reload && results.every((r) => r.status === 'fulfilled')) markReloadReady();
  if (reload) storedLayersRead();
  // the built-in layers a check reads besides these, after a reload and after an import alike: small files fetched
  // (through the service worker) and indexed in the worker, so that the first check only checks; a check that comes
  // first loads them itself (ensureLayer shares the load under way)
  const user = { ...userLayers, ...Object.fromEntries(layers.map((l) => [l.def.id, l.info])) };
  const builtIn = screeningPlan(user)
    .read.filter((def) => !user[def.id])
    .map((def) => ensureLayer(def, undefined).catch(() => {}));
  // once the layers a check reads are loaded: one check whose result is dropped, so that the user's first runs
  // compiled code (farmland-like layer after a reload, in a probe: compute 385–427 ms cold, 191–234 ms after it); then the
  // ellipsoidal ring areas a first check would compute, filled a slice at a time (a check waits one slice at most)
  if (results.some((r) => r.status === 'fulfilled'))
    void (async () => {
      const c = screeningClient();
      await Promise.all(builtIn);
      // a check or a load goes first
      while (c.busy) await new Promise((r) => setTimeout(r, 100));
      await c.warmCheck();
      // bounded: a ring whose area cannot be computed stays unfilled and is asked for again
      for (let i = 0; i < MAX_WARM_SLICES; i++) {
        // a check (or a load) goes first: no slice is queued while it runs
        while (c.busy) await new Promise((r) => setTimeout(r, 100));
        if (await c.warmAreas(WARM_SLICE)) break;
      }
    })().catch(() => {});
  for (const r of results)
    if (r.status === 'rejected')
      console.warn(
        'A stored layer could not be loaded for checks:',
        r.reason instanceof Error ? r.reason.message : r.reason,
      );
}

/** Rings per warm-up slice: about 50 ms of work on a 4-million-vertex layer. */
const WARM_SLICE = 2000;
const MAX_WARM_SLICES = 2000;

/** Forgets a removed user layer in the worker. */
export function unloadLayer(layerId: string): Promise<void> {
  return screeningClientIfAny()?.unload(layerId) ?? Promise.resolve();
}

/**
 * The check's last phases: `ebm:check:compute` (the worker's screening), `ebm:check:render` (result in the store →
 * the result table painted) and `ebm:check:total` (click → result table), from the click at `t0`. Resolves when
 * the table is painted.
 */
export function markCheckDone(t0: number, computeMs: number): Promise<void> {
  const inStore = performance.now();
  performance.measure('ebm:check:compute', { start: inStore - computeMs, duration: computeMs });
  // resolves once the table is painted: the next frame, then the task after it
  return new Promise((painted) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        const at = performance.now();
        performance.measure('ebm:check:render', { start: inStore, duration: at - inStore });
        performance.measure('ebm:check:total', { start: t0, duration: at - t0 });
        painted();
      }, 0),
    ),
  );
}
