import { describe, expect, it } from 'vitest';

import { TOUR_LIMITS } from '../../../web/domain/tour/schema.ts';
import {
  MAX_TOUR_FILE_CHARS,
  MAX_TOUR_ISSUES,
  parseTour,
  parseTourText,
  pointerToPath,
  REGION_BBOX,
  type TourIssue,
} from '../../../web/domain/tour/validate.ts';
import { CTX, minimalChapter, minimalTour, ZONE_INDEX } from './helpers.ts';

const paths = (issues: TourIssue[]) => issues.map((i) => i.path);
const at = (issues: TourIssue[], path: string) => issues.filter((i) => i.path === path);

function expectWords(issues: TourIssue[]) {
  for (const i of issues) {
    expect(i.zh.trim(), i.path).not.toBe('');
    expect(i.en.trim(), i.path).not.toBe('');
  }
}

describe('parseTour: a valid file', () => {
  it('accepts the minimal tour and returns a copy, not the caller’s object', () => {
    const value = minimalTour();
    const { tour, issues } = parseTour(value, CTX);
    expect(issues).toEqual([]);
    expect(tour).toEqual(value);
    (value.chapters[0] as { id: string }).id = 'changed';
    expect(tour?.chapters[0]?.id).toBe('one');
  });

  it('keeps markup in a caption as plain text', () => {
    const value = minimalTour();
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)> 库布其';
    value.chapters[0] = { ...minimalChapter('one'), caption: { zh: text, en: text } };
    const { tour, issues } = parseTour(value, CTX);
    expect(issues).toEqual([]);
    expect(tour?.chapters[0]?.caption.zh).toBe(text);
  });

  it('reads a file with a byte-order mark', () => {
    const { tour, issues } = parseTourText(`\uFEFF${JSON.stringify(minimalTour())}`, CTX);
    expect(issues).toEqual([]);
    expect(tour?.id).toBe('mine');
  });
});

