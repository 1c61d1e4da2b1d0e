import type { Lang } from '../../../layers/types.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { t } from '../strings/index.ts';
import IndicatorSection from './IndicatorSection.tsx';
import { TaskCard } from './TaskCard.tsx';

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
      <IndicatorSection bundle={bundle} zoneId={zoneId} lang={lang} />
    </>
  );
}
