import maplibregl from 'maplibre-gl';
import { MapController } from '../map/map-controller.ts';
import { onlineBasemapFromEnv } from '../map/online-basemap.ts';
import type { AppStore } from '../store/store.ts';
import { APP } from '../strings/app.ts';
import { HONESTY } from '../strings/honesty.ts';

/**
 * The map starts before the React app (docs/architecture.md, "First paint"): main.tsx calls startMap, which draws
 * the page's frame (the header's title, an empty legend column, the status line) with the same classes the app
 * uses, so the map is created at its final size, and creates the map controller in it. The app is loaded once
 * the map is first idle; its MapView then moves the map's element into its own map section.
 */
export interface StartedMap {
  /** the element maplibre draws in: `.map-host`, a child of whichever `.map` section holds it */
  element: HTMLElement;
  controller: MapController | null;
}

let started: StartedMap | null = null;

/** How long the map waits for maplibre's worker to start (see startMap); first idle measured ~0.2 s sooner. */
const WORKER_START_MS = 30;

/** The map main.tsx started, or null (the presenter window has none). */
export function startedMap(): StartedMap | null {
  return started;
}

/**
 * Creates the map controller in a new `.map-host` element put in `section` first (maplibre takes its size from it);
 * a map maplibre cannot create is reported to the store.
 */
export function createMap(store: AppStore, section: HTMLElement): StartedMap {
  const element = document.createElement('div');
  element.className = 'map-host';
  section.append(element);
  let controller: MapController | null = null;
  try {
    controller = new MapController(element, store, onlineBasemapFromEnv(import.meta.env));
  } catch (e) {
    // no WebGL, for instance: the app still opens, and the status line says why there is no map
    store.getState().setMapStatus('error', e instanceof Error ? e.message : String(e));
  }
  started = { element, controller };
  return started;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

/**
 * Draws the frame in `root` and starts the map in it. Resolves when the app may load: at the map's first idle,
 * at its first error, or after `waitMs` whatever the map is doing (a slow network must not keep the app away).
 * The map is created once `before` resolves (and maplibre's worker has had its moment).
 */
export function startMap(
  root: HTMLElement,
  store: AppStore,
  before: Promise<void> = Promise.resolve(),
  waitMs = 8000,
): Promise<void> {
  // maplibre's worker is started first and given a moment: the browser needs the page's thread to start it, and a
  // worker still starting when the map renders for the first time (a long task: its shaders are compiled) gets the
  // map's data requests only after that render; started before, it fetches and tiles the data meanwhile
  maplibregl.prewarm();
  const lang = store.getState().lang;
  const header = el('header', 'app-header');
  const titles = document.createElement('div');
  titles.append(el('h1', '', APP.title[lang]), el('p', 'subtitle', APP.subtitle[lang]));
  header.append(titles);
  const main = el('main', 'app-main');
  const section = el('section', 'map');
  section.setAttribute('aria-label', '地图 Map');
  main.append(el('aside', 'layer-panel'), section);
  const status = el('footer', 'status-bar');
  status.append(
    el('span', 'coords', `${APP.coords[lang]}: —`),
    el('span', 'map-status', APP.mapLoading[lang]),
    el('span', 'disclaimer', HONESTY.notForPublication[lang]),
  );
  const frame = el('div', 'app');
  frame.append(header, main, status);
  root.replaceChildren(frame);

  return new Promise((ok) => {
    const done = () => {
      clearTimeout(timer);
      ok();
    };
    const timer = setTimeout(done, waitMs);
    const create = () => {
      const { controller } = createMap(store, section);
      if (!controller) return done();
      controller.map.once('idle', done);
      controller.map.once('error', done);
    };
    setTimeout(() => void before.then(create), WORKER_START_MS);
  });
}
