/**
 * The shareable state of the app in the URL query (README, "Links"): what is selected, which view is open, the
 * zone colours, the camera, the layers switched on or off against the defaults, the language. Chinese, the map
 * view and the default layers leave no parameter. Anything else in the query is left as it was; a value the app
 * never writes is ignored (null), never passed on.
 */
import { isChapterRef, isTourId } from '../tour/navigation.ts';
import { isShareRef } from '../tour/share.ts';

export type UrlLang = 'zh' | 'en';
export type UrlView = 'map' | 'indicators' | 'tasks';

export interface UrlCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface UrlState {
  zone: string | null;
  lang: UrlLang | null;
  view: UrlView | null;
  task: string | null;
  indicator: string | null;
  /** what colours the zones (ZonePaint.key), e.g. `indicator:forest-cover`, `coverage:leagues` */
  paint: string | null;
  camera: UrlCamera | null;
  /** layers switched on that are off by default, and off that are on by default */
  show: string[];
  hide: string[];
  /** the tour being presented (`tour=default`); absent when none is */
  tour?: string | null;
  /** its chapter: a 1-based number or a chapter id as a link names it; the app writes the id */
  chapter?: string | null;
}

/** The state to write: every field is written, so a field left null removes its parameter. */
export interface UrlWrite {
  zone: string | null;
  lang: UrlLang;
  view?: UrlView;
  task?: string | null;
  indicator?: string | null;
  paint?: string | null;
  camera?: UrlCamera | null;
  show?: readonly string[];
  hide?: readonly string[];
  tour?: string | null;
  chapter?: string | null;
}

/** What is read from and written to a query string (URLSearchParams has this shape). */
export interface QueryParams {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** Zone, indicator and layer ids are lower-case ASCII words joined by hyphens (docs/zone-ids.md). */
export const ZONE_ID = /^[a-z0-9-]{1,80}$/;
/** Task ids are the outline's numbering: chapter.section.item. */
export const TASK_ID = /^\d{1,2}(\.\d{1,2}){1,3}$/;
export const PAINT_KEY = /^[a-z]{1,20}:[a-z0-9.-]{1,80}$/;
const LAYER_LIST_MAX = 60;

const idOr = (value: string | null, pattern: RegExp) =>
  value !== null && pattern.test(value) ? value : null;

const num = (s: string | undefined, min: number, max: number): number | null => {
  if (s === undefined || !/^-?\d{1,3}(\.\d{1,6})?$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
};

/** `map=zoom/lat/lng[/bearing[/pitch]]`, the order OpenStreetMap links use. */
export function parseCamera(value: string | null): UrlCamera | null {
  if (value === null) return null;
  const parts = value.split('/');
  if (parts.length < 3 || parts.length > 5) return null;
  const zoom = num(parts[0], 0, 24);
  const lat = num(parts[1], -85, 85);
  const lng = num(parts[2], -180, 180);
  const bearing = parts.length > 3 ? num(parts[3], -180, 180) : 0;
  const pitch = parts.length > 4 ? num(parts[4], 0, 85) : 0;
  if (zoom === null || lat === null || lng === null || bearing === null || pitch === null) return null;
  return { center: [lng, lat], zoom, bearing, pitch };
}

const fixed = (n: number, digits: number) => String(Number(n.toFixed(digits)));

export function writeCamera(c: UrlCamera): string {
  const parts = [fixed(c.zoom, 2), fixed(c.center[1], 4), fixed(c.center[0], 4)];
  if (c.bearing !== 0 || c.pitch !== 0) parts.push(fixed(c.bearing, 1));
  if (c.pitch !== 0) parts.push(fixed(c.pitch, 1));
  return parts.join('/');
}

function parseList(value: string | null): string[] {
  if (value === null || value === '') return [];
  const ids = value.split(',');
  if (ids.length > LAYER_LIST_MAX || !ids.every((id) => ZONE_ID.test(id))) return [];
  return [...new Set(ids)];
}

export function parseUrlState(params: Pick<QueryParams, 'get'>): UrlState {
  const lang = params.get('lang');
  const view = params.get('view');
  const tour = params.get('tour');
  const chapter = params.get('chapter');
  const presenting =
    tour !== null && (isTourId(tour) || isShareRef(tour))
      ? { tour, chapter: chapter !== null && isChapterRef(chapter) ? chapter : null }
      : {};
  return {
    zone: idOr(params.get('zone'), ZONE_ID),
    lang: lang === 'en' || lang === 'zh' ? lang : null,
    view: view === 'indicators' || view === 'tasks' || view === 'map' ? view : null,
    task: idOr(params.get('task'), TASK_ID),
    indicator: idOr(params.get('indicator'), ZONE_ID),
    paint: idOr(params.get('paint'), PAINT_KEY),
    camera: parseCamera(params.get('map')),
    show: parseList(params.get('show')),
    hide: parseList(params.get('hide')),
    ...presenting,
  };
}

const put = (params: QueryParams, name: string, value: string | null | undefined) => {
  if (value) params.set(name, value);
  else params.delete(name);
};

/** Writes the state into params, keeping every other parameter. */
export function writeUrlState(params: QueryParams, state: UrlWrite): void {
  put(params, 'zone', state.zone);
  put(params, 'lang', state.lang === 'en' ? 'en' : null);
  put(params, 'view', state.view && state.view !== 'map' ? state.view : null);
  put(params, 'task', state.task);
  put(params, 'indicator', state.indicator);
  put(params, 'paint', state.paint);
  put(params, 'map', state.camera ? writeCamera(state.camera) : null);
  put(params, 'show', state.show?.length ? [...state.show].sort().join(',') : null);
  put(params, 'hide', state.hide?.length ? [...state.hide].sort().join(',') : null);
  put(params, 'tour', state.tour);
  put(params, 'chapter', state.tour ? state.chapter : null);
}

/** The layers to name in a link: those whose visibility differs from the default. */
export function layerDiff(
  visible: Readonly<Record<string, boolean>>,
  defaults: Readonly<Record<string, boolean>>,
): { show: string[]; hide: string[] } {
  const ids = Object.keys(defaults).sort();
  return {
    show: ids.filter((id) => visible[id] && !defaults[id]),
    hide: ids.filter((id) => !visible[id] && defaults[id]),
  };
}

/** Visibility from the defaults and a link's lists; ids that are not layers are ignored. */
export function applyLayerDiff(
  defaults: Readonly<Record<string, boolean>>,
  show: readonly string[],
  hide: readonly string[],
): Record<string, boolean> {
  const next = { ...defaults };
  for (const id of show) if (id in next) next[id] = true;
  for (const id of hide) if (id in next) next[id] = false;
  return next;
}

/**
 * Which parameters make a new history entry: a change of selection, view or zone colours is a step the browser's
 * back button returns from; moving the map, switching layers or the language only updates the current entry.
 * Starting or leaving a presentation is a step, and so is each new chapter (back and forward follow chapters);
 * a chapter named once the tour has loaded, where none was, is not.
 */
export function isNewStep(before: UrlState, after: UrlState): boolean {
  return (
    before.zone !== after.zone ||
    (before.view ?? 'map') !== (after.view ?? 'map') ||
    before.task !== after.task ||
    before.indicator !== after.indicator ||
    before.paint !== after.paint ||
    (before.tour ?? null) !== (after.tour ?? null) ||
    (before.chapter != null && after.chapter != null && before.chapter !== after.chapter)
  );
}
