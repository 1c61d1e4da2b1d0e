import { type ReactNode, useEffect, useId, useState } from 'react';
import type { Lang } from '../../../layers/types.ts';
import type { ChapterNode } from '../../domain/plan/task-browse.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { openTask } from './task-actions.ts';
import { treeKeyDown } from './tree-keys.ts';

const chapterKey = (no: number) => `c${no}`;
const sectionKey = (id: string) => `s${id}`;

/** Every group of the tree (all open while filtering, so the matches show). */
const allGroups = (tree: readonly ChapterNode[]) =>
  tree.flatMap((c) => [chapterKey(c.no), ...c.sections.map((s) => sectionKey(s.id))]);

/** The groups holding a task (opened when it is chosen). */
const pathOf = (tree: readonly ChapterNode[], taskId: string | null) => {
  for (const c of tree)
    for (const s of c.sections)
      if (s.tasks.some((x) => x.id === taskId)) return [chapterKey(c.no), sectionKey(s.id)];
  return [];
};

/**
 * Chapters › sections › tasks as folded groups with counts. Folded at first (the chosen task's groups open);
 * while a filter is set every group holding a match is open. The chosen task shows its details under it.
 */
export function TaskTree({
  tree,
  lang,
  filtering,
  filterKey,
  detail,
}: {
  tree: readonly ChapterNode[];
  lang: Lang;
  filtering: boolean;
  /** changes when the filters do */
  filterKey: string;
  detail: ReactNode;
}) {
  const selected = useAppStore((s) => s.selectedTaskId);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(pathOf(tree, selected)));
  const hint = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the folding when the filters change, not the tree object
  useEffect(() => {
    setOpen(new Set(filtering ? allGroups(tree) : pathOf(tree, useAppStore.getState().selectedTaskId)));
  }, [filterKey, filtering]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: open the chosen task's groups when the choice changes
  useEffect(() => {
    const path = pathOf(tree, selected);
    if (path.length > 0) setOpen((o) => (path.every((p) => o.has(p)) ? o : new Set([...o, ...path])));
  }, [selected]);
  useEffect(() => {
    if (selected)
      document.querySelector(`.task-item[data-task-id="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  const toggle = (key: string) => (e: React.SyntheticEvent<HTMLDetailsElement>) => {
    if (e.target !== e.currentTarget) return;
    const isOpen = e.currentTarget.open;
    setOpen((o) => {
      if (o.has(key) === isOpen) return o;
      const next = new Set(o);
      if (isOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  };
  const en = lang === 'en';
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of headings and buttons, not a form's fieldset
    <div
      className="task-tree"
      role="group"
      aria-label={t('tbTree', lang)}
      aria-describedby={hint}
      onKeyDown={treeKeyDown}
    >
      <p id={hint} className="visually-hidden">
        {t('tbTreeKeys', lang)}
      </p>
      {tree.map((c) => (
        <details
          key={c.no}
          className="task-chapter"
          data-chapter={c.no}
          open={open.has(chapterKey(c.no))}
          onToggle={toggle(chapterKey(c.no))}
        >
          <summary>
            {en && c.titleEn ? `${c.no}. ${c.titleEn}` : `${c.numeral}、${c.title}`}{' '}
            <span className="task-count-badge">({c.count})</span>
          </summary>
          {c.sections.map((s) => (
            <details
              key={s.id}
              className="task-section"
              data-section-id={s.id}
              open={open.has(sectionKey(s.id))}
              onToggle={toggle(sectionKey(s.id))}
            >
              <summary>
                {en && s.titleEn ? `${s.id} ${s.titleEn}` : `(${s.numeral})${s.title}`}{' '}
                <span className="task-count-badge">({s.tasks.length})</span>
              </summary>
              <ul>
                {s.tasks.map((task) => {
                  const chosen = task.id === selected;
                  return (
                    <li key={task.id} className={chosen ? 'chosen' : undefined}>
                      <button
                        type="button"
                        className="task-item"
                        data-task-id={task.id}
                        aria-expanded={chosen}
                        onClick={() => openTask(useAppStore, chosen ? null : task.id)}
                      >
                        <span className="task-id">{task.id}</span>{' '}
                        {en ? (task.titleEn ?? task.title) : task.title}
                      </button>
                      {chosen ? detail : null}
                    </li>
                  );
                })}
              </ul>
            </details>
          ))}
        </details>
      ))}
    </div>
  );
}
