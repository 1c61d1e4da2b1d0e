import type { UserLayer } from '../importers/index.ts';
import { checkBoundaryCollection, checkProject, newId, type Project } from './model.ts';
import type { ProjectStore, UserLayerStore } from './storage.ts';

export const EXPORT_FORMAT = 'eco-barrier-map/projects';
export const EXPORT_VERSION = 1;

export interface ProjectBundle {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  projects: Project[];
  userLayers: UserLayer[];
}

/** A problem with an import file; plain text in both languages. */
export interface BundleMessage {
  code: 'json-invalid' | 'not-a-bundle' | 'version-unsupported' | 'project-invalid' | 'layer-invalid';
  location?: string;
  zh: string;
  en: string;
}

export function makeBundle(
  projects: Project[],
  userLayers: UserLayer[] = [],
  now: Date = new Date(),
): ProjectBundle {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    projects,
    userLayers,
  };
}

/** Serialise a project collection for download (`.json`, UTF-8). */
export function exportBundle(bundle: ProjectBundle): string {
  return JSON.stringify(bundle, null, 1);
}

export function bundleFileName(now: Date = new Date()): string {
  return `eco-barrier-projects-${now.toISOString().slice(0, 10)}.json`;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkLayer(v: unknown): string[] {
  if (!isObj(v)) return ['not an object'];
  const e: string[] = [];
  if (typeof v.id !== 'string' || !v.id) e.push('missing id');
  if (typeof v.name !== 'string') e.push('missing name');
  const b = checkBoundaryCollection(v.data);
  if (b) e.push(`data: ${b}`);
  const p = v.provenance;
  if (!isObj(p) || typeof p.note !== 'string' || typeof p.importedAt !== 'string')
    e.push('missing provenance');
  return e;
}

/**
 * Parse an exported bundle. Invalid projects are reported and left out; the valid ones are returned.
 * The whole file is refused only when it is not a bundle at all.
 */
export function parseBundle(
  text: string,
  fileName: string,
): { ok: true; bundle: ProjectBundle; problems: BundleMessage[] } | { ok: false; problems: BundleMessage[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const d = (e instanceof Error ? e.message : String(e)).slice(0, 100);
    return {
      ok: false,
      problems: [
        {
          code: 'json-invalid',
          en: `${fileName}: not valid JSON (${d}).`,
          zh: `${fileName}：不是有效的 JSON（${d}）。`,
        },
      ],
    };
  }
  if (!isObj(doc) || doc.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      problems: [
        {
          code: 'not-a-bundle',
          en: `${fileName}: not a project export of this application (expected "format": "${EXPORT_FORMAT}").`,
          zh: `${fileName}：不是本系统导出的项目文件。`,
        },
      ],
    };
  }
  if (doc.version !== EXPORT_VERSION) {
    return {
      ok: false,
      problems: [
        {
          code: 'version-unsupported',
          en: `${fileName}: export version ${String(doc.version).slice(0, 20)} is not supported (expected ${EXPORT_VERSION}).`,
          zh: `${fileName}：不支持的导出版本 ${String(doc.version).slice(0, 20)}（应为 ${EXPORT_VERSION}）。`,
        },
      ],
    };
  }
  const problems: BundleMessage[] = [];
  const projects: Project[] = [];
  const rawProjects = Array.isArray(doc.projects) ? doc.projects : [];
  rawProjects.forEach((p, i) => {
    const errs = checkProject(p);
    if (errs.length === 0) projects.push(p as Project);
    else {
      const label =
        isObj(p) && typeof p.name === 'string'
          ? `project ${i + 1} (“${p.name.slice(0, 60)}”)`
          : `project ${i + 1}`;
      const labelZh =
        isObj(p) && typeof p.name === 'string'
          ? `第 ${i + 1} 个项目（“${p.name.slice(0, 60)}”）`
          : `第 ${i + 1} 个项目`;
      problems.push({
        code: 'project-invalid',
        location: label,
        en: `${fileName}, ${label}: skipped, ${errs.join('; ')}.`,
        zh: `${fileName}，${labelZh}：已跳过，${errs.join('；')}。`,
      });
    }
  });
  const layers: UserLayer[] = [];
  const rawLayers = Array.isArray(doc.userLayers) ? doc.userLayers : [];
  rawLayers.forEach((l, i) => {
    const errs = checkLayer(l);
    if (errs.length === 0) layers.push(l as UserLayer);
    else
      problems.push({
        code: 'layer-invalid',
        location: `layer ${i + 1}`,
        en: `${fileName}, layer ${i + 1}: skipped, ${errs.join('; ')}.`,
        zh: `${fileName}，第 ${i + 1} 个图层：已跳过，${errs.join('；')}。`,
      });
  });
  return {
    ok: true,
    bundle: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: typeof doc.exportedAt === 'string' ? doc.exportedAt : '',
      projects,
      userLayers: layers,
    },
    problems,
  };
}

export type ConflictPolicy = 'replace' | 'keep-both' | 'skip';

/** Write a bundle into the stores. With 'keep-both', a project whose id exists gets a new id. */
export async function importBundle(
  store: ProjectStore & UserLayerStore,
  bundle: ProjectBundle,
  policy: ConflictPolicy = 'keep-both',
): Promise<{ added: number; replaced: number; skipped: number; layers: number }> {
  let added = 0;
  let replaced = 0;
  let skipped = 0;
  for (const p of bundle.projects) {
    const existing = await store.getProject(p.id);
    if (!existing) {
      await store.saveProject(p);
      added++;
    } else if (policy === 'replace') {
      await store.saveProject(p);
      replaced++;
    } else if (policy === 'keep-both') {
      await store.saveProject({ ...p, id: newId() });
      added++;
    } else skipped++;
  }
  let layers = 0;
  for (const l of bundle.userLayers) {
    if (policy === 'skip' && (await store.getUserLayer(l.id))) continue;
    await store.saveUserLayer(l);
    layers++;
  }
  return { added, replaced, skipped, layers };
}
