import type { Polygon } from 'geojson';
import maplibregl, { type MapMouseEvent, type StyleSpecification } from 'maplibre-gl';
import { type Overlay, overlayStyle } from '../../../layers/overlays.ts';
import { LAYERS, layerById } from '../../../layers/registry.ts';
import {
  absentLayers,
  buildStyle,
  interactiveMapLayerIds,
  type OnlineBasemap,
  registryIdOf,
  type StyleState,
} from '../../../layers/style.ts';
import { THEME } from '../../../layers/theme.ts';
import { USER_TILE_LAYER, userLayerVersion } from '../../domain/tiles/user-tiles.ts';
import {
  selectionFromClick,
  type ZoneHit,
  type ZoneSummary,
  zoneOfFeature,
  zonesUnder,
} from '../../domain/ui/zone-selection.ts';
import type { DrawController } from '../screening/draw-controller.ts';
import { DRAW_PREFIX } from '../screening/screening-slice.ts';
import type { AppState, AppStore, Camera } from '../store/store.ts';
import { sharedTiles } from '../workspace/shared-tiles.ts';
import { withWorkspaceToken } from '../workspace/token.ts';
import { dataUrl } from './data-urls.ts';
import { drawFirstFrameWhole } from './first-frame-whole.ts';
import { FrameYield } from './frame-yield.ts';
import { KeepFrame } from './keep-frame.ts';
import { watchMapFoot } from './map-foot.ts';
import {
  type BBox,
  type MapPort,
  type MapSnapshot,
  registerMapPort,
  type SnapshotOptions,
} from './map-port.ts';
import { StyleDiffs } from './style-diffs.ts';
import { UserTilesClient } from './tiles/user-tiles-client.ts';
import { limitUploadsPerFrame } from './upload-budget.ts';

/** The region's extent (WGS84) framed on start. */
export const REGION_BOUNDS: [number, number, number, number] = [97.17, 37.4, 126.07, 53.34];
/** How far the map may be panned, except while presenting (a tour's camera on a wide screen may look past it). */
const MAX_BOUNDS: [[number, number], [number, number]] = [
  [70, 25],
  [150, 62],
];

/** The longest a check holds the map's drawing back for its result table (frame-yield.ts). */
const CHECK_HOLD_MS = 600;

/** Where the overlays are in the list of store fields the style follows (bindStore). */
const OVERLAYS_AT = 4;

interface ZoneRef {
  source: string;
  sourceLayer?: string;
  id: string;
}

/**
 * Owns the maplibre instance. Follows the store and applies differences; map events call store actions; what
 * is asked of the map (frame, snapshot, drawing edits) comes through the map port it registers.
 * Nothing else touches the map.
 */
export class MapController implements MapPort {
  readonly map: maplibregl.Map;
  private readonly unsubscribers: (() => void)[] = [];
  private style: StyleSpecification;
  private selected: ZoneRef[] = [];
  private hovered: ZoneRef[] = [];
  private firstIdle = true;
  private destroyed = false;
  /** Layers visible at some point: their data is loaded; the rest waits until first switched on. */
  private readonly shown = new Set<string>();
  /** Layers whose source on the map is the user's replacement file (as of the last style built). */
  private replaced: ReadonlySet<string> = new Set();
  /** terra-draw, loaded and created the first time the store's draw mode is switched on */
  private draw: DrawController | Promise<void> | null = null;
  /** outlines to load into the drawing once it exists */
  private drawPending: Polygon[] | null = null;
  /** snapshots move the camera: one at a time */
  private snapshots: Promise<unknown> = Promise.resolve();
  /** user layers drawn from vector tiles cut in a worker (the `ebm-tiles` URL scheme is registered here) */
  private readonly tiles: UserTilesClient;
  /** the last frame, made again when the map's box changes size until the map is moved another way */
  private readonly keepFrame: KeepFrame;
  /** at most one style diff per drawn frame */
  private readonly diffs: StyleDiffs;
  /** a check's result table is painted before the map's next frame */
  private readonly frameYield: FrameYield;

