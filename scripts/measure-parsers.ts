/**
 * Our CSV, WKT and Shapefile readers against well-kept libraries, on our own inputs: correctness on the import
 * fixtures and corpus, then speed on large generated inputs. The libraries are not dependencies of the project;
 * install them beside it first (versions as measured in docs/importers.md):
 *   npm install --prefix /tmp/parser-bench papaparse@5.7.1 betterknown@1.2.0 wellknown@0.5.0 wkx@0.5.0 \
 *     shpjs@6.2.0 shapefile@0.6.6
 *   PARSER_BENCH=/tmp/parser-bench npx tsx scripts/measure-parsers.ts
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { writeDbf, writeShp } from '../tests/unit/importers/shapefile-writer.ts';
import { detectDelimiter, parseCsvRows } from '../web/domain/importers/formats/csv.ts';
import { parseShapefileZip } from '../web/domain/importers/formats/shapefile-zip.ts';
import { parseOneWkt, parseWktText } from '../web/domain/importers/formats/wkt.ts';
import { importBoundarySync } from '../web/domain/importers/index.ts';
import { Reporter } from '../web/domain/importers/messages.ts';
import { decodeText } from '../web/domain/importers/text-decode.ts';

const dir = process.env.PARSER_BENCH;
if (!dir) throw new Error('set PARSER_BENCH to the folder the libraries were installed into');
const req = createRequire(join(dir, 'package.json'));
const Papa = req('papaparse');
const wellknown = req('wellknown');
const wkx = req('wkx');
const { wktToGeoJSON } = req('betterknown');
(globalThis as { self?: unknown }).self = globalThis; // shpjs 6 looks for self.DecompressionStream
const shpMod = await import(pathToFileURL(join(dir, 'node_modules', 'shpjs', 'lib', 'index.js')).href);
const shp = shpMod.parseZip ?? shpMod.default?.parseZip;
const shapefile = req('shapefile');

/** shpjs in a child process with a time limit: on some damaged zips its zip reader never returns. */
function shpjsInChild(bytes: Uint8Array): string {
  const code = `globalThis.self = globalThis;
const m = await import(${JSON.stringify(pathToFileURL(join(dir as string, 'node_modules', 'shpjs', 'lib', 'index.js')).href)});
const chunks = []; for await (const c of process.stdin) chunks.push(c);
const b = new Uint8Array(Buffer.concat(chunks));
try { const g = await m.default(b.buffer); const fcs = Array.isArray(g) ? g : [g];
  console.log('ok ' + fcs.reduce((s, fc) => s + fc.features.length, 0)); }
catch (e) { console.log('throws: ' + String(e && e.message).split('\\n')[0].slice(0, 60)); }`;
  try {
    return execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      input: bytes,
      timeout: 5000,
    })
      .toString()
      .trim();
  } catch {
    return 'never returns (killed after 5 s)';
  }
}

