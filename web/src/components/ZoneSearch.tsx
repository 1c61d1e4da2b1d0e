import { useId, useMemo, useState } from 'react';
import { featureBadge } from '../../../layers/badge.ts';
import { layerById } from '../../../layers/registry.ts';
import type { GazetteerEntry } from '../../domain/plan/types.ts';
import { matchZones, type SearchItem, searchItem } from '../../domain/ui/zone-search.ts';
import { openZone } from '../app/zone-actions.ts';
import { loadPlanBundle } from '../plan/plan-data.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { loadZoneIndex, type ZoneIndexEntry } from '../zones/zone-index.ts';
import { BadgeMark } from './BadgeMark.tsx';

type Searchable = SearchItem<{ entry: GazetteerEntry; at: ZoneIndexEntry }>;

/** Find a zone by name, short name or alias (zh/en) and open it; keyboard first (↑ ↓ Enter Esc). */
export function ZoneSearch() {
  const lang = useAppStore((s) => s.lang);
  const userLayers = useAppStore((s) => s.userLayers);
  const [items, setItems] = useState<Searchable[] | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();

  const load = () => {
    if (items) return;
    void Promise.all([loadPlanBundle(), loadZoneIndex()]).then(([bundle, index]) => {
      const list: Searchable[] = [];
      for (const entry of bundle.gazetteer.values()) {
        const at = index[entry.id];
        if (at) list.push(searchItem({ entry, at }, entry));
      }
      setItems(list);
    });
  };

  const hits = useMemo(() => (items ? matchZones(items, query) : []), [query, items]);

  const open = (i: Searchable['item'] | undefined) => {
    if (!i) return;
    openZone(useAppStore, i.entry.id, i.at);
    setQuery('');
  };

  return (
    <div className="zone-search">
      <input
        type="search"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
        aria-label={t('searchZones', lang)}
        placeholder={t('searchZones', lang)}
        value={query}
        onFocus={load}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') open(hits[active]);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {hits.length > 0 ? (
        <div id={listId} role="listbox" className="zone-search-results">
          {hits.map((h, i) => {
            const def = layerById(h.at.layerId);
            // search finds built-in zones (gazetteer and zone index): their badge is the built-in data's
            const { badge, superseded } = def
              ? featureBadge(def, userLayers, 'builtin')
              : { badge: null, superseded: false };
            return (
              <div
                key={h.entry.id}
                id={`${listId}-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                data-zone-id={h.entry.id}
                onMouseDown={(e) => {
                  e.preventDefault();
                  open(h);
                }}
              >
                {h.entry[lang]} <BadgeMark badge={badge} lang={lang} />
                {superseded ? (
                  <span className="zone-search-superseded">{t('supersededShort', lang)}</span>
                ) : null}{' '}
                <span className="zone-search-alt">{lang === 'zh' ? h.entry.en : h.entry.zh}</span>
              </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
