import type { WalkRecord } from '../../domain/field/walk-record.ts';
import type { ValidationIssue } from '../../domain/geo/validate-polygon.ts';
import type { BoundaryCollection, Project } from '../../domain/projects/model.ts';
import type { SectionLayer } from '../../domain/report/sections.ts';
import type { DatasetInfo } from '../../domain/report/types.ts';
import type { ScreeningResult } from '../../domain/screening/engine.ts';
import type { Progress } from '../../domain/screening/layer.ts';
import type { LayerIssue } from '../../domain/screening/layer-check.ts';

/**
 * The screening part of the one store: plain state and setters only (the work is in the action modules beside
 * this file, loaded with the panel). Small things only: the project boundary being checked, the results (with
 * overlap outlines), the draw tool and its undo state, whether the report is open. Layer data stays in the
 * worker; requests to the map (drawing edits, snapshots) go through the map port (map/map-port.ts).
 */

/** Map sources and layers of the drawing start with this; the map controller keeps them across style diffs. */
export const DRAW_PREFIX = 'screening-draw';

export type DrawMode = 'off' | 'polygon' | 'rectangle' | 'select';

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
  /** the raw track and figures of a walked boundary (kept with the project) */
  walk?: WalkRecord;
}

/** A dataset a check ran against, with its badge as of the check (web/domain/report/types.ts). */
export type { DatasetInfo };

export interface ScreeningRun {
  status: 'idle' | 'loading' | 'running' | 'done' | 'invalid' | 'error';
  progress: Progress | null;
  message: string | null;
  errors: ValidationIssue[];
  /** why a layer was refused (the layer check's errors), when the check failed for that reason */
  layerIssues: LayerIssue[];
  result: ScreeningResult | null;
  datasets: DatasetInfo[];
  buffersM: number[];
  /** screening layers the check could not read (no data loaded): listed as not checked, never "no overlap" */
  notChecked: SectionLayer[];
  checkedAt: string | null;
  /** the draft the result belongs to (the result goes stale when the draft changes) */
  draftKey: string | null;
}

export interface ScreeningSlice {
  screeningOpen: boolean;
  screeningDraft: ScreeningDraft | null;
  screeningRun: ScreeningRun;
  drawMode: DrawMode;
  /** what the drawing can do now, published by the draw controller (`drawing`: an outline is in progress) */
  drawHistory: { canUndo: boolean; canRedo: boolean; selected: boolean; drawing: boolean };
  /**
   * why the last outline or edit was refused (the geometry kernel's issue: crossing, no area, too large …) and
   * whether a finished outline or an edit of one was refused; null when nothing was
   */
  drawRefused: { issue: ValidationIssue; when: 'finish' | 'edit' } | null;
  /** the printable report is shown over the app */
  reportOpen: boolean;

  setScreeningOpen(open: boolean): void;
  setScreeningDraft(draft: ScreeningDraft | null): void;
  setScreeningRun(patch: Partial<ScreeningRun>): void;
  setDrawMode(mode: DrawMode): void;
  setDrawHistory(h: ScreeningSlice['drawHistory']): void;
  setDrawRefused(reason: ScreeningSlice['drawRefused']): void;
  setReportOpen(open: boolean): void;
}

type Set = (partial: Partial<ScreeningSlice> | ((s: ScreeningSlice) => Partial<ScreeningSlice>)) => void;
export const screeningSlice = (set: Set): ScreeningSlice => ({
  screeningOpen: false,
  screeningDraft: null,
  screeningRun: {
    status: 'idle',
    progress: null,
    message: null,
    errors: [],
    layerIssues: [],
    result: null,
    datasets: [],
    buffersM: [500, 1000, 5000],
    notChecked: [],
    checkedAt: null,
    draftKey: null,
  },
  drawMode: 'off',
  drawHistory: { canUndo: false, canRedo: false, selected: false, drawing: false },
  drawRefused: null,
  reportOpen: false,

  setScreeningOpen: (screeningOpen) =>
    set(screeningOpen ? { screeningOpen } : { screeningOpen, drawMode: 'off', reportOpen: false }),
  setScreeningDraft: (screeningDraft) => set({ screeningDraft }),
  setScreeningRun: (patch) => set((s) => ({ screeningRun: { ...s.screeningRun, ...patch } })),
  setDrawMode: (drawMode) => set({ drawMode, drawRefused: null }),
  setDrawHistory: (drawHistory) => set({ drawHistory }),
  setDrawRefused: (drawRefused) => set({ drawRefused }),
  setReportOpen: (reportOpen) => set({ reportOpen }),
});
