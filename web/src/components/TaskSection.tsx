import { useMemo } from 'react';
import type { Lang } from '../../../layers/types.ts';
import { REGION_ID } from '../../domain/plan/gazetteer.ts';
import type { PlanData } from '../../domain/plan/types.ts';
import { groupBySection, notNamed, type ZoneTask, zoneTasks } from '../../domain/plan/zone-tasks.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { t } from '../strings/index.ts';
import '../styles/zone-tasks.css';
import { PlaceLink } from './PlaceLink.tsx';
import { type NameOf, TaskCard } from './TaskCard.tsx';

/** Tasks grouped by chapter › section; groups start folded when `folded` (the region's 96 tasks). */
function TaskGroups({
  tasks,
  plan,
  lang,
  nameOf,
  folded,
}: {
  tasks: readonly ZoneTask[];
  plan: PlanData;
  lang: Lang;
  nameOf: NameOf;
  folded: boolean;
}) {
  return (
    <>
      {groupBySection(tasks).map((g) => {
        const chapter = plan.chapters.find((c) => c.no === g.chapterNo);
        const section = chapter?.sections.find((s) => s.id === g.sectionId);
        return (
          <details key={g.sectionId} className="task-group" data-section-id={g.sectionId} open={!folded}>
            <summary>
              {lang === 'en' && chapter?.titleEn && section?.titleEn ? (
                `${chapter.no}. ${chapter.titleEn} › ${section.id} ${section.titleEn} (${g.tasks.length})`
              ) : (
                <>
                  {chapter ? `${chapter.numeral}、` : ''}
                  {g.chapter} › {section ? `(${section.numeral})` : ''}
                  {g.section} ({g.tasks.length})
                </>
              )}
            </summary>
            {g.tasks.map((zt) => (
              <TaskCard key={zt.task.id} zt={zt} lang={lang} nameOf={nameOf} />
            ))}
          </details>
        );
      })}
    </>
  );
}

/** The zone's tasks: those naming it (all, for the region) and, for a league, those naming places within it. */
export function TaskSection({ bundle, zoneId, lang }: { bundle: PlanBundle; zoneId: string; lang: Lang }) {
  const result = useMemo(
    () => zoneTasks(bundle.plan, bundle.gazetteer, zoneId),
    [bundle.plan, bundle.gazetteer, zoneId],
  );
  const nameOf: NameOf = (id) => bundle.gazetteer.get(id)?.[lang] ?? id;
  const region = zoneId === REGION_ID;
  const { naming, within, places } = result;
  const inside = places.filter((p) => p.where === 'inside');
  const crossing = places.filter((p) => p.where === 'crosses');
  const count = (n: number) => t('placeTasks', lang).replace('{n}', String(n));
  return (
    <section className="zone-tasks" data-naming={naming.length} data-within={within.length}>
      <h3>
        {t('planTasks', lang)} ({naming.length + within.length})
      </h3>
      {lang === 'en' && bundle.plan.titlesEn ? (
        <p className="note-titles-en" data-source={bundle.plan.titlesEn.source}>
          {t('titlesEnNote', lang)}
        </p>
      ) : null}
      {region ? <p className="zone-region-note">{t('regionAllTasks', lang)}</p> : null}
      {!region && within.length > 0 ? (
        <h4>
          {t('tasksNaming', lang)} ({naming.length})
        </h4>
      ) : null}
      {notNamed(result) ? <p className="zone-empty">{t('noTasks', lang)}</p> : null}
      <div className="task-list" data-list="naming">
        <TaskGroups tasks={naming} plan={bundle.plan} lang={lang} nameOf={nameOf} folded={region} />
      </div>
      {within.length > 0 ? (
        <>
          <h4>
            {t('tasksWithin', lang)} ({within.length})
          </h4>
          {[
            { key: 'inside', title: t('placesWithin', lang), list: inside },
            { key: 'crosses', title: t('placesCrossing', lang), list: crossing },
          ].map((p) =>
            p.list.length > 0 ? (
              <div key={p.key} className="places-within" data-where={p.key}>
                <span>{p.title}:</span>
                <ul>
                  {p.list.map((pl) => (
                    <li key={pl.zoneId}>
                      <PlaceLink zoneId={pl.zoneId} name={nameOf(pl.zoneId)} />{' '}
                      <span className="place-count">{count(pl.tasks)}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
          <p className="note-rule">{t('withinRule', lang)}</p>
          <div className="task-list" data-list="within">
            <TaskGroups tasks={within} plan={bundle.plan} lang={lang} nameOf={nameOf} folded={false} />
          </div>
        </>
      ) : null}
    </section>
  );
}
