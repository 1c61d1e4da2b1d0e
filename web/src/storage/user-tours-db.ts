/**
 * The tours a user makes, in IndexedDB (a database of their own, as observations-db.ts): one record per tour, the
 * tour in the file format (possibly without chapters yet), when it was made and when last saved.
 */
import type { UserTour } from '../../domain/tour/user-tour.ts';
import { done, openDb, req } from './idb.ts';

export const USER_TOURS_DB = 'eco-barrier-map-tours';
const VERSION = 1;
const TOURS = 'tours';

export interface SavedTour {
  id: string;
  tour: UserTour;
  /** ISO time the tour was made or imported (the list's order) */
  createdAt: string;
  /** ISO time of the last save */
  savedAt: string;
}

const byCreation = (a: SavedTour, b: SavedTour) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id.localeCompare(b.id);

export class UserToursDb {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<UserToursDb> {
    return new UserToursDb(await openDb(factory, USER_TOURS_DB, VERSION, [TOURS]));
  }

  /** Every saved tour, in the order they were made. */
  async list(): Promise<SavedTour[]> {
    const tx = this.db.transaction(TOURS, 'readonly');
    return ((await req(tx.objectStore(TOURS).getAll())) as SavedTour[]).sort(byCreation);
  }

  async get(id: string): Promise<SavedTour | undefined> {
    const tx = this.db.transaction(TOURS, 'readonly');
    return (await req(tx.objectStore(TOURS).get(id))) as SavedTour | undefined;
  }

  /** Puts a tour (a new one, or over the one with its id); `createdAt` is kept from the tour it replaces. */
  async save(tour: UserTour, createdAt?: string): Promise<SavedTour> {
    const savedAt = new Date().toISOString();
    const record: SavedTour = { id: tour.id, tour, createdAt: createdAt ?? savedAt, savedAt };
    const tx = this.db.transaction(TOURS, 'readwrite');
    tx.objectStore(TOURS).put(record);
    await done(tx);
    return record;
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(TOURS, 'readwrite');
    tx.objectStore(TOURS).delete(id);
    await done(tx);
  }
}
