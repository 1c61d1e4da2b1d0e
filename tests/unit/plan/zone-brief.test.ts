import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultObservations } from '../../../web/domain/plan/default-observations.ts';
import {
  type GazetteerEntry,
  parseObservationsCsv,
  REGION_ID,
  zoneIndicators,
  zoneTasks,
} from '../../../web/domain/plan/index.ts';
import {
  BRIEF_DENSITY,
  BRIEF_LIMITS,
  type BriefChapter,
  briefLine,
  briefMapBox,
  cropToBox,
  fold,
  localDay,
  planCitation,
  textEm,
  zoneBrief,
} from '../../../web/domain/plan/zone-brief.ts';
import { linkLines } from '../../../web/domain/plan/zone-tasks.ts';
import { GAZETTEER, PLAN, ROOT } from './helpers.ts';

const GAZ = new Map<string, GazetteerEntry>(GAZETTEER.entries.map((e) => [e.id, e]));
const read = (f: string) => parseObservationsCsv(readFileSync(join(ROOT, f), 'utf8')).observations;
const OBS = defaultObservations(
  read('data/observations.published.csv'),
  read('data/observations.sample.csv'),
);
const AS_OF = 2026;
const LEAGUES = GAZETTEER.entries.filter((e) => e.kind === 'league').map((e) => e.id);

const taskIds = (chapters: BriefChapter[]) =>
  chapters.flatMap((c) => c.sections.flatMap((s) => s.tasks.map((t) => t.id)));

describe('fold and textEm: text cut to a printed width', () => {
  it('counts a CJK character as 1 em and a Latin one as about half', () => {
    expect(textEm('阿拉善盟')).toBe(4);
    expect(textEm('Alxa')).toBeCloseTo(2.2);
    expect(textEm('（一）')).toBe(3);
  });

  it('leaves text that fits, and cuts the rest to the width with an ellipsis', () => {
    expect(fold('构建国土空间开发新格局', 11)).toBe('构建国土空间开发新格局');
    const zh = fold('构建国土空间开发新格局', 6);
    expect(zh).toBe('构建国土空…');
    expect(textEm(zh)).toBeLessThanOrEqual(6);
    const en = fold('Strengthening northern China’s key ecological security barrier', 15);
    expect(en).toBe('Strengthening northern…');
    expect(textEm(en)).toBeLessThanOrEqual(15);
  });

  it('keeps every English task title of the outline within the widths the brief uses', () => {
    for (const t of PLAN.tasks) {
      const title = t.titleEn ?? t.title;
      for (const { titleEm } of Object.values(BRIEF_LIMITS.folds)) {
        const f = fold(title, titleEm);
        expect(textEm(f), `${t.id} at ${titleEm}`).toBeLessThanOrEqual(titleEm);
        expect(title.startsWith(f.replace(/…$/, '')), t.id).toBe(true);
      }
    }
  });
});

