import { LAYERS } from '../../../layers/registry.ts';
import { type ChapterMove, chapterIndexOf, moveChapter } from '../../domain/tour/navigation.ts';
import { chapterView } from '../../domain/tour/present.ts';
import { mapPort } from '../map/map-port.ts';
import type { AppState, AppStore } from '../store/store.ts';
import type { TourReturn } from '../store/tour-slice.ts';
import { stageCamera, stageChanged } from './stage-camera.ts';
import { loadTour } from './tour-source.ts';

const LAYER_IDS = LAYERS.map((l) => l.id);
const FULL_OPACITY = Object.fromEntries(LAYER_IDS.map((id) => [id, 1]));

/** Each presentation started; a tour that finishes loading after its presentation ended is dropped. */
let session = 0;

/** Flights are animated unless the system asks for reduced motion. */
const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

function returnOf(s: AppState): TourReturn {
  return {
    visible: s.visible,
    opacity: s.opacity,
    selectedZoneId: s.selectedZoneId,
    selectedZone: s.selectedZone,
    zonesHere: s.zonesHere,
    view: s.view,
    selectedTaskId: s.selectedTaskId,
    selectedIndicatorId: s.selectedIndicatorId,
    zonePaint: s.zonePaint,
    highlightZoneIds: s.highlightZoneIds,
    screeningOpen: s.screeningOpen,
    infoLayerId: s.infoLayerId,
    drawMode: s.drawMode,
    camera: mapPort.currentCamera() ?? s.camera,
  };
}

/** Resolves once the map has been idle once (the tour and the plan load after the map, not before). */
function firstIdle(store: AppStore): Promise<void> {
  if (store.getState().mapStatus !== 'loading') return Promise.resolve();
  return new Promise((ok) => {
    const stop = store.subscribe(
      (s) => s.mapStatus,
      (status) => {
        if (status === 'loading') return;
        stop();
        ok();
      },
    );
  });
}

/**
 * Starts presenting a tour at the chapter a link names (a number or an id; the first when null), or moves to that
 * chapter when the tour is already on. What the app shows now is kept and put back by leaveTour; while presenting,
 * nothing is selected, no view, colouring, screening panel or layer information is open, and the draw tool is off.
 * Resolves when the chapter is on screen, or the tour was refused.
 */
export async function presentTour(store: AppStore, tourId: string, chapterRef: string | null): Promise<void> {
  const s = store.getState();
  if (s.tourId === tourId && s.tourLoad?.status === 'ready') {
    showChapter(store, chapterIndexOf(s.tourLoad.tour.chapters, chapterRef).index);
    return;
  }
  if (s.tourId === tourId && s.tourLoad?.status === 'loading') return;
  const mine = ++session;
  store.setState({
    ...(s.tourId === null
      ? {
          tourReturn: returnOf(s),
          selectedZoneId: null,
          selectedZone: null,
          zonesHere: [],
          hoveredZoneId: null,
          view: 'map',
          zonePaint: null,
          highlightZoneIds: [],
          screeningOpen: false,
          infoLayerId: null,
          drawMode: 'off',
          opacity: FULL_OPACITY,
        }
      : {}),
    tourId,
    tourLoad: { status: 'loading' },
    tourChapter: 0,
  });
  await firstIdle(store);
  if (session !== mine) return;
  const back = store.getState().tourReturn;
  // opened by a link before the map existed: the camera to return to is the one the map started with
  if (back && back.camera === null)
    store.setState({ tourReturn: { ...back, camera: mapPort.currentCamera() } });
  const load = await loadTour(tourId);
  if (session !== mine) return;
  store.setState({ tourLoad: load });
  if (load.status === 'ready') {
    showChapter(store, chapterIndexOf(load.tour.chapters, chapterRef).index, { force: true });
  }
}

/** A chapter shown: `first` when the tour was just read (its opening chapter), else a step. */
export interface ChapterShown {
  tourId: string;
  index: number;
  first: boolean;
}
const chapterListeners = new Set<(shown: ChapterShown) => void>();

/** Tells `listener` of every chapter shown (the presenter view's sync, tour/presenter/tour-sync.ts). */
export function onChapterShown(listener: (shown: ChapterShown) => void): () => void {
  chapterListeners.add(listener);
  return () => chapterListeners.delete(listener);
}

/**
 * Shows a chapter: exactly its layers of the registry on, its zones outlined, the camera flown to its place (a jump
 * under prefers-reduced-motion). The chapter shown already is left as it is unless `force`.
 */
export function showChapter(store: AppStore, index: number, opts: { force?: boolean } = {}): void {
  const s = store.getState();
  if (s.tourLoad?.status !== 'ready') return;
  const chapter = s.tourLoad.tour.chapters[index];
  if (!chapter || (index === s.tourChapter && !opts.force)) return;
  const view = chapterView(chapter, LAYER_IDS);
  const same = LAYER_IDS.every((id) => Boolean(s.visible[id]) === view.visible[id]);
  store.setState({ tourChapter: index, ...(same ? {} : { visible: view.visible }) });
  store.getState().setHighlight(view.highlight);
  mapPort.flyTo(stageCamera(chapter.camera), { animate: !reducedMotion() });
  const shown = { tourId: s.tourId ?? '', index, first: opts.force === true };
  for (const listener of chapterListeners) listener(shown);
}

/**
 * The caption's stage changed its shape (it was laid out after the chapter was first shown, or the phone turned):
 * the chapter shown is framed again for the part of the map it leaves.
 */
export function reframeChapter(store: AppStore): void {
  const s = store.getState();
  if (s.tourLoad?.status !== 'ready' || !stageChanged()) return;
  const chapter = s.tourLoad.tour.chapters[s.tourChapter];
  if (chapter) mapPort.jumpTo(stageCamera(chapter.camera));
}

/** A presenter's key or button: next, previous, first, last, or a chapter number. */
export function stepTour(store: AppStore, move: ChapterMove): void {
  const s = store.getState();
  if (s.tourLoad?.status !== 'ready') return;
  showChapter(store, moveChapter(s.tourChapter, s.tourLoad.tour.chapters.length, move));
}

/** Ends the presentation and puts back exactly what the app showed before it: layers, selection, view, camera. */
export function leaveTour(store: AppStore): void {
  session++;
  const back = store.getState().tourReturn;
  const { camera, ...fields } = back ?? { camera: null };
  store.setState({ ...fields, tourId: null, tourLoad: null, tourChapter: 0, tourReturn: null });
  if (camera) mapPort.jumpTo(camera);
}
