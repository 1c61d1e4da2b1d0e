import { describe, expect, it } from 'vitest';
import { beijingDate, beijingTime, withBeijingTimes } from '../../../web/domain/report/time.ts';

describe('Beijing time (UTC+8) for every time people read', () => {
  it('crosses to the next Beijing day from a UTC instant near midnight', () => {
    expect(beijingTime('2026-11-30T16:40:00.000Z')).toBe('2026-12-01 00:40 北京时间 (UTC+8)');
    expect(beijingTime('2026-12-31T23:59:30Z', 'en')).toBe('2027-01-01 07:59 Beijing time (UTC+8)');
    expect(beijingDate('2026-11-30T16:40:00Z')).toBe('2026-12-01');
  });

  it('names the zone, reads ISO text with an offset, Date and epoch ms alike', () => {
    expect(beijingTime('2026-11-30T22:40:00+08:00')).toBe('2026-11-30 22:40 北京时间 (UTC+8)');
    const d = new Date(Date.UTC(2026, 1, 28, 15, 59, 59));
    expect(beijingTime(d, 'zh', { seconds: true })).toBe('2026-02-28 23:59:59 北京时间 (UTC+8)');
    expect(beijingTime(d.getTime() + 1000)).toBe('2026-03-01 00:00 北京时间 (UTC+8)');
  });

  it('gives nothing for a missing or unreadable time rather than a wrong one', () => {
    expect(beijingTime(null)).toBe('');
    expect(beijingTime('not a date')).toBe('');
    expect(beijingDate(undefined)).toBe('');
  });

  it('shows the instants inside a dataset version in Beijing time, leaving the rest', () => {
    expect(withBeijingTimes('红线.geojson · 2026-11-30T16:02:17.288Z')).toBe(
      '红线.geojson · 2026-12-01 00:02 北京时间 (UTC+8)',
    );
    expect(withBeijingTimes('redline-illustrative-abc123.geojson')).toBe(
      'redline-illustrative-abc123.geojson',
    );
  });
});
