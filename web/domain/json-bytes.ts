/**
 * The bytes of JSON's punctuation, for the readers that scan UTF-8 JSON without making text of it
 * (importers/geojson-flat.ts, importers/geojson-split.ts, screening/layer-props.ts). In UTF-8 no byte of a
 * multi-byte character is below 0x80, so none of these is ever part of one.
 */
export const QUOTE = 0x22;
export const COMMA = 0x2c;
export const MINUS = 0x2d;
export const COLON = 0x3a;
export const OPEN_ARRAY = 0x5b;
export const BACKSLASH = 0x5c;
export const CLOSE_ARRAY = 0x5d;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;

/** JSON's whitespace: space, line feed, carriage return, tab. */
export const isSpace = (c: number | undefined): boolean =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The closing quote of the string whose opening quote is at `s`, escapes skipped; `limit` (or past it) if none. */
export function stringEnd(b: Uint8Array, s: number, limit = b.length): number {
  let e = s + 1;
  for (; e < limit; e++) {
    const d = b[e] as number;
    if (d === BACKSLASH) e++;
    else if (d === QUOTE) break;
  }
  return e;
}
