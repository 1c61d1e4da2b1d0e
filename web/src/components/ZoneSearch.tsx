import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PlaceSearch, PlanSearch } from '../search/search-data.ts';
import { searchPort } from '../search/search-port.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';

type Results = typeof import('../search/SearchResults.tsx');
type Loading<T> = { status: 'idle' | 'loading' | 'failed' } | { status: 'ready'; data: T };

/**
 * The one search box: places (zones on the map, and the members of groups such as 一湖两海), tasks (id, title,
 * text) and indicators (name, id), grouped and ranked by web/domain/ui/search.ts. Keyboard first: ↑ ↓ move
 * across the groups, Enter opens, Esc clears; `/` or Ctrl+K (command `search.focus`) comes here. On first focus
 * or typing it loads the results code with the gazetteer, and the plan (not before the map's first idle);
 * places are searched while the plan loads.
 */
export function ZoneSearch() {
  const lang = useAppStore((s) => s.lang);
  const [results, setResults] = useState<Results | null>(null);
  const [places, setPlaces] = useState<Loading<PlaceSearch>>({ status: 'idle' });
  const [plan, setPlan] = useState<Loading<PlanSearch>>({ status: 'idle' });
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => searchPort.register(() => input.current?.focus()), []);

  const load = () => {
    const startPlaces = places.status === 'idle' || places.status === 'failed';
    const startPlan = plan.status === 'idle' || plan.status === 'failed';
    if (!startPlaces && !startPlan) return;
    if (startPlaces) setPlaces({ status: 'loading' });
    if (startPlan) setPlan({ status: 'loading' });
    import('../search/SearchResults.tsx').then(
      (m) => {
        setResults(m);
        if (startPlaces)
          m.loadPlaceSearch().then(
            (data) => setPlaces({ status: 'ready', data }),
            () => setPlaces({ status: 'failed' }),
          );
        if (startPlan)
          m.loadPlanSearch().then(
            (data) => setPlan({ status: 'ready', data }),
            () => setPlan({ status: 'failed' }),
          );
      },
      () => {
        setPlaces({ status: 'failed' });
        setPlan({ status: 'failed' });
      },
    );
  };

  const groups = useMemo(
    () =>
      results?.findResults(
        query,
        lang,
        places.status === 'ready' ? places.data : null,
        plan.status === 'ready' ? plan.data : null,
      ) ?? [],
    [results, query, lang, places, plan],
  );
  const options = useMemo(() => groups.flatMap((g) => g.options), [groups]);
  const at = Math.min(active, options.length - 1);
  const optionId = (i: number) => `${listId}-${i}`;
  const open = focused && options.length > 0;

  useEffect(() => {
    if (open && at >= 0) document.getElementById(optionId(at))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (o: (typeof options)[number] | undefined) => {
    if (!o || !results) return;
    results.openOption(o);
    setQuery('');
  };

  let status = '';
  if (query.trim()) {
    if (places.status === 'failed') status = t('searchPlacesFailed', lang);
    else if (plan.status === 'loading') status = t('searchPlanLoading', lang);
    else if (plan.status === 'failed') status = t('searchPlanFailed', lang);
    else if (places.status === 'ready' && plan.status === 'ready' && options.length === 0)
      status = fill('searchNothing', lang, { q: query.trim() });
  }

  return (
    <div className="zone-search">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && at >= 0 ? optionId(at) : undefined}
        aria-keyshortcuts="/ Control+K"
        aria-label={t('searchZones', lang)}
        placeholder={t('searchPlaceholder', lang)}
        value={query}
        onFocus={() => {
          setFocused(true);
          load();
        }}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
          load();
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive(Math.min(at + 1, options.length - 1));
          else if (e.key === 'ArrowUp') setActive(Math.max(at - 1, 0));
          else if (e.key === 'Enter') choose(options[at]);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {focused && (open || status) ? (
        <div className="zone-search-results">
          {open && results ? (
            <results.ResultList
              id={listId}
              groups={groups}
              active={at}
              lang={lang}
              optionId={optionId}
              onChoose={choose}
              onHover={setActive}
            />
          ) : null}
          {status ? (
            <p className="search-status" aria-hidden="true">
              {status}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
