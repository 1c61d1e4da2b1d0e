/**
 * Sharing a tour by link (`?tour=u:<payload>`): the tour file's JSON, deflated (raw DEFLATE) and written in
 * base64url. A link carries the tour only when the payload is at most SHARE_MAX_PAYLOAD characters (links longer
 * than about 4 KB are cut by chat tools and mail clients); a larger tour is shared as a file. Reading a link is
 * bounded: a payload longer than the limit is not decoded, and inflating stops at SHARE_MAX_INFLATED bytes, so a
 * crafted link (a "zip bomb") costs no more than a tour at the limit. The codec is passed in: the app's uses the
 * platform's CompressionStream (web/src/tour/share-codec.ts).
 */

/** Prefix of a shared tour in `tour=`. */
export const SHARE_PREFIX = 'u:';
/** Longest payload a link carries (base64url characters after `u:`). */
export const SHARE_MAX_PAYLOAD = 4000;
/** Most bytes a link's payload may inflate to (a tour whose link fits compresses far less than 50:1). */
export const SHARE_MAX_INFLATED = 200_000;

export interface ShareCodec {
  deflate(bytes: Uint8Array): Promise<Uint8Array>;
  /** The inflated bytes, or null when they would be more than `maxBytes`; throws on corrupt data. */
  inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array | null>;
}

const PAYLOAD = /^[A-Za-z0-9_-]+$/;

/** `u:<payload>` as a link may carry it (checked before anything is decoded). */
export const isShareRef = (value: string): boolean =>
  value.startsWith(SHARE_PREFIX) &&
  value.length - SHARE_PREFIX.length <= SHARE_MAX_PAYLOAD &&
  PAYLOAD.test(value.slice(SHARE_PREFIX.length));

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** null when the text is not base64url (or has an impossible length). */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of text) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

export type ShareEncoded = { ok: true; ref: string } | { ok: false; payloadChars: number };

/** The link part of a tour (`u:<payload>`), or how long its payload would be when a link cannot carry it. */
export async function encodeShare(tour: unknown, codec: ShareCodec): Promise<ShareEncoded> {
  const packed = toBase64Url(await codec.deflate(new TextEncoder().encode(JSON.stringify(tour))));
  return packed.length <= SHARE_MAX_PAYLOAD
    ? { ok: true, ref: `${SHARE_PREFIX}${packed}` }
    : { ok: false, payloadChars: packed.length };
}

export type ShareDecoded =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'malformed' | 'too-large' | 'corrupt' | 'not-json' };

/** The tour value a link carries (to be checked by parseTour like any file), or why it cannot be read. */
export async function decodeShare(ref: string, codec: ShareCodec): Promise<ShareDecoded> {
  if (!ref.startsWith(SHARE_PREFIX)) return { ok: false, reason: 'malformed' };
  const payload = ref.slice(SHARE_PREFIX.length);
  if (payload.length > SHARE_MAX_PAYLOAD) return { ok: false, reason: 'too-large' };
  const bytes = fromBase64Url(payload);
  if (!bytes) return { ok: false, reason: 'malformed' };
  let raw: Uint8Array | null;
  try {
    raw = await codec.inflate(bytes, SHARE_MAX_INFLATED);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (!raw) return { ok: false, reason: 'too-large' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: 'not-json' };
  }
}