describe('parseTour: hostile and broken files give issues with paths', () => {
  it.each([42, null, 'tour', [], true])('refuses %j at the top', (value) => {
    const { tour, issues } = parseTour(value, CTX);
    expect(tour).toBeNull();
    expect(paths(issues)).toEqual(['']);
    expectWords(issues);
  });

  it('names wrong types by their place', () => {
    const value = minimalTour();
    value.chapters[0] = {
      ...minimalChapter('one'),
      title: 5,
      camera: { center: [108], zoom: '6', bearing: 0, pitch: 0 },
      layers: 'region',
      cites: { tasks: [231], indicators: [] },
    };
    const { tour, issues } = parseTour(value, CTX);
    expect(tour).toBeNull();
    expect(paths(issues)).toEqual(
      expect.arrayContaining([
        'chapters[0].title',
        'chapters[0].camera.center',
        'chapters[0].camera.zoom',
        'chapters[0].layers',
        'chapters[0].cites.tasks[0]',
      ]),
    );
    expect(at(issues, 'chapters[0].camera.center')[0]?.en).toMatch(/longitude, latitude/);
    expect(at(issues, 'chapters[0].layers')[0]?.zh).toMatch(/列表/);
    expectWords(issues);
  });

  it('refuses 10 000 chapters or a million layer ids, saying how many there are', () => {
    const value = minimalTour();
    value.chapters = Array.from({ length: 10_000 }, (_, i) => minimalChapter(`c${i}`));
    value.chapters[3] = {
      ...minimalChapter('c3'),
      layers: Array.from({ length: 1_000_000 }, () => 'region'),
    };
    const { tour, issues } = parseTour(value, CTX);
    expect(tour).toBeNull();
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'chapters',
        en: `at most ${TOUR_LIMITS.chapters} items, this has 10000`,
      }),
      expect.objectContaining({
        path: 'chapters[3].layers',
        en: `at most ${TOUR_LIMITS.layers} items, this has 1000000`,
      }),
      expect.objectContaining({ path: 'chapters[3].layers', en: 'the list repeats an item' }),
      // those layers never include the one that draws the chapter's zone
      expect.objectContaining({ path: 'chapters[3].zones[0]' }),
    ]);
  });

  it('stops at 200 issues and says the list was cut', () => {
    const value = minimalTour();
    value.chapters = Array.from({ length: 90 }, (_, i) => ({
      ...minimalChapter(`c${i}`),
      layers: ['no-such-a', 'no-such-b', 'no-such-c'],
    }));
    const { issues, truncated } = parseTour(value, CTX);
    expect(issues).toHaveLength(MAX_TOUR_ISSUES);
    expect(truncated).toBe(true);
    expect(issues[0]?.path).toBe('chapters[0].layers[0]');
  });

  it('names unknown layer, zone, task and indicator ids', () => {
    const value = minimalTour();
    value.chapters[1] = {
      ...minimalChapter('two'),
      layers: ['region', 'thematic-sands', 'thematic-sand'],
      zones: ['desert-kubuqi', 'desert-gobi'],
      cites: { tasks: ['2.3.1', '2.3.9'], indicators: ['forest-cover', 'forest-area'] },
    };
    const { tour, issues } = parseTour(value, CTX);
    expect(tour).toBeNull();
    expect(paths(issues)).toEqual([
      'chapters[1].layers[2]',
      'chapters[1].zones[1]',
      'chapters[1].cites.tasks[1]',
      'chapters[1].cites.indicators[1]',
    ]);
    expect(issues[0]?.en).toBe('unknown layer “thematic-sand”');
    expect(issues[1]?.zh).toBe('未知区域 “desert-gobi”');
  });

  it('refuses a tour with one bad chapter as a whole and lists every bad chapter', () => {
    const value = minimalTour();
    value.chapters.push(minimalChapter('three'), minimalChapter('four'));
    value.chapters[1] = { ...minimalChapter('two'), zones: ['nowhere-zone'] };
    value.chapters[3] = { ...minimalChapter('four'), caption: { zh: '  ', en: '' } };
    const { tour, issues } = parseTour(value, CTX);
    expect(tour).toBeNull();
    expect(paths(issues)).toEqual(['chapters[3].caption.zh', 'chapters[1].zones[0]']);
    expect(issues[0]?.en).toBe('must not be blank');
  });

  it('refuses overly long text, saying the limit', () => {
    const value = minimalTour();
    value.chapters[0] = {
      ...minimalChapter('one'),
      caption: { zh: '沙'.repeat(TOUR_LIMITS.caption.zh + 1), en: 'x'.repeat(TOUR_LIMITS.caption.en) },
      notes: { zh: '', en: 'n'.repeat(TOUR_LIMITS.notes.en + 1) },
    };
    const { issues } = parseTour(value, CTX);
    expect(paths(issues)).toEqual(['chapters[0].caption.zh', 'chapters[0].notes.en']);
    expect(issues[0]?.zh).toBe(
      `文字过长：最多 ${TOUR_LIMITS.caption.zh} 个字符，现有 ${TOUR_LIMITS.caption.zh + 1} 个`,
    );
  });

  it('finds repeated chapter ids, saying which chapter had it first', () => {
    const value = minimalTour();
    value.chapters.push(minimalChapter('one'));
    const { issues } = parseTour(value, CTX);
    expect(paths(issues)).toEqual(['chapters[2].id']);
    expect(issues[0]?.en).toBe('chapter id “one” is already used by chapter 1');
  });

  it('refuses ids that could be mistaken for chapter numbers or carry odd characters', () => {
    const value = minimalTour();
    value.chapters[0] = { ...minimalChapter('3') };
    value.chapters[1] = { ...minimalChapter('Two Words') };
    const { issues } = parseTour(value, CTX);
    expect(paths(issues)).toEqual(['chapters[0].id', 'chapters[1].id']);
    expect(issues[0]?.en).toMatch(/starting with a letter/);
  });

  it('refuses a camera away from the region, or zoomed out to the world', () => {
    const value = minimalTour();
    value.chapters[0] = {
      ...minimalChapter('one'),
      camera: { center: [2.35, 48.85], zoom: 6, bearing: 0, pitch: 0 },
    };
    value.chapters[1] = {
      ...minimalChapter('two'),
      camera: { center: [110, 42], zoom: 1, bearing: 0, pitch: 75 },
    };
    const { issues } = parseTour(value, CTX);
    expect(paths(issues).sort()).toEqual(
      ['chapters[0].camera.center', 'chapters[1].camera.pitch', 'chapters[1].camera.zoom'].sort(),
    );
    expect(at(issues, 'chapters[0].camera.center')[0]?.en).toMatch(/not near the region/);
    expect(at(issues, 'chapters[1].camera.pitch')[0]?.en).toBe('should be between 0 and 60, is 75');
  });

  it('says a highlighted zone cannot be seen when its layer is not shown', () => {
    const value = minimalTour();
    value.chapters[0] = { ...minimalChapter('one'), layers: ['region'] };
    const { issues } = parseTour(value, CTX);
    expect(paths(issues)).toEqual(['chapters[0].zones[0]']);
    expect(issues[0]?.en).toBe(
      'zone “desert-kubuqi” is drawn by layer “thematic-sands”, which this chapter does not show',
    );
  });

  it('names a missing field once and an unknown field by its name', () => {
    const value = minimalTour();
    const { notes: _dropped, ...noNotes } = minimalChapter('one');
    value.chapters[0] = { ...noNotes, note: 'typo' };
    const { issues } = parseTour(value, CTX);
    expect(paths(issues).sort()).toEqual(['chapters[0].note', 'chapters[0].notes']);
    expect(at(issues, 'chapters[0].notes')[0]?.en).toBe('the field “notes” is missing');
    expect(at(issues, 'chapters[0].note')[0]?.en).toBe('format version 1 has no field “note”');
  });

  it('says one thing per place: an empty title is empty, not also blank', () => {
    const value = minimalTour();
    value.chapters[0] = { ...minimalChapter('one'), title: { zh: '', en: 3 } };
    const { issues } = parseTour(value, CTX);
    expect(issues.map((i) => [i.path, i.en])).toEqual([
      ['chapters[0].title.zh', 'must not be empty'],
      ['chapters[0].title.en', 'should be text'],
    ]);
  });

  it('says which format version a newer file has', () => {
    const { issues } = parseTour({ ...minimalTour(), version: 2 }, CTX);
    expect(issues).toEqual([
      {
        path: 'version',
        zh: '这是格式第 2 版的文件，本程序读取第 1 版',
        en: 'this file is format version 2; this app reads version 1',
      },
    ]);
  });

  it('does not let __proto__ through', () => {
    const { tour, issues } = parseTourText('{"__proto__": {"polluted": true}, "id": "x"}', CTX);
    expect(tour).toBeNull();
    expect(paths(issues)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says a file is not JSON, or too large, without parsing it', () => {
    const bad = parseTourText('{"id": "x",', CTX);
    expect(bad.tour).toBeNull();
    expect(bad.issues[0]?.zh).toMatch(/^不是有效的 JSON 文件/);
    const big = parseTourText(' '.repeat(MAX_TOUR_FILE_CHARS + 1), CTX);
    expect(big.issues).toHaveLength(1);
    expect(big.issues[0]?.en).toMatch(/too large/);
  });
});

describe('parts of the reading', () => {
  it('writes JSON pointers as paths a person reads', () => {
    expect(pointerToPath('/chapters/3/layers/1')).toBe('chapters[3].layers[1]');
    expect(pointerToPath('/chapters/0/a~1b')).toBe('chapters[0]["a/b"]');
    expect(pointerToPath('')).toBe('');
  });

  it('keeps the region box used for camera bounds around the zone index’s region', () => {
    const region = ZONE_INDEX['region-inner-mongolia']?.bbox;
    if (!region) throw new Error('no region in the zone index');
    REGION_BBOX.forEach((v, i) => {
      expect(Math.abs(v - (region[i] as number))).toBeLessThan(0.01);
    });
  });
});
