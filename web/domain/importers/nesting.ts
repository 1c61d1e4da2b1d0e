/**
 * Nesting guards, run on the text before any recursive reader sees it: a 20,000-level GeometryCollection or
 * array would otherwise overflow the stack in the readers, in JSON.stringify or in the browser's structured clone.
 * Legitimate GeoJSON needs about ten levels (FeatureCollection → MultiPolygon position) plus its properties.
 */
import { lineCol } from './json-locate.ts';
import { ImportAbort, loc, makeMessage } from './messages.ts';

export const MAX_NESTING = 100;

/** Offset of the bracket that opens level `max + 1` in JSON text (strings skipped), or undefined. */
export function jsonNestingExcess(text: string, max = MAX_NESTING): number | undefined {
  let depth = 0;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string, honouring backslash escapes.
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) {
      depth--;
    }
  }
  return undefined;
}

/**
 * Whether UTF-8 bytes of JSON text nest deeper than `max`: the scan of jsonNestingExcess on bytes, which read
 * faster than the decoded string's characters. Brackets, quotes and backslashes are ASCII, and no byte of a
 * multi-byte UTF-8 sequence is, so the two scans meet the same brackets. `startDepth`: the depth at the first byte
 * (outside any string) when a part of a text is scanned.
 */
export function utf8JsonNestingExceeds(bytes: Uint8Array, max = MAX_NESTING, startDepth = 0): boolean {
  let depth = startDepth;
  for (let i = 0, n = bytes.length; i < n; i++) {
    const c = bytes[i] as number;
    if (c === 34) {
      for (i++; i < n; i++) {
        const d = bytes[i] as number;
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) {
      depth--;
    }
  }
  return false;
}

/** Offset of the start tag that opens element level `max + 1` in XML text, or undefined. */
export function xmlNestingExcess(text: string, max = MAX_NESTING): number | undefined {
  let depth = 0;
  let i = text.indexOf('<');
  while (i >= 0) {
    const next = text.charCodeAt(i + 1);
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return undefined;
      i = text.indexOf('<', end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) return undefined;
      i = text.indexOf('<', end + 3);
      continue;
    }
    const end = text.indexOf('>', i + 1);
    if (end < 0) return undefined;
    if (next === 47 /* / */) depth--;
    else if (next !== 33 /* ! */ && next !== 63 /* ? */ && text.charCodeAt(end - 1) !== 47) {
      if (++depth > max) return i;
    }
    i = text.indexOf('<', end + 1);
  }
  return undefined;
}

/**
 * Throws the `nesting-too-deep` message, located by line and column, when JSON text nests too deeply. With the
 * UTF-8 bytes the text was decoded from, those are scanned, and the text only to place a finding.
 */
export function guardJsonNesting(text: string, file: string, utf8?: Uint8Array): void {
  if (utf8 && !utf8JsonNestingExceeds(utf8)) return;
  const at = jsonNestingExcess(text);
  if (at === undefined) return;
  const { line, column } = lineCol(text, at);
  throw new ImportAbort(
    makeMessage(file, 'nesting-too-deep', loc.position(line, column), {
      limit: MAX_NESTING,
      what: 'brackets',
    }),
  );
}

/** The same for XML elements (KML, GPX). */
export function guardXmlNesting(text: string, file: string): void {
  const at = xmlNestingExcess(text);
  if (at === undefined) return;
  const { line, column } = lineCol(text, at);
  throw new ImportAbort(
    makeMessage(file, 'nesting-too-deep', loc.position(line, column), {
      limit: MAX_NESTING,
      what: 'elements',
    }),
  );
}
