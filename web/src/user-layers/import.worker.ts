/// <reference lib="webworker" />
// A user's layer file is read, checked, turned into the engine's binary form and stored (IndexedDB) here, off the
// main thread: the page gets only a summary, never the file's hundred megabytes. The screening worker and the
// tile worker read the stored binary themselves.
import type { FeatureCollection } from 'geojson';
import {
  SPLIT_MIN_BYTES,
  type SplitOptions,
  splitCrsName,
  splitHead,
} from '../../domain/importers/geojson-split.ts';
import { importUserLayer, type UserLayer, userLayerProvenance } from '../../domain/importers/index.ts';
import type { ImportMessage } from '../../domain/importers/types.ts';
import {
  type EncodedHalf,
  encodeFeatureHalf,
  halfBytes,
  type JoinedLayer,
  joinHalves,
  type LayerTarget,
} from '../../domain/projects/split-import.ts';
import {
  checkedLayerData,
  encodeStoredParts,
  layerIssueMessages,
  outsideRegionErrors,
  storedLayerVersion,
} from '../../domain/projects/stored-layer.ts';
import { decodeLayer, indexLayer } from '../../domain/screening/layer.ts';
import { encodePropsLayout } from '../../domain/screening/layer-props.ts';
import { encodeIndex } from '../../domain/screening/stored-index.ts';
import { IndexedDbStore } from '../storage/indexeddb-storage.ts';
import { putStoredLayer, type StoredLayer } from '../storage/layer-binary-db.ts';
import type { HalfRequest, HalfResponse } from './import-half.worker.ts';
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
  // a large file may be read in two halves at once: the helper starts while the file is read
  const helper = file.size >= SPLIT_MIN_BYTES && typeof Worker !== 'undefined' ? startHelper() : undefined;
  const bytes = await file.arrayBuffer();
  // hashed once (WebCrypto runs off this thread): while the file is parsed, or, when it is read in two halves,
  // once the helper is done (the hash would take the helper's core from it), while the halves are joined
  let hashing: Promise<string> | undefined;
  const hash = () => {
    hashing ??= sha256Hex(bytes);
    return hashing;
  };
  if (!helper) hash();
  lap('read', 'parse');
  const target = { layerId: options.layerId, ...(zoneType ? { zoneType } : {}), label: file.name };
  let split: JoinedLayer | undefined;
  if (helper) {
    // whatever goes wrong on this path, the file is imported the ordinary way, which says what is wrong
    // the options importUserLayer passes on to the importer
    const { layerId: _id, provenanceNote: _note, ...importOptions } = options;
    split = await splitImport(
      helper,
      file.name,
      new Uint8Array(bytes),
      importOptions,
      target,
      lap,
      hash,
    ).catch(() => undefined);
    helper.worker.terminate();
  }
  let kept: {
    layer: JoinedLayer;
    name: string;
    provenance: UserLayer['provenance'];
    warnings: ImportMessage[];
  };
  if (split) {
    // phases on this path: parse = this thread's half read (the helper reads the other meanwhile), validate =
    // this half checked and encoded and the helper's half received, encode = the halves joined and indexed
    kept = {
      layer: split,
      name: file.name,
      provenance: userLayerProvenance(file.name, options, 'geojson', splitCrsName(), split.featureCount),
      warnings: [],
    };
  } else {
    hash();
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
    const checked = checkedLayerData(result.layer.data as FeatureCollection, target);
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
    const { ebl, featureCount, vertexCount, bbox } = parts;
    kept = {
      layer: { ebl, index, featureCount, vertexCount, bbox, path: 'whole' },
      name: result.layer.name,
      provenance: result.layer.provenance,
      warnings: result.warnings,
    };
  }
  lap('encode', 'store');
  const { layer, provenance } = kept;
  // where each feature's properties lie (while the file is hashed): after a reload the screening worker reads them
  // only as checks name them
  const props = encodePropsLayout(decodeLayer(layer.ebl).props);
  const sha256 = await hash();
  const rec: StoredLayer = {
    id: options.layerId,
    version: storedLayerVersion(provenance),
    sha256,
    fileBytes: file.size,
    featureCount: layer.featureCount,
    vertexCount: layer.vertexCount,
    bbox: layer.bbox,
    name: kept.name,
    provenance: { ...provenance, featureCount: layer.featureCount },
    ebl: layer.ebl,
    index: layer.index,
    ...(props ? { props } : {}),
  };
  await putStoredLayer(rec);
  await dropKept(options.layerId);
  lap('store');
  const { ebl: _ebl, index: _index, props: _props, ...meta } = rec;
  post({ type: 'imported', meta, warnings: kept.warnings, ms, path: layer.path });
}

