import type { Polygon } from 'geojson';
import type { Camera } from '../store/plan-view-slice.ts';

export type BBox = [number, number, number, number];

/** A picture of the map for the report, with what the report needs to draw a scale bar and north arrow. */
export interface MapSnapshot {
  dataUrl: string;
  /** CSS pixels of the map at capture */
  width: number;
  height: number;
  /** ground metres per CSS pixel at the centre, for the scale bar */
  metersPerPixel: number;
  bearing: number;
  bounds: BBox;
}

/** A picture at a given size and place (the exported PNG, the handout's chapters) instead of the map as it is. */
export interface SnapshotOptions {
  /** CSS pixels, drawn at device pixel ratio 1: the map is sized so for the capture and put back */
  size?: { width: number; height: number };
  /** the camera to capture (bbox is then ignored); put back afterwards */
  camera?: Camera;
}

/**
 * What the rest of the app may ask of the map. The map controller implements it and registers itself; actions
 * and commands call it (React components call actions or commands, never the map). State (what is visible,
 * selected, which draw tool is on) goes through the store instead; the controller follows that.
 */
export interface MapPort {
  /**
   * Flies to a box (`animate: false`: jumps); `padding` in pixels, by default clear of the open panels; no closer
   * than `maxZoom` (12).
   */
  frame(bbox: BBox, padding?: number, maxZoom?: number, animate?: boolean): void;
  /** Puts the camera where a link or the browser's history says, without animation. */
  jumpTo(camera: Camera): void;
  /** Flies to a camera (a tour's chapter); `animate: false` jumps (the caller reads prefers-reduced-motion). */
  flyTo(camera: Camera, opts: { animate: boolean }): void;
  /** The camera the map shows now, or null before there is a map. */
  currentCamera(): Camera | null;
  /** The map framed on bbox (as it is when null), captured after the next render; the camera is put back. */
  snapshot(bbox: BBox | null, opts?: SnapshotOptions): Promise<MapSnapshot>;
  undoDrawing(): void;
  redoDrawing(): void;
  /** Removes the outline selected in the edit tool. */
  deleteSelectedOutline(): void;
  /** Drops the outline being drawn; finished outlines stay. */
  cancelOutline(): void;
  /** Removes every outline and the drawing's history. */
  clearDrawing(): void;
  /** Puts outlines on the drawing for editing (replacing what is there). */
  loadDrawing(polygons: Polygon[]): void;
}

let current: MapPort | null = null;
const waiting: ((p: MapPort) => void)[] = [];

/** Called by the map controller when it is ready for requests; returns the call that withdraws it. */
export function registerMapPort(port: MapPort): () => void {
  current = port;
  for (const run of waiting.splice(0)) run(port);
  return () => {
    if (current === port) current = null;
  };
}

/** Runs `fn` on the map now, or as soon as a map controller registers (e.g. a zone opened from the URL at start). */
function onMap(fn: (p: MapPort) => void): void {
  if (current) fn(current);
  else waiting.push(fn);
}

let panelsShown = false;
let frameBeforePanels: (() => void) | null = null;

/**
 * Framing keeps clear of the panels that cover the map (`--cover-left`/`--cover-right`), which exist once the app
 * has rendered; the map starts before it (docs/architecture.md, "First paint"), so a frame asked for earlier (a
 * link's zone or task) waits for this call, and only the last one is made.
 */
export function panelsAreShown(): void {
  panelsShown = true;
  const run = frameBeforePanels;
  frameBeforePanels = null;
  run?.();
}

/** The map, for actions and commands: calls made before the map exists run when it does. */
export const mapPort: MapPort = {
  frame: (bbox, padding, maxZoom, animate) => {
    const run = () => onMap((p) => p.frame(bbox, padding, maxZoom, animate));
    if (panelsShown) run();
    else frameBeforePanels = run;
  },
  jumpTo: (camera) => onMap((p) => p.jumpTo(camera)),
  flyTo: (camera, opts) => onMap((p) => p.flyTo(camera, opts)),
  currentCamera: () => current?.currentCamera() ?? null,
  snapshot: (bbox, opts) => new Promise((ok, fail) => onMap((p) => p.snapshot(bbox, opts).then(ok, fail))),
  undoDrawing: () => onMap((p) => p.undoDrawing()),
  redoDrawing: () => onMap((p) => p.redoDrawing()),
  deleteSelectedOutline: () => onMap((p) => p.deleteSelectedOutline()),
  cancelOutline: () => onMap((p) => p.cancelOutline()),
  clearDrawing: () => onMap((p) => p.clearDrawing()),
  loadDrawing: (polygons) => onMap((p) => p.loadDrawing(polygons)),
};