const ROOT = join(import.meta.dirname, '..');
const files = (sub: string, re: RegExp): string[] => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d, { withFileTypes: true })) {
      if (n.isDirectory()) walk(join(d, n.name));
      else if (re.test(n.name)) out.push(join(d, n.name));
    }
  };
  walk(join(ROOT, sub));
  return out;
};
const inputs = (re: RegExp) => [...files('tests/unit/importers/fixtures', re), ...files('tests/corpus', re)];
const rel = (p: string) => p.replace(`${ROOT}/`, '');
const time = (fn: () => unknown, runs = 5): number => {
  fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
};
const timeAsync = async (fn: () => Promise<unknown>, runs = 5): Promise<number> => {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
};
const timed = (fn: () => unknown, runs = 5): string => {
  try {
    return `${time(fn, runs).toFixed(0)} ms`;
  } catch (e) {
    return `fails (${(e instanceof Error ? e.message : String(e)).slice(0, 40)})`;
  }
};
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// ---------------- CSV
console.log('\n## CSV: parseCsvRows vs papaparse 5.7.1');
const csvCases: [string, string][] = inputs(/\.csv$/).map((f) => [rel(f), decodeText(readFileSync(f)).text]);
csvCases.push(
  ['quoted newline', 'name,wkt\n"A\nB","POLYGON((1 2,3 4,5 6,1 2))"\nC,x\n'],
  ['quoted delimiter and quote', 'name,lon,lat\n"a, ""b""",111.7,40.8\n'],
  ['semicolon', 'lon;lat\n111,7;40,8\n'],
  ['blank lines', 'lon,lat\n\n111.7,40.8\n\n\n111.8,40.8\n'],
);
for (const [label, text] of csvCases) {
  const d = detectDelimiter(text);
  const ours = parseCsvRows(text, d);
  const theirs = Papa.parse(text, { delimiter: '', skipEmptyLines: 'greedy' });
  const theirCells = theirs.data as string[][];
  const agree = same(
    ours.map((r) => r.cells),
    theirCells,
  );
  const lines = ours.map((r) => r.line).join(',');
  console.log(
    `${agree ? 'same rows' : 'DIFFERENT'}  ${label}  (delimiter ours ${JSON.stringify(d)} / papaparse ${JSON.stringify(theirs.meta.delimiter)}; our source lines ${lines}; papaparse gives row indexes only)`,
  );
  if (!agree)
    console.log(
      '   ours',
      JSON.stringify(ours.map((r) => r.cells)).slice(0, 200),
      '\n   papa',
      JSON.stringify(theirCells).slice(0, 200),
    );
}
{
  const rows = ['id,lon,lat'];
  for (let i = 0; i < 200_000; i++)
    rows.push(`P${i % 100},${(111 + i * 1e-6).toFixed(6)},${(40.8 + (i % 7) * 1e-3).toFixed(6)}`);
  const big = rows.join('\n');
  const ours = time(() => parseCsvRows(big, ','));
  const papa = time(() => Papa.parse(big, { delimiter: ',', skipEmptyLines: 'greedy' }));
  console.log(
    `speed, 200 000 rows (${(big.length / 1e6).toFixed(1)} MB): ours ${ours.toFixed(0)} ms, papaparse ${papa.toFixed(0)} ms`,
  );
}

// ---------------- WKT
console.log('\n## WKT: ours vs betterknown 1.2.0, wellknown 0.5.0, wkx 0.5.0');
const wktCases: [string, string][] = [
  ...inputs(/\.wkt$/).map((f): [string, string] => [rel(f), decodeText(readFileSync(f)).text]),
  ['Z and M', 'POLYGON Z ((111 40 1, 112 40 1, 112 41 1, 111 40 1))'],
  ['EWKT SRID', 'SRID=4490;POLYGON((111 40, 112 40, 112 41, 111 40))'],
  [
    'two geometries on two lines',
    'POLYGON((111 40, 112 40, 112 41, 111 40))\nPOLYGON((113 40, 114 40, 114 41, 113 40))',
  ],
  ['lower case', 'polygon((111 40, 112 40, 112 41, 111 40))'],
  ['scientific notation', 'POLYGON((1.11e2 4e1, 112 40, 112 41, 111 40))'],
  ['unbalanced', 'POLYGON((111 40, 112 40, 112 41, 111 40)'],
  ['position with one number', 'POLYGON((111, 112 40, 112 41, 111 40))'],
  ['garbage after', 'POLYGON((111 40, 112 40, 112 41, 111 40)) #'],
];
const tryLib = (fn: () => unknown): string => {
  try {
    const r = fn();
    if (r === null || r === undefined) return 'null (no reason given)';
    const t = (r as { type?: string }).type ?? (r as { constructor?: { name?: string } }).constructor?.name;
    return `ok ${t}`;
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    return `throws: ${m.split('\n')[0]?.slice(0, 70)}`;
  }
};
for (const [label, text] of wktCases) {
  const rep = new Reporter('x.wkt');
  const r = parseWktText(text, rep);
  const ours = rep.hasErrors
    ? `error: ${rep.messages[0]?.location ?? ''} ${rep.messages[0]?.en.slice(6, 80)}`
    : `ok ${r.features.length} feature(s)`;
  console.log(
    `- ${label}\n    ours:        ${ours}\n    betterknown: ${tryLib(() => wktToGeoJSON(text))}\n    wellknown:   ${tryLib(() => wellknown.parse(text))}\n    wkx:         ${tryLib(() => wkx.Geometry.parse(text))}`,
  );
}
{
  const n = 500_000;
  const pts: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    pts.push(`${(111 + 0.1 * Math.cos(a)).toFixed(7)} ${(40.8 + 0.1 * Math.sin(a)).toFixed(7)}`);
  }
  pts.push(pts[0] as string);
  const big = `POLYGON((${pts.join(', ')}))`;
  console.log(
    `speed, one polygon of 500 000 vertices (${(big.length / 1e6).toFixed(1)} MB): ours ${timed(() => parseOneWkt(big), 3)}, betterknown ${timed(() => wktToGeoJSON(big), 3)}, wellknown ${timed(() => wellknown.parse(big), 3)}, wkx ${timed(() => wkx.Geometry.parse(big), 3)}`,
  );
  const deep = `${'GEOMETRYCOLLECTION('.repeat(20000)}POINT(1 2)${')'.repeat(20000)}`;
  console.log(
    `20 000 nested collections: ours ${tryLib(() => parseWktText(deep, new Reporter('d')))} (nesting-too-deep reported), betterknown ${tryLib(() => wktToGeoJSON(deep))}, wellknown ${tryLib(() => wellknown.parse(deep))}, wkx ${tryLib(() => wkx.Geometry.parse(deep))}`,
  );
}

