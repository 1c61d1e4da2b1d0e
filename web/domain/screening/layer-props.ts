/**
 * A stored layer's feature properties, read when asked for. The EBL1 block `{"meta":…,"props":[…]}` is scanned
 * once for where each feature's object starts and ends (bytes, no text made), and a feature's properties are parsed
 * when a check, a warning or a point report names it. Parsing all 300,000 of a farmland layer up front was most of
 * its time from a reload to ready to check; drawing and exports still take them all at once (`propsArray`).
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
import type { LayerFeatureProps, LayerMeta } from './layer.ts';
import { planReads, READ_FIXED_BYTES, readCost } from './read-plan.ts';

/** What the engine reads of a layer's properties: a plain array is one, and so is a StoredProps. */
export interface FeaturePropsList {
  readonly length: number;
  at(f: number): LayerFeatureProps | undefined;
}

/** Index after the string starting at `i` (an opening quote); -1 when it does not end. */
function skipString(b: Uint8Array, i: number): number {
  const e = stringEnd(b, i);
  return e < b.length ? e + 1 : -1;
}

/** Index after the value starting at `i`; -1 when it does not end. Tokens are not checked: JSON.parse does that. */
function skipValue(b: Uint8Array, i: number): number {
  const n = b.length;
  const c = b[i];
  if (c === QUOTE) return skipString(b, i);
  if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
    let depth = 0;
    for (let j = i; j < n; j++) {
      const d = b[j] as number;
      if (d === QUOTE) {
        j = skipString(b, j);
        if (j < 0) return -1;
        j--;
      } else if (d === OPEN_OBJECT || d === OPEN_ARRAY) depth++;
      else if (d === CLOSE_OBJECT || d === CLOSE_ARRAY) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  }
  let j = i;
  while (j < n) {
    const d = b[j] as number;
    if (d === COMMA || d === CLOSE_OBJECT || d === CLOSE_ARRAY || isSpace(d)) break;
    j++;
  }
  return j > i ? j : -1;
}

function skipSpace(b: Uint8Array, i: number): number {
  while (i < b.length && isSpace(b[i] as number)) i++;
  return i;
}

export interface ScannedLayerJson {
  meta: [number, number];
  /** the props array, brackets included */
  array: [number, number];
  /** 2 per feature: where its value starts and ends */
  bounds: Uint32Array;
}

/**
 * Where the metadata, the properties array and each feature's properties lie in the UTF-8 JSON of an EBL1 layer;
 * null when it is not an object with `meta` and a `props` array of `count` values, or does not end.
 */
export function scanLayerJson(b: Uint8Array, count: number): ScannedLayerJson | null {
  let i = skipSpace(b, 0);
  if (b[i] !== OPEN_OBJECT) return null;
  i = skipSpace(b, i + 1);
  let meta: [number, number] | null = null;
  let array: [number, number] | null = null;
  const bounds = new Uint32Array(2 * count);
  if (b[i] === CLOSE_OBJECT) return null;
  for (;;) {
    if (b[i] !== QUOTE) return null;
    const keyEnd = skipString(b, i);
    if (keyEnd < 0) return null;
    // the two keys that matter are short ASCII; any other is skipped with its value
    const key = keyEnd - i <= 8 ? String.fromCharCode(...b.subarray(i + 1, keyEnd - 1)) : '';
    i = skipSpace(b, keyEnd);
    if (b[i] !== COLON) return null;
    i = skipSpace(b, i + 1);
    const start = i;
    if (key === 'props' && b[i] === OPEN_ARRAY) {
      let k = 0;
      i = skipSpace(b, i + 1);
      if (b[i] !== CLOSE_ARRAY)
        for (;;) {
          const end = skipValue(b, i);
          if (end < 0 || k >= count) return null;
          bounds[2 * k] = i;
          bounds[2 * k + 1] = end;
          k++;
          i = skipSpace(b, end);
          if (b[i] === CLOSE_ARRAY) break;
          if (b[i] !== COMMA) return null;
          i = skipSpace(b, i + 1);
        }
      if (k !== count) return null;
      i++;
      array = [start, i];
    } else {
      i = skipValue(b, i);
      if (i < 0) return null;
      if (key === 'meta') meta = [start, i];
    }
    i = skipSpace(b, i);
    if (b[i] === CLOSE_OBJECT) break;
    if (b[i] !== COMMA) return null;
    i = skipSpace(b, i + 1);
  }
  if (skipSpace(b, i + 1) !== b.length || !meta || !array) return null;
  return { meta, array, bounds };
}

