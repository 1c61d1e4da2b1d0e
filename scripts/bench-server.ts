/**
 * Server benchmark (part of `npm run bench`; alone: `npx tsx scripts/bench-server.ts`): the shared workspace
 * (server/) on a throwaway PostgreSQL + PostGIS cluster on this machine, in one run:
 *  - ingest: farmland-like layers (farmlandLayer, FARMLAND_BENCH's seed) of 10k, 100k, 300k (the bench's standard)
 *    and 1M parcels (above 800k, farmlandParts adds a second seed's parcels further north: see there), through the
 *    upload API where the GeoJSON fits the layer upload limit (256 MB), otherwise through the server's own SQL
 *    (layer_versions row, layer_features in batches of 2,000 with ST_GeomFromGeoJSON, layer_parts by ST_Subdivide)
 *    as the database's owner: the output says which;
 *  - checks (POST /api/checks) with the S, M and L projects of scripts/bench-user-layer.ts: the first check after
 *    the load, then the median of BENCH_SERVER_REPS more, next to the same check in the Node engine (screenProject
 *    on indexLayer(checkedLayerData(…).data), overlaps only as the server computes them) measured in this run: the
 *    ratio is the figure; then the warm checks again once every layer is in the tables;
 *  - tiles (GET /api/tiles/…/z/x/y.mvt) on the standard layer over a fixed list on the farmland plains at z8, z10
 *    and z12, one client then 8 at once, next to GET /api/me (HTTP and the token lookup) and an empty tile as
 *    floors; and the same 9 z12 tiles on every layer size, one client;
 *  - concurrent screeners (1, 4, 16, 64), each looping S checks on the standard layer for BENCH_SERVER_SECONDS.
 * The server runs in a child process (workspaceServer on port 0, the app role, pool EBM_POOL, default 10); the
 * clients and the Node engine run here. Prints Markdown tables; writes JSON to BENCH_SERVER_JSON (default
 * /tmp/bench-server-<time>.json).
 * Env: BENCH_SERVER_SIZES (10000,100000,300000,1000000), BENCH_SERVER_USERS (1,4,16,64), BENCH_SERVER_SECONDS (10),
 * BENCH_SERVER_REPS (5), BENCH_SERVER_TILE_LAYER (300000), EBM_POOL (10), BENCH_SERVER_FORCE_SQL=1 (every size
 * through SQL, to compare with the API's ingest).
 * Without PGHOST it runs itself again under scripts/with-postgis.sh (a throwaway cluster, dropped afterwards). It
 * always works in a database of its own (ebm_bench_<pid>, with the role ebm_bench_app), dropped at the end.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { appendAudit } from '../server/audit.ts';
import { createAccount } from '../server/auth.ts';
import { OVERLAP_SQL } from '../server/check.ts';
import { adminClient, appPool } from '../server/db/connect.ts';
import { migrate } from '../server/db/migrate.ts';
import { inClientTransaction } from '../server/db/tx.ts';
import { workspaceServer } from '../server/http.ts';
import { insertVersionFeatures, maxUploadBytes } from '../server/layers.ts';
import { TILE_SQL } from '../server/tiles.ts';
import { flatBBox } from '../web/domain/geo/bbox.ts';
import { resolveLimits } from '../web/domain/importers/index.ts';
import { checkedLayerData } from '../web/domain/projects/stored-layer.ts';
import { type ScreenOptions, screenProject } from '../web/domain/screening/engine.ts';
import {
  FARMLAND_BENCH,
  FARMLAND_PLAINS,
  farmlandLayer,
  farmlandName,
} from '../web/domain/screening/farmland-layer.ts';
import {
  featureCoordinates,
  indexLayer,
  type LayerData,
  type LayerFeatureProps,
  type LayerIndex,
} from '../web/domain/screening/layer.ts';
import { propsArray } from '../web/domain/screening/layer-props.ts';
import { seededRandom, syntheticProject } from '../web/domain/screening/synthetic-layer.ts';

const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = join(dirname(THIS_FILE), '..');

const envList = (name: string, fallback: number[]): number[] => {
  const v = process.env[name];
  if (!v) return fallback;
  const xs = v.split(',').map((s) => Number(s.trim()));
  if (xs.some((x) => !Number.isInteger(x) || x <= 0))
    throw new Error(`${name}: positive integers, comma-separated`);
  return xs;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0
    ? Number.NaN
    : s.length % 2
      ? (s[m] as number)
      : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
/** nearest-rank percentile */
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] as number);
};
/** the largest, by a loop (a spread of a long run's latencies would overflow the stack) */
const max = (xs: number[]) => {
  let m = Number.NEGATIVE_INFINITY;
  for (const x of xs) if (x > m) m = x;
  return m;
};
const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : x.toFixed(0)) : '—');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const sizeLabel = (n: number) =>
  n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1000 === 0 ? `${n / 1000}k` : String(n);
const log = (s: string) => console.log(s);
/** When each phase began and the machine's 1-minute load average then: other work on the machine shows here. */
const phases: { phase: string; at: string; load: number }[] = [];
const phase = (name: string) =>
  phases.push({ phase: name, at: new Date().toISOString().slice(11, 19), load: loadavg()[0] ?? Number.NaN });

