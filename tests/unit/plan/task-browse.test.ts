import { describe, expect, it } from 'vitest';
import { type GazetteerEntry, linkSpans } from '../../../web/domain/plan/index.ts';
import {
  filterCounts,
  filterTasks,
  HORIZONS,
  NO_FILTER,
  taskAsNamed,
  taskHorizons,
  taskIndicators,
  taskPlaces,
  taskTree,
  taskZoneKinds,
} from '../../../web/domain/plan/task-browse.ts';
import { GAZETTEER, PLAN, task } from './helpers.ts';

const gaz = new Map<string, GazetteerEntry>(GAZETTEER.entries.map((e) => [e.id, e]));
const ids = (list: readonly { id: string }[]) => list.map((t) => t.id);
const filtered = (f: Partial<typeof NO_FILTER>, lang: 'zh' | 'en' = 'zh') =>
  ids(filterTasks(PLAN, gaz, { ...NO_FILTER, ...f }, lang));

describe('horizon years a task carries', () => {
  it('2.3.3 (the Hexi–Taklamakan battle) names no year and yields no indicator: no horizon', () => {
    expect(task('2.3.3').text).not.toMatch(/20\d\d/);
    expect(taskIndicators(PLAN, '2.3.3')).toEqual([]);
    expect(taskHorizons(task('2.3.3'), PLAN)).toEqual([]);
    expect(filtered({ horizon: 2030 })).not.toContain('2.3.3');
  });

  it('2.2.4 names 到2030年 and 到2035年 (the Ten Kongdui rate): both', () => {
    expect(task('2.2.4').text).toContain('到2030年');
    expect(task('2.2.4').text).toContain('到2035年');
    expect(taskHorizons(task('2.2.4'), PLAN)).toEqual([2030, 2035]);
  });

  it('1.2.2 is the 2027 goal; 7.3.1 names 2025 and 2035, and 2025 is no horizon', () => {
    expect(taskHorizons(task('1.2.2'), PLAN)).toEqual([2027]);
    expect(task('7.3.1').years).toContain(2025);
    expect(taskHorizons(task('7.3.1'), PLAN)).toEqual([2035]);
  });

  it('every dated target of an indicator puts its year on the task it comes from', () => {
    for (const ind of PLAN.indicators)
      for (const tg of ind.targets)
        if (tg.year !== null && (HORIZONS as readonly number[]).includes(tg.year))
          expect(taskHorizons(task(ind.taskId), PLAN), `${ind.id} ${tg.year}`).toContain(tg.year);
  });

  it('a horizon filter lists exactly the tasks carrying the year, as many as its option says', () => {
    const { horizons } = filterCounts(PLAN, gaz);
    for (const h of HORIZONS) {
      const list = filtered({ horizon: h });
      expect(list.length, String(h)).toBe(horizons.get(h));
      expect(list.length).toBeGreaterThan(0);
      for (const id of list) expect(taskHorizons(task(id), PLAN)).toContain(h);
    }
    expect(filtered({ horizon: 2030 })).toEqual(expect.arrayContaining(['1.2.3', '2.2.4', '3.2.2']));
  });
});

describe('zone kinds, chapter and text filters', () => {
  it('2.3.3 names a battle, deserts, banners and wind gaps, but no league', () => {
    expect(taskZoneKinds(task('2.3.3'), gaz).sort()).toEqual([
      'battle',
      'county',
      'desert',
      'treatment-area',
    ]);
    expect(filtered({ kind: 'desert' })).toContain('2.3.3');
    expect(filtered({ kind: 'league' })).not.toContain('2.3.3');
  });

  it('groups count through their members: 2.1.2 (自治区东部地区 …) is a league task, never a "group" one', () => {
    expect(taskZoneKinds(task('2.1.2'), gaz)).toContain('league');
    expect(filterCounts(PLAN, gaz).kinds.has('group')).toBe(false);
  });

  it('the chapter filter keeps that chapter only; filters combine', () => {
    const ch2 = filtered({ chapter: 2 });
    expect(ch2.length).toBe(PLAN.tasks.filter((t) => t.chapterNo === 2).length);
    const both = filtered({ chapter: 2, horizon: 2030 });
    expect(both).toEqual(filtered({ horizon: 2030 }).filter((id) => ch2.includes(id)));
    expect(both).toContain('2.2.4');
    expect(both).not.toContain('3.2.2');
  });

  it('text finds the id, Chinese title and text; English titles only in English', () => {
    expect(filtered({ text: '巴丹吉林' })).toEqual(['2.3.3']);
    expect(filtered({ text: '2.3.3' })).toEqual(['2.3.3']);
    expect(filtered({ text: 'taklamakan' }, 'en')).toEqual(['2.3.3']);
    expect(filtered({ text: 'taklamakan' }, 'zh')).toEqual([]);
    expect(filtered({ text: '沙漠 锁边' })).toEqual(
      PLAN.tasks.filter((t) => t.text.includes('沙漠') && t.text.includes('锁边')).map((t) => t.id),
    );
  });
});

describe('the tree', () => {
  it('unfiltered: 9 chapters, 30 sections, every task once in plan order', () => {
    const tree = taskTree(PLAN, PLAN.tasks);
    expect(tree.length).toBe(PLAN.chapters.length);
    expect(tree.flatMap((c) => c.sections).length).toBe(PLAN.chapters.flatMap((c) => c.sections).length);
    expect(tree.reduce((n, c) => n + c.count, 0)).toBe(PLAN.tasks.length);
    expect(tree.flatMap((c) => c.sections.flatMap((s) => ids(s.tasks)))).toEqual(ids(PLAN.tasks));
  });

  it('filtered: only groups with a match, counts of the matches', () => {
    const shown = filterTasks(PLAN, gaz, { ...NO_FILTER, kind: 'desert' }, 'zh');
    const tree = taskTree(PLAN, shown);
    expect(tree.reduce((n, c) => n + c.count, 0)).toBe(shown.length);
    for (const c of tree) {
      expect(c.count).toBe(c.sections.reduce((n, s) => n + s.tasks.length, 0));
      for (const s of c.sections) expect(s.tasks.length).toBeGreaterThan(0);
    }
  });
});

describe('a task in the browser', () => {
  it('2.3.3: every place it names is marked with the list head, by the zone panel rule (linkSpans)', () => {
    const t = task('2.3.3');
    const marks = linkSpans(taskAsNamed(t)).map((s) => t.text.slice(s.start, s.end));
    expect(marks).toEqual([
      '河西走廊—塔克拉玛干沙漠边缘阻击战',
      '巴丹吉林',
      '腾格里沙漠',
      '阿拉善右旗',
      '额济纳旗',
      '重点风沙口和沙尘路径区',
    ]);
    for (const m of t.mentions) expect(marks).toContain(m.text);
  });

  it('2.4.1: the red line with its drawn parts as members, no part listed twice', () => {
    const places = taskPlaces(task('2.4.1'), gaz);
    const red = places.find((p) => p.zoneId === 'redline-ecological-protection');
    const parts = task('2.4.1').zones.filter((z) => z.startsWith('redline-illustrative-'));
    expect(parts.length).toBeGreaterThan(0);
    expect(red?.members).toEqual(parts);
    expect(places.map((p) => p.zoneId)).not.toContain(parts[0]);
  });
});
