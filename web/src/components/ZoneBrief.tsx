import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { type LayerBadge, layerBadge } from '../../../layers/badge.ts';
import { LAYERS, layerById } from '../../../layers/registry.ts';
import type { Lang } from '../../../layers/types.ts';
import {
  type BBox,
  BRIEF_DENSITY,
  type BriefChapter,
  type BriefIndicator,
  type BriefIndicators,
  type BriefLinkLine,
  type BriefStatus,
  briefMapBox,
  cropToBox,
  localDay,
  planCitation,
  type ZoneBrief as ZoneBriefData,
  zoneBrief,
} from '../../domain/plan/zone-brief.ts';
import { runCommand } from '../commands/registry.ts';
import { type MapSnapshot, mapPort } from '../map/map-port.ts';
import { onlineBasemapFromEnv } from '../map/online-basemap.ts';
import type { PlanBundle } from '../plan/plan-data.ts';
import { useAppStore, type ZoneSummary } from '../store/store.ts';
import { nameWithBadge, t } from '../strings/index.ts';
import { fill, type Names, reasonLabel, scopeText, whoseStatus } from '../strings/indicator-labels.ts';
import { linkKindLabel, statusLabel, targetLabel } from '../strings/plan-labels.ts';
import { loadZoneIndex } from '../zones/zone-index.ts';
import { BadgeMark } from './BadgeMark.tsx';
import { MapFigure } from './MapFigure.tsx';
import { PrintView } from './PrintView.tsx';
import '../styles/zone-brief.css';

/** The height of the page's content on paper: A4 less its 10 mm margins (zone-brief.css). */
const PAGE_HEIGHT_MM = 297 - 2 * 10;
/** A denser step is taken while the content is taller than this (2 mm kept for the printer's rounding). */
const FIT_MM = PAGE_HEIGHT_MM - 2;
/** The map's height on the sheet; its width follows the zone's proportions. */
const MAP_HEIGHT_MM = 52;

type NameOf = (id: string) => string;

function lineText(line: BriefLinkLine, lang: Lang): string {
  if (line.kind === 'region' || line.kind === 'named') return linkKindLabel(line.kind, lang);
  if (line.kind === 'group') return fill('linkGroup', lang, { via: line.words.join('、') });
  const named =
    line.places.length === 0
      ? line.morePlaces > 0
        ? fill('briefPlacesCount', lang, { n: line.morePlaces })
        : ''
      : line.places.map((p) => p.name).join(t('placeSeparator', lang)) +
        (line.morePlaces > 0 ? fill('briefMorePlaces', lang, { n: line.morePlaces }) : '');
  const parts = [
    named,
    ...line.groups.map((g) => fill('briefThroughCount', lang, { via: g.via.join('、'), n: g.count })),
  ].filter(Boolean);
  return `${linkKindLabel(line.kind, lang)} ${parts.join(t('placeSeparator', lang))}`;
}

function TaskChapters({
  chapters,
  mode,
  lang,
}: {
  chapters: BriefChapter[];
  mode: ZoneBriefData['mode'];
  lang: Lang;
}) {
  return (
    <>
      {chapters.map((ch) => (
        <section key={ch.chapterNo} className="brief-chapter">
          {mode === 'titles' ? (
            <h4>{fill('briefChapterHead', lang, { no: ch.numeral, title: ch.title })}</h4>
          ) : null}
          {ch.sections.map((sec) =>
            mode === 'titles' ? (
              <p key={sec.sectionId} className="brief-section-run" data-section-id={sec.sectionId}>
                <span className="brief-section-title">
                  {fill('briefSectionHead', lang, { no: sec.numeral, title: sec.title })}
                </span>
                {sec.tasks.map((task) => (
                  <span key={task.id} className="brief-task" data-task-id={task.id}>
                    {' '}
                    <span className="task-id">{task.id}</span> {task.title}
                  </span>
                ))}
              </p>
            ) : (
              <div key={sec.sectionId} className="brief-section" data-section-id={sec.sectionId}>
                <p className="brief-section-title">
                  {fill('briefChapterHead', lang, { no: ch.numeral, title: ch.title })} ›{' '}
                  {fill('briefSectionHead', lang, { no: sec.numeral, title: sec.title })}
                </p>
                {sec.tasks.map((task) => (
                  <p key={task.id} className="brief-task" data-task-id={task.id}>
                    <span className="task-id">{task.id}</span> <strong>{task.title}</strong>
                    {task.lines.length > 0 ? (
                      <span className="brief-links">
                        {' · '}
                        {task.lines.map((l) => lineText(l, lang)).join(t('briefLineSeparator', lang))}
                      </span>
                    ) : null}
                  </p>
                ))}
              </div>
            ),
          )}
        </section>
      ))}
    </>
  );
}

