/**
 * Finding a zone by name: Chinese or English name, short name or alias, case-insensitive. Names that contain
 * the query come first, then names that hold its characters in order (鄂尔多斯风电 finds
 * 鄂尔多斯千万千瓦级风电基地); within each group the gazetteer's order is kept.
 */

export interface SearchableNames {
  zh: string;
  en: string;
  aliases: readonly string[];
}

export interface SearchItem<T> {
  item: T;
  /** the names, lower-cased */
  names: string[];
}

export const searchItem = <T>(item: T, names: SearchableNames): SearchItem<T> => ({
  item,
  names: [names.zh, names.en, ...names.aliases].map((n) => n.toLowerCase()),
});

/** Whether `hay` holds the characters of `needle` in order (spaces in the needle are skipped). */
export function inOrder(needle: string, hay: string): boolean {
  let at = 0;
  for (const ch of needle) {
    if (ch.trim() === '') continue;
    at = hay.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

export const normalizeQuery = (q: string): string => q.trim().toLowerCase();

export function matchZones<T>(items: readonly SearchItem<T>[], query: string, limit = 12): T[] {
  const q = normalizeQuery(query);
  if (!q) return [];
  const contains: T[] = [];
  const loose: T[] = [];
  for (const i of items) {
    if (i.names.some((n) => n.includes(q))) contains.push(i.item);
    else if (i.names.some((n) => inOrder(q, n))) loose.push(i.item);
  }
  return [...contains, ...loose].slice(0, limit);
}
