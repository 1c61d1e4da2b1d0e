import { useMemo } from 'react';
import { featureBadge } from '../../../layers/badge.ts';
import { layerById } from '../../../layers/registry.ts';
import type { Lang } from '../../../layers/types.ts';
import { taskAsNamed, taskHorizons, taskIndicators, taskPlaces } from '../../domain/plan/task-browse.ts';
import type { Task } from '../../domain/plan/types.ts';
import { BadgeMark } from '../components/BadgeMark.tsx';
import { MarkedText } from '../components/MarkedText.tsx';
import { PlaceLink } from '../components/PlaceLink.tsx';
import { openIndicator } from '../dashboard/indicator-actions.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import { targetLabel } from '../strings/plan-labels.ts';
import { zoneKindLabel } from '../strings/task-labels.ts';
import type { ZoneIndexEntry } from '../zones/zone-index.ts';
import { openTask } from './task-actions.ts';

/** A place the task names: its name (a button when the map draws it), its kind and its layer's badge. */
function Place({
  zoneId,
  bundle,
  index,
  lang,
}: {
  zoneId: string;
  bundle: PlanBundle;
  index: Record<string, ZoneIndexEntry> | null;
  lang: Lang;
}) {
  const userLayers = useAppStore((s) => s.userLayers);
  const entry = bundle.gazetteer.get(zoneId);
  const def = index?.[zoneId] ? layerById(index[zoneId].layerId) : undefined;
  const badge = def ? featureBadge(def, userLayers, 'builtin').badge : null;
  return (
    <>
      <PlaceLink zoneId={zoneId} name={entry?.[lang] ?? zoneId} />{' '}
      {entry ? <span className="task-place-kind">{zoneKindLabel(entry.kind, lang)}</span> : null}{' '}
      <BadgeMark badge={badge} lang={lang} />
    </>
  );
}

/** The chosen task: its full text with the places marked, the places as links, the indicators drawn from it. */
export function TaskDetail({
  task,
  bundle,
  index,
  lang,
}: {
  task: Task;
  bundle: PlanBundle;
  index: Record<string, ZoneIndexEntry> | null;
  lang: Lang;
}) {
  const zt = useMemo(() => taskAsNamed(task), [task]);
  const places = useMemo(() => taskPlaces(task, bundle.gazetteer), [task, bundle.gazetteer]);
  const indicators = taskIndicators(bundle.plan, task.id);
  const horizons = taskHorizons(task, bundle.plan);
  const onMap = index ? task.zones.filter((z) => index[z]).length : 0;
  const sep = t('placeSeparator', lang);
  return (
    <section
      className="task-detail"
      data-task-id={task.id}
      aria-label={`${task.id} ${lang === 'en' ? (task.titleEn ?? task.title) : task.title}`}
    >
      {horizons.length > 0 ? (
        <p className="task-horizons">{fill('tbHorizons', lang, { years: horizons.join(sep) })}</p>
      ) : null}
      <h4>{t('tbFullText', lang)}</h4>
      <p className="task-text" lang="zh-CN">
        <MarkedText zt={zt} />
      </p>
      <h4>{fill('tbPlaces', lang, { n: task.zones.length })}</h4>
      {places.length === 0 ? (
        <p className="task-none">{t('tbNoPlaces', lang)}</p>
      ) : (
        <>
          <ul className="task-places">
            {places.map((p) => (
              <li key={p.zoneId} data-zone-id={p.zoneId}>
                <Place zoneId={p.zoneId} bundle={bundle} index={index} lang={lang} />
                {p.members.length > 0 ? (
                  <div className="task-place-members">
                    {t('tbGroupMembers', lang)}{' '}
                    {p.members.map((m, i) => (
                      <span key={m} data-zone-id={m}>
                        {i > 0 ? sep : null}
                        <Place zoneId={m} bundle={bundle} index={index} lang={lang} />
                      </span>
                    ))}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="note-rule" data-on-map={onMap}>
            {fill('tbOnMap', lang, { n: onMap })}{' '}
            {onMap < task.zones.length ? t('tbNotOnMapNote', lang) : null}
          </p>
        </>
      )}
      <h4>{fill('tbIndicators', lang, { n: indicators.length })}</h4>
      {indicators.length === 0 ? (
        <p className="task-none">{t('tbNoIndicators', lang)}</p>
      ) : (
        <ul className="task-indicators">
          {indicators.map((ind) => (
            <li key={ind.id}>
              <button
                type="button"
                className="indicator-link"
                data-indicator-id={ind.id}
                title={t('tbOpenIndicator', lang)}
                onClick={() => {
                  useAppStore.getState().setView('indicators');
                  openIndicator(useAppStore, ind.id);
                }}
              >
                {lang === 'en' ? ind.en : ind.name}
              </button>{' '}
              <span className="task-targets">
                {ind.targets
                  .map((tg) => `${tg.year ?? t('tbTargetNoYear', lang)} ${targetLabel(tg, ind.unit, lang)}`)
                  .join(sep)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="task-deselect" onClick={() => openTask(useAppStore, null)}>
        {t('tbDeselect', lang)}
      </button>
    </section>
  );
}