describe('a league brief (阿拉善盟)', () => {
  const zone = 'league-alxa';
  const brief = zoneBrief(PLAN, GAZ, OBS, zone, AS_OF);
  const tasks = zoneTasks(PLAN, GAZ, zone);

  it('lists exactly the zone panel’s tasks, each once, in the panel’s two lists and in document order', () => {
    expect(brief.taskCount).toBe(tasks.naming.length + tasks.within.length);
    expect(taskIds(brief.naming.chapters)).toEqual(tasks.naming.map((t) => t.task.id));
    expect(taskIds(brief.within.chapters)).toEqual(tasks.within.map((t) => t.task.id));
    expect(taskIds(brief.within.chapters)).toContain('2.3.3');
    expect(brief.notNamed).toBe(false);
  });

  it('groups tasks by chapter › section as the panel does', () => {
    for (const list of [brief.naming, brief.within]) {
      const chapterNos = list.chapters.map((c) => c.chapterNo);
      expect(new Set(chapterNos).size).toBe(chapterNos.length);
      for (const c of list.chapters)
        for (const s of c.sections) {
          expect(s.sectionId.split('.')[0]).toBe(String(c.chapterNo));
          for (const t of s.tasks) expect(t.id.startsWith(`${s.sectionId}.`)).toBe(true);
        }
    }
    expect(brief.naming.chapters[0]?.numeral).toMatch(/^[一二三四五六七八九]$/);
  });

  it('at the fullest step shows link lines with at most two places named, the rest counted', () => {
    expect(brief.mode).toBe('cards');
    expect(brief.density).toBe(0);
    const byId = new Map([...tasks.naming, ...tasks.within].map((zt) => [zt.task.id, zt]));
    for (const c of [...brief.naming.chapters, ...brief.within.chapters])
      for (const s of c.sections)
        for (const t of s.tasks) {
          const zt = byId.get(t.id);
          if (!zt) throw new Error(`${t.id} is not a task of the zone`);
          const full = linkLines(zt);
          expect(t.lines.map((l) => l.kind)).toEqual(full.map((l) => l.kind));
          t.lines.forEach((l, i) => {
            expect(l.places.length).toBeLessThanOrEqual(2);
            const counted = l.places.length + l.morePlaces + l.groups.reduce((n, g) => n + g.count, 0);
            expect(counted, `${t.id} ${l.kind}`).toBe(full[i]?.places.length);
          });
        }
  });

  it('lists places within it with the number of tasks naming each, up to the step’s limit', () => {
    const listed = [...brief.places.inside, ...brief.places.crosses];
    expect(listed.length).toBe(Math.min(BRIEF_DENSITY[0].placesListed, tasks.places.length));
    expect(listed.length + brief.places.more).toBe(tasks.places.length);
    const first = tasks.places[0];
    expect(brief.places.inside[0]).toMatchObject({ zoneId: first?.zoneId, tasks: first?.tasks });
    const zh = GAZ.get(first?.zoneId ?? '')?.zh ?? '';
    expect(textEm(zh)).toBeGreaterThan(BRIEF_LIMITS.placeEm);
    expect(brief.places.inside[0]?.name).toBe(fold(zh, BRIEF_LIMITS.placeEm));
  });

  it('has the panel’s indicators: none of its own, the region-wide ones apart, those without data in a line', () => {
    const panel = zoneIndicators(PLAN, GAZ, OBS, zone, AS_OF);
    expect(brief.local.count).toBe(panel.local.length);
    expect(brief.regionWide.count).toBe(panel.regionWide.length);
    const ids = (rows: typeof brief.regionWide.observed) => rows.map((r) => r.row.indicator.id);
    expect(new Set([...ids(brief.regionWide.observed), ...ids(brief.regionWide.noData)])).toEqual(
      new Set(panel.regionWide.map((r) => r.indicator.id)),
    );
    expect(brief.regionWide.observed.length).toBeGreaterThan(0);
    expect(brief.regionWide.noData.length).toBeGreaterThan(0);
    for (const r of brief.regionWide.noData) expect(r.row.status.status).toBe('no-data');
    for (const r of brief.regionWide.observed) expect(r.row.status.status).not.toBe('no-data');
    expect(brief.notesBesideMap).toBe(false);
  });

  it('numbers each observation source once and every status with an observation cites its source', () => {
    const texts = brief.sources.map((s) => s.full);
    expect(new Set(texts).size).toBe(texts.length);
    expect(brief.sources.map((s) => s.no)).toEqual(texts.map((_, i) => i + 1));
    for (const r of [...brief.regionWide.observed, ...brief.regionWide.noData])
      for (const s of r.statuses) {
        const latest = s.status.latest;
        if (!latest) expect(s.source).toBeNull();
        else expect(brief.sources[(s.source ?? 0) - 1]?.full).toBe(latest.source);
      }
    for (const s of brief.sources) {
      expect(textEm(s.text)).toBeLessThanOrEqual(BRIEF_LIMITS.sourceEm);
      expect(s.folded).toBe(s.text !== s.full);
    }
    const sample = brief.regionWide.observed.some((r) => r.statuses.some((s) => s.status.sample));
    expect(brief.anySample).toBe(sample);
  });
});

