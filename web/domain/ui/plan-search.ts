/**
 * Finding tasks and indicators of the plan, by the search rule in search.ts. Loaded with the plan (not before the
 * map's first idle).
 * Tasks: by id (2.3.3 exactly, 2.3 for its section's tasks), by title (Chinese; also the project's English title
 * when the interface is in English), by full text (Chinese), and through the places they name (mentions).
 * Indicators: by id, Chinese and English name, and the subject as the outline words it.
 */
import type { GazetteerEntry, Indicator, PlanData, Task } from '../plan/types.ts';
import {
  bestTier,
  EXACT,
  type Folded,
  findIn,
  fold,
  type HitGroup,
  LOOSE,
  normalizeQuery,
  PREFIX,
  RELATED,
  rankHits,
  type Snippet,
  snippet,
  type Tier,
} from './search.ts';
import { type SearchItem, searchItem } from './zone-search.ts';

type Lang = 'zh' | 'en';

interface TaskEntry {
  task: Task;
  title: Folded;
  titleEn: Folded | null;
  text: Folded;
}

interface IndicatorEntry {
  indicator: Indicator;
  fields: string[];
  name: Folded;
  en: Folded;
}

export interface PlanSearchIndex {
  tasks: TaskEntry[];
  indicators: IndicatorEntry[];
  /** every gazetteer entry (places on the map, groups, places outside), by its names */
  places: SearchItem<string>[];
}

export function planSearchIndex(plan: PlanData, gazetteer: Iterable<GazetteerEntry>): PlanSearchIndex {
  return {
    tasks: plan.tasks.map((task) => ({
      task,
      title: fold(task.title),
      titleEn: task.titleEn ? fold(task.titleEn) : null,
      text: fold(task.text),
    })),
    indicators: plan.indicators.map((indicator) => ({
      indicator,
      fields: [indicator.id, indicator.name, indicator.en, indicator.rawName].map((f) => fold(f).text),
      name: fold(indicator.name),
      en: fold(indicator.en),
    })),
    places: [...gazetteer].map((e) => searchItem(e.id, e)),
  };
}

/** A marked span, as offsets in the original text. */
export interface Span {
  start: number;
  end: number;
}

export type TaskMatch = 'id' | 'title' | 'text' | 'place';

export interface TaskHit {
  task: Task;
  tier: Tier;
  match: TaskMatch;
  /** the query in the title shown in `lang` (Chinese, or the English title in English) */
  titleMark: Span | null;
  /** the text around the match, when the title shown does not hold it */
  snippet: Snippet | null;
  /** for a match through a place: the gazetteer id of the place the task names */
  placeId?: string;
}

export interface IndicatorHit {
  indicator: Indicator;
  tier: Tier;
  /** the query in the name shown in `lang` */
  nameMark: Span | null;
}

/** Tier of a task id: exactly the query (2.3.3), or the query is the id's chapter or section (2, 2.3, 2.3.). */
function idTier(q: string, id: string): Tier | null {
  if (id === q) return EXACT;
  if (id.startsWith(q) && (q.endsWith('.') || id[q.length] === '.')) return PREFIX;
  return null;
}

/** Places whose name is or starts with the query: tasks naming them are found through them. */
function namedPlaces(index: PlanSearchIndex, q: string): Set<string> {
  const ids = new Set<string>();
  if ([...q].length < 2) return ids;
  for (const p of index.places) {
    const tier = bestTier(q, p.names);
    if (tier !== null && tier <= PREFIX) ids.add(p.item);
  }
  return ids;
}

export function searchTasks(
  index: PlanSearchIndex,
  query: string,
  lang: Lang,
  limit = 8,
): HitGroup<TaskHit> & { best: Tier | null } {
  const q = normalizeQuery(query);
  if (!q) return { hits: [], total: 0, best: null };
  const places = namedPlaces(index, q);
  const hits: TaskHit[] = [];
  for (const e of index.tasks) {
    const { task } = e;
    const shownTitle = lang === 'en' && e.titleEn ? e.titleEn : e.title;
    const titles = lang === 'en' && e.titleEn ? [e.title.text, e.titleEn.text] : [e.title.text];
    const byId = idTier(q, task.id);
    const byTitle = bestTier(q, titles);
    let tier: Tier;
    let match: TaskMatch;
    let placeId: string | undefined;
    let around: Span | null = null;
    if (byId !== null && (byTitle === null || byId <= byTitle)) {
      tier = byId;
      match = 'id';
    } else if (byTitle !== null) {
      tier = byTitle;
      match = 'title';
    } else if (e.text.text.includes(q)) {
      tier = LOOSE;
      match = 'text';
    } else {
      const m = task.mentions.find((x) => places.has(x.zoneId));
      if (!m) continue;
      tier = RELATED;
      match = 'place';
      placeId = m.zoneId;
      around = { start: m.start, end: m.end };
    }
    const titleMark = match === 'id' ? null : findIn(q, shownTitle);
    around ??= match === 'id' || titleMark ? null : findIn(q, e.text);
    hits.push({
      task,
      tier,
      match,
      titleMark,
      snippet: around ? snippet(task.text, around.start, around.end) : null,
      ...(placeId ? { placeId } : {}),
    });
  }
  return rankHits(hits, limit);
}

export function searchIndicators(
  index: PlanSearchIndex,
  query: string,
  lang: Lang,
  limit = 5,
): HitGroup<IndicatorHit> & { best: Tier | null } {
  const q = normalizeQuery(query);
  if (!q) return { hits: [], total: 0, best: null };
  const hits: IndicatorHit[] = [];
  for (const e of index.indicators) {
    const tier = bestTier(q, e.fields);
    if (tier === null) continue;
    hits.push({ indicator: e.indicator, tier, nameMark: findIn(q, lang === 'en' ? e.en : e.name) });
  }
  return rankHits(hits, limit);
}
