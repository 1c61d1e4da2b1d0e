/**
 * Messages between the UI and a screening worker, and the pure handler the worker wraps:
 *
 *   // screening.worker.ts (the whole worker)
 *   import { createScreeningHandler } from '../domain/screening/worker-protocol.ts';
 *   const handle = createScreeningHandler();
 *   self.onmessage = (e) => handle(e.data, (msg, transfer) => self.postMessage(msg, { transfer }));
 *
 * Every request carries a `requestId`; the worker answers with progress messages and exactly one
 * `done` or `error` for that id. Binary layers should be posted as transferables.
 */

import { type PointReport, zonesHere } from '../field/zones-here.ts';
import type { ValidationIssue } from '../geo/validate-polygon.ts';
import { type ScreeningResult, type ScreenOptions, screenProject } from './engine.ts';
import {
  type GeoJsonFeatureCollection,
  type LayerData,
  type LayerIndex,
  type LayerMeta,
  layerFromGeoJson,
  type Progress,
  type ReadBytes,
  warmAreas,
} from './layer.ts';
import {
  checkLayerGeoJson,
  decodeLayerChecked,
  decodeLayerPartsChecked,
  issueLine,
  type LayerIssue,
  parseLayerJson as parseJson,
  prepareLayer,
} from './layer-check.ts';
import { metaLabel } from './layer-issues.ts';
import { type CoordsIn, readCoordsIn } from './partial-layer.ts';
import { decodeIndex, restoreAreas } from './stored-index.ts';
import { warmUpProject } from './warm-check.ts';

export type ScreeningRequest =
  | {
      type: 'loadLayer';
      requestId: number;
      format: 'binary';
      buffer: ArrayBuffer;
      /** names the layer as the app lists it, over the metadata inside the buffer */
      meta?: LayerMeta;
      /** its index as kept with it (stored-index.ts), used when it fits */
      index?: ArrayBuffer;
      /** its ring areas as kept with it (stored-index.ts encodeAreas), used when they fit */
      areas?: ArrayBuffer;
      /** where its properties lie, as kept with it (layer-props.ts encodePropsLayout), used when it fits */
      props?: ArrayBuffer;
    }
  | {
      type: 'loadLayer';
      requestId: number;
      format: 'geojson';
      geojson: GeoJsonFeatureCollection | string;
      meta: LayerMeta;
    }
  | { type: 'unloadLayer'; requestId: number; layerId: string }
  | {
      type: 'screen';
      requestId: number;
      /** GeoJSON Polygon / MultiPolygon / Feature / FeatureCollection */
      project: unknown;
      /** default: every loaded layer */
      layerIds?: string[];
      options?: Omit<ScreenOptions, 'onProgress'>;
    }
  /**
   * fill the per-ring area cache a slice at a time (send while idle): at most `rings` rings and, when given, about
   * `vertices` vertices; answers `warmed` with `finished`
   */
  | { type: 'warmAreas'; requestId: number; rings?: number; vertices?: number }
  /**
   * one check, its result dropped, of a small project on the largest layer (warm-check.ts), against every loaded
   * layer: the next check runs compiled code (send while idle, once the layers are loaded); answers `warmChecked`
   * with `checked: false` when no layer is loaded
   */
  | { type: 'warmCheck'; requestId: number }
  /**
   * "where am I" (web/domain/field/zones-here.ts): the zones of every layer held that contain (lon, lat), and the
   * nearest boundary of the red-line layers among them (`redLineIds`); answers `pointReport`
   */
  | { type: 'point'; requestId: number; lon: number; lat: number; redLineIds: string[] };

export type ScreeningResponse =
  | { type: 'progress'; requestId: number; progress: Progress }
  | {
      type: 'layerLoaded';
      requestId: number;
      layerId: string;
      featureCount: number;
      vertexCount: number;
      ms: number;
      /** validateLayer's warnings (also carried in every result for this layer) */
      warnings: LayerIssue[];
    }
  | { type: 'layerUnloaded'; requestId: number; layerId: string }
  | { type: 'screened'; requestId: number; result: ScreeningResult; ms: number }
  | { type: 'invalidProject'; requestId: number; errors: ValidationIssue[]; warnings: ValidationIssue[] }
  | { type: 'warmed'; requestId: number; finished: boolean }
  | { type: 'warmChecked'; requestId: number; checked: boolean; ms: number }
  | { type: 'pointReport'; requestId: number; report: PointReport }
  /** `issues`: why a layer was refused (validateLayer); `message` is their text, one line each */
  | { type: 'error'; requestId: number; message: string; issues?: LayerIssue[] };

