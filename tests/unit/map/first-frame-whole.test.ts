import type maplibregl from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawFirstFrameWhole } from '../../../web/src/map/first-frame-whole.ts';

/** The parts of a maplibre map drawFirstFrameWhole uses: its painter, whether its style is loaded, `idle`. */
function fakeMap() {
  const drawn: number[] = [];
  const idle: (() => void)[] = [];
  let frame = 0;
  const map = {
    painter: { render: () => drawn.push(frame) },
    style: { loaded: () => false },
    once: (event: string, fn: () => void) => {
      if (event === 'idle') idle.push(fn);
    },
    triggerRepaint: vi.fn(),
  };
  const render = () => {
    frame++;
    (map.painter.render as (s: unknown, o: unknown) => void)({}, {});
  };
  return {
    map,
    drawn,
    render,
    fireIdle: () => {
      for (const f of idle.splice(0)) f();
    },
  };
}

describe('drawFirstFrameWhole', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws the first frame, then nothing until every source is loaded, then every frame', () => {
    const m = fakeMap();
    drawFirstFrameWhole(m.map as unknown as maplibregl.Map);
    m.render(); // background only: drawn
    m.render(); // some tiles arrived: held
    m.render();
    expect(m.drawn).toEqual([1]);
    m.map.style.loaded = () => true;
    m.render(); // all loaded: the whole start-up content in one frame
    expect(m.drawn).toEqual([1, 4]);
    m.fireIdle();
    m.map.style.loaded = () => false; // after the first idle, frames are drawn as tiles arrive again
    m.render();
    expect(m.drawn).toEqual([1, 4, 5]);
  });

  it('after the cap, draws what has arrived and asks for a frame', () => {
    const m = fakeMap();
    drawFirstFrameWhole(m.map as unknown as maplibregl.Map, 3000);
    m.render();
    m.render();
    expect(m.drawn).toEqual([1]);
    vi.advanceTimersByTime(3000);
    expect(m.map.triggerRepaint).toHaveBeenCalled();
    m.render();
    expect(m.drawn).toEqual([1, 3]);
  });
});
