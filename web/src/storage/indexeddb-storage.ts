/** IndexedDB implementation of the project and user-layer stores (the only file here that touches IndexedDB). */
import { type Project, type ProjectSummary, renamed, summarize } from '../../domain/projects/model.ts';
import {
  byUpdatedDesc,
  layerSummary,
  type ProjectStore,
  type UserLayer,
  type UserLayerStore,
  type UserLayerSummary,
} from '../../domain/projects/storage.ts';
import { done, openDb, req } from './idb.ts';

export const DB_NAME = 'eco-barrier-map';
export const DB_VERSION = 1;
const PROJECTS = 'projects';
const LAYERS = 'userLayers';

export function openDatabase(
  factory: IDBFactory = globalThis.indexedDB,
  name = DB_NAME,
): Promise<IDBDatabase> {
  return openDb(factory, name, DB_VERSION, [PROJECTS, LAYERS]);
}

export class IndexedDbStore implements ProjectStore, UserLayerStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(factory?: IDBFactory, name?: string): Promise<IndexedDbStore> {
    return new IndexedDbStore(await openDatabase(factory, name));
  }

  close(): void {
    this.db.close();
  }

  private async getAll<T>(store: string): Promise<T[]> {
    const tx = this.db.transaction(store, 'readonly');
    return (await req(tx.objectStore(store).getAll())) as T[];
  }
  private async get<T>(store: string, id: string): Promise<T | undefined> {
    const tx = this.db.transaction(store, 'readonly');
    return (await req(tx.objectStore(store).get(id))) as T | undefined;
  }
  private async put(store: string, value: unknown): Promise<void> {
    const tx = this.db.transaction(store, 'readwrite');
    tx.objectStore(store).put(value);
    await done(tx);
  }
  private async del(store: string, id: string): Promise<boolean> {
    const tx = this.db.transaction(store, 'readwrite');
    const os = tx.objectStore(store);
    const n = await req(os.count(id));
    os.delete(id);
    await done(tx);
    return n > 0;
  }

  async listProjects(): Promise<ProjectSummary[]> {
    return (await this.getAll<Project>(PROJECTS)).map(summarize).sort(byUpdatedDesc);
  }
  getProject(id: string): Promise<Project | undefined> {
    return this.get<Project>(PROJECTS, id);
  }
  saveProject(project: Project): Promise<void> {
    return this.put(PROJECTS, project);
  }
  async renameProject(id: string, name: string, now?: Date): Promise<Project> {
    // Read and write in one transaction so a concurrent tab cannot interleave.
    const tx = this.db.transaction(PROJECTS, 'readwrite');
    const os = tx.objectStore(PROJECTS);
    const p = (await req(os.get(id))) as Project | undefined;
    if (!p) {
      tx.abort();
      throw new Error(`no project ${id}`);
    }
    const r = renamed(p, name, now);
    os.put(r);
    await done(tx);
    return r;
  }
  deleteProject(id: string): Promise<boolean> {
    return this.del(PROJECTS, id);
  }
  allProjects(): Promise<Project[]> {
    return this.getAll<Project>(PROJECTS);
  }

  async listUserLayers(): Promise<UserLayerSummary[]> {
    return (await this.getAll<UserLayer>(LAYERS)).map(layerSummary);
  }
  getUserLayer(id: string): Promise<UserLayer | undefined> {
    return this.get<UserLayer>(LAYERS, id);
  }
  saveUserLayer(layer: UserLayer): Promise<void> {
    return this.put(LAYERS, layer);
  }
  deleteUserLayer(id: string): Promise<boolean> {
    return this.del(LAYERS, id);
  }
  allUserLayers(): Promise<UserLayer[]> {
    return this.getAll<UserLayer>(LAYERS);
  }
  /** How many layers are kept here (without reading them). */
  async countUserLayers(): Promise<number> {
    const tx = this.db.transaction(LAYERS, 'readonly');
    return req(tx.objectStore(LAYERS).count());
  }
}
