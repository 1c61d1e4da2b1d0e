import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../layers/registry.ts';
import { buildStyle, initialStyleState, interactiveMapLayerIds } from '../../../layers/style.ts';
import type { ZonePaint } from '../../../layers/zone-paint.ts';

const state = initialStyleState(LAYERS);
const paint: ZonePaint = {
  key: 'test',
  title: { zh: '测试', en: 'Test' },
  layerIds: ['leagues'],
  fills: { 'league-alxa': '#ff0000', 'league-baotou': '#00ff00' },
  legend: [{ colour: '#ff0000', zh: '红', en: 'red', count: 1 }],
};

describe('zone colours and highlights in the style', () => {
  const style = buildStyle(LAYERS, state, (f) => f, { zonePaint: paint, highlight: ['league-alxa'] });
  const ids = style.layers.map((l) => l.id);

  it('is a valid style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('colours the chosen layer above its own shapes and below every label', () => {
    const at = ids.indexOf('paint-leagues');
    expect(at).toBeGreaterThan(-1);
    const leagueShapes = style.layers.filter(
      (l) =>
        l.type !== 'symbol' && (l.metadata as { registryId?: string } | undefined)?.registryId === 'leagues',
    );
    for (const l of leagueShapes) expect(ids.indexOf(l.id)).toBeLessThan(at);
    const firstLabel = style.layers.findIndex((l) => l.type === 'symbol');
    expect(at).toBeLessThan(firstLabel);
    expect(ids.filter((id) => id.startsWith('paint-'))).toEqual(['paint-leagues']);
  });

  it('outlines the highlighted zones on every shown interactive layer, and the colours never catch clicks', () => {
    const shownInteractive = LAYERS.filter((l) => l.interactive && state.visible[l.id]).map((l) => l.id);
    expect(ids.filter((id) => id.startsWith('highlight-')).sort()).toEqual(
      shownInteractive.flatMap((id) => [`highlight-${id}`, `highlight-${id}-points`]).sort(),
    );
    const ring = style.layers.find((l) => l.id === 'highlight-leagues-points');
    expect(ring?.type).toBe('circle');
    const clickable = interactiveMapLayerIds(style);
    expect(clickable.some((id) => id.startsWith('paint-') || id.startsWith('highlight-'))).toBe(false);
  });

  it('adds nothing when no view colours or highlights zones, or the layer is hidden', () => {
    const plain = buildStyle(LAYERS, state, (f) => f, { zonePaint: null, highlight: [] });
    expect(plain.layers.some((l) => /^(paint|highlight)-/.test(l.id))).toBe(false);
    const hidden = buildStyle(LAYERS, { ...state, visible: { ...state.visible, leagues: false } }, (f) => f, {
      zonePaint: paint,
    });
    expect(hidden.layers.some((l) => l.id === 'paint-leagues')).toBe(false);
  });
});
