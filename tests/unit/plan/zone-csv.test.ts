import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultObservations } from '../../../web/domain/plan/default-observations.ts';
import {
  type GazetteerEntry,
  type PlanData,
  parseObservationsCsv,
  REGION_ID,
  zoneIndicators,
  zoneTasks,
} from '../../../web/domain/plan/index.ts';
import {
  ZONE_CSV_INDICATOR_COLUMNS,
  ZONE_CSV_TASK_COLUMNS,
  zoneCsv,
} from '../../../web/domain/plan/zone-csv.ts';
import { parseCsv } from '../report/rfc4180.ts';
import { GAZETTEER, PLAN, ROOT } from './helpers.ts';

const GAZ = new Map<string, GazetteerEntry>(GAZETTEER.entries.map((e) => [e.id, e]));
const read = (f: string) => parseObservationsCsv(readFileSync(join(ROOT, f), 'utf8')).observations;
const OBS = defaultObservations(
  read('data/observations.published.csv'),
  read('data/observations.sample.csv'),
);
const AS_OF = 2026;

/** The CSV of a zone read back with the independent RFC 4180 reader, split by the first column. */
function readBack(zoneId: string, plan: PlanData = PLAN, badge: 'schematic' | null = null) {
  const text = zoneCsv(plan, GAZ, OBS, zoneId, AS_OF, { date: '2026-11-30', badge });
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parseCsv(text.slice(1));
  const of = (kind: string) => rows.filter((r) => r[0] === kind);
  const col = (cols: readonly string[], row: string[], name: string) => row[cols.indexOf(name)];
  return {
    rows,
    header: (kind: string) => of(kind),
    tasks: of('task').map((r) => ({
      id: col(ZONE_CSV_TASK_COLUMNS, r, 'task_id'),
      kind: col(ZONE_CSV_TASK_COLUMNS, r, 'link_kind'),
      list: col(ZONE_CSV_TASK_COLUMNS, r, 'list'),
      title: col(ZONE_CSV_TASK_COLUMNS, r, 'title'),
      words: col(ZONE_CSV_TASK_COLUMNS, r, 'link_words'),
      places: col(ZONE_CSV_TASK_COLUMNS, r, 'places'),
    })),
    indicators: of('indicator').map((r) => ({
      id: col(ZONE_CSV_INDICATOR_COLUMNS, r, 'indicator_id'),
      scopeKind: col(ZONE_CSV_INDICATOR_COLUMNS, r, 'scope_kind'),
      status: col(ZONE_CSV_INDICATOR_COLUMNS, r, 'status'),
      reason: col(ZONE_CSV_INDICATOR_COLUMNS, r, 'status_reason'),
      sample: col(ZONE_CSV_INDICATOR_COLUMNS, r, 'sample'),
      source: col(ZONE_CSV_INDICATOR_COLUMNS, r, 'source'),
      year: col(ZONE_CSV_INDICATOR_COLUMNS, r, 'latest_year'),
    })),
  };
}

/** What the CSV must list, from zoneTasks / zoneIndicators called here. */
function expected(zoneId: string) {
  const zt = zoneTasks(PLAN, GAZ, zoneId);
  const zi = zoneIndicators(PLAN, GAZ, OBS, zoneId, AS_OF);
  const tasks = [
    ...zt.naming.map((t) => ({ id: t.task.id, kind: t.kind, list: 'naming' })),
    ...zt.within.map((t) => ({ id: t.task.id, kind: t.kind, list: 'within' })),
  ];
  const indicators = [...zi.local, ...zi.regionWide].flatMap((r) => [
    {
      id: r.indicator.id,
      scopeKind: r.kind,
      status: r.status.status,
      reason: r.status.reason,
      sample: r.status.sample,
    },
    ...r.perZone.map((z) => ({
      id: r.indicator.id,
      scopeKind: r.kind,
      status: z.status.status,
      reason: z.status.reason,
      sample: z.status.sample,
    })),
  ]);
  return { tasks, indicators };
}

