import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { LAYERS } from '../../../layers/registry.ts';
import type { LayerDef } from '../../../layers/types.ts';
import { importBoundary, importFiles } from '../../domain/importers/index.ts';
import type {
  CoordinateSource,
  ImportInput,
  ImportMessage,
  ImportResult,
} from '../../domain/importers/types.ts';
import {
  bundleFileName,
  exportBundle,
  importBundle,
  makeBundle,
  parseBundle,
} from '../../domain/projects/export.ts';
import {
  type BoundaryCollection,
  cleanName,
  createProject,
  isProjectType,
  type Project,
  type ProjectSummary,
} from '../../domain/projects/model.ts';
import { dataUrl } from '../map/data-urls.ts';
import { userLayerUrl } from '../map/user-layer-data.ts';
import type { IndexedDbStore } from '../storage/indexeddb-storage.ts';
import { useAppStore } from '../store/store.ts';
import { ScreeningClient } from './screening-client.ts';
import type { DatasetInfo, ScreeningDraft } from './screening-slice.ts';

/** Overlay ids (drawn above every layer, see layers/overlays.ts). */
export const OVERLAY = {
  project: 'screening-project',
  original: 'screening-original',
  overlap: 'screening-overlap',
  buffers: 'screening-buffers',
} as const;

const store = () => useAppStore.getState();

let client: ScreeningClient | null = null;
const getClient = () => {
  client ??= new ScreeningClient();
  return client;
};

let dbPromise: Promise<IndexedDbStore> | null = null;
function db(): Promise<IndexedDbStore> {
  dbPromise ??= import('../storage/indexeddb-storage.ts').then((m) => m.IndexedDbStore.open());
  dbPromise.catch(() => {
    dbPromise = null;
  });
  return dbPromise;
}

/**
 * Layers screening checks against: every registry layer with a zone type (red line, protected areas), and the
 * layers of the red-line group (their features carry their own zone types; 'redline' where they do not).
 */
export const screeningLayerDefs = (): LayerDef[] => LAYERS.filter((l) => l.zoneType || l.group === 'redline');
const zoneTypeOf = (def: LayerDef): string => def.zoneType ?? 'redline';

// ------------------------------------------------------------------ the draft (project on the bench)

function boundaryKey(d: ScreeningDraft | null): string | null {
  if (!d) return null;
  const s = JSON.stringify(d.boundary);
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return `${d.type}|${s.length}|${h}`;
}

function showDraftOnMap(d: ScreeningDraft | null): void {
  const { setOverlay } = store();
  setOverlay(OVERLAY.project, d ? { kind: 'project', data: d.boundary } : null);
  setOverlay(
    OVERLAY.original,
    d?.originalBoundary ? { kind: 'project-original', data: d.originalBoundary } : null,
  );
}

/** Replaces the draft; a result that no longer belongs to it is cleared. */
export function setDraft(d: ScreeningDraft | null): void {
  const s = store();
  s.setScreeningDraft(d);
  showDraftOnMap(d);
  if (s.screeningRun.draftKey !== boundaryKey(d)) {
    s.setScreeningRun({
      status: 'idle',
      result: null,
      errors: [],
      message: null,
      progress: null,
      draftKey: null,
    });
    s.setOverlay(OVERLAY.overlap, null);
    s.setOverlay(OVERLAY.buffers, null);
  }
}

export function updateDraft(patch: Partial<ScreeningDraft>): void {
  const d = store().screeningDraft;
  setDraft({ ...(d ?? emptyDraft()), ...patch });
}

export function emptyDraft(): ScreeningDraft {
  return {
    projectId: null,
    name: '',
    type: 'linear-infrastructure',
    source: 'wgs84',
    boundary: { type: 'FeatureCollection', features: [] },
  };
}

function collection(
  features: Feature<Polygon | MultiPolygon, Record<string, unknown>>[],
): BoundaryCollection {
  return { type: 'FeatureCollection', features };
}

