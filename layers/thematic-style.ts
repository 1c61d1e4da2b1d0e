import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { byState, EDGE_DRAWN_BY_LINE, nameField, visibility } from './expressions.ts';
import type { Theme } from './theme.ts';
import type { StyleContext } from './types.ts';

/** How a thematic layer is drawn: fills, outlines, lines and points from its palette, dashed while schematic. */

export type Palette = keyof Omit<
  Theme['thematic'],
  'selected' | 'selectedLine' | 'text' | 'halo' | 'fillOpacity'
>;
export type Geom = 'area' | 'line' | 'point';

export interface Spec {
  id: string;
  name: { zh: string; en: string };
  group: string;
  palette: Palette;
  geoms: Geom[];
  method: string;
  accuracy?: { zh: string; en: string };
  defaultVisible?: boolean;
  /** Dash pattern of area outlines and lines; the default marks schematic geometry. */
  dash?: number[];
  lineWidth?: number;
  labelSize?: number;
  minLabelZoom?: number;
  /** The zone type the screening rules apply to this layer (see web/domain/screening/rules.ts). */
  zoneType?: string;
}

const isPoly: FilterSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isLine: FilterSpecification = [
  'match',
  ['geometry-type'],
  ['LineString', 'MultiLineString'],
  true,
  false,
];
const isPoint: FilterSpecification = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

const stateCase = (selected: number, hover: number, base: number): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', 'selected'], false],
  selected,
  ['boolean', ['feature-state', 'hover'], false],
  hover,
  base,
];

export function styleFor(s: Spec) {
  return ({
    theme,
    lang,
    opacity,
    visible,
    schematic,
    source,
    labelSource,
  }: StyleContext): LayerSpecification[] => {
    const t = theme.thematic;
    const pal = t[s.palette];
    // dashed while schematic; solid once the user has replaced the layer with real data
    const dash = schematic ? { 'line-dasharray': s.dash ?? theme.schematic.dash } : {};
    const vis = visibility(visible);
    const width = s.lineWidth ?? 1.4;
    const text = {
      'text-color': t.text,
      'text-halo-color': t.halo,
      'text-halo-width': 1.3,
      'text-opacity': opacity,
    };
    const label = {
      visibility: vis,
      'text-field': nameField(lang),
      'text-font': [...theme.fonts],
      'text-size': s.labelSize ?? 11,
    };
    const out: LayerSpecification[] = [];
    if (s.geoms.includes('area')) {
      out.push(
        {
          id: `${s.id}-fill`,
          type: 'fill',
          source,
          filter: isPoly,
          layout: { visibility: vis },
          paint: {
            'fill-color': byState(t.selected, pal.fill, pal.fill),
            'fill-opacity': stateCase(0.55 * opacity, 0.45 * opacity, t.fillOpacity * opacity),
            'fill-antialias': EDGE_DRAWN_BY_LINE,
          },
        },
        {
          id: `${s.id}-outline`,
          type: 'line',
          source,
          filter: isPoly,
          layout: { visibility: vis, 'line-join': 'round' },
          paint: {
            'line-color': byState(t.selectedLine, pal.line, pal.line),
            'line-width': stateCase(2.6, 1.8, 1.2),
            ...dash,
            'line-opacity': opacity,
          },
        },
        {
          id: `${s.id}-label`,
          type: 'symbol',
          source: labelSource,
          filter: ['==', ['get', 'layer'], s.id],
          minzoom: s.minLabelZoom ?? 0,
          layout: { ...label, 'text-max-width': 7 },
          paint: { ...text, 'text-color': pal.line },
        },
      );
    }
    if (s.geoms.includes('line')) {
      out.push(
        {
          id: `${s.id}-line`,
          type: 'line',
          source,
          filter: isLine,
          layout: { visibility: vis, 'line-cap': 'round', 'line-join': 'round' },
          paint: {
            'line-color': byState(t.selectedLine, pal.line, pal.line),
            'line-width': stateCase(width + 1.6, width + 0.8, width),
            ...dash,
            'line-opacity': opacity,
          },
        },
        {
          id: `${s.id}-line-label`,
          type: 'symbol',
          source,
          filter: isLine,
          minzoom: s.minLabelZoom ?? 0,
          layout: { ...label, 'symbol-placement': 'line', 'symbol-spacing': 350 },
          paint: { ...text, 'text-color': pal.line },
        },
      );
    }
    if (s.geoms.includes('point')) {
      out.push(
        {
          id: `${s.id}-circle`,
          type: 'circle',
          source,
          filter: isPoint,
          layout: { visibility: vis },
          paint: {
            'circle-color': byState(t.selected, pal.fill, pal.fill),
            'circle-radius': stateCase(7, 6, 4.5),
            'circle-stroke-color': pal.line,
            'circle-stroke-width': 1.5,
            // schematic points are lighter; solid once replaced by real data
            'circle-opacity': (schematic ? 0.55 : 1) * opacity,
            'circle-stroke-opacity': opacity,
          },
        },
        {
          id: `${s.id}-point-label`,
          type: 'symbol',
          source,
          filter: isPoint,
          minzoom: s.minLabelZoom ?? 0,
          layout: {
            ...label,
            'text-anchor': 'left',
            'text-offset': [0.8, 0],
            'text-optional': true,
          },
          paint: text,
        },
      );
    }
    return out;
  };
}
