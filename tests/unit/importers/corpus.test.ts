/**
 * The import corpus: tests/corpus/manifest.json lists every file under tests/corpus/ with the outcome a user
 * should get, judged by hand (see each case's `why`), not copied from the importer's output. The same manifest
 * is run through the CLI and the browser by their own tests. Format: docs/importers.md, “Import corpus”.
 * A file listed but missing, or present but not listed, fails here; nothing is ever regenerated.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import * as geographiclibNs from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  type BoundaryFeature,
  type ImportOptions,
  importBoundarySync,
} from '../../../web/domain/importers/index.ts';

interface CorpusCase {
  file: string;
  family: string;
  expect: 'ok' | 'error';
  code?: string;
  where?: string;
  features?: number;
  areaM2?: number;
  areaTolerance?: number;
  properties?: Record<string, unknown>;
  options?: Partial<Pick<ImportOptions, 'source' | 'purpose' | 'gaussKruger' | 'axisOrder' | 'format'>>;
  pending?: string;
  why: string;
  made?: string;
}
interface Manifest {
  format: string;
  version: number;
  families: Record<string, { issue: string; owner: string }>;
  cases: CorpusCase[];
}

const ROOT = join(import.meta.dirname, '..', '..', 'corpus');
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Manifest;

type GL = typeof geographiclibNs;
const gl: GL = (geographiclibNs as unknown as { default?: GL }).default ?? (geographiclibNs as GL);
const grs80 = new gl.Geodesic.Geodesic(6378137, 1 / 298.257222101);

/** Ellipsoidal area of a ring (m², unsigned) by GeographicLib, independent of the project's geometry code. */
function ringArea(ring: Position[]): number {
  const p = new gl.PolygonArea.PolygonArea(grs80, false);
  for (const q of ring.slice(0, -1)) p.AddPoint(q[1] as number, q[0] as number);
  return Math.abs(p.Compute(false, true).area ?? 0);
}
function featureArea(f: BoundaryFeature): number {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let a = 0;
  for (const poly of polys)
    poly.forEach((r, i) => {
      a += i === 0 ? ringArea(r) : -ringArea(r);
    });
  return a;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [relative(ROOT, p)];
  });
}

/** Run one case; returns a list of ways the outcome differs from the expectation (empty = as expected). */
function judge(c: CorpusCase, bytes: Uint8Array): string[] {
  const name = c.file.split('/').pop() as string;
  const opts: ImportOptions = { source: 'wgs84', domParser: DOMParser, ...(c.options ?? {}) };
  const r = importBoundarySync({ name, bytes }, opts);
  const all = r.ok ? r.warnings : [...r.errors, ...r.warnings];
  const problems: string[] = [];
  const seen = all.map((m) => `${m.severity} ${m.code}${m.location ? ` @ ${m.location}` : ''}`).join(' | ');
  for (const m of all) {
    if (m.file !== name || !m.en.startsWith(name) || !m.zh.startsWith(name))
      problems.push(`message does not start with the file name: ${m.en}`);
    if (/TypeError|RangeError|call stack|undefined|\[object |\bat .+:\d+:\d+/.test(`${m.en} ${m.zh}`))
      problems.push(`message leaks internals: ${m.en}`);
    if (!m.zh.trim() || !m.en.trim()) problems.push(`empty text for ${m.code}`);
    // Chinese text in Chinese: outside quoted names, no run of three or more English words
    const english = m.zh
      .slice(name.length)
      .replace(/“[^”]*”/g, '')
      .match(/[A-Za-z]{4,}(?: [A-Za-z]{2,}){2,}/);
    if (english) problems.push(`Chinese message carries English (“${english[0]}”): ${m.zh}`);
  }
  if (c.expect === 'error') {
    if (r.ok) return [`expected error ${c.code}, got ok with ${r.features.length} features; ${seen}`];
    const hit = r.errors.find((m) => m.code === c.code);
    if (!hit) return [...problems, `expected error ${c.code}; got ${seen}`];
    if (c.where && !(hit.location ?? '').includes(c.where))
      problems.push(`expected ${c.code} at “${c.where}”, got “${hit.location ?? ''}”`);
    if (hit.code === 'read-failed') problems.push(`read-failed is not a clear message: ${hit.en}`);
    return problems;
  }
  if (!r.ok) return [...problems, `expected ok; got ${seen}`];
  if (c.code) {
    const hit = r.warnings.find((m) => m.code === c.code);
    if (!hit) problems.push(`expected warning ${c.code}; got ${seen || 'none'}`);
    else if (c.where && !(hit.location ?? '').includes(c.where))
      problems.push(`expected ${c.code} at “${c.where}”, got “${hit.location ?? ''}”`);
  }
  if (c.features !== undefined && r.features.length !== c.features)
    problems.push(`expected ${c.features} features, got ${r.features.length}`);
  if (c.areaM2 !== undefined) {
    const area = r.features.reduce((s, f) => s + featureArea(f), 0);
    const tol = c.areaTolerance ?? 0.01;
    if (!(Math.abs(area - c.areaM2) <= tol * c.areaM2))
      problems.push(`expected area ${c.areaM2} m² ± ${tol * 100}%, got ${Math.round(area)} m²`);
  }
  if (c.properties) {
    const props = r.features[0]?.properties ?? {};
    for (const [k, v] of Object.entries(c.properties))
      if (props[k] !== v) problems.push(`expected property ${k} = ${String(v)}, got ${String(props[k])}`);
  }
  return problems;
}

describe('import corpus (tests/corpus/manifest.json)', () => {
  it('manifest is well formed: every case has a family, an expectation and a reason', () => {
    expect(manifest.format).toBe('eco-barrier-map/import-corpus');
    expect(manifest.version).toBe(1);
    for (const c of manifest.cases) {
      expect(manifest.families[c.family], `${c.file}: family ${c.family}`).toBeDefined();
      expect(['ok', 'error'], c.file).toContain(c.expect);
      if (c.expect === 'error') expect(c.code, c.file).toBeTruthy();
      expect(c.why?.length ?? 0, `${c.file}: why`).toBeGreaterThan(10);
    }
    expect(new Set(manifest.cases.map((c) => c.file)).size).toBe(manifest.cases.length);
  });

  it('every listed file exists and every file in the corpus folder is listed', () => {
    const listed = new Set(manifest.cases.map((c) => c.file));
    const missing = [...listed].filter((f) => !existsSync(join(ROOT, f)));
    expect(missing, 'listed in manifest.json but missing').toEqual([]);
    const unlisted = listFiles(ROOT).filter((f) => f !== 'manifest.json' && !listed.has(f));
    expect(unlisted, 'present but not listed in manifest.json').toEqual([]);
  });

  for (const c of manifest.cases) {
    const label = `${c.family}: ${c.file} → ${c.expect}${c.code ? ` ${c.code}` : ''}`;
    const run = () => {
      const bytes = new Uint8Array(readFileSync(join(ROOT, c.file)));
      return judge(c, bytes);
    };
    if (c.pending) {
      // Known wrong today, fixed by the named helper's work: this test turns red when it is fixed, so the
      // flag is removed then and the case becomes an ordinary one.
      it(`${label} (pending: ${c.pending})`, () => {
        expect(run().length, 'now passes: remove "pending" from the manifest').toBeGreaterThan(0);
      });
    } else {
      it(label, () => {
        expect(run()).toEqual([]);
      });
    }
  }
});
