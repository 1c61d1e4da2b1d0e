import type { Lang } from '../../../layers/types.ts';
import { computeStatus } from '../../domain/plan/status.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { t } from '../strings/index.ts';
import { statusLabel, targetLabel } from '../strings/plan-labels.ts';
import { TaskCard } from './TaskCard.tsx';

const AS_OF_YEAR = new Date().getFullYear();

/** Tasks that name the zone and the indicators scoped to it; loaded with the plan on first selection. */
export default function ZonePlanDetails({
  bundle,
  zoneId,
  lang,
}: {
  bundle: PlanBundle;
  zoneId: string;
  lang: Lang;
}) {
  const tasks = bundle.tasksByZone.get(zoneId) ?? [];
  const taskIds = new Set(tasks.map((x) => x.id));
  const indicators = bundle.plan.indicators.filter((i) => i.zones.includes(zoneId) || taskIds.has(i.taskId));
  return (
    <>
      <section className="zone-tasks">
        <h3>
          {t('planTasks', lang)} ({tasks.length})
        </h3>
        {tasks.length === 0 ? <p className="zone-empty">{t('noTasks', lang)}</p> : null}
        {tasks.map((task) => (
          <TaskCard key={task.id} task={task} zoneId={zoneId} lang={lang} />
        ))}
      </section>
      {indicators.length > 0 ? (
        <section className="zone-indicators">
          <h3>{t('indicators', lang)}</h3>
          <ul>
            {indicators.map((ind) => {
              const st = computeStatus(ind, bundle.observations, AS_OF_YEAR);
              return (
                <li key={ind.id} data-indicator-id={ind.id}>
                  <strong>{lang === 'zh' ? ind.name : ind.en}</strong>
                  <span className="targets">
                    {ind.targets
                      .map((tg) => `${tg.year ?? ''} ${targetLabel(tg, ind.unit, lang)}`.trim())
                      .join('；')}
                  </span>
                  <span className={`status status-${st.status}`}>
                    {statusLabel(st.status, lang)}
                    {st.sample ? <span className="badge-sample">{t('sample', lang)}</span> : null}
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="note-sample">{t('sampleNote', lang)}</p>
        </section>
      ) : null}
    </>
  );
}