  constructor(
    container: HTMLElement,
    private readonly store: AppStore,
    private readonly online?: OnlineBasemap,
  ) {
    this.tiles = new UserTilesClient({
      onFailed: (layerId, message) => {
        console.warn(`user layer ${layerId} cannot be drawn:`, message);
        store.getState().setMapStatus('error', `${layerId}: ${message}`);
      },
      onReady: (layerId, firstZoom) => store.getState().setDrawFromZoom(layerId, firstZoom),
      onDropped: (layerId) => store.getState().setDrawFromZoom(layerId, null),
    });
    this.style = this.buildStyle(store.getState());
    this.map = new maplibregl.Map({
      container,
      style: this.style,
      bounds: REGION_BOUNDS,
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      localIdeographFontFamily: THEME.fonts.join(', '),
      maxBounds: MAX_BOUNDS,
      dragRotate: true,
      transformRequest: withWorkspaceToken,
    });
    // the innermost of the three wrappers of the map's render: the frames it lets through are the ones it budgets
    limitUploadsPerFrame(this.map);
    this.frameYield = new FrameYield(this.map);
    drawFirstFrameWhole(this.map);
    this.keepFrame = new KeepFrame(this.map);
    this.diffs = new StyleDiffs(
      this.map,
      () => this.applyStyle(),
      () => {
        // the sources a waiting diff added carry no feature state yet
        const s = this.store.getState();
        this.selected = this.setZoneState(this.selected, s.selectedZoneId, 'selected');
        this.hovered = this.setZoneState(this.hovered, s.hoveredZoneId, 'hover');
      },
      (waiting) => this.map.getContainer().toggleAttribute('data-style-waiting', waiting),
    );
    this.unsubscribers.push(() => this.diffs.stop());
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    this.map.addControl(new maplibregl.FullscreenControl(), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');
    this.map.addControl(new maplibregl.AttributionControl({ compact: false }), 'bottom-right');
    this.unsubscribers.push(watchMapFoot(this.map));
    this.bindMapEvents();
    this.bindStore();
    this.unsubscribers.push(registerMapPort(this));
  }

  private buildStyle(s: AppState): StyleSpecification {
    const state: StyleState = {
      lang: s.lang,
      visible: s.visible,
      opacity: s.opacity,
      highContrast: s.tourId !== null && s.tourHighContrast,
    };
    for (const l of LAYERS) if (s.visible[l.id]) this.shown.add(l.id);
    const replaced = new Set(Object.keys(s.userLayers).filter((id) => layerById(id)));
    for (const id of this.replaced) if (!replaced.has(id)) this.tiles.drop(id);
    this.replaced = replaced;
    // the user's layers are drawn from tiles of their stored binary, one URL per import (a style rebuild asks
    // for the same URL, so maplibre keeps the source and the worker keeps its index)
    const userTiles = new Map<string, string>();
    for (const id of replaced) {
      const info = s.userLayers[id];
      if (info) userTiles.set(id, this.tiles.url(id, userLayerVersion(info)));
    }
    return buildStyle(LAYERS, state, (file) => dataUrl(file), {
      online: this.online,
      replaced,
      userTiles,
      // layers never switched on are not in the style yet (nor their data): the next diff adds them
      absent: absentLayers(LAYERS, this.shown, replaced),
      overlays: overlayStyle(s.overlays),
      zonePaint: s.zonePaint,
      highlight: s.highlightZoneIds,
      shared: sharedTiles(s),
    });
  }

  private bindStore(): void {
    const { store } = this;
    this.unsubscribers.push(
      store.subscribe(
        (s) =>
          [
            s.lang,
            s.visible,
            s.opacity,
            s.userLayers,
            s.overlays,
            s.zonePaint,
            s.highlightZoneIds,
            s.tourId !== null && s.tourHighContrast,
            s.workspace.shown,
          ] as const,
        (next, prev) => {
          // only the overlays' data changed (a check's result, a moved outline): their sources take the new data,
          // with no style rebuild comparing every source (the overlays' GeoJSON with them)
          const onlyOverlays = next.every((x, i) => i === OVERLAYS_AT || x === prev[i]);
          if (!(onlyOverlays && this.setOverlayData(next[OVERLAYS_AT], prev[OVERLAYS_AT])))
            this.diffs.request();
        },
        { equalityFn: (a, b) => a.every((x, i) => x === b[i]) },
      ),
      // while presenting, the arrow keys step chapters (commands/registry.ts), not pan the map, and a chapter's
      // camera is not pushed aside by the pan limits (at 1920 px wide the whole-region views reach past them)
      store.subscribe(
        (s) => s.tourId !== null,
        (on) => {
          if (on) this.map.keyboard.disable();
          else this.map.keyboard.enable();
          this.map.setMaxBounds(on ? null : MAX_BOUNDS);
        },
        { fireImmediately: true },
      ),
      // from a check's start until its table is painted the map draws nothing (frame-yield.ts), for at most
      // CHECK_HOLD_MS: a longer check (one that loads a layer first) lets the map draw again
      store.subscribe(
        (s) => s.screeningRun.status,
        (status) => {
          if (status === 'loading' || status === 'running') this.frameYield.hold(CHECK_HOLD_MS);
          else if (status !== 'done') this.frameYield.release();
        },
      ),
      store.subscribe(
        (s) => s.screeningRun.result,
        (result) => {
          if (result) this.frameYield.yieldNextFrame();
        },
      ),
      store.subscribe(
        (s) => s.selectedZoneId,
        (id) => {
          this.selected = this.setZoneState(this.selected, id, 'selected');
        },
      ),
      store.subscribe(
        (s) => s.hoveredZoneId,
        (id) => {
          this.hovered = this.setZoneState(this.hovered, id, 'hover');
          this.map.getCanvas().style.cursor = id ? 'pointer' : '';
        },
      ),
      store.subscribe(
        (s) => s.drawMode,
        (mode) => {
          if (mode === 'off' || this.draw) return;
          this.draw = import('../screening/draw-controller.ts').then((m) => {
            if (this.destroyed) return;
            this.draw = new m.DrawController(this.map, store, this.drawPending);
            this.drawPending = null;
          });
        },
      ),
    );
  }

  frame(bbox: BBox, padding?: number, maxZoom = 12, animate = true): void {
    const [w, s, e, n] = bbox;
    // what the panels cover of the map's edges (styles/layout.css: nothing once they sit below the map)
    const style = getComputedStyle(this.map.getContainer());
    const cover = (side: string) => Number.parseFloat(style.getPropertyValue(`--cover-${side}`)) || 0;
    const clear = (px: number) => (px > 0 ? px + 24 : 80);
    const bounds: [[number, number], [number, number]] = [
      [w, s],
      [e, n],
    ];
    // made for the map's size when it is made: a short map (a phone's sheet raised) keeps a fifth of its height
    // above and below, not 80 px
    const options = () => {
      const margin = Math.min(80, Math.floor(this.map.getContainer().clientHeight / 5));
      const sides = { top: margin, bottom: margin, left: clear(cover('left')), right: clear(cover('right')) };
      return { padding: padding ?? sides, maxZoom };
    };
    const jump = () => this.map.fitBounds(bounds, { ...options(), animate: false });
    this.keepFrame.frame(
      animate ? () => this.map.fitBounds(bounds, { ...options(), duration: 600 }) : jump,
      jump,
    );
  }

  jumpTo(camera: Camera): void {
    this.keepFrame.forget();
    this.map.jumpTo(camera);
  }

  flyTo(camera: Camera, { animate }: { animate: boolean }): void {
    this.keepFrame.forget();
    // the caller has read prefers-reduced-motion: an animated flight is wanted (essential), else a jump
    if (animate) this.map.flyTo({ ...camera, essential: true, maxDuration: 2500 });
    else this.map.jumpTo(camera);
  }

  currentCamera(): Camera {
    return cameraOf(this.map);
  }

  snapshot(bbox: BBox | null, opts: SnapshotOptions = {}): Promise<MapSnapshot> {
    this.keepFrame.forget();
    const next = this.snapshots.then(() =>
      opts.size ? this.captureSized(bbox, opts) : this.capture(bbox, opts),
    );
    this.snapshots = next.catch(() => undefined);
    return next;
  }

  private drawing(): DrawController | null {
    return this.draw && !(this.draw instanceof Promise) ? this.draw : null;
  }

  undoDrawing(): void {
    this.drawing()?.undo();
  }

  redoDrawing(): void {
    this.drawing()?.redo();
  }

  deleteSelectedOutline(): void {
    this.drawing()?.deleteSelected();
  }

  cancelOutline(): void {
    this.drawing()?.cancelOutline();
  }

  clearDrawing(): void {
    this.drawPending = null;
    this.drawing()?.clear();
  }

  loadDrawing(polygons: Polygon[]): void {
    const d = this.drawing();
    if (d) d.load(polygons);
    else this.drawPending = polygons;
  }

  /**
   * Gives the overlays' sources their new data when the same overlays, of the same kinds, are drawn; false when
   * the style must be rebuilt (an overlay added or removed, or the map not ready for it).
   */
  private setOverlayData(next: AppState['overlays'], prev: AppState['overlays']): boolean {
    const ids = Object.keys(next);
    if (ids.length !== Object.keys(prev).length) return false;
    const changed: [string, maplibregl.GeoJSONSource, Overlay][] = [];
    for (const id of ids) {
      const was = prev[id];
      const now = next[id];
      if (!was || !now || was.kind !== now.kind) return false;
      if (was.data === now.data) continue;
      const source = this.map.getSource(`overlay-${id}`);
      if (!(source instanceof maplibregl.GeoJSONSource)) return false;
      changed.push([`overlay-${id}`, source, now]);
    }
    const sources = { ...this.style.sources };
    for (const [name, source, overlay] of changed) {
      source.setData(overlay.data);
      sources[name] = { type: 'geojson', data: overlay.data };
    }
    this.style = { ...this.style, sources };
    return true;
  }

  private applyStyle(): void {
    this.style = this.buildStyle(this.store.getState());
    // the drawing's own sources and layers are not in the built style: keep them
    this.map.setStyle(this.style, {
      diff: true,
      transformStyle: (prev, next) => ({
        ...next,
        sources: {
          ...next.sources,
          ...Object.fromEntries(
            Object.entries(prev?.sources ?? {}).filter(([id]) => id.startsWith(DRAW_PREFIX)),
          ),
        },
        layers: [...next.layers, ...(prev?.layers ?? []).filter((l) => l.id.startsWith(DRAW_PREFIX))],
      }),
    });
  }

  /**
   * A capture at a given size in CSS pixels at pixel ratio 1 (the exported PNG): the map's container is sized so
   * for the capture, then its own size and the screen's pixel ratio are put back.
   */
  private async captureSized(bbox: BBox | null, opts: SnapshotOptions): Promise<MapSnapshot> {
    const { map } = this;
    const size = opts.size ?? { width: 0, height: 0 };
    const container = map.getContainer();
    const before = container.style.cssText;
    const c = map.getCenter();
    const camera: Camera = {
      center: [c.lng, c.lat],
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
    };
    container.style.width = `${size.width}px`;
    container.style.height = `${size.height}px`;
    container.style.right = 'auto';
    container.style.bottom = 'auto';
    map.setPixelRatio(1);
    try {
      return await this.capture(bbox, { camera: opts.camera ?? camera });
    } finally {
      container.style.cssText = before;
      // null: follow the screen's devicePixelRatio again, as the map did before (maplibre's documented reset)
      map.setPixelRatio(null as unknown as number);
      map.jumpTo(camera);
    }
  }

  /** The map framed on bbox (or at opts.camera), captured right after a render, then put back. */
  private async capture(bbox: BBox | null, opts: SnapshotOptions = {}): Promise<MapSnapshot> {
    const { map } = this;
    const camera = {
      center: map.getCenter(),
      zoom: map.getZoom(),
      bearing: map.getBearing(),
      pitch: map.getPitch(),
    };
    if (opts.camera) map.jumpTo(opts.camera);
    else if (bbox) map.fitBounds(bbox, { padding: 48, animate: false, maxZoom: 16, bearing: 0, pitch: 0 });
    await new Promise<void>((ok) => {
      map.once('idle', () => ok());
      map.triggerRepaint();
    });
    const dataUrl = await new Promise<string>((ok) => {
      map.once('render', () => ok(map.getCanvas().toDataURL('image/png')));
      map.triggerRepaint();
    });
    const c = map.getCenter();
    const b = map.getBounds();
    const canvas = map.getCanvas();
    const snap: MapSnapshot = {
      dataUrl,
      width: canvas.clientWidth,
      height: canvas.clientHeight,
      metersPerPixel: (40075016.686 * Math.cos((c.lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom()),
      bearing: map.getBearing(),
      bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
    };
    if (bbox || opts.camera) map.jumpTo(camera);
    return snap;
  }

  /** Clears the flag on the previous features and sets it on every source feature with that zone id. */
  private setZoneState(prev: ZoneRef[], zoneId: string | null, key: 'selected' | 'hover'): ZoneRef[] {
    for (const ref of prev) {
      if (this.map.getSource(ref.source)) this.map.setFeatureState(ref, { [key]: false });
    }
    if (!zoneId) return [];
    const refs: ZoneRef[] = [];
    for (const [source, spec] of Object.entries(this.style.sources)) {
      if (
        (spec.type === 'geojson' || spec.type === 'vector') &&
        spec.promoteId === 'zoneId' &&
        this.map.getSource(source)
      ) {
        const ref: ZoneRef =
          spec.type === 'vector'
            ? { source, sourceLayer: USER_TILE_LAYER, id: zoneId }
            : { source, id: zoneId };
        refs.push(ref);
        this.map.setFeatureState(ref, { [key]: true });
      }
    }
    return refs;
  }

  /** The interactive features under the pointer, topmost first. */
  private hitsAt(e: MapMouseEvent): ZoneHit[] {
    const layers = interactiveMapLayerIds(this.style).filter((id) => this.map.getLayer(id));
    const hits = this.map.queryRenderedFeatures(e.point, { layers });
    return hits.map((h) => {
      const layerId = registryIdOf(h.layer);
      return {
        properties: h.properties,
        layerId,
        fromUser: layerId !== undefined && this.replaced.has(layerId),
      };
    });
  }

  /** The topmost zone under the pointer; while zones are coloured, the topmost coloured one with a hover text. */
  private zoneAt(e: MapMouseEvent): ZoneSummary | null {
    const zones = zonesUnder(this.hitsAt(e));
    const hover = this.store.getState().zonePaint?.hover;
    return (hover && zones.find((z) => hover[z.id])) ?? zones[0] ?? null;
  }

  private bindMapEvents(): void {
    const { map, store } = this;
    map.on('click', (e) => {
      // while an outline is being drawn, clicks belong to the drawing, not to zone selection
      if (store.getState().drawMode !== 'off') return;
      const { selectedZone, zonesHere } = selectionFromClick(this.hitsAt(e));
      store.getState().selectZone(selectedZone, zonesHere);
    });
    let frame = 0;
    let last: MapMouseEvent | null = null;
    map.on('mousemove', (e) => {
      last = e;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!last) return;
        store.getState().setPointer({ lng: last.lngLat.lng, lat: last.lngLat.lat });
        store
          .getState()
          .hoverZone(store.getState().drawMode === 'off' ? (this.zoneAt(last)?.id ?? null) : null);
      });
    });
    map.getCanvas().addEventListener('mouseleave', () => {
      store.getState().setPointer(null);
      store.getState().hoverZone(null);
    });
    map.on('idle', () => {
      // the last idle, for the bench's pan-and-zoom measure (gesture end → the new view's tiles drawn)
      performance.clearMarks('ebm:map:idle');
      performance.mark('ebm:map:idle');
      this.completeSelection();
      if (this.firstIdle) {
        this.firstIdle = false;
        performance.mark('map-first-idle');
      }
      if (store.getState().mapStatus !== 'idle') store.getState().setMapStatus('idle');
    });
    // tiles asked for or a move begun after an idle: the map draws until its next idle (the status line's
    // data-status; the bench waits for it before a check clicked "at rest"). Said in a microtask: a move can start
    // inside a store listener (a zone framed as it is selected), and setting the store from there left the zone
    // without its highlight (map.e2e, the zone found by name)
    const drawing = () =>
      queueMicrotask(() => {
        if (store.getState().mapStatus === 'idle') store.getState().setMapStatus('drawing');
      });
    map.on('dataloading', drawing);
    map.on('movestart', drawing);
    map.on('moveend', () => {
      store.getState().setCamera(cameraOf(map));
      store.getState().setMapZoom(map.getZoom());
    });
    map.on('load', () => store.getState().setMapZoom(map.getZoom()));
    map.on('error', (e) => {
      const message = e.error instanceof Error ? e.error.message : String(e.error);
      store.getState().setMapStatus('error', message);
      console.error('map error:', message);
    });
  }