const LAYOUT_MAGIC = 0x31504c45; // "ELP1"
const LAYOUT_HEADER = 6;

/**
 * Where a stored layer's properties lie (scanLayerJson's answer), to keep with the stored layer: read back with
 * the same bytes, the scan is not needed (150–250 ms for 300,000 features). Null when the properties are not
 * read from bytes.
 */
export function encodePropsLayout(props: FeaturePropsList): ArrayBuffer | null {
  if (!(props instanceof StoredProps)) return null;
  const { meta, array, bounds } = props.layout;
  const out = new Uint32Array(LAYOUT_HEADER + bounds.length);
  out.set([LAYOUT_MAGIC, bounds.length / 2, meta[0], meta[1], array[0], array[1]]);
  out.set(bounds, LAYOUT_HEADER);
  return out.buffer;
}

/**
 * A kept layout read without the bytes it describes: its header, and each feature's value after the one before,
 * inside the props array of a JSON block of `metaBytes` bytes, with the metadata before it.
 */
function keptLayout(buf: ArrayBuffer, count: number, metaBytes: number): ScannedLayerJson | null {
  if (buf.byteLength !== 4 * (LAYOUT_HEADER + 2 * count)) return null;
  const u = new Uint32Array(buf);
  const [magic, n, m0, m1, a0, a1] = Array.from(u.subarray(0, LAYOUT_HEADER));
  if (magic !== LAYOUT_MAGIC || n !== count) return null;
  if (m0 === undefined || m1 === undefined || a0 === undefined || a1 === undefined) return null;
  if (!(m0 < m1 && m1 <= a0 && a0 < a1 && a1 <= metaBytes)) return null;
  const bounds = u.subarray(LAYOUT_HEADER);
  let prev = a0 + 1;
  for (let k = 0; k < count; k++) {
    const s = bounds[2 * k] as number;
    const e = bounds[2 * k + 1] as number;
    if (!(s >= prev && e > s && e < a1)) return null;
    prev = e;
  }
  return { meta: [m0, m1], array: [a0, a1], bounds };
}

/**
 * A kept layout when it fits these bytes: the features' values tile the props array with only commas and spaces
 * between them, and the metadata lies before it. What a value holds is JSON.parse's to check when it is read.
 */
function layoutFor(b: Uint8Array, count: number, buf: ArrayBuffer): ScannedLayerJson | null {
  const kept = keptLayout(buf, count, b.length);
  if (!kept) return null;
  const [m0, m1] = kept.meta;
  const [a0, a1] = kept.array;
  if (b[m0] !== OPEN_OBJECT || b[m1 - 1] !== CLOSE_OBJECT) return null;
  if (b[a0] !== OPEN_ARRAY || b[a1 - 1] !== CLOSE_ARRAY) return null;
  const bounds = kept.bounds;
  // from the opening bracket, each gap holds one separator (none before the first value) and spaces
  let prev = a0 + 1;
  for (let k = 0; k < count; k++) {
    let i = skipSpace(b, prev);
    if (k > 0) {
      if (b[i] !== COMMA) return null;
      i = skipSpace(b, i + 1);
    }
    if (i !== bounds[2 * k]) return null;
    prev = bounds[2 * k + 1] as number;
  }
  if (skipSpace(b, prev) !== a1 - 1) return null;
  return kept;
}

/**
 * How many of a JSON block's first bytes hold its metadata and the props array's opening bracket, by a kept layout
 * (encodePropsLayout) that fits a block of `metaBytes` bytes for `count` features; null when it does not.
 */
