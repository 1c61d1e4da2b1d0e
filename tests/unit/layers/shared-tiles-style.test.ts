import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';
import { buildStyle, initialStyleState, SHARED_SOURCE, SHARED_TILE_LAYER } from '../../../layers/style.ts';

describe('a shared layer version drawn from the workspace server’s tiles', () => {
  const tiles = 'http://127.0.0.1:8787/api/tiles/redline/3/{z}/{x}/{y}.mvt';
  const build = (shared?: { tiles: string; attribution: string } | null) =>
    buildStyle(LAYERS, initialStyleState(LAYERS), (f) => `https://example.invalid/${f}`, {
      shared,
      overlays: {
        sources: { 'overlay-p': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
        layers: [{ id: 'overlay-p-line', type: 'line', source: 'overlay-p' }],
      },
    });

  it('is a vector source on the server’s URL whose two layers read its source layer, below the overlays', () => {
    const style = build({ tiles, attribution: '共享工作区图层 第 3 版' });
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources[SHARED_SOURCE]).toMatchObject({ type: 'vector', tiles: [tiles], maxzoom: 14 });
    const ids = style.layers.map((l) => l.id);
    const mine = style.layers.filter((l) => 'source' in l && l.source === SHARED_SOURCE);
    expect(mine.map((l) => [l.type, 'source-layer' in l ? l['source-layer'] : undefined])).toEqual([
      ['fill', SHARED_TILE_LAYER],
      ['line', SHARED_TILE_LAYER],
    ]);
    expect(ids.indexOf(`${SHARED_SOURCE}-line`)).toBeLessThan(ids.indexOf('overlay-p-line'));
    expect(ids.indexOf(`${SHARED_SOURCE}-fill`)).toBeGreaterThan(ids.lastIndexOf('background'));
  });

  it('is absent when no shared layer is shown', () => {
    for (const style of [build(null), build()]) {
      expect(style.sources[SHARED_SOURCE]).toBeUndefined();
      expect(style.layers.some((l) => l.id.startsWith(SHARED_SOURCE))).toBe(false);
    }
  });
});
