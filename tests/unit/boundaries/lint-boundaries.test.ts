/**
 * The import boundaries in biome.json, checked by running Biome on probe files written into web/domain and
 * layers/: each forbidden import must fail with noRestrictedImports, and a clean probe must pass (so a config
 * that forbids everything, or nothing, fails here).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const BIOME = join(ROOT, 'node_modules/.bin/biome');
const DOMAIN_DIR = join(ROOT, 'web/domain', `zz-lint-probe-${process.pid}`);
const LAYERS_DIR = join(ROOT, 'layers', `zz-lint-probe-${process.pid}`);

/** Probe name → import line. The directory is one level below web/domain (or layers/), like web/domain/plan. */
const DOMAIN_FORBIDDEN: Record<string, string> = {
  'zustand-middleware': "import { persist } from 'zustand/middleware';\nexport const probe = persist;",
  'app-store': "import { useStore } from '../../src/store/store.ts';\nexport const probe = useStore;",
  'app-storage': "import * as s from '../../src/storage/indexeddb-storage.ts';\nexport const probe = s;",
  'react-dom-client': "import { createRoot } from 'react-dom/client';\nexport const probe = createRoot;",
  'terra-draw': "import { TerraDraw } from 'terra-draw';\nexport const probe = TerraDraw;",
  'maplibre-type':
    "import type { StyleSpecification } from 'maplibre-gl';\nexport type Probe = StyleSpecification;",
  'dynamic-react': "export const probe = () => import('react');",
  'node-fs': "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;",
};
const LAYERS_FORBIDDEN: Record<string, string> = {
  'react-jsx': "import { jsx } from 'react/jsx-runtime';\nexport const probe = jsx;",
  'zustand-vanilla': "import { createStore } from 'zustand/vanilla';\nexport const probe = createStore;",
  'app-store': "import { useStore } from '../../web/src/store/store.ts';\nexport const probe = useStore;",
};
const CLEAN = "import { LEAGUES } from '../zones/leagues.ts';\nexport const probe = LEAGUES.length;";
const CLEAN_LAYERS = "import type { LayerDef } from '../types.ts';\nexport type Probe = LayerDef;";

interface Finding {
  file: string;
  rule: string;
}

/** Runs `biome lint` with the GitHub reporter and returns the findings per file (paths relative to the root). */
function lint(files: string[]): { status: number | null; findings: Finding[] } {
  const r = spawnSync(BIOME, ['lint', '--reporter=github', ...files], { cwd: ROOT, encoding: 'utf8' });
  const findings: Finding[] = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^::error title=([^,]+),file=([^,]+),/.exec(line);
    if (m?.[1] && m[2]) findings.push({ rule: m[1], file: relative(ROOT, m[2]) });
  }
  return { status: r.status, findings };
}

function writeProbes(dir: string, probes: Record<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(probes).map(([name, source]) => {
    const path = join(dir, `${name}.ts`);
    writeFileSync(path, `${source}\n`);
    return relative(ROOT, path);
  });
}

describe('import boundaries (biome noRestrictedImports)', () => {
  let domainFiles: string[] = [];
  let layerFiles: string[] = [];
  let cleanFiles: string[] = [];
  let result: ReturnType<typeof lint>;

  beforeAll(() => {
    domainFiles = writeProbes(DOMAIN_DIR, DOMAIN_FORBIDDEN);
    layerFiles = writeProbes(LAYERS_DIR, LAYERS_FORBIDDEN);
    cleanFiles = [
      ...writeProbes(DOMAIN_DIR, { clean: CLEAN }),
      ...writeProbes(LAYERS_DIR, { clean: CLEAN_LAYERS }),
    ];
    result = lint([...domainFiles, ...layerFiles, ...cleanFiles]);
  });

  afterAll(() => {
    rmSync(DOMAIN_DIR, { recursive: true, force: true });
    rmSync(LAYERS_DIR, { recursive: true, force: true });
  });

  it('every forbidden import from web/domain and layers/ fails with noRestrictedImports', () => {
    expect(result.status).not.toBe(0);
    for (const file of [...domainFiles, ...layerFiles]) {
      const rules = result.findings.filter((f) => f.file === file).map((f) => f.rule);
      expect(rules, file).toEqual(['lint/style/noRestrictedImports']);
    }
  });

  it('the clean probes pass', () => {
    for (const file of cleanFiles) {
      expect(
        result.findings.filter((f) => f.file === file),
        file,
      ).toEqual([]);
    }
    const alone = lint(cleanFiles);
    expect(alone.findings).toEqual([]);
    expect(alone.status).toBe(0);
  });
});

describe('web/domain type-checks without the DOM, WebWorker and Node libraries (tsconfig.domain.json)', () => {
  const dir = join(ROOT, 'web/domain', `zz-tsc-probe-${process.pid}`);
  const probes: Record<string, string> = {
    document: 'export const probe = document.title;',
    'indexed-db': 'export const probe = indexedDB.open("x");',
    'dom-parser': 'export const probe = new DOMParser();',
    buffer: 'export const probe = Buffer.from("x");',
    process: 'export const probe = process.env.HOME;',
  };
  const clean = [
    "import { LEAGUES } from '../zones/leagues.ts';",
    'export const a = new TextDecoder("gb18030", { fatal: true }).decode(new TextEncoder().encode("x"));',
    'export const b = structuredClone(LEAGUES).length + performance.now();',
    'export const c = crypto.randomUUID();',
  ].join('\n');

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('browser and Node globals are type errors there; the shared platform APIs are not', () => {
    writeProbes(dir, { ...probes, clean });
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../../../tsconfig.domain.json', include: ['*.ts', '../platform.d.ts'] }),
    );
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', relative(ROOT, dir), '--noEmit'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const errorsIn = (name: string) =>
      r.stdout.split('\n').filter((l) => l.includes(`zz-tsc-probe-${process.pid}/${name}.ts(`));
    const missing: Record<string, string> = {
      document: 'document',
      'indexed-db': 'indexedDB',
      'dom-parser': 'DOMParser',
      buffer: 'Buffer',
      process: 'process',
    };
    for (const [name, global] of Object.entries(missing)) {
      expect(errorsIn(name).join('\n'), name).toMatch(
        new RegExp(`error TS\\d+: Cannot find name '${global}'`),
      );
    }
    expect(errorsIn('clean')).toEqual([]);
  });
});
