/**
 * One half of a large FeatureCollection (geojson-split.ts) read straight from its UTF-8 bytes into flat arrays:
 * positions into one Float64Array, without the millions of small arrays `JSON.parse` would make. Only the plain
 * shape is read: Feature objects of "type", "properties" (object or null), "geometry" (Polygon or MultiPolygon of
 * [lon, lat] pairs), "id" (string or number) and "bbox". Anything else — another member, another geometry, a
 * third ordinate, a key or type written with escapes, a duplicate member, nesting past the limit, text that is
 * not JSON — gives undefined, and the half is read by `JSON.parse` as before. The properties of all features are
 * parsed at once by `JSON.parse` (strict UTF-8 first). Every number is the double `JSON.parse` gives (tested).
 */

import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  MINUS,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from '../json-bytes.ts';
import { MAX_NESTING } from './nesting.ts';
import { strictUtf8 } from './text-decode.ts';

export interface FlatFeatures {
  count: number;
  /** positions as written (closing positions and repeats included), x then y */
  coords: Float64Array;
  /** ringCount + 1 position offsets */
  ringStarts: Uint32Array;
  /** polygonCount + 1 ring offsets */
  polygonRingStarts: Uint32Array;
  /** count + 1 polygon offsets */
  featurePolygonStarts: Uint32Array;
  /** each feature's properties as JSON.parse reads them ({} for null) */
  properties: Record<string, unknown>[];
  /** each feature's id as collectFeatures keeps it: a string or finite number, else undefined */
  ids: (string | number | undefined)[];
}

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const KEY_TYPE = ascii('type');
const KEY_PROPERTIES = ascii('properties');
const KEY_GEOMETRY = ascii('geometry');
const KEY_ID = ascii('id');
const KEY_BBOX = ascii('bbox');
const KEY_COORDINATES = ascii('coordinates');
const VALUE_FEATURE = ascii('Feature');
const VALUE_POLYGON = ascii('Polygon');
const VALUE_MULTIPOLYGON = ascii('MultiPolygon');
const NULL = ascii('null');
const KEYS = [KEY_TYPE, KEY_PROPERTIES, KEY_GEOMETRY, KEY_ID, KEY_BBOX, KEY_COORDINATES];

/** Not the plain shape: the half is read the ordinary way. */
class NotPlain extends Error {}
const notPlain = new NotPlain();

class Reader {
  i = 0;
  coords: Float64Array;
  nc = 0;
  ringStarts: Uint32Array;
  rings = 0;
  polygonRingStarts: Uint32Array;
  polygons = 0;
  featurePolygonStarts: Uint32Array;
  features = 0;
  /** each feature's properties bytes: start, end (end = start for null) */
  propSpans: Uint32Array;
  ids: (string | number | undefined)[] = [];
  stack = new Uint8Array(MAX_NESTING + 1);
  /** bytes before i less UTF-16 units before i (multi-byte characters occur in strings only) */
  adj = 0;
  /** the bytes decoded, once a number needs its text */
  text: string | undefined;

  constructor(readonly b: Uint8Array) {
    this.coords = new Float64Array(Math.max(1024, b.length >> 3));
    this.ringStarts = new Uint32Array(Math.max(256, b.length >> 7));
    this.polygonRingStarts = new Uint32Array(Math.max(256, b.length >> 8));
    this.featurePolygonStarts = new Uint32Array(Math.max(256, b.length >> 8));
    this.propSpans = new Uint32Array(Math.max(512, b.length >> 7));
  }

  /** A byte of a multi-byte UTF-8 character: a UTF-16 unit for 2–3 bytes, two for 4. */
  multiByte(d: number): void {
    if ((d & 0xc0) === 0x80) this.adj++;
    else if (d >= 0xf0) this.adj--;
  }

  ws(): number {
    const b = this.b;
    let i = this.i;
    let c = b[i];
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = b[++i];
    this.i = i;
    return c ?? -1;
  }

  expect(c: number): void {
    if (this.ws() !== c) throw notPlain;
    this.i++;
  }

  /** The bytes at i are `word` (after white space); consumed. */
  word(word: Uint8Array): boolean {
    this.ws();
    const b = this.b;
    const i = this.i;
    for (let k = 0; k < word.length; k++) if (b[i + k] !== word[k]) return false;
    this.i = i + word.length;
    return true;
  }

