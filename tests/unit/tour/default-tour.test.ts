import { describe, expect, it } from 'vitest';
import { captionFacts } from '../../../web/domain/tour/facts.ts';
import { parseTour, REGION_BBOX } from '../../../web/domain/tour/validate.ts';
import { fits, overflow, type Screen, unionBbox } from '../../../web/domain/tour/viewport.ts';
import { LEAGUES } from '../../../web/domain/zones/leagues.ts';
import { CTX, chapter, GAZETTEER, PLAN, SEED_TEXT, seedTour, ZONE_INDEX } from './helpers.ts';

const tour = seedTour();
const HD: Screen = { width: 1920, height: 1080, coverLeft: 500, margin: 24 };
const SMALL: Screen = { width: 1280, height: 720, coverLeft: 500, margin: 24 };

describe('the default tour (seeds/tour-default.json)', () => {
  it('passes parseTour against the real layer, zone, task and indicator ids', () => {
    const result = parseTour(JSON.parse(SEED_TEXT), CTX);
    expect(result.issues).toEqual([]);
    expect(result.tour?.chapters.map((c) => c.id)).toEqual(tour.chapters.map((c) => c.id));
  });

  it('cites only tasks and indicators of data/plan.json, and every chapter cites at least one task', () => {
    const tasks = new Set(PLAN.tasks.map((t) => t.id));
    const indicators = new Set(PLAN.indicators.map((i) => i.id));
    for (const c of tour.chapters) {
      expect(c.cites.tasks.length, c.id).toBeGreaterThan(0);
      for (const id of c.cites.tasks) expect(tasks.has(id), `${c.id} cites task ${id}`).toBe(true);
      for (const id of c.cites.indicators) expect(indicators.has(id), `${c.id} cites ${id}`).toBe(true);
    }
  });

  it('highlights zones drawn on the map, each named by a task the chapter cites, on a layer it shows', () => {
    const entries = new Map(GAZETTEER.entries.map((e) => [e.id, e]));
    for (const c of tour.chapters) {
      expect(c.zones.length, c.id).toBeGreaterThan(0);
      for (const zone of c.zones) {
        const indexed = ZONE_INDEX[zone];
        expect(indexed, `${c.id}: ${zone} in the zone index`).toBeDefined();
        expect(c.layers, `${c.id}: layer of ${zone}`).toContain(indexed?.layerId);
        const named = entries.get(zone)?.taskIds ?? [];
        expect(
          named.some((t) => c.cites.tasks.includes(t)),
          `${c.id}: ${zone} is named by a cited task (${named.join(', ')})`,
        ).toBe(true);
      }
    }
  });

  it('has no number in a title or caption (zh or en) that the cited plan text lacks', () => {
    for (const c of tour.chapters) expect(captionFacts(c, PLAN), c.id).toEqual([]);
  });

  it("frames each chapter's zones beside a 500 px caption panel at 1280×720 and 1920×1080", () => {
    for (const c of tour.chapters) {
      const box = unionBbox(c.zones.map((z) => ZONE_INDEX[z]?.bbox ?? REGION_BBOX));
      if (!box) throw new Error(`${c.id}: no zones`);
      for (const screen of [HD, SMALL]) {
        expect(fits(box, c.camera, screen), `${c.id} at ${screen.width}×${screen.height}`).toBe(true);
      }
      // not zoomed out for nothing: one step closer (+0.5 zoom, 41 % larger) leaves the small screen
      const closer = overflow(box, { ...c.camera, zoom: c.camera.zoom + 0.5 }, SMALL);
      expect(closer && Math.max(closer.left, closer.right, closer.top, closer.bottom), c.id).toBeGreaterThan(
        0,
      );
    }
  });

  it('marks its English as the project’s unofficial translation, and every chapter has English', () => {
    expect(tour.english?.source).toBe('unofficial');
    expect(tour.english?.note.en).toMatch(/unofficial translation/);
    for (const c of tour.chapters) {
      expect(c.title.en.trim(), c.id).not.toBe('');
      expect(c.caption.en.trim(), c.id).not.toBe('');
      expect(c.notes.zh.trim(), c.id).not.toBe('');
      expect(c.notes.en.trim(), c.id).not.toBe('');
    }
  });

  it('tells the story issue 10 asks for', () => {
    const shown = (id: string) => tour.chapters.filter((c) => c.zones.includes(id)).map((c) => c.id);
    const cites = (task: string) =>
      tour.chapters.filter((c) => c.cites.tasks.includes(task)).map((c) => c.id);
    expect(chapter(tour, 'layout').caption.zh).toMatch(/三山一弯.*一核双星多点/);
    expect(cites('2.1.1')).toContain('layout');
    for (const battle of ['battle-yellow-river-bend', 'battle-horqin-otindag', 'battle-hexi-taklamakan']) {
      expect(shown(battle).length, battle).toBeGreaterThanOrEqual(2);
    }
    for (const zone of [
      'desert-kubuqi',
      'sandland-mu-us',
      'desert-ulan-buh',
      'sandland-horqin',
      'sandland-otindag',
      'desert-badain-jaran',
      'desert-tengger',
      'treatment-area-alxa-right-wind-gap',
      'treatment-area-ejina-wind-gap',
      'lake-hulun',
      'lake-ulansuhai',
      'lake-daihai',
      'lake-chagan-nur',
      'river-ten-kongdui',
      'water-works-chaoer-to-xiliao',
      'mountain-greater-khingan',
      'mountain-yinshan',
      'mountain-helan',
      'plain-hetao',
      'black-soil-greater-khingan-northwest',
      'wind-base-alxa',
      'redline-illustrative-01',
    ]) {
      expect(shown(zone).length, zone).toBeGreaterThan(0);
    }
    expect(cites('4.3.3').length).toBeGreaterThan(0); // saline land
    expect(cites('3.2.2').length).toBeGreaterThan(0); // wind power
    // 彰显盟市各自特色: every league appears in a chapter citing 6.1.1
    const roles = tour.chapters.filter((c) => c.cites.tasks.includes('6.1.1'));
    for (const league of LEAGUES) {
      expect(
        roles.some((c) => c.zones.includes(league.id)),
        league.zh,
      ).toBe(true);
    }
    for (const c of tour.chapters) expect(c.layers, c.id).toContain('leagues');
  });
});
