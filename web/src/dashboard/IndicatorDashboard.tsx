import { useEffect, useMemo, useRef } from 'react';
import { REGION_ID } from '../../domain/plan/gazetteer.ts';
import { zoneIndicators } from '../../domain/plan/zone-indicators.ts';
import { usePlanBundle } from '../plan/use-plan.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import type { Names } from '../strings/indicator-labels.ts';
import { IndicatorDetail } from './IndicatorDetail.tsx';
import { IndicatorList } from './IndicatorList.tsx';
import { indicatorOfPaintKey, indicatorStatusPaint } from './status-paint.ts';

/** The year statuses are computed for (the zone panel's too). */
const AS_OF_YEAR = new Date().getFullYear();

/**
 * The indicator dashboard (view=indicators): every indicator of the plan as the region's panel reads it
 * (zoneIndicators on the region: scope, status with its reason, each scope zone's own status), listed by chapter;
 * the chosen one (store.selectedIndicatorId, `indicator=` in a link) in detail with its chart.
 */
export default function IndicatorDashboard() {
  const bundle = usePlanBundle(true);
  const lang = useAppStore((s) => s.lang);
  const selected = useAppStore((s) => s.selectedIndicatorId);
  const lastSelected = useRef<string | null>(null);
  const rows = useMemo(
    () =>
      bundle
        ? zoneIndicators(bundle.plan, bundle.gazetteer, bundle.observations, REGION_ID, AS_OF_YEAR).local
        : [],
    [bundle],
  );
  // the planner's observations changed: an indicator's colours on the map follow at once
  const seen = useRef(bundle);
  useEffect(() => {
    if (!bundle || seen.current === bundle) return;
    const first = seen.current === null;
    seen.current = bundle;
    const key = useAppStore.getState().zonePaint?.key;
    const id = key ? indicatorOfPaintKey(key) : null;
    if (first || !id) return;
    useAppStore.getState().setZonePaint(indicatorStatusPaint(id, bundle, AS_OF_YEAR));
  }, [bundle]);
  if (!bundle) return <p className="view-loading">{t('viewLoading', lang)}</p>;
  const names: Names = (ids) =>
    ids
      .map((id) => {
        const e = bundle.gazetteer.get(id);
        return e ? e[lang] : id;
      })
      .join(t('listSeparator', lang));
  const row = selected ? rows.find((r) => r.indicator.id === selected) : undefined;
  const focusId = row ? null : lastSelected.current;
  if (row) lastSelected.current = row.indicator.id;
  return (
    <div className="dashboard">
      <h2>{t('viewIndicators', lang)}</h2>
      {lang === 'en' ? <p className="dash-intro">{t('titlesEnNote', lang)}</p> : null}
      {row ? (
        <IndicatorDetail row={row} bundle={bundle} names={names} lang={lang} asOfYear={AS_OF_YEAR} />
      ) : (
        <IndicatorList
          rows={rows}
          plan={bundle.plan}
          names={names}
          lang={lang}
          asOfYear={AS_OF_YEAR}
          focusId={focusId}
        />
      )}
    </div>
  );
}