  /** A string without escapes that is exactly `word`. */
  isString(word: Uint8Array): boolean {
    if (this.ws() !== QUOTE) return false;
    const b = this.b;
    const i = this.i + 1;
    for (let k = 0; k < word.length; k++) if (b[i + k] !== word[k]) return false;
    if (b[i + word.length] !== QUOTE) return false;
    this.i = i + word.length + 1;
    return true;
  }

  /** A member's key, as one of the known ones (undefined for any other), and the colon after it. */
  key(): Uint8Array | undefined {
    if (this.ws() !== QUOTE) throw notPlain;
    const b = this.b;
    const s = this.i + 1;
    let e = s;
    while (b[e] !== QUOTE && b[e] !== BACKSLASH && e < b.length) e++;
    if (b[e] !== QUOTE) throw notPlain;
    this.i = e + 1;
    this.expect(COLON);
    const n = e - s;
    for (const k of KEYS) {
      if (k.length !== n) continue;
      let same = true;
      for (let j = 0; j < n; j++) if (b[s + j] !== k[j]) same = false;
      if (same) return k;
    }
    return undefined;
  }

  /** After a member: `,` (true, another follows) or the object's `}` (false). */
  more(close: number): boolean {
    const c = this.ws();
    this.i++;
    if (c === COMMA) return true;
    if (c === close) return false;
    throw notPlain;
  }

  /**
   * A JSON number at i, as JSON.parse reads it. Up to 15 significant digits and a power of ten within 10^±22:
   * one division or multiplication of two exact doubles, correctly rounded as JSON.parse is; else Number() of the
   * text, which reads the same grammar with the same rounding.
   */
  number(): number {
    this.ws();
    const b = this.b;
    const start = this.i;
    let i = start;
    let c = b[i] as number;
    const neg = c === MINUS;
    if (neg) c = b[++i] as number;
    let m = 0;
    let digits = 0;
    let scale = 0;
    if (c === 0x30) {
      c = b[++i] as number;
      if (c >= 0x30 && c <= 0x39) throw notPlain;
    } else if (c >= 0x31 && c <= 0x39) {
      do {
        m = m * 10 + (c - 0x30);
        digits++;
        c = b[++i] as number;
      } while (c >= 0x30 && c <= 0x39);
    } else throw notPlain;
    if (c === 0x2e) {
      c = b[++i] as number;
      if (!(c >= 0x30 && c <= 0x39)) throw notPlain;
      do {
        if (m !== 0 || c !== 0x30) digits++;
        m = m * 10 + (c - 0x30);
        scale--;
        c = b[++i] as number;
      } while (c >= 0x30 && c <= 0x39);
    }
    if (c === 0x65 || c === 0x45) {
      c = b[++i] as number;
      let sign = 1;
      if (c === 0x2b || c === MINUS) {
        if (c === MINUS) sign = -1;
        c = b[++i] as number;
      }
      if (!(c >= 0x30 && c <= 0x39)) throw notPlain;
      let e = 0;
      do {
        if (e < 100000) e = e * 10 + (c - 0x30);
        c = b[++i] as number;
      } while (c >= 0x30 && c <= 0x39);
      scale += sign * e;
    }
    this.i = i;
    if (digits <= 15 && scale >= -22 && scale <= 22) {
      const v = scale < 0 ? m / (POW10[-scale] as number) : m * (POW10[scale] as number);
      return neg ? -v : v;
    }
    this.text ??= new TextDecoder().decode(b);
    return Number(this.text.slice(start - this.adj, i - this.adj));
  }

  /** A finite number as a coordinate. */
  coordinate(): number {
    const v = this.number();
    if (!Number.isFinite(v)) throw notPlain;
    return v;
  }

  push(x: number, y: number): void {
    if (this.nc + 2 > this.coords.length) {
      const grown = new Float64Array(this.coords.length * 2);
      grown.set(this.coords);
      this.coords = grown;
    }
    this.coords[this.nc++] = x;
    this.coords[this.nc++] = y;
  }

