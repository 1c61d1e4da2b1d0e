import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBaseLayers } from '../../../scripts/build-layers.ts';
import { validateLayer } from '../../../scripts/layers/validate.ts';
import { multiPolygonArea, polygonArea } from '../../../web/domain/geo/ellipsoid.ts';
import { LEAGUES } from '../../../web/domain/zones/leagues.ts';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data', 'layers');
const load = (file: string): FeatureCollection => JSON.parse(readFileSync(join(DATA, file), 'utf8'));
const km2 = (g: Polygon | MultiPolygon) =>
  (g.type === 'Polygon' ? polygonArea(g.coordinates) : multiPolygonArea(g.coordinates)) / 1e6;

function inRing(p: Position, ring: Position[]): boolean {
  const [x, y] = [p[0] ?? 0, p[1] ?? 0];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = [ring[i]?.[0] ?? 0, ring[i]?.[1] ?? 0];
    const [xj, yj] = [ring[j]?.[0] ?? 0, ring[j]?.[1] ?? 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function contains(g: Polygon | MultiPolygon, p: Position): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.some((rings) => inRing(p, rings[0] ?? []) && !rings.slice(1).some((h) => inRing(p, h)));
}

describe('building the base layers', () => {
  let outA: string;
  let outB: string;
  beforeAll(() => {
    outA = mkdtempSync(join(tmpdir(), 'layers-a-'));
    outB = mkdtempSync(join(tmpdir(), 'layers-b-'));
    buildBaseLayers(outA);
    buildBaseLayers(outB);
  }, 180_000);

  it('gives byte-identical output twice, equal to the committed data/layers', () => {
    const files = readdirSync(outA).sort();
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const a = readFileSync(join(outA, f));
      expect(a.equals(readFileSync(join(outB, f))), f).toBe(true);
      expect(
        a.equals(readFileSync(join(DATA, f))),
        `${f} differs from the committed file: run npm run build:layers`,
      ).toBe(true);
    }
  });
});

