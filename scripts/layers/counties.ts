import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { intersection } from 'polyclip-ts';
import { feature as topoFeature } from 'topojson-client';
import { multiPolygonArea } from '../../web/domain/geo/ellipsoid.ts';
import { LEAGUES } from '../../web/domain/zones/leagues.ts';
import type { BuiltLayer } from './base-layers.ts';
import { mapPositions, repair, simplifyShared, sourceRecords, toWgs } from './base-layers.ts';
import { COUNTY_IDS, leagueAdcodeOf } from './county-ids.ts';
import { COUNTY_FILES, COUNTY_PACKAGE, readCountyJson } from './county-source.ts';
import { decodeEchartsMap, type EchartsMap } from './echarts-decode.ts';
import { labelPoint } from './label-point.ts';
import { serializeCollection } from './serialize.ts';
import { validateLayer } from './validate.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Visvalingam weight (deg², about 0.85 km²) of the shared-topology simplification: 192,027 source vertices become
 * about 15,000, each outline moving on average 0.1 km (area between source and simplified ring / its length).
 */
export const COUNTY_SIMPLIFY_WEIGHT = 1e-4;

/** A county must have at least this share of its area inside its own league's outline (the leagues layer). */
export const MIN_SHARE_IN_LEAGUE = 0.9;

/** The counties of a league must add up to its outline's area within this fraction. */
export const MAX_LEAGUE_SUM_GAP = 0.03;

interface SeedEntry {
  id: string;
  kind: string;
  zh: string;
  en: string;
  leagues: string[];
}

type Poly = Polygon | MultiPolygon;
const polys = (g: Poly) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
export const areaKm2 = (g: Poly): number => multiPolygonArea(polys(g)) / 1e6;

/** Names and leagues come from the gazetteer seed (one source for names); the build refuses disagreements. */
function gazetteerEntries(): Map<string, SeedEntry> {
  const seed = JSON.parse(readFileSync(join(ROOT, 'seeds', 'gazetteer.json'), 'utf8')) as {
    entries: SeedEntry[];
  };
  return new Map(seed.entries.map((e) => [e.id, e]));
}

/** Parts smaller than this (km²) are spikes of the 1/1024° source split off by the ring repair, not exclaves. */
export const SLIVER_KM2 = 0.2;

function dropSlivers(g: Poly): Poly {
  const kept = polys(g).filter((p) => multiPolygonArea([p]) / 1e6 >= SLIVER_KM2);
  return kept.length === 1 && kept[0]
    ? { type: 'Polygon', coordinates: kept[0] }
    : { type: 'MultiPolygon', coordinates: kept };
}

export interface CountyCheck {
  zoneId: string;
  league: string;
  km2: number;
  /** share of the county's area inside its own league's outline */
  inLeague: number;
}

export interface LeagueSum {
  league: string;
  counties: number;
  countyKm2: number;
  leagueKm2: number;
}

/** Area checks of the built counties against the leagues layer: each county in its league, sums per league. */
export function countyChecks(
  counties: FeatureCollection<Poly>,
  leagues: FeatureCollection<Poly>,
): { counties: CountyCheck[]; leagues: LeagueSum[] } {
  const leagueGeom = new Map(leagues.features.map((f) => [String(f.properties?.zoneId), f.geometry]));
  const checks = counties.features.map((f) => {
    const league = String(f.properties?.league);
    const lg = leagueGeom.get(league);
    const km2 = areaKm2(f.geometry);
    const inside = lg
      ? multiPolygonArea(intersection(polys(f.geometry) as never, polys(lg) as never) as never) / 1e6
      : 0;
    return { zoneId: String(f.properties?.zoneId), league, km2, inLeague: inside / km2 };
  });
  const sums = LEAGUES.map((l) => {
    const mine = checks.filter((c) => c.league === l.id);
    const lg = leagueGeom.get(l.id);
    return {
      league: l.id,
      counties: mine.length,
      countyKm2: mine.reduce((s, c) => s + c.km2, 0),
      leagueKm2: lg ? areaKm2(lg) : 0,
    };
  });
  return { counties: checks, leagues: sums };
}

export const COUNTY_METHOD = `Decoded from ${COUNTY_PACKAGE.name}@${COUNTY_PACKAGE.version} (geojson/shape-with-internal-borders, the 12 Inner Mongolia files), self-crossings repaired, converted GCJ-02 → WGS84 vertex by vertex, simplified as one topology (shared county borders stay shared; Visvalingam weight ${COUNTY_SIMPLIFY_WEIGHT} deg²), parts under ${SLIVER_KM2} km² (spikes split off by the repair) dropped, coordinates rounded to 1e-5°. Names and ids from the gazetteer (seeds/gazetteer.json) by adcode (scripts/layers/county-ids.ts).`;

