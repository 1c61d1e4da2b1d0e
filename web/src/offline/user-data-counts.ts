import { DB_NAME } from '../storage/indexeddb-storage.ts';
import { LAYER_BINARY_DB } from '../storage/layer-binary-db.ts';
import { OBSERVATIONS_DB } from '../storage/observations-db.ts';
import type { UserDataCounts } from './offline-slice.ts';

/**
 * How many records a store of a database holds, without creating the database or the store when they do not
 * exist yet (an open that would create it is aborted: 0).
 */
function countRecords(name: string, store: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onupgradeneeded = () => r.transaction?.abort(); // the database did not exist: nothing kept
    r.onerror = () => (r.error?.name === 'AbortError' ? resolve(0) : reject(r.error));
    r.onsuccess = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        resolve(0);
        return;
      }
      const c = db.transaction(store, 'readonly').objectStore(store).count();
      c.onsuccess = () => {
        db.close();
        resolve(c.result);
      };
      c.onerror = () => {
        db.close();
        reject(c.error);
      };
    };
  });
}

/** The user's data kept in this browser: stored layers, saved projects, imported observation files. */
export async function userDataCounts(): Promise<UserDataCounts> {
  const [layers, projects, observationFiles] = await Promise.all([
    countRecords(LAYER_BINARY_DB, 'meta'),
    countRecords(DB_NAME, 'projects'),
    countRecords(OBSERVATIONS_DB, 'imports'),
  ]);
  return { layers, projects, observationFiles };
}