describe('the committed base layers', () => {
  it('pass geojson-validation and the ring checks', () => {
    for (const f of readdirSync(DATA).filter((x) => x.endsWith('.geojson'))) {
      expect(validateLayer(f, load(f), 'zoneId'), f).toEqual([]);
    }
  });

  it('carry their sources and licences in the file', () => {
    const meta = (
      load('leagues.geojson') as unknown as { metadata: { sources: { licence: string }[]; method: string } }
    ).metadata;
    expect(meta.sources[0]?.licence).toMatch(/Apache-2.0/);
    expect(meta.method).toMatch(/GCJ-02 → WGS84/);
  });

  // Land areas of the leagues as published by the region (km²). The echarts outlines are known to run small for
  // Alxa (−11 %) and Hinggan (−8 %); the others agree to a few per cent.
  const OFFICIAL_KM2: Record<string, [number, number]> = {
    'league-hohhot': [17_224, 0.04],
    'league-baotou': [27_768, 0.04],
    'league-wuhai': [1_754, 0.06],
    'league-chifeng': [90_021, 0.04],
    'league-tongliao': [59_535, 0.04],
    'league-ordos': [86_752, 0.04],
    'league-hulunbuir': [252_777, 0.04],
    'league-bayannur': [65_788, 0.04],
    'league-ulanqab': [54_447, 0.04],
    'league-hinggan': [59_806, 0.1],
    'league-xilingol': [202_580, 0.04],
    'league-alxa': [270_244, 0.13],
  };

  it('has the 12 leagues, each with an ellipsoidal area near its published figure', () => {
    const leagues = load('leagues.geojson').features as Feature<Polygon | MultiPolygon>[];
    expect(leagues.map((f) => f.properties?.zoneId).sort()).toEqual(LEAGUES.map((l) => l.id).sort());
    let total = 0;
    for (const f of leagues) {
      const id = String(f.properties?.zoneId);
      const [official, tol] = OFFICIAL_KM2[id] ?? [0, 0];
      const area = km2(f.geometry);
      total += area;
      expect(Math.abs(area / official - 1), `${id}: ${area.toFixed(0)} km² vs ${official}`).toBeLessThan(tol);
    }
    expect(Math.abs(total / 1_183_000 - 1)).toBeLessThan(0.05);
  });

  it('has a region outline whose area equals the sum of the leagues to within slivers', () => {
    const region = load('region.geojson').features[0] as Feature<MultiPolygon>;
    const sum = (load('leagues.geojson').features as Feature<Polygon | MultiPolygon>[]).reduce(
      (s, f) => s + km2(f.geometry),
      0,
    );
    expect(Math.abs(km2(region.geometry) / sum - 1)).toBeLessThan(0.002);
  });

  it('sits in WGS84, not GCJ-02: known points fall in the right league', () => {
    const leagues = load('leagues.geojson').features as Feature<Polygon | MultiPolygon>[];
    const at = (id: string) =>
      leagues.find((f) => f.properties?.zoneId === id)?.geometry as Polygon | MultiPolygon;
    // Government seats (WGS84, rounded): Hohhot, Baotou, Hailar, Ejin Banner (Dalaihob), Erenhot.
    expect(contains(at('league-hohhot'), [111.75, 40.84])).toBe(true);
    expect(contains(at('league-baotou'), [109.84, 40.66])).toBe(true);
    expect(contains(at('league-hulunbuir'), [119.77, 49.21])).toBe(true);
    expect(contains(at('league-alxa'), [101.07, 41.96])).toBe(true);
    expect(contains(at('league-xilingol'), [111.98, 43.65])).toBe(true);
  });

  it('places every league label inside its own league', () => {
    const leagues = load('leagues.geojson').features as Feature<Polygon | MultiPolygon>[];
    for (const l of load('league-labels.geojson').features as Feature<Point>[]) {
      const poly = leagues.find((f) => f.properties?.zoneId === l.properties?.zoneId);
      expect(poly && contains(poly.geometry, l.geometry.coordinates), String(l.properties?.zoneId)).toBe(
        true,
      );
    }
  });

  it('names lakes that match their published areas', () => {
    const lakes = load('lakes.geojson').features as Feature<Polygon>[];
    const area = (id: string) => km2(lakes.find((f) => f.properties?.zoneId === id)?.geometry as Polygon);
    expect(area('lake-hulun')).toBeGreaterThan(2000);
    expect(area('lake-hulun')).toBeLessThan(2400);
    expect(area('lake-buir')).toBeGreaterThan(550);
    expect(area('lake-buir')).toBeLessThan(650);
    expect(area('lake-daihai')).toBeGreaterThan(50);
    expect(area('lake-daihai')).toBeLessThan(85);
  });

  it('has the Yellow River running through Wuhai, Bayannur, Baotou and Ordos', () => {
    const river = load('rivers.geojson').features.find((f) => f.properties?.zoneId === 'river-yellow');
    expect(river?.geometry.type).toBe('MultiLineString');
    const lines = ((river as Feature).geometry as { coordinates: Position[][] }).coordinates.flat();
    const leagues = load('leagues.geojson').features as Feature<Polygon | MultiPolygon>[];
    for (const id of ['league-wuhai', 'league-bayannur', 'league-baotou', 'league-ordos']) {
      const g = leagues.find((f) => f.properties?.zoneId === id)?.geometry as Polygon | MultiPolygon;
      expect(
        lines.some((p) => contains(g, p)),
        id,
      ).toBe(true);
    }
  });
});

describe('the feature validator', () => {
  const fc = (coords: Position[][]): FeatureCollection => ({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { zoneId: 'z-1' }, geometry: { type: 'Polygon', coordinates: coords } },
    ],
  });

  it('names the layer and feature and says what is wrong', () => {
    const unclosed = validateLayer(
      'test-layer',
      fc([
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ]),
    );
    expect(
      unclosed.some(
        (p) => p.layer === 'test-layer' && p.feature.startsWith('z-1') && /not closed/.test(p.problem),
      ),
    ).toBe(true);
    const bowtie = validateLayer(
      't',
      fc([
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ]),
    );
    expect(bowtie.map((p) => p.problem).join()).toMatch(/cross themselves.*near 0\.5/);
    const short = validateLayer(
      't',
      fc([
        [
          [0, 0],
          [1, 1],
          [0, 0],
        ],
      ]),
    );
    expect(short.map((p) => p.problem).join()).toMatch(/needs at least 4/);
  });

  it('accepts a polygon with a hole touching its shell at one vertex', () => {
    const ok = validateLayer(
      't',
      fc([
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [0, 0],
          [1, 2],
          [2, 1],
          [0, 0],
        ],
      ]),
    );
    expect(ok).toEqual([]);
  });
});
