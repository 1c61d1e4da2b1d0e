/**
 * What the search box (components/ZoneSearch.tsx) loads on first focus: the matching (web/domain/ui), the
 * results list, and what opening a result does. Kept out of the code that runs before the map's first idle.
 */

import { featureBadge } from '../../../layers/badge.ts';
import { layerById } from '../../../layers/registry.ts';
import type { Lang } from '../../../layers/types.ts';
import type { GazetteerEntry } from '../../domain/plan/types.ts';
import type { IndicatorHit, Span, TaskHit } from '../../domain/ui/plan-search.ts';
import { orderGroups, type SearchGroupKind, type Snippet } from '../../domain/ui/search.ts';
import { matchPlaces, type PlaceHit } from '../../domain/ui/zone-search.ts';
import { openZone } from '../app/zone-actions.ts';
import { BadgeMark } from '../components/BadgeMark.tsx';
import { openIndicator } from '../dashboard/indicator-actions.ts';
import { useAppStore } from '../store/store.ts';
import { type StringKey, t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import { openTask } from '../tasks/task-actions.ts';
import type { Place, PlaceSearch, PlanSearch } from './search-data.ts';

export { loadPlaceSearch, loadPlanSearch } from './search-data.ts';

export type Option =
  | { kind: 'places'; hit: PlaceHit<Place, GazetteerEntry> }
  | { kind: 'tasks'; hit: TaskHit }
  | { kind: 'indicators'; hit: IndicatorHit };

const PLACE_LIMIT = 8;

const HEADING: Record<SearchGroupKind, StringKey> = {
  places: 'searchGroupPlaces',
  tasks: 'searchGroupTasks',
  indicators: 'searchGroupIndicators',
};

/** Text with one span marked (the query where it was found); rendered as text, never HTML. */
function Marked({ text, span }: { text: string; span: Span | null }) {
  if (!span) return <>{text}</>;
  return (
    <>
      {text.slice(0, span.start)}
      <mark>{text.slice(span.start, span.end)}</mark>
      {text.slice(span.end)}
    </>
  );
}

function SnippetText({ s }: { s: Snippet }) {
  return (
    <span className="search-snippet">
      {s.cutStart ? '…' : ''}
      {s.before}
      <mark>{s.mark}</mark>
      {s.after}
      {s.cutEnd ? '…' : ''}
    </span>
  );
}

function PlaceOption({ hit, lang }: { hit: PlaceHit<Place, GazetteerEntry>; lang: Lang }) {
  const userLayers = useAppStore((s) => s.userLayers);
  const { entry, at } = hit.item;
  const def = layerById(at.layerId);
  // search finds built-in zones (gazetteer and zone index): their badge is the built-in data's
  const { badge, superseded } = def
    ? featureBadge(def, userLayers, 'builtin')
    : { badge: null, superseded: false };
  return (
    <>
      {entry[lang]} <BadgeMark badge={badge} lang={lang} />
      {superseded ? <span className="zone-search-superseded">{t('supersededShort', lang)}</span> : null}{' '}
      <span className="zone-search-alt">{lang === 'zh' ? entry.en : entry.zh}</span>
      {hit.group ? (
        <span className="search-via">{fill('searchViaGroup', lang, { name: hit.group[lang] })}</span>
      ) : null}
    </>
  );
}

function TaskOption({ hit, lang }: { hit: TaskHit; lang: Lang }) {
  const title = lang === 'en' && hit.task.titleEn ? hit.task.titleEn : hit.task.title;
  return (
    <>
      <span className="search-task-id">{hit.task.id}</span> <Marked text={title} span={hit.titleMark} />
      {hit.snippet ? <SnippetText s={hit.snippet} /> : null}
    </>
  );
}

function IndicatorOption({ hit, lang }: { hit: IndicatorHit; lang: Lang }) {
  const i = hit.indicator;
  return (
    <>
      <Marked text={lang === 'en' ? i.en : i.name} span={hit.nameMark} />{' '}
      <span className="zone-search-alt">{lang === 'en' ? i.name : i.en}</span>
    </>
  );
}

function optionKey(o: Option): string {
  if (o.kind === 'places') return `p:${o.hit.item.entry.id}`;
  if (o.kind === 'tasks') return `t:${o.hit.task.id}`;
  return `i:${o.hit.indicator.id}`;
}

function optionData(o: Option): Record<string, string> {
  if (o.kind === 'places') return { 'data-zone-id': o.hit.item.entry.id };
  if (o.kind === 'tasks') return { 'data-task-id': o.hit.task.id };
  return { 'data-indicator-id': o.hit.indicator.id };
}

/** Opens what a result names: a place on the map, a task in the task browser, an indicator in the dashboard. */
export function openOption(o: Option): void {
  if (o.kind === 'places') {
    openZone(useAppStore, o.hit.item.entry.id, o.hit.item.at);
    return;
  }
  const s = useAppStore.getState();
  // a plan view and the screening panel share the map's side (as the view commands do)
  s.setScreeningOpen(false);
  if (o.kind === 'tasks') {
    s.setView('tasks');
    openTask(useAppStore, o.hit.task.id);
  } else {
    s.setView('indicators');
    openIndicator(useAppStore, o.hit.indicator.id);
  }
}

export interface ResultGroup {
  kind: SearchGroupKind;
  total: number;
  options: Option[];
}

/**
 * The results for a query: places (as soon as the gazetteer is in), tasks and indicators (once the plan is),
 * each group ranked and cut, the groups in the order of their best result (web/domain/ui/search.ts).
 */
export function findResults(
  query: string,
  lang: Lang,
  places: PlaceSearch | null,
  plan: PlanSearch | null,
): ResultGroup[] {
  if (!query.trim()) return [];
  const found = [
    {
      kind: 'places' as const,
      ...(places
        ? matchPlaces(places.items, query, PLACE_LIMIT, places.groups)
        : { hits: [], total: 0, best: null }),
    },
    ...(plan
      ? [
          { kind: 'tasks' as const, ...plan.tasks(query, lang) },
          { kind: 'indicators' as const, ...plan.indicators(query, lang) },
        ]
      : []),
  ];
  return orderGroups(found).map((g) => ({
    kind: g.kind,
    total: g.total,
    options: g.hits.map((hit) => ({ kind: g.kind, hit }) as Option),
  }));
}

/** The listbox: a group per kind under its heading with its count, the options, and how many more there are. */
export function ResultList(props: {
  id: string;
  groups: ResultGroup[];
  active: number;
  lang: Lang;
  optionId(i: number): string;
  onChoose(o: Option): void;
  onHover(i: number): void;
}) {
  const { id, groups, active, lang, optionId } = props;
  let index = 0;
  return (
    <div id={id} role="listbox" aria-label={t('searchResults', lang)}>
      {groups.map((g) => (
        // biome-ignore lint/a11y/useSemanticElements: a listbox's groups are role=group (no fieldset in a listbox)
        <div
          key={g.kind}
          role="group"
          aria-labelledby={`${id}-${g.kind}`}
          className="search-group"
          data-group={g.kind}
        >
          <div id={`${id}-${g.kind}`} className="search-group-head">
            {t(HEADING[g.kind], lang)} ({g.total})
          </div>
          {g.options.map((o) => {
            const i = index++;
            return (
              <div
                key={optionKey(o)}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                {...optionData(o)}
                onMouseDown={(e) => {
                  e.preventDefault();
                  props.onChoose(o);
                }}
                onMouseMove={() => {
                  if (i !== active) props.onHover(i);
                }}
              >
                {o.kind === 'places' ? (
                  <PlaceOption hit={o.hit} lang={lang} />
                ) : o.kind === 'tasks' ? (
                  <TaskOption hit={o.hit} lang={lang} />
                ) : (
                  <IndicatorOption hit={o.hit} lang={lang} />
                )}
              </div>
            );
          })}
          {g.total > g.options.length ? (
            <div className="search-more">{fill('searchMore', lang, { n: g.total - g.options.length })}</div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
