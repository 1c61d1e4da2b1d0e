import { layerBadge } from '../../../layers/badge.ts';
import { layerById } from '../../../layers/registry.ts';
import type { Lang } from '../../../layers/types.ts';
import { type Fix, type FixVerdict, judgeFix, POOR_ACCURACY_M } from '../../domain/field/fix.ts';
import { gaussKrugerOf, gaussKrugerText, latLonText } from '../../domain/field/position.ts';
import type { PointReport, ZoneHere } from '../../domain/field/zones-here.ts';
import { beijingTime } from '../../domain/report/time.ts';
import { runCommand } from '../commands/registry.ts';
import { BadgeMark } from '../components/BadgeMark.tsx';
import { fmtDistance } from '../screening/format.ts';
import { type UserLayerInfo, useAppStore, type ZoneSummary } from '../store/store.ts';
import { type StringKey, t } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import { CopyText } from './CopyText.tsx';
import { checkSiteHere, SITE_RADII_M } from './check-site.ts';
import { GEO_TIMEOUT_MS, type GeoFailure } from './geolocation.ts';
import { closePosition } from './locate.ts';

const FAILURE_KEY: Record<GeoFailure, StringKey> = {
  denied: 'posDenied',
  unavailable: 'posUnavailable',
  timeout: 'posTimeout',
  unsupported: 'posUnsupported',
};

const DIR_KEY: Record<string, StringKey> = {
  N: 'posDirN',
  NE: 'posDirNE',
  E: 'posDirE',
  SE: 'posDirSE',
  S: 'posDirS',
  SW: 'posDirSW',
  W: 'posDirW',
  NW: 'posDirNW',
};

/** The layer a zone came from, as the user knows it: the user's own file by its name, else the layer's name. */
function layerName(layerId: string, userLayers: Record<string, UserLayerInfo>, lang: Lang): string {
  const user = userLayers[layerId];
  if (user) return user.fileName;
  return layerById(layerId)?.name[lang] ?? layerId;
}

const zoneName = (z: { zh: string; en: string; zoneId: string | null; featureId: string }, lang: Lang) =>
  (lang === 'zh' ? z.zh || z.en : z.en || z.zh) || z.zoneId || z.featureId;

function summaryOf(z: ZoneHere, userLayers: Record<string, UserLayerInfo>): ZoneSummary | null {
  if (!z.zoneId) return null;
  return {
    id: z.zoneId,
    zh: z.zh,
    en: z.en,
    kind: z.kind,
    layerId: z.layerId,
    ...(userLayers[z.layerId] ? { fromUser: true as const } : {}),
  };
}

function VerdictLine({ verdict, lang }: { verdict: FixVerdict; lang: Lang }) {
  if (verdict.kind === 'poor-accuracy')
    return (
      <p className="position-warning" data-verdict="poor-accuracy">
        {fill('posPoor', lang, {
          m: Number.isFinite(verdict.accuracyM) ? Math.round(verdict.accuracyM) : '?',
          limit: POOR_ACCURACY_M,
        })}
      </p>
    );
  if (verdict.kind === 'outside-region')
    return (
      <p className="position-warning" data-verdict="outside-region">
        {fill('posOutside', lang, {
          km: verdict.km,
          dir: DIR_KEY[verdict.dir] ? t(DIR_KEY[verdict.dir] as StringKey, lang) : '',
        })}
      </p>
    );
  if (verdict.kind === 'invalid')
    return (
      <p className="position-warning" data-verdict="invalid">
        {t('posInvalid', lang)}
      </p>
    );
  return null;
}

