import { describe, expect, it } from 'vitest';
import { buildPlan, ledger, parseOutline } from '../../../web/domain/plan/index.ts';
import { GAZETTEER_SEED, PLAN, SEED, task } from './helpers.ts';

describe('every paragraph of the outline is accounted for exactly once', () => {
  const seedLines = SEED.split('\n');
  const rows = ledger(PLAN);

  it('each non-empty seed line is held by exactly one place in plan.json, with its exact text', () => {
    const nonEmpty = seedLines.map((text, i) => ({ line: i + 1, text })).filter((l) => l.text.trim() !== '');
    expect(rows.map((r) => r.line)).toEqual(nonEmpty.map((l) => l.line));
    expect(new Set(rows.map((r) => r.line)).size).toBe(rows.length);
    for (const r of rows) expect(r.text).toBe(seedLines[r.line - 1]);
  });

  it('every task appears in the ledger once and only tasks carry task text', () => {
    const taskRows = rows.filter((r) => r.role === 'task');
    expect(taskRows.map((r) => r.id).sort()).toEqual(PLAN.tasks.map((t) => t.id).sort());
    expect(new Set(PLAN.tasks.map((t) => t.id)).size).toBe(PLAN.tasks.length);
  });

  it('finds the structure counted by hand from the seed: 9 chapters, 30 sections, 96 paragraphs', () => {
    // Paragraphs per section, read off the outline: chapter 一 has the requirements (1) and the vision (5).
    const expected: Record<string, number[]> = {
      一: [1, 5],
      二: [3, 5, 3, 4],
      三: [3, 3, 3, 2],
      四: [5, 5, 7, 6],
      五: [2, 4, 3],
      六: [5, 3],
      七: [2, 3, 3],
      八: [3, 3, 3, 3],
      九: [1, 1, 1, 1],
    };
    const actual = Object.fromEntries(
      PLAN.chapters.map((c) => [c.numeral, c.sections.map((s) => s.taskIds.length)]),
    );
    expect(actual).toEqual(expected);
    expect(PLAN.counts).toMatchObject({ chapters: 9, sections: 30, tasks: 96 });
  });

  it('counts chapter and section headings in the seed independently of the parser', () => {
    expect(seedLines.filter((l) => /^[一二三四五六七八九]、/.test(l))).toHaveLength(9);
    expect(seedLines.filter((l) => /^\([一二三四五六七八九十]+\)/.test(l))).toHaveLength(30);
  });

  it('puts the notice before the outline in front matter and the republisher lines in the colophon', () => {
    expect(PLAN.front.map((f) => f.role)).toEqual([
      'notice-title',
      'doc-number',
      'addressee',
      'notice-body',
      'date',
      'editor-note',
      'title',
    ]);
    expect(PLAN.title).toBe('全面推进美丽内蒙古建设筑牢我国北方重要生态安全屏障规划纲要(2025—2035年)');
    expect(PLAN.colophon.map((c) => c.text.slice(0, 4))).toEqual(['转载来源', '特别声明', 'Noti']);
    expect(PLAN.chapters.filter((c) => c.intro).map((c) => c.numeral)).toEqual([
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
      '九',
    ]);
  });

  it('uses lead sentences as titles and keeps the full text', () => {
    const t = task('2.1.1');
    expect(t.title).toBe('构建国土空间保护开发新格局');
    expect(t.text.startsWith('构建国土空间保护开发新格局。统筹优化农牧、生态、城镇空间')).toBe(true);
    expect(t.text.endsWith('到2035年,国土空间开发保护新格局全面形成。')).toBe(true);
    expect(t.chapter).toBe('筑牢我国北方重要生态安全屏障');
    expect(t.section).toBe('建立健全国土空间支撑体系');
    expect(task('2.3.3').title).toBe('打好河西走廊—塔克拉玛干沙漠边缘阻击战');
    expect(task('4.3.2').title).toBe('守护好黑土地这个耕地中的“大熊猫”');
    expect(task('8.4.3').title).toBe('提升生态环境执法能力');
  });

  it('makes the sections of chapter 九 their own tasks', () => {
    const ch9 = PLAN.chapters[8];
    expect(ch9?.sections.map((s) => [s.title, s.inline, s.taskIds])).toEqual([
      ['加强组织领导', true, ['9.1.1']],
      ['强化政策协同', true, ['9.2.1']],
      ['加大资金投入', true, ['9.3.1']],
      ['做好示范推广', true, ['9.4.1']],
    ]);
    expect(task('9.3.1').title).toBe('加大资金投入');
    expect(task('9.3.1').text.startsWith('加大资金投入。积极争取中央资金')).toBe(true);
  });

  it('gives chapter 一 its requirements, vision and the 2027/2030/2035 goals', () => {
    const ch1 = PLAN.tasks.filter((t) => t.chapterNo === 1);
    expect(ch1.map((t) => [t.id, t.kind, t.title, t.horizonYear])).toEqual([
      ['1.1.1', 'requirement', '总体要求', undefined],
      ['1.2.1', 'vision', '目标愿景', undefined],
      ['1.2.2', 'goal', '近期目标', 2027],
      ['1.2.3', 'goal', '中期目标', 2030],
      ['1.2.4', 'goal', '远期目标', 2035],
      ['1.2.5', 'vision', '展望本世纪中叶', undefined],
    ]);
  });

  it('records the years a task names', () => {
    expect(task('2.2.4').years).toEqual([2030, 2035]);
    expect(task('7.3.1').years).toEqual([2025, 2035]);
    expect(task('2.1.2').years).toEqual([]);
  });

  it('refuses a seed whose sections are out of order instead of losing paragraphs', () => {
    const broken = SEED.replace('(二)全力保护修复大草原大森林', '(三)全力保护修复大草原大森林');
    expect(() => parseOutline(broken)).toThrow(/out of order/);
  });

  it('a paragraph dropped from the seed disappears from the plan: the accounting tracks the seed', () => {
    const without = SEED.split('\n')
      .filter((l) => !l.startsWith('提升生态安全屏障保障能力。'))
      .join('\n');
    const { plan } = buildPlan({
      seed: without,
      sourceFile: 'x',
      sha256: '0'.repeat(64),
      gazetteer: GAZETTEER_SEED,
    });
    expect(plan.counts.tasks).toBe(95);
    expect(plan.tasks.some((t) => t.title === '提升生态安全屏障保障能力')).toBe(false);
    expect(ledger(plan).filter((r) => r.role === 'task')).toHaveLength(95);
  });

  it('a lost target fails the build instead of silently dropping an indicator', () => {
    const without = SEED.replace('资源不低于50份', '资源较多');
    expect(() =>
      buildPlan({ seed: without, sourceFile: 'x', sha256: '0'.repeat(64), gazetteer: GAZETTEER_SEED }),
    ).toThrow(/germplasm-bank-shared-accessions matched no target/);
  });
});
