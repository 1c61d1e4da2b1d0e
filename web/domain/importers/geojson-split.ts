/**
 * A large GeoJSON FeatureCollection read in two halves at once (the import worker and a helper worker): the
 * features array is cut at a comma between two features, each half is decoded, parsed, normalised and encoded on
 * its own, and the two encoded layers are joined (stored-layer-merge.ts). This is only a faster way to the same
 * result: a cut is proved, not trusted (see `splitHead` and `readFeatureHalf`), and whatever is not plain — any
 * message at all, a declared CRS, another coordinate source, a non-UTF-8 file — makes the caller import the file
 * the ordinary way (importUserLayer), so every message and its place are exactly those of that path.
 */
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  isSpace,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  stringEnd,
} from '../json-bytes.ts';
import { collectFeatures, isScreeningExport } from './formats/geojson.ts';
import { resolveLimits } from './index.ts';
import { Reporter } from './messages.ts';
import { MAX_NESTING, utf8JsonNestingExceeds } from './nesting.ts';
import { normalize } from './normalize/index.ts';
import { lonLatCrsName } from './normalize/reproject.ts';
import { detectFormat } from './registry.ts';
import { strictUtf8 } from './text-decode.ts';
import type { BoundaryFeature, ImportOptions } from './types.ts';

/** Below this a file is read whole: starting a second worker would cost more than it saves. */
export const SPLIT_MIN_BYTES = 8 * 1024 * 1024;
/** The "features" member is looked for in the file's first bytes only. */
const HEAD_SCAN_BYTES = 1 << 20;

export interface FeatureSplit {
  /** offset of the `[` that opens the top-level "features" array */
  open: number;
  /** offset of the `,` between two features, near the middle */
  cut: number;
  /** offset of the `]` that closes it: only white space, `}` and white space follow */
  close: number;
}

export type SplitOptions = Omit<ImportOptions, 'purpose'>;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const FEATURES_KEY = [0x66, 0x65, 0x61, 0x74, 0x75, 0x72, 0x65, 0x73]; // features

/** The `[` after a top-level `"features":`, found by a string-aware scan of the head; a guess `splitHead` proves. */
function featuresOpen(bytes: Uint8Array, limit: number): number | undefined {
  let depth = 0;
  let keyStart = -1;
  let keyEnd = -1;
  let colon = false;
  for (let i = 0; i < limit; i++) {
    const c = bytes[i] as number;
    if (c === QUOTE) {
      const s = i;
      i = stringEnd(bytes, i, limit);
      if (depth === 1) {
        keyStart = s + 1;
        keyEnd = i;
        colon = false;
      }
    } else if (c === COLON) {
      if (depth === 1) colon = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (depth === 1 && c === OPEN_ARRAY && colon && keyEnd - keyStart === FEATURES_KEY.length) {
        let same = true;
        for (let k = 0; k < FEATURES_KEY.length; k++)
          if (bytes[keyStart + k] !== FEATURES_KEY[k]) same = false;
        if (same) return i;
      }
      depth++;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    } else if (c === COMMA && depth === 1) {
      colon = false;
    }
  }
  return undefined;
}

/**
 * Where to cut a file that may be a large FeatureCollection: its "features" array is the last member, and a
 * comma between `}` and `{` lies past the middle. A guess: `splitHead` and `readFeatureHalf` prove it.
 */
export function planFeatureSplit(bytes: Uint8Array): FeatureSplit | undefined {
  let e = bytes.length - 1;
  while (e >= 0 && isSpace(bytes[e])) e--;
  if (bytes[e] !== CLOSE_OBJECT) return undefined;
  e--;
  while (e >= 0 && isSpace(bytes[e])) e--;
  if (bytes[e] !== CLOSE_ARRAY) return undefined;
  const close = e;
  const open = featuresOpen(bytes, Math.min(close, HEAD_SCAN_BYTES));
  if (open === undefined) return undefined;
  // the middle: the helper starts a little later (its bytes are copied and sent), which about evens out the join
  // and index the import worker does after its half (in the browser a cut at 45% left it waiting for the helper)
  for (let i = open + ((close - open) >> 1); i < close; i++) {
    if (bytes[i] !== COMMA) continue;
    let a = i - 1;
    while (isSpace(bytes[a])) a--;
    if (bytes[a] !== CLOSE_OBJECT) continue;
    let b = i + 1;
    while (isSpace(bytes[b])) b++;
    if (bytes[b] === OPEN_OBJECT) return { open, cut: i, close };
  }
  return undefined;
}

/**
 * Whether the file may take the split path at all, and where to cut it: what the ordinary path would read as a
 * GeoJSON FeatureCollection in UTF-8 without BOM, WGS84 lon/lat, no declared CRS, not this app's result export.
 * The head (everything but the features) is parsed here with the array left empty: it must be such an object.
 */
