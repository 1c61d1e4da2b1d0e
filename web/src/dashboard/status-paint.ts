import { THEME } from '../../../layers/theme.ts';
import type { Lang } from '../../../layers/types.ts';
import type { ZonePaint } from '../../../layers/zone-paint.ts';
import { REGION_ID } from '../../domain/plan/gazetteer.ts';
import { indicatorPaint, indicatorPaintKey, type PaintWords } from '../../domain/plan/indicator-paint.ts';
import { zoneIndicators } from '../../domain/plan/zone-indicators.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { t } from '../strings/index.ts';
import { fill, reasonLabel } from '../strings/indicator-labels.ts';
import { statusLabel } from '../strings/plan-labels.ts';

const PREFIX = indicatorPaintKey('');

/** The indicator a paint key (`indicator:<id>`) names, or null for another kind of key. */
export const indicatorOfPaintKey = (key: string): string | null =>
  key.startsWith(PREFIX) && key.length > PREFIX.length ? key.slice(PREFIX.length) : null;

function words(bundle: PlanBundle, lang: Lang): PaintWords {
  return {
    zoneName: (id) => {
      const e = bundle.gazetteer.get(id);
      return e ? e[lang] : id;
    },
    status: (code) => statusLabel(code, lang),
    reason: (s) => reasonLabel(s, lang),
    withSample: (v) => fill('dashWithSample', lang, { v }),
    regionWide: t('statusRegionWide', lang),
    scopeWide: (scope) => fill('statusScopeWide', lang, { scope }),
    title: (name) => fill('paintTitle', lang, { name }),
    hover: (zone, status, whose) =>
      whose
        ? fill('paintHoverWhose', lang, { zone, status, whose })
        : fill('paintHover', lang, { zone, status }),
    noteRegion: t('paintNoteRegion', lang),
    noteFallback: (whose) => fill('paintNoteFallback', lang, { whose }),
    noteSample: (zones) => fill('paintNoteSample', lang, { zones }),
    listSeparator: t('listSeparator', lang),
  };
}

/**
 * "Show on map" for an indicator: its scope's zones coloured by status (web/domain/plan/indicator-paint.ts), the
 * statuses read as the region's panel reads them (zoneIndicators on the region). Null for an unknown indicator.
 */
export function indicatorStatusPaint(
  indicatorId: string,
  bundle: PlanBundle,
  asOfYear: number,
): ZonePaint | null {
  const { local } = zoneIndicators(bundle.plan, bundle.gazetteer, bundle.observations, REGION_ID, asOfYear);
  const row = local.find((r) => r.indicator.id === indicatorId);
  if (!row) return null;
  return indicatorPaint(row, bundle.gazetteer, {
    layerOf: (zoneId) => bundle.zoneIndex?.[zoneId]?.layerId,
    colours: THEME.status,
    words: { zh: words(bundle, 'zh'), en: words(bundle, 'en') },
  });
}
