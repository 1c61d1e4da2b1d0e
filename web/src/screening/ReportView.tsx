import { useEffect, useMemo, useRef, useState } from 'react';
import { layerById } from '../../../layers/registry.ts';
import { THEME } from '../../../layers/theme.ts';
import { geometriesBBox } from '../../domain/geo/bbox.ts';
import { exportBaseName } from '../../domain/report/geojson.ts';
import { canonicalJson, reportRecord } from '../../domain/report/record.ts';
import { SECTION_TEXT } from '../../domain/report/sections.ts';
import { beijingTime, withBeijingTimes } from '../../domain/report/time.ts';
import { PROJECT_TYPES } from '../../domain/screening/rules.ts';
import { BadgeMark } from '../components/BadgeMark.tsx';
import { MapFigure } from '../components/MapFigure.tsx';
import { PrintView } from '../components/PrintView.tsx';
import { type MapSnapshot, mapPort } from '../map/map-port.ts';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';
import { download } from './download.ts';
import { fmtBuffer } from './format.ts';
import { ResultTables } from './ResultTables.tsx';
import { sha256Hex } from './report-record.ts';
import type { ScreeningDraft } from './screening-slice.ts';

function boundaryBBox(d: ScreeningDraft): [number, number, number, number] | null {
  return geometriesBBox(d.boundary.features.map((f) => f.geometry));
}

function Swatch({ color, kind, dashed }: { color: string; kind: 'fill' | 'line'; dashed?: boolean }) {
  return (
    <svg width={22} height={12} aria-hidden="true">
      {kind === 'fill' ? (
        <rect x={1} y={1} width={20} height={10} fill={color} fillOpacity={0.5} stroke={color} />
      ) : (
        <line
          x1={1}
          y1={6}
          x2={21}
          y2={6}
          stroke={color}
          strokeWidth={2}
          strokeDasharray={dashed ? '3 2' : undefined}
        />
      )}
    </svg>
  );
}

