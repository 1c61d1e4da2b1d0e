import type { Polygon } from 'geojson';
import type { ValidationIssue } from '../../domain/geo/validate-polygon.ts';
import type { BoundaryCollection, Project } from '../../domain/projects/model.ts';
import type { ScreeningResult } from '../../domain/screening/engine.ts';
import type { Progress } from '../../domain/screening/layer.ts';

/**
 * The screening part of the one store: plain state and setters only (the work is in screening-actions.ts,
 * loaded with the panel). Small things only: the project boundary being checked, the results (with overlap
 * outlines), draw mode and commands, snapshot requests. Layer data stays in the worker.
 */
/** Map sources and layers of the drawing start with this; the map controller keeps them across style diffs. */
export const DRAW_PREFIX = 'screening-draw';

export type DrawMode = 'off' | 'polygon' | 'rectangle' | 'select';
export type DrawCommand = 'undo' | 'redo' | 'delete' | 'clear' | 'cancel';

export interface MapSnapshot {
  id: number;
  dataUrl: string;
  /** CSS pixels of the map at capture */
  width: number;
  height: number;
  /** ground metres per CSS pixel at the centre, for the scale bar */
  metersPerPixel: number;
  bearing: number;
  bounds: [number, number, number, number];
}

/** The project on the bench: saved (projectId) or not yet. */
export interface ScreeningDraft {
  projectId: string | null;
  name: string;
  type: string;
  source: Project['source'];
  boundary: BoundaryCollection;
  originalBoundary?: BoundaryCollection;
  importedFrom?: Project['importedFrom'];
  createdAt?: string;
}

/** A dataset a check ran against, for the report. */
export interface DatasetInfo {
  layerId: string;
  nameZh: string;
  nameEn: string;
  zoneType: string;
  /** drawn from public knowledge (示意), not surveyed */
  schematic: boolean;
  /** the user's own file replaced the built-in layer */
  userData: boolean;
  version: string;
  provenance: string;
  featureCount: number;
  /** SHA-256 of the data as sent to the engine */
  sha256: string;
}

export interface ScreeningRun {
  status: 'idle' | 'loading' | 'running' | 'done' | 'invalid' | 'error';
  progress: Progress | null;
  message: string | null;
  errors: ValidationIssue[];
  result: ScreeningResult | null;
  datasets: DatasetInfo[];
  buffersM: number[];
  checkedAt: string | null;
  /** the draft the result belongs to (the result goes stale when the draft changes) */
  draftKey: string | null;
}

export interface ScreeningSlice {
  screeningOpen: boolean;
  screeningDraft: ScreeningDraft | null;
  screeningRun: ScreeningRun;
  drawMode: DrawMode;
  /** increasing `seq` so the same command twice is two commands */
  drawCommand: { kind: DrawCommand; seq: number } | null;
  /** outlines to load into the drawing for editing (a saved project), with a sequence number */
  drawLoad: { polygons: Polygon[]; seq: number } | null;
  drawHistory: { canUndo: boolean; canRedo: boolean; selected: boolean; drawing: boolean };
  /** finished outlines on the drawing layer (WGS84), set by the draw controller */
  drawnPolygons: Polygon[];
  /** why the last outline was refused (e.g. self-intersection), or null */
  drawRefused: 'self-intersection' | null;
  snapshotRequest: { id: number; bbox: [number, number, number, number] | null } | null;
  snapshot: MapSnapshot | null;

  setScreeningOpen(open: boolean): void;
  setScreeningDraft(draft: ScreeningDraft | null): void;
  setScreeningRun(patch: Partial<ScreeningRun>): void;
  setDrawMode(mode: DrawMode): void;
  issueDrawCommand(kind: DrawCommand): void;
  loadIntoDrawing(polygons: Polygon[]): void;
  setDrawHistory(h: ScreeningSlice['drawHistory']): void;
  setDrawnPolygons(polygons: Polygon[]): void;
  setDrawRefused(reason: ScreeningSlice['drawRefused']): void;
  /** asks the map controller for a picture of the map framed on bbox; returns the request id */
  requestSnapshot(bbox: [number, number, number, number] | null): number;
  setSnapshot(s: MapSnapshot): void;
}

type Set = (partial: Partial<ScreeningSlice> | ((s: ScreeningSlice) => Partial<ScreeningSlice>)) => void;
type Get = () => ScreeningSlice;

export const screeningSlice = (set: Set, get: Get): ScreeningSlice => ({
  screeningOpen: false,
  screeningDraft: null,
  screeningRun: {
    status: 'idle',
    progress: null,
    message: null,
    errors: [],
    result: null,
    datasets: [],
    buffersM: [500, 1000, 5000],
    checkedAt: null,
    draftKey: null,
  },
  drawMode: 'off',
  drawCommand: null,
  drawLoad: null,
  drawHistory: { canUndo: false, canRedo: false, selected: false, drawing: false },
  drawnPolygons: [],
  drawRefused: null,
  snapshotRequest: null,
  snapshot: null,

  setScreeningOpen: (screeningOpen) =>
    set(screeningOpen ? { screeningOpen } : { screeningOpen, drawMode: 'off' }),
  setScreeningDraft: (screeningDraft) => set({ screeningDraft }),
  setScreeningRun: (patch) => set((s) => ({ screeningRun: { ...s.screeningRun, ...patch } })),
  setDrawMode: (drawMode) => set({ drawMode, drawRefused: null }),
  issueDrawCommand: (kind) =>
    set((s) => ({
      drawCommand: { kind, seq: (s.drawCommand?.seq ?? 0) + 1 },
      ...(kind === 'clear' ? { drawLoad: null } : {}),
    })),
  loadIntoDrawing: (polygons) => set((s) => ({ drawLoad: { polygons, seq: (s.drawLoad?.seq ?? 0) + 1 } })),
  setDrawHistory: (drawHistory) => set({ drawHistory }),
  setDrawnPolygons: (drawnPolygons) => set({ drawnPolygons }),
  setDrawRefused: (drawRefused) => set({ drawRefused }),
  requestSnapshot: (bbox) => {
    const id = (get().snapshotRequest?.id ?? 0) + 1;
    set({ snapshotRequest: { id, bbox } });
    return id;
  },
  setSnapshot: (snapshot) => set({ snapshot }),
});
