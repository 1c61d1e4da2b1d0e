import { useEffect, useId, useState } from 'react';
import {
  effectivePlannerRows,
  localStamp,
  type PlannerMessage,
} from '../../domain/plan/planner-observations.ts';
import { allows } from '../../domain/workspace/roles.ts';
import { FileDropZone } from '../components/FileDropZone.tsx';
import { MessageList, type ShownMessage } from '../components/MessageList.tsx';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { fill, words } from '../strings/indicator-labels.ts';
import { probeWorkspace, submitObservations } from '../workspace/workspace-actions.ts';
import {
  clearObservationImports,
  downloadObservationsTemplate,
  downloadPlannerObservations,
  importObservationFiles,
  removeObservationImport,
} from './observation-actions.ts';
import { usePlanBundle } from './use-plan.ts';

const ACCEPT = '.csv,.json,.txt,text/csv,application/json';

/** What is waiting for the planner's yes: removing one file, or clearing all. */
type Pending = { kind: 'remove'; id: string } | { kind: 'clear' } | null;

/**
 * The planner's own observations: drop or choose a CSV/JSON file, see each refused row with its line and reason,
 * the files kept on this computer (each removable), export them back, download the template, clear them.
 */
export default function ObservationsManager() {
  const lang = useAppStore((s) => s.lang);
  const imports = useAppStore((s) => s.plannerImports);
  const storage = useAppStore((s) => s.plannerStorage);
  const storageError = useAppStore((s) => s.plannerStorageError);
  const bundle = usePlanBundle(true);
  const ws = useAppStore((s) => s.workspace);
  const mayShare = ws.status === 'signed-in' && ws.account !== null && allows(ws.account.role, 'observe');
  useEffect(() => {
    void probeWorkspace();
  }, []);
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<ShownMessage[]>([]);
  const [pending, setPending] = useState<Pending>(null);
  const ids = { heading: useId(), confirm: useId() };

  const run = async (work: () => Promise<ShownMessage[]>) => {
    setBusy(true);
    setPending(null);
    try {
      setMessages(await work());
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      setMessages([{ code: 'action-failed', severity: 'error', ...words('obsActionFailed', { error }) }]);
    } finally {
      setBusy(false);
    }
  };
  const onFiles = (files: FileList | null | undefined) => {
    const list = files ? [...files] : [];
    if (list.length > 0) void run(async () => (await importObservationFiles(list)).map(shown));
  };
  const done = (key: 'obsRemoved' | 'obsCleared', vars: Record<string, string | number>): ShownMessage[] => [
    { code: key, severity: 'info', ...words(key, vars) },
  ];

  const inUse = bundle ? effectivePlannerRows(imports, bundle.plan.indicators).length : 0;
  const allRows = imports.reduce((n, i) => n + i.rows.length, 0);
  const target = pending?.kind === 'remove' ? imports.find((i) => i.id === pending.id) : undefined;

  return (
    <section className="observations-manager" aria-labelledby={ids.heading} data-storage={storage}>
      <h3 id={ids.heading}>{t('obsManagerTitle', lang)}</h3>
      <p className="observations-intro">{t('obsManagerIntro', lang)}</p>
      {storage === 'unavailable' ? (
        <p className="observations-warning" role="status">
          {fill('obsStorageUnavailable', lang, { error: storageError ?? '' })}
        </p>
      ) : null}
      <FileDropZone
        label={t('obsChoose', lang)}
        dropText={t('obsDrop', lang)}
        chooseText={t('obsChoose', lang)}
        inputClassName="observations-file"
        accept={ACCEPT}
        busy={busy}
        onFiles={onFiles}
      />
      {busy ? <p role="status">{t('obsReading', lang)}</p> : null}
      <div role="status" aria-live="polite">
        <MessageList
          items={messages}
          lang={lang}
          label={t('obsMessages', lang)}
          className="observations-messages"
        />
      </div>

      {imports.length > 0 ? (
        <>
          <h4>{fill('obsFilesHeading', lang, { n: imports.length })}</h4>
          <ul className="observations-files">
            {imports.map((imp) => (
              <li key={imp.id} data-import-id={imp.id}>
                <span className="observations-file-name">{imp.fileName}</span>{' '}
                <span className="observations-file-meta">
                  {fill('obsFileLine', lang, { rows: imp.rows.length, time: localStamp(imp.importedAt) })}
                  {imp.refused > 0 ? fill('obsFileRefused', lang, { refused: imp.refused }) : ''}
                </span>{' '}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => setPending({ kind: 'remove', id: imp.id })}
                  aria-label={`${t('obsRemove', lang)} ${imp.fileName}`}
                >
                  {t('obsRemove', lang)}
                </button>
                {mayShare ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="observations-share"
                      disabled={busy}
                      onClick={() => void run(() => submitObservations(imp.rows))}
                      aria-label={`${t('wsSubmit', lang)} ${imp.fileName}`}
                    >
                      {t('wsSubmit', lang)}
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="observations-in-use">{fill('obsInEffect', lang, { n: inUse })}</p>
        </>
      ) : (
        <p className="observations-none">{t('obsNone', lang)}</p>
      )}

      {pending ? (
        <div className="observations-confirm" role="alertdialog" aria-labelledby={ids.confirm}>
          <p id={ids.confirm}>
            {pending.kind === 'clear'
              ? fill('obsClearConfirm', lang, { n: imports.length, rows: allRows })
              : fill('obsRemoveConfirm', lang, {
                  file: target?.fileName ?? '',
                  rows: target?.rows.length ?? 0,
                })}
          </p>
          <button
            type="button"
            className="danger"
            onClick={() =>
              pending.kind === 'clear'
                ? void run(async () => {
                    await clearObservationImports();
                    return done('obsCleared', { rows: allRows });
                  })
                : void run(async () => {
                    const gone = await removeObservationImport(pending.id);
                    return done('obsRemoved', { file: gone?.fileName ?? '', rows: gone?.rows.length ?? 0 });
                  })
            }
          >
            {t(pending.kind === 'clear' ? 'obsConfirmClear' : 'obsConfirmRemove', lang)}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            {t('obsCancel', lang)}
          </button>
        </div>
      ) : null}

      {ws.observations.length > 0 ? (
        <p className="observations-shared">{fill('wsSharedRows', lang, { n: ws.observations.length })}</p>
      ) : null}

      <div className="observations-actions">
        <button
          type="button"
          disabled={busy || inUse === 0}
          onClick={() => void downloadPlannerObservations()}
        >
          {t('obsExport', lang)}
        </button>
        <button type="button" onClick={() => void downloadObservationsTemplate(lang)}>
          {t('obsTemplate', lang)}
        </button>
        <button
          type="button"
          disabled={busy || imports.length === 0}
          onClick={() => setPending({ kind: 'clear' })}
        >
          {t('obsClear', lang)}
        </button>
      </div>
    </section>
  );
}

const shown = (m: PlannerMessage): ShownMessage => ({
  code: m.code,
  severity: m.severity,
  zh: m.zh,
  en: m.en,
});
