// The workspace's HTTP API (JSON under /api/) and, when given, the built app's files. Every /api/ call but
// /api/health needs a bearer token; errors are { error, … } with their status and nothing more.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type pg from 'pg';
import { appendAudit, auditEvents, verifyAudit } from './audit.ts';
import { accountFor, requireRight } from './auth.ts';
import { checkShared } from './check.ts';
import { HttpError } from './http-error.ts';
import { listLayers, maxUploadBytes, publishVersion, uploadVersion } from './layers.ts';
import { layerTile } from './tiles.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
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

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export function workspaceServer(db: pg.Pool, opts: { staticDir?: string } = {}): Server {
  return createServer((req, res) => {
    handle(db, req, res, opts).catch((e: unknown) => {
      if (res.headersSent) return res.destroy();
      if (e instanceof HttpError) return send(res, e.status, { error: e.code, ...e.body });
      console.error(e);
      send(res, 500, { error: 'internal' });
    });
  });
}

async function handle(
  db: pg.Pool,
  req: IncomingMessage,
  res: ServerResponse,
  opts: { staticDir?: string },
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (!path.startsWith('/api/')) return serveStatic(res, path, opts.staticDir);
  if (path === '/api/health' && method === 'GET') {
    await db.query('select 1');
    return send(res, 200, { ok: true });
  }
  const account = await accountFor(db, req.headers.authorization);
  let m: RegExpExecArray | null;
  if (path === '/api/me' && method === 'GET') return send(res, 200, account);
  if (path === '/api/layers' && method === 'GET') return send(res, 200, await listLayers(db, account));
  if ((m = /^\/api\/layers\/([^/]+)\/versions$/.exec(path)) && method === 'POST') {
    requireRight(account, 'publish', 'region');
    const bytes = await readBody(req, maxUploadBytes());
    const name = url.searchParams.get('file') ?? 'layer.geojson';
    const names = { zh: url.searchParams.get('zh') ?? undefined, en: url.searchParams.get('en') ?? undefined };
    return send(res, 201, await uploadVersion(db, account, m[1] as string, { name, bytes }, names));
  }
  if ((m = /^\/api\/layers\/([^/]+)\/publish$/.exec(path)) && method === 'POST') {
    requireRight(account, 'publish', 'region');
    const b = await readJson(req);
    const version = b.version;
    const expected = b.expected ?? null;
    if (typeof version !== 'number' || (expected !== null && typeof expected !== 'number'))
      throw new HttpError(400, 'bad-request', { detail: 'version, expected' });
    return send(res, 200, await publishVersion(db, account, m[1] as string, version, expected));
  }
  if ((m = /^\/api\/tiles\/([^/]+)\/(\d+)\/(\d+)\/(\d+)\/(\d+)\.mvt$/.exec(path)) && method === 'GET') {
    const [, id, v, z, x, y] = m;
    const tile = await layerTile(db, account, id as string, Number(v), Number(z), Number(x), Number(y));
    res.writeHead(200, {
      'content-type': 'application/vnd.mapbox-vector-tile',
      // private: the server's access rules apply to every tile
      'cache-control': 'private, max-age=31536000, immutable',
    });
    return void res.end(tile);
  }
  if (path === '/api/checks' && method === 'POST') {
    requireRight(account, 'check');
    const b = await readJson(req);
    return send(res, 200, await checkShared(db, account, { ...b, layerId: b.layerId, project: b.project }));
  }
  if (path === '/api/audit/verify' && method === 'GET') {
    requireRight(account, 'administer', 'region');
    const report = await verifyAudit(db);
    const client = await db.connect();
    try {
      await client.query('begin');
      await appendAudit(client, {
        chain: 'region',
        actor: account.id,
        kind: 'audit.verified',
        payload: { chains: report.chains.length, breaks: report.breaks.length },
      });
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    return send(res, report.breaks.length ? 409 : 200, report);
  }
  if (path === '/api/audit/export' && method === 'GET') {
    requireRight(account, 'administer', 'region');
    const chain = url.searchParams.get('chain') ?? undefined;
    const events = await auditEvents(db, chain);
    res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
    return void res.end(events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  }
  throw new HttpError(404, 'not-found');
}

function serveStatic(res: ServerResponse, path: string, dir: string | undefined): void {
  if (!dir) return send(res, 404, { error: 'not-found' });
  const rel = normalize(decodeURIComponent(path === '/' ? '/index.html' : path));
  const file = join(dir, rel);
  if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    return send(res, 404, { error: 'not-found' });
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}
