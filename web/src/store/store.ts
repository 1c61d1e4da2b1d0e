import { create } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import type { Overlay } from '../../../layers/overlays.ts';
import { LAYERS } from '../../../layers/registry.ts';
import { initialStyleState } from '../../../layers/style.ts';
import type { Lang } from '../../../layers/types.ts';
import { nextSelection, type ZoneSummary } from '../../domain/ui/zone-selection.ts';
import { type FieldSlice, fieldSlice } from '../field/field-slice.ts';
import { type WalkSlice, walkSlice } from '../field/walk/walk-slice.ts';
import { type OfflineSlice, offlineSlice } from '../offline/offline-slice.ts';
import { type ScreeningSlice, screeningSlice } from '../screening/screening-slice.ts';
import { type WorkspaceSlice, workspaceSlice } from '../workspace/workspace-slice.ts';
import { type ObservationsSlice, observationsSlice } from './observations-slice.ts';
import { type PlanViewSlice, planViewSlice } from './plan-view-slice.ts';
import { type TourSlice, tourSlice } from './tour-slice.ts';

/** 'loading' until the first idle; then 'drawing' from a move or a data load until the map is idle again */
export type MapStatus = 'loading' | 'idle' | 'drawing' | 'error';

export type { AppView, Camera } from './plan-view-slice.ts';
export type { ZoneSummary };

/** What the legend shows about a layer the user replaced with their own data (the data itself stays out of the store). */
export interface UserLayerInfo {
  fileName: string;
  importedAt: string;
  featureCount: number;
  note: string;
  crs: string;
}

export interface AppState
  extends ScreeningSlice,
    PlanViewSlice,
    ObservationsSlice,
    TourSlice,
    FieldSlice,
    OfflineSlice,
    WorkspaceSlice,
    WalkSlice {
  lang: Lang;
  visible: Record<string, boolean>;
  opacity: Record<string, number>;
  infoLayerId: string | null;
  selectedZoneId: string | null;
  selectedZone: ZoneSummary | null;
  /** Other zones under the click that selected the current one. */
  zonesHere: ZoneSummary[];
  hoveredZoneId: string | null;
  pointer: { lng: number; lat: number } | null;
  mapStatus: MapStatus;
  mapError: string | null;
  userLayers: Record<string, UserLayerInfo>;
  /** per user layer drawn from tiles: the first zoom at which they hold a shape (web/domain/tiles/draw-zoom.ts) */
  drawFromZoom: Record<string, number>;
  /** the map's zoom after its last move (null until the map has loaded) */
  mapZoom: number | null;
  overlays: Record<string, Overlay>;
  /** The zone whose printable brief was opened; it shows only while that zone is selected (`briefOpen`). */
  briefZoneId: string | null;

  setLang(lang: Lang): void;
  toggleLayer(id: string): void;
  showLayers(ids: string[]): void;
  setOpacity(id: string, value: number): void;
  showInfo(id: string | null): void;
  /** `alsoHere`: the other zones under the same click, offered in the zone panel. */
  selectZone(zone: ZoneSummary | null, alsoHere?: ZoneSummary[]): void;
  /** A zone found by id (search, link, URL): switches its layer on and selects it (app/zone-actions.ts frames it). */
  openZone(id: string, layerId: string): void;
  hoverZone(id: string | null): void;
  setPointer(p: { lng: number; lat: number } | null): void;
  setMapStatus(status: MapStatus, error?: string): void;
  setUserLayer(layerId: string, info: UserLayerInfo | null): void;
  setDrawFromZoom(layerId: string, zoom: number | null): void;
  setMapZoom(zoom: number): void;
  setOverlay(id: string, overlay: Overlay | null): void;
  setBriefZone(id: string | null): void;
}

const initial = initialStyleState(LAYERS);

export const useAppStore = create<AppState>()(
  subscribeWithSelector((set) => ({
    ...screeningSlice(set),
    ...planViewSlice(set),
    ...observationsSlice(set),
    ...tourSlice(set),
    ...offlineSlice(set),
    ...workspaceSlice(set),
    ...fieldSlice(set),
    ...walkSlice(set),
    lang: initial.lang,
    visible: initial.visible,
    opacity: initial.opacity,
    infoLayerId: null,
    selectedZoneId: null,
    selectedZone: null,
    zonesHere: [],
    hoveredZoneId: null,
    pointer: null,
    mapStatus: 'loading',
    mapError: null,
    userLayers: {},
    drawFromZoom: {},
    mapZoom: null,
    overlays: {},
    briefZoneId: null,

    setLang: (lang) => set({ lang }),
    toggleLayer: (id) => set((s) => ({ visible: { ...s.visible, [id]: !s.visible[id] } })),
    showLayers: (ids) =>
      set((s) =>
        ids.every((id) => s.visible[id])
          ? s
          : { visible: { ...s.visible, ...Object.fromEntries(ids.map((id) => [id, true])) } },
      ),
    setOpacity: (id, value) =>
      set((s) => ({ opacity: { ...s.opacity, [id]: Math.min(1, Math.max(0, value)) } })),
    showInfo: (id) => set({ infoLayerId: id }),
    openZone: (id, layerId) =>
      set((s) => ({
        visible: s.visible[layerId] ? s.visible : { ...s.visible, [layerId]: true },
        selectedZoneId: id,
        selectedZone: { id, zh: '', en: '', kind: '', layerId },
        zonesHere: [],
      })),
    selectZone: (zone, alsoHere) =>
      set((s) => {
        const next = nextSelection(s, zone, alsoHere);
        return { ...next, selectedZoneId: next.selectedZone?.id ?? null };
      }),
    hoverZone: (id) => set((s) => (s.hoveredZoneId === id ? s : { hoveredZoneId: id })),
    setPointer: (pointer) => set({ pointer }),
    setDrawFromZoom: (layerId, zoom) =>
      set((s) => {
        if ((s.drawFromZoom[layerId] ?? null) === zoom) return s;
        const next = { ...s.drawFromZoom };
        if (zoom === null) delete next[layerId];
        else next[layerId] = zoom;
        return { drawFromZoom: next };
      }),
    setMapZoom: (mapZoom) => set((s) => (s.mapZoom === mapZoom ? s : { mapZoom })),
    setMapStatus: (mapStatus, error) => set({ mapStatus, mapError: error ?? null }),
    setUserLayer: (layerId, info) =>
      set((s) => {
        const next = { ...s.userLayers };
        if (info) next[layerId] = info;
        else delete next[layerId];
        // zones read from the user's earlier file of this layer are gone with it
        const gone = (z: ZoneSummary | null) => z?.fromUser === true && z.layerId === layerId;
        const selection = gone(s.selectedZone)
          ? { selectedZone: null, selectedZoneId: null, zonesHere: [] }
          : { zonesHere: s.zonesHere.filter((z) => !gone(z)) };
        return { userLayers: next, ...selection };
      }),
    setOverlay: (id, overlay) =>
      set((s) => {
        const next = { ...s.overlays };
        if (overlay) next[id] = overlay;
        else delete next[id];
        return { overlays: next };
      }),
    setBriefZone: (briefZoneId) => set({ briefZoneId }),
  })),
);

/** Whether the zone brief is open: opened for the zone that is selected now. */
export const briefOpen = (s: Pick<AppState, 'briefZoneId' | 'selectedZoneId'>): boolean =>
  s.briefZoneId !== null && s.briefZoneId === s.selectedZoneId;

export type AppStore = typeof useAppStore;