const PROJECT_TYPE = 'linear-infrastructure';
/** What the server computes: overlap areas and verdicts, no geometry, no buffers, no nearest boundary. */
const NODE_OPTIONS: ScreenOptions = {
  projectType: PROJECT_TYPE,
  includeGeometry: false,
  nearest: false,
  buffersM: [],
};
// as scripts/bench-user-layer.ts for the farmland layer: S on the 河套 plain, M on its southern edge, L from the
// south-east reaching into it
const PROJECTS = [
  { name: 'S', geo: syntheticProject(11, 107.9, 40.85, 2, 20) },
  { name: 'M', geo: syntheticProject(11, 107.9, 40.5, 30, 200) },
  { name: 'L', geo: syntheticProject(11, 109.5, 40.0, 200, 2000) },
] as const;
type ProjectName = (typeof PROJECTS)[number]['name'];
const LEAGUES = [
  '1501',
  '1502',
  '1503',
  '1504',
  '1505',
  '1506',
  '1507',
  '1508',
  '1509',
  '1522',
  '1525',
  '1529',
];
const APP_ROLE = 'ebm_bench_app';

// ------------------------------------------------------------------------------------ the server (child process)

async function serve(): Promise<void> {
  const db = appPool(process.env.EBM_DATABASE_URL);
  const server = workspaceServer(db);
  // an upload of a large layer takes minutes: no timeout on the request itself
  server.requestTimeout = 0;
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`port ${(server.address() as AddressInfo).port}\n`);
  });
  // gone with the bench: when its parent is gone, so is the server
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0);
  }, 1000).unref();
  process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    db.end().finally(() => process.exit(0));
  });
}

function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [...process.execArgv, THIS_FILE, '--serve'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.once('exit', () => child.kill());
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}

/** Peak resident memory of a process (Linux), or NaN. */
function peakRss(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

// ------------------------------------------------------------------------------------------------ the clients

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
let PORT = 0;

interface Answer {
  status: number;
  body: Buffer;
  ms: number;
}

/**
 * One request on the keep-alive agent. A socket the server closed while it was idle (its keep-alive timeout) is
 * noticed only when written to: such a request is sent again once on a new connection, as Node's documentation
 * advises; large bodies go on a new connection from the start.
 */
function call(
  method: string,
  path: string,
  token: string,
  body?: Buffer | string,
  fresh = body !== undefined && Buffer.byteLength(body) > 2 ** 20,
): Promise<Answer> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: PORT,
        method,
        path,
        agent: fresh ? false : agent,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - t }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (req.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE'))
        call(method, path, token, body, true).then(resolve, reject);
      else reject(e);
    });
    req.end(body);
  });
}

const json = (a: Answer) => JSON.parse(a.body.toString('utf8'));

async function check(token: string, layerId: string, project: unknown) {
  const a = await call(
    'POST',
    '/api/checks',
    token,
    JSON.stringify({ layerId, project, projectType: PROJECT_TYPE }),
  );
  if (a.status !== 200)
    throw new Error(`check answered ${a.status}: ${a.body.toString('utf8').slice(0, 300)}`);
  return { ms: a.ms, overlaps: (json(a).overlaps as unknown[]).length, bytes: a.body.length };
}

// --------------------------------------------------------------------------------------------------- the layers

interface Prepared {
  parcels: number;
  layerId: string;
  fileName: string;
  /** how the layer was made (farmlandLayer's options) */
  makeup: string;
  /** the checked layer (checkedLayerData, run on chunks of the file's features and joined) */
  data: LayerData;
  /** the GeoJSON file, when it fits the upload limit */
  file?: Buffer;
  fileBytes: number;
  fileSha256: string;
  validateMs: number;
  vertexCount: number;
}

const CHUNK = 5000;

/**
 * farmlandLayer's four plains hold about 860,000 parcels (河套平原, with 35% of them, has room for
 * 301,253). Up to ROOM parcels the layer is farmlandLayer({ ...FARMLAND_BENCH, parcels }); above, farmlandLayer(ROOM)
 * and the rest from the next seed moved NORTH degrees north: the same four plains' pattern again, overlapping nothing.
 */
const ROOM = 800_000;
const NORTH = 2;
interface FarmlandPart {
  data: LayerData;
  dLat: number;
  makeup: string;
}
function farmlandParts(parcels: number): FarmlandPart[] {
  const first = Math.min(parcels, ROOM);
  const out: FarmlandPart[] = [
    {
      data: farmlandLayer({ ...FARMLAND_BENCH, parcels: first }),
      dLat: 0,
      makeup: `farmlandLayer(seed ${FARMLAND_BENCH.seed}, ${first.toLocaleString('en')})`,
    },
  ];
  if (parcels > ROOM) {
    const seed = FARMLAND_BENCH.seed + 1;
    out.push({
      data: farmlandLayer({ seed, parcels: parcels - ROOM }),
      dLat: NORTH,
      makeup: `farmlandLayer(seed ${seed}, ${(parcels - ROOM).toLocaleString('en')}) moved ${NORTH}° north`,
    });
  }
  return out;
}

function joinLayers(parts: LayerData[], meta: LayerData['meta']): LayerData {
  const sum = (f: (p: LayerData) => number) => parts.reduce((s, p) => s + f(p), 0);
  const coords = new Float64Array(sum((p) => p.coords.length));
  const ringStarts = new Uint32Array(sum((p) => p.ringStarts.length - 1) + 1);
  const partRingStarts = new Uint32Array(sum((p) => p.partRingStarts.length - 1) + 1);
  const featurePartStarts = new Uint32Array(sum((p) => p.featurePartStarts.length - 1) + 1);
  const props: LayerFeatureProps[] = [];
  let [c, r, pr, f] = [0, 0, 0, 0];
  for (const p of parts) {
    coords.set(p.coords, c);
    const v0 = c / 2;
    for (let i = 1; i < p.ringStarts.length; i++) ringStarts[r + i] = v0 + (p.ringStarts[i] as number);
    for (let i = 1; i < p.partRingStarts.length; i++)
      partRingStarts[pr + i] = r + (p.partRingStarts[i] as number);
    for (let i = 1; i < p.featurePartStarts.length; i++)
      featurePartStarts[f + i] = pr + (p.featurePartStarts[i] as number);
    for (const q of propsArray(p.props)) props.push(q);
    c += p.coords.length;
    r += p.ringStarts.length - 1;
    pr += p.partRingStarts.length - 1;
    f += p.featurePartStarts.length - 1;
  }
  return { meta, coords, ringStarts, partRingStarts, featurePartStarts, props };
}

