/**
 * The geometry of an indicator's chart (the dashboard draws it as SVG): years on the x axis, the observations the
 * status reads (one series for the scope, one per zone asked for), the targets, and the straight path from the
 * baseline to the target exactly as computeStatus used it (none when the status rests on no path). Pure.
 */
import type { Observation } from './observations.ts';
import { BASELINE_YEAR, computeStatus, type IndicatorStatus, statusSeries } from './status.ts';
import type { Indicator, Target } from './types.ts';

/** The plan's horizon: the x axis runs at least to it. */
export const PLAN_END_YEAR = 2035;

export interface ChartBox {
  width: number;
  height: number;
  /** space for the axes' labels */
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface ChartPoint {
  year: number;
  value: number;
  x: number;
  y: number;
}

export interface ChartSeries {
  /** whose observations: a zone id, or null for the scope as a whole */
  zoneId: string | null;
  status: IndicatorStatus;
  points: (ChartPoint & { obs: Observation })[];
  /** the path the status compared the latest value with (rule 7), or null when it used none */
  path: { from: ChartPoint; to: ChartPoint; atLatest: ChartPoint } | null;
}

export interface ChartTarget {
  target: Target;
  /** a dated target's point (with `top` at `max` for a range); a standing target is a line across at `y` */
  x: number | null;
  y: number;
  top: number | null;
}

export interface IndicatorChart {
  box: ChartBox;
  years: [number, number];
  values: [number, number];
  xTicks: { year: number; x: number }[];
  yTicks: { value: number; y: number }[];
  series: ChartSeries[];
  targets: ChartTarget[];
}

export const DEFAULT_BOX: ChartBox = {
  width: 440,
  height: 240,
  margin: { top: 16, right: 16, bottom: 28, left: 48 },
};

/** A step of 1, 2 or 5 × 10ⁿ giving about `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0)) return 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

export function indicatorChart(
  indicator: Pick<Indicator, 'id' | 'targets' | 'direction' | 'zones'>,
  observations: readonly Observation[],
  asOfYear: number,
  opts: { zoneIds?: readonly string[]; box?: ChartBox } = {},
): IndicatorChart {
  const box = opts.box ?? DEFAULT_BOX;
  const whose: (string | null)[] = [null, ...(opts.zoneIds ?? [])];
  const raw = whose
    .map((zoneId) => {
      const o = zoneId ? { zoneId } : {};
      return {
        zoneId,
        obs: statusSeries(indicator, observations, asOfYear, o),
        status: computeStatus(indicator, observations, asOfYear, o),
      };
    })
    .filter((s) => s.zoneId === null || s.obs.length > 0);

  const years: number[] = [BASELINE_YEAR, PLAN_END_YEAR];
  const values: number[] = [];
  for (const s of raw) {
    for (const o of s.obs) {
      years.push(o.year);
      values.push(o.value);
    }
    if (s.status.expected !== undefined) values.push(s.status.expected);
  }
  for (const t of indicator.targets) {
    if (t.year !== null) years.push(t.year);
    values.push(t.value, ...(t.max !== undefined ? [t.max] : []));
  }
  const x0 = Math.min(...years);
  const x1 = Math.max(...years);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = hi > lo ? (hi - lo) * 0.15 : Math.abs(hi) * 0.1 || 1;
  lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
  hi += pad;
  const yStep = niceStep(hi - lo, 4);
  lo = Math.floor(lo / yStep) * yStep;
  hi = Math.ceil(hi / yStep) * yStep;

  const { width, height, margin } = box;
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (year: number) => round(margin.left + ((year - x0) / (x1 - x0)) * plotW);
  const y = (value: number) => round(margin.top + (1 - (value - lo) / (hi - lo)) * plotH);
  const point = (year: number, value: number): ChartPoint => ({ year, value, x: x(year), y: y(value) });

  const xStep = Math.max(1, niceStep(x1 - x0, 8));
  const xTicks: IndicatorChart['xTicks'] = [];
  for (let yr = Math.ceil(x0 / xStep) * xStep; yr <= x1; yr += xStep) xTicks.push({ year: yr, x: x(yr) });
  const yTicks: IndicatorChart['yTicks'] = [];
  for (let v = lo; v <= hi + yStep / 1e6; v += yStep) yTicks.push({ value: round(v), y: y(round(v)) });

  const series: ChartSeries[] = raw.map(({ zoneId, obs, status }) => {
    const { baseline, target, latest, expected } = status;
    const path =
      baseline && latest && target && target.year !== null && expected !== undefined
        ? {
            from: point(baseline.year, baseline.value),
            to: point(target.year, target.value),
            atLatest: point(latest.year, expected),
          }
        : null;
    return { zoneId, status, points: obs.map((o) => ({ ...point(o.year, o.value), obs: o })), path };
  });

  const targets: ChartTarget[] = indicator.targets.map((t) => ({
    target: t,
    x: t.year === null ? null : x(t.year),
    y: y(t.value),
    top: t.max !== undefined ? y(t.max) : null,
  }));

  return { box, years: [x0, x1], values: [lo, hi], xTicks, yTicks, series, targets };
}
