/**
 * The planner's observation files in IndexedDB (a database of their own, so the project store's schema and version
 * stay as they are). One record per imported file: its rows, name and import time.
 */
import type { PlannerImport } from '../../domain/plan/planner-observations.ts';
import { done, openDb, req } from './idb.ts';

export const OBSERVATIONS_DB = 'eco-barrier-map-observations';
const VERSION = 1;
const IMPORTS = 'imports';

const byImportTime = (a: PlannerImport, b: PlannerImport) =>
  a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id.localeCompare(b.id);

export class ObservationsDb {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<ObservationsDb> {
    return new ObservationsDb(await openDb(factory, OBSERVATIONS_DB, VERSION, [IMPORTS]));
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