  /** A ring: [[x, y], …], at least one position. */
  ring(): void {
    this.expect(OPEN_ARRAY);
    do {
      this.expect(OPEN_ARRAY);
      const x = this.coordinate();
      this.expect(COMMA);
      const y = this.coordinate();
      this.expect(CLOSE_ARRAY);
      this.push(x, y);
    } while (this.more(CLOSE_ARRAY));
    this.ringStarts = grow(this.ringStarts, this.rings + 2);
    this.ringStarts[++this.rings] = this.nc >> 1;
  }

  /** A polygon: [ring, …], at least one ring. */
  polygon(): void {
    this.expect(OPEN_ARRAY);
    do this.ring();
    while (this.more(CLOSE_ARRAY));
    this.polygonRingStarts = grow(this.polygonRingStarts, this.polygons + 2);
    this.polygonRingStarts[++this.polygons] = this.rings;
  }

  /** Coordinates nested 3 (Polygon) or 4 (MultiPolygon) deep; the depth read. */
  coordinates(): number {
    this.ws();
    const b = this.b;
    let j = this.i;
    let depth = 0;
    for (;;) {
      const c = b[j];
      if (c === OPEN_ARRAY) depth++;
      else if (!(c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)) break;
      j++;
    }
    if (depth === 3) this.polygon();
    else if (depth === 4) {
      this.expect(OPEN_ARRAY);
      do this.polygon();
      while (this.more(CLOSE_ARRAY));
    } else throw notPlain;
    return depth;
  }

  /** A geometry object: "type" Polygon or MultiPolygon, "coordinates" of that depth, maybe "bbox". */
  geometry(): void {
    this.expect(OPEN_OBJECT);
    let type = 0;
    let depth = 0;
    let bbox = false;
    do {
      const k = this.key();
      if (k === KEY_TYPE && type === 0) {
        if (this.isString(VALUE_POLYGON)) type = 3;
        else if (this.isString(VALUE_MULTIPOLYGON)) type = 4;
        else throw notPlain;
      } else if (k === KEY_COORDINATES && depth === 0) depth = this.coordinates();
      else if (k === KEY_BBOX && !bbox) {
        this.bbox();
        bbox = true;
      } else throw notPlain;
    } while (this.more(CLOSE_OBJECT));
    if (type === 0 || type !== depth) throw notPlain;
  }

  /** "bbox": an array of numbers, read and dropped as the ordinary path drops it. */
  bbox(): void {
    this.expect(OPEN_ARRAY);
    if (this.ws() === CLOSE_ARRAY) {
      this.i++;
      return;
    }
    do this.number();
    while (this.more(CLOSE_ARRAY));
  }

  /** The closing quote of the string whose opening quote is at `s` (past the end: none), escapes skipped. */
  stringEnd(s: number): number {
    const b = this.b;
    let e = s + 1;
    for (const n = b.length; e < n; e++) {
      const d = b[e] as number;
      if (d === BACKSLASH) e++;
      else if (d === QUOTE) break;
      else if (d >= 0x80) this.multiByte(d);
    }
    return e;
  }

