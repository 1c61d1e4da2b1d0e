import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultObservations } from '../../../web/domain/plan/default-observations.ts';
import {
  checkObservations,
  computeStatus,
  type GazetteerEntry,
  type Observation,
  parseObservationsCsv,
  REGION_ID,
} from '../../../web/domain/plan/index.ts';
import { contextObservations, relationWords } from '../../../web/domain/plan/observation-context.ts';
import { GAZETTEER, PLAN, ROOT } from './helpers.ts';

const GAZ = new Map<string, GazetteerEntry>(GAZETTEER.entries.map((e) => [e.id, e]));
const read = (f: string) => parseObservationsCsv(readFileSync(join(ROOT, 'data', f), 'utf8'));
const PUBLISHED = read('observations.published.csv');
const DEFAULTS = defaultObservations(PUBLISHED.observations, read('observations.sample.csv').observations);
const isSame = (o: Observation) => (o.relation ?? 'same') === 'same';
const indicator = (id: string) => {
  const i = PLAN.indicators.find((x) => x.id === id);
  if (!i) throw new Error(id);
  return i;
};
const relationOf = (o: Observation) => o.relation ?? 'same';

describe('published rows of every relation ship, with unit, period and basis', () => {
  it('the shipped file holds same, partial, related and context rows, all fitting the plan and the gazetteer', () => {
    expect(PUBLISHED.issues).toEqual([]);
    const counts = new Map<string, number>();
    for (const o of PUBLISHED.observations) counts.set(relationOf(o), (counts.get(relationOf(o)) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['context', 'partial', 'related', 'same']);
    expect(checkObservations(PUBLISHED.observations, PLAN.indicators, GAZ)).toEqual([]);
    for (const o of PUBLISHED.observations) {
      expect(o.unit, `${o.indicatorId} ${o.year}`).toBeTruthy();
      // a partial row says which part: a period, or a zone narrower than the indicator's scope
      if (o.relation === 'partial') {
        expect(Boolean(o.period) || !indicator(o.indicatorId).zones.includes(o.zoneId ?? '')).toBe(true);
      }
      if (o.relation === 'related' || o.relation === 'context') expect(o.basis).toBeTruthy();
    }
  });

  it('a related row may be in another unit; it is shown with it (desertified land in 万亩, not %)', () => {
    const rows = PUBLISHED.observations.filter(
      (o) => o.indicatorId === 'desertified-land-treatment-rate' && o.relation === 'related',
    );
    expect(rows.map((o) => o.unit)).toContain('万亩');
    expect(indicator('desertified-land-treatment-rate').unit).toBe('%');
  });
});

describe('computeStatus reads only the plan’s own measure (relation same)', () => {
  it('on the real rows, every indicator’s status equals the status of its same rows alone', () => {
    const same = DEFAULTS.filter(isSame);
    expect(same.length).toBeLessThan(DEFAULTS.length);
    for (const ind of PLAN.indicators) {
      for (const zoneId of [undefined, ...ind.zones, 'league-xilingol', 'league-ordos']) {
        const opts = zoneId ? { zoneId } : {};
        expect(computeStatus(ind, DEFAULTS, 2026, opts), `${ind.id} ${zoneId}`).toEqual(
          computeStatus(ind, same, 2026, opts),
        );
      }
    }
  });

  it('the related 2025 consumption weight (36.8 %, Jan–May, non-hydro) does not make the region "on track"', () => {
    const ind = indicator('renewable-power-consumption-share');
    const related = DEFAULTS.find((o) => o.indicatorId === ind.id && o.year === 2025);
    expect(related).toMatchObject({ relation: 'related', value: 36.8 });
    const s = computeStatus(ind, DEFAULTS, 2026);
    expect(s).toMatchObject({ status: 'at-risk', reason: 'single-observation' });
    expect(s.latest?.year).toBe(2024);
    // counted as the plan's measure it would have been on the path
    const counted = DEFAULTS.map((o) => (o === related ? { ...o, relation: undefined } : o));
    expect(computeStatus(ind, counted, 2026).status).toBe('on-track');
  });

  it('a league’s January–July PM2.5 gives that league no status; the desertified-land rate stays 示例', () => {
    const pm = indicator('pm25-concentration');
    expect(DEFAULTS.some((o) => o.indicatorId === pm.id && o.zoneId === 'league-xilingol')).toBe(true);
    expect(computeStatus(pm, DEFAULTS, 2026, { zoneId: 'league-xilingol' }).status).toBe('no-data');
    const desert = computeStatus(indicator('desertified-land-treatment-rate'), DEFAULTS, 2026);
    expect(desert.sample).toBe(true);
    expect(desert.latest?.source).toContain('示例');
  });
});

describe('context rows beside an indicator (相关数据)', () => {
  const ctx = (id: string, zone: string) =>
    contextObservations(indicator(id), DEFAULTS, zone, GAZ).map((o) => `${o.zoneId ?? ''} ${o.year}`);

  it('a league shows the region’s and its own, not another league’s', () => {
    const rows = ctx('pm25-concentration', 'league-xilingol');
    expect(rows).toEqual(['league-xilingol 2021', `${REGION_ID} 2020`]);
  });

  it('十大孔兑 shows the region’s rates and the Dalad Banner figure of 鄂尔多斯市, newest first', () => {
    expect(ctx('ten-kongdui-soil-conservation-rate', 'river-ten-kongdui')).toEqual([
      `${REGION_ID} 2024`,
      `${REGION_ID} 2023`,
      'league-ordos 2023',
      `${REGION_ID} 2022`,
    ]);
  });

  it('the region shows every one', () => {
    const all = DEFAULTS.filter((o) => o.indicatorId === 'pm25-concentration' && !isSame(o));
    expect(ctx('pm25-concentration', REGION_ID)).toHaveLength(all.length);
    expect(all.length).toBe(13);
  });

  it('says what each is', () => {
    const words = (id: string, zone: string, year: number) => {
      const o = DEFAULTS.find(
        (x) => x.indicatorId === id && x.zoneId === zone && x.year === year && !isSame(x),
      );
      if (!o) throw new Error(`${id} ${zone} ${year}`);
      return relationWords(o, indicator(id), GAZ);
    };
    expect(words('pm25-concentration', 'league-xilingol', 2021)).toEqual({
      zh: '部分时段：2021-01..07；单个盟市：锡林郭勒盟',
      en: 'part of the year: 2021-01..07; one league: Xilingol League',
    });
    expect(words('forest-cover', REGION_ID, 2018).zh).toBe(
      '相关指标：old statistical basis; do not plot with the new basis',
    );
    expect(words('desertified-land-treatment-rate', 'desert-kubuqi', 2018).zh).toBe(
      '相关指标：Kubuqi Desert only；仅库布其沙漠',
    );
    expect(words('desertified-land-treatment-rate', REGION_ID, 2021).zh).toMatch(/^背景数据：/);
  });
});
