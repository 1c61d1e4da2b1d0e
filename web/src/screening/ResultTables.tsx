import { useState } from 'react';
import type { Lang } from '../../../layers/types.ts';
import { fmtHa, fmtM2, fmtMu, fmtShare } from '../../domain/report/figures.ts';
import {
  SECTION_TEXT,
  type SectionLayer,
  sectionsFor,
  verdictZoneText,
} from '../../domain/report/sections.ts';
import type { DatasetInfo } from '../../domain/report/types.ts';
import type { ScreeningResult } from '../../domain/screening/engine.ts';
import { ZONE_TYPES } from '../../domain/screening/rules.ts';
import { BadgeMark } from '../components/BadgeMark.tsx';
import { MessageList } from '../components/MessageList.tsx';
import { nameWithBadge, t as tr } from '../strings/index.ts';
import { fill } from '../strings/indicator-labels.ts';
import { fmtBuffer, fmtDistance } from './format.ts';

const zoneName = (id: string, lang: Lang) => ZONE_TYPES.find((z) => z.id === id)?.[lang] ?? id;

const plainName = (d: DatasetInfo | undefined, fallback: string, lang: Lang): string =>
  d ? (lang === 'zh' ? d.nameZh : d.nameEn) : fallback;

/** A layer's name with its badge as of the check, for running text. */
const layerName = (d: DatasetInfo | undefined, fallback: string, lang: Lang): string =>
  nameWithBadge(plainName(d, fallback, lang), d?.badge ?? null, lang);

/** A feature by its name; by its id only when it has none, and then saying it is an id. */
const featureName = (f: { name: string | null; featureId: string }, lang: Lang): string =>
  f.name ?? `${tr('featureIdOnly', lang)} ${f.featureId}`;

/** A layer's name with its badge as of the check, for a table cell. */
function LayerCell({ d, fallback, lang }: { d: DatasetInfo | undefined; fallback: string; lang: Lang }) {
  return (
    <>
      {plainName(d, fallback, lang)} <BadgeMark badge={d?.badge ?? null} lang={lang} />
    </>
  );
}

/**
 * The overlap table, distances, buffers and one section per layer (red line, 永久基本农田, 城镇开发边界, other
 * protected layers, those not loaded) from web/domain/report/sections.ts: shared by the panel and the printed report.
 * `rowLimit` (the panel): a layer with more overlaps lists its largest ones by area, and a buffer distance with more
 * features within it lists the nearest; a button shows all. A farmland layer can overlap a thousand parcels and
 * have two thousand within 5 km: laying out every row and name held up the table's first paint.
 */
/** The first row (or the buffer's list) 显示全部 revealed takes the focus the vanished button had. */
const focusOnMount = (el: HTMLElement | null) => el?.focus();

