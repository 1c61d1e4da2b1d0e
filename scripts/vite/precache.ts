/**
 * What the service worker precaches: every file of the build the app page can fetch, found by following
 * references from the page (index.html) through the text of each file it reaches — script chunks, CSS, workers
 * and their chunks, the data files, the web app manifest and its icons — to a fixed point. Files only another page
 * references (the bench pages and their scripts) are left out. Each entry carries its SHA-256, so the worker can
 * refuse bytes that are not the build's, and the version is a hash of the whole list and the worker's own code:
 * any changed file is a new version.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { markWorkspacePage } from '../../web/domain/workspace/page-mark.ts';

export interface BuiltFile {
  /** path in the build folder, '/'-separated (`assets/main-abc.js`) */
  fileName: string;
  content: string | Uint8Array;
}

export interface PrecacheEntry {
  /** relative to the service worker's scope (the build's root) */
  url: string;
  sha256: string;
  bytes: number;
  /** the SHA-256 of the other bytes a server of this build may send: a page as the workspace server marks it */
  also?: string[];
}

export interface Precache {
  version: string;
  files: PrecacheEntry[];
}

const TEXT = /\.(html|js|mjs|css|json|webmanifest|svg)$/;

const bytesOf = (c: string | Uint8Array) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c);

/** The files reachable from `entry` (a page of the build), the entry included, in file-name order. */
export function reachableFiles(files: readonly BuiltFile[], entry = 'index.html'): BuiltFile[] {
  const byName = new Map(files.map((f) => [f.fileName, f]));
  if (!byName.has(entry)) throw new Error(`the build has no ${entry}`);
  // a file is referred to by its base name (hashed names are unique), however the referrer writes its path
  const byBase = new Map<string, BuiltFile[]>();
  for (const f of files) {
    const base = posix.basename(f.fileName);
    byBase.set(base, [...(byBase.get(base) ?? []), f]);
  }
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    const file = byName.get(name) as BuiltFile;
    if (!TEXT.test(name)) continue;
    const text = typeof file.content === 'string' ? file.content : Buffer.from(file.content).toString('utf8');
    for (const [base, same] of byBase) {
      if (!text.includes(base)) continue;
      for (const f of same) {
        if (seen.has(f.fileName)) continue;
        seen.add(f.fileName);
        queue.push(f.fileName);
      }
    }
  }
  return files.filter((f) => seen.has(f.fileName)).sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
}

export const sha256 = (content: string | Uint8Array): string =>
  createHash('sha256').update(bytesOf(content)).digest('hex');

/** The precache of a build: its entries and a version naming exactly them and the worker's code. */
export function precacheOf(
  files: readonly BuiltFile[],
  workerCode: string,
  opts: { entry?: string; label?: string } = {},
): Precache {
  const entries = reachableFiles(files, opts.entry).map((f): PrecacheEntry => {
    const e: PrecacheEntry = { url: f.fileName, sha256: sha256(f.content), bytes: bytesOf(f.content).length };
    if (f.fileName.endsWith('.html')) {
      const text = typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8');
      e.also = [sha256(markWorkspacePage(text))];
    }
    return e;
  });
  const hash = sha256(JSON.stringify(entries) + workerCode).slice(0, 10);
  return { version: opts.label ? `${opts.label}+${hash}` : hash, files: entries };
}

/** Marks the line of sw.js that carries the precache, for anything that reads it back (tests). */
export const PRECACHE_LINE = 'const EBM_PRECACHE = ';

/** sw.js: the precache as its first line, then the worker's code (a classic script). */
export function serviceWorkerScript(precache: Precache, workerCode: string): string {
  return `${PRECACHE_LINE}${JSON.stringify(precache)};\n${workerCode}`;
}

/** The precache written in a sw.js. */
export function readPrecache(script: string): Precache {
  const first = script.slice(0, script.indexOf('\n'));
  if (!first.startsWith(PRECACHE_LINE)) throw new Error('not a sw.js written by the service-worker plugin');
  return JSON.parse(first.slice(PRECACHE_LINE.length).replace(/;$/, '')) as Precache;
}
