/**
 * `npm run screen` (scripts/cli): formats through the app's importers, warnings passed on with the app's text,
 * layer files that cannot be screened refused in one line, strict flags, exit codes. main() runs in this
 * process; a few real processes check what a shell sees.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../scripts/cli/main.ts';
import { importBoundarySync } from '../../../web/domain/importers/index.ts';
import { encodeLayer, layerFromGeoJson } from '../../../web/domain/screening/layer.ts';
import { PROJECT_TYPES } from '../../../web/domain/screening/rules.ts';
import { squareRing as square } from '../shapes.ts';
import { LEAK, messages, runCli } from './run-cli.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIX = join(ROOT, 'tests', 'unit', 'importers', 'fixtures');
const CORPUS = join(ROOT, 'tests', 'corpus');
const BOUNDARY = join(FIX, 'boundary-utf8.geojson');
let dir: string;
const at = (name: string) => join(dir, name);

type Ring = number[][];
const fc = (...polys: { id: string; rings: Ring[] }[]) => ({
  type: 'FeatureCollection',
  features: polys.map((p) => ({
    type: 'Feature',
    properties: { id: p.id },
    geometry: { type: 'Polygon', coordinates: p.rings },
  })),
});
/** The boundary fixture's bbox, so layers can be placed on it or away from it. */
let bb: [number, number, number, number];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'screen-cli-'));
  const r = importBoundarySync(
    { name: 'b.geojson', bytes: new Uint8Array(readFileSync(BOUNDARY)) },
    { source: 'wgs84' },
  );
  if (!r.ok) throw new Error('fixture boundary does not import');
  const pts = r.features.flatMap((f) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2),
  );
  const xs = pts.map((p) => p[0] as number);
  const ys = pts.map((p) => p[1] as number);
  bb = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  const [w, s, e, n] = bb;
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  // a bowtie across the boundary's middle (edges 1–2 and 3–4 cross), and a good square far away
  const bowtie: Ring = [
    [w - 0.01, s - 0.01],
    [e + 0.01, n + 0.02],
    [e + 0.01, s - 0.01],
    [w - 0.01, n + 0.01],
    [w - 0.01, s - 0.01],
  ];
  const far = square(cx + 1, cy + 1, 0.01);
  writeFileSync(
    at('bowtie.geojson'),
    JSON.stringify(fc({ id: 'bow', rings: [bowtie] }, { id: 'far', rings: [far] })),
  );
  writeFileSync(
    at('far-bowtie.geojson'),
    JSON.stringify(fc({ id: 'fb', rings: [bowtie.map(([x, y]) => [(x as number) + 2, y as number])] })),
  );
  const ebl = (name: string, json: unknown) =>
    writeFileSync(at(name), new Uint8Array(encodeLayer(layerFromGeoJson(json as never, { id: name }))));
  ebl('bowtie.ebl', fc({ id: 'bow', rings: [bowtie] }));
  ebl('good.ebl', fc({ id: 'far', rings: [far] }));
  ebl('metres.ebl', fc({ id: 'm1', rings: [square(39_500_000, 4_500_000, 1000)] }));
  ebl('empty.ebl', fc());
  const good = new Uint8Array(readFileSync(at('good.ebl')));
  writeFileSync(at('truncated.ebl'), good.slice(0, good.length - 40));
  const scrambled = good.slice();
  const vertices = new DataView(scrambled.buffer).getUint32(4, true);
  new DataView(scrambled.buffer).setUint32(32 + 16 * vertices + 4, 9999, true); // a ring offset past the vertices
  writeFileSync(at('bad-offsets.ebl'), scrambled);
  writeFileSync(
    at('garbage.ebl'),
    new Uint8Array(4096).map((_, i) => (i * 7919) % 251),
  );
  writeFileSync(
    at('garbage.geojson'),
    new Uint8Array(4096).map((_, i) => (i * 7919) % 251),
  );
  writeFileSync(at('broken.geojson'), '{"type":"FeatureCollection","features":[{"type":"Feature",');
  writeFileSync(at('array.json'), '[1, 2, 3]');
  writeFileSync(at('topology.json'), '{"type":"Topology","objects":{}}');
  writeFileSync(at('empty.geojson'), '{"type":"FeatureCollection","features":[]}');
  writeFileSync(
    at('metres.geojson'),
    JSON.stringify(fc({ id: 'm1', rings: [square(39_500_000, 4_500_000, 1000)] })),
  );
  writeFileSync(
    at('points.kml'),
    '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><Point><coordinates>111.7,40.8</coordinates></Point></Placemark></Document></kml>',
  );
  const zip = readFileSync(join(FIX, 'shp-utf8-cpg.zip'));
  writeFileSync(at('truncated.zip'), zip.subarray(0, 200));
  const entries = unzipSync(new Uint8Array(zip));
  writeFileSync(
    at('no-prj.zip'),
    zipSync(Object.fromEntries(Object.entries(entries).filter(([k]) => !/\.prj$/i.test(k)))),
  );
  mkdirSync(at('a-folder'));
});

