import { describe, expect, it } from 'vitest';
import { chapterIndexOf, isChapterRef, isTourId, moveChapter } from '../../../web/domain/tour/navigation.ts';
import { seedTour } from './helpers.ts';

describe('stepping through chapters', () => {
  it('goes to the next and previous chapter and stays at either end instead of wrapping round', () => {
    expect(moveChapter(0, 17, 'next')).toBe(1);
    expect(moveChapter(5, 17, 'prev')).toBe(4);
    expect(moveChapter(16, 17, 'next')).toBe(16);
    expect(moveChapter(0, 17, 'prev')).toBe(0);
  });

  it('goes to the first and last chapter', () => {
    expect(moveChapter(9, 17, 'first')).toBe(0);
    expect(moveChapter(2, 17, 'last')).toBe(16);
    expect(moveChapter(0, 1, 'last')).toBe(0);
  });

  it('reads a number key as the chapter printed on it, clamped to the tour', () => {
    expect(moveChapter(0, 17, { number: 1 })).toBe(0);
    expect(moveChapter(0, 17, { number: 9 })).toBe(8);
    expect(moveChapter(10, 5, { number: 9 })).toBe(4);
    expect(moveChapter(3, 5, { number: 0 })).toBe(0);
    expect(moveChapter(3, 5, { number: 2.5 })).toBe(3);
  });

  it('has nowhere to go in a tour without chapters', () => {
    for (const move of ['next', 'prev', 'first', 'last', { number: 3 }] as const) {
      expect(moveChapter(0, 0, move)).toBe(0);
    }
  });
});

describe('the chapter a link names', () => {
  const { chapters } = seedTour();

  it('reads a 1-based number, past the end as the last chapter', () => {
    expect(chapterIndexOf(chapters, '1')).toEqual({ index: 0, found: true });
    expect(chapterIndexOf(chapters, '3')).toEqual({ index: 2, found: true });
    expect(chapterIndexOf(chapters, '999')).toEqual({ index: chapters.length - 1, found: true });
  });

  it('reads a chapter id, and falls back to the first chapter for an id the tour lacks', () => {
    expect(chapters[2]?.id).toBe('three-north');
    expect(chapterIndexOf(chapters, 'three-north')).toEqual({ index: 2, found: true });
    expect(chapterIndexOf(chapters, 'league-roles-east')).toEqual({ index: 16, found: true });
    expect(chapterIndexOf(chapters, 'no-such-chapter')).toEqual({ index: 0, found: false });
    expect(chapterIndexOf(chapters, null)).toEqual({ index: 0, found: true });
  });

  it('accepts as tour and chapter names only what the tour format allows', () => {
    expect(isTourId('default')).toBe(true);
    for (const bad of ['', 'Default', '3d', '-x', 'a--b', '__proto__', '<script>', 'x'.repeat(49)]) {
      expect(isTourId(bad), bad).toBe(false);
    }
    for (const good of ['1', '17', '999', 'three-north']) expect(isChapterRef(good), good).toBe(true);
    for (const bad of ['0', '01', '1000', '-1', '2.5', 'Three', 'a b', 'x'.repeat(49)]) {
      expect(isChapterRef(bad), bad).toBe(false);
    }
  });
});
