/** Text decoding for files from Chinese offices: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030. */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** Normalise a .cpg / declared code page name to a TextDecoder label, or undefined if unknown. */
export function encodingFromCpg(cpg: string): string | undefined {
  const s = cpg
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (!s) return undefined;
  if (/^(utf-?8|65001)$/.test(s)) return 'utf-8';
  if (/^(gbk|gb2312|gb18030|cp936|936|ms936|ansi 936|euc-cn|54936)$/.test(s)) return 'gb18030';
  if (/^(big5|950|cp950)$/.test(s)) return 'big5';
  if (/^(iso-?8859-?1|latin1|1252|cp1252|ansi 1252|windows-1252)$/.test(s)) return 'windows-1252';
  try {
    return new TextDecoder(s).encoding;
  } catch {
    return undefined;
  }
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  return strictUtf8(bytes) !== undefined;
}

/** The text when the bytes are valid UTF-8, else undefined (one decode, not a check and then a decode). */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decode bytes: BOM first, then strict UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  if (declared) {
    const label = encodingFromCpg(declared);
    if (label === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
    if (label === 'gb18030') return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}