function StatusCell({ s, lang }: { s: BriefStatus; lang: Lang }) {
  const st = s.status;
  return (
    <span className={`status status-${st.status}`} data-status={st.status} data-reason={st.reason}>
      {statusLabel(st.status, lang)}
      <span className="status-reason"> · {reasonLabel(st, lang)}</span>
      {st.sample ? <span className="badge-sample">{t('sample', lang)}</span> : null}
    </span>
  );
}

function LatestCell({ s, unit, lang }: { s: BriefStatus; unit: string; lang: Lang }) {
  const latest = s.status.latest;
  if (!latest) return <>—</>;
  return (
    <span className="observation" data-source-no={s.source ?? ''}>
      {fill('briefLatest', lang, {
        year: latest.year,
        v: `${latest.value}${unit === '%' ? '%' : ` ${unit}`}`,
      })}
      {s.source !== null ? fill('briefSourceRef', lang, { n: s.source }) : null}
    </span>
  );
}

/**
 * Whose status a row shows, unless the table says it: a region-wide table's status column reads 全区状态, and the
 * region's own rows are the region's status.
 */
const rowWhose = (row: BriefIndicator['row'], names: Names, lang: Lang) =>
  row.kind === 'region' || row.kind === 'regionWide' ? null : whoseStatus(row, names, lang);

