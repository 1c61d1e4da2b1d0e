import { layerById } from '../../../layers/registry.ts';
import type { UserLayerResult } from '../../domain/importers/index.ts';
import type { ImportMessage } from '../../domain/importers/types.ts';
import type { UserLayer } from '../../domain/projects/storage.ts';
import { normaliseUserFeatures, userLayerBytes } from '../../domain/projects/user-layer.ts';
import { putUserLayerBytes } from '../map/user-layer-data.ts';
import { type UserLayerInfo, useAppStore } from '../store/store.ts';
import type { ImportRequest } from './import.worker.ts';

export type CoordinateSource = 'wgs84' | 'gcj02' | 'bd09';

const openStore = () => import('../storage/indexeddb-storage.ts').then((m) => m.IndexedDbStore.open());

function info(l: UserLayer): UserLayerInfo {
  return {
    fileName: l.provenance.fileName,
    importedAt: l.provenance.importedAt,
    featureCount: l.provenance.featureCount,
    note: l.provenance.note,
    crs: l.provenance.crs,
  };
}

function apply(l: UserLayer): void {
  // a layer that came in a project bundle holds objects: normalise and encode it once
  const bytes = l.geojson
    ? l.geojson
    : userLayerBytes({
        ...l,
        data: l.data && (normaliseUserFeatures(l.data, l.id, layerById(l.id)?.zoneType) as UserLayer['data']),
      });
  putUserLayerBytes(l.id, bytes);
  useAppStore.getState().setUserLayer(l.id, info(l));
}

/** Puts back the layers the user loaded in an earlier visit. A failure leaves the built-in layers in place. */
export async function restoreUserLayers(): Promise<void> {
  try {
    const store = await openStore();
    for (const l of await store.allUserLayers()) if (layerById(l.id)) apply(l);
  } catch (e) {
    console.warn('Saved user layers could not be read:', e instanceof Error ? e.message : e);
  }
}

export interface UserLayerImportOutcome {
  ok: boolean;
  errors: ImportMessage[];
  warnings: ImportMessage[];
}

function readInWorker(file: File, options: ImportRequest['options']): Promise<UserLayerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ result?: UserLayerResult; error?: string }>) => {
      worker.terminate();
      if (e.data.result) resolve(e.data.result);
      else reject(new Error(e.data.error ?? 'import worker failed'));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'import worker failed'));
    };
    worker.postMessage({
      file,
      options,
      zoneType: layerById(options.layerId)?.zoneType,
    } satisfies ImportRequest);
  });
}

/**
 * Reads a file of any format (in a worker, so a large dataset does not freeze the page), and if it is good,
 * replaces the layer with it and keeps it in this browser (IndexedDB).
 */
export async function importUserLayerFile(
  layerId: string,
  file: File,
  source: CoordinateSource,
): Promise<UserLayerImportOutcome> {
  const options = { layerId, source, provenanceNote: `Loaded by the user from ${file.name}` };
  // every format, KML/KMZ/GPX included (XML is read with @xmldom/xmldom, which works in a worker)
  const result = await readInWorker(file, options);
  if (!result.ok) return { ok: false, errors: result.errors, warnings: result.warnings };
  const store = await openStore();
  await store.saveUserLayer(result.layer);
  apply(result.layer);
  return { ok: true, errors: [], warnings: result.warnings };
}

export async function removeUserLayer(layerId: string): Promise<void> {
  const store = await openStore();
  await store.deleteUserLayer(layerId);
  putUserLayerBytes(layerId, null);
  useAppStore.getState().setUserLayer(layerId, null);
}
