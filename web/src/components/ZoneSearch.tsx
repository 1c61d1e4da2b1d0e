import { useId, useMemo, useState } from 'react';
import type { GazetteerEntry } from '../../domain/plan/types.ts';
import { t } from '../i18n.ts';
import { loadPlanBundle } from '../plan/plan-data.ts';
import { useAppStore } from '../store/store.ts';
import { loadZoneIndex, type ZoneIndexEntry } from '../zones/zone-index.ts';

interface Searchable {
  entry: GazetteerEntry;
  at: ZoneIndexEntry;
  haystack: string;
}

function inOrder(needle: string, hay: string): boolean {
  let at = 0;
  for (const ch of needle) {
    if (ch === ' ') continue;
    at = hay.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

/** Find a zone by name, short name or alias (zh/en) and open it; keyboard first (↑ ↓ Enter Esc). */
export function ZoneSearch() {
  const lang = useAppStore((s) => s.lang);
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
        if (at)
          list.push({ entry, at, haystack: [entry.zh, entry.en, ...entry.aliases].join('\n').toLowerCase() });
      }
      setItems(list);
    });
  };

  const q = query.trim().toLowerCase();
  const hits = useMemo(() => {
    if (!q || !items) return [];
    // names containing the query first, then names holding its characters in order (鄂尔多斯风电 → 鄂尔多斯千万千瓦级风电基地)
    const exact = items.filter((i) => i.haystack.includes(q));
    const loose = items.filter(
      (i) => !exact.includes(i) && i.haystack.split('\n').some((h) => inOrder(q, h)),
    );
    return [...exact, ...loose].slice(0, 12);
  }, [q, items]);

  const open = (i: Searchable | undefined) => {
    if (!i) return;
    useAppStore.getState().openZone(i.entry.id, i.at.layerId, i.at.bbox);
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
          {hits.map((h, i) => (
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
              {h.entry[lang]}{' '}
              <span className="zone-search-alt">{lang === 'zh' ? h.entry.en : h.entry.zh}</span>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