interface Helper {
  worker: Worker;
  /** whether its modules are loaded (false: it could not start) */
  ready: Promise<boolean>;
  /** whether it has the bytes of its half */
  started: Promise<boolean>;
  /** its half, or undefined when it failed (also when it could not start) */
  half: Promise<EncodedHalf | undefined>;
}

function startHelper(): Helper | undefined {
  try {
    const worker = new Worker(new URL('./import-half.worker.ts', import.meta.url), { type: 'module' });
    let ready: (ok: boolean) => void = () => {};
    let started: (ok: boolean) => void = () => {};
    let done: (half: EncodedHalf | undefined) => void = () => {};
    const failed = () => {
      ready(false);
      started(false);
      done(undefined);
    };
    worker.onmessage = (e: MessageEvent<HalfResponse>) => {
      if (e.data.type === 'ready') ready(true);
      else if (e.data.type === 'started') started(true);
      else done(e.data.half ?? undefined);
    };
    worker.onerror = failed;
    worker.onmessageerror = failed;
    return {
      worker,
      ready: new Promise<boolean>((resolve) => {
        ready = resolve;
      }),
      started: new Promise<boolean>((resolve) => {
        started = resolve;
      }),
      half: new Promise<EncodedHalf | undefined>((resolve) => {
        done = resolve;
      }),
    };
  } catch {
    return undefined;
  }
}

/**
 * The file read in two halves at once (domain/projects/split-import.ts): the helper gets a copy of the second
 * half's bytes, this thread reads the first. Undefined when the file is not a plain large FeatureCollection, a half
 * gives any message, or the helper fails: the caller then imports the file the ordinary way.
 */
async function splitImport(
  helper: Helper,
  name: string,
  bytes: Uint8Array,
  options: SplitOptions,
  target: LayerTarget,
  lap: (phase: ImportPhase, next?: ImportPhase) => void,
  helperDone: () => void,
): Promise<JoinedLayer | undefined> {
  const plan = splitHead(name, bytes, options);
  if (!plan || !(await helper.ready)) return undefined;
  const theirs = halfBytes(bytes, plan, 1).slice().buffer;
  const send = (m: HalfRequest, transfer: Transferable[] = []) => helper.worker.postMessage(m, transfer);
  send({ type: 'half', bytes: theirs, file: name, options, target }, [theirs]);
  if (!(await helper.started)) return undefined;
  let counted = false;
  const mine = await encodeFeatureHalf(
    halfBytes(bytes, plan, 0),
    name,
    options,
    target,
    0,
    (count) => {
      counted = true;
      send({ type: 'first', index: count });
      // a task's turn, for the message to go out before this thread is busy again
      return new Promise<void>((resolve) => setTimeout(resolve, 0));
    },
    () => lap('parse', 'validate'),
  );
  if (!counted) send({ type: 'first', index: -1 });
  if (!mine) return undefined;
  const theirHalf = await helper.half;
  helperDone();
  if (!theirHalf) return undefined;
  lap('validate', 'encode');
  return joinHalves(mine, theirHalf, options);
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
