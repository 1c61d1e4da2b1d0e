/**
 * Walks being recorded, kept in IndexedDB fix by fix (a database of their own, so no other store's version changes):
 * `walks` holds one record per walk (its status, interval, the current segment), `fixes` one record per fix, keyed
 * `<walk id>/<sequence>` so a walk's fixes read back in the order they came. A walk not closed is offered back
 * after a reload or a crash.
 */
import type { Fix } from '../../../domain/field/fix.ts';
import type { Track } from '../../../domain/field/track.ts';
import { done, openDb, req } from '../../storage/idb.ts';

export const WALK_DB = 'eco-barrier-map-walks';
const VERSION = 1;
const WALKS = 'walks';
const FIXES = 'fixes';

export type StoredWalkStatus = 'recording' | 'paused' | 'stopped' | 'closed';

export interface StoredWalk {
  id: string;
  status: StoredWalkStatus;
  intervalMs: number;
  /** the segment new fixes go to (a number that only grows: a new one after each pause) */
  segment: number;
  startedAt: number;
  /** the name a closed walk's boundary took */
  name?: string;
}

export interface StoredFix extends Fix {
  id: string;
  walk: string;
  seq: number;
  segment: number;
}

const fixKey = (walk: string, seq: number) => `${walk}/${String(seq).padStart(9, '0')}`;

let dbPromise: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  dbPromise ??= openDb(globalThis.indexedDB, WALK_DB, VERSION, [WALKS, FIXES]);
  dbPromise.catch(() => {
    dbPromise = null;
  });
  return dbPromise;
}

export async function putWalk(walk: StoredWalk): Promise<void> {
  const tx = (await db()).transaction(WALKS, 'readwrite');
  tx.objectStore(WALKS).put(walk);
  await done(tx);
}

/** Writes fixes (one transaction: all or none). */
export async function putFixes(
  walk: string,
  fixes: { seq: number; segment: number; fix: Fix }[],
): Promise<void> {
  const tx = (await db()).transaction(FIXES, 'readwrite');
  const os = tx.objectStore(FIXES);
  for (const { seq, segment, fix } of fixes) {
    const rec: StoredFix = { ...fix, id: fixKey(walk, seq), walk, seq, segment };
    os.put(rec);
  }
  await done(tx);
}

export async function walkFixes(walk: string): Promise<StoredFix[]> {
  const tx = (await db()).transaction(FIXES, 'readonly');
  const range = IDBKeyRange.bound(`${walk}/`, `${walk}/\uffff`);
  return (await req(tx.objectStore(FIXES).getAll(range))) as StoredFix[];
}

/** The stored fixes as a track: segments in the order walked (empty ones do not exist here). */
export function trackOf(fixes: readonly StoredFix[]): Track {
  const bySegment = new Map<number, Fix[]>();
  for (const f of [...fixes].sort((a, b) => a.seq - b.seq)) {
    const s = bySegment.get(f.segment) ?? [];
    bySegment.set(f.segment, s);
    s.push({ lon: f.lon, lat: f.lat, accuracyM: f.accuracyM, t: f.t });
  }
  return { segments: [...bySegment.values()] };
}

export async function allWalks(): Promise<StoredWalk[]> {
  const tx = (await db()).transaction(WALKS, 'readonly');
  return (await req(tx.objectStore(WALKS).getAll())) as StoredWalk[];
}

/** A walk and its fixes are removed together. */
export async function deleteWalk(walk: string): Promise<void> {
  const tx = (await db()).transaction([WALKS, FIXES], 'readwrite');
  tx.objectStore(WALKS).delete(walk);
  tx.objectStore(FIXES).delete(IDBKeyRange.bound(`${walk}/`, `${walk}/\uffff`));
  await done(tx);
}

/** The storage is full: the browser refused a write for lack of space. */
export const isQuotaError = (e: unknown): boolean =>
  e instanceof DOMException
    ? e.name === 'QuotaExceededError' || e.code === 22
    : e instanceof Error && e.name === 'QuotaExceededError';