/**
 * The farmland layer of `parcels` as an owner's GeoJSON file (name and zoneType per feature, as the scale test
 * uploads it), and the same features through the browser import's layer check (checkedLayerData), in chunks.
 */
function prepare(parcels: number): Prepared {
  const parts = farmlandParts(parcels);
  const label = sizeLabel(parcels);
  const layerId = `farmland-${label}`;
  const fileName = `farmland-${label}.geojson`;
  const n = parts.reduce((s, p) => s + p.data.featurePartStarts.length - 1, 0);
  const limit = maxUploadBytes();
  const hash = createHash('sha256');
  const buffers: Buffer[] = [];
  let bytes = 0;
  let keep = true;
  const add = (s: string) => {
    const b = Buffer.from(s, 'utf8');
    hash.update(b);
    bytes += b.length;
    if (keep && (bytes > limit || process.env.BENCH_SERVER_FORCE_SQL === '1')) {
      keep = false;
      buffers.length = 0;
    }
    if (keep) buffers.push(b);
  };
  const checked: LayerData[] = [];
  let validateMs = 0;
  add('{"type":"FeatureCollection","features":[\n');
  let partFirst = 0;
  let part = parts[0] as FarmlandPart;
  for (let from = 0; from < n; from += CHUNK) {
    const features = [];
    for (let f = from; f < Math.min(n, from + CHUNK); f++) {
      if (f - partFirst === part.data.featurePartStarts.length - 1) {
        partFirst = f;
        part = parts[parts.indexOf(part) + 1] as FarmlandPart;
      }
      const local = f - partFirst;
      const dLat = part.dLat;
      const coordinates = featureCoordinates(part.data, local).map((poly) =>
        poly.map((ring) =>
          ring.map(([x, y]) => [x as number, Math.round(((y as number) + dLat) * 1e7) / 1e7]),
        ),
      );
      features.push({
        type: 'Feature' as const,
        properties: { name: farmlandName(f + 1), zoneType: part.data.props.at(local)?.zoneType },
        geometry: { type: 'MultiPolygon' as const, coordinates },
      });
    }
    add(`${features.map((x) => JSON.stringify(x)).join(',\n')}${from + CHUNK < n ? ',\n' : '\n'}`);
    const t = performance.now();
    const c = checkedLayerData(
      { type: 'FeatureCollection', features },
      { layerId, label: fileName, firstIndex: from },
    );
    validateMs += performance.now() - t;
    if (!c.ok)
      throw new Error(`the layer check refused ${fileName}: ${c.errors.map((e) => e.en).join('; ')}`);
    checked.push(c.data);
  }
  add(']}\n');
  const data = joinLayers(checked, checked[0]?.meta ?? { id: layerId });
  return {
    parcels: n,
    layerId,
    fileName,
    makeup: parts.map((p) => p.makeup).join(' + '),
    data,
    ...(keep ? { file: Buffer.concat(buffers) } : {}),
    fileBytes: bytes,
    fileSha256: hash.digest('hex'),
    validateMs,
    vertexCount: data.coords.length / 2,
  };
}