const area = (r: { json: Record<string, unknown> }) => Number(r.json.projectAreaM2);

describe('A: every boundary format through the importers the app uses', () => {
  it('KML, KMZ and 界址点 give the area of the same parcel as its GeoJSON', async () => {
    const ref = await runCli([BOUNDARY, '--json']);
    expect(ref.code).toBe(0);
    expect(area(ref)).toBeGreaterThan(1e6);
    for (const f of ['boundary-utf8.kml', 'boundary-gbk.kml', 'boundary.kmz', 'jzd-utf8.txt']) {
      const r = await runCli([join(FIX, f), '--json']);
      expect(r.code, `${f}: ${r.err.join(' | ')}`).toBe(0);
      // GK 界址点 coordinates were made by an independent Krüger series: agreement to 1e-5, lon/lat formats exactly
      expect(Math.abs(area(r) / area(ref) - 1), f).toBeLessThan(f.endsWith('.txt') ? 1e-5 : 1e-9);
    }
  });

  it('reads GPX (no "No XML parser available")', async () => {
    const r = await runCli([join(FIX, 'track.gpx'), '--json']);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(area(r)).toBeGreaterThan(1e6);
    expect(r.err.join('\n')).not.toMatch(/parser/i);
  });

  it('.geojson keeps every feature: a "role" property is data, not a fixture convention', async () => {
    const r = await runCli([join(CORPUS, 'fixture-role', 'role-project-and-others.geojson'), '--json']);
    expect(r.code).toBe(0);
    expect((r.json.project as { parts: number }).parts).toBe(3);
  });

  it('--source applies to .geojson too: gcj02 moves the boundary by the GCJ-02 offset (hundreds of metres)', async () => {
    const w = await runCli([BOUNDARY, '--json']);
    const g = await runCli([BOUNDARY, '--json', '--source', 'gcj02']);
    const bw = (w.json.project as { bbox: number[] }).bbox;
    const bg = (g.json.project as { bbox: number[] }).bbox;
    const dx = Math.abs((bw[0] as number) - (bg[0] as number));
    expect(dx).toBeGreaterThan(0.001);
    expect(dx).toBeLessThan(0.02);
    expect(messages(g.json.warnings).map((m) => m.code)).toContain('datum-converted');
  });
});

describe('B: importer warnings reach the CLI user with the app’s text', () => {
  const importerWarnings = (file: string, source: 'wgs84' | 'gcj02' = 'wgs84') => {
    const r = importBoundarySync(
      { name: file.split('/').pop() as string, bytes: new Uint8Array(readFileSync(file)) },
      { source, domParser: DOMParser },
    );
    if (!r.ok) throw new Error(`${file} does not import`);
    return r.warnings;
  };

  for (const [what, file, source, code] of [
    ['X/Y swapped in 界址点', join(CORPUS, 'jzd-strict', 'swapped-xy.txt'), 'wgs84', 'jzd-axes-swapped'],
    ['--source ignored for a projected file', join(FIX, 'jzd-utf8.txt'), 'gcj02', 'crs-ignored-source'],
  ] as const) {
    it(`${what}: on stderr and in --json`, async () => {
      const expected = importerWarnings(file, source).find((m) => m.code === code);
      expect(expected, `the importer itself warns ${code}`).toBeDefined();
      for (const json of [false, true]) {
        const r = await runCli([file, '--source', source, ...(json ? ['--json'] : [])]);
        expect(r.code).toBe(0);
        const line = r.err.find((l) => l.includes(expected?.en as string));
        expect(line, r.err.join('\n')).toBeDefined();
        expect(line).toContain(expected?.zh);
        if (json) {
          const w = messages(r.json.warnings).find((m) => m.code === code);
          expect(w).toMatchObject({ stage: 'boundary', en: expected?.en, zh: expected?.zh });
        }
      }
    });
  }

  it('a zipped Shapefile without .prj warns prj-missing', async () => {
    const r = await runCli([at('no-prj.zip'), '--json']);
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(messages(r.json.warnings).map((m) => m.code)).toContain('prj-missing');
    expect(r.err.some((l) => l.startsWith('! no-prj.zip'))).toBe(true);
  });
});

