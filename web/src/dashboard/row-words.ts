import type { Lang } from '../../../layers/types.ts';
import type { ZoneIndicatorRow } from '../../domain/plan/zone-indicators.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';

/** Zone ids to names in the language, joined by its list separator. */
export type Names = (ids: readonly string[]) => string;

/**
 * The scope and whose status of an indicator row of the region (zoneIndicators on the region: kind `region` or
 * `covers`), in the zone panel's words: 全区 / 呼包鄂乌 / 十大孔兑, and 全区状态 / 呼包鄂乌整体状态.
 */
export function scopeWords(row: ZoneIndicatorRow, names: Names, lang: Lang): string {
  if (row.kind === 'region' || row.kind === 'regionWide') return t('scopeRegion', lang);
  return row.scopeGroup ? names([row.scopeGroup]) : names(row.scope);
}

export function whoseWords(row: ZoneIndicatorRow, names: Names, lang: Lang): string | null {
  if (row.kind === 'region' || row.kind === 'regionWide') return t('statusRegionWide', lang);
  if (row.statusZone) return fill('statusForZone', lang, { zone: names([row.statusZone]) });
  return row.scope.length > 1 ? fill('statusScopeWide', lang, { scope: scopeWords(row, names, lang) }) : null;
}