describe('denser steps', () => {
  const zone = 'league-baotou';
  const at = (density: number) => zoneBrief(PLAN, GAZ, OBS, zone, AS_OF, { density });
  const lines = (b: ReturnType<typeof at>) =>
    [...b.naming.chapters, ...b.within.chapters].flatMap((c) =>
      c.sections.flatMap((s) => s.tasks.flatMap((t) => t.lines)),
    );

  it('name fewer places, then only count them, then list titles only; the tasks stay the same', () => {
    const full = at(0);
    expect(Math.max(...lines(at(1)).map((l) => l.places.length))).toBe(1);
    expect(lines(at(2)).every((l) => l.places.length === 0)).toBe(true);
    expect(lines(at(2)).some((l) => l.morePlaces > 0)).toBe(true);
    expect(at(3).mode).toBe('titles');
    expect(lines(at(3))).toEqual([]);
    for (const d of [1, 2, 3, 4]) {
      expect(taskIds(at(d).naming.chapters)).toEqual(taskIds(full.naming.chapters));
      expect(taskIds(at(d).within.chapters)).toEqual(taskIds(full.within.chapters));
      expect(at(d).density).toBe(d);
    }
    const listed = (b: ReturnType<typeof at>) => b.places.inside.length + b.places.crosses.length;
    expect(listed(at(1))).toBe(BRIEF_DENSITY[1].placesListed);
    expect(listed(at(1))).toBeLessThan(listed(full));
  });

  it('clamps a step outside the list', () => {
    expect(at(-3).density).toBe(0);
    expect(at(99).density).toBe(BRIEF_DENSITY.length - 1);
  });
});

describe('the region brief', () => {
  const brief = zoneBrief(PLAN, GAZ, OBS, REGION_ID, AS_OF);

  it('lists all 96 tasks by title only, by chapter › section, whatever the step', () => {
    expect(brief.taskCount).toBe(PLAN.tasks.length);
    expect(brief.mode).toBe('titles');
    expect(taskIds(brief.naming.chapters)).toEqual(PLAN.tasks.map((t) => t.id));
    expect(brief.naming.chapters).toHaveLength(PLAN.chapters.length);
    expect(brief.naming.chapters.flatMap((c) => c.sections)).toHaveLength(
      PLAN.chapters.reduce((n, c) => n + c.sections.length, 0),
    );
    for (const d of [0, 1, 2])
      expect(zoneBrief(PLAN, GAZ, OBS, REGION_ID, AS_OF, { density: d }).mode).toBe('titles');
    expect(brief.within.count).toBe(0);
    expect(brief.notNamed).toBe(false);
  });

  it('lists every indicator as its own, with a status per scope zone that has observations of its own', () => {
    expect(brief.local.count).toBe(PLAN.indicators.length);
    expect(brief.regionWide.count).toBe(0);
    const bus = brief.local.observed.find((r) => r.row.indicator.id === 'new-bus-new-energy-share');
    const perZone = bus?.statuses.filter((s) => s.zoneId !== null).map((s) => s.zoneId);
    expect(perZone).toEqual(bus?.row.perZone.map((z) => z.zoneId));
    expect(perZone?.length).toBeGreaterThan(0);
    expect(brief.notesBesideMap).toBe(true);
  });

  it('in English folds the titles to the step’s width and says the titles are an unofficial translation', () => {
    const en = zoneBrief(PLAN, GAZ, OBS, REGION_ID, AS_OF, { lang: 'en', density: 4 });
    expect(en.titlesEn).toBe(true);
    expect(brief.titlesEn).toBe(false);
    const titles = en.naming.chapters.flatMap((c) => c.sections.flatMap((s) => s.tasks.map((t) => t.title)));
    for (const t of titles) expect(textEm(t)).toBeLessThanOrEqual(BRIEF_LIMITS.folds.short.titleEm);
    expect(titles.some((t) => t.endsWith('…'))).toBe(true);
    expect(en.folded).toBe(true);
  });
});

