import { useEffect, useId, useMemo, useState } from 'react';
import {
  filterActive,
  filterCounts,
  filterTasks,
  HORIZONS,
  type Horizon,
  NO_FILTER,
  type TaskFilter,
  taskTree,
} from '../../domain/plan/task-browse.ts';
import type { ZoneKind } from '../../domain/plan/types.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { usePlanBundle } from '../plan/use-plan.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import { zoneKindLabel } from '../strings/task-labels.ts';
import '../styles/tasks.css';
import '../styles/zone-tasks.css';
import { loadZoneIndex, type ZoneIndexEntry } from '../zones/zone-index.ts';
import { CoverageControl } from './CoverageControl.tsx';
import { TaskDetail } from './TaskDetail.tsx';
import { TaskTree } from './TaskTree.tsx';

type Lang = 'zh' | 'en';

/** The filters: chapter, horizon year, place kind, free text; each option says how many tasks it holds. */
function Filters({
  bundle,
  filter,
  setFilter,
  lang,
}: {
  bundle: PlanBundle;
  filter: TaskFilter;
  setFilter: (f: TaskFilter) => void;
  lang: Lang;
}) {
  const id = useId();
  const counts = useMemo(() => filterCounts(bundle.plan, bundle.gazetteer), [bundle]);
  const kinds = [...counts.kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const en = lang === 'en';
  return (
    <fieldset className="task-filters">
      <legend className="visually-hidden">{t('tbFilters', lang)}</legend>
      <label htmlFor={`${id}-c`}>{t('tbChapter', lang)}</label>
      <select
        id={`${id}-c`}
        data-filter="chapter"
        value={filter.chapter ?? ''}
        onChange={(e) => setFilter({ ...filter, chapter: e.target.value ? Number(e.target.value) : null })}
      >
        <option value="">{t('tbAllChapters', lang)}</option>
        {bundle.plan.chapters.map((c) => (
          <option key={c.no} value={c.no}>
            {`${en && c.titleEn ? `${c.no}. ${c.titleEn}` : `${c.numeral}、${c.title}`} (${
              bundle.plan.tasks.filter((x) => x.chapterNo === c.no).length
            })`}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-h`}>{t('tbHorizon', lang)}</label>
      <select
        id={`${id}-h`}
        data-filter="horizon"
        value={filter.horizon ?? ''}
        onChange={(e) =>
          setFilter({ ...filter, horizon: e.target.value ? (Number(e.target.value) as Horizon) : null })
        }
      >
        <option value="">{t('tbAnyYear', lang)}</option>
        {HORIZONS.map((h) => (
          <option key={h} value={h}>
            {fill('tbHorizonOption', lang, { year: h, n: counts.horizons.get(h) ?? 0 })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-k`}>{t('tbKind', lang)}</label>
      <select
        id={`${id}-k`}
        data-filter="kind"
        value={filter.kind ?? ''}
        onChange={(e) => setFilter({ ...filter, kind: (e.target.value || null) as ZoneKind | null })}
      >
        <option value="">{t('tbAnyKind', lang)}</option>
        {kinds.map(([k, n]) => (
          <option key={k} value={k}>
            {fill('tbKindOption', lang, { kind: zoneKindLabel(k, lang), n })}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-q`}>{t('tbText', lang)}</label>
      <input
        id={`${id}-q`}
        type="search"
        data-filter="text"
        value={filter.text}
        placeholder={t('tbTextPlaceholder', lang)}
        onChange={(e) => setFilter({ ...filter, text: e.target.value })}
      />
      <button type="button" disabled={!filterActive(filter)} onClick={() => setFilter(NO_FILTER)}>
        {t('tbClearFilters', lang)}
      </button>
    </fieldset>
  );
}

/**
 * The task browser (view=tasks): every task of the plan by chapter › section, filtered by chapter, horizon year,
 * place kind and text; the chosen task (store.selectedTaskId) opens under its entry with its text, places and
 * indicators, and its places are outlined and framed on the map (openTask).
 */
export default function TaskBrowser() {
  const lang = useAppStore((s) => s.lang);
  const selected = useAppStore((s) => s.selectedTaskId);
  const bundle = usePlanBundle(true);
  const [filter, setFilter] = useState<TaskFilter>(NO_FILTER);
  const [index, setIndex] = useState<Record<string, ZoneIndexEntry> | null>(null);
  useEffect(() => {
    let live = true;
    void loadZoneIndex().then((i) => {
      if (live) setIndex(i);
    });
    return () => {
      live = false;
    };
  }, []);
  const shown = useMemo(
    () => (bundle ? filterTasks(bundle.plan, bundle.gazetteer, filter, lang) : []),
    [bundle, filter, lang],
  );
  const tree = useMemo(() => (bundle ? taskTree(bundle.plan, shown) : []), [bundle, shown]);
  if (!bundle) return <p className="view-loading">{t('viewLoading', lang)}</p>;
  const total = bundle.plan.tasks.length;
  const task = selected ? bundle.plan.tasks.find((x) => x.id === selected) : undefined;
  const detail = task ? <TaskDetail task={task} bundle={bundle} index={index} lang={lang} /> : null;
  const hidden = task && !shown.includes(task);
  return (
    <div className="task-browser" data-total={total} data-shown={shown.length}>
      <header className="task-browser-head">
        <h2>{t('viewTasks', lang)}</h2>
        <CoverageControl bundle={bundle} lang={lang} />
      </header>
      {lang === 'en' && bundle.plan.titlesEn ? (
        <p className="note-titles-en" data-source={bundle.plan.titlesEn.source}>
          {t('titlesEnNote', lang)}
        </p>
      ) : null}
      <Filters bundle={bundle} filter={filter} setFilter={setFilter} lang={lang} />
      <p className="note-rule">
        {t('tbHorizonRule', lang)} {t('tbKindRule', lang)}
      </p>
      <p className="task-shown" aria-live="polite">
        {fill('tbShown', lang, { n: shown.length, total })}
      </p>
      {selected && !task ? (
        <p className="task-unknown" role="alert">
          {fill('tbUnknownTask', lang, { id: selected })}
        </p>
      ) : null}
      {hidden ? (
        <div className="task-hidden">
          <p className="note-rule">{t('tbFilteredOut', lang)}</p>
          <p className="task-hidden-title">
            <span className="task-id">{task.id}</span>{' '}
            {lang === 'en' ? (task.titleEn ?? task.title) : task.title}
          </p>
          {detail}
        </div>
      ) : null}
      {shown.length === 0 ? <p className="task-none">{t('tbNoneMatch', lang)}</p> : null}
      <TaskTree
        tree={tree}
        lang={lang}
        filtering={filterActive(filter)}
        filterKey={JSON.stringify(filter)}
        detail={hidden ? null : detail}
      />
    </div>
  );
}
