import type maplibregl from 'maplibre-gl';

/**
 * Lets the page paint something the user waits for (a check's result table) in a frame of its own: the map's
 * drawing of that frame is put off to the next one. In software WebGL a frame of the map with tiles still arriving
 * (after a reload or an import) takes 150–600 ms, and the table, committed before it, reached the screen only
 * after it. A frame the map skips is drawn in the next; while it waits, the map does not report itself idle.
 */
export class FrameYield {
  private holding = false;
  private skipped = false;
  /** repaint was switched on here for the held frame (maplibre is otherwise idle after a frame with nothing new) */
  private repaintOn = false;
  private readonly map: maplibregl.Map;

  constructor(map: maplibregl.Map) {
    this.map = map;
    const { painter } = map;
    const render = painter.render.bind(painter);
    painter.render = (style, options) => {
      if (this.holding) {
        this.skipped = true;
        // not idle yet: a map that repaints continuously asks for another frame and does not report idle
        if (!map.repaint) {
          this.repaintOn = true;
          map.repaint = true;
        }
        return;
      }
      render(style, options);
    };
  }

  /** The map draws nothing in the next frame; what it would have drawn, it draws in the frame after. */
  yieldNextFrame(): void {
    if (this.holding) return;
    this.holding = true;
    // the page's frame is painted after its animation-frame callbacks; the task after it ends the hold
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.holding = false;
        if (!this.skipped) return;
        this.skipped = false;
        if (this.repaintOn) {
          this.repaintOn = false;
          this.map.repaint = false;
        }
        this.map.triggerRepaint();
      }, 0),
    );
  }
}
