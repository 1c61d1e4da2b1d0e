import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generatePlanFiles,
  parseTitlesEnSeed,
  SchemaError,
  TITLES_EN_SEED_PATH,
} from '../../../scripts/plan/generate.ts';
import { applyTitlesEn, checkTitlesEn } from '../../../web/domain/plan/titles-en.ts';
import type { PlanData } from '../../../web/domain/plan/types.ts';
import { PLAN, ROOT } from './helpers.ts';

const SEED_TEXT = readFileSync(join(ROOT, TITLES_EN_SEED_PATH), 'utf8');
const SEED = parseTitlesEnSeed(SEED_TEXT);
/** Han, CJK punctuation and full-width forms: none may be left in an English title. */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

function english(title: string | undefined, what: string) {
  expect(title?.trim(), what).toBeTruthy();
  expect(title, what).not.toMatch(CJK);
}

describe('English titles (the project’s unofficial translation)', () => {
  it('plan.json says the titles are an unofficial translation and where they come from', () => {
    expect(PLAN.titlesEn).toMatchObject({ source: 'unofficial', file: TITLES_EN_SEED_PATH });
    expect(PLAN.titlesEn?.note).toMatch(/unofficial/);
  });

  it('every chapter, section, task and indicator has an English title without Chinese characters', () => {
    const sections = PLAN.chapters.flatMap((c) => c.sections);
    expect([PLAN.chapters.length, sections.length, PLAN.tasks.length]).toEqual([9, 30, 96]);
    for (const c of PLAN.chapters) english(c.titleEn, `chapter ${c.id}`);
    for (const s of sections) english(s.titleEn, `section ${s.id}`);
    for (const t of PLAN.tasks) {
      english(t.titleEn, `task ${t.id}`);
      english(t.chapterEn, `task ${t.id} chapter`);
      english(t.sectionEn, `task ${t.id} section`);
      expect(t.title, `task ${t.id} keeps its Chinese title`).toMatch(CJK);
      expect(t.text, `task ${t.id} keeps its Chinese text`).toMatch(CJK);
    }
    for (const i of PLAN.indicators) english(i.en, `indicator ${i.id}`);
  });

  it('a task’s chapter and section titles are those of its chapter and section', () => {
    for (const t of PLAN.tasks) {
      const c = PLAN.chapters.find((x) => x.no === t.chapterNo);
      const s = c?.sections.find((x) => x.no === t.sectionNo);
      expect([t.chapterEn, t.sectionEn], t.id).toEqual([c?.titleEn, s?.titleEn]);
    }
  });

  it('the seed has no unknown ids and misses none', () => {
    expect(checkTitlesEn(PLAN, SEED)).toEqual([]);
    const ids = (o: Record<string, string>) => Object.keys(o).sort();
    expect(ids(SEED.tasks)).toEqual(PLAN.tasks.map((t) => t.id).sort());
  });

  it('the build refuses a seed with an unknown id, a missing id or an empty title, naming each', () => {
    const bare = structuredClone(PLAN) as PlanData;
    const extra = structuredClone(SEED);
    extra.tasks['2.3.9'] = 'Not a task';
    expect(checkTitlesEn(bare, extra)).toEqual(['tasks: unknown id 2.3.9']);
    const missing = structuredClone(SEED);
    delete missing.sections['4.2'];
    missing.chapters['3'] = ' ';
    expect(checkTitlesEn(bare, missing)).toEqual([
      'chapters: no English title for 3',
      'sections: no English title for 4.2',
    ]);
    expect(() => applyTitlesEn(bare, missing, TITLES_EN_SEED_PATH)).toThrow(
      /plan-titles-en\.json: chapters: no English title for 3; sections: no English title for 4\.2/,
    );
  });

  it('the seed schema rejects a seed not marked unofficial or with an ill-formed id', () => {
    const seed = JSON.parse(SEED_TEXT) as Record<string, unknown>;
    expect(() => parseTitlesEnSeed(JSON.stringify({ ...seed, source: 'official' }))).toThrow(SchemaError);
    const badId = { ...seed, tasks: { ...(seed.tasks as object), 'two.three': 'x' } };
    expect(() => parseTitlesEnSeed(JSON.stringify(badId))).toThrow(/does not match its schema/);
    expect(() => parseTitlesEnSeed('{')).toThrow(/is not JSON/);
  });

  it('the build is deterministic: two runs give the same bytes, equal to the committed plan.json', () => {
    const a = generatePlanFiles(ROOT);
    const b = generatePlanFiles(ROOT);
    expect(a['data/plan.json']).toBe(b['data/plan.json']);
    expect(readFileSync(join(ROOT, 'data/plan.json'), 'utf8')).toBe(a['data/plan.json']);
  });
});
