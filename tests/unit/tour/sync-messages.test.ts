import { describe, expect, it } from 'vitest';
import {
  chapterMessage,
  endedMessage,
  helloMessage,
  isSyncMessage,
  SYNC_VERSION,
} from '../../../web/domain/tour/sync-messages.ts';
import { seedTour } from './helpers.ts';

const seed = seedTour();
const TOUR = { id: 'default', chapterIds: seed.chapters.map((c) => c.id) };
const N = TOUR.chapterIds.length;
const step = (index: number, chapterId = TOUR.chapterIds[index]) => ({
  v: SYNC_VERSION,
  type: 'chapter',
  from: 'presenter',
  tourId: 'default',
  index,
  chapterId,
});

describe('messages between the projector window and the presenter view', () => {
  it('accepts the messages the windows send, for every chapter of the tour', () => {
    expect(isSyncMessage(helloMessage('presenter', 'default'), TOUR)).toBe(true);
    expect(isSyncMessage(helloMessage('projector', 'default'), TOUR)).toBe(true);
    expect(isSyncMessage(endedMessage('default'), TOUR)).toBe(true);
    for (let i = 0; i < N; i++) {
      expect(isSyncMessage(chapterMessage('chapter', 'presenter', TOUR, i), TOUR)).toBe(true);
      expect(isSyncMessage(chapterMessage('state', 'projector', TOUR, i), TOUR)).toBe(true);
    }
    expect(chapterMessage('chapter', 'presenter', TOUR, 3)).toEqual(step(3));
  });

  it('makes no message for a chapter the tour does not have', () => {
    expect(chapterMessage('chapter', 'presenter', TOUR, N)).toBeNull();
    expect(chapterMessage('state', 'projector', TOUR, -1)).toBeNull();
  });

  it('refuses chapters out of range, not whole numbers, or whose id is not the chapter at that place', () => {
    for (const index of [-1, N, N + 100, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(isSyncMessage(step(index, TOUR.chapterIds[0]), TOUR), String(index)).toBe(false);
    expect(isSyncMessage({ ...step(2), index: '2' }, TOUR)).toBe(false);
    // the id of another chapter: a window showing an edited copy of the tour does not jump to the wrong chapter
    expect(isSyncMessage(step(2, TOUR.chapterIds[3]), TOUR)).toBe(false);
    expect(isSyncMessage(step(2, 'no-such-chapter'), TOUR)).toBe(false);
    expect(isSyncMessage({ ...step(2), chapterId: undefined }, TOUR)).toBe(false);
  });

  it('ignores messages about another tour', () => {
    expect(isSyncMessage({ ...step(1), tourId: 'my-tour' }, TOUR)).toBe(false);
    expect(isSyncMessage(helloMessage('projector', 'other'), TOUR)).toBe(false);
    expect(isSyncMessage(endedMessage('other'), TOUR)).toBe(false);
  });

  it('refuses what is not a message of this format: other values, types, versions, roles, fields', () => {
    for (const value of [null, undefined, 3, 'chapter', [], [step(1)], { type: 'chapter' }])
      expect(isSyncMessage(value, TOUR), JSON.stringify(value)).toBe(false);
    expect(isSyncMessage({ ...step(1), type: 'goto' }, TOUR)).toBe(false);
    expect(isSyncMessage({ ...step(1), type: 'toString' }, TOUR)).toBe(false);
    expect(isSyncMessage({ ...step(1), type: '__proto__' }, TOUR)).toBe(false);
    expect(isSyncMessage({ ...step(1), v: 2 }, TOUR)).toBe(false);
    expect(isSyncMessage({ ...step(1), v: '1' }, TOUR)).toBe(false);
    expect(isSyncMessage({ ...step(1), from: 'audience' }, TOUR)).toBe(false);
    expect(isSyncMessage({ ...step(1), extra: true }, TOUR)).toBe(false);
    const { from: _, ...noRole } = step(1);
    expect(isSyncMessage(noRole, TOUR)).toBe(false);
    // a hello or an ended message carries no chapter
    expect(isSyncMessage({ ...helloMessage('presenter', 'default'), index: 1 }, TOUR)).toBe(false);
    expect(isSyncMessage({ ...endedMessage('default'), chapterId: TOUR.chapterIds[0] }, TOUR)).toBe(false);
    // a tour id that is not one (links refuse it too)
    const bad = { id: 'Bad Id', chapterIds: TOUR.chapterIds };
    expect(isSyncMessage(helloMessage('presenter', 'Bad Id'), bad)).toBe(false);
  });
});
