import { importBoundary, importFiles } from '../../domain/importers/index.ts';
import type {
  CoordinateSource,
  ImportInput,
  ImportMessage,
  ImportResult,
} from '../../domain/importers/types.ts';
import { cleanName } from '../../domain/projects/model.ts';
import { mapPort } from '../map/map-port.ts';
import { useAppStore } from '../store/store.ts';
import { collection, emptyDraft, frameBoundary, setDraft } from './draft.ts';

/** A boundary from files or pasted text becomes the draft; a failed import leaves everything as it was. */

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

function applyImport(
  r: Extract<ImportResult, { ok: true }>,
  fileName: string,
  source: CoordinateSource,
): void {
  const d = useAppStore.getState().screeningDraft ?? emptyDraft();
  const name = d.name || cleanName(fileName.replace(/\.[^.]+$/, '')) || '';
  mapPort.clearDrawing();
  setDraft({
    ...d,
    projectId: d.importedFrom && d.projectId ? null : d.projectId,
    name,
    source,
    boundary: collection(r.features),
    originalBoundary: r.original ? collection(r.original) : undefined,
    importedFrom: { fileName, format: r.format, crs: r.crs },
    walk: undefined,
  });
  frameBoundary(r.features);
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
