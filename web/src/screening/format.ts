import type { Lang } from '../../../layers/types.ts';
import { t } from '../strings/index.ts';

/** A distance as the panel and the report show it: kilometres with 2 decimals from 1 km, whole metres below. */
export function fmtDistance(m: number, lang: Lang): string {
  if (m >= 1000) return `${(m / 1000).toFixed(2)} ${t('unitKm', lang)}`;
  return `${m.toFixed(0)} ${t('unitM', lang)}`;
}

/** "1 千米" / "500 m" style buffer label. */
export const fmtBuffer = (m: number, lang: Lang): string =>
  m >= 1000 ? `${m / 1000} ${t('unitKm', lang)}` : `${m} ${t('unitM', lang)}`;
