import { describe, expect, it } from 'vitest';
import { moveChapter } from '../../../web/domain/tour/navigation.ts';
import {
  chapterElapsed,
  elapsed,
  formatDuration,
  markChapter,
  pauseTimer,
  presenterMove,
  resetTimer,
  resumeTimer,
  running,
  startTimer,
} from '../../../web/domain/tour/presenter-timer.ts';
import { COMMANDS, type Command } from '../../../web/src/commands/registry.ts';

const S = 1000;
const M = 60 * S;

describe('the presenter timer', () => {
  it('counts the talk from its start and each chapter from when it was shown', () => {
    let t = startTimer(5_000);
    expect(running(t)).toBe(true);
    expect(elapsed(t, 5_000)).toBe(0);
    expect(elapsed(t, 5_000 + 90 * S)).toBe(90 * S);
    t = markChapter(t, 5_000 + 90 * S);
    expect(chapterElapsed(t, 5_000 + 90 * S)).toBe(0);
    expect(chapterElapsed(t, 5_000 + 100 * S)).toBe(10 * S);
    expect(elapsed(t, 5_000 + 100 * S)).toBe(100 * S);
  });

  it('stops both clocks while paused and goes on from there', () => {
    let t = startTimer(0);
    t = markChapter(t, 30 * S);
    t = pauseTimer(t, 40 * S);
    expect(running(t)).toBe(false);
    expect(elapsed(t, 10 * M)).toBe(40 * S);
    expect(chapterElapsed(t, 10 * M)).toBe(10 * S);
    expect(pauseTimer(t, 11 * M)).toBe(t);
    t = resumeTimer(t, 10 * M);
    expect(elapsed(t, 10 * M + 5 * S)).toBe(45 * S);
    expect(chapterElapsed(t, 10 * M + 5 * S)).toBe(15 * S);
    expect(resumeTimer(t, 11 * M)).toBe(t);
  });

  it('a chapter shown while paused starts its clock at zero when the timer goes on', () => {
    let t = pauseTimer(startTimer(0), 20 * S);
    t = markChapter(t, 50 * S);
    t = resumeTimer(t, 60 * S);
    expect(chapterElapsed(t, 63 * S)).toBe(3 * S);
    expect(elapsed(t, 63 * S)).toBe(23 * S);
  });

  it('resets both clocks to zero, keeping it running or paused as it was', () => {
    const on = resetTimer(markChapter(startTimer(0), 20 * S), 30 * S);
    expect(running(on)).toBe(true);
    expect(elapsed(on, 30 * S)).toBe(0);
    expect(elapsed(on, 32 * S)).toBe(2 * S);
    expect(chapterElapsed(on, 32 * S)).toBe(2 * S);
    const off = resetTimer(pauseTimer(startTimer(0), 20 * S), 30 * S);
    expect(running(off)).toBe(false);
    expect(elapsed(off, 99 * S)).toBe(0);
  });

  it('never shows time running backwards when the clock reads earlier than the start', () => {
    const t = startTimer(10 * S);
    expect(elapsed(t, 5 * S)).toBe(0);
    expect(chapterElapsed(markChapter(t, 20 * S), 15 * S)).toBe(0);
  });
});

describe('formatting a duration', () => {
  it('shows minutes and seconds under an hour, hours from an hour, seconds rounded down', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(999)).toBe('0:00');
    expect(formatDuration(7 * S)).toBe('0:07');
    expect(formatDuration(59 * S + 999)).toBe('0:59');
    expect(formatDuration(M)).toBe('1:00');
    expect(formatDuration(12 * M + 5 * S)).toBe('12:05');
    expect(formatDuration(59 * M + 59 * S)).toBe('59:59');
    expect(formatDuration(60 * M)).toBe('1:00:00');
    expect(formatDuration(62 * M + 3 * S)).toBe('1:02:03');
    expect(formatDuration(10 * 60 * M + 5 * M)).toBe('10:05:00');
  });

  it('shows nonsense as zero', () => {
    expect(formatDuration(-5 * S)).toBe('0:00');
    expect(formatDuration(Number.NaN)).toBe('0:00');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('0:00');
  });
});

describe('the presenter’s keys', () => {
  it('are exactly the projector’s tour keys, each making the same move', () => {
    // the stepping commands (the projector's Escape closes and leaves things: the presenter has no such key)
    const steps = (COMMANDS as readonly Command[]).filter((c) =>
      /^tour\.(next|prev|first|last|go\.\d)$/.test(c.id),
    );
    const bound = steps.flatMap((c) => (c.keys ?? []).map((key) => [key, c.id] as const));
    expect(bound).toHaveLength(15);
    const expected: Record<string, string> = { next: 'tour.next', prev: 'tour.prev', first: 'tour.first' };
    expected.last = 'tour.last';
    for (const [key, id] of bound) {
      const move = presenterMove(key);
      expect(move, key).not.toBeNull();
      if (move === null) continue;
      expect(typeof move === 'string' ? expected[move] : `tour.go.${move.number}`, key).toBe(id);
    }
    for (const key of ['Escape', 'Enter', ' ', '0', 'a', 'ArrowUp', 'ArrowDown', '10'])
      expect(presenterMove(key), key).toBeNull();
  });

  it('step through a tour as the projector does', () => {
    const at = (key: string, i: number) => {
      const move = presenterMove(key);
      return move === null ? i : moveChapter(i, 17, move);
    };
    expect(at('ArrowRight', 0)).toBe(1);
    expect(at('PageDown', 16)).toBe(16);
    expect(at('PageUp', 5)).toBe(4);
    expect(at('End', 2)).toBe(16);
    expect(at('Home', 9)).toBe(0);
    expect(at('3', 9)).toBe(2);
  });
});
