import { useEffect, useRef } from 'react';
import type { Lang } from '../../../layers/types.ts';
import { indicatorPaintKey } from '../../domain/plan/indicator-paint.ts';
import { computeStatus } from '../../domain/plan/status.ts';
import type { ZoneIndicatorRow } from '../../domain/plan/zone-indicators.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { fill, type Names, scopeText, whoseStatus } from '../strings/indicator-labels.ts';
import { targetLabel } from '../strings/plan-labels.ts';
import { openTask } from '../tasks/task-actions.ts';
import { paintFromKey } from '../views/paint-keys.ts';
import { IndicatorChart } from './IndicatorChart.tsx';
import { openIndicator } from './indicator-actions.ts';
import { StatusLine, withUnit } from './StatusLine.tsx';

function showOnMap(key: string, bundle: PlanBundle, asOfYear: number) {
  const s = useAppStore.getState();
  if (s.zonePaint?.key === key) {
    s.setZonePaint(null);
    return;
  }
  const paint = paintFromKey(key, bundle, asOfYear);
  s.setZonePaint(paint);
  if (paint) s.showLayers(paint.layerIds);
}

function openTaskView(taskId: string) {
  useAppStore.getState().setView('tasks');
  openTask(useAppStore, taskId);
}

/** One indicator: targets by year, scope, source task, status with its reason, each zone's own, chart, values. */
export function IndicatorDetail({
  row,
  bundle,
  names,
  lang,
  asOfYear,
}: {
  row: ZoneIndicatorRow;
  bundle: PlanBundle;
  names: Names;
  lang: Lang;
  asOfYear: number;
}) {
  const ind = row.indicator;
  const heading = useRef<HTMLHeadingElement>(null);
  const paintKey = indicatorPaintKey(ind.id);
  const painted = useAppStore((s) => s.zonePaint?.key === paintKey);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const task = bundle.plan.tasks.find((tk) => tk.id === ind.taskId);
  const whose = whoseStatus(row, names, lang);
  const zoneRows =
    row.scope.length > 1
      ? row.scope.map((zoneId) => ({
          zoneId,
          status: computeStatus(ind, bundle.observations, asOfYear, { zoneId }),
        }))
      : [];
  const latest = row.status.latest;
  return (
    <article className="dash-detail" data-indicator-id={ind.id}>
      <button type="button" className="dash-back" onClick={() => openIndicator(useAppStore, null)}>
        {t('dashBack', lang)}
      </button>
      <h3 ref={heading} tabIndex={-1}>
        {lang === 'zh' ? ind.name : ind.en}
      </h3>
      <p className="dash-other-name" lang={lang === 'zh' ? 'en' : 'zh-CN'}>
        {lang === 'zh' ? ind.en : ind.name}
      </p>

      <h4>{t('dashTargets', lang)}</h4>
      <ul className="dash-targets">
        {ind.targets.map((tg) => (
          <li key={`${tg.year}-${tg.start}`} data-year={tg.year ?? 'standing'}>
            <strong>
              {tg.year === null ? t('dashStanding', lang) : fill('dashByYear', lang, { year: tg.year })}
            </strong>{' '}
            {targetLabel(tg, ind.unit, lang)}{' '}
            <span className="dash-outline" lang="zh-CN">
              {fill('dashOutline', lang, { phrase: tg.phrase })}
            </span>
          </li>
        ))}
      </ul>
      <p className="indicator-scope">
        {fill('indicatorScope', lang, { scope: scopeText(row, names, lang) })}
      </p>
      {task ? (
        <p className="dash-task">
          {t('dashFromTask', lang)}{' '}
          <button type="button" className="dash-task-link" onClick={() => openTaskView(task.id)}>
            {task.id} {lang === 'zh' ? task.title : (task.titleEn ?? task.title)}
          </button>
        </p>
      ) : null}

      <h4>{t('dashStatusHeading', lang)}</h4>
      <p className="dash-status">
        {whose ? <span className="status-whose">{whose}</span> : null}{' '}
        <StatusLine status={row.status} lang={lang} />
        {latest ? (
          <span className="observation">
            {fill('observedValue', lang, { year: latest.year, v: withUnit(latest.value, ind.unit) })} ·{' '}
            {fill('observationSource', lang, { source: latest.source })}
          </span>
        ) : null}
      </p>
      {zoneRows.length > 0 ? (
        <table className="dash-zones">
          <caption>{t('dashPerZone', lang)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashZone', lang)}</th>
              <th scope="col">{t('dashLatest', lang)}</th>
              <th scope="col">{t('dashStatusCol', lang)}</th>
            </tr>
          </thead>
          <tbody>
            {zoneRows.map((z) => (
              <tr key={z.zoneId} data-zone-id={z.zoneId}>
                <th scope="row">{names([z.zoneId])}</th>
                <td>
                  {z.status.latest ? (
                    <>
                      {fill('dashYearValue', lang, {
                        year: z.status.latest.year,
                        v: withUnit(z.status.latest.value, ind.unit),
                      })}
                      {z.status.latest.sample ? (
                        <span className="badge-sample">{t('sample', lang)}</span>
                      ) : null}
                      <span className="observation">
                        {fill('observationSource', lang, { source: z.status.latest.source })}
                      </span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <StatusLine status={z.status} lang={lang} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <p>
        <button
          type="button"
          className="dash-show-map"
          aria-pressed={painted}
          title={t('dashShowOnMapHint', lang)}
          onClick={() => showOnMap(paintKey, bundle, asOfYear)}
        >
          {t('dashShowOnMap', lang)}
        </button>
      </p>

      <IndicatorChart
        indicator={ind}
        observations={bundle.observations}
        asOfYear={asOfYear}
        zoneIds={row.perZone.map((z) => z.zoneId)}
        names={names}
        wholeName={
          row.scope.length > 1
            ? fill('dashWhole', lang, { zone: scopeText(row, names, lang) })
            : scopeText(row, names, lang)
        }
        lang={lang}
      />
    </article>
  );
}
