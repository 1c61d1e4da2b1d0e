/**
 * A large GeoJSON layer imported in two halves at once (importers/geojson-split.ts): each half read, checked and
 * encoded (EBL1) on its own thread, then joined into the stored layer and its index. The steps are the import
 * worker's and its helper's; `splitStoredLayer` runs them one after the other (tests, Node). Undefined anywhere:
 * import the file the ordinary way. A half is read flat first (encodeFlatHalf: no JSON.parse of the positions);
 * a half that is not of the plain shape is read by JSON.parse (encodeParsedHalf), which finds any message.
 */
import type { FeatureCollection } from 'geojson';
import { readFlatFeatures } from '../importers/geojson-flat.ts';
import {
  type FeatureSplit,
  halfRange,
  halvesWithinLimits,
  readFeatureHalf,
  type SplitOptions,
  splitHead,
} from '../importers/geojson-split.ts';
import { resolveLimits } from '../importers/index.ts';
import { flatLayerGeometry } from '../importers/normalize/flat.ts';
import type { ImportOptions } from '../importers/types.ts';
import { encodeLayer, indexLayer } from '../screening/layer.ts';
import type { LayerLabel } from '../screening/layer-check.ts';
import { encodeIndex } from '../screening/stored-index.ts';
import { checkedFlatLayerData, checkedLayerData } from './stored-layer.ts';
import { encodedLayerGeometry, mergeEncodedLayers } from './stored-layer-merge.ts';

export interface LayerTarget {
  layerId: string;
  zoneType?: string;
  label: LayerLabel;
}

/** How a file's features were read: whole (the ordinary import), or in halves, each flat or by JSON.parse. */
export type ImportPath = 'whole' | 'halves-flat' | 'halves-parsed' | 'halves-mixed';

export interface EncodedHalf {
  ebl: ArrayBuffer;
  count: number;
  rawVertices: number;
  /** read flat (encodeFlatHalf) or by JSON.parse (encodeParsedHalf) */
  read: 'flat' | 'parsed';
}

/**
 * One half's bytes read, checked as a stored layer (checkedLayerData) with its features numbered from
 * `firstIndex` (the other half's count, which may arrive later), and encoded: flat when it is plain, else by
 * JSON.parse.
 */
export async function encodeFeatureHalf(
  ...args: Parameters<typeof encodeParsedHalf>
): Promise<EncodedHalf | undefined> {
  const [bytes, , options, target, firstIndex, onCount, onRead] = args;
  const flat = await encodeFlatHalf(bytes, options, target, firstIndex, onCount, onRead);
  if (flat !== 'not-plain') return flat;
  return encodeParsedHalf(...args);
}

/** encodeFeatureHalf by JSON.parse (readFeatureHalf) and the normalisation stages, as the ordinary import reads. */
export async function encodeParsedHalf(
  bytes: Uint8Array,
  file: string,
  options: SplitOptions,
  target: LayerTarget,
  firstIndex: number | Promise<number>,
  onCount?: (count: number) => void | Promise<void>,
  onRead?: () => void,
): Promise<EncodedHalf | undefined> {
  let count = 0;
  const half = await readFeatureHalf(bytes, file, options, (n) => {
    count = n;
    return onCount?.(n);
  });
  if (!half) return undefined;
  onRead?.();
  const first = await firstIndex;
  if (!(first >= 0)) return undefined;
  const fc = { type: 'FeatureCollection', features: half.features } as FeatureCollection;
  const checked = checkedLayerData(fc, { ...target, firstIndex: first });
  if (!checked.ok) return undefined;
  return { ebl: encodeLayer(checked.data), count, rawVertices: half.rawVertices, read: 'parsed' };
}

/**
 * encodeFeatureHalf by the flat reading (importers/geojson-flat.ts, normalize/flat.ts): the same EBL1 without
 * JSON.parse's arrays, or 'not-plain' when the half is not of the plain shape or a stage would say something
 * (then it is read by JSON.parse, which finds the message or takes the file to the ordinary import).
 */
export async function encodeFlatHalf(
  bytes: Uint8Array,
  options: SplitOptions,
  target: LayerTarget,
  firstIndex: number | Promise<number>,
  onCount?: (count: number) => void | Promise<void>,
  onRead?: () => void,
): Promise<EncodedHalf | undefined | 'not-plain'> {
  if (options.fixtureRole !== undefined) return 'not-plain';
  const flat = readFlatFeatures(bytes);
  if (!flat) return 'not-plain';
  const opts: ImportOptions = { ...options, purpose: 'layer' };
  const geometry = flatLayerGeometry(flat, opts, resolveLimits(opts));
  if (!geometry) return 'not-plain';
  await onCount?.(flat.count);
  onRead?.();
  const first = await firstIndex;
  if (!(first >= 0)) return undefined;
  const checked = checkedFlatLayerData(geometry, flat.properties, flat.ids, { ...target, firstIndex: first });
  if (!checked.ok) return undefined;
  return {
    ebl: encodeLayer(checked.data),
    count: flat.count,
    rawVertices: geometry.rawVertices,
    read: 'flat',
  };
}

export interface JoinedLayer {
  ebl: ArrayBuffer;
  index: ArrayBuffer;
  featureCount: number;
  vertexCount: number;
  bbox: [number, number, number, number];
  path: ImportPath;
}

/** The two halves as one stored layer and its index (EBI2), or undefined beyond the file's limits. */
export function joinHalves(a: EncodedHalf, b: EncodedHalf, options: SplitOptions): JoinedLayer | undefined {
  if (!halvesWithinLimits([a, b], options)) return undefined;
  const ebl = mergeEncodedLayers(a.ebl, b.ebl);
  const g = encodedLayerGeometry(ebl);
  return {
    ebl,
    index: encodeIndex(indexLayer(g.data)),
    featureCount: g.featureCount,
    vertexCount: g.vertexCount,
    bbox: g.bbox,
    path: a.read === b.read ? `halves-${a.read}` : 'halves-mixed',
  };
}

/** The bytes of one half (a view, not a copy). */
export function halfBytes(bytes: Uint8Array, plan: FeatureSplit, half: 0 | 1): Uint8Array {
  const [s, e] = halfRange(plan, half);
  return bytes.subarray(s, e);
}

/** The split path in one thread: the same steps as the import worker with its helper. */
export async function splitStoredLayer(
  file: string,
  bytes: Uint8Array,
  options: SplitOptions,
  target: LayerTarget,
  minBytes?: number,
  /** tests: cut at this comma instead of the one planFeatureSplit finds */
  cutAt?: number,
): Promise<JoinedLayer | undefined> {
  const found = splitHead(file, bytes, options, minBytes);
  if (!found) return undefined;
  const plan = cutAt === undefined ? found : { ...found, cut: cutAt };
  let count = -1;
  const a = await encodeFeatureHalf(halfBytes(bytes, plan, 0), file, options, target, 0, (n) => {
    count = n;
  });
  if (!a) return undefined;
  const b = await encodeFeatureHalf(halfBytes(bytes, plan, 1), file, options, target, count);
  if (!b) return undefined;
  return joinHalves(a, b, options);
}
