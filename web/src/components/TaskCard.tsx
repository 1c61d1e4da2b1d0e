import type { ReactNode } from 'react';
import type { Lang } from '../../../layers/types.ts';
import type { Task } from '../../domain/plan/types.ts';
import { t } from '../strings/index.ts';

/** The task text with the mentions of one zone marked; everything is rendered as text. */
function highlighted(task: Task, zoneId: string): ReactNode[] {
  const spans = task.mentions.filter((m) => m.zoneId === zoneId).sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of spans) {
    if (m.start < at) continue;
    out.push(task.text.slice(at, m.start));
    out.push(<mark key={`${m.start}-${m.end}`}>{task.text.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  out.push(task.text.slice(at));
  return out;
}

export function TaskCard({ task, zoneId, lang }: { task: Task; zoneId: string; lang: Lang }) {
  return (
    <article className="task-card" data-task-id={task.id}>
      <header>
        <span className="task-id">{task.id}</span> <strong>{task.title}</strong>
      </header>
      <p className="task-where">
        {task.chapter} › {task.section}
      </p>
      <details>
        <summary>{t('taskText', lang)}</summary>
        <p className="task-text">{highlighted(task, zoneId)}</p>
      </details>
    </article>
  );
}
