import { describe, expect, it } from 'vitest';
import { PROJECT_TYPES, RULES, verdictFor, ZONE_TYPES } from '../../../web/domain/screening/rules.ts';

describe('red-line rule table', () => {
  it('gives every project type × zone type a verdict resting on a bilingual rule', () => {
    for (const p of PROJECT_TYPES) {
      for (const z of ZONE_TYPES.filter((x) => x.regime === 'redline' || x.regime === 'core')) {
        const v = verdictFor(p.id, z.id);
        expect(['prohibited', 'needs-justification', 'allowed-limited']).toContain(v.verdict);
        expect(v.rule.zh.length).toBeGreaterThan(10);
        expect(v.rule.en.length).toBeGreaterThan(10);
        expect(v.rule.source).toBe('自然资发〔2022〕142号');
      }
    }
    expect(new Set(PROJECT_TYPES.map((p) => p.id)).size).toBe(PROJECT_TYPES.length);
  });

  it('follows 142号: core zones prohibit in principle; red line allows only limited activities', () => {
    for (const p of PROJECT_TYPES) expect(verdictFor(p.id, 'nature-reserve-core').verdict).toBe('prohibited');
    expect(verdictFor('mining', 'redline')).toMatchObject({
      verdict: 'prohibited',
      rule: RULES['redline-no-development'],
    });
    expect(verdictFor('residential-industrial', 'lake-wetland').verdict).toBe('prohibited');
    expect(verdictFor('linear-infrastructure', 'redline')).toMatchObject({
      verdict: 'needs-justification',
      rule: RULES['redline-cannot-avoid'],
    });
    expect(verdictFor('water-flood-control', 'national-park-general').verdict).toBe('needs-justification');
    expect(verdictFor('ecological-restoration', 'redline').verdict).toBe('allowed-limited');
    expect(verdictFor('agriculture-grazing-existing', 'sandland-core').verdict).toBe('allowed-limited');
    expect(verdictFor('research-monitoring', 'redline').verdict).toBe('allowed-limited');
  });

  it('treats an unknown zone type as general red line and says so', () => {
    const v = verdictFor('tourism-facility', 'eco-area-custom');
    expect(v.verdict).toBe('allowed-limited');
    expect(v.zoneTypeEn).toContain('treated as general red line');
  });
});
