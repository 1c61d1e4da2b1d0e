import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang, StyleContext } from './types.ts';

export const nameField = (lang: Lang): ExpressionSpecification => ['coalesce', ['get', lang], ['get', 'zh']];

export const byState = (selected: string, hover: string, base: string): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', 'selected'], false],
  selected,
  ['boolean', ['feature-state', 'hover'], false],
  hover,
  base,
];

export const visibility = (visible: boolean): 'visible' | 'none' => (visible ? 'visible' : 'none');

/**
 * The fill of an administrative area layer (leagues, counties): nearly clear until hovered or selected, then in the
 * league theme's colours.
 */
export function adminAreaFill(
  id: string,
  { theme, opacity, visible, source }: Pick<StyleContext, 'theme' | 'opacity' | 'visible' | 'source'>,
): LayerSpecification {
  return {
    id,
    type: 'fill',
    source,
    layout: { visibility: visibility(visible) },
    paint: {
      'fill-color': byState(theme.league.selected, theme.league.hover, theme.region.fill),
      'fill-opacity': [
        'case',
        ['boolean', ['feature-state', 'selected'], false],
        0.55 * opacity,
        ['boolean', ['feature-state', 'hover'], false],
        0.5 * opacity,
        0.01,
      ],
    },
  };
}