export type Post = (msg: ScreeningResponse, transfer?: ArrayBuffer[]) => void;

export interface ScreeningHandler {
  (req: ScreeningRequest, post: Post): void;
  readonly layers: Map<string, LayerIndex>;
  /** in-process only (a worker's stored layers): see createScreeningHandler */
  readonly loadParts: (parts: StoredLayerParts, post: Post) => CoordsIn | null | false;
}

/** A stored layer's EBL1 buffer in parts: all but its coordinates, which `read` reads when they are needed. */
export interface StoredLayerParts {
  requestId: number;
  meta: LayerMeta;
  /** the buffer's first 32 bytes (its header) */
  head: ArrayBuffer;
  /**
   * the buffer from the coordinates' end (coordsEnd): offsets and properties, or offsets and the properties' first
   * bytes (propsPrefixBytes of `props`), the rest read with `read` as features are asked for
   */
  rest: ArrayBuffer;
  /** the whole buffer's length */
  byteLength: number;
  read: ReadBytes;
  /** its kept index (stored-index.ts) */
  index: ArrayBuffer;
  areas?: ArrayBuffer;
  props?: ArrayBuffer;
}

/** The answer that refuses a layer: its issues, and their text one line each. */
export const refusal = (requestId: number, issues: LayerIssue[]): ScreeningResponse => ({
  type: 'error',
  requestId,
  message: issues.map(issueLine).join('\n'),
  issues,
});

