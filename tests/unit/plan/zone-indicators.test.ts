import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type GazetteerEntry,
  type Observation,
  parseObservationsCsv,
  REGION_ID,
  zoneIndicators,
} from '../../../web/domain/plan/index.ts';
import { GAZETTEER, PLAN, ROOT } from './helpers.ts';

const GAZ = new Map<string, GazetteerEntry>(GAZETTEER.entries.map((e) => [e.id, e]));
const SAMPLE = parseObservationsCsv(
  readFileSync(join(ROOT, 'data/observations.sample.csv'), 'utf8'),
).observations;
const ZONES = GAZETTEER.entries.map((e) => e.id);
const AS_OF = 2026;
const onZone = (zoneId: string, obs: readonly Observation[] = SAMPLE) =>
  zoneIndicators(PLAN, GAZ, obs, zoneId, AS_OF);
const ids = (rows: { indicator: { id: string } }[]) => rows.map((r) => r.indicator.id);
const regionWideIds = PLAN.indicators.filter((i) => i.zones.includes(REGION_ID)).map((i) => i.id);

describe('indicators on a zone: scope (issue 9, faults 3 and 4)', () => {
  it('the plan has region-wide indicators and narrower ones, so the checks below can fail', () => {
    expect(regionWideIds.length).toBeGreaterThan(5);
    expect(PLAN.indicators.length).toBeGreaterThan(regionWideIds.length);
  });

  it('on every zone but the region, region-wide targets are apart and their status is the region’s', () => {
    for (const zone of ZONES.filter((z) => z !== REGION_ID)) {
      const { local, regionWide } = onZone(zone);
      for (const row of local)
        expect(row.indicator.zones, `${zone}: ${row.indicator.id}`).not.toContain(REGION_ID);
      for (const row of regionWide) {
        expect(row.indicator.zones).toContain(REGION_ID);
        expect(row.statusZone).toBeNull();
      }
      const external = GAZ.get(zone)?.kind === 'external';
      expect(ids(regionWide), zone).toEqual(external ? [] : regionWideIds);
    }
  });

  it('阿拉善盟 no longer shows "2030 > 3 亿千瓦" as its own target', () => {
    const { local, regionWide } = onZone('league-alxa');
    expect(ids(local)).not.toContain('new-energy-capacity');
    expect(regionWide.find((r) => r.indicator.id === 'new-energy-capacity')?.kind).toBe('regionWide');
  });

  it('on every zone, a local indicator’s scope holds the zone, or the zone lies inside it (its leagues or members)', () => {
    for (const zone of ZONES.filter((z) => z !== REGION_ID)) {
      const entry = GAZ.get(zone);
      const parts = entry?.groupOf ?? (entry?.kind === 'league' ? [zone] : (entry?.leagues ?? []));
      for (const row of onZone(zone).local) {
        const scope = row.indicator.zones;
        const inScope = scope.includes(zone) || (parts.length > 0 && parts.every((p) => scope.includes(p)));
        expect(inScope, `${zone} shows ${row.indicator.id} (scope ${scope.join(',')})`).toBe(true);
      }
    }
  });

  it('乌海市 has no bus target; 东北黑土区 and 黄河 have no 十大孔兑 rate; 十大孔兑 has it as its own', () => {
    expect(ids(onZone('league-wuhai').local)).not.toContain('new-bus-new-energy-share');
    expect(ids(onZone('black-soil-northeast').local)).not.toContain('ten-kongdui-soil-conservation-rate');
    expect(ids(onZone('river-yellow').local)).not.toContain('ten-kongdui-soil-conservation-rate');
    expect(onZone('river-ten-kongdui').local.map((r) => [r.indicator.id, r.kind])).toEqual([
      ['ten-kongdui-soil-conservation-rate', 'own'],
    ]);
  });

  it('the bus target shows on each of its four cities, as one of 呼包鄂乌', () => {
    const bus = PLAN.indicators.find((i) => i.id === 'new-bus-new-energy-share');
    expect(bus?.zones.length).toBe(4);
    for (const city of bus?.zones ?? []) {
      const row = onZone(city).local.find((r) => r.indicator.id === bus?.id);
      expect(row?.kind, city).toBe('member');
      expect(row?.scopeGroup).toBe('group-hohhot-baotou-ordos-ulanqab');
    }
  });

  it('the region lists every indicator; narrower ones name their scope and each zone’s status', () => {
    const { local, regionWide } = onZone(REGION_ID);
    expect(regionWide).toEqual([]);
    expect(ids(local)).toEqual(PLAN.indicators.map((i) => i.id));
    const bus = local.find((r) => r.indicator.id === 'new-bus-new-energy-share');
    expect(bus?.kind).toBe('covers');
    const keyed = new Set(SAMPLE.filter((o) => o.indicatorId === bus?.indicator.id).map((o) => o.zoneId));
    expect(new Set(bus?.perZone.map((z) => z.zoneId))).toEqual(keyed);
  });
});

describe('per-zone observations are read for that zone (fault 5)', () => {
  it('every zone-keyed observation gives its zone’s row a status from that zone’s own rows', () => {
    const keyed = SAMPLE.filter((o) => o.zoneId && !o.zoneId.startsWith('region'));
    expect(keyed.length).toBeGreaterThan(0);
    for (const o of keyed) {
      const zone = o.zoneId ?? '';
      const row = onZone(zone).local.find((r) => r.indicator.id === o.indicatorId);
      expect(row?.statusZone, `${zone} ${o.indicatorId}`).toBe(zone);
      const latest = SAMPLE.filter((x) => x.indicatorId === o.indicatorId && x.zoneId === zone).sort(
        (a, b) => b.year - a.year,
      )[0];
      expect(row?.status.latest).toEqual(latest);
    }
  });

  it('包头 and 鄂尔多斯 read their bus share (93 and 96, sample) instead of 暂无数据', () => {
    const baotou = onZone('league-baotou').local.find((r) => r.indicator.id === 'new-bus-new-energy-share');
    const ordos = onZone('league-ordos').local.find((r) => r.indicator.id === 'new-bus-new-energy-share');
    expect([baotou?.status.status, baotou?.status.latest?.value, baotou?.status.sample]).toEqual([
      'off-track',
      93,
      true,
    ]);
    expect([ordos?.status.status, ordos?.status.latest?.value]).toEqual(['achieved', 96]);
  });

  it('a city without its own rows falls back to the scope’s, labelled as the scope’s', () => {
    const obs: Observation[] = [
      { indicatorId: 'new-bus-new-energy-share', year: 2025, value: 97, source: 's', sample: false },
    ];
    const row = onZone('league-hohhot', obs).local.find((r) => r.indicator.id === 'new-bus-new-energy-share');
    expect([row?.statusZone, row?.status.status]).toEqual([null, 'achieved']);
  });
});
