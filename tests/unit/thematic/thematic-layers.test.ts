import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { layerBadge } from '../../../layers/badge.ts';
import { LAYERS } from '../../../layers/registry.ts';
import { THEMATIC_LAYERS } from '../../../layers/thematic-layers.ts';
import { THEME } from '../../../layers/theme.ts';
import { buildThematicLayers } from '../../../scripts/build-thematic.ts';
import { labelPoint } from '../../../scripts/layers/label-point.ts';
import { validateLayer } from '../../../scripts/layers/validate.ts';
import { areaKm2, containsPoint, lengthKm, subtract } from '../../../scripts/thematic/geometry.ts';
import { THEMATIC_LAYER_SPECS } from '../../../scripts/thematic/index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DATA = join(ROOT, 'data', 'layers');
const load = (file: string): FeatureCollection => JSON.parse(readFileSync(join(DATA, file), 'utf8'));

interface Entry {
  id: string;
  kind: string;
  zh: string;
  en: string;
  leagues: string[];
  hasLocation: boolean;
  taskIds: string[];
}
const gazetteer: Entry[] = JSON.parse(readFileSync(join(ROOT, 'data', 'gazetteer.json'), 'utf8')).entries;
const byId = new Map(gazetteer.map((e) => [e.id, e]));
const planTasks = new Set<string>(
  JSON.parse(readFileSync(join(ROOT, 'data', 'plan.json'), 'utf8')).tasks.map((t: { id: string }) => t.id),
);

const THEMATIC_FILES = THEMATIC_LAYER_SPECS.map((l) => `${l.id}.geojson`);
const BASE_FILES = [
  'leagues.geojson',
  'counties.geojson',
  'region.geojson',
  'rivers.geojson',
  'lakes.geojson',
];
const thematic = THEMATIC_FILES.map((f) => ({ file: f, fc: load(f) }));
const allThematic: Feature[] = thematic.flatMap((t) => t.fc.features);

const region = load('region.geojson').features[0]?.geometry as Polygon | MultiPolygon;
const leagues = new Map(
  load('leagues.geojson').features.map((f) => [
    String(f.properties?.zoneId),
    f.geometry as Polygon | MultiPolygon,
  ]),
);
/** Leagues each feature should lie in: the gazetteer's (every drawn zone is a gazetteer entry). */
const expectedLeagues = new Map<string, readonly string[]>();
for (const l of THEMATIC_LAYER_SPECS)
  for (const s of l.specs) expectedLeagues.set(s.zoneId, byId.get(s.zoneId)?.leagues ?? []);

const isArea = (g: Geometry): g is Polygon | MultiPolygon =>
  g.type === 'Polygon' || g.type === 'MultiPolygon';
const vertices = (g: Geometry): Position[] =>
  g.type === 'Point'
    ? [g.coordinates]
    : g.type === 'LineString'
      ? g.coordinates
      : g.type === 'MultiLineString'
        ? g.coordinates.flat()
        : [];

describe('coverage of the gazetteer', () => {
  it('draws every gazetteer entry that has a location, in a thematic layer or a base layer', () => {
    const drawn = new Set<string>();
    for (const f of [...THEMATIC_FILES, ...BASE_FILES].flatMap((file) => load(file).features))
      drawn.add(String(f.properties?.zoneId));
    const missing = gazetteer.filter((e) => e.hasLocation && !drawn.has(e.id)).map((e) => e.id);
    expect(missing).toEqual([]);
  });

  it('does not redraw what the surveyed base rivers and lakes already hold', () => {
    const base = new Set(
      ['rivers.geojson', 'lakes.geojson'].flatMap((f) => load(f).features.map((x) => x.properties?.zoneId)),
    );
    expect(base.has('river-yellow') && base.has('lake-hulun')).toBe(true);
    expect(
      allThematic.filter((f) => base.has(f.properties?.zoneId)).map((f) => f.properties?.zoneId),
    ).toEqual([]);
  });
});

