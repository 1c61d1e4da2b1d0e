import { describe, expect, it } from 'vitest';
import { isNewStep, parseUrlState, type UrlState, writeUrlState } from '../../../web/domain/ui/url-state.ts';

const read = (q: string) => parseUrlState(new URLSearchParams(q));
const BASE: UrlState = {
  zone: null,
  lang: null,
  view: null,
  task: null,
  indicator: null,
  paint: null,
  camera: null,
  show: [],
  hide: [],
};

describe('a presentation in the URL', () => {
  it('reads the tour and its chapter, by number or id', () => {
    expect(read('tour=default')).toEqual({ ...BASE, tour: 'default', chapter: null });
    expect(read('tour=default&chapter=3')).toEqual({ ...BASE, tour: 'default', chapter: '3' });
    expect(read('?tour=default&chapter=three-north&lang=en')).toEqual({
      ...BASE,
      lang: 'en',
      tour: 'default',
      chapter: 'three-north',
    });
  });

  it('ignores a chapter without a tour, and values a tour link never has', () => {
    expect(read('chapter=3')).toEqual(BASE);
    for (const tour of ['<script>', 'Default', '', 'x'.repeat(49), '__proto__']) {
      expect(read(`tour=${encodeURIComponent(tour)}&chapter=2`), tour).toEqual(BASE);
    }
    for (const chapter of ['0', '-1', '1000', 'Three', '<b>', '2.5']) {
      expect(read(`tour=default&chapter=${encodeURIComponent(chapter)}`), chapter).toEqual({
        ...BASE,
        tour: 'default',
        chapter: null,
      });
    }
  });

  it('writes tour and chapter, drops a chapter without a tour, keeps other parameters', () => {
    const p = new URLSearchParams('utm=1&zone=league-alxa');
    writeUrlState(p, { zone: null, lang: 'zh', tour: 'default', chapter: 'wind-bases' });
    expect(p.toString()).toBe('utm=1&tour=default&chapter=wind-bases');
    expect(read(p.toString())).toEqual({ ...BASE, tour: 'default', chapter: 'wind-bases' });
    writeUrlState(p, { zone: 'league-alxa', lang: 'en', tour: null, chapter: 'wind-bases' });
    expect(p.toString()).toBe('utm=1&zone=league-alxa&lang=en');
  });

  it('makes starting and leaving a presentation and each new chapter a history step', () => {
    const map: UrlState = { ...BASE, zone: 'league-alxa' };
    const first: UrlState = { ...BASE, tour: 'default', chapter: 'layout' };
    expect(isNewStep(map, first)).toBe(true);
    expect(isNewStep(first, { ...first, chapter: 'leagues-cities' })).toBe(true);
    expect(isNewStep(first, map)).toBe(true);
    expect(isNewStep(first, { ...first, lang: 'en' })).toBe(false);
  });

  it('does not make a step of the chapter named once the tour has loaded', () => {
    const loading: UrlState = { ...BASE, tour: 'default', chapter: null };
    expect(isNewStep(loading, { ...loading, chapter: 'layout' })).toBe(false);
    expect(isNewStep(BASE, { ...BASE })).toBe(false);
  });
});