/** The county outlines and their label points. Reads the committed leagues layer for the area checks. */
export function buildCounties(leaguesFile = join(ROOT, 'data', 'layers', 'leagues.geojson')): {
  layers: BuiltLayer[];
  checks: ReturnType<typeof countyChecks>;
} {
  const gaz = gazetteerEntries();
  const raw = COUNTY_FILES.flatMap((file) =>
    decodeEchartsMap(readCountyJson<EchartsMap>(file)).features.map((f) => ({ file, f })),
  );
  const seen = new Set<number>();
  const rows = raw.map(({ file, f }) => {
    const adcode = Number(f.properties.id);
    const where = `${COUNTY_PACKAGE.name} ${file}, adcode ${adcode} (${f.properties.name})`;
    const id = COUNTY_IDS.get(adcode);
    if (!id) throw new Error(`counties: ${where} has no zone id in scripts/layers/county-ids.ts`);
    const entry = gaz.get(id);
    const league = LEAGUES.find((l) => l.adcode === leagueAdcodeOf(adcode));
    if (entry?.kind !== 'county')
      throw new Error(`counties: ${id} (${where}) is not a county entry of seeds/gazetteer.json`);
    if (entry.zh !== f.properties.name)
      throw new Error(
        `counties: ${id} is named ${entry.zh} in the gazetteer, ${f.properties.name} in ${where}`,
      );
    if (!league || entry.leagues.join() !== league.id)
      throw new Error(
        `counties: ${id} lies in ${league?.id} by its adcode, the gazetteer says ${entry.leagues}`,
      );
    seen.add(adcode);
    return {
      adcode,
      file,
      entry,
      league: league.id,
      geometry: repair(mapPositions(repair(f.geometry), toWgs)),
    };
  });
  const missing = [...COUNTY_IDS].filter(([a]) => !seen.has(a));
  if (missing.length > 0 || rows.length !== COUNTY_IDS.size)
    throw new Error(
      `counties: ${rows.length} features for ${COUNTY_IDS.size} ids; missing ${missing.join(' ')}`,
    );
  rows.sort((a, b) => a.adcode - b.adcode);

  const { topo, obj } = simplifyShared(
    featureCollection(
      rows.map((r) => ({ type: 'Feature', properties: {}, geometry: r.geometry }) as Feature),
    ),
    COUNTY_SIMPLIFY_WEIGHT,
  );
  const simplified = topoFeature(topo, obj) as FeatureCollection<Poly>;
  const features: Feature<Poly>[] = simplified.features.map((f, i) => {
    const r = rows[i];
    if (!r) throw new Error('counties: feature order changed during simplification');
    return {
      type: 'Feature',
      properties: {
        zoneId: r.entry.id,
        kind: 'county',
        zh: r.entry.zh,
        en: r.entry.en,
        adcode: r.adcode,
        league: r.league,
        source: `dataset: ${COUNTY_PACKAGE.name}@${COUNTY_PACKAGE.version} ${r.file} (AMap data, GCJ-02 → WGS84)`,
      },
      geometry: dropSlivers(repair(f.geometry)),
    };
  });
  const labels: Feature[] = features.map((f) => ({
    type: 'Feature',
    properties: { zoneId: f.properties?.zoneId, zh: f.properties?.zh, en: f.properties?.en },
    geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
  }));
  const leagues = JSON.parse(readFileSync(leaguesFile, 'utf8')) as FeatureCollection<Poly>;
  const collection = featureCollection(features);
  return {
    layers: [
      { id: 'counties', sources: ['amapCounties'], method: COUNTY_METHOD, collection },
      {
        id: 'county-labels',
        sources: ['amapCounties'],
        method: 'Label points inside each county: the point farthest from its boundary (grid search).',
        collection: featureCollection(labels),
      },
    ],
    checks: countyChecks(collection, leagues),
  };
}

/** Problems of the area checks, each naming the county or league; [] when the outlines are consistent. */
export function countyCheckProblems(checks: ReturnType<typeof countyChecks>): string[] {
  const out: string[] = [];
  for (const c of checks.counties)
    if (!(c.inLeague >= MIN_SHARE_IN_LEAGUE))
      out.push(`${c.zoneId}: only ${(c.inLeague * 100).toFixed(1)} % of its area lies in ${c.league}`);
  for (const s of checks.leagues)
    if (!(Math.abs(s.countyKm2 / s.leagueKm2 - 1) <= MAX_LEAGUE_SUM_GAP))
      out.push(
        `${s.league}: its ${s.counties} counties cover ${s.countyKm2.toFixed(0)} km², the league ${s.leagueKm2.toFixed(0)} km²`,
      );
  return out;
}

/**
 * Builds counties.geojson and county-labels.geojson into outDir (which must already hold leagues.geojson),
 * refusing invalid rings and counties that do not fit their leagues. Deterministic.
 */
export function writeCountyLayers(outDir: string): {
  files: { id: string; features: number; bytes: number }[];
  checks: ReturnType<typeof countyChecks>;
} {
  const { layers, checks } = buildCounties(join(outDir, 'leagues.geojson'));
  const problems = [
    ...layers
      .flatMap((l) => validateLayer(l.id, l.collection, 'zoneId'))
      .map((p) => `layer ${p.layer}, feature ${p.feature}: ${p.problem}`),
    ...countyCheckProblems(checks),
  ];
  if (problems.length > 0)
    throw new Error(`counties: ${problems.length} problem(s):\n  ${problems.slice(0, 20).join('\n  ')}`);
  const files = layers.map((l) => {
    const text = serializeCollection(l.collection, {
      layer: l.id,
      sources: sourceRecords(l.sources),
      method: l.method,
    });
    writeFileSync(join(outDir, `${l.id}.geojson`), text);
    return { id: l.id, features: l.collection.features.length, bytes: Buffer.byteLength(text) };
  });
  return { files, checks };
}