describe('the committed thematic layers', () => {
  it('pass geojson-validation and the ring checks', () => {
    for (const { file, fc } of thematic) expect(validateLayer(file, fc, 'zoneId'), file).toEqual([]);
  });

  it('record zone id, names, kind, plan tasks, schematic flag, source, method and accuracy on every feature', () => {
    for (const f of allThematic) {
      const p = f.properties ?? {};
      const id = String(p.zoneId);
      expect(id, id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
      expect(p.schematic, id).toBe(true);
      expect(String(p.source), id).toMatch(/^(schematic|dataset): \S/);
      expect(String(p.method).length, id).toBeGreaterThan(10);
      expect(String(p.accuracy).length, id).toBeGreaterThan(10);
      expect((p.taskIds as string[]).length, id).toBeGreaterThan(0);
      for (const t of p.taskIds as string[]) expect(planTasks.has(t), `${id} task ${t}`).toBe(true);
      const g = byId.get(id);
      if (g) {
        expect([p.kind, p.zh, p.en, p.taskIds], id).toEqual([g.kind, g.zh, g.en, g.taskIds]);
      } else {
        // entities the outline names that the gazetteer lacks: id of the documented form <kind>-<slug>
        expect(id.startsWith(`${p.kind}-`), id).toBe(true);
        expect(String(p.zh).length * String(p.en).length, id).toBeGreaterThan(0);
      }
    }
  });

  it('keeps zone ids unique across all thematic layers', () => {
    const ids = allThematic.map((f) => f.properties?.zoneId);
    expect(ids.length - new Set(ids).size).toBe(0);
  });
});

describe('placement', () => {
  it("puts each feature's representative point inside one of its leagues", () => {
    const wrong: string[] = [];
    for (const f of allThematic) {
      const id = String(f.properties?.zoneId);
      if (f.properties?.outsideRegion) continue;
      const want = (expectedLeagues.get(id) ?? []).map((l) => leagues.get(l));
      expect(want.length, `${id} has no leagues to check`).toBeGreaterThan(0);
      const inLeague = (p: Position) => want.some((g) => g && containsPoint(g, p));
      // areas: the label point; points: the point; lines: some vertex (rivers on the border run along it)
      const ok = isArea(f.geometry) ? inLeague(labelPoint(f.geometry)) : vertices(f.geometry).some(inLeague);
      if (!ok) wrong.push(id);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps features inside the region unless they are flagged as crossing its border', () => {
    const outside: string[] = [];
    for (const f of allThematic) {
      const p = f.properties ?? {};
      if (p.crossesBorder || p.outsideRegion) continue;
      if (isArea(f.geometry)) {
        const rest = subtract(f.geometry, region);
        // clipped outlines share the region's border; rounding to 1e-5° may leave slivers of a few m²
        if (rest && areaKm2(rest) > 0.001 * areaKm2(f.geometry)) outside.push(String(p.zoneId));
      } else if (!vertices(f.geometry).every((v) => containsPoint(region, v))) outside.push(String(p.zoneId));
    }
    expect(outside).toEqual([]);
  }, 240_000); // clips every thematic area against the region outline: minutes on a loaded 2-core machine

  it('flags as crossing only features that really leave the region, and keeps neighbours outside it', () => {
    for (const f of allThematic) {
      const p = f.properties ?? {};
      const id = String(p.zoneId);
      if (p.crossesBorder) {
        const leaves = isArea(f.geometry)
          ? (subtract(f.geometry, region) ?? null) !== null ||
            vertices(f.geometry).some((v) => !containsPoint(region, v))
          : vertices(f.geometry).some((v) => !containsPoint(region, v));
        // clipped ranges (Greater Khingan, Helan) are flagged for the part not drawn; they touch the border
        const touches = isArea(f.geometry) && String(p.method).includes('clipped');
        expect(leaves || touches, id).toBe(true);
      }
      if (p.outsideRegion && isArea(f.geometry)) {
        const inside = subtract(f.geometry, subtract(f.geometry, region) ?? f.geometry);
        expect(inside ? areaKm2(inside) : 0, id).toBeLessThan(1);
      }
    }
  });
});

/**
 * Published areas (km²), held independently of the drawing: [figure, tolerance as a share]. Tolerances reflect how
 * much the cited figures themselves vary and how schematic the outline is.
 */
const CITED_KM2: Record<string, { km2: number; tol: number; where: string }> = {
  'desert-kubuqi': { km2: 18_600, tol: 0.1, where: 'Kubuqi Desert 1.86万 km²' },
  'desert-ulan-buh': { km2: 9_900, tol: 0.1, where: 'Ulan Buh Desert ~9,900 km²' },
  'desert-tengger': { km2: 42_700, tol: 0.1, where: 'Tengger Desert 4.27万 km², whole desert (drawn whole)' },
  'desert-badain-jaran': { km2: 49_000, tol: 0.1, where: 'Badain Jaran Desert 4.9万 km²' },
  'sandland-horqin': { km2: 42_300, tol: 0.15, where: 'Horqin Sandy Land 4.23万 km² (definitions vary)' },
  'sandland-otindag': { km2: 21_400, tol: 0.15, where: 'Otindag Sandy Land 2.14万 km² (definitions vary)' },
  'sandland-mu-us': { km2: 40_000, tol: 0.15, where: 'Mu Us Sandy Land ~4万 km² (32,000–42,200 cited)' },
  'lake-ulansuhai': { km2: 293, tol: 0.1, where: 'Ulansuhai 293 km²' },
  'irrigation-hetao': { km2: 11_190, tol: 0.15, where: 'Hetao Irrigation District 1,679万亩' },
  'park-daqingshan': { km2: 3_886, tol: 0.25, where: 'Daqingshan national nature reserve 388,577 ha' },
  'park-helanshan': {
    km2: 677,
    tol: 0.25,
    where: 'Inner Mongolia Helanshan national nature reserve 67,710 ha',
  },
};

describe('areas against published figures', () => {
  const features = new Map(allThematic.map((f) => [String(f.properties?.zoneId), f]));

  for (const [id, c] of Object.entries(CITED_KM2)) {
    it(`${id}: within ±${c.tol * 100} % of ${c.km2} km² (${c.where})`, () => {
      const f = features.get(id);
      expect(f?.properties?.citedAreaKm2, 'the data cites the same figure').toBe(c.km2);
      expect(String(f?.properties?.citedAreaSource).length).toBeGreaterThan(10);
      const g = f?.geometry;
      if (!g || !isArea(g)) throw new Error(`${id} is not an area`);
      const a = areaKm2(g);
      expect(Math.abs(a / c.km2 - 1), `${id}: drawn ${a.toFixed(0)} km²`).toBeLessThanOrEqual(c.tol);
    });
  }

  it('cites no area that the table above does not hold the drawing to', () => {
    const cited = allThematic
      .filter((f) => f.properties?.citedAreaKm2 !== undefined)
      .map((f) => f.properties?.zoneId);
    expect(cited.sort()).toEqual(Object.keys(CITED_KM2).sort());
  });

  it('reuses surveyed lakes whose areas fall in the published ranges (Hulun 2,000–2,340; Daihai 50–80 km²)', () => {
    const lakes = new Map(load('lakes.geojson').features.map((f) => [f.properties?.zoneId, f.geometry]));
    const hulun = areaKm2(lakes.get('lake-hulun') as Polygon);
    const daihai = areaKm2(lakes.get('lake-daihai') as Polygon);
    expect(hulun).toBeGreaterThanOrEqual(2_000);
    expect(hulun).toBeLessThanOrEqual(2_340);
    expect(daihai).toBeGreaterThanOrEqual(50);
    expect(daihai).toBeLessThanOrEqual(80);
  });

  it('draws the Chaor-to-West-Liao diversion within 15 % of its published ~390 km', () => {
    const f = features.get('water-works-chaoer-to-xiliao');
    if (f?.geometry.type !== 'LineString') throw new Error('not a line');
    expect(Math.abs(lengthKm(f.geometry.coordinates) / 390 - 1)).toBeLessThanOrEqual(0.15);
  });
});

describe('the illustrative red line', () => {
  const fc = load('redline-illustrative.geojson');

  it('is marked illustrative (示意) in its data and by the badge; its names are plain', () => {
    expect(fc.features.length).toBeGreaterThan(10);
    expect((fc as unknown as { metadata: { schematic: boolean; method: string } }).metadata.method).toMatch(
      /ILLUSTRATIVE/,
    );
    for (const f of fc.features) {
      const p = f.properties ?? {};
      expect(p.zoneId).toMatch(/^redline-illustrative-\d\d$/);
      expect(['redline', 'nature-reserve-core']).toContain(p.zoneType);
      expect(p.schematic).toBe(true);
      expect(p.illustrative).toBe(true);
      expect(p.source).toMatch(/^schematic: /);
      expect(p.method).toEqual(expect.any(String));
      expect(p.accuracy).toContain('示意');
      // a plain name: the kind of part, then the place
      expect(p.zh).toMatch(p.zoneType === 'redline' ? /^生态保护红线·\S/ : /^自然保护地核心区·\S/);
      expect(p.en).toMatch(
        p.zoneType === 'redline' ? /^Ecological red line · \S/ : /^Nature reserve core · \S/,
      );
    }
    const def = LAYERS.find((l) => l.id === 'redline-illustrative');
    expect(def && layerBadge(def)).toBe('schematic');
    // the badge is shown next to the name, never written into it
    expect(`${def?.name.zh}${def?.name.en}`).not.toMatch(/示意|schematic|illustrative/i);
    expect(new Set(fc.features.map((f) => f.properties?.zoneType))).toEqual(
      new Set(['redline', 'nature-reserve-core']),
    );
  });

  it('has parts that do not overlap, so areas can be summed', () => {
    const parts = fc.features.map((f) => f.geometry as Polygon | MultiPolygon);
    for (let i = 1; i < parts.length; i++) {
      const gi = parts[i] as Polygon | MultiPolygon;
      for (let j = 0; j < i; j++) {
        const gj = parts[j] as Polygon | MultiPolygon;
        const rest = subtract(gi, gj);
        const overlap = areaKm2(gi) - (rest ? areaKm2(rest) : 0);
        expect(overlap, `${i} vs ${j}`).toBeLessThan(0.5);
      }
    }
  });
});

describe('the registry entries', () => {
  it('register every built thematic file once, schematic and clickable', () => {
    expect(THEMATIC_LAYERS.map((l) => l.data).sort()).toEqual([...THEMATIC_FILES].sort());
    for (const l of THEMATIC_LAYERS) {
      expect(l.schematic, l.id).toBe(true);
      expect(l.interactive, l.id).toBe(true);
      expect(LAYERS).toContain(l);
    }
  });

  it('draws schematic outlines and lines dashed, surveyed ones and user-replaced ones solid', () => {
    const ctx = {
      lang: 'zh',
      opacity: 1,
      visible: true,
      source: 's',
      labelSource: 'l',
      theme: THEME,
    } as const;
    const dashed = (l: (typeof LAYERS)[number], schematic: boolean) =>
      l
        .style({ ...ctx, schematic })
        .filter((x) => x.type === 'line')
        .map((x) => (x.paint as Record<string, unknown> | undefined)?.['line-dasharray'] !== undefined);
    const circleOpacity = (l: (typeof LAYERS)[number], schematic: boolean) =>
      l
        .style({ ...ctx, schematic })
        .filter((x) => x.type === 'circle')
        .map((x) => (x.paint as Record<string, unknown> | undefined)?.['circle-opacity']);
    for (const l of LAYERS) {
      const lines = dashed(l, l.schematic);
      const circles = circleOpacity(l, l.schematic);
      if (l.schematic) expect(lines.length + circles.length, l.id).toBeGreaterThan(0);
      expect(
        lines.every((d) => d === l.schematic),
        l.id,
      ).toBe(true);
      expect(dashed(l, false).some(Boolean), `${l.id} replaced by real data`).toBe(false);
      // points cannot be dashed: schematic ones are drawn lighter than real ones
      if (l.schematic)
        circles.forEach((o, i) => {
          expect(o, l.id).toBeLessThan(circleOpacity(l, false)[i] as number);
        });
    }
  });

  it('keeps the default view light: only the battles group is on at start', () => {
    const on = THEMATIC_LAYERS.filter((l) => l.defaultVisible);
    expect(on.every((l) => l.group === 'battles')).toBe(true);
    const bytes = on.reduce((s, l) => s + readFileSync(join(DATA, l.data)).length, 0);
    expect(bytes).toBeLessThan(120_000);
  });
});

describe('building the thematic layers', () => {
  let outA: string;
  let outB: string;
  beforeAll(() => {
    outA = mkdtempSync(join(tmpdir(), 'thematic-a-'));
    outB = mkdtempSync(join(tmpdir(), 'thematic-b-'));
    buildThematicLayers(outA);
    buildThematicLayers(outB);
  }, 400_000); // two full builds: minutes on a loaded 2-core machine

  it('gives byte-identical output twice, equal to the committed data/layers', () => {
    const files = readdirSync(outA).sort();
    expect(files).toEqual([...THEMATIC_FILES, 'thematic-labels.geojson'].sort());
    for (const f of files) {
      const a = readFileSync(join(outA, f));
      expect(a.equals(readFileSync(join(outB, f))), f).toBe(true);
      expect(
        a.equals(readFileSync(join(DATA, f))),
        `${f} differs from the committed file: npm run build:thematic`,
      ).toBe(true);
    }
  });
});