/** The printable report (browser print → PDF), in the shared print frame (components/PrintView.tsx). */
export default function ReportView({ onClose }: { onClose(): void }) {
  const lang = useAppStore((s) => s.lang);
  const draft = useAppStore((s) => s.screeningDraft);
  const run = useAppStore((s) => s.screeningRun);
  const [snap, setSnap] = useState<MapSnapshot | null>(null);
  const [hash, setHash] = useState<string | null>(null);
  const generated = useRef(new Date().toISOString()).current;
  const result = run.result;

  const recordText = useMemo(
    () =>
      draft && result
        ? canonicalJson(
            reportRecord(draft, result, run.datasets, run.buffersM, run.checkedAt, run.notChecked),
          )
        : '',
    [draft, result, run.datasets, run.buffersM, run.checkedAt, run.notChecked],
  );
  useEffect(() => {
    let live = true;
    if (recordText) void sha256Hex(recordText).then((h) => live && setHash(h));
    return () => {
      live = false;
    };
  }, [recordText]);
  useEffect(() => {
    if (!draft) return;
    let live = true;
    setSnap(null);
    void mapPort.snapshot(boundaryBBox(draft)).then((s) => live && setSnap(s));
    return () => {
      live = false;
    };
  }, [draft]);

  if (!draft || !result) return null;
  const type = PROJECT_TYPES.find((p) => p.id === draft.type);
  const schematic = run.datasets.some((d) => d.badge === 'schematic');
  const ready = Boolean(snap && hash);
  let point = 0;

  return (
    <PrintView
      className="report-view"
      label={t('reportTitle', lang)}
      ready={ready}
      lang={lang}
      onClose={onClose}
      actions={
        <button
          type="button"
          disabled={!recordText}
          onClick={() => download(`${exportBaseName(draft)}.record.json`, recordText, 'application/json')}
        >
          {t('downloadRecord', lang)}
        </button>
      }
    >
      <h1>{t('reportTitle', lang)}</h1>
      <table className="report-meta">
        <tbody>
          <tr>
            <th scope="row">{t('projectName', lang)}</th>
            <td className="report-project-name">{draft.name}</td>
          </tr>
          <tr>
            <th scope="row">{t('projectType', lang)}</th>
            <td className="report-project-type">
              {type
                ? `${type.zh}（${type.en}）`
                : `${t('typeNotChosen', lang)} — ${SECTION_TEXT.noType[lang]}`}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('boundarySource', lang)}</th>
            <td>
              {draft.importedFrom?.format === 'drawn'
                ? t('drawn', lang)
                : `${draft.importedFrom?.fileName ?? ''} (${draft.importedFrom?.format ?? ''}, ${draft.importedFrom?.crs ?? ''}; ${draft.source})`}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('checkedAt', lang)}</th>
            <td className="report-checked-at">{beijingTime(run.checkedAt, lang)}</td>
          </tr>
          <tr>
            <th scope="row">{t('generatedAt', lang)}</th>
            <td>{beijingTime(generated, lang)}</td>
          </tr>
        </tbody>
      </table>
      {schematic ? <p className="report-warning">{t('schematicResultNote', lang)}</p> : null}

      <h2>{t('locationMap', lang)}</h2>
      <figure className="report-figure">
        {snap ? (
          <MapFigure snap={snap} lang={lang} className="report-map" />
        ) : (
          <p role="status">{t('mapWait', lang)}</p>
        )}
        <figcaption className="report-legend">
          <strong>{t('legend', lang)}：</strong>
          <span>
            <Swatch color={THEME.overlay.project} kind="line" /> {t('boundary', lang)}
          </span>
          {draft.originalBoundary ? (
            <span>
              <Swatch color={THEME.overlay.original} kind="line" dashed /> {t('legendOriginal', lang)}
            </span>
          ) : null}
          <span>
            <Swatch color={THEME.overlay.overlap} kind="fill" /> {t('legendOverlap', lang)}
          </span>
          {run.datasets.map((d) => {
            const def = layerById(d.layerId);
            const color = def?.legend.outline ?? def?.legend.color ?? '#888';
            return (
              <span key={d.layerId}>
                <Swatch
                  color={color}
                  kind={def?.legend.kind === 'line' ? 'line' : 'fill'}
                  dashed={d.badge === 'schematic'}
                />{' '}
                {lang === 'zh' ? d.nameZh : d.nameEn} <BadgeMark badge={d.badge} lang={lang} />
              </span>
            );
          })}
        </figcaption>
      </figure>

      <h2>{t('overlapAnalysis', lang)}</h2>
      <ResultTables result={result} datasets={run.datasets} notChecked={run.notChecked} lang={lang} />

      <h2>{t('boundaryPoints', lang)}</h2>
      <table className="report-coords">
        <thead>
          <tr>
            <th scope="col">{t('partNo', lang)}</th>
            <th scope="col">{t('ringNo', lang)}</th>
            <th scope="col">{t('pointNo', lang)}</th>
            <th scope="col">{t('lon', lang)}</th>
            <th scope="col">{t('lat', lang)}</th>
          </tr>
        </thead>
        <tbody>
          {draft.boundary.features.flatMap((f, fi) => {
            const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
            return polys.flatMap((poly, pi) =>
              poly.flatMap((ring, ri) =>
                ring.slice(0, -1).map((p, k) => {
                  point++;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
                    <tr key={`${fi}-${pi}-${ri}-${k}`}>
                      <td>{polys.length > 1 ? `${fi + 1}.${pi + 1}` : fi + 1}</td>
                      <td>{ri + 1}</td>
                      <td>J{point}</td>
                      <td className="num">{(p[0] as number).toFixed(7)}</td>
                      <td className="num">{(p[1] as number).toFixed(7)}</td>
                    </tr>
                  );
                }),
              ),
            );
          })}
        </tbody>
      </table>

      <h2>{t('method', lang)}</h2>
      <ul className="report-method">
        <li>
          {t('methodArea', lang)}: {result.method.areaZh}; {result.method.area}
        </li>
        <li>
          {t('methodClip', lang)}: {result.method.clip}
        </li>
        <li>
          {t('methodDistance', lang)}: {result.method.distance}
        </li>
        <li>
          {t('methodBuffers', lang)}: {run.buffersM.map((b) => fmtBuffer(b, lang)).join(' / ') || '—'}
        </li>
        <li>
          {t('methodEngine', lang)}: {result.engine}
        </li>
      </ul>

      <h2>{t('datasets', lang)}</h2>
      <table className="report-datasets">
        <thead>
          <tr>
            <th scope="col">{t('layer', lang)}</th>
            <th scope="col">{t('datasetVersion', lang)}</th>
            <th scope="col">{t('datasetProvenance', lang)}</th>
            <th scope="col">{t('datasetHash', lang)}</th>
          </tr>
        </thead>
        <tbody>
          {run.datasets.map((d) => (
            <tr key={d.layerId} data-layer-id={d.layerId}>
              <td>
                {d.nameZh} / {d.nameEn} <BadgeMark badge={d.badge} lang={lang} />
              </td>
              <td>{withBeijingTimes(d.version, lang)}</td>
              <td>{d.provenance}</td>
              <td className="hash">{d.sha256}</td>
            </tr>
          ))}
          {run.notChecked.map((n) => (
            <tr key={n.layerId} data-layer-id={n.layerId} data-status="not-loaded">
              <td>
                {n.nameZh} / {n.nameEn}
              </td>
              <td colSpan={3}>{SECTION_TEXT.notLoaded[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('contentHash', lang)}</h2>
      <p className="report-hash" data-hash={hash ?? ''}>
        {hash ?? '…'}
      </p>
      <p>{t('hashHow', lang)}</p>
      <p className="report-footer">{t('notForPublication', lang)}</p>
    </PrintView>
  );
}
