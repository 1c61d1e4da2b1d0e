/**
 * Stepping through a tour's chapters (the presentation's keys, buttons and links), as plain index arithmetic.
 * Chapters are 0-based here; people and links count from 1.
 */
import { ID_LENGTH, SLUG_PATTERN } from './ids.ts';

/** → / PageDown, ← / PageUp, Home, End, a number key (1-based, as printed on the key). */
export type ChapterMove = 'next' | 'prev' | 'first' | 'last' | { number: number };

/**
 * The chapter a move leads to from `index` in a tour of `count` chapters. Next on the last chapter and previous on
 * the first stay put (a clicker pressed once too often does not wrap round to the other end); a number past the
 * last chapter goes to the last.
 */
export function moveChapter(index: number, count: number, move: ChapterMove): number {
  if (count <= 0) return 0;
  const last = count - 1;
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  if (move === 'next') return clamp(index + 1);
  if (move === 'prev') return clamp(index - 1);
  if (move === 'first') return 0;
  if (move === 'last') return last;
  return Number.isInteger(move.number) ? clamp(move.number - 1) : clamp(index);
}

const SLUG = new RegExp(SLUG_PATTERN);
const NUMBER = /^[1-9]\d{0,2}$/;

/** A tour id as links carry it (`tour=default`): a slug of the tour format. */
export const isTourId = (value: string): boolean => value.length <= ID_LENGTH && SLUG.test(value);

/** A chapter as links name it (`chapter=3` or `chapter=three-north`): a 1-based number or a chapter id. */
export const isChapterRef = (value: string): boolean =>
  NUMBER.test(value) || (value.length <= ID_LENGTH && SLUG.test(value));

/**
 * Which chapter a link names: `3` is the third (a number past the end is the last), an id is that chapter; nothing,
 * or an id the tour does not have, is the first, with `found` false for the unknown id.
 */
export function chapterIndexOf(
  chapters: readonly { id: string }[],
  ref: string | null,
): { index: number; found: boolean } {
  if (ref === null) return { index: 0, found: true };
  if (NUMBER.test(ref))
    return { index: moveChapter(0, chapters.length, { number: Number(ref) }), found: true };
  const index = chapters.findIndex((c) => c.id === ref);
  return index < 0 ? { index: 0, found: false } : { index, found: true };
}