export function propsPrefixBytes(layout: ArrayBuffer, count: number, metaBytes: number): number | null {
  const kept = keptLayout(layout, count, metaBytes);
  return kept ? kept.array[0] + 1 : null;
}

const decoder = new TextDecoder();

/** Bytes [s, e) of a layer's JSON block. */
export type JsonBytes = (s: number, e: number) => Uint8Array;

/**
 * A layer's metadata and its features' properties from the JSON block of an EBL1 buffer, where they lie taken from
 * `layout` (encodePropsLayout) when it fits, else scanned; null as scanLayerJson.
 */
export function readLayerJson(
  bytes: Uint8Array,
  count: number,
  layout?: ArrayBuffer,
): { meta: LayerMeta; props: StoredProps } | null {
  const scanned = (layout && layoutFor(bytes, count, layout)) || scanLayerJson(bytes, count);
  if (!scanned) return null;
  const [s, e] = scanned.meta;
  return {
    meta: JSON.parse(decoder.decode(bytes.subarray(s, e))) as LayerMeta,
    props: new StoredProps((a, b) => bytes.subarray(a, b), scanned),
  };
}

/**
 * A layer's metadata and its features' properties when only the JSON block's first bytes are at hand (`prefix`: its
 * metadata and the props array's bracket, propsPrefixBytes) and `read` reads the rest as features are asked for, where
 * the kept `layout` says they lie; null when the layout does not fit the prefix.
 */
export function readLayerJsonLater(
  prefix: Uint8Array,
  count: number,
  metaBytes: number,
  layout: ArrayBuffer,
  read: JsonBytes,
  fixedBytes = READ_FIXED_BYTES,
): { meta: LayerMeta; props: StoredProps } | null {
  const kept = keptLayout(layout, count, metaBytes);
  if (!kept) return null;
  const [m0, m1] = kept.meta;
  const a0 = kept.array[0];
  if (prefix.length !== a0 + 1 || prefix[m0] !== OPEN_OBJECT || prefix[m1 - 1] !== CLOSE_OBJECT) return null;
  if (prefix[a0] !== OPEN_ARRAY) return null;
  return {
    meta: JSON.parse(decoder.decode(prefix.subarray(m0, m1))) as LayerMeta,
    props: new StoredProps(read, kept, true, fixedBytes),
  };
}

/** Feature properties parsed one feature at a time, when first asked for, and kept. */
export class StoredProps implements FeaturePropsList {
  readonly length: number;
  private readonly parsed: (LayerFeatureProps | undefined)[];
  private all: LayerFeatureProps[] | null = null;

  constructor(
    private bytes: JsonBytes,
    private readonly scanned: ScannedLayerJson,
    /** whether `bytes` reads from storage (readLayerJsonLater) until takeBlock */
    private reading = false,
    /** a read's own cost in bytes' worth (read-plan.ts) */
    private readonly fixedBytes = READ_FIXED_BYTES,
  ) {
    this.length = scanned.bounds.length / 2;
    this.parsed = new Array(this.length);
  }

  /** Properties still read from storage as they are asked for. */
  get readLater(): boolean {
    return this.reading;
  }

  /** The whole JSON block, read in: properties are read from it from now on. False when it is too short. */
  takeBlock(block: Uint8Array): boolean {
    if (block.length < this.scanned.array[1]) return false;
    this.bytes = (s, e) => block.subarray(s, e);
    this.reading = false;
    return true;
  }

  private start(f: number): number {
    return this.scanned.bounds[2 * f] as number;
  }

  private end(f: number): number {
    return this.scanned.bounds[2 * f + 1] as number;
  }

  /** Feature f's properties from `b`, its value's bytes; throws when they are not a JSON object. */
  private parse(f: number, b: Uint8Array): LayerFeatureProps {
    let p: unknown;
    try {
      p = JSON.parse(decoder.decode(b));
    } catch (err) {
      throw damaged(f, err instanceof Error ? err.message : String(err));
    }
    if (!isObject(p)) throw damaged(f, 'not an object');
    return p as LayerFeatureProps;
  }

