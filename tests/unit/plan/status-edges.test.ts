import { describe, expect, it } from 'vitest';
import {
  computeStatus,
  type Observation,
  type StatusReason,
  type Target,
} from '../../../web/domain/plan/index.ts';
import { reasonLabel } from '../../../web/src/strings/indicator-labels.ts';
import { PLAN } from './helpers.ts';

const indicator = (id: string) => {
  const i = PLAN.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no indicator ${id}`);
  return i;
};
const obs = (id: string, ...points: Array<[number, number]>): Observation[] =>
  points.map(([year, value]) => ({ indicatorId: id, year, value, source: 's', sample: false }));

describe('status edges (issue 9, fault 6)', () => {
  it('one observation meeting a "稳定在…" target is on track (仅一期数据), not achieved; two are achieved', () => {
    const grass = indicator('grassland-vegetation-cover');
    expect(grass.targets[0]?.comparator).toBe('stable>=');
    const once = computeStatus(grass, obs(grass.id, [2025, 46]), 2026);
    expect([once.status, once.reason]).toEqual(['on-track', 'met-once']);
    expect(reasonLabel(once, 'zh')).toContain('仅一期数据');
    const twice = computeStatus(grass, obs(grass.id, [2024, 45.5], [2025, 46]), 2026);
    expect([twice.status, twice.reason]).toEqual(['achieved', 'met']);
  });

  it('a missed 2030 target is not forgotten in 2031 with no new data: 2030 目标未达成', () => {
    const kongdui = indicator('ten-kongdui-soil-conservation-rate');
    const o = obs(kongdui.id, [2025, 60], [2030, 62]);
    const s2031 = computeStatus(kongdui, o, 2031);
    expect([s2031.status, s2031.reason, s2031.target?.year]).toEqual(['off-track', 'past-due-not-met', 2030]);
    expect(reasonLabel(s2031, 'zh')).toBe('2030 目标未达成');
    expect(reasonLabel(s2031, 'en')).toBe('2030 target missed');
    // met in 2030: the 2035 target takes over
    const met = computeStatus(kongdui, obs(kongdui.id, [2025, 60], [2030, 63.2]), 2031);
    expect(met.target?.year).toBe(2035);
    expect(met.reason).not.toBe('past-due-not-met');
  });

  it('"at risk" from one observation and "at risk" behind the path carry different reasons and words', () => {
    const cap = indicator('new-energy-capacity');
    const single = computeStatus(cap, obs(cap.id, [2025, 1.7]), 2026);
    const behind = computeStatus(cap, obs(cap.id, [2024, 1.35], [2026, 1.8]), 2026);
    expect([single.status, single.reason]).toEqual(['at-risk', 'single-observation']);
    expect([behind.status, behind.reason]).toEqual(['at-risk', 'behind-path']);
    for (const lang of ['zh', 'en'] as const) {
      expect(reasonLabel(single, lang)).not.toBe(reasonLabel(behind, lang));
    }
    expect(reasonLabel(single, 'zh')).toBe('仅一期数据，无法判断趋势');
    expect(reasonLabel(behind, 'zh')).toBe('落后于目标路径');
  });

  it('every reason has its own words in both languages', () => {
    const reasons: StatusReason[] = [
      'no-observations',
      'met',
      'met-once',
      'met-not-yet-stable',
      'standing-not-met',
      'past-due-not-met',
      'above-range',
      'single-observation',
      'regressed',
      'ahead-of-path',
      'behind-path',
      'far-behind-path',
    ];
    const target: Target = { year: 2030, value: 1, comparator: '>=', phrase: 'x', start: 0, end: 1 };
    for (const lang of ['zh', 'en'] as const) {
      const words = reasons.map((reason) => reasonLabel({ reason, target }, lang));
      expect(new Set(words).size).toBe(reasons.length);
      for (const w of words) expect(w).not.toMatch(/\{|^$/);
    }
  });
});
