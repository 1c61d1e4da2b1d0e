import { describe, expect, it } from 'vitest';

import {
  decodeShare,
  encodeShare,
  fromBase64Url,
  isShareRef,
  SHARE_MAX_INFLATED,
  SHARE_MAX_PAYLOAD,
  SHARE_PREFIX,
  toBase64Url,
} from '../../../web/domain/tour/share.ts';
import { parseTour } from '../../../web/domain/tour/validate.ts';
import { parseUrlState } from '../../../web/domain/ui/url-state.ts';
import { platformCodec } from '../../../web/src/tour/share-codec.ts';
import { CTX, minimalTour, seedTour } from './helpers.ts';

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) % 256);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });
  it('refuses other characters and impossible lengths', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });
});

describe('share links', () => {
  it('a small tour round-trips through a link and still passes parseTour', async () => {
    const tour = minimalTour();
    const encoded = await encodeShare(tour, platformCodec);
    if (!encoded.ok) throw new Error('too large');
    expect(isShareRef(encoded.ref)).toBe(true);
    const params = new URLSearchParams({ tour: encoded.ref });
    expect(parseUrlState(new URLSearchParams(params.toString())).tour).toBe(encoded.ref);
    const decoded = await decodeShare(encoded.ref, platformCodec);
    expect(decoded).toEqual({ ok: true, value: tour });
    if (decoded.ok) expect(parseTour(decoded.value, CTX).issues).toEqual([]);
  });
  it('a tour whose payload passes the limit is not put in a link, with its length said', async () => {
    const big = seedTour();
    const encoded = await encodeShare(big, platformCodec);
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) expect(encoded.payloadChars).toBeGreaterThan(SHARE_MAX_PAYLOAD);
  });
  it('a link longer than the limit is not decoded and not accepted in a URL', async () => {
    const ref = `${SHARE_PREFIX}${'A'.repeat(SHARE_MAX_PAYLOAD + 4)}`;
    expect(isShareRef(ref)).toBe(false);
    expect(parseUrlState(new URLSearchParams({ tour: ref })).tour).toBeUndefined();
    expect(await decodeShare(ref, platformCodec)).toEqual({ ok: false, reason: 'too-large' });
  });
  it('a zip bomb stops at the inflate bound', async () => {
    const zeros = new Uint8Array(SHARE_MAX_INFLATED * 5);
    const bomb = toBase64Url(await platformCodec.deflate(zeros));
    expect(bomb.length).toBeLessThanOrEqual(SHARE_MAX_PAYLOAD);
    expect(await decodeShare(`${SHARE_PREFIX}${bomb}`, platformCodec)).toEqual({
      ok: false,
      reason: 'too-large',
    });
  });
  it('damaged, cut or non-JSON payloads say so', async () => {
    const encoded = await encodeShare(minimalTour(), platformCodec);
    if (!encoded.ok) throw new Error('too large');
    const cut = encoded.ref.slice(0, Math.floor(encoded.ref.length / 2));
    const r = await decodeShare(cut, platformCodec);
    expect(r.ok).toBe(false);
    expect(await decodeShare('u:a', platformCodec)).toEqual({ ok: false, reason: 'malformed' });
    expect(await decodeShare('x:abcd', platformCodec)).toEqual({ ok: false, reason: 'malformed' });
    const text = toBase64Url(await platformCodec.deflate(new TextEncoder().encode('not json {')));
    expect(await decodeShare(`u:${text}`, platformCodec)).toEqual({ ok: false, reason: 'not-json' });
  });
});
