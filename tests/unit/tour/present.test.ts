import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';
import { chapterLegendIds, chapterView, citedSections } from '../../../web/domain/tour/present.ts';
import { chapter, PLAN, seedTour } from './helpers.ts';

const LAYER_IDS = LAYERS.map((l) => l.id);
const on = (visible: Record<string, boolean>) =>
  Object.entries(visible)
    .filter(([, v]) => v)
    .map(([id]) => id)
    .sort();

describe('a chapter on the map', () => {
  const tour = seedTour();

  it('switches on exactly the chapter’s layers among every registry layer, for every default chapter', () => {
    for (const c of tour.chapters) {
      const view = chapterView(c, LAYER_IDS);
      expect(Object.keys(view.visible).sort(), c.id).toEqual([...LAYER_IDS].sort());
      expect(on(view.visible), c.id).toEqual([...c.layers].sort());
    }
  });

  it('turns off layers that are on by default and on layers that are off by default', () => {
    const water = chapterView(chapter(tour, 'water-network'), LAYER_IDS).visible;
    const defaults = Object.fromEntries(LAYERS.map((l) => [l.id, l.defaultVisible]));
    expect(defaults['thematic-reservoirs']).toBe(false);
    expect(water['thematic-reservoirs']).toBe(true);
    const offByChapter = LAYER_IDS.filter((id) => defaults[id] && !water[id]);
    expect(offByChapter.length).toBeGreaterThan(0);
  });

  it('outlines the chapter’s zones, sorted and once each, as the store keeps highlights', () => {
    const c = chapter(tour, 'yellow-river-bend');
    const { highlight } = chapterView({ ...c, zones: [...c.zones, c.zones[0] as string] }, LAYER_IDS);
    expect(highlight).toEqual([...new Set(c.zones)].sort());
    expect(chapterView(chapter(tour, 'red-line'), LAYER_IDS).highlight).toHaveLength(22);
  });

  it('leaves out layer ids the registry does not have', () => {
    const view = chapterView({ layers: ['region', 'no-such-layer'], zones: [] }, LAYER_IDS);
    expect(on(view.visible)).toEqual(['region']);
    expect('no-such-layer' in view.visible).toBe(false);
  });

  it('lists the legend in the layer panel’s order, topmost drawn first', () => {
    const c = chapter(tour, 'greater-khingan');
    const ids = chapterLegendIds(c, LAYER_IDS);
    expect([...ids].sort()).toEqual([...c.layers].sort());
    const rank = (id: string) => LAYER_IDS.indexOf(id);
    for (let i = 1; i < ids.length; i++)
      expect(rank(ids[i - 1] as string)).toBeGreaterThan(rank(ids[i] as string));
    expect(ids.at(-1)).toBe('countries');
  });
});

describe('the plan a chapter presents', () => {
  const tour = seedTour();

  it('groups cited tasks by chapter › section, in the order first cited', () => {
    const sections = citedSections(chapter(tour, 'greater-khingan'), PLAN);
    expect(sections.map((s) => `${s.chapterNo}.${s.sectionNo}`)).toEqual(['2.2', '2.1', '1.2']);
    expect(sections.map((s) => s.tasks.map((t) => t.id))).toEqual([['2.2.1', '2.2.2'], ['2.1.2'], ['1.2.2']]);
    const first = sections[0];
    const task = PLAN.tasks.find((t) => t.id === '2.2.1');
    expect(first?.chapter).toBe(task?.chapter);
    expect(first?.section).toBe('全力保护修复大草原大森林');
    expect(first?.sectionEn).toBe(task?.sectionEn);
    expect(first?.tasks[0]?.title).toBe(task?.title);
  });

  it('names every cited task of every default chapter once, with its chapter and section titles', () => {
    for (const c of tour.chapters) {
      const sections = citedSections(c, PLAN);
      expect(sections.flatMap((s) => s.tasks.map((t) => t.id)).sort(), c.id).toEqual(
        [...c.cites.tasks].sort(),
      );
      for (const s of sections) {
        for (const t of s.tasks) {
          const task = PLAN.tasks.find((x) => x.id === t.id);
          expect([s.chapter, s.section], t.id).toEqual([task?.chapter, task?.section]);
        }
      }
    }
  });
});