describe('C: layer files that cannot be screened are refused in one line, never a stack trace', () => {
  const cases: [string, string][] = [
    ['nope.geojson', 'no such file'],
    ['a-folder', 'is a folder'],
    ['broken.geojson', 'geojson-structure|json-invalid'],
    ['array.json', 'geojson-structure'],
    ['topology.json', 'geojson-structure|geometry-unsupported|no-features'],
    ['garbage.geojson', 'json-invalid|format-unknown'],
    ['empty.geojson', 'no-features'],
    ['metres.geojson', 'projected-in-lonlat'],
    ['points.kml', 'no-features|geometry-unsupported'],
    ['truncated.zip', 'zip-invalid'],
    ['garbage.ebl', 'layer-corrupt'],
    ['truncated.ebl', 'layer-corrupt'],
    ['bad-offsets.ebl', 'layer-corrupt'],
    ['empty.ebl', 'layer-empty'],
    ['metres.ebl', 'layer-not-lonlat'],
  ];
  for (const [file, why] of cases) {
    it(`${file}: exit 1, the file named, what is wrong`, async () => {
      const r = await runCli([BOUNDARY, '--layer', at(file)]);
      expect(r.code).toBe(1);
      expect(r.out).toEqual([]); // no result printed
      const errs = r.err.filter((l) => l.startsWith('✗ '));
      expect(errs.length).toBeGreaterThan(0);
      expect(errs[0]).toContain(file);
      for (const l of r.err) expect(l).not.toMatch(LEAK);
      const j = await runCli([BOUNDARY, '--layer', at(file), '--json']);
      expect(j.code).toBe(1);
      expect(j.json).toMatchObject({ ok: false, stage: 'layer' });
      const codes = messages(j.json.errors)
        .map((m) => `${m.code} ${m.en}`)
        .join(' | ');
      expect(codes).toMatch(new RegExp(why));
    });
  }

  it('a KML with polygons is read as a layer, like a user layer in the app', async () => {
    const r = await runCli([BOUNDARY, '--layer', join(FIX, 'boundary-utf8.kml'), '--json']);
    expect(r.code).toBe(0);
    const l = (r.json.layers as { layerId: string; overlapFeatureCount: number }[])[0];
    expect(l?.layerId).toBe('boundary-utf8');
    expect(l?.overlapFeatureCount).toBeGreaterThan(0); // the same parcel overlaps itself
  });

  for (const file of ['bowtie.geojson', 'bowtie.ebl']) {
    it(`${file}: a self-intersecting feature across the boundary is a warning in the result, not silence`, async () => {
      const r = await runCli([BOUNDARY, '--layer', at(file), '--json']);
      expect(r.code, r.err.join('\n')).toBe(0);
      const layer = (r.json.layers as { warnings: unknown }[])[0];
      const w = messages(layer?.warnings).find((m) => m.code === 'layer-invalid-geometry');
      expect(w).toMatchObject({ severity: 'warning', featureId: 'bow' });
      expect(w?.en).toContain(file);
      expect(
        r.err.some((l) => l.startsWith('! ') && l.includes('bow') && l.includes('invalid geometry')),
      ).toBe(true);
      const text = await runCli([BOUNDARY, '--layer', at(file)]);
      expect(text.out.join('\n')).toMatch(/warning/);
    });
  }

  it('an invalid feature the check never touches does not make its answer uncertain', async () => {
    const r = await runCli([BOUNDARY, '--layer', at('far-bowtie.geojson'), '--json']);
    expect(r.code).toBe(0);
    const layer = (r.json.layers as { warnings: unknown; nearest: unknown }[])[0];
    // the nearest feature is the bowtie itself, so the distance rests on it: warned
    expect(messages(layer?.warnings).map((m) => m.code)).toEqual(['layer-invalid-geometry']);
    const r2 = await runCli([BOUNDARY, '--layer', at('bowtie.geojson'), '--layer', at('good.ebl'), '--json']);
    const good = (r2.json.layers as { layerId: string; warnings: unknown }[]).find(
      (l) => l.layerId === 'good.ebl',
    );
    expect(messages(good?.warnings)).toEqual([]);
  });
});

