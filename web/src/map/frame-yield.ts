import type maplibregl from 'maplibre-gl';
import { wantRepaint } from './repaint-requests.ts';

/**
 * Lets the page paint something the user waits for (a check's result table) in a frame of its own: the map's
 * drawing is put off until that frame is painted. In software WebGL a frame of the map with tiles still arriving
 * (after a reload or an import) keeps the GPU process busy for 150–600 ms, and the table reached the screen only
 * after it: both a frame begun while the check ran and one begun with the table. So the map draws nothing from
 * the check's start (`hold`, bounded) until the table is painted (`yieldNextFrame`). A frame the map skips is drawn
 * in the next; while it waits, the map does not report itself idle. The user moving the map ends a hold at once.
 */
export class FrameYield {
  private holding = false;
  /** the hold ends with the task after the next painted frame */
  private painting = false;
  private skipped = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** a hold asked for while the last table's frame was painted: it begins when that frame is */
  private holdAfterPaint: number | null = null;
  private readonly map: maplibregl.Map;

  constructor(map: maplibregl.Map) {
    this.map = map;
    const { painter } = map;
    const render = painter.render.bind(painter);
    painter.render = (style, options) => {
      if (this.holding) {
        this.skipped = true;
        // not idle yet (maplibre is otherwise idle after a frame with nothing new)
        wantRepaint(map, 'frame-yield', true);
        return;
      }
      render(style, options);
    };
    map.on('movestart', (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) this.release();
    });
  }

  /** The map draws nothing until `yieldNextFrame`'s frame is painted, `release`, or `maxMs` from now. */
  hold(maxMs: number): void {
    if (this.painting) {
      this.holdAfterPaint = maxMs;
      return;
    }
    if (this.holding) return;
    this.holding = true;
    this.timer = setTimeout(() => this.release(), maxMs);
  }

  /** The map draws nothing in the next frame; what it would have drawn, it draws in the frame after. */
  yieldNextFrame(): void {
    clearTimeout(this.timer);
    this.holdAfterPaint = null;
    this.holding = true;
    if (this.painting) return;
    this.painting = true;
    // the page's frame is painted after its animation-frame callbacks; the task after it ends the hold
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.painting = false;
        const next = this.holdAfterPaint;
        this.holdAfterPaint = null;
        // a check begun meanwhile holds on, within its own bound
        if (next !== null) this.timer = setTimeout(() => this.release(), next);
        else this.release();
      }, 0),
    );
  }

  /** Ends a hold (not one waiting for its frame to be painted); a skipped frame is drawn now. */
  release(): void {
    if (this.painting) this.holdAfterPaint = null;
    if (!this.holding || this.painting) return;
    clearTimeout(this.timer);
    this.holding = false;
    if (!this.skipped) return;
    this.skipped = false;
    wantRepaint(this.map, 'frame-yield', false);
    this.map.triggerRepaint();
  }
}
