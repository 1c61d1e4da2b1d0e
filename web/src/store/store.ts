import { create } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import type { Overlay } from '../../../layers/overlays.ts';
import { LAYERS } from '../../../layers/registry.ts';
import { initialStyleState } from '../../../layers/style.ts';
import type { Lang } from '../../../layers/types.ts';
import { type ScreeningSlice, screeningSlice } from '../screening/screening-slice.ts';

export type MapStatus = 'loading' | 'idle' | 'error';

/** What the map knows about a clicked zone; the zone panel looks up the rest by id. */
export interface ZoneSummary {
  id: string;
  zh: string;
  en: string;
  kind: string;
  layerId: string;
}

/** What the legend shows about a layer the user replaced with their own data (the data itself stays out of the store). */
export interface UserLayerInfo {
  fileName: string;
  importedAt: string;
  featureCount: number;
  note: string;
  crs: string;
}

export interface AppState extends ScreeningSlice {
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
  overlays: Record<string, Overlay>;

  setLang(lang: Lang): void;
  toggleLayer(id: string): void;
  showLayers(ids: string[]): void;
  setOpacity(id: string, value: number): void;
  showInfo(id: string | null): void;
  /** `alsoHere`: the other zones under the same click, offered in the zone panel. */
  selectZone(zone: ZoneSummary | null, alsoHere?: ZoneSummary[]): void;
  /** Opens a zone found by id (search, link, URL): switches its layer on, selects it and frames it. */
  openZone(id: string, layerId: string, bbox: [number, number, number, number]): void;
  /** Frames a box on the map (e.g. an uploaded boundary). */
  frame(bbox: [number, number, number, number]): void;
  /** The last framing asked for; the map controller flies there. */
  focus: { bbox: [number, number, number, number]; seq: number } | null;
  hoverZone(id: string | null): void;
  setPointer(p: { lng: number; lat: number } | null): void;
  setMapStatus(status: MapStatus, error?: string): void;
  setUserLayer(layerId: string, info: UserLayerInfo | null): void;
  setOverlay(id: string, overlay: Overlay | null): void;
}

const initial = initialStyleState(LAYERS);

export const useAppStore = create<AppState>()(
  subscribeWithSelector((set, get) => ({
    ...screeningSlice(set, get),
    lang: initial.lang,
    visible: initial.visible,
    opacity: initial.opacity,
    infoLayerId: null,
    selectedZoneId: null,
    selectedZone: null,
    zonesHere: [],
    focus: null,
    hoveredZoneId: null,
    pointer: null,
    mapStatus: 'loading',
    mapError: null,
    userLayers: {},
    overlays: {},

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
    frame: (bbox) => set((s) => ({ focus: { bbox, seq: (s.focus?.seq ?? 0) + 1 } })),
    openZone: (id, layerId, bbox) =>
      set((s) => ({
        visible: s.visible[layerId] ? s.visible : { ...s.visible, [layerId]: true },
        selectedZoneId: id,
        selectedZone: { id, zh: '', en: '', kind: '', layerId },
        zonesHere: [],
        focus: { bbox, seq: (s.focus?.seq ?? 0) + 1 },
      })),
    selectZone: (zone, alsoHere) =>
      set((s) => ({
        selectedZoneId: zone?.id ?? null,
        selectedZone: zone,
        // choosing one of the offered zones keeps the offer, with the previous choice in it
        zonesHere: !zone
          ? []
          : alsoHere
            ? alsoHere
            : s.zonesHere.some((z) => z.id === zone.id)
              ? [...(s.selectedZone ? [s.selectedZone] : []), ...s.zonesHere.filter((z) => z.id !== zone.id)]
              : [],
      })),
    hoverZone: (id) => set((s) => (s.hoveredZoneId === id ? s : { hoveredZoneId: id })),
    setPointer: (pointer) => set({ pointer }),
    setMapStatus: (mapStatus, error) => set({ mapStatus, mapError: error ?? null }),
    setUserLayer: (layerId, info) =>
      set((s) => {
        const next = { ...s.userLayers };
        if (info) next[layerId] = info;
        else delete next[layerId];
        return { userLayers: next };
      }),
    setOverlay: (id, overlay) =>
      set((s) => {
        const next = { ...s.overlays };
        if (overlay) next[id] = overlay;
        else delete next[id];
        return { overlays: next };
      }),
  })),
);

export type AppStore = typeof useAppStore;
