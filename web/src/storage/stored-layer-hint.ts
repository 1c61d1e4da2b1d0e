/**
 * Which user layers this browser held in its stored binary form (layer-binary-db.ts) when the page last looked: a
 * list of layer ids in localStorage, read synchronously at page start so that the screening worker can start
 * reading those layers before the page has even asked IndexedDB (app/restore-at-start.ts). Only a hint: the stored
 * records stay the truth (a layer read on a stale hint is checked against the version asked for, and an id the hint
 * lacks is read once IndexedDB has been listed). Main thread only; without localStorage it is always empty.
 */
const KEY = 'ebm:stored-layers';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // storage disabled by the browser's settings
    return null;
  }
}

/** The ids of the stored layers the page saw last; empty when none or unknown. */
export function storedLayerHint(): string[] {
  try {
    const v = JSON.parse(storage()?.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Records the stored layers' ids (all of them: the page has just listed them). */
export function setStoredLayerHint(ids: readonly string[]): void {
  try {
    const s = storage();
    if (!s) return;
    const unique = [...new Set(ids)].sort();
    if (unique.length === 0) s.removeItem(KEY);
    else s.setItem(KEY, JSON.stringify(unique));
  } catch {
    // full or disabled: the next page start lists IndexedDB first, as without a hint
  }
}

/** One layer stored (true) or removed (false). */
export function noteStoredLayer(id: string, stored: boolean): void {
  const ids = storedLayerHint().filter((x) => x !== id);
  setStoredLayerHint(stored ? [...ids, id] : ids);
}
