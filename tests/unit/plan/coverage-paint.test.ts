import { describe, expect, it } from 'vitest';
import {
  COVERAGE_NONE,
  COVERAGE_RAMP,
  classOf,
  countClasses,
  coveragePaint,
  zoneCoverage,
} from '../../../web/domain/plan/coverage-paint.ts';
import { type GazetteerEntry, zoneTasks } from '../../../web/domain/plan/index.ts';
import { LEAGUES } from '../../../web/domain/zones/leagues.ts';
import { COVERAGE_WORDS } from '../../../web/src/strings/task-labels.ts';
import { coverageFor } from '../../../web/src/tasks/coverage.ts';
import { paintFromKey } from '../../../web/src/views/paint-keys.ts';
import { GAZETTEER, PLAN, readJson } from './helpers.ts';

const gaz = new Map<string, GazetteerEntry>(GAZETTEER.entries.map((e) => [e.id, e]));
const INDEX = readJson<Record<string, { layerId: string }>>('data/zone-index.json');
const zonesOf = (layerId: string) => Object.keys(INDEX).filter((id) => INDEX[id]?.layerId === layerId);
const leagueIds = zonesOf('leagues');
const bundle = { plan: PLAN, gazetteer: gaz, observations: [] };

describe('coverage counts', () => {
  it('the leagues layer draws the 12 leagues', () => {
    expect(leagueIds.sort()).toEqual(LEAGUES.map((l) => l.id).sort());
  });

  it('every league counts exactly the tasks its zone panel lists (zoneTasks: naming + within)', () => {
    for (const row of zoneCoverage(PLAN, gaz, leagueIds)) {
      const r = zoneTasks(PLAN, gaz, row.zoneId);
      expect(row.naming, row.zoneId).toBe(r.naming.length);
      expect(row.within, row.zoneId).toBe(r.within.length);
      expect(row.total, row.zoneId).toBe(new Set([...r.naming, ...r.within].map((x) => x.task.id)).size);
    }
  });

  it('阿拉善盟 counts the tasks naming places within it (2.3.3), not only the 4 naming it', () => {
    const alxa = zoneCoverage(PLAN, gaz, ['league-alxa'])[0];
    expect(alxa?.naming).toBe(GAZETTEER.entries.find((e) => e.id === 'league-alxa')?.taskIds.length);
    expect(alxa?.within).toBeGreaterThanOrEqual(17);
    expect(zoneTasks(PLAN, gaz, 'league-alxa').within.map((x) => x.task.id)).toContain('2.3.3');
  });
});

describe('class breaks', () => {
  it('few distinct counts: one class per count, 0 apart', () => {
    expect(countClasses([0, 2, 5, 11, 0])).toEqual([
      { lo: 0, hi: 0 },
      { lo: 2, hi: 2 },
      { lo: 5, hi: 5 },
      { lo: 11, hi: 11 },
    ]);
  });

  it('many distinct counts: at most 5 classes, each count in exactly one, bounds in order', () => {
    const counts = zoneCoverage(PLAN, gaz, leagueIds).map((r) => r.total);
    const classes = countClasses(counts);
    expect(classes.length).toBeLessThanOrEqual(5);
    for (const c of counts) expect(classes.filter((k) => c >= k.lo && c <= k.hi).length).toBe(1);
    for (let i = 1; i < classes.length; i++)
      expect(classes[i]?.lo).toBeGreaterThan(classes[i - 1]?.hi as number);
    for (const k of classes) expect(counts).toEqual(expect.arrayContaining([k.lo, k.hi]));
  });
});

describe('the coverage paint', () => {
  const paint = coveragePaint(
    PLAN,
    gaz,
    { id: 'leagues', name: { zh: '盟市', en: 'Leagues' } },
    leagueIds,
    COVERAGE_WORDS,
  );
  const rows = zoneCoverage(PLAN, gaz, leagueIds);
  const classes = countClasses(rows.map((r) => r.total));

  it('colours the 12 leagues; legend counts sum to 12 and match the zones of each colour', () => {
    expect(paint.key).toBe('coverage:leagues');
    expect(paint.layerIds).toEqual(['leagues']);
    expect(Object.keys(paint.fills).sort()).toEqual([...leagueIds].sort());
    expect(paint.legend.reduce((n, e) => n + e.count, 0)).toBe(12);
    for (const e of paint.legend)
      expect(e.count).toBe(Object.values(paint.fills).filter((c) => c === e.colour).length);
    expect(new Set(paint.legend.map((e) => e.colour)).size).toBe(paint.legend.length);
  });

  it('each league has its class colour, its legend label holds its count, its hover says its count', () => {
    for (const r of rows) {
      const i = classOf(classes, r.total);
      const entry = paint.legend[i];
      expect(paint.fills[r.zoneId]).toBe(entry?.colour);
      const k = classes[i];
      expect(entry?.zh).toBe(k?.lo === k?.hi ? `${k?.lo} 项任务` : `${k?.lo}–${k?.hi} 项任务`);
      const name = gaz.get(r.zoneId)?.zh;
      expect(paint.hover[r.zoneId]?.zh).toBe(
        `${name}：${r.total} 项任务（点名本盟市 ${r.naming} 项，点名区内地点 ${r.within} 项）`,
      );
      expect(paint.hover[r.zoneId]?.en).toMatch(new RegExp(`: ${r.total} tasks? \\(`));
    }
    expect(paint.note.zh).toContain('每项任务计一次');
  });

  it('colours run light to dark with the count; a zone no task names is grey', () => {
    const positive = paint.legend.filter((e) => e.colour !== COVERAGE_NONE);
    const at = positive.map((e) => COVERAGE_RAMP.indexOf(e.colour as (typeof COVERAGE_RAMP)[number]));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    const rivers = coveragePaint(
      PLAN,
      gaz,
      { id: 'rivers', name: { zh: '河', en: 'R' } },
      zonesOf('rivers'),
      COVERAGE_WORDS,
    );
    const none = zoneCoverage(PLAN, gaz, zonesOf('rivers')).filter((r) => r.total === 0);
    expect(none.length).toBeGreaterThan(0);
    for (const r of none) expect(rivers.fills[r.zoneId]).toBe(COVERAGE_NONE);
  });

  it('the app and a link (paint=coverage:<layer>) build the same paint; another key gives none here', () => {
    const app = coverageFor('leagues', bundle);
    expect(app).toEqual({ ...paint, title: app?.title });
    expect(app?.title.zh).toBe('任务覆盖：盟市');
    expect(paintFromKey('coverage:leagues', bundle, 2026)).toEqual(app);
    expect(coverageFor('thematic-sands', bundle)?.title.zh).toBe('任务覆盖：沙漠与沙地（示意）');
    expect(paintFromKey('coverage:no-such-layer', bundle, 2026)).toBeNull();
  });
});
