import type maplibregl from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StyleDiffs } from '../../../web/src/map/style-diffs.ts';

/** The parts of a maplibre map StyleDiffs uses: `render` listeners and triggerRepaint. */
function fakeMap() {
  const listeners = new Set<() => void>();
  const map = {
    on: (event: string, fn: () => void) => {
      if (event === 'render') listeners.add(fn);
    },
    off: (event: string, fn: () => void) => {
      if (event === 'render') listeners.delete(fn);
    },
    triggerRepaint: vi.fn(),
  };
  const frame = () => {
    for (const f of [...listeners]) f();
  };
  return { map, frame, listeners };
}

describe('StyleDiffs: at most one style diff per drawn frame', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const m = fakeMap();
    const log: string[] = [];
    const waits: boolean[] = [];
    let version = 0;
    const diffs = new StyleDiffs(
      m.map as unknown as maplibregl.Map,
      () => log.push(`apply v${version}`),
      () => log.push('feature state'),
      (waiting) => waits.push(waiting),
    );
    return { m, log, waits, diffs, set: (v: number) => (version = v) };
  }

  it('waits for the first frame, then applies a diff at once when the last one has been drawn', () => {
    const { m, log, diffs, set } = setUp();
    set(1);
    diffs.request(); // before the map's first frame: waits for it
    expect(log).toEqual([]);
    m.frame();
    expect(log).toEqual(['apply v1', 'feature state']);
    expect(m.map.triggerRepaint).toHaveBeenCalledTimes(1);
    m.frame(); // that diff drawn
    set(2);
    diffs.request();
    expect(log).toEqual(['apply v1', 'feature state', 'apply v2']);
  });

  it('diffs asked for before the frame are applied once, with the latest style, after it', () => {
    const { m, log, waits, diffs, set } = setUp();
    m.frame();
    set(1);
    diffs.request();
    expect(waits).toEqual([]);
    set(2);
    diffs.request();
    set(3);
    diffs.request();
    expect(log).toEqual(['apply v1']);
    expect(waits).toEqual([true]); // said once while it waits
    m.frame(); // v1 drawn (its new layers evaluated): the waiting one goes now
    expect(log).toEqual(['apply v1', 'apply v3', 'feature state']);
    expect(waits).toEqual([true, false]);
    // v3 is not drawn yet: the next one waits again
    set(4);
    diffs.request();
    expect(log).toHaveLength(3);
    m.frame();
    expect(log.at(-2)).toBe('apply v4');
  });

  it('applies a waiting diff after afterMs when no frame comes (a hidden tab), and stops with the map', () => {
    const { m, log, diffs, set } = setUp();
    m.frame();
    diffs.request();
    set(1);
    diffs.request();
    expect(log).toEqual(['apply v0']);
    vi.advanceTimersByTime(999);
    expect(log).toEqual(['apply v0']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['apply v0', 'apply v1', 'feature state']);
    diffs.request();
    diffs.stop();
    vi.advanceTimersByTime(5000);
    m.frame();
    expect(log).toHaveLength(3);
    expect(m.listeners.size).toBe(0);
  });
});
