import { describe, expect, it } from 'vitest';
import { parseUrlState, writeUrlState } from '../../../web/domain/ui/url-state.ts';

const read = (q: string) => parseUrlState(new URLSearchParams(q));
const write = (q: string, state: Parameters<typeof writeUrlState>[1]) => {
  const p = new URLSearchParams(q);
  writeUrlState(p, state);
  return p.toString();
};

describe('URL state', () => {
  it('reads a zone id and the language', () => {
    expect(read('?zone=league-ordos&lang=en')).toEqual({ zone: 'league-ordos', lang: 'en' });
    expect(read('lang=zh')).toEqual({ zone: null, lang: 'zh' });
    expect(read('')).toEqual({ zone: null, lang: null });
  });

  it('ignores values the app never writes', () => {
    for (const zone of [
      '<img src=x onerror=alert(1)>',
      'League-Ordos',
      '鄂尔多斯',
      'a'.repeat(81),
      '',
      '../../etc/passwd',
      'zone id',
      'x\ny',
    ]) {
      expect(read(`zone=${encodeURIComponent(zone)}`).zone, zone).toBeNull();
    }
    for (const lang of ['EN', 'fr', 'en-US', '', 'zh ']) {
      expect(read(`lang=${encodeURIComponent(lang)}`).lang, lang).toBeNull();
    }
    expect(read(`zone=${'a'.repeat(80)}`).zone).toHaveLength(80);
  });

  it('takes the first of repeated parameters', () => {
    expect(read('zone=league-alxa&zone=league-ordos').zone).toBe('league-alxa');
    expect(read('zone=%3Cb%3E&zone=league-ordos').zone).toBeNull();
  });

  it('writes zone and English, leaves Chinese implicit and keeps other parameters in place', () => {
    expect(write('', { zone: 'league-ordos', lang: 'zh' })).toBe('zone=league-ordos');
    expect(write('zone=league-alxa&lang=en', { zone: null, lang: 'zh' })).toBe('');
    expect(write('debug=1&zone=league-alxa', { zone: 'lake-hulun', lang: 'en' })).toBe(
      'debug=1&zone=lake-hulun&lang=en',
    );
  });

  it('round-trips every state it writes', () => {
    for (const zone of [null, 'league-ordos', 'wind-base-ordos', '0-9']) {
      for (const lang of ['zh', 'en'] as const) {
        const q = write('other=%E4%B8%AD', { zone, lang });
        const back = read(q);
        expect(back.zone).toBe(zone);
        expect(back.lang ?? 'zh').toBe(lang);
        expect(new URLSearchParams(q).get('other')).toBe('中');
      }
    }
  });
});