/** The server's own insert (server/layers.ts uploadVersion), run as the database's owner. */
async function ingestSql(admin: pg.Client, owner: string, p: Prepared): Promise<void> {
  const data = p.data;
  const n = data.featurePartStarts.length - 1;
  await inClientTransaction(admin, async (tx) => {
    await tx.query(
      'insert into ebm.layers (id, name_zh, name_en) values ($1, $2, $3) on conflict (id) do nothing',
      [p.layerId, `永久基本农田（基准 ${sizeLabel(p.parcels)}）`, `Farmland bench ${sizeLabel(p.parcels)}`],
    );
    await tx.query('select 1 from ebm.layers where id = $1 for update', [p.layerId]);
    const v = await tx.query<{ n: number }>(
      'select coalesce(max(version), 0) + 1 as n from ebm.layer_versions where layer_id = $1',
      [p.layerId],
    );
    const version = v.rows[0]?.n ?? 1;
    await tx.query(
      `insert into ebm.layer_versions
         (layer_id, version, author, file_name, file_sha256, file_bytes, feature_count, vertex_count, bbox, validity)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        p.layerId,
        version,
        owner,
        p.fileName,
        p.fileSha256,
        p.fileBytes,
        n,
        p.vertexCount,
        flatBBox(data.coords, 0, p.vertexCount),
        JSON.stringify({
          warnings: [],
          note: `loaded by scripts/bench-server.ts through SQL: the GeoJSON (${p.fileBytes} bytes) is over the upload limit`,
        }),
      ],
    );
    await insertVersionFeatures(tx, p.layerId, version, data);
    await appendAudit(tx, {
      chain: 'region',
      actor: owner,
      kind: 'layer.uploaded',
      payload: {
        layerId: p.layerId,
        version,
        fileName: p.fileName,
        fileSha256: p.fileSha256,
        featureCount: n,
        warnings: 0,
        loadedBy: 'scripts/bench-server.ts (SQL: over the upload limit)',
      },
    });
  });
}

// ------------------------------------------------------------------------------------------------------- tiles

function tileXY(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

/** z8: every tile over the plains' boxes; z10 and z12: the 3 × 3 tiles around each plain's centre. */
function tileList(): { z: number; tiles: [number, number, number][] }[] {
  const out: { z: number; tiles: [number, number, number][] }[] = [];
  for (const z of [8, 10, 12]) {
    const seen = new Set<string>();
    const tiles: [number, number, number][] = [];
    for (const p of FARMLAND_PLAINS) {
      let x0: number;
      let x1: number;
      let y0: number;
      let y1: number;
      if (z === 8) {
        [x0, y0] = tileXY(p.lon - p.rx, p.lat + p.ry, z);
        [x1, y1] = tileXY(p.lon + p.rx, p.lat - p.ry, z);
      } else {
        const [cx, cy] = tileXY(p.lon, p.lat, z);
        [x0, x1, y0, y1] = [cx - 1, cx + 1, cy - 1, cy + 1];
      }
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) {
          const k = `${x}/${y}`;
          if (!seen.has(k)) {
            seen.add(k);
            tiles.push([z, x, y]);
          }
        }
      }
    }
    out.push({ z, tiles });
  }
  return out;
}

/** The 3 × 3 z12 tiles around the 河套 plain's centre, where the S project is. */
function hetaoZ12(): [number, number, number][] {
  const [cx, cy] = tileXY(107.9, 40.85, 12);
  const out: [number, number, number][] = [];
  for (let x = cx - 1; x <= cx + 1; x++) for (let y = cy - 1; y <= cy + 1; y++) out.push([12, x, y]);
  return out;
}

interface TileRun {
  /** what was asked for: z8, z10, z12, or a floor */
  what: string;
  layer: string;
  mode: 'sequential' | '8 clients';
  tiles: number;
  wallMs: number;
  perSecond: number;
  medianMs: number;
  p95Ms: number;
  medianBytes: number;
  totalBytes: number;
  errors: number;
}

async function tileRun(
  token: string,
  layerId: string,
  what: string,
  tiles: [number, number, number][],
  clients: number,
): Promise<TileRun> {
  const lat: number[] = [];
  const bytes: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < tiles.length; i = next++) {
        const [tz, x, y] = tiles[i] as [number, number, number];
        const a = await call(
          'GET',
          what === '/api/me' ? '/api/me' : `/api/tiles/${layerId}/1/${tz}/${x}/${y}.mvt`,
          token,
        );
        if (a.status !== 200) errors++;
        lat.push(a.ms);
        bytes.push(a.body.length);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  return {
    what,
    layer: layerId,
    mode: clients === 1 ? 'sequential' : '8 clients',
    tiles: tiles.length,
    wallMs,
    perSecond: (tiles.length / wallMs) * 1000,
    medianMs: median(lat),
    p95Ms: pct(lat, 95),
    medianBytes: median(bytes),
    totalBytes: bytes.reduce((s, b) => s + b, 0),
    errors,
  };
}

// ------------------------------------------------------------------------------------------ concurrent screeners

interface UsersRun {
  users: number;
  seconds: number;
  checks: number;
  perSecond: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  errors: number;
  firstError?: string;
}

async function screeners(
  tokens: string[],
  layerId: string,
  users: number,
  seconds: number,
): Promise<UsersRun> {
  // S-sized projects at seeded places on the 河套 plain, a list per user
  const projects = Array.from({ length: users }, (_, u) => {
    const rnd = seededRandom(1000 + u);
    return Array.from({ length: 16 }, (_, k) =>
      syntheticProject(100 * u + k, 107.9 + (rnd() - 0.5) * 1.6, 40.85 + (rnd() - 0.5) * 0.4, 2, 20),
    );
  });
  const lat: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    projects.map(async (list, u) => {
      for (let k = 0; performance.now() < until; k++) {
        try {
          const r = await check(tokens[u % tokens.length] as string, layerId, list[k % list.length]);
          lat.push(r.ms);
        } catch (e) {
          errors++;
          firstError ??= e instanceof Error ? e.message : String(e);
        }
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  return {
    users,
    seconds: wall,
    checks: lat.length,
    perSecond: lat.length / wall,
    medianMs: median(lat),
    p95Ms: pct(lat, 95),
    maxMs: max(lat),
    errors,
    ...(firstError ? { firstError } : {}),
  };
}

// ------------------------------------------------------------------------------------------------------ plans

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** The scans of a plan, one line each: what was read, how many rows came out and how many were read for nothing. */
function scans(node: PlanNode, out: string[] = []): string[] {
  if (node['Relation Name'] || node['Index Name']) {
    const removed = (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
    const loops = node['Actual Loops'] ?? 1;
    out.push(
      `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''} on ${node['Relation Name'] ?? '?'}: ${((node['Actual Rows'] ?? 0) * loops).toLocaleString('en')} rows kept, ${(removed * loops).toLocaleString('en')} removed by filter, ${ms(node['Actual Total Time'] ?? Number.NaN)} ms`,
    );
  }
  for (const c of node.Plans ?? []) scans(c, out);
  return out;
}

/** EXPLAIN ANALYZE of the server's tile query (server/tiles.ts) and check query (server/check.ts), as the owner. */
async function plans(admin: pg.Client, layerId: string): Promise<{ tile: string[]; check: string[] }> {
  type Explained = { Plan: PlanNode; 'Execution Time': number; JIT?: { Timing?: { Total?: number } } };
  const run = async (sql: string, params: unknown[]) =>
    (
      (await admin.query(`explain (analyze, format json) ${sql}`, params)).rows[0] as {
        'QUERY PLAN': Explained[];
      }
    )['QUERY PLAN'][0] as Explained;
  // as the server runs it (the cluster's settings: jit on), then once more with JIT off in this session
  const explain = async (sql: string, params: unknown[]) => {
    const q = await run(sql, params);
    await admin.query('set jit = off');
    const off = await run(sql, params);
    await admin.query('reset jit');
    const jit = q.JIT?.Timing?.Total;
    return [
      ...scans(q.Plan),
      `execution ${ms(q['Execution Time'])} ms${jit === undefined ? ' (no JIT)' : `, JIT compilation ${ms(jit)} ms (summed over parallel workers)`}; the same with jit = off: ${ms(off['Execution Time'])} ms`,
    ];
  };
  const [x, y] = tileXY(107.9, 40.85, 12);
  const tile = await explain(TILE_SQL, [layerId, 1, 12, x, y]);
  const m = PROJECTS[1].geo;
  const check = await explain(OVERLAP_SQL, [
    layerId,
    1,
    JSON.stringify({ type: 'MultiPolygon', coordinates: [m.coordinates] }),
  ]);
  return { tile, check };
}

// ---------------------------------------------------------------------------------------------------- the run

function dbUrl(user: string, password: string, database: string): string {
  const url = new URL('postgresql://localhost');
  url.username = user;
  url.password = password;
  url.hostname = process.env.PGHOST?.startsWith('/') ? 'localhost' : (process.env.PGHOST ?? 'localhost');
  url.port = process.env.PGPORT ?? '5432';
  url.pathname = `/${database}`;
  return url.toString();
}

interface CheckRow {
  parcels: number;
  project: ProjectName;
  overlaps: number;
  nodeOverlaps: number;
  serverFirstMs: number;
  serverWarmMs: number;
  serverWarmAllLoadedMs?: number;
  responseBytes: number;
  nodeFirstMs: number;
  nodeWarmMs: number;
}

interface IngestRow {
  parcels: number;
  layerId: string;
  makeup: string;
  vertices: number;
  fileBytes: number;
  via: 'API' | 'SQL';
  ingestMs: number;
  analyzeMs: number;
  publishMs: number;
  nodeValidateMs: number;
  nodeIndexMs: number;
  parts: number;
  tablesBytesAfter: number;
}

async function main(): Promise<void> {
  const sizes = envList('BENCH_SERVER_SIZES', [10_000, 100_000, 300_000, 1_000_000]);
  const userCounts = envList('BENCH_SERVER_USERS', [1, 4, 16, 64]);
  const seconds = Number(process.env.BENCH_SERVER_SECONDS ?? 10);
  const reps = Number(process.env.BENCH_SERVER_REPS ?? 5);
  const tileParcels = Number(
    process.env.BENCH_SERVER_TILE_LAYER ??
      (sizes.includes(FARMLAND_BENCH.parcels) ? FARMLAND_BENCH.parcels : sizes.at(-1)),
  );
  const poolSize = Number(process.env.EBM_POOL ?? 10);
  const started = new Date();
  const t0 = performance.now();
  const database = `ebm_bench_${process.pid}`;
  const appPassword = randomBytes(18).toString('base64url');

  const pgUser = process.env.PGUSER ?? 'postgres';
  const pgPassword = process.env.PGPASSWORD ?? '';
  const root = await adminClient(dbUrl(pgUser, pgPassword, process.env.PGDATABASE ?? 'postgres'));
  await root.query(`create database ${database}`);
  let admin: pg.Client | undefined;
  let server: ChildProcess | undefined;
  try {
    admin = await adminClient(dbUrl(pgUser, pgPassword, database));
    await migrate(admin, { role: APP_ROLE, password: appPassword });
    const tokens: Record<string, string> = {};
    const screenerTokens: string[] = [];
    await inClientTransaction(admin, async (tx) => {
      for (const [id, role] of [
        ['owner', 'owner'],
        ['screener', 'screener'],
        ['viewer', 'viewer'],
      ] as const) {
        tokens[id] = (await createAccount(tx, { id, role, scope: 'region', name: id })).token;
      }
      for (let u = 0; u < max(userCounts); u++) {
        const scope = LEAGUES[u % LEAGUES.length] as string;
        const id = `screener-${String(u + 1).padStart(2, '0')}`;
        screenerTokens.push((await createAccount(tx, { id, role: 'screener', scope, name: id })).token);
      }
    });

    const q1 = async <T>(sql: string): Promise<T> => (await (admin as pg.Client).query(sql)).rows[0] as T;
    const machine = {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: (await q1<{ v: string }>('select version() as v')).v,
      postgis: (await q1<{ v: string }>('select postgis_lib_version() as v')).v,
      geos: (await q1<{ v: string }>('select postgis_geos_version() as v')).v,
      settings: Object.fromEntries(
        (
          await admin.query<{ name: string; setting: string; unit: string | null }>(
            `select name, setting, unit from pg_settings
             where name in ('shared_buffers', 'work_mem', 'max_connections', 'jit', 'max_wal_size', 'effective_cache_size')`,
          )
        ).rows.map((r) => [r.name, `${r.setting}${r.unit ? ` × ${r.unit}` : ''}`]),
      ),
      pool: poolSize,
      /** 1-minute load average when the run started (other work on the machine shows here) */
      loadAtStart: loadavg()[0] ?? Number.NaN,
      commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).stdout.toString().trim(),
      dirty: spawnSync('git', ['status', '--porcelain', '--', 'server', 'web/domain'], { cwd: ROOT })
        .stdout.toString()
        .trim()
        .split('\n')
        .filter(Boolean),
    };
    log(
      `Server bench: ${machine.cores} cores, ${machine.postgres.split(' on ')[0]}, PostGIS ${machine.postgis}, GEOS ${machine.geos}, pool ${poolSize}`,
    );

    const srv = await startServer({
      ...process.env,
      EBM_DATABASE_URL: dbUrl(APP_ROLE, appPassword, database),
      EBM_POOL: String(poolSize),
    });
    server = srv.child;
    PORT = srv.port;

    const ingest: IngestRow[] = [];
    const checks: CheckRow[] = [];
    const layerOf = new Map<number, string>();
    const owner = tokens.owner as string;
    const screener = tokens.screener as string;

    for (const parcels of sizes) {
      phase(`${sizeLabel(parcels)} parcels`);
      log(`\n${parcels.toLocaleString('en')} parcels: generating, checking in Node (checkedLayerData) …`);
      const p = prepare(parcels);
      layerOf.set(parcels, p.layerId);
      let t = performance.now();
      const index: LayerIndex | undefined = indexLayer(p.data);
      const nodeIndexMs = performance.now() - t;
      const node = new Map<ProjectName, { firstMs: number; warmMs: number; overlaps: number }>();
      for (const pr of PROJECTS) {
        t = performance.now();
        const first = screenProject(pr.geo, [index], NODE_OPTIONS);
        const firstMs = performance.now() - t;
        if (!first.ok) throw new Error('the Node engine refused a bench project');
        const times: number[] = [];
        for (let i = 0; i < reps; i++) {
          t = performance.now();
          screenProject(pr.geo, [index], NODE_OPTIONS);
          times.push(performance.now() - t);
        }
        node.set(pr.name, { firstMs, warmMs: median(times), overlaps: first.result.overlaps.length });
      }
      const limits = resolveLimits({ purpose: 'layer' });
      const via: 'API' | 'SQL' = p.file ? 'API' : 'SQL';
      log(
        `  GeoJSON ${mb(p.fileBytes)}, ${p.vertexCount.toLocaleString('en')} vertices: ${
          via === 'API'
            ? 'uploading through the API'
            : `${p.fileBytes > limits.maxBytes ? `over the upload limit (${mb(limits.maxBytes)})` : 'BENCH_SERVER_FORCE_SQL'}: loading through the server's SQL as the database owner`
        } …`,
      );
      t = performance.now();
      if (p.file) {
        const a = await call(
          'POST',
          `/api/layers/${p.layerId}/versions?file=${encodeURIComponent(p.fileName)}&zh=${encodeURIComponent(`永久基本农田（基准 ${sizeLabel(parcels)}）`)}`,
          owner,
          p.file,
        );
        if (a.status !== 201)
          throw new Error(`upload answered ${a.status}: ${a.body.toString('utf8').slice(0, 500)}`);
      } else {
        await ingestSql(admin, 'owner', p);
      }
      const ingestMs = performance.now() - t;
      t = performance.now();
      await admin.query('analyze ebm.layer_features; analyze ebm.layer_parts');
      const analyzeMs = performance.now() - t;
      const pub = await call(
        'POST',
        `/api/layers/${p.layerId}/publish`,
        owner,
        JSON.stringify({ version: 1, expected: null }),
      );
      if (pub.status !== 200) throw new Error(`publish answered ${pub.status}`);
      const stats = await admin.query<{ parts: number; bytes: number }>(
        `select (select count(*) from ebm.layer_parts where layer_id = $1) as parts,
                pg_total_relation_size('ebm.layer_features') + pg_total_relation_size('ebm.layer_parts') as bytes`,
        [p.layerId],
      );
      ingest.push({
        parcels,
        layerId: p.layerId,
        makeup: p.makeup,
        vertices: p.vertexCount,
        fileBytes: p.fileBytes,
        via,
        ingestMs,
        analyzeMs,
        publishMs: pub.ms,
        nodeValidateMs: p.validateMs,
        nodeIndexMs,
        parts: stats.rows[0]?.parts ?? 0,
        tablesBytesAfter: stats.rows[0]?.bytes ?? 0,
      });
      log(`  ingest ${(ingestMs / 1000).toFixed(1)} s via ${via}; analyze ${ms(analyzeMs)} ms; checks …`);
      for (const pr of PROJECTS) {
        const first = await check(screener, p.layerId, pr.geo);
        const warm: number[] = [];
        for (let i = 0; i < reps; i++) warm.push((await check(screener, p.layerId, pr.geo)).ms);
        const nd = node.get(pr.name) as { firstMs: number; warmMs: number; overlaps: number };
        checks.push({
          parcels,
          project: pr.name,
          overlaps: first.overlaps,
          nodeOverlaps: nd.overlaps,
          serverFirstMs: first.ms,
          serverWarmMs: median(warm),
          responseBytes: first.bytes,
          nodeFirstMs: nd.firstMs,
          nodeWarmMs: nd.warmMs,
        });
        log(
          `  ${pr.name}: ${first.overlaps} overlaps, server ${ms(first.ms)} / ${ms(median(warm))} ms, Node ${ms(nd.firstMs)} / ${ms(nd.warmMs)} ms`,
        );
      }
    }

    if (sizes.length > 1) {
      phase('warm checks, every layer loaded');
      log('\nEvery layer loaded: warm checks again …');
      for (const row of checks) {
        const pr = PROJECTS.find((x) => x.name === row.project) as (typeof PROJECTS)[number];
        const layerId = layerOf.get(row.parcels) as string;
        await check(screener, layerId, pr.geo);
        const warm: number[] = [];
        for (let i = 0; i < reps; i++) warm.push((await check(screener, layerId, pr.geo)).ms);
        row.serverWarmAllLoadedMs = median(warm);
      }
    }

    const tiles: TileRun[] = [];
    const tileLayer = layerOf.get(tileParcels);
    if (tileLayer) {
      phase('tiles');
      log(`\nTiles of ${tileLayer} …`);
      const viewer = tokens.viewer as string;
      // the floor: a tile in the Alxa desert, where the layer has nothing
      const [ex, ey] = tileXY(100.5, 41.5, 12);
      const empty = Array.from({ length: 20 }, () => [12, ex, ey] as [number, number, number]);
      tiles.push(await tileRun(viewer, tileLayer, '/api/me', empty, 1));
      tiles.push(await tileRun(viewer, tileLayer, 'empty tile', empty, 1));
      for (const { z, tiles: list } of tileList()) {
        tiles.push(await tileRun(viewer, tileLayer, `z${z}`, list, 1));
        tiles.push(await tileRun(viewer, tileLayer, `z${z}`, list, 8));
        const last = tiles.at(-1) as TileRun;
        log(`  z${z}: ${list.length} tiles, ${last.perSecond.toFixed(1)} tiles/s with 8 clients`);
      }
    }
    const tilesBySize: TileRun[] = [];
    for (const parcels of sizes) {
      const layerId = layerOf.get(parcels) as string;
      tilesBySize.push(await tileRun(tokens.viewer as string, layerId, 'z12 (河套, 3 × 3)', hetaoZ12(), 1));
      log(`  ${layerId}: z12 median ${ms((tilesBySize.at(-1) as TileRun).medianMs)} ms`);
    }

    const users: UsersRun[] = [];
    const usersLayer = layerOf.get(tileParcels);
    if (usersLayer) {
      for (const n of userCounts) {
        phase(`${n} screeners`);
        log(`\n${n} concurrent screener(s), S checks on ${usersLayer} for ${seconds} s …`);
        const r = await screeners(screenerTokens, usersLayer, n, seconds);
        users.push(r);
        log(`  ${r.checks} checks, ${r.perSecond.toFixed(1)}/s, p95 ${ms(r.p95Ms)} ms, ${r.errors} errors`);
      }
    }

    phase('plans');
    const queryPlans: { layer: string; tile: string[]; check: string[] }[] = [];
    for (const parcels of new Set([Math.min(...sizes), tileParcels])) {
      const layer = layerOf.get(parcels);
      if (layer) queryPlans.push({ layer, ...(await plans(admin, layer)) });
    }

    const totals = await q1<{ checks: number; events: number; db: number }>(
      `select (select count(*) from ebm.checks) as checks, (select count(*) from ebm.audit_events) as events,
              pg_database_size(current_database()) as db`,
    );
    const serverRss = peakRss(server.pid);
    const report = {
      started: started.toISOString(),
      minutes: (performance.now() - t0) / 60_000,
      machine,
      uploadLimitBytes: maxUploadBytes(),
      ingest,
      checks,
      tiles: { layer: tileLayer, runs: tiles, bySize: tilesBySize },
      users: { layer: usersLayer, pool: poolSize, runs: users },
      plans: queryPlans,
      totals: { ...totals, serverPeakRssBytes: serverRss, loadAtEnd: loadavg()[0] ?? Number.NaN },
      phases,
    };
    const out =
      process.env.BENCH_SERVER_JSON ??
      `/tmp/bench-server-${started.toISOString().replace(/[:.]/g, '-')}.json`;
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    printReport(report, reps, seconds);
    log(`\nJSON: ${out}`);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    agent.destroy();
    await admin?.end();
    await root.query(`drop database if exists ${database} with (force)`);
    await root.query(`drop role if exists ${APP_ROLE}`).catch(() => {});
    await root.end();
  }
}

function printReport(
  r: {
    started: string;
    minutes: number;
    machine: {
      cores: number;
      cpu: string;
      memoryGiB: number;
      node: string;
      postgres: string;
      postgis: string;
      geos: string;
      settings: Record<string, string>;
      pool: number;
      loadAtStart: number;
      commit: string;
      dirty: string[];
    };
    uploadLimitBytes: number;
    ingest: IngestRow[];
    checks: CheckRow[];
    tiles: { layer: string | undefined; runs: TileRun[]; bySize: TileRun[] };
    users: { layer: string | undefined; pool: number; runs: UsersRun[] };
    plans: { layer: string; tile: string[]; check: string[] }[];
    totals: { checks: number; events: number; db: number; serverPeakRssBytes: number; loadAtEnd: number };
    phases: typeof phases;
  },
  reps: number,
  seconds: number,
): void {
  const m = r.machine;
  log(`\n## Shared workspace server (scripts/bench-server.ts), ${r.started}, ${r.minutes.toFixed(1)} min`);
  log(
    `\nMachine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB; Node ${m.node}; ${m.postgres.split(' on ')[0]}; PostGIS ${m.postgis}, GEOS ${m.geos}; commit ${m.commit}${m.dirty.length ? ` with uncommitted changes in ${m.dirty.length} file(s) of server/ or web/domain/` : ''}.`,
  );
  log(
    `PostgreSQL as pg_virtualenv makes it (defaults): ${Object.entries(m.settings)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}. Server: one Node process, pool ${m.pool}; clients and the Node engine in another; all on these ${m.cores} cores.`,
  );

  log(`\n### Ingest (upload limit ${mb(r.uploadLimitBytes)})`);
  log(
    '| parcels | vertices | GeoJSON | via | ingest | parcels/s | ANALYZE | publish | Node: layer check + index | parts | features + parts tables after |',
  );
  log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const i of r.ingest) {
    log(
      `| ${i.parcels.toLocaleString('en')} | ${i.vertices.toLocaleString('en')} | ${mb(i.fileBytes)} | ${i.via} | ${(i.ingestMs / 1000).toFixed(1)} s | ${Math.round((i.parcels / i.ingestMs) * 1000).toLocaleString('en')} | ${ms(i.analyzeMs)} ms | ${ms(i.publishMs)} ms | ${(i.nodeValidateMs / 1000).toFixed(1)} s + ${(i.nodeIndexMs / 1000).toFixed(1)} s | ${i.parts.toLocaleString('en')} | ${mb(i.tablesBytesAfter)} |`,
    );
  }
  for (const i of r.ingest) if (i.makeup.includes('+')) log(`${i.layerId}: ${i.makeup}.`);
  if (r.ingest.some((i) => i.via === 'SQL')) {
    log(
      "SQL: the GeoJSON is over the upload limit (or BENCH_SERVER_FORCE_SQL=1), so the bench ran the server's own statements (uploadVersion's insert, batches of 2,000, ST_Subdivide) as the database owner in one transaction, after the same layer check in Node (not counted in its ingest time; the API's ingest time includes the server's import and layer check, and the HTTP transfer).",
    );
  }

  log(
    `\n### Checks (POST /api/checks; first = the first check after the load, warm = median of ${reps} more; Node = screenProject on the checked layer, overlaps only, in this process)`,
  );
  log(
    '| parcels | project | overlaps (server / Node) | server first | server warm | Node first | Node warm | server ÷ Node (warm) | server warm, every layer loaded | response |',
  );
  log('|---|---|---|---|---|---|---|---|---|---|');
  for (const c of r.checks) {
    log(
      `| ${c.parcels.toLocaleString('en')} | ${c.project} | ${c.overlaps} / ${c.nodeOverlaps} | ${ms(c.serverFirstMs)} ms | ${ms(c.serverWarmMs)} ms | ${ms(c.nodeFirstMs)} ms | ${ms(c.nodeWarmMs)} ms | ${(c.serverWarmMs / c.nodeWarmMs).toFixed(1)}× | ${c.serverWarmAllLoadedMs === undefined ? '—' : `${ms(c.serverWarmAllLoadedMs)} ms`} | ${kb(c.responseBytes)} |`,
    );
  }

  if (r.tiles.runs.length) {
    log(
      `\n### Tiles of ${r.tiles.layer} (GET /api/tiles/…/z/x/y.mvt, no cache; the sequential pass first, then 8 clients over the same tiles)`,
    );
    const FLOORS: Record<string, string> = {
      '/api/me': 'floor: GET /api/me (HTTP, token lookup)',
      'empty tile': 'floor: an empty z12 tile (Alxa desert)',
    };
    const row = (t: TileRun, first: string) =>
      log(
        `| ${first} | ${t.tiles} | ${t.mode} | ${t.perSecond.toFixed(1)} | ${ms(t.medianMs)} ms | ${ms(t.p95Ms)} ms | ${kb(t.medianBytes)} | ${mb(t.totalBytes)} |${t.errors ? ` ${t.errors} errors` : ''}`,
      );
    log('| zoom | requests | clients | per second | median | p95 | median size | total |');
    log('|---|---|---|---|---|---|---|---|');
    for (const t of r.tiles.runs) row(t, FLOORS[t.what] ?? t.what);
    if (r.tiles.bySize.length) {
      log(
        `\nThe same 9 z12 tiles (3 × 3 on the 河套 plain's centre) on each layer, one client, every layer loaded:`,
      );
      log('| layer | tiles | clients | tiles/s | median | p95 | median size | total |');
      log('|---|---|---|---|---|---|---|---|');
      for (const t of r.tiles.bySize) row(t, t.layer);
    }
  }

  if (r.users.runs.length) {
    log(
      `\n### Concurrent screeners on ${r.users.layer} (each loops S-sized checks for ${seconds} s; accounts spread over the 12 leagues' audit chains; pool ${r.users.pool})`,
    );
    log('| screeners | checks | checks/s | median | p95 | max | errors |');
    log('|---|---|---|---|---|---|---|');
    for (const u of r.users.runs) {
      log(
        `| ${u.users} | ${u.checks} | ${u.perSecond.toFixed(1)} | ${ms(u.medianMs)} ms | ${ms(u.p95Ms)} ms | ${ms(u.maxMs)} ms | ${u.errors}${u.firstError ? ` (${u.firstError})` : ''} |`,
      );
    }
  }
  if (r.plans.length) {
    log(
      "\n### Where the time goes: EXPLAIN ANALYZE of the server's own queries (as the owner), every layer loaded",
    );
    for (const p of r.plans) {
      log(`\n${p.layer}, tile z12 on the 河套 plain's centre (server/tiles.ts):`);
      for (const l of p.tile) log(`- ${l}`);
      log(`\n${p.layer}, check with project M (server/check.ts):`);
      for (const l of p.check) log(`- ${l}`);
    }
  }
  log(
    `\nAfter the run: ${r.totals.checks.toLocaleString('en')} checks and ${r.totals.events.toLocaleString('en')} audit events kept; database ${mb(r.totals.db)}; server process peak RSS ${mb(r.totals.serverPeakRssBytes)}; 1-minute load average ${r.machine.loadAtStart.toFixed(2)} at the start, ${r.totals.loadAtEnd.toFixed(2)} at the end.`,
  );
  log(
    `Phases (UTC, 1-minute load average at their start; the bench's own processes count too; compare with the machine's other work): ${r.phases.map((p) => `${p.phase} ${p.at} (${p.load.toFixed(1)})`).join('; ')}.`,
  );
}

if (process.argv[2] === '--serve') {
  await serve();
} else if (!process.env.PGHOST) {
  // no database: the same command again inside a throwaway cluster
  const r = spawnSync(
    join(ROOT, 'scripts', 'with-postgis.sh'),
    [process.execPath, ...process.execArgv, THIS_FILE, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
} else {
  main().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  });
}
