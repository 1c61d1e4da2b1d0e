import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GazetteerData, PlanData } from '../../../web/domain/plan/types.ts';
import { planSearchIndex, searchIndicators, searchTasks } from '../../../web/domain/ui/plan-search.ts';
import { fold, normalizeQuery, orderGroups, snippet } from '../../../web/domain/ui/search.ts';
import { matchPlaces } from '../../../web/domain/ui/zone-search.ts';
import {
  loadPlaceSearch,
  loadPlanSearch,
  type PlaceSearch,
  type PlanSearch,
} from '../../../web/src/search/search-data.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;
const PLAN = readJson<PlanData>('data/plan.json');
const GAZETTEER = readJson<GazetteerData>('data/gazetteer.json');
const ZONE_INDEX = readJson<Record<string, unknown>>('data/zone-index.json');
const index = planSearchIndex(PLAN, GAZETTEER.entries);

// the search box's own data, loaded as the app loads it (web/src/search/search-data.ts)
let places: PlaceSearch;
let plan: PlanSearch;
beforeAll(async () => {
  [places, plan] = await Promise.all([loadPlaceSearch(), loadPlanSearch()]);
});

const taskIds = (q: string, lang: 'zh' | 'en' = 'zh', limit = PLAN.tasks.length) =>
  searchTasks(index, q, lang, limit).hits.map((h) => h.task.id);
const placeIds = (q: string) =>
  matchPlaces(places.items, q, 50, places.groups).hits.map((h) => h.item.entry.id);
/** What the box shows for a query: the non-empty groups in order, each with its result ids. */
function groups(q: string, lang: 'zh' | 'en' = 'zh'): [string, string[]][] {
  const found = [
    { kind: 'places' as const, ...matchPlaces(places.items, q, 8, places.groups) },
    { kind: 'tasks' as const, ...plan.tasks(q, lang) },
    { kind: 'indicators' as const, ...plan.indicators(q, lang) },
  ];
  return orderGroups(found).map((g) => [
    g.kind,
    g.hits.map((h) =>
      'task' in h
        ? h.task.id
        : 'indicator' in h
          ? h.indicator.id
          : (h.item as { entry: { id: string } }).entry.id,
    ),
  ]);
}

describe('the search rule', () => {
  it('folds case, full-width forms and quotation marks, and maps matches back to the original text', () => {
    expect(normalizeQuery('  ＰＭ２.５ ')).toBe('pm2.5');
    const f = fold('通过实施“三北”工程、');
    const i = f.text.indexOf('三北工程');
    expect(i).toBeGreaterThan(0);
    expect('通过实施“三北”工程、'.slice(f.from[i], f.to[i + 3])).toBe('三北”工程');
  });

  it('cuts a snippet around a match and says where it cut', () => {
    const text = '一二三四五六七八九十';
    expect(snippet(text, 4, 6, 2)).toEqual({
      before: '三四',
      mark: '五六',
      after: '七八',
      cutStart: true,
      cutEnd: true,
    });
    expect(snippet(text, 0, 2, 3)).toMatchObject({
      before: '',
      cutStart: false,
      after: '三四五',
      cutEnd: true,
    });
  });
});

describe('tasks', () => {
  it('"2.3.3" finds that task first, by its id; "2.3" finds the tasks of section 2.3 in order', () => {
    const hits = searchTasks(index, '2.3.3', 'zh').hits;
    expect(hits[0]?.task.id).toBe('2.3.3');
    expect(hits[0]?.match).toBe('id');
    const section = PLAN.tasks.filter((t) => t.id.startsWith('2.3.')).map((t) => t.id);
    expect(section.length).toBeGreaterThan(1);
    expect(taskIds('2.3')).toEqual(section);
    // a section is not a prefix of another section's number (2.3 is not 2.30)
    expect(taskIds('2.').every((id) => id.startsWith('2.'))).toBe(true);
  });

  it('ranks title matches before text matches, each in document order', () => {
    const q = '森林';
    const inTitle = PLAN.tasks.filter((t) => t.title.includes(q)).map((t) => t.id);
    const inTextOnly = PLAN.tasks.filter((t) => !t.title.includes(q) && t.text.includes(q)).map((t) => t.id);
    expect(inTitle.length).toBeGreaterThan(0);
    expect(inTextOnly.length).toBeGreaterThan(0);
    expect(taskIds(q)).toEqual([...inTitle, ...inTextOnly]);
  });

  it('a Chinese phrase of the text finds every task holding it, with a snippet that holds it', () => {
    for (const q of ['光伏治沙', '重点风沙口', '黄河流域']) {
      const holding = PLAN.tasks.filter((t) => t.text.includes(q));
      expect(holding.length, q).toBeGreaterThan(0);
      const hits = searchTasks(index, q, 'zh', PLAN.tasks.length).hits;
      // tasks holding the words, then (黄河流域 is also a place) tasks naming the place in other words
      const byWords = hits.filter((h) => h.match !== 'place');
      expect(new Set(byWords.map((h) => h.task.id)), q).toEqual(new Set(holding.map((t) => t.id)));
      expect(hits.slice(0, byWords.length)).toEqual(byWords);
      for (const h of hits) {
        if (h.match === 'text') {
          expect(h.snippet?.mark, `${q} ${h.task.id}`).toBe(q);
          const s = h.snippet as NonNullable<typeof h.snippet>;
          expect(h.task.text).toContain(`${s.before}${s.mark}${s.after}`);
        } else if (h.match === 'place') {
          const named = h.task.mentions.find((m) => m.zoneId === h.placeId);
          expect(h.snippet?.mark, `${q} ${h.task.id}`).toBe(named?.text);
        } else expect(h.match).toBe('title');
      }
    }
  });

  it('a quoted name is found without its quotes, the snippet marking it as written', () => {
    const hits = searchTasks(index, '三北工程', 'zh').hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.snippet?.mark ?? h.task.title).toMatch(/三北”?工程/);
  });

  it('English titles are searched when the interface is in English only', () => {
    expect(taskIds('blocking', 'en')).toContain('2.3.3');
    expect(taskIds('blocking', 'zh')).toEqual([]);
    const hit = searchTasks(index, 'Blocking', 'en').hits[0];
    expect(hit?.titleMark).not.toBeNull();
    const m = hit?.titleMark as { start: number; end: number };
    expect(hit?.task.titleEn?.slice(m.start, m.end)).toBe('blocking');
  });

  it('an English place name finds the tasks that name the place, marking the words that name it', () => {
    const kubuqi = new Set(
      PLAN.tasks.filter((t) => t.mentions.some((m) => m.zoneId === 'desert-kubuqi')).map((t) => t.id),
    );
    expect(kubuqi.size).toBeGreaterThan(0);
    const hits = searchTasks(index, 'Kubuqi', 'en', PLAN.tasks.length).hits;
    for (const id of kubuqi) expect(hits.map((h) => h.task.id)).toContain(id);
    for (const h of hits.filter((x) => x.match === 'place')) {
      const named = h.task.mentions.find((m) => m.zoneId === h.placeId);
      expect(named, h.task.id).toBeDefined();
      expect(h.snippet?.mark).toBe(named?.text);
    }
  });

  it('counts every match and keeps the limit', () => {
    const all = searchTasks(index, '生态', 'zh', PLAN.tasks.length);
    const few = searchTasks(index, '生态', 'zh', 8);
    expect(all.total).toBe(PLAN.tasks.filter((t) => t.text.includes('生态')).length);
    expect(few.total).toBe(all.total);
    expect(few.hits.map((h) => h.task.id)).toEqual(all.hits.slice(0, 8).map((h) => h.task.id));
  });
});