describe('zone CSV (issue 9, take it away)', () => {
  it('the region: one row per task of the plan (96), in document order, each linked as a region task', () => {
    const csv = readBack(REGION_ID);
    expect(csv.tasks).toHaveLength(PLAN.tasks.length);
    expect(csv.tasks).toHaveLength(96);
    expect(csv.tasks.map((t) => t.id)).toEqual(PLAN.tasks.map((t) => t.id));
    expect(new Set(csv.tasks.map((t) => t.kind))).toEqual(new Set(['region']));
    expect(csv.tasks.map((t) => t.title)).toEqual(PLAN.tasks.map((t) => t.title));
    expect(
      csv.indicators.filter((i) => i.scopeKind !== 'covers' || i.status !== 'no-data').length,
    ).toBeGreaterThan(0);
    expect(new Set(csv.indicators.map((i) => i.id))).toEqual(new Set(PLAN.indicators.map((i) => i.id)));
  });

  it('in English the task titles are the unofficial English ones; the Chinese file keeps the Chinese titles', () => {
    const text = zoneCsv(PLAN, GAZ, OBS, REGION_ID, AS_OF, { date: '2026-11-30', badge: null, lang: 'en' });
    const rows = parseCsv(text.slice(1)).filter((r) => r[0] === 'task');
    const titles = rows.map((r) => r[ZONE_CSV_TASK_COLUMNS.indexOf('title')] ?? '');
    expect(titles).toHaveLength(96);
    expect(titles.filter((t) => /[\u4e00-\u9fff]/.test(t))).toEqual([]);
    expect(titles).toEqual(PLAN.tasks.map((t) => t.titleEn));
  });

  for (const zone of [REGION_ID, 'league-alxa', 'league-baotou']) {
    it(`${zone}: task rows and indicator rows match zoneTasks and zoneIndicators`, () => {
      const csv = readBack(zone);
      const want = expected(zone);
      expect(csv.tasks.map(({ id, kind, list }) => ({ id, kind, list }))).toEqual(want.tasks);
      expect(
        csv.indicators.map(({ id, scopeKind, status, reason, sample }) => ({
          id,
          scopeKind,
          status,
          reason,
          sample: sample === '示例',
        })),
      ).toEqual(want.indicators);
      // A row with a latest value names its source; a row without has none.
      for (const i of csv.indicators) expect(i.source === '').toBe(i.year === '');
    });
  }

  it('阿拉善盟: tasks naming places within it (2.3.3) come after the tasks naming it, with the words and places', () => {
    const csv = readBack('league-alxa');
    const within = csv.tasks.filter((t) => t.list === 'within');
    expect(within.length).toBeGreaterThan(10);
    expect(csv.tasks.filter((t) => t.list === 'naming').length).toBeGreaterThan(0);
    const t233 = csv.tasks.find((t) => t.id === '2.3.3');
    expect(t233?.kind).toBe('inside');
    expect(t233?.words).not.toBe('');
    expect((t233?.places ?? '').split(' | ').length).toBeGreaterThan(1);
    // Region-wide targets are said to be region-wide, never this league's.
    const regionWide = PLAN.indicators.filter((i) => i.zones.includes(REGION_ID)).map((i) => i.id);
    for (const i of csv.indicators)
      expect(i.scopeKind === 'regionWide').toBe(regionWide.includes(i.id ?? ''));
    expect(csv.rows.some((r) => r[0] === 'note' && r[1]?.includes('regionWide'))).toBe(true);
  });

  it('包头市: the bus share reads 包头’s own rows (a member of 呼包鄂乌)', () => {
    const member = readBack('league-baotou').indicators.filter((i) => i.scopeKind === 'member');
    expect(member.length).toBeGreaterThan(0);
    expect(member.some((i) => i.status !== 'no-data')).toBe(true);
  });

  it('the header names the zone, the date, the plan; 示意 only when the layer is schematic', () => {
    const plain = readBack('league-alxa');
    expect(plain.header('zone')[0]?.slice(0, 3)).toEqual(['zone', 'league-alxa', '阿拉善盟']);
    expect(plain.header('date')[0]?.[1]).toBe('2026-11-30');
    expect(plain.header('plan')[0]?.[1]).toBe(PLAN.title);
    expect(plain.rows.flat().join()).not.toContain('示意');
    const schematic = readBack('league-alxa', PLAN, 'schematic');
    expect(schematic.header('zone')[0]?.[3]).toBe('示意');
    expect(schematic.header('note').some((r) => r[1]?.includes('示意'))).toBe(true);
  });

  it('commas, quotes, line breaks and a leading = survive the round trip', () => {
    const tricky = 'a, "b"\nc\r\nd';
    const first = PLAN.tasks[0];
    if (!first) throw new Error('no task');
    const plan: PlanData = {
      ...PLAN,
      title: '=SUM(A1)',
      tasks: [{ ...first, title: tricky, chapter: 'x,y' }, ...PLAN.tasks.slice(1)],
    };
    const text = zoneCsv(plan, GAZ, OBS, REGION_ID, AS_OF, { date: 'd' });
    expect(text.endsWith('\r\n')).toBe(true);
    const csv = readBack(REGION_ID, plan);
    expect(csv.tasks[0]?.title).toBe(tricky);
    expect(csv.rows.find((r) => r[0] === 'task')?.[2]).toBe('x,y');
    expect(csv.header('plan')[0]?.[1]).toBe("'=SUM(A1)");
    expect(csv.tasks).toHaveLength(96);
  });
});