describe('D: flags', () => {
  const usage: [string[], RegExp][] = [
    [['--source', 'gcj-02'], /did you mean gcj02\?.*one of: wgs84, gcj02, bd09/],
    [['--source', 'GCJ02'], /did you mean gcj02\?/],
    [['--source', 'bd-09'], /did you mean bd09\?/],
    [['--source', 'utm'], /unknown --source “utm”; one of: wgs84, gcj02, bd09/],
    [['--buffer', 'Infinity'], /--buffer “Infinity”: not a distance/],
    [['--buffer', 'NaN'], /not a distance/],
    [['--buffer', '-5'], /--buffer “-5”/],
    [['--buffer', '0'], /greater than 0/],
    [['--buffer', '1e309'], /not a distance/],
    [['--buffer', '100001'], /maximum 100000 m/],
    [['--buffer', '500,abc'], /--buffer “abc”/],
    [['--buffer'], /--buffer needs a value/],
    [['--layers', 'x'], /unknown option --layers \(did you mean --layer\?\)/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['--json=yes'], /--json takes no value/],
    [['--type', 'minng'], /did you mean mining\?/],
    [['--type', 'nuclear'], new RegExp(`one of: ${PROJECT_TYPES.map((p) => p.id).join(', ')}`)],
    [['--source', 'wgs84', '--source', 'gcj02'], /--source given twice/],
    [['second-file.geojson'], /unexpected argument/],
  ];
  for (const [extra, msg] of usage) {
    it(`${extra.join(' ')} → usage error (exit 2)`, async () => {
      const r = await runCli([BOUNDARY, ...extra]);
      expect(r.code).toBe(2);
      expect(r.err[0]).toMatch(msg);
      expect(r.out).toEqual([]);
    });
  }

  it('no boundary → usage error', async () => {
    expect((await runCli([])).code).toBe(2);
  });

  it('accepted spellings: buffers with units, in the app’s syntax, sorted and deduplicated', async () => {
    const r = await runCli([BOUNDARY, '--buffer', '1km,500', '--buffer=1000', '--buffer', '100km', '--json']);
    expect(r.code).toBe(0);
    expect([...new Set((r.json.buffers as { distanceM: number }[]).map((b) => b.distanceM))]).toEqual([
      500, 1000, 100_000,
    ]);
    const t = await runCli([BOUNDARY, '--type', 'mining', '--source=wgs84', '--json']);
    expect(t.code).toBe(0);
    expect((t.json.projectType as { id: string }).id).toBe('mining');
  });

  it('--help lists every project type and the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    for (const p of PROJECT_TYPES) expect(text).toContain(p.id);
    for (const c of ['0  checked', '1  input error', '2  usage error', '3  internal error'])
      expect(text).toContain(c);
  });
});

describe('E: unexpected failures are one line and exit 3', () => {
  const failingOut = () => {
    const err: string[] = [];
    const io = {
      out: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'write')");
      },
      err: (l: string) => err.push(l),
    };
    return { io, err };
  };

  it('without --debug: one line, no stack', async () => {
    const { io, err } = failingOut();
    expect(await main([BOUNDARY], io)).toBe(3);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^internal error: TypeError: Cannot read properties .* please report/);
    expect(err[0]).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('with --debug: the stack follows', async () => {
    const { io, err } = failingOut();
    expect(await main([BOUNDARY, '--debug'], io)).toBe(3);
    expect(err.length).toBeGreaterThan(1);
    expect(err[1]).toMatch(/\bat .+:\d+:\d+/);
  });
});

describe('real processes: what a shell sees', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'screen.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
  it('exit codes 0, 1, 2 and no stack traces', () => {
    const ok = run(join(FIX, 'boundary.kmz'));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('项目面积 Project area');
    const input = run(BOUNDARY, '--layer', join(dir, 'garbage.ebl'));
    expect(input.status).toBe(1);
    expect(input.stderr.trim().split('\n')).toHaveLength(1);
    const usage = run(BOUNDARY, '--source', 'gcj-02');
    expect(usage.status).toBe(2);
    for (const p of [ok, input, usage]) expect(p.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
