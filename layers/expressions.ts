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

/**
 * `value` for every feature, said per feature. maplibre compiles one shader program for each mix of per-feature and
 * constant paint values it draws, and in software WebGL each costs tens of milliseconds before the first paint. The
 * fills and lines shown at start take per-feature colours, widths and opacities (hover and selection), so the others
 * say theirs per feature too and share those programs.
 */
export const perFeature = (value: string | number): ExpressionSpecification => [
  'case',
  ['has', 'zoneId'],
  value,
  value,
];

/**
 * `fill-antialias` of a fill whose edge a line layer draws over: no antialiased outline of its own. That outline is a
 * draw call per tile and a shader program of its own (maplibre's fillOutline), which in software WebGL costs tens
 * of milliseconds before the first paint; the line drawn above covers the same pixels.
 */
export const EDGE_DRAWN_BY_LINE = false;

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
      'fill-antialias': EDGE_DRAWN_BY_LINE,
    },
  };
}