export function ResultTables({
  result,
  datasets,
  notChecked,
  lang,
  rowLimit,
}: {
  result: ScreeningResult;
  datasets: DatasetInfo[];
  notChecked: readonly SectionLayer[];
  lang: Lang;
  rowLimit?: number;
}) {
  // layers shown in full, for this result only (the next check starts limited again)
  const [expanded, setExpanded] = useState<{ of: ScreeningResult; ids: ReadonlySet<string> } | null>(null);
  const showAll = expanded?.of === result ? expanded.ids : new Set<string>();
  const ds = new Map(datasets.map((d) => [d.layerId, d]));
  const layerWarnings = result.layers.flatMap((l) => l.warnings);
  return (
    <>
      <p className="project-area" data-area-m2={result.projectAreaM2}>
        {tr('projectArea', lang)}: <strong>{fmtM2(result.projectAreaM2)}</strong> {tr('m2', lang)} ·{' '}
        <strong>{fmtHa(result.projectAreaM2)}</strong> {tr('ha', lang)} ·{' '}
        <strong>{fmtMu(result.projectAreaM2)}</strong> {tr('mu', lang)}
      </p>
      <table className="overlap-table">
        <thead>
          <tr>
            <th scope="col">{tr('layer', lang)}</th>
            <th scope="col">{tr('feature', lang)}</th>
            <th scope="col">{tr('zoneType', lang)}</th>
            <th scope="col">{tr('m2', lang)}</th>
            <th scope="col">{tr('ha', lang)}</th>
            <th scope="col">{tr('mu', lang)}</th>
            <th scope="col">{tr('share', lang)}</th>
          </tr>
        </thead>
        <tbody>
          {result.layers.map((l) => {
            const d = ds.get(l.layerId);
            const cell = { d, fallback: l.layerId, lang };
            const rows = result.overlaps.filter((o) => o.layerId === l.layerId);
            const canLimit = rowLimit !== undefined && rows.length > rowLimit;
            const limited = canLimit && !showAll.has(l.layerId) ? rowLimit : null;
            // largest first whether limited or shown in full, so 显示全部 adds the rest below the rows already read
            const byArea = canLimit ? [...rows].sort((a, b) => b.areaM2 - a.areaM2) : rows;
            const listed = limited === null ? byArea : byArea.slice(0, limited);
            return [
              ...listed.map((o, i) => (
                <tr
                  key={`${l.layerId}/${o.featureId}`}
                  ref={canLimit && limited === null && i === rowLimit ? focusOnMount : undefined}
                  tabIndex={canLimit && limited === null && i === rowLimit ? -1 : undefined}
                  className="overlap-row"
                  data-layer-id={l.layerId}
                  data-feature-id={o.featureId}
                  data-zone-id={o.zoneId ?? ''}
                  data-area-m2={o.areaM2}
                >
                  <td>
                    <LayerCell {...cell} />
                  </td>
                  <td>{featureName(o, lang)}</td>
                  <td>{zoneName(o.zoneType, lang)}</td>
                  <td className="num">{fmtM2(o.areaM2)}</td>
                  <td className="num">{fmtHa(o.areaM2)}</td>
                  <td className="num">{fmtMu(o.areaM2)}</td>
                  <td className="num">{fmtShare(o.share)}</td>
                </tr>
              )),
              limited === null ? null : (
                <tr key={`${l.layerId}/more`} className="overlap-more" data-layer-id={l.layerId}>
                  <td colSpan={7}>
                    {fill('overlapRowsLimited', lang, { shown: limited, rest: rows.length - limited })}{' '}
                    <button
                      type="button"
                      onClick={() => setExpanded({ of: result, ids: new Set(showAll).add(l.layerId) })}
                    >
                      {fill('overlapRowsShowAll', lang, { n: rows.length })}
                    </button>
                  </td>
                </tr>
              ),
              <tr
                key={`${l.layerId}/total`}
                className="layer-total"
                data-layer-id={l.layerId}
                data-area-m2={l.overlapAreaM2}
              >
                <th scope="row">
                  <LayerCell {...cell} />
                </th>
                <td colSpan={2} data-warnings={l.warnings.length}>
                  {rows.length > 0
                    ? `${tr('total', lang)} (${rows.length})`
                    : `${tr('noOverlap', lang)}${
                        l.nearest
                          ? ` · ${tr('nearest', lang)} ${fmtDistance(l.nearest.distanceM, lang)} (${featureName(l.nearest, lang)})`
                          : ''
                      }`}
                  {l.warnings.length > 0 ? ` · ${tr('layerWarned', lang)}` : ''}
                </td>
                <td className="num">{fmtM2(l.overlapAreaM2)}</td>
                <td className="num">{fmtHa(l.overlapAreaM2)}</td>
                <td className="num">{fmtMu(l.overlapAreaM2)}</td>
                <td className="num">{fmtShare(l.share)}</td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
      {layerWarnings.length > 0 ? (
        <section className="layer-warnings" aria-label={tr('layerWarnings', lang)}>
          <h4>{tr('layerWarnings', lang)}</h4>
          <MessageList items={layerWarnings} lang={lang} label={tr('layerWarnings', lang)} />
        </section>
      ) : null}
      {result.nearest ? (
        <p className="nearest" data-distance-m={result.nearest.distanceM}>
          {tr(result.overlaps.length > 0 ? 'nearestOther' : 'nearest', lang)}:{' '}
          {fmtDistance(result.nearest.distanceM, lang)} —{' '}
          {layerName(ds.get(result.nearest.layerId), result.nearest.layerId, lang)} ·{' '}
          {featureName(result.nearest, lang)}
        </p>
      ) : null}
      {result.buffers.length > 0 ? (
        <>
          <h4>{tr('withinBuffer', lang)}</h4>
          <ul className="buffer-list">
            {[...new Set(result.buffers.map((b) => b.distanceM))].map((dist) => {
              const hits = result.buffers.filter((b) => b.distanceM === dist).flatMap((b) => b.features);
              const key = `buffer:${dist}`;
              const canLimit = rowLimit !== undefined && hits.length > rowLimit;
              const limited = canLimit && !showAll.has(key) ? rowLimit : null;
              // nearest first whether limited or shown in full, so 显示全部 adds the rest after the names already read
              const byDistance = canLimit ? [...hits].sort((a, b) => a.distanceM - b.distanceM) : hits;
              const listed = limited === null ? byDistance : byDistance.slice(0, limited);
              return (
                <li
                  key={dist}
                  ref={canLimit && limited === null ? focusOnMount : undefined}
                  tabIndex={canLimit && limited === null ? -1 : undefined}
                  data-buffer-m={dist}
                  data-count={hits.length}
                  data-listed={listed.length}
                  data-zone-ids={hits.map((f) => f.zoneId ?? f.featureId).join(' ')}
                >
                  {fmtBuffer(dist, lang)}:{' '}
                  {hits.length === 0
                    ? tr('none', lang)
                    : listed
                        .map(
                          (f) =>
                            `${layerName(ds.get(f.layerId), f.layerId, lang)} ${featureName(f, lang)} (${fmtDistance(f.distanceM, lang)})`,
                        )
                        .join('；')}
                  {limited === null ? null : (
                    <span className="buffer-more">
                      {' '}
                      {fill('bufferListLimited', lang, { shown: limited, rest: hits.length - limited })}{' '}
                      <button
                        type="button"
                        onClick={() => setExpanded({ of: result, ids: new Set(showAll).add(key) })}
                      >
                        {fill('overlapRowsShowAll', lang, { n: hits.length })}
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <h4>{tr('verdicts', lang)}</h4>
      {sectionsFor(result, datasets, notChecked).map((sec) => (
        <section
          key={sec.layerId}
          className="layer-section"
          data-layer-id={sec.layerId}
          data-kind={sec.kind}
          data-status={sec.status}
          data-position={sec.position ?? ''}
          aria-label={`${lang === 'zh' ? sec.titleZh : sec.titleEn}: ${plainName(ds.get(sec.layerId), sec.nameZh, lang)}`}
        >
          <h5>
            {lang === 'zh' ? sec.titleZh : sec.titleEn} · {lang === 'zh' ? sec.nameZh : sec.nameEn}{' '}
            <BadgeMark badge={sec.badge} lang={lang} />
          </h5>
          {sec.overlapAreaM2 !== null && sec.share !== null ? (
            <p className="section-figures" data-area-m2={sec.overlapAreaM2}>
              {tr('sectionFigures', lang)}: {fmtHa(sec.overlapAreaM2)} {tr('ha', lang)} ·{' '}
              {fmtMu(sec.overlapAreaM2)} {tr('mu', lang)} · {fmtShare(sec.share)}
            </p>
          ) : null}
          {sec.position ? (
            <p className="section-position">{SECTION_TEXT.position[sec.position][lang]}</p>
          ) : null}
          {sec.note ? (
            <p className={`section-note note-${sec.note.code}`} data-note={sec.note.code}>
              {sec.note[lang]}
            </p>
          ) : null}
          {sec.verdicts.length > 0 ? (
            <table className="verdict-table">
              <thead>
                <tr>
                  <th scope="col">{tr('zoneType', lang)}</th>
                  <th scope="col">{tr('verdict', lang)}</th>
                  <th scope="col">{tr('rule', lang)}</th>
                </tr>
              </thead>
              <tbody>
                {sec.verdicts.map((v) => (
                  <tr
                    key={`${v.zoneType}/${v.part ?? ''}`}
                    className={`verdict verdict-${v.verdict}`}
                    data-verdict={v.verdict}
                    data-zone-type={v.zoneType}
                    data-part={v.part ?? ''}
                    data-area-m2={v.areaM2}
                  >
                    <td>{verdictZoneText(v)[lang]}</td>
                    <td>
                      <strong>{lang === 'zh' ? v.verdictZh : v.verdictEn}</strong>
                    </td>
                    <td>
                      {lang === 'zh' ? v.rule.zh : v.rule.en}{' '}
                      <span className="rule-source">（{v.rule.source}）</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p className="rule-sources">
            {tr('sectionSources', lang)}: {sec.sources.join('；')}
          </p>
          <p className="section-simplified">
            {tr('sectionSimplified', lang)}: {sec.simplified.map((x) => x[lang]).join(' ')}
          </p>
        </section>
      ))}
    </>
  );
}
