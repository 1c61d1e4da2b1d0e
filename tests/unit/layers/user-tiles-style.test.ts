import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';
import {
  buildStyle,
  initialStyleState,
  sourceIdFor,
  USER_TILES_ROUND_JOIN_ZOOM,
} from '../../../layers/style.ts';
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

  it('its lines join mitred out to zoom 10 and as the registry layer says from there; a built-in layer’s do not change', () => {
    const joinAt = (l: LayerSpecification, zoom: number): unknown => {
      const value = (l.layout as Record<string, unknown> | undefined)?.['line-join'];
      const spec = (latest.layout_line as Record<string, unknown>)['line-join'];
      const e = expression.createPropertyExpression(value ?? 'miter', spec as never);
      if (e.result !== 'success') throw new Error(`${l.id}: line-join is not an expression maplibre reads`);
      return e.value.evaluate({ zoom });
    };
    const lines = (style: ReturnType<typeof build>, source: string) =>
      style.layers.filter((l) => l.type === 'line' && 'source' in l && l.source === source);
    const tiled = lines(build({ highlight: ['user-redline-illustrative-1'] }), `src-user-${RID}`);
    // the registry draws the red line's outline (and its highlight) with round joins
    expect(tiled.length).toBeGreaterThanOrEqual(2);
    const builtIn = buildStyle(LAYERS, state, (f) => f, { highlight: ['redline-1'] });
    const plain = builtIn.layers.filter((l) => l.type === 'line' && tiled.some((t) => t.id === l.id));
    const outline = plain.find((l) => l.id === `${RID}-outline`);
    expect(outline && joinAt(outline, 4)).toBe('round');
    expect(plain.length).toBe(tiled.length);
    for (const l of tiled) {
      const registry = plain.find((p) => p.id === l.id) as LayerSpecification;
      for (const z of [0, 4, USER_TILES_ROUND_JOIN_ZOOM - 0.01]) expect(joinAt(l, z)).toBe('miter');
      for (const z of [USER_TILES_ROUND_JOIN_ZOOM, 14, 20]) expect(joinAt(l, z)).toBe(joinAt(registry, z));
    }
  });
});
