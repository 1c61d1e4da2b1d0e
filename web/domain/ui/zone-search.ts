/**
 * Finding a place by name: Chinese or English name, alias or short form (the gazetteer's `aliases` and
 * `listForms`), by the search rule in search.ts; place names also match loosely (鄂尔多斯风电 finds
 * 鄂尔多斯千万千瓦级风电基地). A group with no shape of its own (一湖两海, 呼包鄂乌) finds its members on the
 * map, each after the places matched by their own names at the same tier.
 */
import { bestTier, fold, type HitGroup, inOrder, normalizeQuery, rankHits, type Tier } from './search.ts';

export { inOrder, normalizeQuery };

export interface SearchableNames {
  zh: string;
  en: string;
  aliases: readonly string[];
  listForms?: readonly string[];
}

export interface SearchItem<T> {
  item: T;
  /** the names, folded (search.ts) */
  names: string[];
}

export const searchItem = <T>(item: T, names: SearchableNames): SearchItem<T> => ({
  item,
  names: [
    ...new Set([names.zh, names.en, ...names.aliases, ...(names.listForms ?? [])].map((n) => fold(n).text)),
  ],
});

/** A group of places found by the group's names: its members (those the search can open). */
export interface GroupItem<T, G> extends SearchItem<G> {
  members: readonly T[];
}

export interface PlaceHit<T, G> {
  item: T;
  tier: Tier;
  /** the group whose name matched, when the place was found through it */
  group?: G;
}

/** Places matching a query, best first, at most `limit` (the total counts every match). */
export function matchPlaces<T, G = never>(
  items: readonly SearchItem<T>[],
  query: string,
  limit = 12,
  groups: readonly GroupItem<T, G>[] = [],
): HitGroup<PlaceHit<T, G>> & { best: Tier | null } {
  const q = normalizeQuery(query);
  if (!q) return { hits: [], total: 0, best: null };
  const hits: PlaceHit<T, G>[] = [];
  const found = new Set<T>();
  for (const i of items) {
    const tier = bestTier(q, i.names, true);
    if (tier === null) continue;
    found.add(i.item);
    hits.push({ item: i.item, tier });
  }
  for (const g of groups) {
    const tier = bestTier(q, g.names);
    if (tier === null) continue;
    for (const m of g.members) {
      if (found.has(m)) continue;
      found.add(m);
      hits.push({ item: m, tier, group: g.item });
    }
  }
  // within a tier, places found by their own names come before those found through a group
  return rankHits(hits, limit, (h) => h.tier * 2 + (h.group === undefined ? 0 : 1));
}

/** The places matching a query, best first (names containing it before names holding its characters in order). */
export function matchZones<T>(items: readonly SearchItem<T>[], query: string, limit = 12): T[] {
  return matchPlaces(items, query, limit).hits.map((h) => h.item);
}
