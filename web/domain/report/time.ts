/**
 * Times people read — the report, the CSV, the record's display, the saved projects — are Beijing time with the
 * zone named: "2026-11-30 22:40 北京时间 (UTC+8)". China has one zone and no daylight saving, so it is UTC + 8 h
 * exactly. Machine fields (the record's `checkedAt`, files' ISO stamps) stay ISO 8601 in UTC.
 */

const ZONE = { zh: '北京时间 (UTC+8)', en: 'Beijing time (UTC+8)' } as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant (ISO text, Date or epoch ms) as Beijing wall-clock time with the zone; '' for a missing or bad value. */
export function beijingTime(
  at: string | number | Date | null | undefined,
  lang: 'zh' | 'en' = 'zh',
  opts: { seconds?: boolean } = {},
): string {
  if (at === null || at === undefined || at === '') return '';
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms + 8 * 3_600_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${opts.seconds ? `:${pad(d.getUTCSeconds())}` : ''}`;
  return `${date} ${time} ${ZONE[lang]}`;
}

/** The Beijing calendar date of an instant (YYYY-MM-DD), for lists where the time of day is noise. */
export function beijingDate(at: string | number | Date | null | undefined): string {
  return beijingTime(at).slice(0, 10);
}

const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** Text that holds ISO instants (a dataset version "file · 2026-11-30T15:02:17Z") with each shown in Beijing time. */
export const withBeijingTimes = (text: string, lang: 'zh' | 'en' = 'zh'): string =>
  text.replace(ISO_INSTANT, (m) => beijingTime(m, lang) || m);
