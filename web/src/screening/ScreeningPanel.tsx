import { lazy, Suspense, useId, useState } from 'react';
import { screeningLayerDefs } from '../../../layers/screening.ts';
import { resultsCsv } from '../../domain/report/csv.ts';
import { parseBuffers } from '../../domain/report/figures.ts';
import { exportBaseName, resultsGeoJson } from '../../domain/report/geojson.ts';
import { runCommand } from '../commands/registry.ts';
import { useAppStore } from '../store/store.ts';
import { t as tr } from '../strings/index.ts';
import { BoundarySection } from './BoundarySection.tsx';
import { runCheck } from './check.ts';
import { download } from './download.ts';
import { fmtBuffer } from './format.ts';
import { ProjectsSection } from './ProjectsSection.tsx';
import { ResultTables } from './ResultTables.tsx';

const ReportView = lazy(() => import('./ReportView.tsx'));

/** The screening panel (loaded on first use): project, boundary, check, results, report. */
export default function ScreeningPanel() {
  const lang = useAppStore((s) => s.lang);
  const draft = useAppStore((s) => s.screeningDraft);
  const run = useAppStore((s) => s.screeningRun);
  const [buffers, setBuffers] = useState(() => run.buffersM.join(', '));
  const report = useAppStore((s) => s.reportOpen);
  const bufId = useId();

  const hasBoundary = Boolean(draft && draft.boundary.features.length > 0);
  const busy = run.status === 'loading' || run.status === 'running';
  const schematic = run.datasets.some((d) => d.badge === 'schematic');
  const p = run.progress;
  const result = run.status === 'done' ? run.result : null;

  return (
    <aside className="screening-panel" aria-labelledby="screening-title">
      <header>
        <h2 id="screening-title">{tr('panelTitle', lang)}</h2>
        <button type="button" onClick={() => runCommand('screening.toggle')}>
          {tr('close', lang)}
        </button>
      </header>
      <ProjectsSection />
      <BoundarySection />
      <section className="screening-section" aria-labelledby="screening-check-h">
        <h3 id="screening-check-h">{tr('check', lang)}</h3>
        <div className="screening-field">
          <label htmlFor={bufId}>{tr('buffers', lang)}</label>
          <input id={bufId} type="text" value={buffers} onChange={(e) => setBuffers(e.currentTarget.value)} />
        </div>
        <button
          type="button"
          className="primary run-check"
          disabled={!hasBoundary || busy}
          onClick={() => void runCheck(parseBuffers(buffers))}
        >
          {tr('runCheck', lang)}
        </button>
        {!hasBoundary ? <p className="screening-hint">{tr('needBoundary', lang)}</p> : null}
        {screeningLayerDefs().length === 0 ? <p className="screening-error">{tr('noLayers', lang)}</p> : null}
        {busy ? (
          <div className="screening-progress" role="status" data-phase={p?.phase ?? ''}>
            {run.status === 'loading' ? tr('loadingLayers', lang) : tr('checking', lang)}
            {p ? ` · ${p.phase} ${p.done}/${p.total}` : ' …'}
            <progress max={p?.total || 1} value={p ? p.done : undefined} />
          </div>
        ) : null}
        {run.status === 'error' ? (
          <p className="screening-error" role="alert">
            {tr('failed', lang)}: {run.message === 'no-layers' ? tr('noLayers', lang) : run.message}
          </p>
        ) : null}
        {run.status === 'invalid' ? (
          <div className="screening-error" role="alert">
            <p>{tr('invalid', lang)}</p>
            <ul>
              {run.errors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
                <li key={`${e.code}-${i}`}>{e[lang]}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      {result && draft ? (
        <section className="screening-section screening-results" aria-labelledby="screening-results-h">
          <h3 id="screening-results-h">{tr('results', lang)}</h3>
          {schematic ? (
            <p className="screening-warning">
              {tr('schematicResultNote', lang)} {tr('schematicResultAction', lang)}
            </p>
          ) : null}
          <ResultTables result={result} datasets={run.datasets} lang={lang} />
          <p className="screening-method">
            {tr('method', lang)}: {lang === 'zh' ? result.method.areaZh : result.method.area} ·{' '}
            {run.buffersM.map((b) => fmtBuffer(b, lang)).join(' / ')}
          </p>
          <div className="button-row">
            <button
              type="button"
              onClick={() =>
                download(
                  `${exportBaseName(draft)}.csv`,
                  resultsCsv(draft, result, run.datasets),
                  'text/csv;charset=utf-8',
                )
              }
            >
              {tr('exportCsv', lang)}
            </button>
            <button
              type="button"
              onClick={() =>
                download(
                  `${exportBaseName(draft)}.geojson`,
                  JSON.stringify(resultsGeoJson(draft, result, run.datasets, run.checkedAt)),
                  'application/geo+json',
                )
              }
            >
              {tr('exportGeoJson', lang)}
            </button>
            <button type="button" className="primary" onClick={() => runCommand('report.open')}>
              {tr('report', lang)}
            </button>
          </div>
        </section>
      ) : null}
      {report ? (
        <Suspense fallback={null}>
          <ReportView onClose={() => runCommand('report.close')} />
        </Suspense>
      ) : null}
    </aside>
  );
}
