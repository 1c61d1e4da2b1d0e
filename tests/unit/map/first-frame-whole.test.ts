import type maplibregl from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawFirstFrameWhole } from '../../../web/src/map/first-frame-whole.ts';

/**
 * The parts of a maplibre map drawFirstFrameWhole uses: its painter, whether its style and each source are loaded,
 * the tiles a source asked for, `idle`.
 */
function fakeMap() {
  const drawn: number[] = [];
  const idle: (() => void)[] = [];
  let frame = 0;
  const map = {
    painter: { render: () => drawn.push(frame) },
    style: {
      loaded: () => false,
      // one source: its tiles asked for once `requested` (getIds), or nothing to ask for (loaded)
      tileManagers: { src: { loaded: () => false, getIds: (): string[] => [] } },
    },
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

  it('draws no frame until every source asked for its tiles, then the first, then nothing until all are loaded, then every frame', () => {
    const m = fakeMap();
    drawFirstFrameWhole(m.map as unknown as maplibregl.Map);
    m.render(); // the source's data still on its way to the worker: held
    expect(m.drawn).toEqual([]);
    m.map.style.tileManagers.src.getIds = () => ['0/0/0'];
    m.render(); // its tiles asked for: the first frame (the background)
    m.render(); // some tiles arrived: held
    m.render();
    expect(m.drawn).toEqual([2]);
    m.map.style.loaded = () => true;
    m.render(); // all loaded: the whole start-up content in one frame
    expect(m.drawn).toEqual([2, 5]);
    m.fireIdle();
    m.map.style.loaded = () => false; // after the first idle, frames are drawn as tiles arrive again
    m.render();
    expect(m.drawn).toEqual([2, 5, 6]);
  });

  it('draws the first frame when a source needs no tiles (loaded with none asked for)', () => {
    const m = fakeMap();
    drawFirstFrameWhole(m.map as unknown as maplibregl.Map);
    m.render();
    expect(m.drawn).toEqual([]);
    m.map.style.tileManagers.src.loaded = () => true;
    m.render();
    expect(m.drawn).toEqual([2]);
  });

  it('after the cap, draws what has arrived and asks for a frame', () => {
    const m = fakeMap();
    drawFirstFrameWhole(m.map as unknown as maplibregl.Map, 3000);
    m.render();
    m.render();
    expect(m.drawn).toEqual([]);
    vi.advanceTimersByTime(3000);
    expect(m.map.triggerRepaint).toHaveBeenCalled();
    m.render();
    expect(m.drawn).toEqual([3]);
  });
});
