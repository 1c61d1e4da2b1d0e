/// <reference lib="webworker" />
// A user's layer file is read, checked, turned into the engine's binary form and stored (IndexedDB) here, off the
// main thread: the page gets only a summary, never the file's hundred megabytes. The screening worker and the
// tile worker read the stored binary themselves.
import type { FeatureCollection } from 'geojson';
import { importUserLayer } from '../../domain/importers/index.ts';
import {
  checkedLayerData,
  encodeStoredParts,
  layerIssueMessages,
  outsideRegionErrors,
  storedLayerVersion,
} from '../../domain/projects/stored-layer.ts';
import { indexLayer } from '../../domain/screening/layer.ts';
import { encodeIndex } from '../../domain/screening/stored-index.ts';
import { IndexedDbStore } from '../storage/indexeddb-storage.ts';
import { putStoredLayer, type StoredLayer } from '../storage/layer-binary-db.ts';
import type { ImportPhase, LayerWorkerRequest, LayerWorkerResponse } from './layer-messages.ts';
import { migrateKeptLayers, sha256Hex } from './migrate-kept.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: LayerWorkerResponse) => scope.postMessage(msg);

async function importFile(req: Extract<LayerWorkerRequest, { type: 'import' }>): Promise<void> {
  const { file, options, zoneType } = req;
  const ms: Record<ImportPhase, number> = { read: 0, parse: 0, validate: 0, encode: 0, store: 0 };
  let t = performance.now();
  const lap = (phase: ImportPhase, next?: ImportPhase) => {
    const now = performance.now();
    ms[phase] += now - t;
    t = now;
    if (next) post({ type: 'phase', phase: next });
  };
  post({ type: 'phase', phase: 'read' });
  const bytes = await file.arrayBuffer();
  // hashed once, here, while the file is parsed (WebCrypto runs off this thread)
  const hashing = sha256Hex(bytes);
  lap('read', 'parse');
  const result = await importUserLayer(
    { name: file.name, size: file.size, arrayBuffer: async () => bytes },
    options,
  );
  lap('parse', 'validate');
  if (!result.ok || !result.layer.data) {
    post({
      type: 'refused',
      errors: result.ok ? [] : result.errors,
      warnings: result.warnings,
    });
    return;
  }
  const checked = checkedLayerData(result.layer.data as FeatureCollection, {
    layerId: options.layerId,
    ...(zoneType ? { zoneType } : {}),
    label: file.name,
  });
  if (!checked.ok) {
    post({
      type: 'refused',
      errors: layerIssueMessages(file.name, checked.errors),
      warnings: result.warnings,
    });
    return;
  }
  lap('validate', 'encode');
  const parts = encodeStoredParts(checked.data);
  // the index is kept too: after a reload the layer is ready without being indexed again
  const index = encodeIndex(indexLayer(checked.data));
  const outside = outsideRegionErrors(parts.bbox, result.warnings);
  if (outside.length > 0) {
    post({
      type: 'refused',
      errors: outside,
      warnings: result.warnings.filter((w) => w.code !== 'outside-region'),
    });
    return;
  }
  lap('encode', 'store');
  const { provenance } = result.layer;
  const sha256 = await hashing;
  const rec: StoredLayer = {
    id: options.layerId,
    version: storedLayerVersion(provenance),
    sha256,
    fileBytes: file.size,
    featureCount: parts.featureCount,
    vertexCount: parts.vertexCount,
    bbox: parts.bbox,
    name: result.layer.name,
    provenance: { ...provenance, featureCount: parts.featureCount },
    ebl: parts.ebl,
    index,
  };
  await putStoredLayer(rec);
  await dropKept(options.layerId);
  lap('store');
  const { ebl: _ebl, index: _index, ...meta } = rec;
  post({ type: 'imported', meta, warnings: result.warnings, ms });
}

/** The copy an earlier version kept in the project store (GeoJSON), now superseded. */
async function dropKept(layerId: string): Promise<void> {
  try {
    const db = await IndexedDbStore.open();
    await db.deleteUserLayer(layerId);
    db.close();
  } catch {
    // no project store in this browser: nothing kept there
  }
}

async function migrate(req: Extract<LayerWorkerRequest, { type: 'migrate' }>): Promise<void> {
  const db = await IndexedDbStore.open();
  try {
    post({ type: 'migrated', ...(await migrateKeptLayers(db, req.targets)) });
  } finally {
    db.close();
  }
}

scope.onmessage = (e: MessageEvent<LayerWorkerRequest>) => {
  const req = e.data;
  const run = req.type === 'import' ? importFile(req) : migrate(req);
  run.catch((err) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
