import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { darkenColour, HIGH_CONTRAST, highContrastLayer } from '../../../layers/contrast.ts';
import { LAYERS } from '../../../layers/registry.ts';
import { buildStyle, initialStyleState } from '../../../layers/style.ts';

const state = initialStyleState(LAYERS);
const everyLayerOn = { ...state, visible: Object.fromEntries(LAYERS.map((l) => [l.id, true])) };
const build = (highContrast?: boolean): StyleSpecification =>
  buildStyle(
    LAYERS,
    highContrast === undefined ? everyLayerOn : { ...everyLayerOn, highContrast },
    (f) => f,
    {
      highlight: ['league-alxa'],
    },
  );
const paint = (l: LayerSpecification) => (l as { paint?: Record<string, unknown> }).paint ?? {};
const luminance = (hex: string) =>
  [1, 3, 5].reduce((sum, i) => sum + Number.parseInt(hex.slice(i, i + 2), 16), 0);

describe('the high-contrast map', () => {
  it('leaves the default look exactly as it is', () => {
    expect(build(false)).toEqual(build());
  });

  it('is a valid maplibre style, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const style = buildStyle(LAYERS, { ...everyLayerOn, lang, highContrast: true }, (f) => f, {
        highlight: ['league-alxa'],
      });
      expect(validateStyleMin(style)).toEqual([]);
    }
  });

  it('draws every line wider and darker, the zone highlights too, and changes no fill', () => {
    const plain = build();
    const strong = build(true);
    expect(strong.layers.map((l) => l.id)).toEqual(plain.layers.map((l) => l.id));
    let lines = 0;
    for (const [i, before] of plain.layers.entries()) {
      const after = strong.layers[i] as LayerSpecification;
      if (before.type === 'fill') expect(paint(after), before.id).toEqual(paint(before));
      if (before.type !== 'line') continue;
      lines++;
      const w0 = paint(before)['line-width'];
      const w1 = paint(after)['line-width'];
      if (typeof w0 === 'number') expect(w1, before.id).toBeCloseTo(w0 * HIGH_CONTRAST.lineWidth, 2);
      else expect(w1, before.id).not.toEqual(w0);
      const c0 = paint(before)['line-color'];
      const c1 = paint(after)['line-color'];
      if (typeof c0 === 'string' && c0.startsWith('#') && c0 !== '#000000') {
        expect(luminance(c1 as string), before.id).toBeLessThan(luminance(c0));
      }
      expect(paint(after)['line-dasharray'], before.id).toEqual(paint(before)['line-dasharray']);
    }
    expect(lines).toBeGreaterThan(20);
    expect(strong.layers.some((l) => l.id.startsWith('highlight-'))).toBe(true);
  });

  it('gives every label a wide white halo', () => {
    const symbols = build(true).layers.filter((l) => l.type === 'symbol');
    expect(symbols.length).toBeGreaterThan(5);
    for (const s of symbols) {
      expect(paint(s)['text-halo-width'], s.id).toBe(HIGH_CONTRAST.halo.width);
      expect(paint(s)['text-halo-color'], s.id).toBe('#ffffff');
    }
  });

  it('scales a zoom curve’s outputs, keeping the curve outermost, and wraps other expressions', () => {
    const curve = highContrastLayer({
      id: 'a',
      type: 'line',
      source: 's',
      paint: { 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1, 8, 3] },
    });
    expect(paint(curve)['line-width']).toEqual(['interpolate', ['linear'], ['zoom'], 3, 1.7, 8, 5.1]);
    const step = highContrastLayer({
      id: 'b',
      type: 'line',
      source: 's',
      paint: { 'line-width': ['step', ['zoom'], 1, 6, 2] },
    });
    expect(paint(step)['line-width']).toEqual(['step', ['zoom'], 1.7, 6, 3.4]);
    const state = ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, 1];
    const wrapped = highContrastLayer({
      id: 'c',
      type: 'line',
      source: 's',
      paint: { 'line-width': state },
    } as LayerSpecification);
    expect(paint(wrapped)['line-width']).toEqual(['*', HIGH_CONTRAST.lineWidth, state]);
  });

  it('darkens #rgb and #rrggbb colours and leaves anything else alone', () => {
    expect(darkenColour('#ffffff', 0.5)).toBe('#808080');
    expect(darkenColour('#fff', 0.5)).toBe('#808080');
    expect(darkenColour('#a79b86', 1)).toBe('#a79b86');
    expect(darkenColour('rgba(0,0,0,0)')).toBe('rgba(0,0,0,0)');
    expect(darkenColour('selected')).toBe('selected');
  });
});
