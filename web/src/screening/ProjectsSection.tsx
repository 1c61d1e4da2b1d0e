import { useCallback, useEffect, useId, useState } from 'react';
import type { ProjectSummary } from '../../domain/projects/model.ts';
import { beijingDate } from '../../domain/report/time.ts';
import { PROJECT_TYPES } from '../../domain/screening/rules.ts';
import { useAppStore } from '../store/store.ts';
import { t as tr } from '../strings/index.ts';
import { download } from './download.ts';
import { emptyDraft, newProject, updateDraft } from './draft.ts';
import {
  deleteProject,
  exportProjects,
  importProjects,
  listProjects,
  openProject,
  renameProject,
  saveDraft,
} from './projects.ts';

/** Name and declared type of the project on the bench, and the projects kept in this browser (IndexedDB). */
export function ProjectsSection() {
  const lang = useAppStore((s) => s.lang);
  const draft = useAppStore((s) => s.screeningDraft);
  const [list, setList] = useState<ProjectSummary[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const ids = { name: useId(), type: useId(), imp: useId() };

  const refresh = useCallback(async () => {
    try {
      setList(await listProjects());
    } catch (e) {
      setNote(`${tr('storageFailed', lang)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [lang]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const guard = async (work: () => Promise<void>) => {
    setNote(null);
    try {
      await work();
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      setNote(
        m === 'no-name'
          ? tr('needName', lang)
          : m === 'no-boundary'
            ? tr('needBoundary', lang)
            : m === 'no-type'
              ? tr('needType', lang)
              : `${tr('storageFailed', lang)}: ${m}`,
      );
    }
    await refresh();
  };
  const typeName = (id: string) => {
    const t = PROJECT_TYPES.find((p) => p.id === id);
    return t ? t[lang] : id;
  };

  return (
    <section className="screening-section" aria-labelledby="screening-project-h">
      <h3 id="screening-project-h">{tr('project', lang)}</h3>
      <div className="screening-field">
        <label htmlFor={ids.name}>{tr('projectName', lang)}</label>
        <input
          id={ids.name}
          type="text"
          maxLength={200}
          value={draft?.name ?? ''}
          onChange={(e) => updateDraft({ name: e.currentTarget.value })}
        />
      </div>
      <div className="screening-field">
        <label htmlFor={ids.type}>{tr('projectType', lang)}</label>
        <select
          id={ids.type}
          value={draft?.type ?? emptyDraft().type}
          onChange={(e) => updateDraft({ type: e.currentTarget.value })}
        >
          <option value="" disabled>
            {tr('chooseType', lang)}
          </option>
          {PROJECT_TYPES.map((t) => (
            <option key={t.id} value={t.id}>
              {t[lang]}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            void guard(async () => {
              await saveDraft();
              setNote(tr('saved', lang));
            })
          }
        >
          {tr('save', lang)}
        </button>
        <button type="button" onClick={newProject}>
          {tr('newProject', lang)}
        </button>
      </div>
      {note ? (
        <p className="screening-note" role="status">
          {note}
        </p>
      ) : null}
      <details className="project-list" open={list.length > 0}>
        <summary>
          {tr('savedProjects', lang)} ({list.length})
        </summary>
        {list.length === 0 ? <p className="screening-hint">{tr('noProjects', lang)}</p> : null}
        <ul>
          {list.map((p) => (
            <li key={p.id} data-project-id={p.id} className={draft?.projectId === p.id ? 'current' : ''}>
              {renaming?.id === p.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    const name = renaming.name;
                    setRenaming(null);
                    void guard(() => renameProject(p.id, name));
                  }}
                >
                  <input
                    aria-label={tr('projectName', lang)}
                    value={renaming.name}
                    onChange={(e) => setRenaming({ id: p.id, name: e.currentTarget.value })}
                    onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                  />
                  <button type="submit">{tr('renameOk', lang)}</button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    {tr('cancel', lang)}
                  </button>
                </form>
              ) : (
                <>
                  <span className="project-name">{p.name}</span>
                  <span className="project-meta">
                    {typeName(p.type)} · {beijingDate(p.updatedAt)}
                  </span>
                  <span className="button-row">
                    <button
                      type="button"
                      onClick={() => void guard(async () => void (await openProject(p.id)))}
                    >
                      {tr('open', lang)}
                    </button>
                    <button type="button" onClick={() => setRenaming({ id: p.id, name: p.name })}>
                      {tr('rename', lang)}
                    </button>
                    {confirm === p.id ? (
                      <button
                        type="button"
                        className="danger"
                        onClick={() => {
                          setConfirm(null);
                          void guard(() => deleteProject(p.id));
                        }}
                      >
                        {tr('confirmDelete', lang)}
                      </button>
                    ) : (
                      <button type="button" onClick={() => setConfirm(p.id)}>
                        {tr('delete', lang)}
                      </button>
                    )}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
        <div className="button-row">
          <button
            type="button"
            disabled={list.length === 0}
            onClick={() =>
              void guard(async () => {
                const { fileName, text } = await exportProjects();
                download(fileName, text, 'application/json');
              })
            }
          >
            {tr('exportProjects', lang)}
          </button>
          <label htmlFor={ids.imp} className="file-button">
            {tr('importProjects', lang)}
          </label>
          <input
            id={ids.imp}
            className="screening-file projects-import"
            type="file"
            accept=".json"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (!f) return;
              void guard(async () => {
                const r = await importProjects(f);
                setNote(
                  [`${tr('imported', lang)}: ${r.added}`, ...r.problems.map((p) => p[lang])].join(' · '),
                );
              });
            }}
          />
        </div>
      </details>
    </section>
  );
}
