/**
 * The task browser's rules: which horizon years and zone kinds a task carries, the filters, the chapter › section
 * tree with counts, the indicators a task yields and the words to mark in its text. Pure: used by the browser and
 * the tests.
 */
import type { GazetteerSourceEntry, Indicator, PlanData, Task, ZoneKind } from './types.ts';
import type { TaskLink, ZoneTask } from './zone-tasks.ts';

/** The plan's horizon years (its goals are for 2027, 2030 and 2035). */
export const HORIZONS = [2027, 2030, 2035] as const;
export type Horizon = (typeof HORIZONS)[number];

type Gaz = ReadonlyMap<string, Pick<GazetteerSourceEntry, 'id' | 'kind' | 'groupOf'>>;

/** The indicators drawn from a task (their targets come from its text), in plan order. */
export function taskIndicators(plan: Pick<PlanData, 'indicators'>, taskId: string): Indicator[] {
  return plan.indicators.filter((i) => i.taskId === taskId);
}

/**
 * The horizon years a task carries: a horizon year its text names (`years`, e.g. 到2030年), its goal paragraph's
 * year, or the year of a target of an indicator drawn from it. Other years (2025) are not horizons; a task that
 * names none (2.3.3) carries none.
 */
export function taskHorizons(task: Task, plan: Pick<PlanData, 'indicators'>): Horizon[] {
  const years = new Set<number>(task.years);
  if (task.horizonYear !== undefined) years.add(task.horizonYear);
  for (const i of taskIndicators(plan, task.id))
    for (const t of i.targets) if (t.year !== null) years.add(t.year);
  return HORIZONS.filter((h) => years.has(h));
}

/**
 * The kinds of the places a task names (`zones`: each mention, each group followed by its members). Groups
 * (一湖两海, 自治区东部地区) count through their members, never as a kind of their own.
 */
export function taskZoneKinds(task: Task, gazetteer: Gaz): ZoneKind[] {
  const kinds: ZoneKind[] = [];
  for (const id of task.zones) {
    const e = gazetteer.get(id);
    if (!e || e.kind === 'group' || e.kind === 'region' || kinds.includes(e.kind)) continue;
    kinds.push(e.kind);
  }
  return kinds;
}

export interface TaskFilter {
  /** chapter number, or null for all */
  chapter: number | null;
  horizon: Horizon | null;
  kind: ZoneKind | null;
  /** free text: the task id, its Chinese title and text, and its English title when `lang` is en */
  text: string;
}

export const NO_FILTER: TaskFilter = { chapter: null, horizon: null, kind: null, text: '' };

export const filterActive = (f: TaskFilter): boolean =>
  f.chapter !== null || f.horizon !== null || f.kind !== null || f.text.trim() !== '';

/** Whether a task passes every filter that is set. Text: case-insensitive, every space-separated word. */
export function taskMatches(
  task: Task,
  filter: TaskFilter,
  plan: Pick<PlanData, 'indicators'>,
  gazetteer: Gaz,
  lang: 'zh' | 'en',
): boolean {
  if (filter.chapter !== null && task.chapterNo !== filter.chapter) return false;
  if (filter.horizon !== null && !taskHorizons(task, plan).includes(filter.horizon)) return false;
  if (filter.kind !== null && !taskZoneKinds(task, gazetteer).includes(filter.kind)) return false;
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = [task.id, task.title, task.text, lang === 'en' ? (task.titleEn ?? '') : '']
    .join('\n')
    .toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function filterTasks(
  plan: Pick<PlanData, 'tasks' | 'indicators'>,
  gazetteer: Gaz,
  filter: TaskFilter,
  lang: 'zh' | 'en',
): Task[] {
  return plan.tasks.filter((t) => taskMatches(t, filter, plan, gazetteer, lang));
}

/** How many of the plan's tasks carry each horizon year / each zone kind (the filter options say it). */
export function filterCounts(
  plan: Pick<PlanData, 'tasks' | 'indicators'>,
  gazetteer: Gaz,
): { horizons: Map<Horizon, number>; kinds: Map<ZoneKind, number> } {
  const horizons = new Map<Horizon, number>(HORIZONS.map((h) => [h, 0]));
  const kinds = new Map<ZoneKind, number>();
  for (const t of plan.tasks) {
    for (const h of taskHorizons(t, plan)) horizons.set(h, (horizons.get(h) ?? 0) + 1);
    for (const k of taskZoneKinds(t, gazetteer)) kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  return { horizons, kinds };
}

export interface SectionNode {
  id: string;
  numeral: string;
  title: string;
  titleEn?: string;
  tasks: Task[];
}

export interface ChapterNode {
  no: number;
  numeral: string;
  title: string;
  titleEn?: string;
  /** tasks in this chapter that pass the filter */
  count: number;
  sections: SectionNode[];
}

/** Chapters › sections › the given tasks, in the plan's order; chapters and sections without one are left out. */
export function taskTree(plan: Pick<PlanData, 'chapters' | 'tasks'>, tasks: readonly Task[]): ChapterNode[] {
  const shown = new Set(tasks.map((t) => t.id));
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const out: ChapterNode[] = [];
  for (const c of plan.chapters) {
    const sections: SectionNode[] = [];
    for (const s of c.sections) {
      const list = s.taskIds.filter((id) => shown.has(id)).flatMap((id) => byId.get(id) ?? []);
      if (list.length > 0)
        sections.push({
          id: s.id,
          numeral: s.numeral,
          title: s.title,
          ...(s.titleEn ? { titleEn: s.titleEn } : {}),
          tasks: list,
        });
    }
    const count = sections.reduce((n, s) => n + s.tasks.length, 0);
    if (count > 0)
      out.push({
        no: c.no,
        numeral: c.numeral,
        title: c.title,
        ...(c.titleEn ? { titleEn: c.titleEn } : {}),
        count,
        sections,
      });
  }
  return out;
}

/**
 * A task with every place it names as a `named` link, so the zone panel's rule for marks (linkSpans) marks the
 * same words in the task browser: each mention, and the head of a list it is a member of.
 */
export function taskAsNamed(task: Task): ZoneTask {
  const links = new Map<string, TaskLink>();
  for (const m of task.mentions) {
    const link = links.get(m.zoneId) ?? { kind: 'named', through: m.zoneId, mentions: [] };
    link.mentions.push(m);
    links.set(m.zoneId, link);
  }
  return { task, kind: 'named', links: [...links.values()] };
}

/**
 * The places a task names, as the list shows them: each entry once, in order of `zones`; a group (or an entry
 * with members, the red line) with the members it brings in.
 */
export function taskPlaces(task: Task, gazetteer: Gaz): Array<{ zoneId: string; members: string[] }> {
  const out: Array<{ zoneId: string; members: string[] }> = [];
  const placed = new Set<string>();
  for (const id of task.zones) {
    if (placed.has(id)) continue;
    const members = (gazetteer.get(id)?.groupOf ?? []).filter((m) => task.zones.includes(m));
    placed.add(id);
    for (const m of members) placed.add(m);
    out.push({ zoneId: id, members });
  }
  return out;
}
