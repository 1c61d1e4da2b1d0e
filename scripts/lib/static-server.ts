import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { markWorkspacePage } from '../../web/domain/workspace/page-mark.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  /** Cuts the network (true): open connections are dropped and every request's connection is closed unanswered. */
  setOffline(offline: boolean): void;
  close(): Promise<void>;
}

/**
 * Serves a built app from a folder on 127.0.0.1 (a free port), uncompressed, for tests and benchmarks. `api`, when
 * given, answers every request under /api/ (the workspace server's routes, on the app's own origin), and the
 * app's page is marked as the workspace server marks it.
 */
export async function serveDir(dir: string, api?: RequestListener): Promise<StaticServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`${root}/index.html not found: build the app first`);
  let offline = false;
  const server: Server = createServer((req, res) => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    if (api && req.url?.startsWith('/api/')) {
      api(req, res);
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    // with the workspace's API the app's page is marked as the workspace server marks it
    if (api && extname(file) === '.html') res.end(markWorkspacePage(readFileSync(file, 'utf8')));
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setOffline(off) {
      offline = off;
      if (off) server.closeAllConnections();
    },
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
