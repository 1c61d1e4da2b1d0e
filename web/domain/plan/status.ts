/**
 * Status of an indicator from its observations. The rule (also in docs/plan-data.md):
 *
 * 1. Use the indicator's observations up to `asOfYear` (for one zone when asked, else those without a zone or
 *    for its single scope zone) whose relation is `same`: partial, related and context rows never drive a status.
 *    None → `no-data`. The latest is the one with the highest year; of two for the same
 *    year, the later row wins.
 * 2. The governing target is the earliest dated target due in or after `asOfYear`; when all are past, the last
 *    one; an indicator with only a standing target (no year, e.g. 守住1.7亿亩耕地红线) uses that.
 * 3. Met: `>=`/`stable>=` v ≥ t, `>` v > t, `<=`/`stable<=` v ≤ t, `<` v < t, `=` "reach t" in the indicator's
 *    direction, `between` min ≤ v ≤ max.
 * 4. A dated target already past (year < asOfYear) that the latest observation does not meet is not forgotten
 *    when the next target takes over: → `off-track`, reason `past-due-not-met`, with that target.
 * 5. Latest met → `achieved`; for "stable at" targets only when the observation before it met the target too,
 *    otherwise `on-track`: `met-once` (one observation, not yet shown to hold) or `met-not-yet-stable`.
 * 6. Not met, and the target is standing, past (year < asOfYear) or due by the latest observation → `off-track`;
 *    so is a value above the range of a `between` target.
 * 7. Not met, target ahead: baseline = the latest earlier observation in or before 2025 (the plan's first year),
 *    else the earliest. Only one observation → `at-risk` (no trend). Baseline already met the target → `off-track`
 *    (regressed). Otherwise compare with the straight line from the baseline to the target value in the target
 *    year: progress ratio r = (latest − baseline) / (line at latest year − baseline), signed by direction.
 *    r ≥ 1 → `on-track`, 0.5 ≤ r < 1 → `at-risk`, r < 0.5 → `off-track`.
 */
import { isStatusRow } from './observation-check.ts';
import type { Observation } from './observations.ts';
import type { Comparator, Direction, Indicator, Target } from './types.ts';

export type StatusCode = 'achieved' | 'on-track' | 'at-risk' | 'off-track' | 'no-data';

export type StatusReason =
  | 'no-observations'
  | 'met'
  | 'met-once'
  | 'met-not-yet-stable'
  | 'standing-not-met'
  | 'past-due-not-met'
  | 'above-range'
  | 'single-observation'
  | 'regressed'
  | 'ahead-of-path'
  | 'behind-path'
  | 'far-behind-path';

export interface IndicatorStatus {
  status: StatusCode;
  reason: StatusReason;
  target: Target | null;
  latest?: Observation;
  baseline?: Observation;
  /** Value on the straight path at the latest observation's year. */
  expected?: number;
  /** Progress ratio against the path (rule 7). */
  ratio?: number;
  /** The latest observation is a sample (示例): the status is illustrative too. */
  sample: boolean;
}

/** The plan's first year: observations up to it are baselines. */
export const BASELINE_YEAR = 2025;
const EPS = 1e-9;

export function meetsTarget(
  value: number,
  target: Pick<Target, 'value' | 'max' | 'comparator'>,
  direction: Direction,
) {
  const t = target.value;
  const c: Comparator = target.comparator;
  switch (c) {
    case '>=':
    case 'stable>=':
      return value >= t - EPS;
    case '>':
      return value > t + EPS;
    case '<=':
    case 'stable<=':
      return value <= t + EPS;
    case '<':
      return value < t - EPS;
    case '=':
      return direction === 'decrease' ? value <= t + EPS : value >= t - EPS;
    case 'between':
      return value >= t - EPS && value <= (target.max ?? t) + EPS;
  }
}