function Zones({ report, fix, lang }: { report: PointReport; fix: Fix; lang: Lang }) {
  const userLayers = useAppStore((s) => s.userLayers);
  const summaries = report.zones.map((z) => summaryOf(z, userLayers));
  const open = (i: number) => {
    const zone = summaries[i];
    if (!zone) return;
    // what a map click at this point does: the zone selected, the others here offered
    const others = summaries.filter((s, k): s is ZoneSummary => s !== null && k !== i);
    const s = useAppStore.getState();
    s.showLayers([zone.layerId]);
    s.selectZone(zone, others);
  };
  const redNames = report.redLineLayers.map((id) => layerName(id, userLayers, lang)).join('、');
  const near = report.nearestRedLine;
  return (
    <>
      <div className="position-redline" data-in-red-line={report.inRedLine.length > 0 ? 'yes' : 'no'}>
        <p className="position-redline-verdict">
          {report.redLineLayers.length === 0
            ? t('posNoRedLine', lang)
            : report.inRedLine.length > 0
              ? fill('posInRedLine', lang, {
                  names: report.inRedLine.map((z) => zoneName(z, lang)).join('、'),
                })
              : fill('posNotInRedLine', lang, { layers: redNames })}
          {report.redLineLayers.map((id) => {
            const def = layerById(id);
            return def ? <BadgeMark key={id} badge={layerBadge(def, userLayers)} lang={lang} /> : null;
          })}
        </p>
        {report.redLineLayers.length > 0 ? (
          <p className="position-nearest" data-distance-m={near ? near.distanceM : ''}>
            {near
              ? fill(near.inside ? 'posNearestInside' : 'posNearestOutside', lang, {
                  d: fmtDistance(near.distanceM, lang),
                  name: zoneName(near, lang),
                  layer: layerName(near.layerId, userLayers, lang),
                })
              : t('posNearestNone', lang)}
          </p>
        ) : null}
        {near && near.distanceM < fix.accuracyM ? (
          <p className="position-warning" data-verdict="edge-uncertain">
            {fill('posEdgeUncertain', lang, { m: Math.round(fix.accuracyM) })}
          </p>
        ) : null}
      </div>
      <h3>{t('posZones', lang)}</h3>
      {report.zones.length === 0 ? <p>{t('posZonesNone', lang)}</p> : null}
      <ul className="position-zones">
        {report.zones.map((z, i) => {
          const def = layerById(z.layerId);
          const name = zoneName(z, lang);
          return (
            <li key={`${z.layerId}/${z.featureId}`} data-layer={z.layerId} data-zone-id={z.zoneId ?? ''}>
              <span className="position-zone-layer">
                {layerName(z.layerId, userLayers, lang)}
                {def ? <BadgeMark badge={layerBadge(def, userLayers)} lang={lang} /> : null}
              </span>
              {summaries[i] ? (
                <button
                  type="button"
                  className="position-zone"
                  aria-label={fill('posZoneOpen', lang, { name })}
                  onClick={() => open(i)}
                >
                  {name}
                </button>
              ) : (
                <span className="position-zone">{name}</span>
              )}
              {z.onBoundary ? <span> {t('posOnEdge', lang)}</span> : null}
              {z.layerEdgeM !== null && z.layerEdgeM < fix.accuracyM ? (
                <span className="position-uncertain" data-edge-m={z.layerEdgeM}>
                  {fill('posZoneUncertain', lang, { d: fmtDistance(z.layerEdgeM, lang) })}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** "我的位置 / My position": the fix, what it is worth, the zones there, copying it, and a site check around it. */
export default function PositionCard() {
  const lang = useAppStore((s) => s.lang);
  const field = useAppStore((s) => s.field);
  if (!field.open) return null;
  const fix = field.position;
  const verdict = fix ? judgeFix(fix) : null;
  const shown = fix && verdict && verdict.kind !== 'invalid' ? fix : null;
  const gk = shown ? gaussKrugerOf(shown.lon, shown.lat, 3) : null;
  return (
    <aside className="position-card" aria-labelledby="position-card-h" data-status={field.status}>
      <header>
        <h2 id="position-card-h">{t('posHeading', lang)}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('posCloseHint', lang)}
          onClick={() => closePosition()}
        >
          ×
        </button>
      </header>
      <p className="position-status" role="status">
        {field.status === 'locating' ? t('posLocating', lang) : ''}
      </p>
      {field.status === 'failed' && field.failure ? (
        <p className="position-failure" role="alert" data-failure={field.failure}>
          {fill(FAILURE_KEY[field.failure], lang, { s: GEO_TIMEOUT_MS / 1000 })}
        </p>
      ) : null}
      {fix && verdict ? <VerdictLine verdict={verdict} lang={lang} /> : null}
      {shown && gk ? (
        <>
          <dl className="position-fix">
            <dt>{t('posLatLon', lang)}</dt>
            <dd>
              <CopyText
                key={`wgs-${shown.t}`}
                name="wgs84"
                text={latLonText(shown.lon, shown.lat)}
                label={t('posCopyWgs', lang)}
                lang={lang}
              />
              <span className="position-accuracy">
                {fill('posAccuracy', lang, {
                  m: Number.isFinite(shown.accuracyM) ? Math.round(shown.accuracyM) : '?',
                })}
              </span>
            </dd>
            <dt>{fill('posGk', lang, { zone: gk.zone, cm: gk.centralMeridian })}</dt>
            <dd>
              <CopyText
                key={`gk-${shown.t}`}
                name="gauss-kruger"
                text={gaussKrugerText(gk)}
                label={t('posCopyGk', lang)}
                lang={lang}
              />
            </dd>
            <dt>{t('posFixTime', lang)}</dt>
            <dd className="position-time">{beijingTime(shown.t, lang, { seconds: true })}</dd>
          </dl>
          {field.zones.status === 'loading' ? <p role="status">{t('posZonesLoading', lang)}</p> : null}
          {field.zones.status === 'error' ? (
            <p className="position-warning" role="alert">
              {fill('posZonesFailed', lang, { message: field.zones.message ?? '' })}
            </p>
          ) : null}
          {field.zones.status === 'done' && field.zones.report ? (
            <Zones report={field.zones.report} fix={shown} lang={lang} />
          ) : null}
          {verdict?.kind !== 'outside-region' ? (
            <section className="position-check" aria-labelledby="position-check-h">
              <h3 id="position-check-h">{t('posCheckHeading', lang)}</h3>
              <p className="hint">{t('posCheckHint', lang)}</p>
              <div className="position-radii">
                {SITE_RADII_M.map((r) => (
                  <button key={r} type="button" onClick={() => checkSiteHere(r)}>
                    {fill('posCheckRadius', lang, { r })}
                  </button>
                ))}
              </div>
            </section>
          ) : null}
        </>
      ) : null}
      <button type="button" className="position-relocate" onClick={() => runCommand('field.locate')}>
        {t('posRelocate', lang)}
      </button>
    </aside>
  );
}
