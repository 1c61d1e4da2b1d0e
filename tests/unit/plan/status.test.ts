import { describe, expect, it } from 'vitest';
import {
  computeStatus,
  type Indicator,
  type Observation,
  type Target,
} from '../../../web/domain/plan/index.ts';
import { PLAN } from './helpers.ts';

function t(year: number | null, value: number, comparator: Target['comparator'], max?: number): Target {
  return { year, value, comparator, phrase: 'x', start: 0, end: 1, ...(max !== undefined ? { max } : {}) };
}
function indicator(
  targets: Target[],
  direction: Indicator['direction'] = 'increase',
  zones = ['region-inner-mongolia'],
) {
  return { id: 'i', targets, direction, zones };
}
function obs(...points: Array<[number, number]>): Observation[] {
  return points.map(([year, value]) => ({ indicatorId: 'i', year, value, source: 's', sample: false }));
}
const status = (ind: ReturnType<typeof indicator>, o: Observation[], asOf: number) => {
  const s = computeStatus(ind, o, asOf);
  return [s.status, s.reason];
};

describe('status rule', () => {
  const reach = indicator([t(2030, 40, '>=')]);

  it('no observations → no data', () => {
    expect(status(reach, [], 2026)).toEqual(['no-data', 'no-observations']);
    // observations after the as-of year do not count
    expect(status(reach, obs([2027, 50]), 2026)).toEqual(['no-data', 'no-observations']);
  });

  it('a single observation below target → at risk (no trend), above → achieved', () => {
    expect(status(reach, obs([2025, 30]), 2026)).toEqual(['at-risk', 'single-observation']);
    expect(status(reach, obs([2025, 41]), 2026)).toEqual(['achieved', 'met']);
  });

  it('linear path from the baseline to the target year', () => {
    // baseline 2025: 30, target 2030: 40 → the path is 32 in 2026, 34 in 2027.
    expect(status(reach, obs([2025, 30], [2027, 34]), 2027)).toEqual(['on-track', 'ahead-of-path']);
    expect(status(reach, obs([2025, 30], [2027, 33]), 2027)).toEqual(['at-risk', 'behind-path']);
    expect(status(reach, obs([2025, 30], [2027, 30.9]), 2027)).toEqual(['off-track', 'far-behind-path']);
    const s = computeStatus(reach, obs([2025, 30], [2027, 33]), 2027);
    expect(s.expected).toBeCloseTo(34);
    expect(s.ratio).toBeCloseTo(0.75);
  });

  it('the baseline is the latest observation up to 2025', () => {
    // 2020: 10 would make 2027: 33 look far ahead; the 2025 baseline of 30 makes it behind.
    expect(status(reach, obs([2020, 10], [2025, 30], [2027, 33]), 2027)).toEqual(['at-risk', 'behind-path']);
  });

  it('"≤" targets go down: PM2.5 25 μg/m³', () => {
    const pm = indicator([t(2027, 25, '<=')], 'decrease');
    expect(status(pm, obs([2024, 28], [2025, 26]), 2025)).toEqual(['on-track', 'ahead-of-path']);
    expect(status(pm, obs([2024, 28], [2025, 27.9]), 2025)).toEqual(['off-track', 'far-behind-path']);
    expect(status(pm, obs([2024, 28], [2025, 25]), 2025)).toEqual(['achieved', 'met']);
    expect(status(pm, obs([2024, 28], [2026, 29]), 2026)).toEqual(['off-track', 'far-behind-path']);
  });

  it('"stable at" targets must hold, not just be touched', () => {
    const grass = indicator([t(2027, 45, 'stable>=')]);
    expect(status(grass, obs([2024, 45.5], [2025, 46]), 2025)).toEqual(['achieved', 'met']);
    expect(status(grass, obs([2024, 44], [2025, 45.2]), 2025)).toEqual(['on-track', 'met-not-yet-stable']);
    expect(status(grass, obs([2024, 46], [2025, 44.8]), 2025)).toEqual(['off-track', 'regressed']);
  });

  it('a target year already past: met → achieved, missed → off track', () => {
    const due = indicator([t(2027, 40, '>=')]);
    expect(status(due, obs([2025, 30], [2027, 41]), 2029)).toEqual(['achieved', 'met']);
    expect(status(due, obs([2025, 30], [2027, 39]), 2029)).toEqual(['off-track', 'past-due-not-met']);
    // the latest observation is of the target year itself and misses it
    expect(status(due, obs([2025, 30], [2027, 39]), 2027)).toEqual(['off-track', 'past-due-not-met']);
  });

  it('with two target years the next one due governs: 十大孔兑 63 % (2030), 64 % (2035)', () => {
    const kongdui = PLAN.indicators.find((i) => i.id === 'ten-kongdui-soil-conservation-rate');
    if (!kongdui) throw new Error('missing');
    const o: Observation[] = [
      { indicatorId: kongdui.id, year: 2025, value: 60, source: 's', sample: false },
      { indicatorId: kongdui.id, year: 2031, value: 63.5, source: 's', sample: false },
    ];
    expect(computeStatus(kongdui, o, 2029).target?.year).toBe(2030);
    expect(computeStatus(kongdui, o, 2031).target?.year).toBe(2035);
    expect(computeStatus(kongdui, o, 2031).status).toBe('on-track');
    expect(computeStatus(kongdui, o, 2036).status).toBe('off-track');
  });

  it('standing targets without a year: 1.7亿亩 farmland', () => {
    const red = indicator([t(null, 1.7, '>=')]);
    expect(status(red, obs([2025, 1.72]), 2026)).toEqual(['achieved', 'met']);
    expect(status(red, obs([2025, 1.69]), 2026)).toEqual(['off-track', 'standing-not-met']);
  });

  it('"=" targets are reached in the indicator direction; ">" needs more than the value', () => {
    expect(status(indicator([t(2027, 21.98, '=')]), obs([2025, 22]), 2025)).toEqual(['achieved', 'met']);
    expect(status(indicator([t(2030, 3, '>')]), obs([2025, 3]), 2025)).toEqual([
      'at-risk',
      'single-observation',
    ]);
    expect(status(indicator([t(2035, 5.1, '<=')], 'decrease'), obs([2025, 5.05]), 2025)).toEqual([
      'achieved',
      'met',
    ]);
  });

  it('ranges: 3—5 counties', () => {
    const range = indicator([t(2027, 3, 'between', 5)]);
    expect(status(range, obs([2026, 4]), 2026)).toEqual(['achieved', 'met']);
    expect(status(range, obs([2025, 1], [2026, 6]), 2026)).toEqual(['off-track', 'above-range']);
  });

  it('zones: per-zone observations are read only when asked for', () => {
    const bus = indicator([t(null, 95, '>=')], 'increase', ['league-hohhot', 'league-baotou']);
    const o: Observation[] = [
      { indicatorId: 'i', zoneId: 'league-baotou', year: 2025, value: 93, source: 's', sample: true },
      { indicatorId: 'i', zoneId: 'league-hohhot', year: 2025, value: 96, source: 's', sample: true },
    ];
    expect(computeStatus(bus, o, 2025).status).toBe('no-data');
    expect(computeStatus(bus, o, 2025, { zoneId: 'league-baotou' }).status).toBe('off-track');
    const hohhot = computeStatus(bus, o, 2025, { zoneId: 'league-hohhot' });
    expect([hohhot.status, hohhot.sample]).toEqual(['achieved', true]);
  });

  it('of two rows for one year the later wins', () => {
    expect(status(reach, obs([2025, 30], [2025, 45]), 2026)).toEqual(['achieved', 'met']);
  });
});
