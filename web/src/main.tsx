import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { bindUrlState } from './app/url-state.ts';
import { bindKeyboard } from './commands/keyboard.ts';
import { useAppStore } from './store/store.ts';
import { bindProjectorSync } from './tour/presenter/tour-sync.ts';
import { registerLinkedUserTour } from './tour/user-tour-sources.ts';

const PresenterView = lazy(() => import('./tour/presenter/PresenterView.tsx'));

/** `presenter=1`: this window is a tour's presenter view (notes, timer, no map), not the map app. */
const presenter = new URLSearchParams(location.search).get('presenter') === '1';

// a user tour a link names, for the map window and the presenter window alike
registerLinkedUserTour(location.search);

if (!presenter) {
  bindUrlState(useAppStore);
  bindKeyboard();
  bindProjectorSync(useAppStore);
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    {presenter ? (
      <Suspense fallback={null}>
        <PresenterView />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
