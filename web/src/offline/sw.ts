/**
 * The service worker (built into sw.js by scripts/vite/service-worker-plugin.ts, which puts the build's precache
 * on the line before this code). Install: every file of the precache into this version's cache, each checked
 * against its SHA-256 (a file already cached by an earlier version with the same bytes is copied, not fetched
 * again); the pages are told the progress. Activate: earlier versions' caches are deleted. Fetch: a same-origin
 * GET of a precached file is answered from the cache, a navigation to the app from the cached index.html;
 * everything else (the online basemap's tiles above all) goes to the network untouched and is never cached.
 * A waiting version takes over only when a page asks (the user's click on "new version — reload").
 * Messages are described in offline-messages.ts; this file is a classic script and imports nothing.
 */

interface PrecacheEntry {
  url: string;
  sha256: string;
  bytes: number;
  /** other bytes the build's server may send (the page as the workspace server marks it) */
  also?: string[];
}
declare const EBM_PRECACHE: { version: string; files: PrecacheEntry[] };

export {}; // a module for the type checker (its names stay out of the app's globals); the build drops the line

const sw = self as unknown as ServiceWorkerGlobalScope;
const PREFIX = 'ebm-precache-';
const VERSION = EBM_PRECACHE.version;
const CACHE = `${PREFIX}${VERSION}`;
const scope = sw.registration.scope;
const absolute = (url: string) => new URL(url, scope).href;
/** A record in the cache itself: this version complete, and when. */
const META_URL = absolute('__ebm-precache-complete');
const INDEX_URL = absolute('index.html');
const FILES = new Map(EBM_PRECACHE.files.map((f) => [absolute(f.url), f]));
const TOTAL = EBM_PRECACHE.files.length;
const TOTAL_BYTES = EBM_PRECACHE.files.reduce((s, f) => s + f.bytes, 0);
const DATA_FILES = EBM_PRECACHE.files.filter((f) => f.url.endsWith('.geojson')).length;
const PARALLEL = 4;

async function hex(bytes: ArrayBuffer): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function tell(message: Record<string, unknown>): Promise<void> {
  const pages = await sw.clients.matchAll({ includeUncontrolled: true, type: 'window' });
  for (const p of pages) p.postMessage({ ...message, source: 'ebm-sw', version: VERSION });
}

const isBuilds = (hash: string, entry: PrecacheEntry) =>
  hash === entry.sha256 || entry.also?.includes(hash) === true;

/** The bytes of `entry` as the build made them: from this cache, an earlier version's, or the network. */
async function cacheOne(cache: Cache, earlier: Cache[], url: string, entry: PrecacheEntry): Promise<void> {
  if (await cache.match(url)) return;
  for (const old of earlier) {
    const hit = await old.match(url);
    if (!hit) continue;
    const bytes = await hit.arrayBuffer();
    if (isBuilds(await hex(bytes), entry)) {
      await cache.put(url, new Response(bytes, { headers: hit.headers }));
      return;
    }
  }
  const res = await fetch(url, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${entry.url}: HTTP ${res.status}`);
  const bytes = await res.arrayBuffer();
  if (!isBuilds(await hex(bytes), entry))
    throw new Error(`${entry.url}: the server sent other bytes than this version's (a newer build?)`);
  await cache.put(url, new Response(bytes, { headers: res.headers }));
}

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  const earlier = await Promise.all(
    (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.open(k)),
  );
  const todo = [...FILES];
  let done = 0;
  await tell({ type: 'progress', done, total: TOTAL });
  const lane = async () => {
    for (let next = todo.shift(); next; next = todo.shift()) {
      await cacheOne(cache, earlier, next[0], next[1]);
      done++;
      await tell({ type: 'progress', done, total: TOTAL });
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, lane));
  } catch (e) {
    await tell({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    throw e;
  }
  await cache.put(META_URL, new Response(JSON.stringify({ cachedAt: Date.now() })));
}

/** What this version holds now, for a page's offline state. */
async function status(): Promise<Record<string, unknown>> {
  const cache = await caches.open(CACHE);
  let cached = 0;
  for (const req of await cache.keys()) if (FILES.has(req.url)) cached++;
  const meta = await cache.match(META_URL);
  const cachedAt = meta ? ((await meta.json()) as { cachedAt: number }).cachedAt : null;
  return {
    type: 'status',
    total: TOTAL,
    cached,
    bytes: TOTAL_BYTES,
    dataFiles: DATA_FILES,
    cachedAt,
    active: sw.registration.active === sw.serviceWorker,
  };
}

sw.addEventListener('install', (e) => e.waitUntil(precache()));

sw.addEventListener('activate', (e) =>
  e.waitUntil(
    (async () => {
      for (const k of await caches.keys()) if (k.startsWith(PREFIX) && k !== CACHE) await caches.delete(k);
      // the page that installed the first version is served by it from now on, without a reload
      await sw.clients.claim();
    })(),
  ),
);

sw.addEventListener('message', (e) => {
  const type = (e.data as { type?: unknown } | null)?.type;
  if (type === 'skip-waiting') e.waitUntil(sw.skipWaiting());
  else if (type === 'status')
    e.waitUntil(status().then((s) => e.source?.postMessage({ ...s, source: 'ebm-sw', version: VERSION })));
});

const appPaths = new Set([new URL(scope).pathname, new URL(INDEX_URL).pathname]);

async function fromCache(key: string, request: Request): Promise<Response> {
  const hit = await (await caches.open(CACHE)).match(key);
  return hit ?? fetch(request);
}

sw.addEventListener('fetch', (e) => {
  const request = e.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return; // remote tiles: the network's, never cached
  // the app's page, whatever its query (a link's view); other pages (the bench's) are not the app's
  if (appPaths.has(url.pathname)) {
    e.respondWith(fromCache(INDEX_URL, request));
    return;
  }
  if (request.mode === 'navigate') return;
  const key = url.origin + url.pathname;
  if (FILES.has(key)) e.respondWith(fromCache(key, request));
});
