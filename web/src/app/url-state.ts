import { LAYERS } from '../../../layers/registry.ts';
import { initialStyleState } from '../../../layers/style.ts';
import {
  applyLayerDiff,
  isNewStep,
  layerDiff,
  parseUrlState,
  type UrlState,
  writeUrlState,
} from '../../domain/ui/url-state.ts';
import { openIndicator } from '../dashboard/indicator-actions.ts';
import { mapPort } from '../map/map-port.ts';
import type { AppState, AppStore } from '../store/store.ts';
import { currentChapter } from '../store/tour-slice.ts';
import { openTask } from '../tasks/task-actions.ts';
import { leaveTour, presentTour } from '../tour/tour-actions.ts';
import { loadZoneIndex } from '../zones/zone-index.ts';
import { openZone } from './zone-actions.ts';

const DEFAULT_VISIBLE = initialStyleState(LAYERS).visible;

/**
 * The URL's view of the store (web/domain/ui/url-state.ts says what each parameter holds). While a tour is
 * presented the link names the tour, its chapter (once read) and the language only: what lies under the
 * presentation comes back when it ends.
 */
function urlStateOf(s: AppState): UrlState {
  if (s.tourId !== null) {
    return {
      ...layerDiff(DEFAULT_VISIBLE, DEFAULT_VISIBLE),
      zone: null,
      lang: s.lang,
      view: 'map',
      task: null,
      indicator: null,
      paint: null,
      camera: null,
      tour: s.tourId,
      chapter: currentChapter(s)?.id ?? null,
    };
  }
  return {
    zone: s.selectedZoneId,
    lang: s.lang,
    view: s.view,
    task: s.selectedTaskId,
    indicator: s.selectedIndicatorId,
    paint: s.zonePaint?.key ?? null,
    camera: s.camera,
    ...layerDiff(s.visible, DEFAULT_VISIBLE),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Puts a link's state into the store: at start (only what the link names) and on the browser's back and forward
 * (everything, so what the entry does not name returns to its default). Returns when the zone colours, which need
 * the plan data, are applied.
 */
async function applyUrlState(store: AppStore, u: UrlState, whole: boolean): Promise<void> {
  if (u.tour) {
    // a link opened at start may also name what lies under the presentation; back and forward do not
    if (whole) store.getState().setLang(u.lang ?? 'zh');
    else await applyUrlState(store, { ...u, tour: null, chapter: null }, false);
    await presentTour(store, u.tour, u.chapter ?? null);
    return;
  }
  if (store.getState().tourId !== null) leaveTour(store);
  const s = store.getState();
  const frame = u.camera === null;
  if (u.lang || whole) s.setLang(u.lang ?? 'zh');
  const visible = applyLayerDiff(DEFAULT_VISIBLE, u.show, u.hide);
  const now = layerDiff(s.visible, DEFAULT_VISIBLE);
  if (!sameList(now.show, u.show) || !sameList(now.hide, u.hide)) store.setState({ visible });
  if (u.view || whole) {
    if (u.view && u.view !== 'map') s.setScreeningOpen(false);
    s.setView(u.view ?? 'map');
  }
  if (u.camera) mapPort.jumpTo(u.camera);
  if (u.zone !== s.selectedZoneId && (u.zone || whole)) {
    if (u.zone) {
      const id = u.zone;
      s.selectZone({ id, zh: '', en: '', kind: '', layerId: '' });
      void loadZoneIndex().then((index) => {
        const at = index[id];
        if (at && store.getState().selectedZoneId === id) openZone(store, id, at, { frame });
      });
    } else s.selectZone(null);
  }
  if (u.task !== s.selectedTaskId && (u.task || whole)) openTask(store, u.task, { frame });
  if (u.indicator !== s.selectedIndicatorId && (u.indicator || whole)) {
    openIndicator(store, u.indicator, { frame });
  }
  if ((s.zonePaint?.key ?? null) !== u.paint && (u.paint || whole)) {
    if (!u.paint) s.setZonePaint(null);
    else {
      // the colouring rules and the zone index they read load with the plan (and the planner's rows), not before the map
      const [bundle, { paintFromKey }] = await Promise.all([
        import('../plan/planner-bundle.ts').then((m) => m.loadCurrentPlanBundle()),
        import('../views/paint-keys.ts'),
      ]);
      const paint = paintFromKey(u.paint, bundle, new Date().getFullYear());
      store.getState().setZonePaint(paint);
      if (paint) store.getState().showLayers(paint.layerIds);
    }
  }
}

/**
 * Keeps the whole view in the URL: reads it once at start, then mirrors the store. A new selection, view or zone
 * colouring is a new history entry (back returns to the one before); camera, layers and language update the
 * current one. Back and forward put the entry's state back, camera included.
 */
export function bindUrlState(
  store: AppStore,
  loc: Location = window.location,
  hist: History = window.history,
  win: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  let entry = parseUrlState(new URLSearchParams(loc.search));
  // while a link's state is being applied, the half-applied store is not written back
  let applying = 0;
  let scheduled = false;

  const apply = (u: UrlState, whole: boolean) => {
    applying++;
    void applyUrlState(store, u, whole)
      .catch((e: unknown) => console.error('could not restore the link:', e))
      .finally(() => {
        applying--;
        // what the link became once applied (a chapter number read as its id) is the same history step
        write(true);
      });
  };

  const write = (sameStep = false) => {
    scheduled = false;
    if (applying > 0) return;
    const next = urlStateOf(store.getState());
    const params = new URLSearchParams(loc.search);
    writeUrlState(params, { ...next, lang: next.lang ?? 'zh', view: next.view ?? 'map' });
    const q = params.toString();
    const url = `${loc.pathname}${q ? `?${q}` : ''}${loc.hash}`;
    if (q !== loc.search.replace(/^\?/, '')) {
      if (!sameStep && isNewStep(entry, next)) hist.pushState(null, '', url);
      else hist.replaceState(hist.state, '', url);
    }
    entry = next;
  };

  apply(entry, false);
  const onPop = () => {
    entry = parseUrlState(new URLSearchParams(loc.search));
    apply(entry, true);
  };
  win.addEventListener('popstate', onPop);
  const unsubscribe = store.subscribe(
    (s) => [
      s.selectedZoneId,
      s.lang,
      s.view,
      s.selectedTaskId,
      s.selectedIndicatorId,
      s.zonePaint,
      s.camera,
      s.visible,
      s.tourId,
      s.tourLoad,
      s.tourChapter,
    ],
    () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(write);
    },
    { equalityFn: (a, b) => a.every((x, i) => x === b[i]) },
  );
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPop);
  };
}
