import { lazy, Suspense, useEffect } from 'react';
import { featureBadge } from '../../../layers/badge.ts';
import { layerById } from '../../../layers/registry.ts';
import { runCommand } from '../commands/registry.ts';
import { usePlanBundle } from '../plan/use-plan.ts';
import { briefOpen, useAppStore, type ZoneSummary } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { BadgeMark } from './BadgeMark.tsx';
import { ZoneBriefButton } from './ZoneBriefButton.tsx';
import { ZoneCsvButton } from './ZoneCsvButton.tsx';

const ZonePlanDetails = lazy(() => import('./ZonePlanDetails.tsx'));
const ZoneBrief = lazy(() => import('./ZoneBrief.tsx'));

const hereBadge = (z: ZoneSummary, userLayers: Parameters<typeof featureBadge>[1]) => {
  const def = layerById(z.layerId);
  return def ? featureBadge(def, userLayers, z.fromUser ? 'user' : 'builtin').badge : null;
};

export function ZonePanel() {
  const zone = useAppStore((s) => s.selectedZone);
  const here = useAppStore((s) => s.zonesHere);
  const lang = useAppStore((s) => s.lang);
  const bundle = usePlanBundle(zone !== null);
  const userLayers = useAppStore((s) => s.userLayers);
  const brief = useAppStore(briefOpen);
  const staleBrief = useAppStore((s) => s.briefZoneId !== null && !briefOpen(s));
  useEffect(() => {
    // a brief opened for another zone does not come back when that zone is selected again
    if (staleBrief) useAppStore.getState().setBriefZone(null);
  }, [staleBrief]);
  if (!zone) return null;
  const entry = bundle?.gazetteer.get(zone.id);
  const layer = layerById(zone.layerId);
  const { badge, superseded } = layer
    ? featureBadge(layer, userLayers, zone.fromUser ? 'user' : 'builtin')
    : { badge: null, superseded: false };
  const name = entry ? entry[lang] : zone[lang] || zone.zh || zone.id;
  const other = entry ? (lang === 'zh' ? entry.en : entry.zh) : lang === 'zh' ? zone.en : zone.zh;
  const loading = <p className="zone-loading">{t('loadingPlan', lang)}</p>;

  return (
    <aside
      className="zone-panel"
      aria-label={t('selected', lang)}
      data-zone-id={zone.id}
      data-origin={zone.fromUser ? 'user' : 'builtin'}
    >
      <header>
        <h2>
          {name}
          <BadgeMark badge={badge} lang={lang} />
        </h2>
        <button
          type="button"
          className="icon-button"
          onClick={() => runCommand('zone.clearSelection')}
          aria-label={t('clear', lang)}
        >
          ×
        </button>
      </header>
      <p className="zone-alt">{other}</p>
      {layer ? <p className="zone-layer">{layer.name[lang]}</p> : null}
      {superseded ? (
        <p className="note-superseded">
          {t(badge === 'schematic' ? 'zoneSupersededSchematic' : 'zoneSuperseded', lang)}
        </p>
      ) : badge === 'schematic' ? (
        <p className="note-schematic">{t('schematicLayerNote', lang)}</p>
      ) : null}
      {here.length > 0 ? (
        <nav className="zones-here" aria-label={t('alsoHere', lang)}>
          <span>{t('alsoHere', lang)}:</span>
          {here.map((z) => (
            <button
              key={z.id}
              type="button"
              data-zone-id={z.id}
              onClick={() => useAppStore.getState().selectZone(z)}
            >
              {bundle?.gazetteer.get(z.id)?.[lang] ?? (z[lang] || z.zh || z.id)}
              <BadgeMark badge={hereBadge(z, userLayers)} lang={lang} />
            </button>
          ))}
        </nav>
      ) : null}
      {bundle ? <ZoneCsvButton bundle={bundle} zoneId={zone.id} badge={badge} lang={lang} /> : null}
      {bundle ? <ZoneBriefButton lang={lang} /> : null}
      {bundle && brief ? (
        <Suspense fallback={null}>
          <ZoneBrief key={`${zone.id} ${lang}`} bundle={bundle} zone={zone} badge={badge} />
        </Suspense>
      ) : null}
      {bundle ? (
        <Suspense fallback={loading}>
          <ZonePlanDetails bundle={bundle} zoneId={zone.id} lang={lang} />
        </Suspense>
      ) : (
        loading
      )}
    </aside>
  );
}