/** The outlines finished on the drawing layer become the draft's boundary. */
export function applyDrawn(polygons: Polygon[]): void {
  const d = store().screeningDraft ?? emptyDraft();
  if (polygons.length === 0 && d.importedFrom?.format !== 'drawn') return;
  setDraft({
    ...d,
    source: 'wgs84',
    boundary: collection(polygons.map((geometry) => ({ type: 'Feature', geometry, properties: {} }))),
    originalBoundary: undefined,
    importedFrom: { fileName: '', format: 'drawn', crs: 'WGS84 / CGCS2000' },
  });
}

export interface ImportOutcome {
  ok: boolean;
  errors: ImportMessage[];
  warnings: ImportMessage[];
}

function failure(name: string, e: unknown): ImportMessage {
  const detail = e instanceof Error ? e.message : String(e);
  return {
    file: name,
    code: 'read-failed',
    severity: 'error',
    zh: `${name}：读取失败（${detail}）`,
    en: `${name}: could not be read (${detail})`,
  };
}

/** Applies a successful import to the draft; a failed one leaves everything as it was. */
function applyImport(
  r: Extract<ImportResult, { ok: true }>,
  fileName: string,
  source: CoordinateSource,
): void {
  const d = store().screeningDraft ?? emptyDraft();
  const name = d.name || cleanName(fileName.replace(/\.[^.]+$/, '')) || '';
  store().issueDrawCommand('clear');
  setDraft({
    ...d,
    projectId: d.importedFrom && d.projectId ? null : d.projectId,
    name,
    source,
    boundary: collection(r.features),
    originalBoundary: r.original ? collection(r.original) : undefined,
    importedFrom: { fileName, format: r.format, crs: r.crs },
  });
  frameBoundary(r.features);
}

