import type maplibregl from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameYield } from '../../../web/src/map/frame-yield.ts';

/** The parts of a maplibre map FrameYield uses: its painter, `repaint`, `triggerRepaint`, `movestart`. */
function fakeMap() {
  const drawn: number[] = [];
  const moveStart: ((e: { originalEvent?: unknown }) => void)[] = [];
  let frame = 0;
  const map = {
    painter: { render: () => drawn.push(frame) },
    repaint: false,
    triggerRepaint: vi.fn(),
    on: (event: string, fn: (e: { originalEvent?: unknown }) => void) => {
      if (event === 'movestart') moveStart.push(fn);
    },
  };
  return {
    map,
    drawn,
    /** the map asks to draw a frame */
    render: () => {
      frame++;
      (map.painter.render as (s: unknown, o: unknown) => void)({}, {});
    },
    move: (byUser: boolean) => {
      for (const f of moveStart) f(byUser ? { originalEvent: new Event('mousedown') } : {});
    },
  };
}

describe('FrameYield', () => {
  let rafs: (() => void)[];
  beforeEach(() => {
    vi.useFakeTimers();
    rafs = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => rafs.push(f));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  /** the page paints a frame: its animation-frame callbacks, then the tasks after it */
  const paint = () => {
    for (const f of rafs.splice(0)) f();
    vi.advanceTimersByTime(0);
  };

  it('holds from the check’s start through the painted result frame, then draws what it skipped', () => {
    const m = fakeMap();
    const y = new FrameYield(m.map as unknown as maplibregl.Map);
    m.render();
    y.hold(600);
    m.render();
    m.render();
    expect(m.drawn).toEqual([1]);
    // held frames keep the map from reporting idle
    expect(m.map.repaint).toBe(true);
    vi.advanceTimersByTime(200);
    y.yieldNextFrame();
    // the hold's own bound no longer ends it: the result's frame does
    vi.advanceTimersByTime(1000);
    m.render();
    expect(m.drawn).toEqual([1]);
    paint();
    expect(m.map.repaint).toBe(false);
    expect(m.map.triggerRepaint).toHaveBeenCalledTimes(1);
    m.render();
    expect(m.drawn).toEqual([1, 5]);
  });

  it('ends a hold after its bound, on release, or when the user moves the map; not by a move of its own', () => {
    const m = fakeMap();
    const y = new FrameYield(m.map as unknown as maplibregl.Map);
    y.hold(600);
    m.render();
    vi.advanceTimersByTime(599);
    m.render();
    vi.advanceTimersByTime(1);
    m.render();
    expect(m.drawn).toEqual([3]);

    y.hold(600);
    m.render();
    y.release();
    m.render();
    expect(m.drawn).toEqual([3, 5]);

    y.hold(600);
    m.move(false);
    m.render();
    m.move(true);
    m.render();
    expect(m.drawn).toEqual([3, 5, 7]);
    // a hold ended early leaves no timer to cut the next one short
    y.hold(600);
    vi.advanceTimersByTime(599);
    y.release();
    y.hold(600);
    vi.advanceTimersByTime(300);
    m.render();
    expect(m.drawn).toEqual([3, 5, 7]);
  });

  it('a check begun while the last table is painted holds on after that frame, within its own bound', () => {
    const m = fakeMap();
    const y = new FrameYield(m.map as unknown as maplibregl.Map);
    y.yieldNextFrame();
    y.hold(600);
    paint();
    m.render();
    expect(m.drawn).toEqual([]);
    vi.advanceTimersByTime(600);
    m.render();
    expect(m.drawn).toEqual([2]);
    // and its result's frame ends it as any other
    y.yieldNextFrame();
    y.hold(600);
    y.yieldNextFrame();
    paint();
    m.render();
    expect(m.drawn).toEqual([2, 3]);
  });

  it('a release while the result frame is being painted waits for that frame', () => {
    const m = fakeMap();
    const y = new FrameYield(m.map as unknown as maplibregl.Map);
    y.yieldNextFrame();
    y.release();
    m.render();
    expect(m.drawn).toEqual([]);
    paint();
    m.render();
    expect(m.drawn).toEqual([2]);
  });
});