/** The target that governs the status in `asOfYear` (rule 2). */
export function governingTarget(targets: readonly Target[], asOfYear: number): Target | null {
  const dated = targets.filter((t) => t.year !== null).sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  if (dated.length === 0) return targets[0] ?? null;
  return dated.find((t) => (t.year ?? 0) >= asOfYear) ?? dated.at(-1) ?? null;
}

/**
 * The observations a status reads (rule 1), one per year in year order: the indicator's, up to `asOfYear`, for
 * one zone when asked, else those without a zone or for its single scope zone; of two for a year the later row.
 */
export function statusSeries(
  indicator: Pick<Indicator, 'id' | 'zones'>,
  observations: readonly Observation[],
  asOfYear: number,
  opts: { zoneId?: string } = {},
): Observation[] {
  const scopeZone = indicator.zones.length === 1 ? indicator.zones[0] : undefined;
  const byYear = new Map<number, Observation>();
  for (const o of observations) {
    if (o.indicatorId !== indicator.id || o.year > asOfYear || !isStatusRow(o)) continue;
    const zoneOk = opts.zoneId ? o.zoneId === opts.zoneId : !o.zoneId || o.zoneId === scopeZone;
    if (zoneOk) byYear.set(o.year, o);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function computeStatus(
  indicator: Pick<Indicator, 'id' | 'targets' | 'direction' | 'zones'>,
  observations: readonly Observation[],
  asOfYear: number,
  opts: { zoneId?: string } = {},
): IndicatorStatus {
  const series = statusSeries(indicator, observations, asOfYear, opts);
  const target = governingTarget(indicator.targets, asOfYear);
  const latest = series.at(-1);
  if (!latest || !target) return { status: 'no-data', reason: 'no-observations', target, sample: false };
  const sample = latest.sample;
  const meets = (v: number) => meetsTarget(v, target, indicator.direction);
  const base = { target, latest, sample };

  const missed = indicator.targets
    .filter((t) => t.year !== null && t.year < asOfYear && !meetsTarget(latest.value, t, indicator.direction))
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0))
    .at(-1);
  if (missed && missed !== target) {
    return { target: missed, latest, sample, status: 'off-track', reason: 'past-due-not-met' };
  }
  if (meets(latest.value)) {
    const stable = target.comparator === 'stable>=' || target.comparator === 'stable<=';
    const previous = series.at(-2);
    if (stable && !previous) return { ...base, status: 'on-track', reason: 'met-once' };
    if (stable && previous && !meets(previous.value)) {
      return { ...base, status: 'on-track', reason: 'met-not-yet-stable' };
    }
    return { ...base, status: 'achieved', reason: 'met' };
  }
  if (target.year === null) return { ...base, status: 'off-track', reason: 'standing-not-met' };
  if (target.year < asOfYear || latest.year >= target.year) {
    return { ...base, status: 'off-track', reason: 'past-due-not-met' };
  }
  if (target.comparator === 'between' && latest.value > (target.max ?? target.value)) {
    return { ...base, status: 'off-track', reason: 'above-range' };
  }
  const early = series.filter((o) => o.year <= BASELINE_YEAR && o !== latest);
  const baseline = early.at(-1) ?? series[0] ?? latest;
  if (baseline === latest) return { ...base, status: 'at-risk', reason: 'single-observation' };
  if (meets(baseline.value)) return { ...base, baseline, status: 'off-track', reason: 'regressed' };
  const sign = indicator.direction === 'decrease' ? -1 : 1;
  const share = (latest.year - baseline.year) / (target.year - baseline.year);
  const expected = baseline.value + (target.value - baseline.value) * share;
  const needed = sign * (expected - baseline.value);
  const made = sign * (latest.value - baseline.value);
  const ratio = needed > EPS ? made / needed : made > 0 ? 1 : 0;
  const detail = { ...base, baseline, expected, ratio };
  if (ratio >= 1 - EPS) return { ...detail, status: 'on-track', reason: 'ahead-of-path' };
  if (ratio >= 0.5) return { ...detail, status: 'at-risk', reason: 'behind-path' };
  return { ...detail, status: 'off-track', reason: 'far-behind-path' };
}
