import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bboxPolygon, booleanIntersects, booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseGazetteerSeed, SchemaError } from '../../../scripts/plan/generate.ts';
import { buildPlan, checkGazetteerSource, PlanBuildError } from '../../../web/domain/plan/index.ts';
import type { GazetteerSource, GazetteerSourceEntry } from '../../../web/domain/plan/types.ts';
import { GAZETTEER_SEED, ROOT, readJson, SEED } from './helpers.ts';

const TEXT = readFileSync(join(ROOT, 'seeds/gazetteer.json'), 'utf8');

function edited(edit: (seed: GazetteerSource) => void): GazetteerSource {
  const copy = structuredClone(GAZETTEER_SEED);
  edit(copy);
  return copy;
}
const entry = (seed: GazetteerSource, id: string): GazetteerSourceEntry => {
  const e = seed.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no ${id}`);
  return e;
};
const asText = (seed: unknown) => JSON.stringify(seed);

describe('seeds/gazetteer.json', () => {
  it("holds the 12 leagues, the 103 counties, the region and every other entry, with WGS 84 coordinates for 209 of them (75 placed by hand, 39 map zones added from their drawings, 95 county seats from the county outlines' source)", () => {
    const entries = GAZETTEER_SEED.entries;
    expect(GAZETTEER_SEED.crs).toBe('EPSG:4326');
    expect(entries.filter((e) => e.kind === 'league')).toHaveLength(12);
    expect(entries.filter((e) => e.kind === 'county')).toHaveLength(103);
    expect(entries.filter((e) => e.location).length + entries.filter((e) => e.extent).length).toBe(209);
    expect(checkGazetteerSource(GAZETTEER_SEED)).toEqual([]);
  });

  it('the schema refuses broken seeds, naming the path', () => {
    const cases: Array<[string, unknown, RegExp]> = [
      [
        'lon out of range',
        edited((s) => (entry(s, 'lake-hulun').location = { lon: 217.4, lat: 48.9 })),
        /\/location\/lon/,
      ],
      ['unknown kind', edited((s) => ((entry(s, 'lake-hulun') as { kind: string }).kind = 'pond')), /\/kind/],
      ['extra field', edited((s) => Object.assign(entry(s, 'lake-hulun'), { area: 2339 })), /additional/],
      ['no crs', edited((s) => delete (s as { crs?: string }).crs), /crs/],
      ['other crs', edited((s) => ((s as { crs: string }).crs = 'EPSG:4490')), /\/crs/],
      ['bad id', edited((s) => (entry(s, 'lake-hulun').id = 'Lake Hulun')), /\/id/],
    ];
    for (const [name, seed, where] of cases) {
      expect(() => parseGazetteerSeed(asText(seed)), name).toThrow(SchemaError);
      expect(() => parseGazetteerSeed(asText(seed)), name).toThrow(where);
    }
    expect(() => parseGazetteerSeed(TEXT.slice(0, -20))).toThrow(/seeds\/gazetteer.json is not JSON/);
    expect(parseGazetteerSeed(TEXT)).toEqual(GAZETTEER_SEED);
  });

  it('the build refuses what the schema cannot see: references, league names, coordinates', () => {
    const cases: Array<[GazetteerSource, string]> = [
      [edited((s) => entry(s, 'group-one-lake-two-seas').groupOf?.push('lake-nowhere')), 'lake-nowhere'],
      [edited((s) => (entry(s, 'lake-hulun').leagues = ['league-shanghai'])), 'league-shanghai'],
      [edited((s) => (entry(s, 'league-baotou').zh = '包头')), 'league-baotou: names differ'],
      [
        edited(
          (s) => (entry(s, 'desert-kubuqi').extent = { west: 111, south: 39.8, east: 107, north: 40.6 }),
        ),
        'west',
      ],
      [edited((s) => (entry(s, 'group-one-lake-two-seas').location = { lon: 117, lat: 48 })), 'hasLocation'],
      [
        edited((s) => (entry(s, 'lake-daihai').extent = { west: 112, south: 40, east: 113, north: 41 })),
        'not both',
      ],
      [edited((s) => (s.entries = s.entries.filter((e) => e.id !== 'league-wuhai'))), 'league-wuhai'],
      [edited((s) => s.entries.push({ ...entry(s, 'lake-daihai') })), 'lake-daihai: id used twice'],
    ];
    for (const [seed, message] of cases) {
      expect(checkGazetteerSource(seed).join('\n'), message).toContain(message);
      expect(() =>
        buildPlan({ seed: SEED, sourceFile: 'x', sha256: '0'.repeat(64), gazetteer: seed }),
      ).toThrow(PlanBuildError);
    }
  });

  it('each point lies in (or within 20 km of) one of its leagues in the base layer, each extent meets one', () => {
    // An independent check of the hand-typed coordinates (a swapped lon/lat or a typo lands elsewhere).
    const leagues = readJson<FeatureCollection<Polygon | MultiPolygon, { zoneId: string }>>(
      'data/layers/leagues.geojson',
    );
    const byId = new Map(leagues.features.map((f) => [f.properties.zoneId, f]));
    const far: string[] = [];
    for (const e of GAZETTEER_SEED.entries) {
      const polys = e.leagues
        .map((id) => byId.get(id))
        .filter((f): f is Feature<Polygon | MultiPolygon, { zoneId: string }> => !!f);
      if (polys.length === 0) continue;
      if (e.location) {
        const p: [number, number] = [e.location.lon, e.location.lat];
        const km = Math.min(
          ...polys.map((f) =>
            booleanPointInPolygon(p, f) ? 0 : pointToPolygonDistance(p, f, { units: 'kilometers' }),
          ),
        );
        if (km > 20) far.push(`${e.id} ${km.toFixed(0)} km`);
      }
      if (e.extent) {
        const { west, south, east, north } = e.extent;
        const box = bboxPolygon([west, south, east + 1e-6, north + 1e-6]);
        if (!polys.some((f) => booleanIntersects(box, f))) far.push(`${e.id} extent`);
      }
    }
    expect(far).toEqual([]);
  });
});
