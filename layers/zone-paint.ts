import type { LayerSpecification } from 'maplibre-gl';
import { THEME } from './theme.ts';

/**
 * Zones coloured by a computed value (an indicator's status, how many tasks name a zone): which registry layers'
 * features are coloured, the colour per zone id, and the legend that says what the colours mean. Views compute
 * it (web/domain) and put it in the store; the map controller draws it above the coloured layers' own shapes.
 */
export interface ZonePaint {
  /** what is coloured, as it goes into the URL (`paint=`): e.g. `indicator:forest-cover`, `coverage:league` */
  key: string;
  title: { zh: string; en: string };
  layerIds: string[];
  fills: Record<string, string>;
  legend: ZonePaintLegendEntry[];
  /** per zone, what hovering it says (e.g. "12 项任务"), in both languages */
  hover?: Record<string, { zh: string; en: string }>;
  note?: { zh: string; en: string };
}

export interface ZonePaintLegendEntry {
  colour: string;
  zh: string;
  en: string;
  /** how many zones have this colour */
  count: number;
}

const NONE = 'rgba(0,0,0,0)';

/** The fill layer that colours one registry layer's zones; placed by buildStyle right above that layer's shapes. */
export function zonePaintLayer(paint: ZonePaint, registryId: string, source: string): LayerSpecification {
  const pairs = Object.entries(paint.fills)
    .sort(([a], [b]) => a.localeCompare(b))
    .flat();
  return {
    id: `paint-${registryId}`,
    type: 'fill',
    source,
    metadata: { zonePaint: paint.key },
    filter: ['in', ['get', 'zoneId'], ['literal', Object.keys(paint.fills).sort()]],
    paint: {
      'fill-color': pairs.length > 0 ? ['match', ['get', 'zoneId'], ...pairs, NONE] : NONE,
      'fill-opacity': 0.72,
      'fill-outline-color': THEME.league.line,
    },
  } as LayerSpecification;
}

/** The line layer that colours a registry layer's line zones (a river) the same way; polygons keep their fill. */
export function zonePaintLineLayer(paint: ZonePaint, registryId: string, source: string): LayerSpecification {
  const pairs = Object.entries(paint.fills)
    .sort(([a], [b]) => a.localeCompare(b))
    .flat();
  return {
    id: `paint-${registryId}-line`,
    type: 'line',
    source,
    metadata: { zonePaint: paint.key },
    filter: [
      'all',
      ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]],
      ['in', ['get', 'zoneId'], ['literal', Object.keys(paint.fills).sort()]],
    ],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': pairs.length > 0 ? ['match', ['get', 'zoneId'], ...pairs, NONE] : NONE,
      'line-width': 5,
    },
  } as LayerSpecification;
}

/**
 * Outlines drawn round the zones a chosen task or indicator is about, on one source: a line round areas and
 * lines, a ring round point zones (a banner seat, a pilot city), which a line layer cannot draw.
 */
export function highlightLayers(
  zoneIds: readonly string[],
  registryId: string,
  source: string,
): LayerSpecification[] {
  const ids = [...zoneIds].sort();
  const metadata = { highlight: true, highlightOf: registryId };
  return [
    {
      id: `highlight-${registryId}`,
      type: 'line',
      source,
      metadata,
      filter: ['in', ['get', 'zoneId'], ['literal', ids]],
      paint: { 'line-color': THEME.highlight.line, 'line-width': 3.5 },
    },
    {
      id: `highlight-${registryId}-points`,
      type: 'circle',
      source,
      metadata,
      filter: ['all', ['==', ['geometry-type'], 'Point'], ['in', ['get', 'zoneId'], ['literal', ids]]],
      paint: {
        'circle-radius': 10,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': THEME.highlight.line,
        'circle-stroke-width': 3,
      },
    },
  ] as LayerSpecification[];
}
