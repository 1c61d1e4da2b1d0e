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
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { judgeDrawnOutline, judgeOutlineEdit, type OutlineVerdict } from '../../domain/ui/outline-rules.ts';
import type { AppStore } from '../store/store.ts';
import { applyDrawn } from './draft.ts';
import { DRAW_PREFIX, type DrawMode, type ScreeningSlice } from './screening-slice.ts';

const COLOR = '#d35400';

/**
 * Drawing project outlines with terra-draw on the map controller's map. Created by the map controller when the
 * store's draw mode first becomes active; follows the store's draw mode, takes undo/redo/delete/cancel/clear/load
 * from the map controller (the map port), and reports finished outlines (they become the draft's boundary),
 * refusals and undo/redo state through actions. Keys are the command registry's (web/src/commands/).
 * A polygon is closed by clicking its first or last point.
 */
export class DrawController {
  private readonly draw: TerraDraw;
  private readonly unsubscribers: (() => void)[] = [];
  private ready = false;
  private selectedId: string | number | null = null;

  constructor(
    map: MaplibreMap,
    private readonly store: AppStore,
    /** outlines to put on the drawing once terra-draw is ready */
    private pending: Polygon[] | null = null,
  ) {
    // the kernel's boundary rules (as for uploads), through terra-draw's validation hook (outline-rules.ts)
    const drawn = (feature: GeoJSONStoreFeatures, ctx: { updateType: string }) => {
      const v = judgeDrawnOutline(feature.geometry, ctx.updateType);
      if (ctx.updateType === 'finish') this.report(v, 'finish');
      return v.valid ? v : { valid: false, reason: v.issue.en };
    };
    const edited = (feature: GeoJSONStoreFeatures) => {
      const v = judgeOutlineEdit(feature.geometry, () =>
        this.selectedId === null ? undefined : this.draw.getSnapshotFeature(this.selectedId)?.geometry,
      );
      this.report(v, 'edit');
      return v.valid ? v : { valid: false, reason: v.issue.en };
    };
    const editable = {
      feature: {
        draggable: true,
        // no terra-draw self-intersection test of its own: `edited` applies the kernel's rules to every edit
        selfIntersectable: true,
        validation: edited,
        coordinates: { draggable: true, midpoints: true, deletable: true },
      },
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
          validation: drawn,
          styles: polygonStyles,
        }),
        new TerraDrawRectangleMode({
          keyEvents: null,
          validation: drawn,
          styles: { fillColor: COLOR, fillOpacity: 0.12, outlineColor: COLOR, outlineWidth: 2 },
        }),
        new TerraDrawSelectMode({
          keyEvents: null,
          flags: { polygon: editable, rectangle: editable },
        }),
      ],
      undoRedo: { modeLevel: new TerraDrawModeUndoRedo(), sessionLevel: new TerraDrawSessionUndoRedo() },
    });
    this.draw.on('ready', () => {
      this.ready = true;
      if (this.pending) this.load(this.pending);
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
    );
  }

  /** Shows why an outline or an edit was refused (the kernel's own message), or clears it once one passes. */
  private report(v: OutlineVerdict, when: 'finish' | 'edit'): void {
    const s = this.store.getState();
    const now: ScreeningSlice['drawRefused'] = v.valid ? null : { issue: v.issue, when };
    const was = s.drawRefused;
    if (now === null ? was?.when === when : was?.issue.en !== now.issue.en || was.when !== when)
      s.setDrawRefused(now);
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
    applyDrawn(this.outlines());
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

  undo(): void {
    if (!this.ready) return;
    this.draw.undo();
    this.publish();
  }

  redo(): void {
    if (!this.ready) return;
    this.draw.redo();
    this.publish();
  }

  /** Drops the outline being drawn by restarting the mode. */
  cancelOutline(): void {
    if (!this.ready) return;
    const m = this.draw.getMode();
    if (m !== 'static') this.draw.setMode(m);
    this.store.getState().setDrawRefused(null);
    this.publish();
  }

  deleteSelected(): void {
    if (!this.ready || this.selectedId === null) return;
    const id = this.selectedId;
    this.draw.deselectFeature(id);
    this.draw.removeFeatures([id]);
    this.publish();
  }

  clear(): void {
    this.pending = null;
    if (!this.ready) return;
    this.draw.clear();
    this.draw.clearUndoRedoHistory();
    this.selectedId = null;
    this.publish();
  }

  /** Puts saved outlines on the drawing so they can be edited. */
  load(polygons: Polygon[]): void {
    this.pending = polygons;
    if (!this.ready) return;
    this.pending = null;
    this.draw.clear();
    this.draw.addFeatures(
      polygons.map((geometry) => ({ type: 'Feature', geometry, properties: { mode: 'polygon' } })),
    );
    this.draw.clearUndoRedoHistory();
    this.publish();
  }

  destroy(): void {
    for (const u of this.unsubscribers) u();
    if (this.ready) this.draw.stop();
  }
}
