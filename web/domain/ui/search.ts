/**
 * The search box's one matching rule, shared by places, tasks and indicators. Text is compared folded: NFKC
 * (full-width letters and digits as ASCII), lower case, quotation marks dropped (the plan writes “三北”工程, a
 * reader types 三北工程). A result matches the query at a tier, lower is better:
 *   0 a name, title or id is the query, 1 one starts with it, 2 one contains it,
 *   3 a full text contains it, or a place name holds its characters in order (鄂尔多斯风电 finds
 *     鄂尔多斯千万千瓦级风电基地; loose matching is for place names only),
 *   4 a task names a place whose name is or starts with the query (Kubuqi finds the tasks naming 库布其).
 * Results are ranked by tier, then in their source order; each kind of result is a group, and groups are shown
 * in the order of their best result (ties: places, tasks, indicators).
 */

export type Tier = 0 | 1 | 2 | 3 | 4;
export const EXACT: Tier = 0;
export const PREFIX: Tier = 1;
export const CONTAINS: Tier = 2;
export const LOOSE: Tier = 3;
export const RELATED: Tier = 4;

const QUOTES = /["'“”‘’「」『』]/u;

/** Text folded for matching, with where in the original text each folded code unit comes from. */
export interface Folded {
  text: string;
  /** from[i], to[i]: the original character that folded code unit i comes from */
  from: number[];
  to: number[];
}

export function fold(original: string): Folded {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of original) {
    if (!QUOTES.test(ch)) {
      const f = ch.normalize('NFKC').toLowerCase();
      text += f;
      for (let k = 0; k < f.length; k++) {
        from.push(i);
        to.push(i + ch.length);
      }
    }
    i += ch.length;
  }
  return { text, from, to };
}

/** The query as matched: folded, outer spaces trimmed. */
export const normalizeQuery = (q: string): string => fold(q.trim()).text.trim();

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

/** The tier at which a folded field matches a normalized query, or null. */
export function tierOf(query: string, field: string, loose = false): Tier | null {
  if (!query) return null;
  if (field === query) return EXACT;
  if (field.startsWith(query)) return PREFIX;
  if (field.includes(query)) return CONTAINS;
  return loose && inOrder(query, field) ? LOOSE : null;
}

/** The best tier over several folded fields, or null. */
export function bestTier(query: string, fields: readonly string[], loose = false): Tier | null {
  let best: Tier | null = null;
  for (const f of fields) {
    const t = tierOf(query, f, loose);
    if (t !== null && (best === null || t < best)) best = t;
    if (best === EXACT) break;
  }
  return best;
}

/** Where a normalized query first occurs in a folded text, as offsets in the original text; null if nowhere. */
export function findIn(query: string, hay: Folded): { start: number; end: number } | null {
  const i = query ? hay.text.indexOf(query) : -1;
  if (i < 0) return null;
  return { start: hay.from[i] as number, end: hay.to[i + query.length - 1] as number };
}

/** A stretch of text with one marked part: before + mark + after; cut* say whether text was left out. */
export interface Snippet {
  before: string;
  mark: string;
  after: string;
  cutStart: boolean;
  cutEnd: boolean;
}

/** The text around [start, end): at most `radius` characters on each side. */
export function snippet(text: string, start: number, end: number, radius = 18): Snippet {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  return {
    before: text.slice(from, start),
    mark: text.slice(start, end),
    after: text.slice(end, to),
    cutStart: from > 0,
    cutEnd: to < text.length,
  };
}

/** Hits of one kind, ranked, cut to a limit; `total` counts them all. */
export interface HitGroup<H> {
  hits: H[];
  total: number;
}

/** Ranks hits (by tier unless `rank` says otherwise; stable: source order within a rank) and keeps `limit`. */
export function rankHits<H extends { tier: Tier }>(
  hits: readonly H[],
  limit: number,
  rank: (h: H) => number = (h) => h.tier,
): HitGroup<H> & { best: Tier | null } {
  const sorted = hits
    .map((h, i) => ({ h, i, r: rank(h) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.h);
  let best: Tier | null = null;
  for (const h of sorted) if (best === null || h.tier < best) best = h.tier;
  return { hits: sorted.slice(0, limit), total: sorted.length, best };
}

export type SearchGroupKind = 'places' | 'tasks' | 'indicators';
const GROUP_ORDER: readonly SearchGroupKind[] = ['places', 'tasks', 'indicators'];

/** The non-empty groups, in the order of their best tier (ties: places, tasks, indicators). */
export function orderGroups<G extends { kind: SearchGroupKind; best: Tier | null }>(
  groups: readonly G[],
): G[] {
  return groups
    .filter((g) => g.best !== null)
    .sort(
      (a, b) =>
        (a.best as Tier) - (b.best as Tier) || GROUP_ORDER.indexOf(a.kind) - GROUP_ORDER.indexOf(b.kind),
    );
}
