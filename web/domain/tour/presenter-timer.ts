/**
 * The presenter view's timer as plain values: time since the talk started and since the current chapter began,
 * both stopping while paused. Times are milliseconds from any clock the caller reads (performance.now in the app).
 */
import type { ChapterMove } from './navigation.ts';

export interface PresenterTimer {
  /** milliseconds counted before the current run (the time up to the last pause) */
  banked: number;
  /** when the current run started, or null while paused */
  since: number | null;
  /** the talk's elapsed time when the current chapter began */
  chapterMark: number;
}

/** A timer that starts counting at `now`. */
export const startTimer = (now: number): PresenterTimer => ({ banked: 0, since: now, chapterMark: 0 });

export const running = (t: PresenterTimer): boolean => t.since !== null;

/** Time since the talk started, pauses left out. */
export const elapsed = (t: PresenterTimer, now: number): number =>
  t.banked + (t.since === null ? 0 : Math.max(0, now - t.since));

/** Time since the current chapter began, pauses left out. */
export const chapterElapsed = (t: PresenterTimer, now: number): number =>
  Math.max(0, elapsed(t, now) - t.chapterMark);

export const pauseTimer = (t: PresenterTimer, now: number): PresenterTimer =>
  t.since === null ? t : { ...t, banked: elapsed(t, now), since: null };

export const resumeTimer = (t: PresenterTimer, now: number): PresenterTimer =>
  t.since === null ? { ...t, since: now } : t;

/** Back to zero, both clocks; a running timer keeps running, a paused one stays paused. */
export const resetTimer = (t: PresenterTimer, now: number): PresenterTimer => ({
  banked: 0,
  since: t.since === null ? null : now,
  chapterMark: 0,
});

/** Another chapter is shown: its clock starts from zero, the talk's goes on. */
export const markChapter = (t: PresenterTimer, now: number): PresenterTimer => ({
  ...t,
  chapterMark: elapsed(t, now),
});

/** A duration as a clock shows it: 0:07, 12:05, 1:02:03 (whole seconds, rounded down). */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * The presenter's keys, the same as the projector's (the tour commands of web/src/commands/registry.ts):
 * → / PageDown next, ← / PageUp previous, Home, End, 1–9 a chapter by number. Other keys: null.
 */
export function presenterMove(key: string): ChapterMove | null {
  if (key === 'ArrowRight' || key === 'PageDown') return 'next';
  if (key === 'ArrowLeft' || key === 'PageUp') return 'prev';
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  if (/^[1-9]$/.test(key)) return { number: Number(key) };
  return null;
}