describe('other zones', () => {
  it('a zone no task names says so and has no task lists', () => {
    const id = GAZETTEER.entries.find((e) => e.kind === 'county' && (e.taskIds ?? []).length === 0)?.id ?? '';
    const b = zoneBrief(PLAN, GAZ, OBS, id, AS_OF);
    expect(b.notNamed).toBe(true);
    expect(b.taskCount).toBe(0);
    expect(b.naming.chapters).toEqual([]);
  });

  it('every league and the region use the fullest step’s task cards except the region', () => {
    for (const id of LEAGUES) expect(zoneBrief(PLAN, GAZ, OBS, id, AS_OF).mode, id).toBe('cards');
  });
});

describe('briefLine', () => {
  const line = {
    kind: 'inside' as const,
    words: [],
    places: [
      { zoneId: 'desert-tengger', via: [] },
      { zoneId: 'redline-a', via: ['生态保护红线'] },
      { zoneId: 'redline-b', via: ['生态保护红线'] },
      { zoneId: 'county-alxa-right-banner', via: [] },
      { zoneId: 'county-ejina-banner', via: [] },
    ],
  };
  const names = (id: string) => `«${id}»`;

  it('names the places the text names itself first, counts the rest and those a group brings in', () => {
    const b = briefLine(line, names, 2);
    expect(b.places).toEqual([
      { zoneId: 'desert-tengger', name: '«desert-tengger»' },
      { zoneId: 'county-alxa-right-banner', name: '«county-alxa-right-banner»' },
    ]);
    expect(b.morePlaces).toBe(1);
    expect(b.groups).toEqual([{ via: ['生态保护红线'], count: 2 }]);
    expect(briefLine(line, names, 0)).toMatchObject({ places: [], morePlaces: 3 });
  });
});

describe('map frame, date and plan citation', () => {
  it('widens a point or a small zone to the minimum span about its centre and keeps a large one', () => {
    expect(briefMapBox([101.07, 41.96, 101.07, 41.96])).toEqual(
      [100.57, 41.46, 101.57, 42.46].map((x) => expect.closeTo(x, 9)),
    );
    expect(briefMapBox([97, 37, 107, 43])).toEqual([97, 37, 107, 43]);
  });

  it('crops a picture to the zone’s box plus padding, in the picture’s mercator pixels', () => {
    const picture = {
      width: 1000,
      height: 800,
      bounds: [100, 30, 120, 45] as [number, number, number, number],
    };
    const c = cropToBox(picture, [105, 35, 110, 40], 0);
    expect(c.x).toBeCloseTo(250);
    expect(c.width).toBeCloseTo(250);
    const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const y = (lat: number) => ((merc(45) - merc(lat)) / (merc(45) - merc(30))) * 800;
    expect(c.y).toBeCloseTo(y(40));
    expect(c.height).toBeCloseTo(y(35) - y(40));
  });

  it('widens a thin crop to the aspect limit and keeps it inside the picture', () => {
    const picture = {
      width: 1000,
      height: 800,
      bounds: [100, 30, 120, 45] as [number, number, number, number],
    };
    const tall = cropToBox(picture, [119.9, 31, 120, 44], 10);
    expect(tall.width / tall.height).toBeCloseTo(0.8);
    expect(tall.x + tall.width).toBeLessThanOrEqual(1000 + 1e-9);
    const wide = cropToBox(picture, [100, 37, 120, 37.1], 0);
    expect(wide.width / wide.height).toBeCloseTo(1.9);
    const all = cropToBox(picture, [90, 20, 130, 50], 0);
    expect(all).toEqual({ x: 0, y: 0, width: 1000, height: 800 });
  });

  it('gives the day in the local time zone, not UTC', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });

  it('cites the outline by its notice: document number, date and whom it was republished from', () => {
    const c = planCitation(PLAN);
    expect(c.title).toBe(PLAN.title);
    expect(c.docNumber).toMatch(/^内政办发〔\d{4}〕\d+号$/);
    expect(c.date).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(c.from).not.toBeNull();
    expect(c.from).not.toMatch(/^转载来源/);
  });
});
