/** The few IndexedDB calls every store here needs, as promises. */

export function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Opens a database, creating the object stores it lacks (each keyed by `id`). */
export function openDb(
  factory: IDBFactory | undefined,
  name: string,
  version: number,
  stores: readonly string[],
): Promise<IDBDatabase> {
  if (!factory) return Promise.reject(new Error('IndexedDB is not available'));
  return new Promise((resolve, reject) => {
    const r = factory.open(name, version);
    r.onupgradeneeded = () => {
      for (const s of stores) {
        if (!r.result.objectStoreNames.contains(s)) r.result.createObjectStore(s, { keyPath: 'id' });
      }
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('cannot open IndexedDB'));
    r.onblocked = () => reject(new Error('IndexedDB upgrade blocked by another tab'));
  });
}

/**
 * One connection to a database, opened when first asked for and kept: again after another page upgrades it (the
 * connection is closed so that the upgrade can run) or after a failed open, and anew for another
 * `globalThis.indexedDB` (tests swap it).
 */
export function keptConnection(
  name: string,
  version: number,
  stores: readonly string[],
): () => Promise<IDBDatabase> {
  let opening: Promise<IDBDatabase> | undefined;
  let openedWith: IDBFactory | undefined;
  return () => {
    const factory = globalThis.indexedDB;
    if (!opening || openedWith !== factory) {
      openedWith = factory;
      const opened = openDb(factory, name, version, stores).then((d) => {
        d.onversionchange = () => {
          d.close();
          if (opening === opened) opening = undefined;
        };
        return d;
      });
      opened.catch(() => {
        if (opening === opened) opening = undefined;
      });
      opening = opened;
    }
    return opening;
  };
}
