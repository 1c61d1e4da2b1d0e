/**
 * Turns the outline seed into plan data and the gazetteer. Pure and deterministic: the same seed gives the same
 * objects, in document order, with no timestamps.
 */

import { extractTargets, type RawTarget, yearsNamed } from './extract-targets.ts';
import { checkGazetteerSource, entriesById, REGION_ID } from './gazetteer.ts';
import { INDICATOR_CATALOGUE } from './indicator-catalogue.ts';
import { createMatcher } from './match-places.ts';
import { paragraphMeta, parseOutline } from './parse-outline.ts';
import type {
  Chapter,
  Direction,
  GazetteerData,
  GazetteerEntry,
  GazetteerSource,
  Indicator,
  PlanData,
  Task,
} from './types.ts';

export class PlanBuildError extends Error {}

export interface BuildInput {
  seed: string;
  sourceFile: string;
  sha256: string;
  /** seeds/gazetteer.json, already valid against its schema (GAZETTEER_SOURCE_SCHEMA). */
  gazetteer: GazetteerSource;
}

function directionOf(comparator: string, override?: Direction): Direction {
  if (override) return override;
  return comparator === '<=' || comparator === '<' || comparator === 'stable<=' ? 'decrease' : 'increase';
}

export function buildPlan(input: BuildInput): { plan: PlanData; gazetteer: GazetteerData } {
  const problems = checkGazetteerSource(input.gazetteer);
  if (problems.length > 0) throw new PlanBuildError(`gazetteer: ${problems.join('; ')}`);
  const source = entriesById(input.gazetteer);
  const matcher = createMatcher({
    entries: source,
    listHeads: input.gazetteer.listHeads,
    notPlaces: input.gazetteer.notPlaces ?? [],
  });
  const outline = parseOutline(input.seed);

  const tasks: Task[] = [];
  const rawTargets: Array<{ task: Task; target: RawTarget }> = [];
  const chapters: Chapter[] = outline.chapters.map((ch) => ({
    id: String(ch.no),
    no: ch.no,
    numeral: ch.numeral,
    title: ch.title,
    line: ch.line,
    intro: ch.intro ? { text: ch.intro.text, line: ch.intro.line } : null,
    sections: ch.sections.map((se) => {
      const paragraphs =
        se.inlineText !== null ? [{ line: se.line, text: se.inlineText, no: 1 }] : se.paragraphs;
      const taskIds = paragraphs.map((p) => {
        const meta = paragraphMeta(p.text, se.title);
        const mentions = matcher.match(p.text);
        const task: Task = {
          id: `${ch.no}.${se.no}.${p.no}`,
          kind: meta.kind,
          chapterNo: ch.no,
          sectionNo: se.no,
          paragraphNo: p.no,
          chapter: ch.title,
          section: se.title,
          title: meta.title,
          text: p.text,
          ...(meta.horizonYear !== undefined ? { horizonYear: meta.horizonYear } : {}),
          years: yearsNamed(p.text),
          zones: matcher.zonesOf(mentions),
          mentions,
          indicatorIds: [],
          line: p.line,
        };
        tasks.push(task);
        for (const target of extractTargets(p.text, meta.horizonYear)) rawTargets.push({ task, target });
        return task.id;
      });
      return {
        id: `${ch.no}.${se.no}`,
        no: se.no,
        numeral: se.numeral,
        title: se.title,
        line: se.line,
        inline: se.inlineText !== null,
        taskIds,
      };
    }),
  }));

  const indicators = new Map<string, Indicator>();
  const claimed = new Set<string>();
  for (const { task, target } of rawTargets) {
    const hits = INDICATOR_CATALOGUE.filter((c) => c.taskId === task.id && target.clause.includes(c.match));
    const entry = hits[0];
    if (!entry || hits.length > 1) {
      throw new PlanBuildError(
        `${task.id}: target "${target.phrase}" in "${target.clause}" is claimed by ${hits.length} catalogue entries`,
      );
    }
    claimed.add(entry.id);
    const comparator = entry.comparator ?? target.comparator;
    const t = {
      year: target.year,
      value: target.value,
      ...(target.max !== undefined ? { max: target.max } : {}),
      comparator,
      phrase: target.phrase,
      start: target.start,
      end: target.end,
    };
    const existing = indicators.get(entry.id);
    if (existing) {
      if (existing.taskId !== task.id) throw new PlanBuildError(`${entry.id}: targets in two tasks`);
      existing.targets.push(t);
      continue;
    }
    const inClause = task.mentions.filter((m) => m.start >= target.clauseStart && m.end <= target.start);
    const inName = matcher.match(entry.name);
    const zones = matcher.zonesOf([...inClause, ...inName]);
    const named = /^(全区|自治区)/.test(target.rawName);
    indicators.set(entry.id, {
      id: entry.id,
      name: entry.name,
      en: entry.en,
      unit: entry.unit ?? target.unit,
      direction: directionOf(comparator, entry.direction),
      targets: [t],
      zones: zones.length > 0 && !named ? zones : [REGION_ID],
      taskId: task.id,
      rawName: target.rawName,
      ...(entry.note ? { note: entry.note } : {}),
    });
    task.indicatorIds.push(entry.id);
  }
  for (const c of INDICATOR_CATALOGUE) {
    if (!claimed.has(c.id))
      throw new PlanBuildError(`catalogue entry ${c.id} matched no target in ${c.taskId}`);
  }
  const indicatorList = [...indicators.values()];
  for (const ind of indicatorList) {
    ind.targets.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.start - b.start);
  }

  const taskIdsByZone = new Map<string, string[]>();
  const mentionCount = new Map<string, number>();
  for (const task of tasks) {
    for (const z of task.zones) taskIdsByZone.set(z, [...(taskIdsByZone.get(z) ?? []), task.id]);
    for (const m of task.mentions) mentionCount.set(m.zoneId, (mentionCount.get(m.zoneId) ?? 0) + 1);
  }
  const entries: GazetteerEntry[] = source.map((e) => ({
    ...e,
    taskIds: taskIdsByZone.get(e.id) ?? [],
    mentionCount: mentionCount.get(e.id) ?? 0,
  }));

  const plan: PlanData = {
    schemaVersion: 1,
    source: { file: input.sourceFile, sha256: input.sha256, lines: outline.lines.length },
    title: outline.title,
    front: outline.front,
    chapters,
    tasks,
    indicators: indicatorList,
    colophon: outline.colophon,
    counts: {
      chapters: chapters.length,
      sections: chapters.reduce((n, c) => n + c.sections.length, 0),
      tasks: tasks.length,
      indicators: indicatorList.length,
      targets: indicatorList.reduce((n, i) => n + i.targets.length, 0),
      zonesLinked: taskIdsByZone.size,
      taskZoneLinks: tasks.reduce((n, t) => n + t.zones.length, 0),
      mentions: tasks.reduce((n, t) => n + t.mentions.length, 0),
    },
  };
  return { plan, gazetteer: { schemaVersion: 1, crs: input.gazetteer.crs, entries } };
}

