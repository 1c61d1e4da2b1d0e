import {
  bundleFileName,
  exportBundle,
  importBundle,
  makeBundle,
  parseBundle,
} from '../../domain/projects/export.ts';
import {
  cleanName,
  createProject,
  isProjectType,
  type Project,
  type ProjectSummary,
} from '../../domain/projects/model.ts';
import { mapPort } from '../map/map-port.ts';
import type { IndexedDbStore } from '../storage/indexeddb-storage.ts';
import { useAppStore } from '../store/store.ts';
import { frameBoundary, setDraft } from './draft.ts';
import type { ScreeningDraft } from './screening-slice.ts';

/** Projects kept in this browser (IndexedDB): save, open, rename, delete, export and import bundles. */

const store = () => useAppStore.getState();

let dbPromise: Promise<IndexedDbStore> | null = null;
function db(): Promise<IndexedDbStore> {
  dbPromise ??= import('../storage/indexeddb-storage.ts').then((m) => m.IndexedDbStore.open());
  dbPromise.catch(() => {
    dbPromise = null;
  });
  return dbPromise;
}

export async function listProjects(): Promise<ProjectSummary[]> {
  return (await db()).listProjects();
}

/** Saves the draft as a project (new or updating the one it came from); returns the saved project. */
export async function saveDraft(): Promise<Project> {
  const d = store().screeningDraft;
  if (!d || d.boundary.features.length === 0) throw new Error('no-boundary');
  const name = cleanName(d.name);
  if (!name) throw new Error('no-name');
  if (!isProjectType(d.type)) throw new Error('no-type');
  const now = new Date();
  const base = createProject(
    {
      name,
      type: d.type,
      features: d.boundary.features,
      original: d.originalBoundary?.features,
      source: d.source,
      importedFrom: d.importedFrom,
      walk: d.walk,
    },
    now,
    d.projectId ?? undefined,
  );
  const p: Project = d.createdAt ? { ...base, createdAt: d.createdAt } : base;
  await (await db()).saveProject(p);
  store().setScreeningDraft({ ...d, projectId: p.id, name: p.name, createdAt: p.createdAt });
  return p;
}

function draftOf(p: Project): ScreeningDraft {
  return {
    projectId: p.id,
    name: p.name,
    type: p.type,
    source: p.source,
    boundary: p.boundary,
    originalBoundary: p.originalBoundary,
    importedFrom: p.importedFrom,
    createdAt: p.createdAt,
    walk: p.walk,
  };
}

export async function openProject(id: string): Promise<boolean> {
  const p = await (await db()).getProject(id);
  if (!p) return false;
  mapPort.clearDrawing();
  setDraft(draftOf(p));
  frameBoundary(p.boundary.features);
  return true;
}

export async function renameProject(id: string, name: string): Promise<void> {
  const p = await (await db()).renameProject(id, name);
  const d = store().screeningDraft;
  if (d?.projectId === id) store().setScreeningDraft({ ...d, name: p.name });
}

export async function deleteProject(id: string): Promise<void> {
  await (await db()).deleteProject(id);
  const d = store().screeningDraft;
  if (d?.projectId === id) store().setScreeningDraft({ ...d, projectId: null });
}

export async function exportProjects(): Promise<{ fileName: string; text: string }> {
  const projects = await (await db()).allProjects();
  return { fileName: bundleFileName(), text: exportBundle(makeBundle(projects, [])) };
}

export async function importProjects(
  file: File,
): Promise<{ added: number; problems: { zh: string; en: string }[] }> {
  const parsed = parseBundle(await file.text(), file.name);
  if (!parsed.ok) return { added: 0, problems: parsed.problems };
  const r = await importBundle(await db(), parsed.bundle, 'keep-both');
  return { added: r.added + r.replaced, problems: parsed.problems };
}
