// npm run bench: the production build in headless Chromium.
//  1. first paint: the app against a bare-maplibre baseline in the same run (medians of BENCH_RUNS runs);
//  2. large user layers in the browser (scripts/bench-user-layer.ts): import and check phases against the
//     browser's own fetch + JSON.parse, S/M/L checks against the Node engine, reload to ready;
//  3. the screening engine's benchmark in Node (scripts/bench-screening.ts);
//  4. the shared workspace server on a throwaway PostgreSQL + PostGIS cluster (scripts/bench-server.ts): ingest and
//     check latency against layer size (10k to 1M parcels) next to the Node engine, tiles per second, concurrent
//     screeners held (its env: BENCH_SERVER_*, EBM_POOL).
// Flags: --map-only (1 only), --screening-only (2 only), --server-only (4 only, no build), --floor (1 also measures
// bench/floor.html's pages). Env: BENCH_RUNS (default 7), BENCH_FARMLAND_PARCELS
// (default 300000), BENCH_USER_LAYERS (redline,farmland: which layers part 2 loads), BENCH_SERVICE_WORKERS=block (part 2
// with service workers blocked), BENCH_SKIP_PANZOOM (part 2 without pan and zoom).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { benchUserLayer } from './bench-user-layer.ts';
import { launchChromium } from './lib/chromium.ts';
import { type StaticServer, serveDir } from './lib/static-server.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_DIST: another output folder (e.g. dist-bench-<name>), so that two benches can run side by side;
// BENCH_PREBUILT=1: serve that folder as it is, not built from the working tree first (A/B runs of two builds)
const DIST = join(ROOT, process.env.BENCH_DIST ?? 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Load {
  idleMs: number;
  js: { raw: number; gz: number };
  data: { raw: number; gz: number };
  other: { raw: number; gz: number };
  files: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

const sizeCache = new Map<string, { raw: number; gz: number }>();
function sizeOf(urlPath: string): { raw: number; gz: number } {
  const file = join(DIST, decodeURIComponent(urlPath));
  const hit = sizeCache.get(file);
  if (hit) return hit;
  const buf = readFileSync(file);
  const s = { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length };
  sizeCache.set(file, s);
  return s;
}

async function measure(url: string): Promise<Load> {
  const ctx = await launchChromium();
  try {
    const page = await ctx.newPage();
    const requested: { url: string; startedAt: number }[] = [];
    ctx.on('requestfinished', (r) => requested.push({ url: r.url(), startedAt: r.timing().startTime }));
    await page.goto(url);
    const handle = await page.waitForFunction(
      () => performance.getEntriesByName('map-first-idle')[0]?.startTime,
      null,
      {
        timeout: 60_000,
      },
    );
    const idleMs = (await handle.jsonValue()) as number;
    // the idle on the requests' clock (ms since the epoch): what the page asks for once idle (the app's panels) is
    // not counted, however soon it finishes
    const idleAt = (await page.evaluate(() => performance.timeOrigin)) + idleMs;
    // Requests from maplibre's worker do not show in the page's resource timing; the browser context sees them all.
    const entries = [
      ...new Set(
        requested
          .filter((r) => r.url.startsWith('http') && r.startedAt <= idleAt)
          .map((r) => new URL(r.url).pathname),
      ),
    ];
    const load: Load = {
      idleMs,
      js: { raw: 0, gz: 0 },
      data: { raw: 0, gz: 0 },
      other: { raw: 0, gz: 0 },
      files: [],
    };
    for (const path of entries) {
      const p = path.endsWith('/') ? `${path}index.html` : path;
      if (!existsSync(join(DIST, p))) continue;
      const s = sizeOf(p);
      const bucket = /\.m?js$/.test(p) ? load.js : /\.(geo)?json$|\.bin$/.test(p) ? load.data : load.other;
      bucket.raw += s.raw;
      bucket.gz += s.gz;
      load.files.push(p);
    }
    return load;
  } finally {
    await ctx.close();
  }
}

function summarise(runs: Load[]) {
  return {
    idleMs: median(runs.map((r) => r.idleMs)),
    js: { raw: median(runs.map((r) => r.js.raw)), gz: median(runs.map((r) => r.js.gz)) },
    data: { raw: median(runs.map((r) => r.data.raw)), gz: median(runs.map((r) => r.data.gz)) },
    other: { raw: median(runs.map((r) => r.other.raw)), gz: median(runs.map((r) => r.other.gz)) },
  };
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

const mapOnly = process.argv.includes('--map-only');
const screeningOnly = process.argv.includes('--screening-only');
const serverOnly = process.argv.includes('--server-only');
const withFloor = process.argv.includes('--floor');

/** Part 4: the server bench in a process of its own (a throwaway cluster, or a database of its own under PGHOST). */
function serverBench(): void {
  const bench = join(ROOT, 'scripts', 'bench-server.ts');
  console.log('\nShared workspace server benchmark (scripts/bench-server.ts) …');
  const r = spawnSync('npx', ['tsx', bench], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}

/**
 * `--floor`: bare maplibre (bench/floor.html) given the app's start-up style, whole or in part, measured in the same
 * runs: what drawing that content costs in this browser without any of the app's code.
 */
const FLOOR: [string, string][] = [
  ['bare maplibre + region outline only', 'layers=region&types=line'],
  ['bare maplibre + leagues only (fill, line)', 'layers=leagues&types=fill,line'],
  ['bare maplibre + region and leagues (fill, line)', 'layers=region,leagues&types=fill,line'],
  // the least a start-up map that names the region's 12 leagues draws
  ['bare maplibre + region and leagues with their names', 'layers=region,leagues'],
  ["bare maplibre + the app's start-up style, no labels", 'types=fill,line'],
  ["bare maplibre + the app's start-up style", ''],
  ["bare maplibre + the app's start-up style, drawn as tiles arrive", 'progressive=1'],
];

async function firstPaint(server: StaticServer) {
  const app: Load[] = [];
  const base: Load[] = [];
  const floor: number[][] = FLOOR.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    // Interleaved so that drift on the machine affects both alike.
    base.push(await measure(`${server.url}bench/baseline.html`));
    app.push(await measure(server.url));
    if (withFloor) {
      for (const [j, [, query]] of FLOOR.entries()) {
        floor[j]?.push((await measure(`${server.url}bench/floor.html?${query}`)).idleMs);
      }
    }
    process.stdout.write(
      `  run ${i + 1}/${RUNS}: app ${app[i]?.idleMs.toFixed(0)} ms, baseline ${base[i]?.idleMs.toFixed(0)} ms\n`,
    );
  }
  const a = summarise(app);
  const b = summarise(base);
  console.log(`\nMap: production build, headless Chromium (SwiftShader WebGL), medians of ${RUNS} runs`);
  console.log(
    "Each run is a first visit in a fresh browser profile with the service worker as shipped: it registers after the first map idle, so its offline copy's download starts after what is measured here.",
  );
  console.log('| measure | app | baseline (bare maplibre) | ratio | target |');
  console.log('|---|---|---|---|---|');
  const row = (name: string, x: number, y: number, fmt: (n: number) => string, target: string) =>
    console.log(`| ${name} | ${fmt(x)} | ${fmt(y)} | ${y > 0 ? (x / y).toFixed(2) : '—'}× | ${target} |`);
  const idleRatio = a.idleMs / b.idleMs;
  row(
    'navigation → first map idle',
    a.idleMs,
    b.idleMs,
    (n) => `${n.toFixed(0)} ms`,
    `≤ 1.5× baseline: ${idleRatio <= 1.5 ? 'met' : 'NOT met'}`,
  );
  row(
    'JS before first idle (gzip)',
    a.js.gz,
    b.js.gz,
    kb,
    `≤ 300 kB: ${a.js.gz <= 300_000 ? 'met' : 'NOT met'}`,
  );
  row('JS before first idle (raw)', a.js.raw, b.js.raw, kb, '');
  row('data before first idle (gzip)', a.data.gz, b.data.gz, kb, '≤ 400 kB');
  row('data before first idle (raw)', a.data.raw, b.data.raw, kb, '');
  row('HTML + CSS before first idle (gzip)', a.other.gz, b.other.gz, kb, '');
  if (withFloor) {
    console.log(`\nFloor: navigation → first map idle, medians of ${RUNS} runs, the same runs as above`);
    console.log('| page | first idle | ratio to bare maplibre |');
    console.log('|---|---|---|');
    const line = (name: string, ms: number) =>
      console.log(`| ${name} | ${ms.toFixed(0)} ms | ${(ms / b.idleMs).toFixed(2)}× |`);
    line('bare maplibre, background only (baseline)', b.idleMs);
    for (const [j, [name]] of FLOOR.entries()) line(name, median(floor[j] ?? []));
    line('the app', a.idleMs);
    // what the app's own code adds to drawing its start-up content: the floor page given the whole start-up style
    const whole = median(floor[FLOOR.findIndex(([, query]) => query === '')] ?? []);
    if (whole > 0)
      console.log(
        `the app ÷ bare maplibre given the app's start-up style: ${(a.idleMs / whole).toFixed(2)}× (${a.idleMs.toFixed(0)} ÷ ${whole.toFixed(0)} ms)`,
      );
  }
  console.log(`\nFiles loaded before first idle (app): ${app[0]?.files.join(', ')}`);
  const verdict = [
    idleRatio <= 1.5 ? 'first idle within 1.5× bare maplibre' : 'FIRST IDLE OVER 1.5× BARE MAPLIBRE',
    a.js.gz <= 300_000 ? 'JS within 300 kB gzip' : 'JS OVER 300 kB GZIP',
    a.data.gz <= 400_000 ? 'data within target' : 'DATA OVER TARGET',
  ];
  console.log(verdict.join('; '));
}

async function main() {
  if (serverOnly) return serverBench();
  if (process.env.BENCH_PREBUILT) console.log(`Serving ${DIST} as built (BENCH_PREBUILT)`);
  else {
    console.log('Building the production app (vite build) …');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', DIST], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const server = await serveDir(DIST);
  try {
    if (!screeningOnly) await firstPaint(server);
    if (!mapOnly) {
      console.log(
        "\n## Large user layers in the browser (one run; ratios to the browser's fetch + JSON.parse of the same file, same page)",
      );
      await benchUserLayer(server, DIST, (line) => console.log(line));
    }
  } finally {
    await server.close();
  }

  if (!mapOnly && !screeningOnly) {
    const screening = join(ROOT, 'scripts', 'bench-screening.ts');
    if (existsSync(screening)) {
      console.log('\nScreening engine benchmark (scripts/bench-screening.ts) …');
      const r = spawnSync('npx', ['tsx', screening], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) process.exitCode = r.status ?? 1;
    }
    serverBench();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