  at(f: number): LayerFeatureProps | undefined {
    if (!(f >= 0 && f < this.length)) return undefined;
    if (this.all) return this.all[f];
    let p = this.parsed[f];
    if (p === undefined) {
      p = this.parse(f, this.bytes(this.start(f), this.end(f)));
      this.parsed[f] = p;
    }
    return p;
  }

  /**
   * Reads the properties of those of `features` not read yet, in the reads planReads finds cheapest (when the bytes
   * are read from storage). When those would cost half of reading the whole JSON block or more, the block is read
   * and kept instead: the check waits at most twice as long, and the background read (which takes the block in
   * anyway) has nothing left to read. One that cannot be read is left for `at` to say so.
   */
  bring(features: readonly number[]): void {
    if (this.all || !this.reading) return;
    const want = features.filter((f) => f >= 0 && f < this.length && this.parsed[f] === undefined);
    if (want.length < 2) return;
    want.sort((a, b) => a - b);
    const pieces = planReads(
      want.length,
      (k) => this.start(want[k] as number),
      (k) => this.end(want[k] as number),
      this.fixedBytes,
    );
    const blockEnd = this.scanned.array[1];
    if (2 * readCost(pieces, this.fixedBytes) >= blockEnd + this.fixedBytes) {
      if (this.takeBlock(this.bytes(0, blockEnd))) return;
    }
    for (const p of pieces) {
      const piece = this.bytes(p.from, p.to);
      for (let k = p.first; k < p.end; k++) {
        const f = want[k] as number;
        try {
          this.parsed[f] = this.parse(f, piece.subarray(this.start(f) - p.from, this.end(f) - p.from));
        } catch {
          // at(f) reads it again and throws
        }
      }
    }
  }

  /** where each feature's properties lie in the bytes (encodePropsLayout) */
  get layout(): ScannedLayerJson {
    return this.scanned;
  }

  /** Every feature's properties in one parse (drawing, exports, re-encoding). */
  toArray(): LayerFeatureProps[] {
    if (!this.all) {
      const [s, e] = this.scanned.array;
      this.all = JSON.parse(decoder.decode(this.bytes(s, e))) as LayerFeatureProps[];
    }
    return this.all;
  }
}

/**
 * A layer's metadata and every feature's properties from its whole JSON block in one parse, for a reader that takes
 * them all (the tiles worker): nothing is scanned for where each feature lies. Throws as a damaged layer when the
 * block is not `{"meta": {…}, "props": […]}` with an object for each of `count` features.
 */
export function parseLayerJson(
  bytes: Uint8Array,
  count: number,
): { meta: LayerMeta; props: LayerFeatureProps[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(bytes));
  } catch (err) {
    throw damagedBlock(err instanceof Error ? err.message : String(err));
  }
  const { meta, props } = (parsed ?? {}) as { meta?: unknown; props?: unknown };
  if (!isObject(meta)) throw damagedBlock('no metadata');
  if (!Array.isArray(props) || props.length !== count)
    throw damagedBlock(`${Array.isArray(props) ? props.length : 'no'} properties for ${count} features`);
  for (let f = 0; f < count; f++) if (!isObject(props[f])) throw damaged(f, 'not an object');
  return { meta: meta as unknown as LayerMeta, props: props as LayerFeatureProps[] };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const damagedBlock = (why: string) =>
  new Error(`图层已损坏：属性无法读取 / damaged layer: its properties cannot be read (${why})`);

const damaged = (f: number, why: string) =>
  new Error(
    `图层已损坏：第 ${f + 1} 个要素的属性无法读取 / damaged layer: the properties of feature ${f + 1} cannot be read (${why})`,
  );

/** All of a layer's feature properties as an array: the array itself, or parsed at once from a stored layer. */
export function propsArray(props: FeaturePropsList): LayerFeatureProps[] {
  if (Array.isArray(props)) return props as LayerFeatureProps[];
  if (props instanceof StoredProps) return props.toArray();
  return Array.from({ length: props.length }, (_, f) => props.at(f) as LayerFeatureProps);
}
