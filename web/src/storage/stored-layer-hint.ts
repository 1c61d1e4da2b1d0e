/**
 * Which user layers this browser held in its stored binary form (layer-binary-db.ts) when the page last looked: a
 * list in localStorage, read synchronously at page start so that the screening worker can start reading those
 * layers before the page has even asked IndexedDB (app/restore-at-start.ts). Each entry is a layer id and, once the
 * page has loaded that layer for checks, the version and screening metadata it loaded it with: with those the
 * worker decodes and indexes the layer as soon as it is read, and the page's own request later finds it loaded.
 * Only a hint: the stored records stay the truth (a layer read on a stale hint is checked against the version and
 * metadata asked for, and loaded again when they differ; an id the hint lacks is read once IndexedDB has been
 * listed). Main thread only; without localStorage it is always empty.
 */
import type { LayerMeta } from '../../domain/screening/layer.ts';

const KEY = 'ebm:stored-layers';

export interface StoredLayerHintEntry {
  id: string;
  /** the stored record's version the page last loaded for checks */
  version?: string;
  /** the screening metadata it loaded it with (layers/screening.ts screeningLayerMeta) */
  meta?: LayerMeta;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // storage disabled by the browser's settings
    return null;
  }
}

function entryOf(x: unknown): StoredLayerHintEntry | null {
  // the first form of the hint: ids only
  if (typeof x === 'string') return { id: x };
  if (!x || typeof x !== 'object') return null;
  const { id, version, meta } = x as Record<string, unknown>;
  if (typeof id !== 'string') return null;
  const entry: StoredLayerHintEntry = { id };
  if (typeof version === 'string' && meta && typeof meta === 'object' && (meta as LayerMeta).id === id) {
    entry.version = version;
    entry.meta = meta as LayerMeta;
  }
  return entry;
}

/** The stored layers the page saw last, with what it loaded them with where it knows; empty when none or unknown. */
export function storedLayerHintEntries(): StoredLayerHintEntry[] {
  try {
    const v = JSON.parse(storage()?.getItem(KEY) ?? '[]') as unknown;
    if (!Array.isArray(v)) return [];
    const out = new Map<string, StoredLayerHintEntry>();
    for (const x of v) {
      const e = entryOf(x);
      if (e && !out.has(e.id)) out.set(e.id, e);
    }
    return [...out.values()];
  } catch {
    return [];
  }
}

/** The ids of the stored layers the page saw last; empty when none or unknown. */
export function storedLayerHint(): string[] {
  return storedLayerHintEntries().map((e) => e.id);
}

function write(entries: readonly StoredLayerHintEntry[]): void {
  try {
    const s = storage();
    if (!s) return;
    if (entries.length === 0) {
      s.removeItem(KEY);
      return;
    }
    const sorted = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const text = JSON.stringify(sorted.map((e) => (e.version && e.meta ? e : e.id)));
    if (s.getItem(KEY) !== text) s.setItem(KEY, text);
  } catch {
    // full or disabled: the next page start lists IndexedDB first, as without a hint
  }
}

/** Records the stored layers' ids (all of them: the page has just listed them); what is known of each is kept. */
export function setStoredLayerHint(ids: readonly string[]): void {
  const known = new Map(storedLayerHintEntries().map((e) => [e.id, e]));
  write([...new Set(ids)].map((id) => known.get(id) ?? { id }));
}

/** One layer stored (true) or removed (false). */
export function noteStoredLayer(id: string, stored: boolean): void {
  const entries = storedLayerHintEntries();
  const others = entries.filter((e) => e.id !== id);
  write(stored ? [...others, entries.find((e) => e.id === id) ?? { id }] : others);
}

/** A stored layer loaded for checks: its version and the metadata it was loaded with, for the next page start. */
export function noteStoredLayerLoad(id: string, version: string, meta: LayerMeta): void {
  const others = storedLayerHintEntries().filter((e) => e.id !== id);
  write([...others, { id, version, meta }]);
}
