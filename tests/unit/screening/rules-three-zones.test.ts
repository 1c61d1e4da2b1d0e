import { describe, expect, it } from 'vitest';
import {
  PROJECT_TYPES,
  regimeOf,
  VERDICT_LABELS,
  verdictFor,
  ZONE_TYPES,
} from '../../../web/domain/screening/rules.ts';
import { FARMLAND_RULES } from '../../../web/domain/screening/rules-farmland.ts';
import { TOWN_RULES, townPosition, townVerdicts } from '../../../web/domain/screening/rules-town.ts';

const cited = (source: string) => /〔20\d\d〕\d+号|《土地管理法》（2019修正）第三十五条/.test(source);

describe('permanent basic farmland rule table (永久基本农田)', () => {
  it('gives every project type a verdict with a bilingual rule and a cited source', () => {
    for (const p of PROJECT_TYPES) {
      const v = verdictFor(p.id, 'farmland-permanent');
      expect(Object.keys(VERDICT_LABELS), p.id).toContain(v.verdict);
      expect(v.rule.zh.length, p.id).toBeGreaterThan(15);
      expect(v.rule.en.length, p.id).toBeGreaterThan(15);
      expect(cited(v.rule.source), `${p.id}: ${v.rule.source}`).toBe(true);
      expect(v.zoneTypeZh).toBe('永久基本农田');
    }
  });

  it('prohibits solar and wind arrays, mining and residential/industrial construction', () => {
    const solar = verdictFor('renewable-energy', 'farmland-permanent');
    expect(solar.verdict).toBe('prohibited');
    expect(solar.rule.source).toContain('自然资办发〔2023〕12号');
    expect(solar.rule.zh).toContain('光伏方阵');
    expect(solar.rule.simplified?.zh).toContain('风电'); // wind is mapped to the solar rule, and says so
    expect(verdictFor('mining', 'farmland-permanent').verdict).toBe('prohibited');
    expect(verdictFor('residential-industrial', 'farmland-permanent').verdict).toBe('prohibited');
  });

  it('lets national key transport/energy, water and military works apply to the State Council, with 补划', () => {
    for (const id of ['linear-infrastructure', 'water-flood-control', 'defence-border'] as const) {
      const v = verdictFor(id, 'farmland-permanent');
      expect(v.verdict, id).toBe('needs-state-council');
      expect(v.rule).toBe(FARMLAND_RULES['farmland-major-project']);
      expect(v.verdictZh).toContain('国务院批准');
      expect(v.verdictZh).toContain('补划');
      expect(v.rule.source).toContain('第三十五条');
      expect(v.rule.source).toContain('自然资规〔2019〕1号');
    }
    // communications are not among the kinds the law lists: mapped to "may not occupy", and the rule says so
    const c = verdictFor('communications', 'farmland-permanent');
    expect(c.verdict).toBe('prohibited');
    expect(c.rule.simplified?.zh).toContain('通讯');
  });

  it('existing farming is the land’s use, not an occupation; the red-line table is not consulted', () => {
    expect(verdictFor('agriculture-grazing-existing', 'farmland-permanent').verdict).toBe('farming-use');
    // tourism is allowed as limited activity in the red line, but may not occupy farmland
    expect(verdictFor('tourism-facility', 'redline').verdict).toBe('allowed-limited');
    expect(verdictFor('tourism-facility', 'farmland-permanent').verdict).toBe('prohibited');
  });
});

describe('town development boundary (城镇开发边界): inside / partly / outside decides the path', () => {
  const A = 1_000_000;
  it('classifies the position from the part inside, to the precision the figures show', () => {
    expect(townPosition(A, A)).toBe('inside');
    expect(townPosition(A, A - 0.01)).toBe('inside');
    expect(townPosition(A, 0)).toBe('outside');
    expect(townPosition(A, 0.01)).toBe('outside');
    expect(townPosition(A, A / 3)).toBe('partly');
  });

  it('inside: every project type follows the detailed plan and planning permit', () => {
    for (const p of PROJECT_TYPES) {
      const v = townVerdicts(p.id, A, A);
      expect(v).toHaveLength(1);
      expect(v[0]).toMatchObject({ part: 'inside', verdict: 'town-inside', areaM2: A });
      expect(v[0]?.rule).toBe(TOWN_RULES['town-inside-detailed-plan']);
      expect(cited(v[0]?.rule.source ?? '')).toBe(true);
    }
  });

  it('outside: no concentrated urban construction; other kinds take the quota + zone admission path', () => {
    const res = townVerdicts('residential-industrial', A, 0);
    expect(res).toEqual([
      { part: 'outside', verdict: 'prohibited', rule: TOWN_RULES['town-outside-no-urban'], areaM2: A },
    ]);
    expect(res[0]?.rule.source).toContain('中办发〔2019〕48号');
    const road = townVerdicts('linear-infrastructure', A, 0);
    expect(road).toHaveLength(1);
    expect(road[0]).toMatchObject({ part: 'outside', verdict: 'town-outside-admission' });
    expect(road[0]?.rule.source).toContain('自然资发〔2023〕193号');
    for (const p of PROJECT_TYPES) {
      const [v] = townVerdicts(p.id, A, 0);
      expect(cited(v?.rule.source ?? ''), p.id).toBe(true);
      expect(v?.rule.zh.length).toBeGreaterThan(15);
    }
  });

  it('across the boundary: one path for the part inside, one for the part outside, areas adding up', () => {
    const v = townVerdicts('residential-industrial', A, 400_000);
    expect(v.map((x) => [x.part, x.verdict])).toEqual([
      ['inside', 'town-inside'],
      ['outside', 'prohibited'],
    ]);
    expect((v[0]?.areaM2 ?? 0) + (v[1]?.areaM2 ?? 0)).toBeCloseTo(A, 6);
  });

  it('is not an overlap rule: verdictFor refuses the town zone type', () => {
    expect(regimeOf('urban-boundary')).toBe('town');
    expect(() => verdictFor('mining', 'urban-boundary')).toThrow(/townVerdicts/);
    expect(ZONE_TYPES.map((z) => z.id)).toEqual(
      expect.arrayContaining(['farmland-permanent', 'urban-boundary']),
    );
  });
});
