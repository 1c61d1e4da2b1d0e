import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultObservations } from '../../../web/domain/plan/default-observations.ts';
import {
  computeStatus,
  type Indicator,
  type Observation,
  parseObservationsCsv,
} from '../../../web/domain/plan/index.ts';
import { DEFAULT_BOX, indicatorChart, niceStep } from '../../../web/domain/plan/indicator-chart.ts';
import { statusSeries } from '../../../web/domain/plan/status.ts';
import { PLAN, ROOT } from './helpers.ts';

const csv = (f: string) => parseObservationsCsv(readFileSync(join(ROOT, f), 'utf8')).observations;
const OBS = defaultObservations(csv('data/observations.published.csv'), csv('data/observations.sample.csv'));
const AS_OF = 2026;
const { margin, width, height } = DEFAULT_BOX;

/** The value the chart's y axis gives a pixel row (the inverse of its scale). */
const valueAt = (chart: ReturnType<typeof indicatorChart>, y: number) => {
  const [lo, hi] = chart.values;
  return lo + (1 - (y - margin.top) / (height - margin.top - margin.bottom)) * (hi - lo);
};
const yearAt = (chart: ReturnType<typeof indicatorChart>, x: number) => {
  const [a, b] = chart.years;
  return a + ((x - margin.left) / (width - margin.left - margin.right)) * (b - a);
};

const perZone = (ind: Indicator) =>
  ind.zones.filter((z) => statusSeries(ind, OBS, AS_OF, { zoneId: z }).length > 0);

describe('indicator chart geometry', () => {
  it('plots exactly the observations each status reads, inside the plot, years left to right', () => {
    for (const ind of PLAN.indicators) {
      const chart = indicatorChart(ind, OBS, AS_OF, { zoneIds: perZone(ind) });
      for (const s of chart.series) {
        const read = statusSeries(ind, OBS, AS_OF, s.zoneId ? { zoneId: s.zoneId } : {});
        expect(
          s.points.map((p) => p.obs),
          ind.id,
        ).toEqual(read);
        for (const p of s.points) {
          expect(yearAt(chart, p.x)).toBeCloseTo(p.year, 4);
          expect(valueAt(chart, p.y)).toBeCloseTo(p.value, 4);
          expect(p.x).toBeGreaterThanOrEqual(margin.left);
          expect(p.x).toBeLessThanOrEqual(width - margin.right);
          expect(p.y).toBeGreaterThanOrEqual(margin.top);
          expect(p.y).toBeLessThanOrEqual(height - margin.bottom);
        }
        const xs = s.points.map((p) => p.x);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
      }
      for (const t of chart.targets) {
        expect(valueAt(chart, t.y)).toBeCloseTo(t.target.value, 4);
        if (t.target.year === null) expect(t.x).toBeNull();
        else expect(yearAt(chart, t.x ?? Number.NaN)).toBeCloseTo(t.target.year, 4);
      }
      expect(chart.years[0]).toBeLessThanOrEqual(2025);
      expect(chart.years[1]).toBeGreaterThanOrEqual(2035);
    }
  });

  it('draws the straight path computeStatus used: baseline → target, through the expected value at the latest year', () => {
    let paths = 0;
    for (const ind of PLAN.indicators) {
      const chart = indicatorChart(ind, OBS, AS_OF, { zoneIds: perZone(ind) });
      for (const s of chart.series) {
        const status = computeStatus(ind, OBS, AS_OF, s.zoneId ? { zoneId: s.zoneId } : {});
        expect(s.status).toEqual(status);
        if (status.expected === undefined) {
          expect(s.path, ind.id).toBeNull();
          continue;
        }
        paths++;
        const path = s.path;
        if (!path) throw new Error(`${ind.id}: the status used a path, the chart has none`);
        expect([path.from.year, path.from.value]).toEqual([status.baseline?.year, status.baseline?.value]);
        expect([path.to.year, path.to.value]).toEqual([status.target?.year, status.target?.value]);
        expect([path.atLatest.year, path.atLatest.value]).toEqual([status.latest?.year, status.expected]);
        // the marked point lies on the drawn segment
        const share = (path.atLatest.x - path.from.x) / (path.to.x - path.from.x);
        expect(path.from.y + share * (path.to.y - path.from.y)).toBeCloseTo(path.atLatest.y, 6);
        expect(valueAt(chart, path.atLatest.y)).toBeCloseTo(status.expected, 4);
      }
    }
    expect(paths).toBeGreaterThan(0);
  });

  it('no path from one observation or for a standing target; a series per zone with its own rows', () => {
    const ind: Indicator = {
      ...(PLAN.indicators.find((i) => i.id === 'ten-kongdui-soil-conservation-rate') as Indicator),
    };
    const one: Observation[] = [
      { indicatorId: ind.id, year: 2025, value: 60.5, source: 'test', sample: false },
    ];
    expect(indicatorChart(ind, one, AS_OF).series[0]?.path).toBeNull();
    const two = [...one, { ...one[0], year: 2026, value: 61 } as Observation];
    const path = indicatorChart(ind, two, AS_OF).series[0]?.path;
    expect(path?.from.value).toBe(60.5);
    expect(path?.to).toMatchObject({ year: 2030, value: 63 });
    expect(path?.atLatest.value).toBeCloseTo(60.5 + (63 - 60.5) / 5, 9);

    const bus = PLAN.indicators.find((i) => i.id === 'new-bus-new-energy-share') as Indicator;
    const chart = indicatorChart(bus, OBS, AS_OF, { zoneIds: bus.zones });
    expect(chart.series.map((s) => s.zoneId)).toEqual([null, ...perZone(bus)]);
    expect(perZone(bus).length).toBeGreaterThan(0);
    expect(chart.targets.every((t) => t.x === null)).toBe(true);
    expect(chart.series.every((s) => s.path === null)).toBe(true);
  });

  it('axis steps are 1, 2 or 5 × 10ⁿ', () => {
    expect(niceStep(17, 8)).toBe(5);
    expect(niceStep(10, 8)).toBe(2);
    expect(niceStep(0.9, 4)).toBe(0.5);
    expect(niceStep(40, 4)).toBe(10);
  });
});
