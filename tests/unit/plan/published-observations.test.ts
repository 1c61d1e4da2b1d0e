import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultObservations } from '../../../web/domain/plan/default-observations.ts';
import {
  checkObservations,
  computeStatus,
  parseObservationsCsv,
  REGION_ID,
} from '../../../web/domain/plan/index.ts';
import { PLAN, ROOT } from './helpers.ts';

const read = (f: string) => parseObservationsCsv(readFileSync(join(ROOT, 'data', f), 'utf8'));
const PUBLISHED = read('observations.published.csv');
const SAMPLE = read('observations.sample.csv');
const DEFAULT = defaultObservations(PUBLISHED.observations, SAMPLE.observations);
/** The rows of the plan's own measure (relation same): the only ones a status reads. */
const SAME = PUBLISHED.observations.filter((o) => (o.relation ?? 'same') === 'same');

describe('published figures as the default observations', () => {
  it('every published row parses, is real (not 示例), names its source and fits the plan', () => {
    expect(PUBLISHED.issues).toEqual([]);
    expect(PUBLISHED.observations.length).toBeGreaterThan(10);
    for (const o of PUBLISHED.observations) {
      expect(o.sample).toBe(false);
      expect(o.source.length).toBeGreaterThan(5);
    }
    expect(checkObservations(PUBLISHED.observations, PLAN.indicators)).toEqual([]);
  });

  it('sample rows stay only for an indicator and zone without a published figure', () => {
    const published = new Set(SAME.map((o) => o.indicatorId));
    const kept = DEFAULT.filter((o) => o.sample);
    expect(kept.length).toBeGreaterThan(0);
    for (const o of kept) {
      const zoneless = !o.zoneId || o.zoneId === REGION_ID;
      if (zoneless) expect(published.has(o.indicatorId), o.indicatorId).toBe(false);
    }
    // every sample row dropped was replaced by a published one for the same indicator
    for (const o of SAMPLE.observations.filter((s) => !DEFAULT.includes(s))) {
      expect(published.has(o.indicatorId)).toBe(true);
    }
  });

  it('a region-wide status from published figures is not sample and reads the latest published row', () => {
    for (const ind of PLAN.indicators.filter((i) => i.zones.includes(REGION_ID))) {
      const rows = SAME.filter((o) => o.indicatorId === ind.id && o.year <= 2026);
      const s = computeStatus(ind, DEFAULT, 2026);
      if (rows.length === 0) continue;
      const latestYear = Math.max(...rows.map((o) => o.year));
      expect(s.sample, ind.id).toBe(false);
      expect(s.latest?.year).toBe(latestYear);
      expect(s.latest?.source).toBe(rows.filter((o) => o.year === latestYear).at(-1)?.source);
    }
  });
});
