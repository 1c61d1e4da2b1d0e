/**
 * Tours a user makes (issue 10, "tours users make"): a chapter from what the map shows now, chapter ids, moving and
 * removing chapters. Pure: the app passes the view (web/src/tour/MyToursPanel.tsx) and saves the result.
 */
import type { Tour, TourCamera, TourChapter } from './schema.ts';
import { TOUR_LIMITS } from './schema.ts';
import { TOUR_CAMERA_BOUNDS } from './validate.ts';

export { isUserTourId, userTourId } from './user-ids.ts';

/** A saved tour: the tour format with possibly no chapter yet (a tour file needs one). */
export type UserTour = Omit<Tour, 'chapters'> & { chapters: TourChapter[] };

/** A new tour with a title (cut to the format's limit; a blank title becomes the fallback). */
export function newUserTour(id: string, title: string, fallback: string): UserTour {
  const zh = (title.trim() || fallback).slice(0, TOUR_LIMITS.tourTitle.zh);
  return { id, version: 1, title: { zh, en: '' }, chapters: [] };
}

/** `c1`, `c2`, …: the first not yet used in the tour (a deleted chapter's id may come back). */
export function nextChapterId(chapters: readonly { id: string }[]): string {
  const used = new Set(chapters.map((c) => c.id));
  for (let n = 1; ; n++) if (!used.has(`c${n}`)) return `c${n}`;
}

/** What the app shows, as the store holds it. */
export interface ViewSnapshot {
  camera: TourCamera | null;
  /** layer id → shown (store.visible); only registry layers are kept */
  visible: Readonly<Record<string, boolean>>;
  selectedZone: { id: string; zh: string; en: string } | null;
  highlightZoneIds: readonly string[];
  task: { id: string; zh: string; en: string } | null;
  indicator: { id: string; zh: string; en: string } | null;
}

/** What a chapter needs to know of the app's data: the registry's layers in order, the layer that draws a zone. */
export interface SnapshotContext {
  layerIds: readonly string[];
  zoneLayer: (zoneId: string) => string | undefined;
  /** the camera when the map has not reported one: the whole region */
  fallbackCamera: TourCamera;
  /** the title when nothing is selected, e.g. 第 3 章 */
  untitled: { zh: string; en: string };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * The camera as a tour may hold it: centre within the tour bounds (validate.ts), zoom 3–12, bearing −180…180,
 * pitch 0…60, rounded (5 decimals of a degree is about a metre).
 */
export function tourCamera(c: TourCamera): TourCamera {
  const [w, s, e, n] = TOUR_CAMERA_BOUNDS.center;
  const bearing = ((((c.bearing + 180) % 360) + 360) % 360) - 180;
  return {
    center: [round(clamp(c.center[0], w, e), 5), round(clamp(c.center[1], s, n), 5)],
    zoom: round(clamp(c.zoom, TOUR_CAMERA_BOUNDS.zoom[0], TOUR_CAMERA_BOUNDS.zoom[1]), 3),
    bearing: round(bearing, 2),
    pitch: round(clamp(c.pitch, 0, 60), 2),
  };
}

const cut = (w: { zh: string; en: string }, limit: { zh: number; en: number }) => ({
  zh: w.zh.slice(0, limit.zh),
  en: w.en.slice(0, limit.en),
});

/**
 * "Add this view as a chapter": the camera, exactly the registry layers shown, the selected zone and the
 * highlighted ones (a zone's layer is added when hidden, so the chapter draws what it outlines), the open task and
 * indicator as its cites. Title and caption default to the zone's name, else the task's, else the indicator's.
 */
export function chapterFromView(view: ViewSnapshot, id: string, ctx: SnapshotContext): TourChapter {
  const layers = ctx.layerIds.filter((l) => view.visible[l]);
  const zones: string[] = [];
  for (const z of [...(view.selectedZone ? [view.selectedZone.id] : []), ...view.highlightZoneIds]) {
    const layer = ctx.zoneLayer(z);
    if (!layer || zones.includes(z) || zones.length >= TOUR_LIMITS.zones) continue;
    if (!layers.includes(layer)) {
      if (layers.length >= TOUR_LIMITS.layers) continue;
      layers.push(layer);
    }
    zones.push(z);
  }
  const name =
    [view.selectedZone, view.task, view.indicator].find((n) => n && n.zh.trim() !== '') ?? ctx.untitled;
  return {
    id,
    title: cut(name, TOUR_LIMITS.title),
    caption: cut(name, TOUR_LIMITS.caption),
    notes: { zh: '', en: '' },
    camera: tourCamera(view.camera ?? ctx.fallbackCamera),
    layers: ctx.layerIds.filter((l) => layers.includes(l)).slice(0, TOUR_LIMITS.layers),
    zones,
    cites: {
      tasks: view.task ? [view.task.id] : [],
      indicators: view.indicator ? [view.indicator.id] : [],
    },
  };
}

/** The chapters with the one at `index` moved one place up (−1) or down (+1); unchanged at either end. */
export function moveChapterBy<T>(chapters: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  const out = [...chapters];
  if (index < 0 || index >= out.length || to < 0 || to >= out.length) return out;
  [out[index], out[to]] = [out[to] as T, out[index] as T];
  return out;
}

/** The tour as a file holds it (the `english` note says the English is the author's), or null with no chapter. */
export function tourFile(tour: UserTour): Tour | null {
  if (tour.chapters.length === 0) return null;
  const { english, ...rest } = tour;
  return english
    ? { ...rest, english, chapters: [...tour.chapters] }
    : { ...rest, chapters: [...tour.chapters] };
}

/** An imported tour whose id is taken gets a new one ("keep both"); its title says it is a copy. */
export function asCopy(tour: Tour, id: string, suffix: { zh: string; en: string }): Tour {
  return {
    ...tour,
    id,
    title: {
      zh: `${tour.title.zh}${suffix.zh}`.slice(0, TOUR_LIMITS.tourTitle.zh),
      en: tour.title.en ? `${tour.title.en}${suffix.en}`.slice(0, TOUR_LIMITS.tourTitle.en) : '',
    },
  };
}