describe('indicators', () => {
  it('"forest" in English finds the forest cover indicator first; so do its Chinese name and its id', () => {
    expect(searchIndicators(index, 'forest', 'en').hits[0]?.indicator.id).toBe('forest-cover');
    expect(searchIndicators(index, '森林覆盖率', 'zh').hits[0]?.indicator.id).toBe('forest-cover');
    expect(searchIndicators(index, 'pm25-concentration', 'zh').hits[0]?.indicator.id).toBe(
      'pm25-concentration',
    );
    const hit = searchIndicators(index, 'cover', 'en').hits.find((h) => h.indicator.id === 'forest-cover');
    const m = hit?.nameMark as { start: number; end: number };
    expect(hit?.indicator.en.slice(m.start, m.end).toLowerCase()).toBe('cover');
  });

  it('finds every indicator whose name holds the query, and nothing else', () => {
    for (const q of ['率', 'share', '耕地']) {
      const expected = PLAN.indicators
        .filter((i) => [i.id, i.name, i.en, i.rawName].some((f) => f.toLowerCase().includes(q)))
        .map((i) => i.id);
      expect(expected.length, q).toBeGreaterThan(0);
      const found = searchIndicators(index, q, 'zh', 100).hits.map((h) => h.indicator.id);
      expect(new Set(found), q).toEqual(new Set(expected));
    }
  });
});

describe('places and the groups shown', () => {
  it('"库布其" shows the place first, then the tasks naming it', () => {
    const shown = groups('库布其');
    expect(shown[0]?.[0]).toBe('places');
    expect(shown[0]?.[1][0]).toBe('desert-kubuqi');
    expect(shown[1]?.[0]).toBe('tasks');
    const naming = PLAN.tasks.filter((t) => t.text.includes('库布其')).map((t) => t.id);
    expect(shown[1]?.[1]).toEqual(naming);
  });

  it('an exact indicator name puts the indicators first; a task id puts the tasks first', () => {
    expect(groups('森林覆盖率')[0]).toEqual(['indicators', ['forest-cover']]);
    expect(groups('2.3.3')[0]).toEqual(['tasks', ['2.3.3']]);
  });

  it('short names and list forms find a place (包头碳达峰试点)', () => {
    const withListForm = GAZETTEER.entries.filter((e) => e.listForms?.some((f) => !e.aliases.includes(f)));
    expect(withListForm.length).toBeGreaterThan(0);
    for (const e of withListForm.filter((x) => ZONE_INDEX[x.id]))
      for (const f of e.listForms ?? []) expect(placeIds(f), f).toContain(e.id);
  });

  it('a group without a shape (一湖两海) finds its members on the map, after places found by name', () => {
    const group = GAZETTEER.entries.find((e) => e.id === 'group-one-lake-two-seas');
    const members = (group?.groupOf ?? []).filter((id) => ZONE_INDEX[id]);
    expect(members.length).toBeGreaterThan(1);
    const hits = matchPlaces(places.items, '一湖两海', 50, places.groups).hits;
    expect(hits.map((h) => h.item.entry.id)).toEqual(members);
    for (const h of hits) expect(h.group?.id).toBe('group-one-lake-two-seas');
    // only zones on the map are offered: they are what the box can open
    for (const q of ['京津冀', '长三角']) expect(placeIds(q)).toEqual([]);
  });
});
