/**
 * The project's own English titles (seeds/plan-titles-en.json) put on the plan: `titleEn` on chapters, sections
 * and tasks, `chapterEn`/`sectionEn` on tasks, and `titlesEn` saying they are an unofficial translation.
 */
import type { PlanData, TitlesEnSource } from './types.ts';

/** Ids the seed misses and ids it has that the plan does not; both empty when the seed fits the plan. */
export function checkTitlesEn(plan: PlanData, seed: TitlesEnSource): string[] {
  const problems: string[] = [];
  const compare = (what: keyof Pick<TitlesEnSource, 'chapters' | 'sections' | 'tasks'>, ids: string[]) => {
    const given = seed[what];
    for (const id of ids) if (!given[id]?.trim()) problems.push(`${what}: no English title for ${id}`);
    const known = new Set(ids);
    for (const id of Object.keys(given)) if (!known.has(id)) problems.push(`${what}: unknown id ${id}`);
  };
  compare(
    'chapters',
    plan.chapters.map((c) => c.id),
  );
  compare(
    'sections',
    plan.chapters.flatMap((c) => c.sections.map((s) => s.id)),
  );
  compare(
    'tasks',
    plan.tasks.map((t) => t.id),
  );
  return problems;
}

/** A copy of `obj` with `extra` inserted right after the key `after` (keeps plan.json readable). */
function insertAfter<T extends object>(obj: T, after: string, extra: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = v;
    if (k === after) Object.assign(out, extra);
  }
  return out as T;
}

export function applyTitlesEn(plan: PlanData, seed: TitlesEnSource, file: string): PlanData {
  const problems = checkTitlesEn(plan, seed);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  const chapterEn = (no: number) => seed.chapters[String(no)] as string;
  const sectionEn = (id: string) => seed.sections[id] as string;
  const out: PlanData = {
    ...plan,
    chapters: plan.chapters.map((c) =>
      insertAfter(
        {
          ...c,
          sections: c.sections.map((s) => insertAfter(s, 'title', { titleEn: sectionEn(s.id) })),
        },
        'title',
        { titleEn: chapterEn(c.no) },
      ),
    ),
    tasks: plan.tasks.map((t) => {
      const a = insertAfter(t, 'chapter', { chapterEn: chapterEn(t.chapterNo) });
      const b = insertAfter(a, 'section', { sectionEn: sectionEn(`${t.chapterNo}.${t.sectionNo}`) });
      return insertAfter(b, 'title', { titleEn: seed.tasks[t.id] as string });
    }),
  };
  return insertAfter(out, 'title', { titlesEn: { source: seed.source, file, note: seed.note } });
}