// ---------------- Shapefile
console.log('\n## Shapefile: ours vs shpjs 6.2.0 (zip in, GeoJSON out) and shapefile 0.6.6 (.shp + .dbf)');
for (const f of inputs(/\.zip$/)) {
  const bytes = new Uint8Array(readFileSync(f));
  const r = importBoundarySync({ name: 'a.zip', bytes }, { source: 'wgs84' });
  const ours = r.ok ? `ok ${r.features.length}` : `${r.errors[0]?.code}`;
  const theirs = shpjsInChild(bytes);
  let mb: string;
  try {
    const entries = unzipSync(bytes); // the shapefile package reads no zips: fflate unzips for it
    const shpKey = Object.keys(entries).find((k) => /\.shp$/i.test(k));
    const dbfKey = Object.keys(entries).find((k) => /\.dbf$/i.test(k));
    if (!shpKey) mb = 'no .shp';
    else {
      const g = await shapefile.read(entries[shpKey], dbfKey ? entries[dbfKey] : undefined);
      mb = `ok ${g.features.length}`;
    }
  } catch (e) {
    mb = `throws: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 60)}`;
  }
  console.log(`${rel(f).padEnd(60)} ours ${ours.padEnd(24)} shpjs ${theirs.padEnd(40)} shapefile ${mb}`);
}
{
  const features = [];
  for (let i = 0; i < 2000; i++) {
    const ring: number[][] = [];
    for (let k = 0; k < 100; k++) {
      const a = (2 * Math.PI * k) / 100;
      ring.push([
        111 + (i % 50) * 0.01 + 0.004 * Math.cos(a),
        40 + Math.floor(i / 50) * 0.01 + 0.004 * Math.sin(a),
      ]);
    }
    ring.push(ring[0] as number[]);
    features.push({ polygons: [[ring]], props: { NAME: `F${i}` } });
  }
  const { shp: s, shx } = writeShp(features);
  const dbf = writeDbf(
    [{ name: 'NAME', type: 'C', length: 10 }],
    features.map((f) => f.props),
    (t) => new TextEncoder().encode(t),
  );
  const zip = zipSync({ 'a.shp': s, 'a.shx': shx, 'a.dbf': dbf });
  const entries = new Map(Object.entries(unzipSync(zip)));
  const ours = time(() => parseShapefileZip(entries, new Reporter('a.zip'), 'layer'), 5);
  const oursAll = time(
    () => importBoundarySync({ name: 'a.zip', bytes: zip }, { source: 'wgs84', purpose: 'layer' }),
    5,
  );
  const theirs = await timeAsync(() => shp(zip.buffer.slice(0)), 5);
  const mb = await timeAsync(() => shapefile.read(s, dbf), 5);
  console.log(
    `speed, 2 000 polygons × 101 vertices: ours parse ${ours.toFixed(0)} ms (whole import with validation ${oursAll.toFixed(0)} ms), shpjs ${theirs.toFixed(0)} ms (unzip + parse), shapefile ${mb.toFixed(0)} ms`,
  );
}
