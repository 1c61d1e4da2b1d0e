import type { Lang } from '../../../layers/types.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import IndicatorSection from './IndicatorSection.tsx';
import { TaskSection } from './TaskSection.tsx';

/** The zone's tasks (TaskSection) and the indicators scoped to it; loaded with the plan on first selection. */
export default function ZonePlanDetails({
  bundle,
  zoneId,
  lang,
}: {
  bundle: PlanBundle;
  zoneId: string;
  lang: Lang;
}) {
  return (
    <>
      <TaskSection bundle={bundle} zoneId={zoneId} lang={lang} />
      <IndicatorSection bundle={bundle} zoneId={zoneId} lang={lang} />
    </>
  );
}
