import type { UserLayer } from '../importers/index.ts';
import { type Project, type ProjectSummary, renamed, summarize } from './model.ts';

export type { UserLayer } from '../importers/index.ts';

export interface UserLayerSummary {
  id: string;
  name: string;
  featureCount: number;
  importedAt: string;
  note: string;
}

/**
 * Where projects live. The browser uses IndexedDB (web/src/storage/indexeddb-storage.ts); tests and workers may
 * use memory.
 */
export interface ProjectStore {
  /** Summaries, most recently updated first. */
  listProjects(): Promise<ProjectSummary[]>;
  getProject(id: string): Promise<Project | undefined>;
  /** Insert or replace by id. */
  saveProject(project: Project): Promise<void>;
  renameProject(id: string, name: string, now?: Date): Promise<Project>;
  /** True if something was deleted. */
  deleteProject(id: string): Promise<boolean>;
  allProjects(): Promise<Project[]>;
}

/** User-supplied authoritative layers (e.g. the official red-line dataset), keyed by the layer id they serve. */
export interface UserLayerStore {
  listUserLayers(): Promise<UserLayerSummary[]>;
  getUserLayer(id: string): Promise<UserLayer | undefined>;
  saveUserLayer(layer: UserLayer): Promise<void>;
  deleteUserLayer(id: string): Promise<boolean>;
  allUserLayers(): Promise<UserLayer[]>;
}

export const layerSummary = (l: UserLayer): UserLayerSummary => ({
  id: l.id,
  name: l.name,
  featureCount: l.provenance.featureCount,
  importedAt: l.provenance.importedAt,
  note: l.provenance.note,
});

export const byUpdatedDesc = (a: ProjectSummary, b: ProjectSummary): number =>
  a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.name.localeCompare(b.name);

/** In-memory store (structured-cloned like IndexedDB, so callers cannot mutate stored data). */
export class MemoryStore implements ProjectStore, UserLayerStore {
  private projects = new Map<string, Project>();
  private layers = new Map<string, UserLayer>();

  async listProjects(): Promise<ProjectSummary[]> {
    return [...this.projects.values()].map(summarize).sort(byUpdatedDesc);
  }
  async getProject(id: string): Promise<Project | undefined> {
    const p = this.projects.get(id);
    return p ? structuredClone(p) : undefined;
  }
  async saveProject(project: Project): Promise<void> {
    this.projects.set(project.id, structuredClone(project));
  }
  async renameProject(id: string, name: string, now?: Date): Promise<Project> {
    const p = this.projects.get(id);
    if (!p) throw new Error(`no project ${id}`);
    const r = renamed(p, name, now);
    this.projects.set(id, r);
    return structuredClone(r);
  }
  async deleteProject(id: string): Promise<boolean> {
    return this.projects.delete(id);
  }
  async allProjects(): Promise<Project[]> {
    return [...this.projects.values()].map((p) => structuredClone(p));
  }
  async listUserLayers(): Promise<UserLayerSummary[]> {
    return [...this.layers.values()].map(layerSummary);
  }
  async getUserLayer(id: string): Promise<UserLayer | undefined> {
    const l = this.layers.get(id);
    return l ? structuredClone(l) : undefined;
  }
  async saveUserLayer(layer: UserLayer): Promise<void> {
    this.layers.set(layer.id, structuredClone(layer));
  }
  async deleteUserLayer(id: string): Promise<boolean> {
    return this.layers.delete(id);
  }
  async allUserLayers(): Promise<UserLayer[]> {
    return [...this.layers.values()].map((l) => structuredClone(l));
  }
}
