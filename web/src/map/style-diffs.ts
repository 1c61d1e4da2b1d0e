import type maplibregl from 'maplibre-gl';

/**
 * At most one style diff per drawn frame. maplibre evaluates a new layer's properties only when it next draws a
 * frame; a tile that arrives before that is built with the new layer, and if a second diff removes and adds that
 * layer again (maplibre's diff does so for a layer that moves) before a frame is drawn, the tile keeps the layer
 * that was never evaluated and symbol placement throws on it (`reading 'get'` in getBucketParts) on every frame
 * until the tile is reloaded: the map stops drawing. Seen in CI with a task's zones highlighted while the counties
 * and the coverage colours came on at once. So a diff asked for while the last one is not yet drawn waits for the
 * map's next `render` (the frame that evaluates it) and is applied then, once, with the latest style; `afterMs`
 * applies it anyway if no frame comes (a hidden tab draws none).
 */
export class StyleDiffs {
  /** a diff was applied (or the first style set) and no frame has been drawn since */
  private undrawn = true;
  private waiting = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly map: Pick<maplibregl.Map, 'on' | 'off' | 'triggerRepaint'>,
    /** applies the store's current style to the map (MapController.applyStyle) */
    private readonly apply: () => void,
    /** after a diff that waited: what the map held of the old style (feature state) is put back */
    private readonly afterWaited: () => void,
    /** told when a diff starts and stops waiting (the map's element says so, for tests that read its sources) */
    private readonly onWaiting: (waiting: boolean) => void = () => {},
    private readonly afterMs = 1000,
  ) {
    map.on('render', this.drawn);
  }

  /** The store's style changed: applied now, or with the next frame if the last diff is not drawn yet. */
  request(): void {
    if (this.stopped) return;
    if (!this.undrawn) {
      this.run();
      return;
    }
    if (this.waiting) return;
    this.waiting = true;
    this.onWaiting(true);
    this.timer = setTimeout(this.flush, this.afterMs);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.map.off('render', this.drawn);
  }

  private run(): void {
    this.apply();
    this.undrawn = true;
    // a diff that changed nothing draws no frame by itself
    this.map.triggerRepaint();
  }

  private readonly drawn = (): void => {
    this.undrawn = false;
    if (this.waiting) this.flush();
  };

  private readonly flush = (): void => {
    if (!this.waiting || this.stopped) return;
    this.waiting = false;
    clearTimeout(this.timer);
    this.run();
    this.onWaiting(false);
    this.afterWaited();
  };
}
