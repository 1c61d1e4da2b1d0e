import type { Lang } from '../../../layers/types.ts';
import { contextObservations, relationWords } from '../../domain/plan/observation-context.ts';
import { importedWords } from '../../domain/plan/planner-observations.ts';
import type { GazetteerEntry, Indicator, Observation } from '../../domain/plan/types.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';

/** A value with its unit as the panels write it: 45%, 1.35 亿千瓦. */
export const valueWithUnit = (value: number, unit: string) => `${value}${unit === '%' ? '%' : ` ${unit}`}`;

/** What a hover over a value tells: its period, basis and note (the address it was read from). */
export const observationTitle = (o: Observation): string | undefined =>
  [o.period, o.basis, o.note].filter(Boolean).join('; ') || undefined;

/** 本机导入：buses.csv，2026-05-02 10:31 beside a value the planner imported; nothing for other values. */
export function ImportedMark({ o, lang }: { o: Observation | undefined; lang: Lang }) {
  if (!o?.imported) return null;
  return (
    <span className="observation-imported" data-file={o.imported.fileName}>
      {importedWords(o.imported)[lang]}
    </span>
  );
}

/**
 * 相关数据: the indicator's partial, related and context figures for this zone (web/domain/plan/observation-context.ts),
 * each with what it is in words and its source; never a status.
 */
export function ContextObservations({
  indicator,
  observations,
  zoneId,
  gazetteer,
  lang,
}: {
  indicator: Indicator;
  observations: readonly Observation[];
  zoneId: string;
  gazetteer: ReadonlyMap<string, GazetteerEntry>;
  lang: Lang;
}) {
  const rows = contextObservations(indicator, observations, zoneId, gazetteer);
  if (rows.length === 0) return null;
  return (
    <details className="indicator-context">
      <summary>{fill('contextHeading', lang, { n: rows.length })}</summary>
      <p className="note-context">{t('contextNote', lang)}</p>
      <ul>
        {rows.map((o, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
            key={i}
            data-relation={o.relation}
            data-zone-id={o.zoneId ?? ''}
            title={observationTitle(o)}
          >
            <span className="context-value">
              {fill('contextValue', lang, {
                year: o.year,
                v: valueWithUnit(o.value, o.unit ?? indicator.unit),
              })}
            </span>
            {' · '}
            <span className="context-relation">{relationWords(o, indicator, gazetteer)[lang]}</span>
            {' · '}
            <span className="context-source">{fill('observationSource', lang, { source: o.source })}</span>
            {o.sample ? <span className="badge-sample">{t('sample', lang)}</span> : null}
            <ImportedMark o={o} lang={lang} />
          </li>
        ))}
      </ul>
    </details>
  );
}
