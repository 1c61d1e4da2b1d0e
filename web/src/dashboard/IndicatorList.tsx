import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { Lang } from '../../../layers/types.ts';
import { STATUS_ORDER } from '../../domain/plan/indicator-paint.ts';
import type { StatusCode } from '../../domain/plan/status.ts';
import type { PlanData } from '../../domain/plan/types.ts';
import type { ZoneIndicatorRow } from '../../domain/plan/zone-indicators.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { fill, type Names, scopeText } from '../strings/indicator-labels.ts';
import { statusLabel, targetLabel } from '../strings/plan-labels.ts';
import { openIndicator } from './indicator-actions.ts';
import { StatusLine } from './StatusLine.tsx';

/** The chapter a task id (2.3.1) belongs to. */
const chapterOf = (taskId: string) => taskId.split('.')[0] ?? '';

/** Moves the focus among the list's buttons: ↑ ↓ one step, Home and End to the ends. */
function onListKey(e: KeyboardEvent<HTMLElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(e.key)) return;
  const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.indicator-item')];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? items.length - 1
        : Math.min(items.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
  e.preventDefault();
  items[next]?.focus();
}

/** The status a list row shows: the scope's, or for a scope of several zones each zone's own when it has some. */
const rowStatuses = (row: ZoneIndicatorRow): StatusCode[] =>
  row.perZone.length > 0 && row.status.status === 'no-data'
    ? row.perZone.map((z) => z.status.status)
    : [row.status.status];

/** Every indicator by chapter, each with targets, scope and status; a filter by status. */
export function IndicatorList({
  rows,
  plan,
  names,
  lang,
  asOfYear,
  focusId,
}: {
  rows: ZoneIndicatorRow[];
  plan: Pick<PlanData, 'chapters'>;
  names: Names;
  lang: Lang;
  asOfYear: number;
  /** the indicator whose detail was just closed */
  focusId: string | null;
}) {
  const [filter, setFilter] = useState<StatusCode | 'all'>('all');
  const listRef = useRef<HTMLElement>(null);
  // back from an indicator's detail, the focus returns to its row
  useEffect(() => {
    if (!focusId) return;
    listRef.current?.querySelector<HTMLButtonElement>(`button[data-indicator-id="${focusId}"]`)?.focus();
  }, [focusId]);
  const shown = rows.filter((r) => filter === 'all' || rowStatuses(r).includes(filter));
  const chapters = plan.chapters
    .map((c) => ({ chapter: c, rows: shown.filter((r) => chapterOf(r.indicator.taskId) === c.id) }))
    .filter((g) => g.rows.length > 0);
  const counts = new Map(
    STATUS_ORDER.map((code) => [code, rows.filter((r) => rowStatuses(r).includes(code)).length]),
  );
  const open = (id: string) => openIndicator(useAppStore, id);
  return (
    <>
      <p className="dash-intro">{fill('dashIntro', lang, { n: rows.length, year: asOfYear })}</p>
      <fieldset className="dash-filter">
        <legend>{t('dashFilter', lang)}</legend>
        {(['all', ...STATUS_ORDER] as const).map((code) => (
          <button
            key={code}
            type="button"
            aria-pressed={filter === code}
            data-filter={code}
            onClick={() => setFilter(code)}
          >
            {code === 'all' ? t('dashFilterAll', lang) : statusLabel(code, lang)}{' '}
            <span className="dash-count">({code === 'all' ? rows.length : counts.get(code)})</span>
          </button>
        ))}
      </fieldset>
      <p className="dash-keys">{t('dashKeysHint', lang)}</p>
      <nav className="dash-list" aria-label={t('dashListLabel', lang)} ref={listRef} onKeyDown={onListKey}>
        {chapters.length === 0 ? <p className="zone-empty">{t('dashNoneWithStatus', lang)}</p> : null}
        {chapters.map(({ chapter, rows: inChapter }) => (
          <section key={chapter.id} className="dash-chapter">
            <h3>
              {fill('dashChapter', lang, {
                numeral: chapter.numeral,
                no: chapter.no,
                title: lang === 'zh' ? chapter.title : (chapter.titleEn ?? chapter.title),
              })}
            </h3>
            <ul>
              {inChapter.map((row) => {
                const ind = row.indicator;
                return (
                  <li key={ind.id}>
                    <button
                      type="button"
                      className="indicator-item"
                      data-indicator-id={ind.id}
                      onClick={() => open(ind.id)}
                    >
                      <strong className="indicator-name">{lang === 'zh' ? ind.name : ind.en}</strong>
                      <span className="targets">
                        {ind.targets
                          .map(
                            (tg) =>
                              `${tg.year ?? t('dashStanding', lang)} ${targetLabel(tg, ind.unit, lang)}`,
                          )
                          .join(t('dashSeparator', lang))}
                      </span>
                      <span className="indicator-scope">
                        {fill('indicatorScope', lang, { scope: scopeText(row, names, lang) })}
                      </span>
                      {row.perZone.length > 0 && row.status.status === 'no-data' ? (
                        <span className="dash-per-zone">
                          {row.perZone.map((z) => (
                            <span key={z.zoneId} data-zone-id={z.zoneId}>
                              {fill('dashZoneLabel', lang, { zone: names([z.zoneId]) })}
                              <StatusLine status={z.status} lang={lang} />
                            </span>
                          ))}
                        </span>
                      ) : (
                        <StatusLine status={row.status} lang={lang} />
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </nav>
    </>
  );
}