export function createScreeningHandler(now: () => number = () => performance.now()): ScreeningHandler {
  const layers = new Map<string, LayerIndex>();
  /** A decoded layer checked, indexed (or its kept index taken) and held under its id; refused with its issues. */
  const hold = (
    requestId: number,
    data: LayerData,
    opts: {
      storedIndex?: (d: LayerData) => LayerIndex | null;
      areas?: ArrayBuffer;
      coordsLater?: boolean;
      /** before it is held: what a layer read in part needs (readCoordsIn) */
      beforeHeld?: (index: LayerIndex) => void;
    },
    post: Post,
    t0: number,
  ): void => {
    const progress = (p: Progress) => post({ type: 'progress', requestId, progress: p });
    const prepared = prepareLayer(data, {
      onProgress: progress,
      ...(opts.storedIndex ? { storedIndex: opts.storedIndex } : {}),
      ...(opts.coordsLater ? { coordsLater: true } : {}),
    });
    if (!prepared.ok) {
      post(refusal(requestId, prepared.errors));
      return;
    }
    const index = prepared.index;
    if (opts.areas) restoreAreas(index, opts.areas);
    opts.beforeHeld?.(index);
    layers.set(data.meta.id, index);
    post({
      type: 'layerLoaded',
      requestId,
      layerId: data.meta.id,
      featureCount: index.featureCount,
      vertexCount: data.coords.length / 2,
      ms: now() - t0,
      warnings: prepared.warnings,
    });
  };
  const handle = (req: ScreeningRequest, post: Post): void => {
    const progress = (p: Progress) => post({ type: 'progress', requestId: req.requestId, progress: p });
    try {
      switch (req.type) {
        case 'loadLayer': {
          const t0 = now();
          const refuse = (issues: LayerIssue[]) => post(refusal(req.requestId, issues));
          let data: LayerData;
          if (req.format === 'binary') {
            progress({ phase: 'parse', done: 0, total: 1 });
            const d = decodeLayerChecked(req.buffer, 'binary layer', req.props);
            if (!d.ok) {
              refuse(d.errors);
              return;
            }
            data = req.meta ? { ...d.data, meta: req.meta } : d.data;
            progress({ phase: 'parse', done: 1, total: 1 });
          } else {
            const label = metaLabel(req.meta);
            let fc: unknown = req.geojson;
            if (typeof req.geojson === 'string') {
              const parsed = parseJson(req.geojson, label);
              if (!parsed.ok) {
                refuse(parsed.errors);
                return;
              }
              fc = parsed.value;
            }
            const bad = checkLayerGeoJson(fc, label);
            if (bad.length > 0) {
              refuse(bad);
              return;
            }
            data = layerFromGeoJson(fc as GeoJsonFeatureCollection, req.meta, progress);
          }
          const stored = req.format === 'binary' ? req.index : undefined;
          hold(
            req.requestId,
            data,
            {
              ...(stored ? { storedIndex: (d: LayerData) => decodeIndex(d, stored) } : {}),
              ...(req.format === 'binary' && req.areas ? { areas: req.areas } : {}),
            },
            post,
            t0,
          );
          return;
        }
        case 'unloadLayer':
          layers.delete(req.layerId);
          post({ type: 'layerUnloaded', requestId: req.requestId, layerId: req.layerId });
          return;
        case 'screen': {
          const t0 = now();
          const ids = req.layerIds ?? [...layers.keys()];
          const missing = ids.filter((id) => !layers.has(id));
          if (missing.length > 0) throw new Error(`Layer(s) not loaded: ${missing.join(', ')}`);
          const out = screenProject(
            req.project,
            ids.map((id) => layers.get(id) as LayerIndex),
            { ...req.options, onProgress: progress },
          );
          if (!out.ok)
            post({
              type: 'invalidProject',
              requestId: req.requestId,
              errors: out.errors,
              warnings: out.warnings,
            });
          else post({ type: 'screened', requestId: req.requestId, result: out.result, ms: now() - t0 });
          return;
        }
        case 'point': {
          const red = new Set(req.redLineIds);
          const held = [...layers].map(([id, index]) => ({ id, index, redLine: red.has(id) }));
          post({ type: 'pointReport', requestId: req.requestId, report: zonesHere(held, req.lon, req.lat) });
          return;
        }
        case 'warmCheck': {
          const t0 = now();
          const project = warmUpProject(layers.values());
          if (project)
            screenProject(project, [...layers.values()], {
              buffersM: [500, 1000, 5000],
              includeGeometry: true,
              nearest: true,
            });
          post({ type: 'warmChecked', requestId: req.requestId, checked: project !== null, ms: now() - t0 });
          return;
        }
        case 'warmAreas': {
          let finished = true;
          for (const index of layers.values())
            finished = warmAreas(index, req.rings ?? 2000, progress, req.vertices) && finished;
          post({ type: 'warmed', requestId: req.requestId, finished });
          return;
        }
      }
    } catch (err) {
      post({
        type: 'error',
        requestId: req.requestId,
        message: err instanceof Error ? err.message : String(err),
      });
    }
  };
  /**
   * A stored layer from the parts of its EBL1 buffer, its coordinates read in as checks need them
   * (partial-layer.ts): the CoordsIn that takes in the rest; null when it is refused (its error posted); false, with
   * nothing loaded or posted, when its kept index does not fit it (the caller then loads the whole buffer).
   */
  const loadParts = (parts: StoredLayerParts, post: Post): CoordsIn | null | false => {
    const t0 = now();
    try {
      const label = metaLabel(parts.meta);
      const d = decodeLayerPartsChecked(
        parts.head,
        parts.rest,
        parts.byteLength,
        label,
        parts.props,
        parts.read,
      );
      if (!d.ok) {
        post(refusal(parts.requestId, d.errors));
        return null;
      }
      const data: LayerData = { ...d.data, meta: parts.meta };
      const kept = decodeIndex(data, parts.index);
      if (!kept) return false;
      let coordsIn: CoordsIn | null = null;
      hold(
        parts.requestId,
        data,
        {
          storedIndex: () => kept,
          coordsLater: true,
          ...(parts.areas ? { areas: parts.areas } : {}),
          beforeHeld: (index) => {
            coordsIn = readCoordsIn(index, parts.read, label);
          },
        },
        post,
        t0,
      );
      return coordsIn;
    } catch (err) {
      post({
        type: 'error',
        requestId: parts.requestId,
        message: err instanceof Error ? err.message : String(err),
      });
      return null;
    }
  };
  return Object.assign(handle, { layers, loadParts });
}