/** Shows a boundary that just came in (file, paste or saved project). */
function frameBoundary(features: { geometry: Polygon | MultiPolygon }[]): void {
  const pts = features.flatMap((f) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2),
  );
  if (pts.length === 0) return;
  const xs = pts.map((p) => p[0] ?? 0);
  const ys = pts.map((p) => p[1] ?? 0);
  store().frame([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
}

/** Files dropped or picked: a boundary from each; the last good one becomes the draft. */
export async function importBoundaryFiles(files: File[], source: CoordinateSource): Promise<ImportOutcome> {
  const errors: ImportMessage[] = [];
  const warnings: ImportMessage[] = [];
  let ok = false;
  const inputs: ImportInput[] = files.map((f) => ({
    name: f.name,
    size: f.size,
    arrayBuffer: () => f.arrayBuffer(),
  }));
  let results: { name: string; result: ImportResult }[];
  try {
    results = await importFiles(inputs, { source });
  } catch (e) {
    return { ok: false, errors: [failure(files.map((f) => f.name).join(', '), e)], warnings };
  }
  for (const { name, result } of results) {
    warnings.push(...result.warnings);
    if (result.ok) {
      applyImport(result, name, source);
      ok = true;
    } else errors.push(...result.errors);
  }
  return { ok, errors, warnings };
}

/** Pasted text: WKT, GeoJSON, coordinate pairs or a 界址点 file's content. */
export async function importBoundaryText(
  text: string,
  source: CoordinateSource,
  label: string,
): Promise<ImportOutcome> {
  try {
    const r = await importBoundary({ name: label, text }, { source });
    if (!r.ok) return { ok: false, errors: r.errors, warnings: r.warnings };
    applyImport(r, label, source);
    return { ok: true, errors: [], warnings: r.warnings };
  } catch (e) {
    return { ok: false, errors: [failure(label, e)], warnings: [] };
  }
}

// ------------------------------------------------------------------ the check

function datasetOf(def: LayerDef, sha256: string, featureCount: number, url: string | null): DatasetInfo {
  const user = store().userLayers[def.id];
  const file = url ? decodeURIComponent(new URL(url).pathname.split('/').pop() ?? def.data) : def.data;
  return {
    layerId: def.id,
    nameZh: def.name.zh,
    nameEn: def.name.en,
    zoneType: zoneTypeOf(def),
    schematic: def.schematic && !user,
    userData: Boolean(user),
    version: user ? `${user.fileName} · ${user.importedAt}` : file,
    provenance: user
      ? `${user.note}; ${user.crs}`
      : [...def.sources.map((s) => `${s.name} (${s.licence})`), def.method].join('; '),
    featureCount,
    sha256,
  };
}

/** Loads the layers in the worker (once per version) and checks the draft against all of them. */
export async function runCheck(buffersM: number[]): Promise<void> {
  const s = store();
  const draft = s.screeningDraft;
  if (!draft || draft.boundary.features.length === 0) return;
  const key = boundaryKey(draft);
  const setRun = s.setScreeningRun;
  setRun({ status: 'loading', progress: null, message: null, errors: [], buffersM, draftKey: key });
  const onProgress = (progress: import('../../domain/screening/layer.ts').Progress) => setRun({ progress });
  try {
    const c = getClient();
    const defs = screeningLayerDefs();
    if (defs.length === 0) throw new Error('no-layers');
    const datasets: DatasetInfo[] = [];
    for (const def of defs) {
      const user = userLayerUrl(def.id);
      const info = s.userLayers[def.id];
      const meta = {
        id: def.id,
        nameZh: def.name.zh,
        nameEn: def.name.en,
        version: info ? `${info.fileName} · ${info.importedAt}` : def.data,
        defaultZoneType: zoneTypeOf(def),
      };
      const url = user ?? dataUrl(def.data);
      const loaded = await c.ensureLayer(
        user && info ? `user:${info.importedAt}:${info.fileName}` : `builtin:${url}`,
        meta,
        { url },
        onProgress,
      );
      datasets.push(datasetOf(def, loaded.sha256, loaded.featureCount, user ? null : url));
    }
    setRun({ status: 'running', progress: null });
    const out = await c.screen(
      draft.boundary,
      defs.map((d) => d.id),
      { projectType: draft.type, buffersM, includeGeometry: true, nearest: true },
      onProgress,
    );
    if (boundaryKey(store().screeningDraft) !== key) return; // the user moved on; this result is stale
    if (!out.ok) {
      setRun({ status: 'invalid', errors: out.errors, progress: null, result: null });
      return;
    }
    setRun({
      status: 'done',
      result: out.result,
      datasets,
      progress: null,
      checkedAt: new Date().toISOString(),
    });
    // show the layers the project touches, so the overlap is seen against them
    store().showLayers([...new Set(out.result.overlaps.map((o) => o.layerId))]);
    store().setOverlay(OVERLAY.overlap, {
      kind: 'overlap',
      data: {
        type: 'FeatureCollection',
        features: out.result.overlaps
          .filter((o) => o.geometry)
          .map((o) => ({
            type: 'Feature',
            geometry: o.geometry as MultiPolygon,
            properties: {
              layerId: o.layerId,
              featureId: o.featureId,
              zoneType: o.zoneType,
              areaM2: o.areaM2,
            },
          })),
      },
    });
    if (buffersM.length > 0) {
      const { bufferRings } = await import('./buffer-rings.ts');
      if (boundaryKey(store().screeningDraft) !== key) return;
      store().setOverlay(OVERLAY.buffers, { kind: 'buffer', data: bufferRings(draft.boundary, buffersM) });
    } else store().setOverlay(OVERLAY.buffers, null);
  } catch (e) {
    setRun({ status: 'error', message: e instanceof Error ? e.message : String(e), progress: null });
  }
}

// ------------------------------------------------------------------ projects in this browser

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
  };
}

export async function openProject(id: string): Promise<boolean> {
  const p = await (await db()).getProject(id);
  if (!p) return false;
  store().issueDrawCommand('clear');
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

export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
