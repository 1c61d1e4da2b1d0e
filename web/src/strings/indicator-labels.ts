import type { Lang } from '../../../layers/types.ts';
import type { IndicatorStatus, StatusReason } from '../../domain/plan/status.ts';
import { type StringKey, t } from './index.ts';

const REASON_KEY: Record<StatusReason, StringKey> = {
  'no-observations': 'reasonNoObservations',
  met: 'reasonMet',
  'met-once': 'reasonMetOnce',
  'met-not-yet-stable': 'reasonMetNotYetStable',
  'standing-not-met': 'reasonStandingNotMet',
  'past-due-not-met': 'reasonPastDueNotMet',
  'above-range': 'reasonAboveRange',
  'single-observation': 'reasonSingleObservation',
  regressed: 'reasonRegressed',
  'ahead-of-path': 'reasonAheadOfPath',
  'behind-path': 'reasonBehindPath',
  'far-behind-path': 'reasonFarBehindPath',
};

/** A catalogue string with its {name} placeholders filled. */
export function fill(key: StringKey, lang: Lang, vars: Record<string, string | number>): string {
  return t(key, lang).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** The reason of a status in words: 仅一期数据，无法判断趋势 / 2030 目标未达成 / 落后于目标路径. */
export function reasonLabel(status: Pick<IndicatorStatus, 'reason' | 'target'>, lang: Lang): string {
  return fill(REASON_KEY[status.reason], lang, { year: status.target?.year ?? '' });
}
