import { LAYERS, layerById } from '../../../layers/registry.ts';
import type { ImportMessage } from '../../domain/importers/types.ts';
import type { ImportPath } from '../../domain/projects/split-import.ts';
import { preloadUserLayers, unloadLayer } from '../screening/layer-loading.ts';
import { allStoredLayerMeta, deleteStoredLayer, type StoredLayerMeta } from '../storage/layer-binary-db.ts';
import { noteStoredLayer } from '../storage/stored-layer-hint.ts';
import { storedLayerInfo } from '../storage/stored-layer-info.ts';
import { type UserLayerInfo, useAppStore } from '../store/store.ts';
import {
  IMPORT_PHASES,
  type ImportPhase,
  type LayerTarget,
  type LayerWorkerRequest,
  type LayerWorkerResponse,
} from './layer-messages.ts';

export type CoordinateSource = 'wgs84' | 'gcj02' | 'bd09';
export type { ImportPhase } from './layer-messages.ts';

/** Shows a stored layer as the user's data for its registry layer; returns what the store now holds. */
function apply(m: StoredLayerMeta): UserLayerInfo | null {
  const i = layerById(m.id) ? storedLayerInfo(m) : null;
  if (i) {
    useAppStore.getState().setUserLayer(m.id, i);
    // read from the start of the next visit
    noteStoredLayer(m.id, true);
  }
  return i;
}

function preload(applied: { id: string; info: UserLayerInfo }[], reload: boolean): Promise<void> {
  const layers = applied.flatMap((a) => {
    const def = layerById(a.id);
    return def ? [{ def, info: a.info }] : [];
  });
  return preloadUserLayers(layers, reload, useAppStore.getState().userLayers);
}

function startWorker(): Worker {
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
}

const targets = (): LayerTarget[] =>
  LAYERS.map((def) => ({ id: def.id, ...(def.zoneType ? { zoneType: def.zoneType } : {}) }));

/** Layers an earlier version kept as GeoJSON (or a project bundle brought) become stored layers, in a worker. */
function migrateKept(): Promise<StoredLayerMeta[]> {
  return new Promise((resolve) => {
    const worker = startWorker();
    worker.onmessage = (e: MessageEvent<LayerWorkerResponse>) => {
      const msg = e.data;
      if (msg.type !== 'migrated' && msg.type !== 'error') return;
      worker.terminate();
      if (msg.type === 'error') console.warn('Saved user layers could not be converted:', msg.message);
      else for (const p of msg.problems) console.warn('A saved user layer was not converted:', p);
      resolve(msg.type === 'migrated' ? msg.metas : []);
    };
    worker.onerror = (e) => {
      worker.terminate();
      console.warn('Saved user layers could not be converted:', e.message);
      resolve([]);
    };
    worker.postMessage({ type: 'migrate', targets: targets() } satisfies LayerWorkerRequest);
  });
}

/**
 * Puts back the layers the user loaded in an earlier visit: their summaries at once (no geometry is read on the
 * page), then, while the page is idle, their binary into the screening worker. Layers kept by an earlier version
 * are converted once, after that. A failure leaves the built-in layers in place.
 */
export async function restoreUserLayers(
  listed?: readonly StoredLayerMeta[],
  /** the page start has shown these in the store already (app/restore-at-start.ts) */
  shown = false,
): Promise<void> {
  try {
    const metas = listed ?? (await allStoredLayerMeta());
    const restored = metas.flatMap((m) => {
      const i = layerById(m.id) ? storedLayerInfo(m) : null;
      return i ? [{ m, id: m.id, info: i }] : [];
    });
    // the screening worker is asked first: the store's change makes the map rebuild its style on this thread
    // (~0.1 s), and the worker (which began reading them at page start) answers meanwhile
    const loaded = preload(restored, true);
    if (!shown) for (const r of restored) apply(r.m);
    await loaded;
    // the import worker is started only when there is something to convert
    const kept = await import('../storage/indexeddb-storage.ts').then(async (m) => {
      const db = await m.IndexedDbStore.open();
      const n = await db.countUserLayers();
      db.close();
      return n;
    });
    if (kept === 0) return;
    const migrated = await migrateKept();
    const more = migrated.flatMap((m) => {
      const i = apply(m);
      return i ? [{ id: m.id, info: i }] : [];
    });
    if (more.length > 0) await preload(more, false);
  } catch (e) {
    console.warn('Saved user layers could not be read:', e instanceof Error ? e.message : e);
  }
}

export interface UserLayerImportOutcome {
  ok: boolean;
  errors: ImportMessage[];
  warnings: ImportMessage[];
}

function measureImport(
  ms: Record<ImportPhase, number>,
  total: number,
  layerId: string,
  path: ImportPath,
): void {
  const end = performance.now();
  let start = end - total;
  const detail = { layerId, path };
  performance.measure('ebm:import:total', { start, duration: total, detail });
  for (const phase of IMPORT_PHASES) {
    performance.measure(`ebm:import:${phase}`, { start, duration: ms[phase], detail });
    start += ms[phase];
  }
}

/**
 * Reads a file of any format, checks it, turns it into the engine's binary form and keeps it in this browser
 * (IndexedDB), all in a worker; if it is good it replaces the layer, and is loaded for checks while the page is
 * idle. A refused file leaves the layer loaded before in place.
 */
export function importUserLayerFile(
  layerId: string,
  file: File,
  source: CoordinateSource,
  onPhase?: (phase: ImportPhase) => void,
): Promise<UserLayerImportOutcome> {
  const t0 = performance.now();
  const options = { layerId, source, provenanceNote: `Loaded by the user from ${file.name}` };
  return new Promise((resolve, reject) => {
    const worker = startWorker();
    worker.onmessage = (e: MessageEvent<LayerWorkerResponse>) => {
      const msg = e.data;
      if (msg.type === 'phase') {
        onPhase?.(msg.phase);
        return;
      }
      worker.terminate();
      if (msg.type === 'imported') {
        measureImport(msg.ms, performance.now() - t0, layerId, msg.path);
        const i = apply(msg.meta);
        if (i) void preload([{ id: layerId, info: i }], false);
        resolve({ ok: true, errors: [], warnings: msg.warnings });
      } else if (msg.type === 'refused') resolve({ ok: false, errors: msg.errors, warnings: msg.warnings });
      else reject(new Error(msg.type === 'error' ? msg.message : 'import worker failed'));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'import worker failed'));
    };
    worker.postMessage({
      type: 'import',
      file,
      options,
      ...(layerById(layerId)?.zoneType ? { zoneType: layerById(layerId)?.zoneType } : {}),
    } satisfies LayerWorkerRequest);
  });
}

export async function removeUserLayer(layerId: string): Promise<void> {
  await deleteStoredLayer(layerId);
  noteStoredLayer(layerId, false);
  try {
    const db = await import('../storage/indexeddb-storage.ts').then((m) => m.IndexedDbStore.open());
    await db.deleteUserLayer(layerId);
  } catch {
    // nothing kept by an earlier version
  }
  useAppStore.getState().setUserLayer(layerId, null);
  await unloadLayer(layerId);
}
