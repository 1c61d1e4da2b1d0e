import { useMemo } from 'react';
import type { Lang } from '../../../layers/types.ts';
import { REGION_ID } from '../../domain/plan/gazetteer.ts';
import { zoneIndicators } from '../../domain/plan/zone-indicators.ts';
import { citedSections } from '../../domain/tour/present.ts';
import type { TourChapter } from '../../domain/tour/schema.ts';
import { StatusLine, withUnit } from '../dashboard/StatusLine.tsx';
import type { PlanBundle } from '../plan/plan-data.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import { targetLabel } from '../strings/plan-labels.ts';

/** The year statuses are computed for (the zone panel's and the dashboard's too). */
const AS_OF_YEAR = new Date().getFullYear();

const en = (lang: Lang, zh: string, english: string | undefined) => (lang === 'en' && english ? english : zh);

/**
 * What the chapter presents of the plan: the chapter › section of every cited task with its id and title, and the
 * cited indicators' targets with their status as the region's panel and the dashboard compute it (zoneIndicators
 * on the region, the same observations, the same rule and words; 示例 when the status rests on a sample value).
 */
export function TourPlan({
  chapter,
  bundle,
  lang,
}: {
  chapter: TourChapter;
  bundle: PlanBundle;
  lang: Lang;
}) {
  const sections = useMemo(() => citedSections(chapter, bundle.plan), [chapter, bundle]);
  const rows = useMemo(() => {
    if (chapter.cites.indicators.length === 0) return [];
    const all = zoneIndicators(
      bundle.plan,
      bundle.gazetteer,
      bundle.observations,
      REGION_ID,
      AS_OF_YEAR,
    ).local;
    return chapter.cites.indicators.flatMap((id) => all.find((r) => r.indicator.id === id) ?? []);
  }, [chapter, bundle]);
  return (
    <>
      <div className="tour-plan">
        <h3>{t('tourPlanSection', lang)}</h3>
        <ul>
          {sections.map((s) => (
            <li key={`${s.chapterNo}.${s.sectionNo}`}>
              <span className="tour-section">
                {en(lang, s.chapter, s.chapterEn)} › {en(lang, s.section, s.sectionEn)}
              </span>
              {s.tasks.map((task) => (
                <span key={task.id} className="tour-task" data-task-id={task.id}>
                  <span className="tour-task-id">{task.id}</span> {en(lang, task.title, task.titleEn)}
                </span>
              ))}
            </li>
          ))}
        </ul>
      </div>
      {rows.length > 0 ? (
        <div className="tour-targets">
          <h3>{fill('tourTargets', lang, { year: AS_OF_YEAR })}</h3>
          <ul>
            {rows.map(({ indicator, status }) => {
              const target = status.target;
              const goal = target ? targetLabel(target, indicator.unit, lang) : '';
              return (
                <li key={indicator.id} data-indicator-id={indicator.id}>
                  <span className="tour-target-name">{lang === 'en' ? indicator.en : indicator.name}</span>{' '}
                  {target ? (
                    <span className="tour-target-goal">
                      {target.year === null
                        ? fill('tourTargetStanding', lang, { target: goal })
                        : fill('tourTargetBy', lang, { year: target.year, target: goal })}
                    </span>
                  ) : null}{' '}
                  <StatusLine status={status} lang={lang} />
                  {status.latest ? (
                    <span className="tour-target-latest">
                      {fill('observedValue', lang, {
                        year: status.latest.year,
                        v: withUnit(status.latest.value, indicator.unit),
                      })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </>
  );
}
