import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import type { LineLayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { overlayStyle } from '../../../layers/overlays.ts';
import { GROUPS, LAYERS } from '../../../layers/registry.ts';
import {
  absentLayers,
  buildStyle,
  initialStyleState,
  interactiveMapLayerIds,
  registryIdOf,
  sourceIdFor,
} from '../../../layers/style.ts';
import { SQUARE } from './square.ts';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data', 'layers');
const load = (file: string): FeatureCollection => JSON.parse(readFileSync(join(DATA, file), 'utf8'));

describe('assembled style', () => {
  const state = initialStyleState(LAYERS);

  it('passes the maplibre style-spec validator in both languages, with and without an online basemap', () => {
    for (const lang of ['zh', 'en'] as const) {
      const style = buildStyle(LAYERS, { ...state, lang }, (f) => `https://example.invalid/${f}`);
      expect(validateStyleMin(style)).toEqual([]);
    }
    const online = buildStyle(LAYERS, state, (f) => f, {
      online: { id: 'osm', tiles: ['https://t/{z}/{x}/{y}.png'], attribution: 'x' },
    });
    expect(validateStyleMin(online)).toEqual([]);
  });

  it('stays valid with overlays and a user-replaced layer, which gets its own source', () => {
    const overlays = overlayStyle({
      p1: { kind: 'project', data: SQUARE },
      p0: { kind: 'project-original', data: SQUARE },
      o1: { kind: 'overlap', data: SQUARE },
      b1: { kind: 'buffer', data: SQUARE },
    });
    const style = buildStyle(LAYERS, state, (f, def) => (def.id === 'lakes' ? SQUARE : f), {
      replaced: new Set(['lakes']),
      overlays,
    });
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.sources['src-user-lakes']).toMatchObject({ type: 'geojson', data: SQUARE });
    expect(style.sources[sourceIdFor('lakes.geojson')]).toBeUndefined();
    expect(style.layers.at(-1)?.id).toBe('overlay-p1-line');
    expect(style.layers.findIndex((l) => l.id === 'overlay-b1-line')).toBeGreaterThan(
      style.layers.findIndex((l) => l.id === 'leagues-label'),
    );
  });

  it('dashes every outline and line of a schematic layer and of no other, and drops the dashes once replaced', () => {
    const lineLayers = (style: StyleSpecification) =>
      style.layers.filter((l): l is LineLayerSpecification => l.type === 'line');
    const dashedBy = (style: StyleSpecification) => {
      const out = new Map<string, boolean[]>();
      for (const l of lineLayers(style)) {
        const id = registryIdOf(l);
        if (!id) continue;
        out.set(id, [...(out.get(id) ?? []), l.paint?.['line-dasharray'] !== undefined]);
      }
      return out;
    };
    const schematicIds = LAYERS.filter((l) => l.schematic).map((l) => l.id);
    const before = dashedBy(buildStyle(LAYERS, state, (f) => f));
    // the oracle is the registry's flag, not the style code: every line of a schematic layer, none of the others
    const withLines = [...before.keys()];
    expect(withLines.filter((id) => schematicIds.includes(id)).length).toBeGreaterThan(10);
    for (const [id, dashes] of before)
      expect(
        dashes.every((d) => d === schematicIds.includes(id)),
        id,
      ).toBe(true);
    expect(before.get('redline-illustrative')).toEqual([true]);

    const after = dashedBy(
      buildStyle(LAYERS, state, (f) => f, { replaced: new Set(['redline-illustrative', 'region']) }),
    );
    expect(after.get('redline-illustrative')).toEqual([false]);
    expect(after.get('region')?.length).toBeGreaterThan(0);
    expect(after.get('region')?.every((d) => !d)).toBe(true);
    for (const id of schematicIds.filter((x) => x !== 'redline-illustrative' && before.has(x)))
      expect(after.get(id)?.every(Boolean), id).toBe(true);
    const replacedLine = lineLayers(
      buildStyle(LAYERS, state, (f) => f, { replaced: new Set(['redline-illustrative']) }),
    ).find((l) => l.id === 'redline-illustrative-outline');
    expect(replacedLine?.source).toBe('src-user-redline-illustrative');
    expect(replacedLine?.paint && 'line-dasharray' in replacedLine.paint).toBe(false);
  });

  it('declares no glyphs or sprite, so nothing is fetched for text', () => {
    const style = buildStyle(LAYERS, state, (f) => f);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('applies the legend state: hidden layers get visibility none, opacity reaches paint', () => {
    const hidden = {
      ...state,
      visible: { ...state.visible, rivers: false },
      opacity: { ...state.opacity, lakes: 0.3 },
    };
    const style = buildStyle(LAYERS, hidden, (f) => f);
    const byId = new Map(
      style.layers.map((l) => [
        l.id,
        l as { layout?: Record<string, unknown>; paint?: Record<string, unknown> },
      ]),
    );
    expect(byId.get('rivers-line')?.layout?.visibility).toBe('none');
    expect(byId.get('lakes-fill')?.layout?.visibility).toBe('visible');
    // the value a lake is drawn with (said per feature, layers/expressions.ts perFeature)
    const opacity = expression.createExpression(byId.get('lakes-fill')?.paint?.['fill-opacity']);
    if (opacity.result !== 'success') throw new Error('fill-opacity is not an expression maplibre reads');
    const lake = { type: 'Polygon', properties: { zoneId: 'lake-hulun', zh: '呼伦湖' } } as const;
    expect(opacity.value.evaluate({ zoom: 6 }, lake)).toBe(0.3);
  });

  it('puts every label above every shape, league names on top', () => {
    const style = buildStyle(LAYERS, state, (f) => f);
    const types = style.layers.map((l) => l.type);
    expect(types.lastIndexOf('fill')).toBeLessThan(types.indexOf('symbol'));
    expect(style.layers.at(-1)?.id).toBe('leagues-label');
  });

  it('makes only layers whose features carry zone ids clickable', () => {
    const style = buildStyle(LAYERS, state, (f) => f);
    const ids = interactiveMapLayerIds(style);
    expect(ids).toContain('leagues-fill');
    expect(ids).not.toContain('provinces-fill');
    for (const def of LAYERS.filter((l) => l.interactive)) {
      const src = style.sources[sourceIdFor(def.data)];
      expect(src && 'promoteId' in src ? src.promoteId : undefined, def.id).toBe('zoneId');
      for (const f of load(def.data).features)
        expect(typeof f.properties?.zoneId, `${def.id}`).toBe('string');
    }
  });
});

describe('layer registry', () => {
  it('has unique ids, a known group, names in both languages and a real data file for every layer', () => {
    const ids = LAYERS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    const groups = new Set(GROUPS.map((g) => g.id));
    for (const l of LAYERS) {
      expect(groups.has(l.group), l.id).toBe(true);
      expect(l.name.zh.length * l.name.en.length, l.id).toBeGreaterThan(0);
      expect(l.sources.length, l.id).toBeGreaterThan(0);
      for (const s of l.sources) expect(s.licence.length * s.attribution.length, l.id).toBeGreaterThan(0);
      if (l.userDataOnly) expect(existsSync(join(DATA, l.data)), l.id).toBe(false);
      else expect(load(l.data).features.length, l.id).toBeGreaterThan(0);
    }
  });

  it('draws a layer with no built-in data (三区三线) empty until the user loads theirs, never fetching a file', () => {
    const only = LAYERS.filter((l) => l.userDataOnly);
    expect(only.map((l) => l.id).sort()).toEqual(['farmland-permanent', 'urban-boundary']);
    const st = initialStyleState(LAYERS);
    const shown = { ...st, visible: { ...st.visible, ...Object.fromEntries(only.map((l) => [l.id, true])) } };
    const asked: string[] = [];
    const style = buildStyle(LAYERS, shown, (f) => {
      asked.push(f);
      return `https://example.invalid/${f}`;
    });
    for (const l of only) {
      expect(asked, l.id).not.toContain(l.data);
      expect((style.sources[sourceIdFor(l.data)] as { data: unknown }).data).toEqual({
        type: 'FeatureCollection',
        features: [],
      });
    }
    const user = buildStyle(LAYERS, shown, (f) => f, { replaced: new Set(['farmland-permanent']) });
    expect((user.sources['src-user-farmland-permanent'] as { data: unknown }).data).toBe(
      'farmland-permanent.geojson',
    );
  });

  it('leaves out of the style the layers never switched on, and adds one once it is (absent)', () => {
    const state = initialStyleState(LAYERS);
    const atStart = new Set(LAYERS.filter((l) => l.defaultVisible).map((l) => l.id));
    const asked: string[] = [];
    const style = buildStyle(
      LAYERS,
      state,
      (f) => {
        asked.push(f);
        return f;
      },
      { absent: absentLayers(LAYERS, atStart) },
    );
    const drawn = new Set(style.layers.map(registryIdOf).filter((id) => id !== undefined));
    expect([...drawn].sort()).toEqual([...atStart].sort());
    // no source and no file for the others: counties are neither in the style nor fetched
    expect(style.sources[sourceIdFor('counties.geojson')]).toBeUndefined();
    expect(asked).not.toContain('counties.geojson');
    for (const l of style.layers) {
      if ('source' in l) expect(style.sources[l.source as string], l.id).toBeDefined();
      expect(l.layout?.visibility ?? 'visible', l.id).toBe('visible');
    }
    expect(validateStyleMin(style)).toEqual([]);
    // switched on once, counties are in every style built after, shown or hidden again
    const shown = new Set([...atStart, 'counties']);
    const on = buildStyle(LAYERS, { ...state, visible: { ...state.visible, counties: true } }, (f) => f, {
      absent: absentLayers(LAYERS, shown),
    });
    expect(on.layers.map((l) => l.id)).toEqual(
      expect.arrayContaining(['counties-fill', 'counties-line', 'counties-label']),
    );
    const hiddenAgain = buildStyle(LAYERS, state, (f) => f, { absent: absentLayers(LAYERS, shown) });
    expect(hiddenAgain.layers.find((l) => l.id === 'counties-fill')?.layout?.visibility).toBe('none');
    // a layer the user replaced stays in the style, hidden or not
    expect(absentLayers(LAYERS, atStart, new Set(['counties'])).has('counties')).toBe(false);
  });

  it('draws no antialiased outline of a start-up fill: a line layer of the same layer draws its edge above it', () => {
    const style = buildStyle(LAYERS, initialStyleState(LAYERS), (f) => f);
    const shown = style.layers.filter((l) => l.layout?.visibility !== 'none');
    const fills = shown.filter((l) => l.type === 'fill');
    expect(fills.length).toBeGreaterThan(4);
    for (const fill of fills) {
      expect(fill.paint?.['fill-antialias'], fill.id).toBe(false);
      const at = style.layers.indexOf(fill);
      const edge = shown.find(
        (l) =>
          l.type === 'line' &&
          style.layers.indexOf(l) > at &&
          registryIdOf(l) === registryIdOf(fill) &&
          'source' in l &&
          l.source === fill.source,
      );
      expect(edge, `${fill.id} has no line drawing its edge`).toBeDefined();
    }
  });

  it('keeps zone ids unique within each layer', () => {
    for (const l of LAYERS.filter((x) => x.interactive && !x.userDataOnly)) {
      const zoneIds = load(l.data).features.map((f) => f.properties?.zoneId);
      expect(new Set(zoneIds).size, l.id).toBe(zoneIds.length);
    }
  });
});
