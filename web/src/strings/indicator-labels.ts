import type { Lang } from '../../../layers/types.ts';
import type { IndicatorStatus, StatusReason } from '../../domain/plan/status.ts';
import type { ZoneIndicatorRow } from '../../domain/plan/zone-indicators.ts';
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

/** A catalogue string in both languages. */
export type Words = Record<Lang, string>;

/**
 * A catalogue string in both languages with its {name} placeholders filled (a message's zh and en). A value given
 * in both languages fills each language's string with its own.
 */
export function words(key: StringKey, vars: Record<string, string | number | Words> = {}): Words {
  const inLang = (lang: Lang) =>
    Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  return { zh: fill(key, 'zh', inLang('zh')), en: fill(key, 'en', inLang('en')) };
}

/** The reason of a status in words: 仅一期数据，无法判断趋势 / 2030 目标未达成 / 落后于目标路径. */
export function reasonLabel(status: Pick<IndicatorStatus, 'reason' | 'target'>, lang: Lang): string {
  return fill(REASON_KEY[status.reason], lang, { year: status.target?.year ?? '' });
}

/** Zone ids to names in the language, joined by its list separator. */
export type Names = (ids: readonly string[]) => string;

/** An indicator row's scope in words: 全区 / 本区域 / 呼包鄂乌（本区域为其一）. */
export function scopeText(row: ZoneIndicatorRow, names: Names, lang: Lang): string {
  const scope = row.scopeGroup ? names([row.scopeGroup]) : names(row.scope);
  switch (row.kind) {
    case 'region':
    case 'regionWide':
      return t('scopeRegion', lang);
    case 'own':
      return t('scopeOwn', lang);
    case 'member':
      return fill('scopeMember', lang, { scope });
    case 'inside':
      return fill('scopeInside', lang, { scope, via: names(row.via) });
    case 'covers':
      return scope;
  }
}

/** Whose observations the row's status reads, in words (全区状态 / 包头市的状态), or null for the zone's own. */
export function whoseStatus(row: ZoneIndicatorRow, names: Names, lang: Lang): string | null {
  if (row.kind === 'region' || row.kind === 'regionWide') return t('statusRegionWide', lang);
  if (row.statusZone) return fill('statusForZone', lang, { zone: names([row.statusZone]) });
  if (row.scope.length > 1) {
    return fill('statusScopeWide', lang, {
      scope: row.scopeGroup ? names([row.scopeGroup]) : names(row.scope),
    });
  }
  return null;
}
