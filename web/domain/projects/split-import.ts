/**
 * A large GeoJSON layer imported in two halves at once (importers/geojson-split.ts): each half read, checked and
 * encoded (EBL1) on its own thread, then joined into the stored layer and its index. The steps are the import
 * worker's and its helper's; `splitStoredLayer` runs them one after the other (tests, Node). Undefined anywhere:
 * import the file the ordinary way.
 */
import type { FeatureCollection } from 'geojson';
import {
  type FeatureSplit,
  halfRange,
  halvesWithinLimits,
  readFeatureHalf,
  type SplitOptions,
  splitHead,
} from '../importers/geojson-split.ts';
import { encodeLayer, indexLayer } from '../screening/layer.ts';
import type { LayerLabel } from '../screening/layer-check.ts';
import { encodeIndex } from '../screening/stored-index.ts';
import { checkedLayerData } from './stored-layer.ts';
import { encodedLayerGeometry, mergeEncodedLayers } from './stored-layer-merge.ts';

export interface LayerTarget {
  layerId: string;
  zoneType?: string;
  label: LayerLabel;
}

export interface EncodedHalf {
  ebl: ArrayBuffer;
  count: number;
  rawVertices: number;
}

/**
 * One half's bytes read (readFeatureHalf), checked as a stored layer (checkedLayerData) with its features
 * numbered from `firstIndex` (the other half's count, which may arrive later), and encoded.
 */
export async function encodeFeatureHalf(
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
  return { ebl: encodeLayer(checked.data), count, rawVertices: half.rawVertices };
}

export interface JoinedLayer {
  ebl: ArrayBuffer;
  index: ArrayBuffer;
  featureCount: number;
  vertexCount: number;
  bbox: [number, number, number, number];
}

/** The two halves as one stored layer and its index (EBI1), or undefined beyond the file's limits. */
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
