import { lazy, Suspense } from 'react';
import { useAppStore } from '../store/store.ts';
import { t } from '../strings/index.ts';

const IndicatorDashboard = lazy(() => import('../dashboard/IndicatorDashboard.tsx'));
const TaskBrowser = lazy(() => import('../tasks/TaskBrowser.tsx'));
const ObservationsManager = lazy(() => import('../plan/ObservationsManager.tsx'));

/** The open plan view beside the map (styles/layout.css places it); nothing in the map view. */
export function ViewPanel() {
  const view = useAppStore((s) => s.view);
  const lang = useAppStore((s) => s.lang);
  if (view === 'map') return null;
  return (
    <section
      className="view-panel"
      aria-label={t(view === 'indicators' ? 'viewIndicators' : 'viewTasks', lang)}
    >
      <Suspense fallback={<p className="view-loading">{t('viewLoading', lang)}</p>}>
        {view === 'indicators' ? <IndicatorDashboard /> : <TaskBrowser />}
      </Suspense>
      {view === 'indicators' ? (
        // the planner's own observations, below the dashboard until it places them itself
        <Suspense fallback={null}>
          <ObservationsManager />
        </Suspense>
      ) : null}
    </section>
  );
}
