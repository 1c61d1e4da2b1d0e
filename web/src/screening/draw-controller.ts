import type { Polygon } from 'geojson';
import type { Map as MaplibreMap } from 'maplibre-gl';
import {
  type GeoJSONStoreFeatures,
  TerraDraw,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  TerraDrawSessionUndoRedo,
  ValidateNotSelfIntersecting,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { AppStore } from '../store/store.ts';
import { DRAW_PREFIX, type DrawCommand, type DrawMode } from './screening-slice.ts';

const COLOR = '#d35400';

/**
 * Drawing project outlines with terra-draw on the map controller's map. Created by the map controller when the
 * store's draw mode first becomes active; follows the store (mode, commands) and reports finished outlines,
 * refusals and undo/redo state back through store actions. Keys are read at window level so they work
 * whatever has focus: Escape cancels the outline being drawn, Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and
 * redo, Delete removes the selected outline. A polygon is closed by clicking its first or last point.
 */
export class DrawController {
  private readonly draw: TerraDraw;
  private readonly unsubscribers: (() => void)[] = [];
  private ready = false;
  private selectedId: string | number | null = null;

  constructor(
    private readonly map: MaplibreMap,
    private readonly store: AppStore,
  ) {
    const refuseSelfIntersection = (feature: GeoJSONStoreFeatures, ctx: { updateType: string }) => {
      if (ctx.updateType !== 'finish') return { valid: true };
      const r = ValidateNotSelfIntersecting(feature);
      if (!r.valid) this.store.getState().setDrawRefused('self-intersection');
      return r;
    };
    const polygonStyles = {
      fillColor: COLOR,
      fillOpacity: 0.12,
      outlineColor: COLOR,
      outlineWidth: 2,
      closingPointColor: '#ffffff',
      closingPointOutlineColor: COLOR,
      closingPointWidth: 5,
      closingPointOutlineWidth: 2,
    } as const;
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: DRAW_PREFIX }),
      modes: [
        new TerraDrawPolygonMode({
          keyEvents: null,
          validation: refuseSelfIntersection,
          styles: polygonStyles,
        }),
        new TerraDrawRectangleMode({
          keyEvents: null,
          styles: { fillColor: COLOR, fillOpacity: 0.12, outlineColor: COLOR, outlineWidth: 2 },
        }),
        new TerraDrawSelectMode({
          keyEvents: null,
          flags: {
            polygon: {
              feature: {
                draggable: true,
                selfIntersectable: false,
                coordinates: { draggable: true, midpoints: true, deletable: true },
              },
            },
            rectangle: {
              feature: {
                draggable: true,
                selfIntersectable: false,
                coordinates: { draggable: true, midpoints: true, deletable: true },
              },
            },
          },
        }),
      ],
      undoRedo: { modeLevel: new TerraDrawModeUndoRedo(), sessionLevel: new TerraDrawSessionUndoRedo() },
    });
    this.draw.on('ready', () => {
      this.ready = true;
      const pending = this.store.getState().drawLoad;
      if (pending) this.load(pending.polygons);
      this.applyMode(this.store.getState().drawMode);
    });
    this.draw.on('finish', (_id, ctx) => {
      if (ctx.action === 'draw') this.store.getState().setDrawRefused(null);
      this.publish();
    });
    this.draw.on('change', (_ids, type) => {
      if (type === 'delete') this.publish();
      this.publishHistory();
    });
    this.draw.on('history', () => {
      this.publish();
    });
    this.draw.on('select', (id) => {
      this.selectedId = id;
      this.publishHistory();
    });
    this.draw.on('deselect', () => {
      this.selectedId = null;
      this.publishHistory();
    });
    this.draw.start();

    this.unsubscribers.push(
      store.subscribe(
        (s) => s.drawMode,
        (m) => this.applyMode(m),
      ),
      store.subscribe(
        (s) => s.drawCommand,
        (c) => c && this.command(c.kind),
      ),
      store.subscribe(
        (s) => s.drawLoad,
        (l) => l && this.load(l.polygons),
      ),
    );
    window.addEventListener('keydown', this.onKey);
  }

  private applyMode(mode: DrawMode): void {
    if (!this.ready) return;
    const target = mode === 'off' ? 'static' : mode;
    if (this.draw.getMode() !== target) this.draw.setMode(target);
  }

  /** Finished outlines only (not the one being drawn, not guidance points). */
  private outlines(): Polygon[] {
    return this.draw
      .getSnapshot()
      .filter(
        (f) =>
          f.geometry.type === 'Polygon' &&
          !f.properties.currentlyDrawing &&
          (f.properties.mode === 'polygon' || f.properties.mode === 'rectangle'),
      )
      .map((f) => ({ type: 'Polygon', coordinates: (f.geometry as Polygon).coordinates }));
  }

  private drawing(): boolean {
    return this.draw.getSnapshot().some((f) => Boolean(f.properties.currentlyDrawing));
  }

  private publish(): void {
    this.store.getState().setDrawnPolygons(this.outlines());
    this.publishHistory();
  }

  private publishHistory(): void {
    const h = {
      canUndo: this.draw.canUndo(),
      canRedo: this.draw.canRedo(),
      selected: this.selectedId !== null,
      drawing: this.drawing(),
    };
    const prev = this.store.getState().drawHistory;
    if (
      prev.canUndo !== h.canUndo ||
      prev.canRedo !== h.canRedo ||
      prev.selected !== h.selected ||
      prev.drawing !== h.drawing
    )
      this.store.getState().setDrawHistory(h);
  }

  private command(kind: DrawCommand): void {
    if (!this.ready) return;
    switch (kind) {
      case 'undo':
        this.draw.undo();
        break;
      case 'redo':
        this.draw.redo();
        break;
      case 'cancel': {
        // setMode to the same mode stops and restarts it, which drops the outline in progress
        const m = this.draw.getMode();
        if (m !== 'static') this.draw.setMode(m);
        this.store.getState().setDrawRefused(null);
        break;
      }
      case 'delete':
        if (this.selectedId !== null) {
          const id = this.selectedId;
          this.draw.deselectFeature(id);
          this.draw.removeFeatures([id]);
        }
        break;
      case 'clear':
        this.draw.clear();
        this.draw.clearUndoRedoHistory();
        this.selectedId = null;
        break;
    }
    this.publish();
  }

  /** Puts saved outlines on the drawing so they can be edited. */
  private load(polygons: Polygon[]): void {
    if (!this.ready) return;
    this.draw.clear();
    this.draw.addFeatures(
      polygons.map((geometry) => ({ type: 'Feature', geometry, properties: { mode: 'polygon' } })),
    );
    this.draw.clearUndoRedoHistory();
    this.publish();
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    const s = this.store.getState();
    if (s.drawMode === 'off') return;
    const t = e.target as HTMLElement | null;
    if (
      t &&
      (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)
    )
      return;
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'Escape') {
      if (this.drawing()) s.issueDrawCommand('cancel');
      else s.setDrawMode('off');
    } else if (mod && (e.key === 'z' || e.key === 'Z')) s.issueDrawCommand(e.shiftKey ? 'redo' : 'undo');
    else if (mod && (e.key === 'y' || e.key === 'Y')) s.issueDrawCommand('redo');
    else if ((e.key === 'Delete' || e.key === 'Backspace') && this.selectedId !== null)
      s.issueDrawCommand('delete');
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  destroy(): void {
    for (const u of this.unsubscribers) u();
    window.removeEventListener('keydown', this.onKey);
    if (this.ready) this.draw.stop();
  }
}
