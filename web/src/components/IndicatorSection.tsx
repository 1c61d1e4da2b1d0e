import type { ReactNode } from 'react';
import type { Lang } from '../../../layers/types.ts';
import type { ZoneIndicatorRow, ZoneStatus } from '../../domain/plan/zone-indicators.ts';
import { zoneIndicators } from '../../domain/plan/zone-indicators.ts';
import { ContextObservations, ImportedMark, observationTitle } from '../plan/ObservationContext.tsx';
import type { PlanBundle } from '../plan/plan-data.ts';
import { t } from '../strings/index.ts';
import { fill, type Names, reasonLabel, scopeText, whoseStatus } from '../strings/indicator-labels.ts';
import { statusLabel, targetLabel } from '../strings/plan-labels.ts';

const AS_OF_YEAR = new Date().getFullYear();

function Status({ zs, unit, lang }: { zs: ZoneStatus['status']; unit: string; lang: Lang }) {
  const latest = zs.latest;
  return (
    <>
      <span className={`status status-${zs.status}`} data-status={zs.status} data-reason={zs.reason}>
        {statusLabel(zs.status, lang)}
        <span className="status-reason"> · {reasonLabel(zs, lang)}</span>
        {zs.sample ? <span className="badge-sample">{t('sample', lang)}</span> : null}
      </span>
      {latest ? (
        <span className="observation" title={observationTitle(latest)}>
          {fill('observedValue', lang, {
            year: latest.year,
            v: `${latest.value}${unit === '%' ? '%' : ` ${unit}`}`,
          })}
          {' · '}
          {fill('observationSource', lang, { source: latest.source })}
          <ImportedMark o={latest} lang={lang} />
        </span>
      ) : null}
    </>
  );
}

function Row({
  row,
  names,
  lang,
  context,
}: {
  row: ZoneIndicatorRow;
  names: Names;
  lang: Lang;
  /** 相关数据: figures that are not the indicator's own measure (ObservationContext.tsx) */
  context?: ReactNode;
}) {
  const ind = row.indicator;
  const whose = whoseStatus(row, names, lang);
  return (
    <li data-indicator-id={ind.id} data-scope-kind={row.kind}>
      <strong>{lang === 'zh' ? ind.name : ind.en}</strong>
      <span className="targets">
        {ind.targets.map((tg) => `${tg.year ?? ''} ${targetLabel(tg, ind.unit, lang)}`.trim()).join('；')}
      </span>
      <span className="indicator-scope">
        {fill('indicatorScope', lang, { scope: scopeText(row, names, lang) })}
      </span>
      {row.perZone.length > 0 && row.status.status === 'no-data' ? null : (
        <>
          {whose ? <span className="status-whose">{whose}</span> : null}
          <Status zs={row.status} unit={ind.unit} lang={lang} />
        </>
      )}
      {row.perZone.length > 0 ? (
        <ul className="per-zone">
          {row.perZone.map((z) => (
            <li key={z.zoneId} data-zone-id={z.zoneId}>
              <span className="status-whose">{names([z.zoneId])}</span>
              <Status zs={z.status} unit={ind.unit} lang={lang} />
            </li>
          ))}
        </ul>
      ) : null}
      {context}
    </li>
  );
}

/** The indicators of a zone: those scoped to it (or containing it), then the region-wide ones apart. */
export default function IndicatorSection({
  bundle,
  zoneId,
  lang,
}: {
  bundle: PlanBundle;
  zoneId: string;
  lang: Lang;
}) {
  const { local, regionWide } = zoneIndicators(
    bundle.plan,
    bundle.gazetteer,
    bundle.observations,
    zoneId,
    AS_OF_YEAR,
  );
  const names: Names = (ids) =>
    ids
      .map((id) => {
        const e = bundle.gazetteer.get(id);
        return e ? (lang === 'zh' ? e.zh : e.en) : id;
      })
      .join(t('listSeparator', lang));
  const anySample = [...local, ...regionWide].some(
    (r) => r.status.sample || r.perZone.some((z) => z.status.sample),
  );
  if (local.length === 0 && regionWide.length === 0) return null;
  const rowOf = (row: (typeof local)[number]) => (
    <Row
      key={row.indicator.id}
      row={row}
      names={names}
      lang={lang}
      context={
        <ContextObservations
          indicator={row.indicator}
          observations={bundle.observations}
          zoneId={zoneId}
          gazetteer={bundle.gazetteer}
          lang={lang}
        />
      }
    />
  );
  return (
    <section className="zone-indicators">
      <h3>{t('indicators', lang)}</h3>
      {local.length === 0 ? <p className="zone-empty">{t('noLocalIndicators', lang)}</p> : null}
      {local.length > 0 ? <ul>{local.map(rowOf)}</ul> : null}
      {regionWide.length > 0 ? (
        <details className="indicators-region-wide">
          <summary>{fill('regionWideHeading', lang, { n: regionWide.length })}</summary>
          <p className="note-region-wide">{t('regionWideNote', lang)}</p>
          <ul>{regionWide.map(rowOf)}</ul>
        </details>
      ) : null}
      {anySample ? <p className="note-sample">{t('sampleNote', lang)}</p> : null}
    </section>
  );
}