  /** An object or array skipped with its strings, brackets matched; its nesting below `depth` checked. */
  skipValue(depth: number): void {
    const b = this.b;
    const stack = this.stack;
    let i = this.i;
    let top = 0;
    for (const n = b.length; i < n; i++) {
      const c = b[i] as number;
      if (c === QUOTE) {
        i = this.stringEnd(i);
      } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
        if (depth + top + 1 > MAX_NESTING) throw notPlain;
        stack[top++] = c;
      } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
        if (top === 0 || stack[--top] !== c - 2) throw notPlain;
        if (top === 0) {
          this.i = i + 1;
          return;
        }
      }
    }
    throw notPlain;
  }

  /** "id": a string or a number (kept as collectFeatures keeps it), or null. */
  id(): string | number | undefined {
    const c = this.ws();
    if (c === QUOTE) {
      const s = this.i;
      const e = this.stringEnd(s);
      if (e >= this.b.length) throw notPlain;
      this.i = e + 1;
      return parsed(this.b.subarray(s, e + 1)) as string;
    }
    if (this.word(NULL)) return undefined;
    const v = this.number();
    return Number.isFinite(v) ? v : undefined;
  }

  /** A Feature object; the depth of its `{` is 3 (the top object, the features array). */
  feature(): void {
    this.expect(OPEN_OBJECT);
    let type = false;
    let geometry = false;
    let properties = false;
    let hasId = false;
    let bbox = false;
    let id: string | number | undefined;
    const f = this.features;
    this.propSpans = grow(this.propSpans, 2 * f + 2);
    do {
      const k = this.key();
      if (k === KEY_TYPE && !type) {
        if (!this.isString(VALUE_FEATURE)) throw notPlain;
        type = true;
      } else if (k === KEY_GEOMETRY && !geometry) {
        this.geometry();
        geometry = true;
      } else if (k === KEY_PROPERTIES && !properties) {
        const c = this.ws();
        const s = this.i;
        if (c === OPEN_OBJECT) this.skipValue(3);
        else if (!this.word(NULL)) throw notPlain;
        this.propSpans[2 * f] = s;
        this.propSpans[2 * f + 1] = c === OPEN_OBJECT ? this.i : s;
        properties = true;
      } else if (k === KEY_ID && !hasId) {
        id = this.id();
        hasId = true;
      } else if (k === KEY_BBOX && !bbox) {
        this.bbox();
        bbox = true;
      } else throw notPlain;
    } while (this.more(CLOSE_OBJECT));
    if (!type || !geometry) throw notPlain;
    if (!properties) {
      this.propSpans[2 * f] = 0;
      this.propSpans[2 * f + 1] = 0;
    }
    this.ids.push(id);
    this.featurePolygonStarts = grow(this.featurePolygonStarts, f + 2);
    this.featurePolygonStarts[++this.features] = this.polygons;
  }

  /** Every feature's properties parsed at once: `[p0,p1,…]` with `{}` for null or absent. */
  properties(): Record<string, unknown>[] {
    const b = this.b;
    let total = 2;
    for (let f = 0; f < this.features; f++)
      total += Math.max(2, (this.propSpans[2 * f + 1] as number) - (this.propSpans[2 * f] as number)) + 1;
    const out = new Uint8Array(total);
    let o = 0;
    out[o++] = OPEN_ARRAY;
    for (let f = 0; f < this.features; f++) {
      if (f > 0) out[o++] = COMMA;
      const s = this.propSpans[2 * f] as number;
      const e = this.propSpans[2 * f + 1] as number;
      if (e === s) {
        out[o++] = OPEN_OBJECT;
        out[o++] = CLOSE_OBJECT;
      } else {
        out.set(b.subarray(s, e), o);
        o += e - s;
      }
    }
    out[o++] = CLOSE_ARRAY;
    return parsed(out.subarray(0, o)) as Record<string, unknown>[];
  }

  read(): FlatFeatures {
    do this.feature();
    while (this.ws() === COMMA && ++this.i);
    if (this.i !== this.b.length) throw notPlain;
    return {
      count: this.features,
      coords: this.coords.subarray(0, this.nc),
      ringStarts: this.ringStarts.subarray(0, this.rings + 1),
      polygonRingStarts: this.polygonRingStarts.subarray(0, this.polygons + 1),
      featurePolygonStarts: this.featurePolygonStarts.subarray(0, this.features + 1),
      properties: this.properties(),
      ids: this.ids,
    };
  }
}

/** JSON text in strict UTF-8, parsed; not plain when it is neither. */
function parsed(bytes: Uint8Array): unknown {
  const text = strictUtf8(bytes);
  if (text === undefined) throw notPlain;
  try {
    return JSON.parse(text);
  } catch {
    throw notPlain;
  }
}

function grow(a: Uint32Array, need: number): Uint32Array {
  if (need <= a.length) return a;
  const g = new Uint32Array(Math.max(need, 2 * a.length));
  g.set(a);
  return g;
}

/**
 * The features between a half's bounds (`{…},{…},…`, white space allowed around them) read flat, or undefined
 * when they are not all of the plain shape (the half is then read by JSON.parse).
 */
export function readFlatFeatures(bytes: Uint8Array): FlatFeatures | undefined {
  try {
    return new Reader(bytes).read();
  } catch (e) {
    if (e === notPlain) return undefined;
    throw e;
  }
}

/** A JSON number's text read as readFlatFeatures reads coordinates (tests compare it with JSON.parse). */
export function readJsonNumber(text: string): number | undefined {
  const r = new Reader(new TextEncoder().encode(text));
  try {
    const v = r.number();
    return r.i === r.b.length ? v : undefined;
  } catch (e) {
    if (e === notPlain) return undefined;
    throw e;
  }
}
