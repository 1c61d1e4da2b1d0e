/**
 * The planner's observation files in IndexedDB (a database of their own, so the project store's schema and version
 * stay as they are). One record per imported file: its rows, name and import time.
 */
import type { PlannerImport } from '../../domain/plan/planner-observations.ts';

export const OBSERVATIONS_DB = 'eco-barrier-map-observations';
const VERSION = 1;
const IMPORTS = 'imports';

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

const byImportTime = (a: PlannerImport, b: PlannerImport) =>
  a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id.localeCompare(b.id);

export class ObservationsDb {
  private constructor(private readonly db: IDBDatabase) {}

  static open(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<ObservationsDb> {
    if (!factory) return Promise.reject(new Error('IndexedDB is not available'));
    return new Promise((resolve, reject) => {
      const r = factory.open(OBSERVATIONS_DB, VERSION);
      r.onupgradeneeded = () => {
        if (!r.result.objectStoreNames.contains(IMPORTS))
          r.result.createObjectStore(IMPORTS, { keyPath: 'id' });
      };
      r.onsuccess = () => resolve(new ObservationsDb(r.result));
      r.onerror = () => reject(r.error ?? new Error('cannot open IndexedDB'));
      r.onblocked = () => reject(new Error('IndexedDB upgrade blocked by another tab'));
    });
  }

  /** Every stored file, in import order. */
  async list(): Promise<PlannerImport[]> {
    const tx = this.db.transaction(IMPORTS, 'readonly');
    return ((await req(tx.objectStore(IMPORTS).getAll())) as PlannerImport[]).sort(byImportTime);
  }

  async save(imp: PlannerImport): Promise<void> {
    const tx = this.db.transaction(IMPORTS, 'readwrite');
    tx.objectStore(IMPORTS).put(imp);
    await done(tx);
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(IMPORTS, 'readwrite');
    tx.objectStore(IMPORTS).delete(id);
    await done(tx);
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(IMPORTS, 'readwrite');
    tx.objectStore(IMPORTS).clear();
    await done(tx);
  }
}
