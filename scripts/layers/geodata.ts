import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GEODATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'geodata');

/** The source packages live in scripts/geodata so the app's own install stays small; install them on first use. */
export function ensureGeodata(): void {
  if (existsSync(join(GEODATA, 'node_modules', 'echarts', 'package.json'))) return;
  process.stderr.write('Installing source data packages into scripts/geodata (one time) …\n');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: GEODATA,
    stdio: 'inherit',
  });
}

export function readGeodataJson<T>(relPath: string): T {
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
  const req = createRequire(join(GEODATA, 'package.json'));
  const server = req('topojson-server') as Pick<TopojsonKit, 'topology'>;
  const simp = req('topojson-simplify') as Pick<TopojsonKit, 'presimplify' | 'simplify'>;
  return { topology: server.topology, presimplify: simp.presimplify, simplify: simp.simplify };
}