/** Every non-empty seed line with the one place in the plan that holds it. */
export interface LedgerRow {
  line: number;
  role: 'front' | 'chapter' | 'intro' | 'section' | 'task' | 'colophon';
  id: string;
  /** The line rebuilt from the plan data. */
  text: string;
}

export function ledger(plan: PlanData): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const f of plan.front) rows.push({ line: f.line, role: 'front', id: f.role, text: f.text });
  const tasks = new Map(plan.tasks.map((t) => [t.id, t]));
  for (const ch of plan.chapters) {
    rows.push({ line: ch.line, role: 'chapter', id: ch.id, text: `${ch.numeral}、${ch.title}` });
    if (ch.intro) rows.push({ line: ch.intro.line, role: 'intro', id: ch.id, text: ch.intro.text });
    for (const se of ch.sections) {
      if (!se.inline)
        rows.push({ line: se.line, role: 'section', id: se.id, text: `(${se.numeral})${se.title}` });
      for (const id of se.taskIds) {
        const t = tasks.get(id);
        if (!t) continue;
        rows.push({ line: t.line, role: 'task', id, text: se.inline ? `(${se.numeral})${t.text}` : t.text });
      }
    }
  }
  for (const c of plan.colophon) rows.push({ line: c.line, role: 'colophon', id: 'colophon', text: c.text });
  return rows.sort((a, b) => a.line - b.line);
}
