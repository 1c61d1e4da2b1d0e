import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltFile,
  type Precache,
  precacheOf,
  reachableFiles,
  readPrecache,
  serviceWorkerScript,
  sha256,
} from '../../../scripts/vite/precache.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A small build: a page, its entry, a lazy chunk, a worker that imports a chunk, CSS with a font, data, a bench page. */
const files = (): BuiltFile[] => [
  {
    fileName: 'index.html',
    content:
      '<script type="module" src="./assets/main-A1.js"></script><link rel="stylesheet" href="./assets/main-C1.css"><link rel="manifest" href="./manifest.webmanifest">',
  },
  {
    fileName: 'assets/main-A1.js',
    content: 'import("./lazy-B1.js"); new URL("leagues-D1.geojson", import.meta.url)',
  },
  { fileName: 'assets/lazy-B1.js', content: 'new Worker(new URL("./job.worker-E1.js", import.meta.url))' },
  { fileName: 'assets/job.worker-E1.js', content: 'import "./shared-F1.js"' },
  { fileName: 'assets/shared-F1.js', content: 'export const x = 1' },
  { fileName: 'assets/main-C1.css', content: '@font-face{src:url(./font-G1.woff2)}' },
  { fileName: 'assets/font-G1.woff2', content: new Uint8Array([1, 2, 3]) },
  { fileName: 'assets/leagues-D1.geojson', content: '{"type":"FeatureCollection","features":[]}' },
  { fileName: 'manifest.webmanifest', content: '{"icons":[{"src":"icons/icon-192.png"}]}' },
  { fileName: 'icons/icon-192.png', content: new Uint8Array([137, 80, 78, 71]) },
  { fileName: 'bench/baseline.html', content: '<script src="../assets/baseline-H1.js"></script>' },
  { fileName: 'assets/baseline-H1.js', content: 'import "./shared-F1.js"' },
];

describe('the precache list (scripts/vite/precache.ts)', () => {
  it('holds every file the page reaches through scripts, workers, CSS, data and the manifest, and nothing else', () => {
    const names = reachableFiles(files()).map((f) => f.fileName);
    expect(names).toEqual(
      [
        'assets/job.worker-E1.js',
        'assets/lazy-B1.js',
        'assets/leagues-D1.geojson',
        'assets/main-A1.js',
        'assets/main-C1.css',
        'assets/font-G1.woff2',
        'assets/shared-F1.js',
        'icons/icon-192.png',
        'index.html',
        'manifest.webmanifest',
      ].sort(),
    );
    expect(names).not.toContain('bench/baseline.html');
    expect(names).not.toContain('assets/baseline-H1.js');
  });

  it('gives each file its SHA-256 and size; the version changes when any one file changes, and only then', () => {
    const code = 'self.addEventListener("fetch", () => {})';
    const a = precacheOf(files(), code, { label: '0.1.0' });
    const font = a.files.find((f) => f.url === 'assets/font-G1.woff2');
    expect(font).toEqual({
      url: 'assets/font-G1.woff2',
      sha256: sha256(new Uint8Array([1, 2, 3])),
      bytes: 3,
    });
    expect(a.version).toMatch(/^0\.1\.0\+[0-9a-f]{10}$/);
    expect(precacheOf(files(), code, { label: '0.1.0' }).version).toBe(a.version);
    for (const changed of ['index.html', 'assets/leagues-D1.geojson', 'assets/font-G1.woff2']) {
      const next = files().map((f) =>
        f.fileName === changed ? { ...f, content: `${String(f.content)} ` } : f,
      );
      expect(precacheOf(next, code, { label: '0.1.0' }).version, changed).not.toBe(a.version);
    }
    // a bench file is not the app's: changing it leaves the version
    const bench = files().map((f) => (f.fileName === 'assets/baseline-H1.js' ? { ...f, content: 'x' } : f));
    expect(precacheOf(bench, code, { label: '0.1.0' }).version).toBe(a.version);
    expect(precacheOf(files(), `${code};`, { label: '0.1.0' }).version).not.toBe(a.version);
  });

  it('is written as the first line of sw.js and read back', () => {
    const p = precacheOf(files(), 'x()');
    const script = serviceWorkerScript(p, 'x()');
    expect(readPrecache(script)).toEqual(p);
    expect(script.endsWith('\nx()')).toBe(true);
  });
});

describe('the production build', () => {
  let out: string;
  let precache: Precache;
  let output: Rollup.RollupOutput;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'precache-build-'));
    const result = await build({
      configFile: join(ROOT, 'vite.config.ts'),
      build: { outDir: out, emptyOutDir: true },
      logLevel: 'silent',
    });
    output = (Array.isArray(result) ? result[0] : result) as Rollup.RollupOutput;
    precache = readPrecache(readFileSync(join(out, 'sw.js'), 'utf8'));
  }, 300_000);

  it('precaches every built-in data file, the page, the manifest and its icons; no bench page', () => {
    const urls = new Set(precache.files.map((f) => f.url));
    const data = readdirSync(join(ROOT, 'data', 'layers')).filter((f) => f.endsWith('.geojson'));
    expect(data.length).toBeGreaterThan(10);
    for (const file of data) {
      const stem = file.replace(/\.geojson$/, '');
      const built = [...urls].filter((u) => new RegExp(`^assets/${stem}-[\\w-]{8}\\.geojson$`).test(u));
      expect(built, file).toHaveLength(1);
    }
    for (const u of ['index.html', 'manifest.webmanifest', 'icons/icon-192.png', 'icons/icon-512.png'])
      expect(urls).toContain(u);
    expect([...urls].filter((u) => u.startsWith('bench/') || /\/(baseline|floor)-/.test(u))).toEqual([]);
    // each entry's hash and size are the written file's
    for (const f of precache.files) {
      const bytes = readFileSync(join(out, f.url));
      expect(f.bytes, f.url).toBe(bytes.length);
      expect(f.sha256, f.url).toBe(sha256(bytes));
    }
  });

  it("precaches every chunk, stylesheet and asset the bundler's graph reaches from the app's entry, workers included", () => {
    const urls = new Set(precache.files.map((f) => f.url));
    const byName = new Map(output.output.map((o) => [o.fileName, o]));
    const entry = output.output.find(
      (o): o is Rollup.OutputChunk => o.type === 'chunk' && o.isEntry && o.name === 'main',
    );
    if (!entry) throw new Error('no main entry chunk');
    const seen = new Set<string>();
    const walk = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      const o = byName.get(name);
      if (o?.type !== 'chunk') return;
      const meta = (
        o as Rollup.OutputChunk & { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } }
      ).viteMetadata;
      for (const n of [
        ...o.imports,
        ...o.dynamicImports,
        ...(meta?.importedCss ?? []),
        ...(meta?.importedAssets ?? []),
      ])
        walk(n);
    };
    walk(entry.fileName);
    expect(seen.size).toBeGreaterThan(20);
    for (const name of seen) expect(urls, name).toContain(name);
    const workers = output.output.filter((o): o is Rollup.OutputAsset =>
      /\.worker-[\w-]+\.js$/.test(o.fileName),
    );
    expect(workers.length).toBeGreaterThanOrEqual(4);
    for (const w of workers) expect(urls, w.fileName).toContain(w.fileName);
  });
});