export function splitHead(
  name: string,
  bytes: Uint8Array,
  options: SplitOptions,
  minBytes = SPLIT_MIN_BYTES,
): FeatureSplit | undefined {
  const limits = resolveLimits({ purpose: 'layer', ...(options.limits ? { limits: options.limits } : {}) });
  if (bytes.length < minBytes || bytes.length > limits.maxBytes) return undefined;
  if (options.source !== 'wgs84' || options.gaussKruger !== undefined || options.axisOrder !== undefined)
    return undefined;
  if (options.fixtureRole !== undefined) return undefined;
  if (options.format !== undefined && options.format !== 'geojson') return undefined;
  // no BOM, no UTF-16: the first byte is the object's brace (or white space before it)
  if (bytes[0] !== OPEN_OBJECT && !isSpace(bytes[0])) return undefined;
  if (!options.format) {
    // as importBoundarySync: the first 4,000 characters (16 kB of UTF-8 hold more than that)
    const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 16384)).slice(0, 4000);
    if (detectFormat(name, bytes, head) !== 'geojson') return undefined;
  }
  const plan = planFeatureSplit(bytes);
  if (!plan) return undefined;
  if (utf8JsonNestingExceeds(bytes.subarray(0, plan.open), MAX_NESTING)) return undefined;
  const before = strictUtf8(bytes.subarray(0, plan.open));
  const after = strictUtf8(bytes.subarray(plan.close + 1));
  if (before === undefined || after === undefined) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(`${before}[]${after}`);
  } catch {
    return undefined;
  }
  if (!isObj(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) return undefined;
  if ((doc.crs !== undefined && doc.crs !== null) || isScreeningExport(doc)) return undefined;
  return plan;
}

/** The bytes between the brackets or commas that bound one half: [open + 1, cut) or [cut + 1, close). */
export function halfRange(plan: FeatureSplit, half: 0 | 1): [number, number] {
  return half === 0 ? [plan.open + 1, plan.cut] : [plan.cut + 1, plan.close];
}

export interface FeatureHalf {
  features: BoundaryFeature[];
  /** positions as parsed (before duplicates are dropped): the file's vertex limit counts these */
  rawVertices: number;
}

/**
 * One half of the features (the bytes between its bounds, at nesting depth 2) read as the ordinary path reads
 * them: nesting guard, strict UTF-8, JSON.parse, collectFeatures, every normalisation stage. Undefined — read the
 * file the ordinary way — when the half is not a comma-separated list of values (the cut was not between two
 * features of the array), or anything in it gives a message. `onCount` hears the half's feature count as soon
 * as it is parsed (the other half numbers its features after these); the reading waits for what it returns (a
 * worker lets its message to the other go out).
 */
export async function readFeatureHalf(
  bytes: Uint8Array,
  file: string,
  options: SplitOptions,
  onCount?: (count: number) => void | Promise<void>,
): Promise<FeatureHalf | undefined> {
  if (utf8JsonNestingExceeds(bytes, MAX_NESTING, 2)) return undefined;
  // strict UTF-8 or not at all: the ordinary path then decodes the whole file, maybe as GB18030
  const text = strictUtf8(bytes);
  if (text === undefined) return undefined;
  let items: unknown;
  try {
    items = JSON.parse(`[${text}]`);
  } catch {
    return undefined;
  }
  if (!Array.isArray(items) || items.length === 0) return undefined;
  await onCount?.(items.length);
  const rep = new Reporter(file);
  const features = collectFeatures(items, rep);
  if (rep.messages.length > 0 || features.length !== items.length) return undefined;
  let rawVertices = 0;
  for (const f of features) for (const p of f.polygons) for (const r of p) rawVertices += r.length;
  const opts: ImportOptions = { ...options, purpose: 'layer' };
  const result = normalize({ features, closePolicy: 'require' }, opts, resolveLimits(opts), rep);
  if (!result || rep.messages.length > 0 || result.original) return undefined;
  return { features: result.features, rawVertices };
}

/** Whether the two halves together stay within the file limits the ordinary path checks (checkSize). */
export function halvesWithinLimits(
  halves: { count: number; rawVertices: number }[],
  options: SplitOptions,
): boolean {
  const limits = resolveLimits({ purpose: 'layer', ...(options.limits ? { limits: options.limits } : {}) });
  const count = halves.reduce((s, h) => s + h.count, 0);
  const vertices = halves.reduce((s, h) => s + h.rawVertices, 0);
  return count <= limits.maxFeatures && vertices <= limits.maxVertices;
}

/** The CRS name the ordinary path gives a split file's layer (WGS84 lon/lat, nothing declared). */
export const splitCrsName = (): string => lonLatCrsName('wgs84');
