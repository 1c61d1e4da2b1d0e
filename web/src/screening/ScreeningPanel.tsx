import { lazy, Suspense } from 'react';
import { resultsCsv } from '../../domain/report/csv.ts';
import { exportBaseName, resultsGeoJson } from '../../domain/report/geojson.ts';
import { runCommand } from '../commands/registry.ts';
import { useAppStore } from '../store/store.ts';
import { t as tr } from '../strings/index.ts';
import { SharedCheckSection } from '../workspace/SharedCheckSection.tsx';
import { BoundarySection } from './BoundarySection.tsx';
import { CheckSection } from './CheckSection.tsx';
import { download } from './download.ts';
import { fmtBuffer } from './format.ts';
import { ProjectsSection } from './ProjectsSection.tsx';
import { ResultTables } from './ResultTables.tsx';

/**
 * Overlap rows listed per layer, and features named per buffer distance, before 显示全部 (the report and the CSV list
 * every one). At 100, laying out the rows of the bench's L check on the red line (115 overlaps) was a 56–101 ms task
 * in the result's frame; at 25 no task there took over 50 ms.
 */
const PANEL_ROW_LIMIT = 25;

const ReportView = lazy(() => import('./ReportView.tsx'));

/** The screening panel (loaded on first use): project, boundary, check, results, report. */
export default function ScreeningPanel() {
  const lang = useAppStore((s) => s.lang);
  const draft = useAppStore((s) => s.screeningDraft);
  const run = useAppStore((s) => s.screeningRun);
  const report = useAppStore((s) => s.reportOpen);

  const schematic = run.datasets.some((d) => d.badge === 'schematic');
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
      <CheckSection />
      <SharedCheckSection />
      {result && draft ? (
        <section className="screening-section screening-results" aria-labelledby="screening-results-h">
          <h3 id="screening-results-h">{tr('results', lang)}</h3>
          {schematic ? (
            <p className="screening-warning">
              {tr('schematicResultNote', lang)} {tr('schematicResultAction', lang)}
            </p>
          ) : null}
          <ResultTables
            result={result}
            datasets={run.datasets}
            notChecked={run.notChecked}
            lang={lang}
            rowLimit={PANEL_ROW_LIMIT}
          />
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
                  resultsCsv(draft, result, run.datasets, {
                    notChecked: run.notChecked,
                    checkedAt: run.checkedAt,
                  }),
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
                  JSON.stringify(resultsGeoJson(draft, result, run.datasets, run.checkedAt, run.notChecked)),
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
