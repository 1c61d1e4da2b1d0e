/**
 * The planner's observation files: read on this computer, checked (web/domain/plan/planner-observations.ts), kept in
 * IndexedDB (web/src/storage/observations-db.ts) and in the store, so every view's statuses update at once. A file
 * that fails, or a save that fails, leaves what was kept before as it was.
 */
import {
  decodeObservationBytes,
  effectivePlannerRows,
  MAX_OBSERVATION_FILE_BYTES,
  observationsCsv,
  observationsTemplate,
  type PlannerImport,
  type PlannerMessage,
  plannerNote,
  readPlannerFile,
} from '../../domain/plan/planner-observations.ts';
import { download } from '../screening/download.ts';
import { ObservationsDb } from '../storage/observations-db.ts';
import { useAppStore } from '../store/store.ts';
import { loadPlanBundle } from './plan-data.ts';

let db: Promise<ObservationsDb> | null = null;
let loading: Promise<void> | null = null;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const store = () => useAppStore.getState();

/** Reads the stored files once; without IndexedDB the planner's rows last until the page is closed. */
export function loadPlannerObservations(): Promise<void> {
  loading ??= (async () => {
    try {
      db = ObservationsDb.open();
      const imports = await (await db).list();
      store().setPlannerImports(imports);
      store().setPlannerStorage('ready');
    } catch (e) {
      db = null;
      store().setPlannerStorage('unavailable', errorText(e));
    }
  })();
  return loading;
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Imports files one after the other; returns what to tell the planner, a summary per file first. */
export async function importObservationFiles(files: readonly File[]): Promise<PlannerMessage[]> {
  await loadPlannerObservations();
  const base = await loadPlanBundle();
  const messages: PlannerMessage[] = [];
  for (const f of files) {
    if (f.size > MAX_OBSERVATION_FILE_BYTES) {
      messages.push(
        plannerNote('file-too-large', 'error', {
          file: f.name,
          size: f.size,
          limit: MAX_OBSERVATION_FILE_BYTES,
        }),
      );
      continue;
    }
    let text: string;
    let encoding: string;
    try {
      ({ text, encoding } = decodeObservationBytes(new Uint8Array(await f.arrayBuffer())));
    } catch (e) {
      messages.push(plannerNote('file-unreadable', 'error', { file: f.name, detail: errorText(e) }));
      continue;
    }
    const r = readPlannerFile(
      { id: newId(), fileName: f.name, text, importedAt: new Date().toISOString() },
      {
        indicators: base.plan.indicators,
        zones: base.gazetteer,
        defaults: base.observations,
        imports: store().plannerImports,
      },
    );
    if (r.imported && db) {
      try {
        await (await db).save(r.imported);
      } catch (e) {
        messages.push(plannerNote('file-not-saved', 'error', { file: f.name, detail: errorText(e) }));
        continue;
      }
    }
    if (r.imported) store().setPlannerImports([...store().plannerImports, r.imported]);
    messages.push(...r.messages);
    if (encoding === 'gb18030') messages.push(plannerNote('encoding-gb18030', 'warning', { file: f.name }));
  }
  return messages;
}

/** Removes one imported file (its rows; an earlier file's rows it replaced count again). */
export async function removeObservationImport(id: string): Promise<PlannerImport | null> {
  const gone = store().plannerImports.find((i) => i.id === id) ?? null;
  if (db) await (await db).remove(id);
  store().setPlannerImports(store().plannerImports.filter((i) => i.id !== id));
  return gone;
}

/** Removes every imported file. */
export async function clearObservationImports(): Promise<void> {
  if (db) await (await db).clear();
  store().setPlannerImports([]);
}

const today = () => new Date().toISOString().slice(0, 10);

/** The planner's rows in use as a CSV in the import format. */
export async function downloadPlannerObservations(): Promise<void> {
  const base = await loadPlanBundle();
  const rows = effectivePlannerRows(store().plannerImports, base.plan.indicators);
  download(
    `observations-planner-${today()}.csv`,
    observationsCsv(rows, base.plan.indicators),
    'text/csv;charset=utf-8',
  );
}

/** The template: columns and every indicator explained in comment lines, the header in the language shown. */
export async function downloadObservationsTemplate(lang: 'zh' | 'en'): Promise<void> {
  const base = await loadPlanBundle();
  download(
    `observations-template-${lang}.csv`,
    observationsTemplate(base.plan.indicators, base.gazetteer, lang),
    'text/csv;charset=utf-8',
  );
}
