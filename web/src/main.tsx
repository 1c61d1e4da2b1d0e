import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { restoreAtStart } from './app/restore-at-start.ts';
import { showStartFailure } from './app/start-failure.ts';
import { bindUrlState } from './app/url-state.ts';
import { afterStoredLayersRead, STORED_BEFORE_MAP_MS } from './screening/screening-worker-start.ts';
import { useAppStore } from './store/store.ts';
import { registerLinkedUserTour } from './tour/user-tour-sources.ts';

/** `presenter=1`: this window is a tour's presenter view (notes, timer, no map), not the map app. */
const presenter = new URLSearchParams(location.search).get('presenter') === '1';

// a user tour a link names, for the map window and the presenter window alike
registerLinkedUserTour(location.search);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
const renderer = () => import('./app/render-app.tsx');
/** a module that did not load or start: the page says so, with a reload, rather than stay blank */
const failed = (e: unknown) => showStartFailure(e, useAppStore.getState().lang);

if (presenter) {
  renderer()
    .then((m) => m.renderPresenter(root))
    .catch(failed);
} else {
  // the link first (it decides layers, language and camera), then the map, then the app once the map is first
  // idle: React and the panels are not needed to draw the map (docs/architecture.md, "First paint")
  bindUrlState(useAppStore);
  // the layers the user loaded in an earlier visit, at once; their code loads only when there are some. Before the
  // map: the map's creation takes this thread for 0.3–0.5 s in software WebGL, and the stored layers are ready only
  // once this thread has heard from the worker. So with layers named by the last visit the map is created once
  // they are loaded for checks, for at most STORED_BEFORE_MAP_MS (farmland-like layer drawn, 6 probe reloads
  // each: ready 593–755 ms against 882–1,006, the map first idle no later: 1,903–2,549 against 2,232–2,750)
  void restoreAtStart();
  const mapAfter = afterStoredLayersRead(STORED_BEFORE_MAP_MS);
  // the map's module and maplibre (250 kB gzip) are imported here, not with this module: the worker above starts
  // while they are fetched and compiled, not after (farmland-like layer, 12 probe reloads: ready 438–935 ms against
  // 839–1,538 ms)
  const ready = import('./app/boot-map.ts').then((m) => m.startMap(root, useAppStore, mapAfter));
  ready
    .then(renderer)
    .then((m) => m.renderApp(root))
    .catch(failed);
  // the offline copy (service worker) once the map is first idle and the app is there: it never competes with
  // the first paint; production builds only (the dev server's modules change under it)
  // (a map module that did not load is reported above; the empty handler keeps it from being reported twice)
  if (import.meta.env.PROD)
    void ready.then(
      () => import('./offline/register.ts').then((m) => m.startOffline(useAppStore)),
      () => {},
    );
  else useAppStore.getState().setOffline({ support: 'dev' });
}
