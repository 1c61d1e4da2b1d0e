import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GEODATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'geodata');

const INSTALLED = join(GEODATA, 'node_modules', '.installed');
const LOCK = join(GEODATA, '.install-lock');
const STALE_LOCK_MS = 10 * 60_000;

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The source packages live in scripts/geodata so the app's own install stays small; install them on first use.
 * Test files run in parallel processes and may all ask at once: one installs (`npm ci` first empties
 * node_modules) under a lock directory while the others wait for its completion mark.
 */
export function ensureGeodata(): void {
  if (existsSync(INSTALLED)) return;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (existsSync(INSTALLED)) return;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS)
          rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // the lock went away between the two calls: try again
      }
      pause(500);
    }
  }
  try {
    if (existsSync(INSTALLED)) return;
    process.stderr.write('Installing source data packages into scripts/geodata (one time) …\n');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: GEODATA,
      stdio: 'inherit',
    });
    writeFileSync(INSTALLED, `${new Date().toISOString()}\n`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export function readGeodataJson<T>(relPath: string): T {
  ensureGeodata();
  return JSON.parse(readFileSync(join(GEODATA, 'node_modules', relPath), 'utf8')) as T;
}

import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';

/** Build-only packages, resolved from scripts/geodata rather than the app's node_modules. */
export interface TopojsonKit {
  topology(objects: Record<string, unknown>, quantization?: number): Topology;
  presimplify(topology: Topology): Topology;
  simplify(topology: Topology, minWeight: number): Topology;
}

export function topojsonKit(): TopojsonKit {
  ensureGeodata();
  const req = createRequire(join(GEODATA, 'package.json'));
  const server = req('topojson-server') as Pick<TopojsonKit, 'topology'>;
  const simp = req('topojson-simplify') as Pick<TopojsonKit, 'presimplify' | 'simplify'>;
  return { topology: server.topology, presimplify: simp.presimplify, simplify: simp.simplify };
}
