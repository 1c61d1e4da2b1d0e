import type { ZonePaint } from '../../../layers/zone-paint.ts';

/** Which view fills the side of the map: the map alone (zone panel), the indicator dashboard, the task browser. */
export type AppView = 'map' | 'indicators' | 'tasks';

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface PlanViewSlice {
  view: AppView;
  selectedTaskId: string | null;
  selectedIndicatorId: string | null;
  /** zones coloured by a view ("show on map", coverage); drawn by the map controller */
  zonePaint: ZonePaint | null;
  /** zones outlined because the chosen task or indicator is about them */
  highlightZoneIds: string[];
  /** what the map shows, reported by the map controller after each move (never read back by it) */
  camera: Camera | null;

  setView(view: AppView): void;
  selectTask(id: string | null): void;
  selectIndicator(id: string | null): void;
  setZonePaint(paint: ZonePaint | null): void;
  setHighlight(zoneIds: string[]): void;
  setCamera(camera: Camera): void;
}

type Set = (partial: Partial<PlanViewSlice> | ((s: PlanViewSlice) => Partial<PlanViewSlice>)) => void;

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export const planViewSlice = (set: Set): PlanViewSlice => ({
  view: 'map',
  selectedTaskId: null,
  selectedIndicatorId: null,
  zonePaint: null,
  highlightZoneIds: [],
  camera: null,

  setView: (view) => set((s) => (s.view === view ? s : { view })),
  selectTask: (selectedTaskId) => set((s) => (s.selectedTaskId === selectedTaskId ? s : { selectedTaskId })),
  selectIndicator: (selectedIndicatorId) =>
    set((s) => (s.selectedIndicatorId === selectedIndicatorId ? s : { selectedIndicatorId })),
  setZonePaint: (zonePaint) => set({ zonePaint }),
  setHighlight: (ids) =>
    set((s) => {
      const next = [...new Set(ids)].sort();
      return sameIds(s.highlightZoneIds, next) ? s : { highlightZoneIds: next };
    }),
  setCamera: (camera) => set({ camera }),
});