function IndicatorRows({ rows, names, lang }: { rows: BriefIndicator[]; names: Names; lang: Lang }) {
  return (
    <>
      {rows.map(({ row, statuses }) => {
        const ind = row.indicator;
        const whose = rowWhose(row, names, lang);
        const [own, ...perZone] = statuses;
        const showOwn = own && !(perZone.length > 0 && own.status.status === 'no-data');
        return (
          <tbody key={ind.id} data-indicator-id={ind.id} data-scope-kind={row.kind}>
            <tr>
              <td className="brief-ind-name">{lang === 'zh' ? ind.name : ind.en}</td>
              <td>
                {ind.targets
                  .map((tg) => `${tg.year ?? ''} ${targetLabel(tg, ind.unit, lang)}`.trim())
                  .join('；')}
              </td>
              <td className="indicator-scope">{scopeText(row, names, lang)}</td>
              <td>
                {showOwn ? (
                  <>
                    {whose ? (
                      <span className="status-whose">{fill('briefWhose', lang, { whose })}</span>
                    ) : null}
                    <StatusCell s={own} lang={lang} />
                  </>
                ) : null}
              </td>
              <td>{showOwn ? <LatestCell s={own} unit={ind.unit} lang={lang} /> : null}</td>
            </tr>
            {perZone.map((z) => (
              <tr key={z.zoneId} className="brief-per-zone" data-zone-id={z.zoneId ?? ''}>
                <td colSpan={3}>{names([z.zoneId ?? ''])}</td>
                <td>
                  <StatusCell s={z} lang={lang} />
                </td>
                <td>
                  <LatestCell s={z} unit={ind.unit} lang={lang} />
                </td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </>
  );
}

function IndicatorTable({
  rows,
  names,
  lang,
  regionWide,
}: {
  rows: BriefIndicator[];
  names: Names;
  lang: Lang;
  regionWide: boolean;
}) {
  return (
    <table className="brief-table">
      <colgroup>
        <col className="c-name" />
        <col className="c-targets" />
        <col className="c-scope" />
        <col className="c-status" />
        <col className="c-latest" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('colIndicator', lang)}</th>
          <th scope="col">{t('colTargets', lang)}</th>
          <th scope="col">{t('colScope', lang)}</th>
          <th scope="col">{t(regionWide ? 'colStatusRegionWide' : 'colStatus', lang)}</th>
          <th scope="col">{t('colLatest', lang)}</th>
        </tr>
      </thead>
      <IndicatorRows rows={rows} names={names} lang={lang} />
    </table>
  );
}

const targetsText = (ind: BriefIndicator['row']['indicator'], lang: Lang) =>
  ind.targets.map((tg) => `${tg.year ?? ''} ${targetLabel(tg, ind.unit, lang)}`.trim()).join('；');

/** Indicators with observations as table rows; those without in one line, by name, targets and scope. */
function IndicatorBlock({
  block,
  names,
  lang,
  regionWide,
}: {
  block: BriefIndicators;
  names: Names;
  lang: Lang;
  regionWide: boolean;
}) {
  return (
    <>
      {block.observed.length > 0 ? (
        <IndicatorTable rows={block.observed} names={names} lang={lang} regionWide={regionWide} />
      ) : null}
      {block.noData.length > 0 ? (
        <p className="brief-no-data">
          <strong className="status status-no-data">
            {fill('briefNoData', lang, { n: block.noData.length })}
          </strong>
          {t('briefColon', lang)}
          {block.noData.map(({ row }, i) => (
            <span key={row.indicator.id} data-indicator-id={row.indicator.id} data-status="no-data">
              {i > 0 ? t('listSeparator', lang) : null}
              {fill(
                row.kind === 'region' || row.kind === 'regionWide'
                  ? 'briefNoDataItem'
                  : 'briefNoDataItemScope',
                lang,
                {
                  name: lang === 'zh' ? row.indicator.name : row.indicator.en,
                  targets: targetsText(row.indicator, lang),
                  scope: fill('indicatorScope', lang, { scope: scopeText(row, names, lang) }),
                },
              )}
            </span>
          ))}
        </p>
      ) : null}
    </>
  );
}

/**
 * The printable one-page brief of the selected zone: its map, tasks (as the zone panel groups and links them),
 * indicators with targets, scope, status and reason, the sources of the observations, the day it was made and where
 * the data come from. What goes in, and the rule that keeps it to one page, is web/domain/plan/zone-brief.ts.
 */
export default function ZoneBrief({
  bundle,
  zone,
  badge,
}: {
  bundle: PlanBundle;
  zone: ZoneSummary;
  badge: LayerBadge;
}) {
  const lang = useAppStore((s) => s.lang);
  const visible = useAppStore((s) => s.visible);
  const userLayers = useAppStore((s) => s.userLayers);
  const made = useRef(new Date()).current;
  const asOfYear = made.getFullYear();
  /** The map picture (null when the map could not make one) and the box it frames; null while it is being made. */
  const [snap, setSnap] = useState<{ picture: MapSnapshot | null; box: BBox | null } | null>(null);
  /** The step of BRIEF_DENSITY shown: the first whose page fits, found by measuring (the component is keyed by zone
   * and language, so it starts from the fullest for each). */
  const [density, setDensity] = useState(0);
  /** The content's height in mm at the chosen step, once laid out with the map. */
  const [height, setHeight] = useState<number | null>(null);
  const page = useRef<HTMLDivElement>(null);

  const brief = useMemo(
    () => zoneBrief(bundle.plan, bundle.gazetteer, bundle.observations, zone.id, asOfYear, { lang, density }),
    [bundle, zone.id, asOfYear, lang, density],
  );

  useEffect(() => {
    let live = true;
    setSnap(null);
    void loadZoneIndex()
      .then(async (index) => {
        const at = index[zone.id];
        const box = at ? briefMapBox(at.bbox) : null;
        return { picture: await mapPort.snapshot(box), box };
      })
      .catch(() => ({ picture: null, box: null }))
      .then((s) => live && setSnap(s));
    return () => {
      live = false;
    };
  }, [zone.id]);

  useLayoutEffect(() => {
    const el = page.current;
    if (!el || !snap || !brief) return;
    // measured as the A4 sheet it prints on, also where the screen lays it out for a phone (zone-brief.css)
    const sheet = el.parentElement;
    sheet?.classList.add('brief-measuring');
    const mm = (el.offsetHeight / 96) * 25.4;
    sheet?.classList.remove('brief-measuring');
    if (mm > FIT_MM && density < BRIEF_DENSITY.length - 1) setDensity(density + 1);
    else setHeight(Math.round(mm));
  }, [snap, brief, density]);
  const fits = height === null ? null : height <= PAGE_HEIGHT_MM;

  const entry = bundle.gazetteer.get(zone.id);
  const nameOf: NameOf = (id) => bundle.gazetteer.get(id)?.[lang] ?? id;
  const names: Names = (ids) => ids.map(nameOf).join(t('listSeparator', lang));
  const name = entry ? entry[lang] : zone[lang] || zone.zh || zone.id;
  const other = entry ? entry[lang === 'zh' ? 'en' : 'zh'] : '';
  const layer = layerById(zone.layerId);
  const shown = LAYERS.filter((l) => visible[l.id]);
  const online = onlineBasemapFromEnv(import.meta.env);
  const mapSources = [
    ...new Set([
      ...shown.flatMap((l) => {
        const own = userLayers[l.id];
        return own ? [nameWithBadge(own.fileName, 'user', lang)] : l.sources.map((s) => s.attribution);
      }),
      ...(online ? [online.attribution] : []),
    ]),
  ];
  const plan = planCitation(bundle.plan);
  const picture = snap?.picture ?? null;
  const crop = picture && snap?.box && picture.bearing === 0 ? cropToBox(picture, snap.box) : null;
  const { places } = brief;
  const placeList = (list: typeof places.inside) =>
    list
      .map((p) => fill('briefPlaceCount', lang, { name: p.name, n: p.tasks }))
      .join(t('placeSeparator', lang));

  const notes = (
    <footer className="brief-foot">
      {brief.sources.length > 0 ? (
        <p className="brief-sources">
          <strong>{t('briefSources', lang)}</strong>
          {t('briefColon', lang)}
          {brief.sources.map((s, i) => (
            <span key={s.no} data-source-no={s.no}>
              {i > 0 ? ' ' : null}
              {fill('briefSourceRef', lang, { n: s.no }).trim()}
              <span className="source-text" title={s.folded ? s.full : undefined}>
                {s.text}
              </span>
            </span>
          ))}
        </p>
      ) : null}
      <p className="brief-attribution">
        {fill('briefPlanSource', lang, {
          title: plan.title,
          doc: plan.docNumber ?? '',
          date: plan.date ?? '',
          from: plan.from ?? '',
        })}
      </p>
      <p className="brief-attribution">
        {fill('briefMapLayers', lang, {
          list: shown
            .map((l) => nameWithBadge(l.name[lang], layerBadge(l, userLayers), lang))
            .join(t('listSeparator', lang)),
        })}
        {t('briefLineSeparator', lang)}
        {fill('briefMapSources', lang, { list: mapSources.join(' · ') })}
      </p>
      <p className="brief-notes">
        {brief.anySample ? <span className="note-sample">{t('sampleNote', lang)} </span> : null}
        {brief.titlesEn ? <span className="note-titles-en">{t('titlesEnNote', lang)} </span> : null}
        {brief.folded ? <span>{t('briefFolded', lang)} </span> : null}
        <span>{t('notForPublication', lang)}</span>
      </p>
    </footer>
  );

  return (
    <PrintView
      className="zone-brief-view"
      label={`${t('briefHeading', lang)} · ${name}`}
      ready={snap !== null && height !== null}
      lang={lang}
      onClose={() => runCommand('zone.brief.close')}
    >
      {fits === false ? (
        <p className="print-screen-only brief-overflow" role="status">
          {t('briefOverflow', lang)}
        </p>
      ) : null}
      <div
        className="brief-sheet"
        data-zone-id={zone.id}
        data-mode={brief.mode}
        data-density={brief.density}
        data-fits={fits === null ? '' : String(fits)}
        data-height-mm={height ?? ''}
        lang={lang === 'zh' ? 'zh-CN' : 'en'}
      >
        <div ref={page} className="brief-page">
          <header className="brief-head">
            <h1>
              {name}
              <BadgeMark badge={badge} lang={lang} />
              {other ? <span className="brief-alt">{other}</span> : null}
            </h1>
            <p className="brief-meta">
              {t('briefHeading', lang)} · {layer ? `${layer.name[lang]} · ` : ''}
              <time dateTime={localDay(made)} className="brief-date">
                {fill('briefMade', lang, { date: localDay(made) })}
              </time>
              {' · '}
              {fill('briefAsOf', lang, { year: asOfYear })}
            </p>
          </header>

          <div className="brief-top">
            <figure className="brief-map">
              {picture ? (
                <MapFigure
                  snap={picture}
                  lang={lang}
                  className="brief-map-picture"
                  crop={crop ?? undefined}
                  style={{
                    height: `${MAP_HEIGHT_MM}mm`,
                    width: `${(MAP_HEIGHT_MM * (crop ? crop.width / crop.height : picture.width / picture.height)).toFixed(1)}mm`,
                  }}
                />
              ) : (
                <p role="status" className="brief-map-wait">
                  {t(snap ? 'briefMapFailed' : 'mapWait', lang)}
                </p>
              )}
            </figure>
            <div className="brief-facts">
              <p className="brief-counts" data-task-count={brief.taskCount}>
                <strong>{fill('briefTaskCount', lang, { n: brief.taskCount })}</strong>
                {brief.within.count > 0
                  ? fill('briefTaskSplit', lang, { a: brief.naming.count, b: brief.within.count })
                  : null}
              </p>
              {brief.notNamed ? <p className="zone-empty">{t('noTasks', lang)}</p> : null}
              {brief.region ? <p>{t('regionAllTasks', lang)}</p> : null}
              {places.inside.length > 0 ? (
                <p className="brief-places" data-where="inside">
                  <strong>{t('briefPlacesWithin', lang)}</strong>
                  {t('briefColon', lang)}
                  {placeList(places.inside)}
                </p>
              ) : null}
              {places.crosses.length > 0 ? (
                <p className="brief-places" data-where="crosses">
                  <strong>{t('placesCrossing', lang)}</strong>
                  {t('briefColon', lang)}
                  {placeList(places.crosses)}
                  {places.more > 0 ? fill('briefMorePlaces', lang, { n: places.more }) : null}
                </p>
              ) : null}
              {brief.within.count > 0 ? <p className="brief-note">{t('withinRule', lang)}</p> : null}
              <p className="brief-counts">
                {fill('briefIndicatorCount', lang, { a: brief.local.count, b: brief.regionWide.count })}
              </p>
              {badge === 'schematic' ? (
                <p className="note-schematic">{t('schematicLayerNote', lang)}</p>
              ) : null}
              {brief.notesBesideMap ? notes : null}
            </div>
          </div>

          <section className="brief-tasks" data-task-count={brief.taskCount}>
            <h2>
              {t('planTasks', lang)} ({brief.taskCount})
            </h2>
            {brief.mode === 'titles' ? (
              <p className="brief-note">{fill('briefTitlesOnly', lang, { n: brief.taskCount })}</p>
            ) : null}
            {brief.within.count > 0 ? (
              <h3>
                {t('tasksNaming', lang)} ({brief.naming.count})
              </h3>
            ) : null}
            <div className="brief-columns" data-mode={brief.mode} data-list="naming">
              <TaskChapters chapters={brief.naming.chapters} mode={brief.mode} lang={lang} />
            </div>
            {brief.within.count > 0 ? (
              <>
                <h3>
                  {t('tasksWithin', lang)} ({brief.within.count})
                </h3>
                <div className="brief-columns" data-mode={brief.mode} data-list="within">
                  <TaskChapters chapters={brief.within.chapters} mode={brief.mode} lang={lang} />
                </div>
              </>
            ) : null}
          </section>

          <section className="brief-indicators">
            <h2>
              {t('indicators', lang)} ({brief.local.count + brief.regionWide.count})
            </h2>
            {brief.local.count > 0 ? (
              <IndicatorBlock block={brief.local} names={names} lang={lang} regionWide={false} />
            ) : (
              <p className="zone-empty">{t('noLocalIndicators', lang)}</p>
            )}
            {brief.regionWide.count > 0 ? (
              <>
                <h3>{fill('regionWideHeading', lang, { n: brief.regionWide.count })}</h3>
                <p className="brief-note">{t('regionWideNote', lang)}</p>
                <IndicatorBlock block={brief.regionWide} names={names} lang={lang} regionWide />
              </>
            ) : null}
          </section>

          {brief.notesBesideMap ? null : notes}
        </div>
      </div>
    </PrintView>
  );
}
