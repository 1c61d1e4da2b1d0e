/**
 * What a tour camera shows on a screen, by web-mercator arithmetic (maplibre's 512-px world at zoom 0), for a flat
 * camera (bearing 0, pitch 0). The caption panel covers the map's left edge; a chapter's zones should lie in the rest.
 */
import type { TourCamera } from './schema.ts';

export type Bbox = readonly [west: number, south: number, east: number, north: number];

export interface Screen {
  width: number;
  height: number;
  /** px covered on the left (the caption panel) */
  coverLeft: number;
  /** px covered along the bottom (the caption panel on a narrow screen); none when absent */
  coverBottom?: number;
  /** px kept free on every side */
  margin: number;
}

/** The presenter's screens the default tour is framed for: 1920×1080 and 1280×720, caption panel 500 px wide. */
export const CAPTION_PANEL_PX = 500;
export const PROJECTOR_SCREENS: readonly Screen[] = [
  { width: 1920, height: 1080, coverLeft: CAPTION_PANEL_PX, margin: 24 },
  { width: 1280, height: 720, coverLeft: CAPTION_PANEL_PX, margin: 24 },
];

const TILE = 512;
const MAX_LAT = 85.051129;

/** World pixel coordinates at zoom 0 (0–512). */
function project(lng: number, lat: number): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  const x = ((lng + 180) / 360) * TILE;
  const y = ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * TILE;
  return [x, y];
}

function unproject(x: number, y: number): [number, number] {
  const lng = (x / TILE) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / TILE))) * 180) / Math.PI;
  return [lng, lat];
}

/** The union box of several boxes; null for none. */
export function unionBbox(boxes: Iterable<Bbox>): Bbox | null {
  let out: [number, number, number, number] | null = null;
  for (const b of boxes) {
    out = out
      ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])]
      : [b[0], b[1], b[2], b[3]];
  }
  return out;
}

/**
 * How far (px) a box reaches past the free part of the screen on each side; all ≤ 0 when it fits. Null for a
 * rotated or tilted camera, which this flat arithmetic does not cover.
 */
export function overflow(
  bbox: Bbox,
  camera: TourCamera,
  screen: Screen,
): { left: number; right: number; top: number; bottom: number } | null {
  if (camera.bearing !== 0 || camera.pitch !== 0) return null;
  const scale = 2 ** camera.zoom;
  const [cx, cy] = project(camera.center[0], camera.center[1]);
  const [wx, ny] = project(bbox[0], bbox[3]);
  const [ex, sy] = project(bbox[2], bbox[1]);
  const toScreenX = (x: number) => screen.width / 2 + (x - cx) * scale;
  const toScreenY = (y: number) => screen.height / 2 + (y - cy) * scale;
  return {
    left: screen.coverLeft + screen.margin - toScreenX(wx),
    right: toScreenX(ex) - (screen.width - screen.margin),
    top: screen.margin - toScreenY(ny),
    bottom: toScreenY(sy) - (screen.height - (screen.coverBottom ?? 0) - screen.margin),
  };
}

export function fits(bbox: Bbox, camera: TourCamera, screen: Screen): boolean {
  const o = overflow(bbox, camera, screen);
  return o !== null && o.left <= 0 && o.right <= 0 && o.top <= 0 && o.bottom <= 0;
}

/**
 * The flat camera that shows a box as large as it fits in the free part of the screen, centred there; zoom rounded
 * down to `step` and capped at `maxZoom` (a point or a small zone is not blown up to street level).
 */
export function frame(bbox: Bbox, screen: Screen, maxZoom = 9, step = 0.05): TourCamera {
  const [wx, ny] = project(bbox[0], bbox[3]);
  const [ex, sy] = project(bbox[2], bbox[1]);
  const freeW = screen.width - screen.coverLeft - 2 * screen.margin;
  const freeH = screen.height - (screen.coverBottom ?? 0) - 2 * screen.margin;
  const fitZoom = Math.min(
    Math.log2(freeW / Math.max(ex - wx, 1e-9)),
    Math.log2(freeH / Math.max(sy - ny, 1e-9)),
  );
  const zoom = Math.min(maxZoom, Math.floor(fitZoom / step) * step);
  const scale = 2 ** zoom;
  // the box's middle goes to the middle of the free area, which lies (coverLeft / 2) px right of the screen's
  // (and coverBottom / 2 px above it)
  const [lng, lat] = unproject(
    (wx + ex) / 2 - screen.coverLeft / 2 / scale,
    (ny + sy) / 2 + (screen.coverBottom ?? 0) / 2 / scale,
  );
  const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
  return { center: [round(lng, 3), round(lat, 3)], zoom: round(zoom, 2), bearing: 0, pitch: 0 };
}

/**
 * The camera that shows in the free part of `to` what `camera` shows in the free part of `from`: the same middle,
 * zoomed out (or in) until all of it fits. A chapter framed beside the projector's caption panel is shown this way
 * above the caption along a phone's foot. A rotated or tilted camera is returned as it is.
 */
export function reframe(camera: TourCamera, from: Screen, to: Screen): TourCamera {
  if (camera.bearing !== 0 || camera.pitch !== 0) return camera;
  const free = (s: Screen) => ({
    width: Math.max(1, s.width - s.coverLeft - 2 * s.margin),
    height: Math.max(1, s.height - (s.coverBottom ?? 0) - 2 * s.margin),
    // the free part's middle, in px from the screen's
    dx: s.coverLeft / 2,
    dy: -(s.coverBottom ?? 0) / 2,
  });
  const a = free(from);
  const b = free(to);
  const zoom = camera.zoom + Math.log2(Math.min(b.width / a.width, b.height / a.height));
  const [cx, cy] = project(camera.center[0], camera.center[1]);
  const mx = cx + a.dx / 2 ** camera.zoom;
  const my = cy + a.dy / 2 ** camera.zoom;
  const [lng, lat] = unproject(mx - b.dx / 2 ** zoom, my - b.dy / 2 ** zoom);
  return { center: [lng, lat], zoom, bearing: 0, pitch: 0 };
}
