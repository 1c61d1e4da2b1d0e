/**
 * A zone's tasks, each with how it is linked, computed from the plan's mentions and the gazetteer only (one source
 * of truth: the same links data/gazetteer.json lists as `taskIds`). Pure: used by the zone panel and the tests.
 *
 * Link kinds, strongest first:
 * - `region`: the zone is the region; the whole plan is its plan, every task is listed.
 * - `named`: the task text names the zone (a name, a list member such as 大青山 in 大青山、贺兰山等国家公园, or a
 *   league inside a longer name such as 包头 in 林草碳汇(包头)试验区).
 * - `group`: the text names a group the zone is a member of (一湖两海 → 呼伦湖; 几字弯 → 库布其; 自治区东部地区 →
 *   the eastern leagues; 生态保护红线 → each drawn red-line part).
 * - `inside`: only for a league — the text names a place lying within it, i.e. a gazetteer entry whose `leagues` is
 *   that league alone (腾格里沙漠, 阿拉善右旗, a wind gap), directly or through a group (生态保护红线 → the red-line
 *   parts drawn in the league).
 * - `crosses`: only for a league — the text names a place lying partly in it: the entry lists the league among
 *   several (黄河, 乌兰布和沙漠). Groups and entries with members count through their members, never themselves.
 * Brands and slogans link nothing (the matcher's notPlaces), so they never appear here.
 */
import { REGION_ID } from './gazetteer.ts';
import type { GazetteerSourceEntry, Mention, PlanData, Task } from './types.ts';

export type LinkKind = 'region' | 'named' | 'group' | 'inside' | 'crosses';

/** One way a task reaches the zone: the entry named in the text and the words that name it. */
export interface TaskLink {
  kind: LinkKind;
  /** The entry the text names: the zone itself (named), the group (group) or the place within (inside). */
  through: string;
  /** For an inside link through a group: the place within the zone that the group brings in. */
  place?: string;
  /** The mentions that made the link; their offsets point into the task text. */
  mentions: Mention[];
}

export interface ZoneTask {
  task: Task;
  /** The strongest kind among `links`. */
  kind: LinkKind;
  links: TaskLink[];
}

export interface TaskSectionGroup {
  chapterNo: number;
  chapter: string;
  sectionId: string;
  section: string;
  tasks: ZoneTask[];
}

export interface ZoneTasks {
  zoneId: string;
  /** Tasks naming the zone, directly or through a group (every task for the region). */
  naming: ZoneTask[];
  /** Tasks that do not name the zone but name places within it or partly in it (leagues only). */
  within: ZoneTask[];
  /** Places within (or partly in) the zone that tasks name, with how many tasks name each, in order of first mention. */
  places: Array<{ zoneId: string; where: 'inside' | 'crosses'; tasks: number }>;
}

type Gaz = ReadonlyMap<string, Pick<GazetteerSourceEntry, 'id' | 'kind' | 'leagues' | 'groupOf'>>;

const RANK: Record<LinkKind, number> = { region: 0, named: 1, group: 2, inside: 3, crosses: 4 };

/**
 * Where `place` lies relative to the league `zoneId`, by the gazetteer's `leagues`: `inside` when they are that
 * league alone, `crosses` when they include it among others, else null (also for groups and entries with members).
 */
export function placeInLeague(gazetteer: Gaz, place: string, zoneId: string): 'inside' | 'crosses' | null {
  if (place === zoneId) return null;
  const league = gazetteer.get(zoneId);
  const p = gazetteer.get(place);
  if (league?.kind !== 'league' || !p || p.kind === 'group' || p.groupOf) return null;
  if (!p.leagues.includes(zoneId)) return null;
  return p.leagues.length === 1 ? 'inside' : 'crosses';
}

/** The links from one task to one zone, strongest first; [] when the task does not reach the zone. */
export function taskLinks(task: Task, gazetteer: Gaz, zoneId: string): TaskLink[] {
  if (zoneId === REGION_ID) return [{ kind: 'region', through: REGION_ID, mentions: [] }];
  const byThrough = new Map<string, TaskLink>();
  const add = (kind: LinkKind, through: string, m: Mention, place?: string) => {
    const key = `${kind}|${through}|${place ?? ''}`;
    const link = byThrough.get(key) ?? { kind, through, ...(place ? { place } : {}), mentions: [] };
    link.mentions.push(m);
    byThrough.set(key, link);
  };
  for (const m of task.mentions) {
    if (m.zoneId === zoneId) add('named', zoneId, m);
    const members = gazetteer.get(m.zoneId)?.groupOf ?? [];
    if (members.includes(zoneId)) add('group', m.zoneId, m);
    const where = placeInLeague(gazetteer, m.zoneId, zoneId);
    if (where) add(where, m.zoneId, m);
    for (const member of members) {
      const w = placeInLeague(gazetteer, member, zoneId);
      if (w) add(w, m.zoneId, m, member);
    }
  }
  return [...byThrough.values()].sort((a, b) => RANK[a.kind] - RANK[b.kind]);
}

