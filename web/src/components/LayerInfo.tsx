import { useEffect, useRef } from 'react';
import { layerBadge } from '../../../layers/badge.ts';
import { layerById } from '../../../layers/registry.ts';
import { isLoadedForScreening } from '../../../layers/screening.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { BadgeMark } from './BadgeMark.tsx';
import { UserDataSection } from './UserDataSection.tsx';

/** Where a layer comes from, its licence, how it was made and how accurate it is. Text only. */
export default function LayerInfo() {
  const id = useAppStore((s) => s.infoLayerId);
  const lang = useAppStore((s) => s.lang);
  const ref = useRef<HTMLDialogElement>(null);
  const def = id ? layerById(id) : undefined;
  const badge = useAppStore((s) => (def ? layerBadge(def, s.userLayers) : null));
  const notLoaded = useAppStore((s) => (def ? !isLoadedForScreening(def, s.userLayers) : false));

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (def && !d.open) d.showModal();
    if (!def && d.open) d.close();
  }, [def]);

  return (
    <dialog
      ref={ref}
      className="layer-info"
      onClose={() => useAppStore.getState().showInfo(null)}
      aria-labelledby="layer-info-title"
    >
      {def ? (
        <>
          <h2 id="layer-info-title">
            {def.name[lang]} <BadgeMark badge={badge} lang={lang} />
          </h2>
          {notLoaded ? (
            <p className="note-not-loaded">{t('notLoadedNote', lang)}</p>
          ) : badge === 'user' ? (
            <p className="note-surveyed">
              {t(def.userDataOnly ? 'userDataOnlyLoaded' : 'userBuiltInBelow', lang)}
            </p>
          ) : (
            <p className={badge === 'schematic' ? 'note-schematic' : 'note-surveyed'}>
              {t(badge === 'schematic' ? 'schematicLayerNote' : 'surveyed', lang)}
            </p>
          )}
          <dl>
            {def.sources.map((s) => (
              <div key={s.name} className="source">
                <dt>{t('source', lang)}</dt>
                <dd>
                  {s.name}
                  {s.package ? ` (npm: ${s.package})` : ''}
                </dd>
                <dt>{t('licence', lang)}</dt>
                <dd>{s.licence}</dd>
                <dt>{t('attribution', lang)}</dt>
                <dd>{s.attribution}</dd>
                {s.note ? <dd className="source-note">{s.note}</dd> : null}
              </div>
            ))}
            <dt>{t('layerMethod', lang)}</dt>
            <dd>{def.method}</dd>
            <dt>{t('accuracy', lang)}</dt>
            <dd>{def.accuracy[lang]}</dd>
          </dl>
          <UserDataSection def={def} />
          <form method="dialog">
            <button type="submit">{t('close', lang)}</button>
          </form>
        </>
      ) : null}
    </dialog>
  );
}