  /** A zone opened by id (from the URL) gets its names and layer from the features the map has loaded. */
  private completeSelection(): void {
    const zone = this.store.getState().selectedZone;
    if (zone && this.selected.length === 0) this.selected = this.setZoneState([], zone.id, 'selected');
    if (!zone || zone.layerId) return;
    for (const layerId of interactiveMapLayerIds(this.style)) {
      const layer = this.map.getLayer(layerId);
      if (!layer || !('source' in layer) || typeof layer.source !== 'string') continue;
      const sourceLayer = 'sourceLayer' in layer ? layer.sourceLayer : undefined;
      const hit = this.map.querySourceFeatures(layer.source, {
        ...(typeof sourceLayer === 'string' ? { sourceLayer } : {}),
        filter: ['==', ['get', 'zoneId'], zone.id],
      })[0];
      if (!hit) continue;
      const id = registryIdOf(layer);
      const found = zoneOfFeature(hit.properties, id, id !== undefined && this.replaced.has(id));
      if (found) this.store.getState().selectZone(found);
      return;
    }
  }

  destroy(): void {
    this.destroyed = true;
    for (const u of this.unsubscribers) u();
    this.drawing()?.destroy();
    this.map.remove();
    this.tiles.destroy();
  }
}

/** The camera as links keep it: about 10 m in position, a hundredth of a zoom level, a tenth of a degree. */
function cameraOf(map: maplibregl.Map): Camera {
  const c = map.getCenter();
  const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    center: [r(c.lng, 4), r(c.lat, 4)],
    zoom: r(map.getZoom(), 2),
    bearing: r(map.getBearing(), 1),
    pitch: r(map.getPitch(), 1),
  };
}
