import { describe, expect, it } from 'vitest';
import type { StatusCode } from '../../../web/domain/plan/status.ts';
import { statusLabel, targetLabel } from '../../../web/src/strings/plan-labels.ts';

describe('indicator words in the zone panel', () => {
  it('names every status in both languages, each differently', () => {
    const codes: StatusCode[] = ['achieved', 'on-track', 'at-risk', 'off-track', 'no-data'];
    for (const lang of ['zh', 'en'] as const) {
      const words = codes.map((c) => statusLabel(c, lang));
      expect(new Set(words).size).toBe(codes.length);
      for (const w of words) expect(w.length).toBeGreaterThan(0);
    }
    expect(statusLabel('at-risk', 'zh')).toBe('存在风险');
  });

  it('writes each comparator with the value and unit in its place', () => {
    const at = (comparator: string, value: number, unit: string, lang: 'zh' | 'en', max?: number) =>
      targetLabel({ comparator, value, ...(max === undefined ? {} : { max }) } as never, unit, lang);
    expect(at('>=', 45, '%', 'zh')).toBe('≥ 45%');
    expect(at('<=', 3, '亿吨', 'en')).toBe('≤ 3 亿吨');
    expect(at('>', 1, 'km', 'en')).toBe('> 1 km');
    expect(at('<', 1, 'km', 'zh')).toBe('< 1 km');
    expect(at('=', 100, '%', 'zh')).toBe('达到 100%');
    expect(at('=', 100, '%', 'en')).toBe('reach 100%');
    expect(at('stable>=', 23.5, '%', 'zh')).toBe('稳定在 23.5% 以上');
    expect(at('stable<=', 5, 'mg/L', 'en')).toBe('stable at or below 5 mg/L');
    expect(at('between', 10, '%', 'en', 12)).toBe('10–12');
    // a unit with $ patterns is inserted as written
    expect(at('=', 1, '$&', 'en')).toBe('reach 1 $&');
  });
});
