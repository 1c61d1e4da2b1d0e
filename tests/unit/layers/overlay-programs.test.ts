import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { type OverlayKind, overlayStyle } from '../../../layers/overlays.ts';
import { LAYERS } from '../../../layers/registry.ts';
import { buildStyle, initialStyleState } from '../../../layers/style.ts';
import { THREE_ZONES_LAYERS } from '../../../layers/three-zones-layers.ts';
import { SQUARE } from './square.ts';

/**
 * maplibre compiles one shader program per layer type and mix of per-feature and uniform paint values (plus a dashed
 * line's and an antialiased fill's edge program). In software WebGL a program costs 0.2–1.7 s the first time it
 * draws, so what a check draws (the project, its overlaps, its buffers) must use programs the start-up map has
 * compiled already; so must the 三区三线 layers a user loads, drawn when their tiles arrive after a reload.
 */
const PROGRAM_PAINT: Record<'fill' | 'line', string[]> = {
  fill: ['fill-color', 'fill-opacity', 'fill-outline-color', 'fill-pattern'],
  line: [
    'line-color',
    'line-width',
    'line-opacity',
    'line-blur',
    'line-offset',
    'line-gap-width',
    'line-pattern',
  ],
};

function programKey(layer: LayerSpecification): string | null {
  if (layer.type !== 'fill' && layer.type !== 'line') return null;
  const paint = (layer.paint ?? {}) as Record<string, unknown>;
  const specs = (layer.type === 'fill' ? latest.paint_fill : latest.paint_line) as Record<string, unknown>;
  const kinds = PROGRAM_PAINT[layer.type].map((p) => {
    const v = paint[p];
    // a value left out is the spec's constant default: a uniform, as a constant is
    if (v === undefined) return `${p}:uniform`;
    const e = expression.createPropertyExpression(v, specs[p] as never);
    if (e.result !== 'success') throw new Error(`${layer.id} ${p}: not an expression maplibre reads`);
    return `${p}:${e.value.kind === 'source' || e.value.kind === 'composite' ? 'per-feature' : 'uniform'}`;
  });
  const edge =
    layer.type === 'fill'
      ? `antialias:${paint['fill-antialias'] ?? true}`
      : `dashed:${paint['line-dasharray'] !== undefined}`;
  return `${layer.type} ${edge} ${kinds.join(' ')}`;
}

/** The programs the start-up map compiles: those of its shown fill and line layers. */
const drawnAtStart = new Set(
  buildStyle(LAYERS, initialStyleState(LAYERS), (f) => f)
    .layers.filter((l) => (l.layout as { visibility?: string } | undefined)?.visibility !== 'none')
    .map(programKey)
    .filter((k): k is string => k !== null),
);

describe('overlays drawn with the start-up map’s shader programs', () => {
  it.each<OverlayKind>(['project', 'project-original', 'overlap', 'buffer', 'accuracy'])('%s', (kind) => {
    const { layers } = overlayStyle({ o: { kind, data: SQUARE } });
    expect(layers.length).toBeGreaterThan(0);
    for (const layer of layers) {
      const key = programKey(layer);
      if (key === null) continue;
      expect([...drawnAtStart], `${layer.id}: ${key}`).toContain(key);
    }
  });
});

describe('the 三区三线 layers a user loads, drawn with the start-up map’s shader programs', () => {
  const shown = buildStyle(
    LAYERS,
    { ...initialStyleState(LAYERS), visible: Object.fromEntries(LAYERS.map((l) => [l.id, true])) },
    (f) => f,
  );

  it.each(THREE_ZONES_LAYERS.map((d) => d.id))('%s', (id) => {
    const layers = shown.layers.filter((l) => l.id.startsWith(`${id}-`));
    expect(layers.map((l) => l.type).sort()).toEqual(['fill', 'line']);
    for (const layer of layers) expect([...drawnAtStart], layer.id).toContain(programKey(layer));
  });
});