/** The zone's tasks in document order: those naming it, and (for a league) those naming places within it. */
export function zoneTasks(plan: Pick<PlanData, 'tasks'>, gazetteer: Gaz, zoneId: string): ZoneTasks {
  const naming: ZoneTask[] = [];
  const within: ZoneTask[] = [];
  const placeCount = new Map<string, { where: 'inside' | 'crosses'; tasks: number }>();
  for (const task of plan.tasks) {
    const links = taskLinks(task, gazetteer, zoneId);
    const first = links[0];
    if (!first) continue;
    const zt: ZoneTask = { task, kind: first.kind, links };
    (first.kind === 'inside' || first.kind === 'crosses' ? within : naming).push(zt);
    const places = new Map<string, 'inside' | 'crosses'>();
    for (const l of links)
      if (l.kind === 'inside' || l.kind === 'crosses') places.set(l.place ?? l.through, l.kind);
    for (const [p, where] of places) placeCount.set(p, { where, tasks: (placeCount.get(p)?.tasks ?? 0) + 1 });
  }
  return {
    zoneId,
    naming,
    within,
    places: [...placeCount]
      .map(([id, c]) => ({ zoneId: id, ...c }))
      .sort((a, b) => (a.where === b.where ? 0 : a.where === 'inside' ? -1 : 1)),
  };
}

/**
 * Whether the panel may say 规划纲要未直接点名此区域: true only when no task names the zone, directly or through a
 * group (the region is never said so: every task is its own).
 */
export function notNamed(result: ZoneTasks): boolean {
  return result.zoneId !== REGION_ID && result.naming.length === 0;
}

/** Tasks grouped by chapter › section, in document order. */
export function groupBySection(tasks: readonly ZoneTask[]): TaskSectionGroup[] {
  const out: TaskSectionGroup[] = [];
  for (const zt of tasks) {
    const t = zt.task;
    const sectionId = `${t.chapterNo}.${t.sectionNo}`;
    const last = out[out.length - 1];
    if (last && last.sectionId === sectionId) last.tasks.push(zt);
    else out.push({ chapterNo: t.chapterNo, chapter: t.chapter, sectionId, section: t.section, tasks: [zt] });
  }
  return out;
}

/**
 * The text spans to mark for a task in a zone's panel: the words that made its links (a list member with its list
 * head, 阿拉善右旗 … 重点风沙口和沙尘路径区), in text order.
 */
export function linkSpans(zt: ZoneTask): Array<{ start: number; end: number; kind: LinkKind }> {
  const seen = new Map<string, { start: number; end: number; kind: LinkKind }>();
  for (const l of zt.links)
    for (const m of l.mentions)
      for (const s of m.head ? [m, m.head] : [m]) {
        const key = `${s.start}-${s.end}`;
        if (!seen.has(key)) seen.set(key, { start: s.start, end: s.end, kind: l.kind });
      }
  const spans = [...seen.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: typeof spans = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && s.start < prev.end) continue;
    out.push(s);
  }
  return out;
}

/** One line of a task card: the links of one kind, with the words or places that made them. */
export interface LinkLine {
  kind: LinkKind;
  /** `group`: the words naming the group(s), without their quotes (黄河几字弯). */
  words: string[];
  /**
   * `inside` / `crosses`: each place once, in order of first mention; `via` holds the words of the group that
   * brought the place in, empty when the text names the place itself.
   */
  places: Array<{ zoneId: string; via: string[] }>;
}

const LINE_ORDER: LinkKind[] = ['region', 'named', 'group', 'inside', 'crosses'];

/** The words of a link as the text has them, without their quotes, each once. */
const saidOf = (link: TaskLink) =>
  link.mentions.map((m) => m.text.replace(/[“”‘’"]/g, '')).filter((x, i, all) => all.indexOf(x) === i);

/**
 * A task's links in words, one line per kind, strongest first (the zone panel's task card and the printed brief):
 * 直接点名 / 经由合称“一湖两海” / 区内地点 腾格里沙漠、阿拉善右旗（经由“…”）. A place the text names itself is
 * not also said to come through a group.
 */
export function linkLines(zt: ZoneTask): LinkLine[] {
  const out: LinkLine[] = [];
  for (const kind of LINE_ORDER) {
    const links = zt.links.filter((l) => l.kind === kind);
    if (links.length === 0) continue;
    const words = kind === 'group' ? [...new Set(links.flatMap(saidOf))] : [];
    const places = new Map<string, TaskLink>();
    if (kind === 'inside' || kind === 'crosses')
      for (const l of links) {
        const place = l.place ?? l.through;
        const prev = places.get(place);
        if (!prev || (prev.place && !l.place)) places.set(place, l);
      }
    out.push({
      kind,
      words,
      places: [...places].map(([zoneId, l]) => ({ zoneId, via: l.place ? saidOf(l) : [] })),
    });
  }
  return out;
}
