// The workspace's HTTP API (JSON under /api/) and, when given, the built app's files. Every /api/ call but
// /api/health needs a bearer token; errors are { error, … } with their status and nothing more.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type pg from 'pg';
import { markWorkspacePage } from '../web/domain/workspace/page-mark.ts';
import { appendAudit, auditEvents, verifyAudit } from './audit.ts';
import { type Account, accountFor, requireRight } from './auth.ts';
import { checkRecord, checkShared } from './check.ts';
import { inTransaction } from './db/tx.ts';
import { HttpError, isDbInt } from './http-error.ts';
import { listLayers, maxUploadBytes, publishVersion, uploadVersion } from './layers.ts';
import { addObservations, listObservations, withdrawObservation } from './observations.ts';
import { layerTile } from './tiles.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
};

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, 'too-large', { limit });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new HttpError(413, 'too-large', { limit });
    chunks.push(c as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function readJson(req: IncomingMessage, limit = 16 * 2 ** 20): Promise<Record<string, unknown>> {
  const bytes = await readBody(req, limit);
  try {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    // answered below
  }
  throw new HttpError(400, 'bad-json');
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** The workspace's request handler: the API, and the app's files from `staticDir` when given. */
export function workspaceHandler(db: pg.Pool, opts: { staticDir?: string } = {}): RequestListener {
  return (req, res) => {
    handle(db, req, res, opts).catch((e: unknown) => {
      if (res.headersSent) return res.destroy();
      if (e instanceof HttpError) return send(res, e.status, { error: e.code, ...e.body });
      console.error(e);
      send(res, 500, { error: 'internal' });
    });
  };
}

export function workspaceServer(db: pg.Pool, opts: { staticDir?: string } = {}): Server {
  return createServer(workspaceHandler(db, opts));
}

type Ctx = {
  db: pg.Pool;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  account: Account;
  m: string[];
};
type Route = [method: string, path: RegExp, run: (c: Ctx) => Promise<void>];

const ROUTES: Route[] = [
  ['GET', /^\/api\/me$/, async (c) => send(c.res, 200, c.account)],
  ['GET', /^\/api\/layers$/, async (c) => send(c.res, 200, await listLayers(c.db, c.account))],
  [
    'POST',
    /^\/api\/layers\/([^/]+)\/versions$/,
    async (c) => {
      // uploadVersion checks this right too; here it refuses before up to maxUploadBytes of body are read
      requireRight(c.account, 'publish', 'region');
      const bytes = await readBody(c.req, maxUploadBytes());
      const q = c.url.searchParams;
      const names = { zh: q.get('zh') ?? undefined, en: q.get('en') ?? undefined };
      const file = { name: q.get('file') ?? 'layer.geojson', bytes };
      send(c.res, 201, await uploadVersion(c.db, c.account, c.m[1] as string, file, names));
    },
  ],
  [
    'POST',
    /^\/api\/layers\/([^/]+)\/publish$/,
    async (c) => {
      const b = await readJson(c.req);
      const version = b.version;
      const expected = b.expected ?? null;
      if (!isDbInt(version) || (expected !== null && !isDbInt(expected)))
        throw new HttpError(400, 'bad-request', { detail: 'version, expected' });
      send(c.res, 200, await publishVersion(c.db, c.account, c.m[1] as string, version, expected));
    },
  ],
  [
    'GET',
    /^\/api\/tiles\/([^/]+)\/(\d+)\/(\d+)\/(\d+)\/(\d+)\.mvt$/,
    async (c) => {
      const [, id, v, z, x, y] = c.m;
      // a version past the database's integers is no version kept
      if (!isDbInt(Number(v))) throw new HttpError(404, 'no-such-version');
      const tile = await layerTile(c.db, c.account, id as string, Number(v), Number(z), Number(x), Number(y));
      c.res.writeHead(200, {
        'content-type': 'application/vnd.mapbox-vector-tile',
        // private: the server's access rules apply to every tile
        'cache-control': 'private, max-age=31536000, immutable',
      });
      c.res.end(tile);
    },
  ],
  [
    'POST',
    /^\/api\/checks$/,
    async (c) => {
      const b = await readJson(c.req);
      send(c.res, 200, await checkShared(c.db, c.account, { ...b, layerId: b.layerId, project: b.project }));
    },
  ],
  ['GET', /^\/api\/observations$/, async (c) => send(c.res, 200, await listObservations(c.db, c.account))],
  [
    'POST',
    /^\/api\/observations$/,
    async (c) => {
      send(c.res, 201, await addObservations(c.db, c.account, await readJson(c.req)));
    },
  ],
  [
    'POST',
    /^\/api\/observations\/(\d+)\/withdraw$/,
    async (c) => {
      const b = await readJson(c.req);
      const id = Number(c.m[1]);
      if (!isDbInt(id)) throw new HttpError(404, 'no-such-observation');
      send(c.res, 200, await withdrawObservation(c.db, c.account, id, b.reason));
    },
  ],
  [
    'GET',
    /^\/api\/checks\/(\d+)$/,
    async (c) => {
      const id = Number(c.m[1]);
      if (!isDbInt(id)) throw new HttpError(404, 'no-such-check');
      send(c.res, 200, await checkRecord(c.db, c.account, id));
    },
  ],
  [
    'GET',
    /^\/api\/audit\/verify$/,
    async (c) => {
      requireRight(c.account, 'administer', 'region');
      const report = await verifyAudit(c.db);
      await inTransaction(c.db, async (tx) => {
        await appendAudit(tx, {
          chain: 'region',
          actor: c.account.id,
          kind: 'audit.verified',
          payload: { chains: report.chains.length, breaks: report.breaks.length },
        });
      });
      send(c.res, report.breaks.length ? 409 : 200, report);
    },
  ],
  [
    'GET',
    /^\/api\/audit\/export$/,
    async (c) => {
      requireRight(c.account, 'administer', 'region');
      const events = await auditEvents(c.db, c.url.searchParams.get('chain') ?? undefined);
      c.res.writeHead(200, {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'cache-control': 'no-store',
      });
      c.res.end(events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    },
  ],
];

async function handle(
  db: pg.Pool,
  req: IncomingMessage,
  res: ServerResponse,
  opts: { staticDir?: string },
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = req.method ?? 'GET';
  if (!url.pathname.startsWith('/api/')) return serveStatic(res, url.pathname, opts.staticDir);
  if (url.pathname === '/api/health' && method === 'GET') {
    await db.query('select 1');
    return send(res, 200, { ok: true });
  }
  const account = await accountFor(db, req.headers.authorization);
  for (const [verb, pattern, run] of ROUTES) {
    const m = pattern.exec(url.pathname);
    if (m && verb === method) return run({ db, req, res, url, account, m: [...m] });
  }
  throw new HttpError(404, 'not-found');
}

function serveStatic(res: ServerResponse, path: string, dir: string | undefined): void {
  let rel: string | undefined;
  try {
    rel = normalize(decodeURIComponent(path === '/' ? '/index.html' : path));
  } catch {
    rel = undefined;
  }
  const file = dir && rel ? join(dir, rel) : '';
  if (!dir || !file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    send(res, 404, { error: 'not-found' });
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  if (extname(file) === '.html') {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
    res.end(markWorkspacePage(readFileSync(file, 'utf8')));
    return;
  }
  res.writeHead(200, { 'content-type': type });
  createReadStream(file).pipe(res);
}
