import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';
import { buildStyle, initialStyleState, sourceIdFor } from '../../../layers/style.ts';
import {
  USER_TILE_LAYER,
  USER_TILE_OPTIONS,
  userLayerVersion,
  userTileUrl,
} from '../../../web/domain/tiles/user-tiles.ts';

describe('a user layer drawn from vector tiles', () => {
  const RID = 'redline-illustrative';
  const url = userTileUrl(
    RID,
    userLayerVersion({ importedAt: '2026-11-30T10:00:00Z', fileName: '红线.zip' }),
  );
  const state = {
    ...initialStyleState(LAYERS),
    visible: { ...initialStyleState(LAYERS).visible, [RID]: true },
  };
  const build = (extras: Parameters<typeof buildStyle>[3] = {}) =>
    buildStyle(LAYERS, state, (f) => `https://example.invalid/${f}`, {
      replaced: new Set([RID]),
      userTiles: new Map([[RID, url]]),
      ...extras,
    });

  it('is a vector source with the tile URL, zoom range and promoted zone id, and the style is valid', () => {
    const style = build();
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources[`src-user-${RID}`]).toMatchObject({
      type: 'vector',
      tiles: [url],
      minzoom: 0,
      maxzoom: USER_TILE_OPTIONS.maxZoom,
      promoteId: 'zoneId',
    });
  });

  it('every map layer on it reads the tiles’ source layer, zone colours and highlights included; no other does', () => {
    const style = build({
      zonePaint: {
        key: 'coverage:test',
        title: { zh: '测试', en: 'test' },
        layerIds: [RID],
        fills: { 'user-redline-illustrative-1': '#f00' },
        legend: [],
      },
      highlight: ['user-redline-illustrative-1'],
    });
    expect(validateStyleMin(style)).toEqual([]);
    const src = `src-user-${RID}`;
    const on = style.layers.filter((l) => 'source' in l && l.source === src);
    expect(on.map((l) => l.id)).toEqual(expect.arrayContaining([`${RID}-fill`, `paint-${RID}`]));
    expect(on.some((l) => l.id.startsWith('highlight'))).toBe(true);
    for (const l of on) expect('source-layer' in l ? l['source-layer'] : null).toBe(USER_TILE_LAYER);
    const others = style.layers.filter((l) => 'source' in l && l.source !== src && 'source-layer' in l);
    expect(others).toEqual([]);
  });

  it('the same state builds the same source (so a style diff keeps it); a new import is a new URL', () => {
    const a = build().sources[`src-user-${RID}`];
    const b = build({ highlight: ['x'] }).sources[`src-user-${RID}`];
    expect(b).toEqual(a);
    const next = userTileUrl(
      RID,
      userLayerVersion({ importedAt: '2026-11-30T11:00:00Z', fileName: '红线.zip' }),
    );
    const c = build({ userTiles: new Map([[RID, next]]) }).sources[`src-user-${RID}`];
    expect(c).toMatchObject({ tiles: [next] });
  });

  it('without tiles for it, a replaced layer stays a GeoJSON source; built-in layers always are', () => {
    const style = build({ userTiles: new Map() });
    expect(style.sources[`src-user-${RID}`]?.type).toBe('geojson');
    expect(style.sources[sourceIdFor('lakes.geojson')]?.type).toBe('geojson');
  });
});
