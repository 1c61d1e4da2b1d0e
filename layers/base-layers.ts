import type { LayerSpecification } from 'maplibre-gl';
import { COUNTY_LAYER } from './county-layer.ts';
import {
  adminAreaFill,
  byState,
  EDGE_DRAWN_BY_LINE,
  nameField,
  perFeature,
  visibility,
} from './expressions.ts';
import { SOURCES } from './provenance.ts';
import type { LayerDef, StyleContext } from './types.ts';

const accurate1km = {
  zh: '约 1 km 量级概化；边界按数据源绘制，非审图号底图，仅供内部规划参考。',
  en: 'Generalised to about 1 km; borders as drawn by the source, not an approved (审图号) basemap; internal planning use only.',
};

/** Neighbouring countries and provinces: a pale fill, a thin border and a name on the shared label points. */
function contextStyle(
  id: 'countries' | 'provinces',
  { opacity, visible, source, labelSource, lang, theme }: StyleContext,
  colours: { fill: string; line: string; text: string },
  lineWidth: number,
  textSize: number,
): LayerSpecification[] {
  return [
    {
      id: `${id}-fill`,
      type: 'fill',
      source,
      layout: { visibility: visibility(visible) },
      paint: {
        'fill-color': perFeature(colours.fill),
        'fill-opacity': perFeature(opacity),
        'fill-antialias': EDGE_DRAWN_BY_LINE,
      },
    },
    {
      id: `${id}-line`,
      type: 'line',
      source,
      layout: { visibility: visibility(visible) },
      paint: {
        'line-color': perFeature(colours.line),
        'line-width': perFeature(lineWidth),
        'line-opacity': opacity,
      },
    },
    {
      id: `${id}-label`,
      type: 'symbol',
      source: labelSource,
      filter: ['==', ['get', 'kind'], id === 'countries' ? 'country' : 'province'],
      layout: {
        visibility: visibility(visible),
        'text-field': nameField(lang),
        'text-font': [...theme.fonts],
        'text-size': textSize,
        ...(id === 'countries' ? { 'text-letter-spacing': 0.2 } : {}),
      },
      paint: { 'text-color': colours.text, 'text-opacity': opacity },
    },
  ];
}

export const BASE_LAYERS: LayerDef[] = [
  {
    id: 'countries',
    name: { zh: '周边国家', en: 'Neighbouring countries' },
    group: 'context',
    data: 'countries.geojson',
    labels: 'context-labels.geojson',
    sources: [SOURCES.naturalEarth50m],
    method: 'Mongolia and Russia from Natural Earth 1:50m, clipped to the map frame.',
    accuracy: { zh: '1:5000万比例尺概化。', en: 'Natural Earth 1:50m generalisation.' },
    schematic: false,
    interactive: false,
    defaultVisible: true,
    legend: { kind: 'fill', color: '#e9e7e1', outline: '#b8b2a7' },
    style: (ctx) => contextStyle('countries', ctx, ctx.theme.foreign, 1, 15),
  },
  {
    id: 'provinces',
    name: { zh: '周边省区', en: 'Neighbouring provinces' },
    group: 'context',
    data: 'provinces.geojson',
    labels: 'context-labels.geojson',
    sources: [SOURCES.echartsChina],
    method:
      'Neighbouring provinces from the echarts 4.9.0 China map, converted GCJ-02 → WGS84, topology-simplified.',
    accuracy: accurate1km,
    schematic: false,
    interactive: false,
    defaultVisible: true,
    legend: { kind: 'fill', color: '#efede7', outline: '#c2bcb0' },
    style: (ctx) => contextStyle('provinces', ctx, ctx.theme.province, 0.8, 12),
  },
  {
    id: 'region',
    name: { zh: '自治区界', en: 'Region boundary' },
    group: 'admin',
    data: 'region.geojson',
    sources: [SOURCES.echartsChina],
    method: 'Outer boundary of the union of the 12 league polygons.',
    accuracy: accurate1km,
    schematic: false,
    interactive: true,
    defaultVisible: true,
    legend: { kind: 'line', color: '#6f6352' },
    style: ({ theme, opacity, visible, source }) => [
      {
        id: 'region-fill',
        type: 'fill',
        source,
        layout: { visibility: visibility(visible) },
        paint: {
          'fill-color': perFeature(theme.region.fill),
          'fill-opacity': perFeature(opacity),
          'fill-antialias': EDGE_DRAWN_BY_LINE,
        },
      },
      {
        id: 'region-line',
        type: 'line',
        source,
        layout: { visibility: visibility(visible), 'line-join': 'round' },
        paint: {
          'line-color': perFeature(theme.region.line),
          'line-width': perFeature(2.2),
          'line-opacity': opacity,
        },
      },
    ],
  },
  {
    id: 'leagues',
    name: { zh: '盟市', en: 'Leagues and cities' },
    group: 'admin',
    data: 'leagues.geojson',
    labels: 'league-labels.geojson',
    sources: [SOURCES.echartsChina],
    method:
      'The 12 league-level divisions from the echarts 4.9.0 Inner Mongolia map, each vertex converted GCJ-02 → WGS84, self-crossings repaired, simplified as one topology so neighbours share one border.',
    accuracy: {
      zh: '边界中位偏差约 0.26 km（与 OSM 对比）；阿拉善 −11%、兴安 −8%，其余盟市面积与公布值相差约 ±1.5%。',
      en: 'Median border offset ~0.26 km against OSM; areas within about ±1.5 % of cited figures except Alxa (−11 %) and Hinggan (−8 %).',
    },
    schematic: false,
    interactive: true,
    defaultVisible: true,
    labelRank: 10,
    legend: { kind: 'fill', color: '#f1d9a6', outline: '#a79b86' },
    style: ({ theme, opacity, visible, source, labelSource, lang }) => [
      adminAreaFill('leagues-fill', { theme, opacity, visible, source }),
      {
        id: 'leagues-line',
        type: 'line',
        source,
        layout: { visibility: visibility(visible), 'line-join': 'round' },
        paint: {
          'line-color': byState(theme.league.selectedLine, theme.league.line, theme.league.line),
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, 1],
          'line-opacity': opacity,
        },
      },
      {
        id: 'leagues-label',
        type: 'symbol',
        source: labelSource,
        layout: {
          visibility: visibility(visible),
          'text-field': nameField(lang),
          'text-font': [...theme.fonts],
          'text-size': ['interpolate', ['linear'], ['zoom'], 3, 11, 5, 13, 8, 16],
          'text-max-width': 8,
          'text-allow-overlap': true,
          'text-anchor': ['match', ['get', 'anchor'], 'right', 'right', 'left', 'left', 'center'],
          'text-offset': ['match', ['get', 'anchor'], 'right', ['literal', [-0.6, 0]], ['literal', [0, 0]]],
        },
        paint: {
          'text-color': theme.league.text,
          'text-halo-color': theme.league.halo,
          'text-halo-width': 1.5,
          'text-opacity': opacity,
        },
      },
    ],
  },
  COUNTY_LAYER,
  {
    id: 'rivers',
    name: { zh: '主要河流', en: 'Major rivers' },
    group: 'water',
    data: 'rivers.geojson',
    sources: [SOURCES.naturalEarth50m],
    method:
      'Natural Earth 1:50m rivers; the source has no names, so each river is identified by control points it must pass near.',
    accuracy: { zh: '1:5000万比例尺概化。', en: 'Natural Earth 1:50m generalisation.' },
    schematic: false,
    interactive: true,
    defaultVisible: true,
    legend: { kind: 'line', color: '#6f9fc8' },
    style: ({ theme, opacity, visible, source, lang }) => [
      {
        id: 'rivers-line',
        type: 'line',
        source,
        layout: { visibility: visibility(visible), 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': byState(theme.league.selectedLine, theme.water.line, theme.water.line),
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, perFeature(1.2), 8, perFeature(3)],
          'line-opacity': opacity,
        },
      },
      {
        id: 'rivers-label',
        type: 'symbol',
        source,
        layout: {
          visibility: visibility(visible),
          'symbol-placement': 'line',
          'text-field': nameField(lang),
          'text-font': [...theme.fonts],
          'text-size': 12,
          'symbol-spacing': 400,
        },
        paint: {
          'text-color': theme.water.text,
          'text-halo-color': '#ffffff',
          'text-halo-width': 1.2,
          'text-opacity': opacity,
        },
      },
    ],
  },
  {
    id: 'lakes',
    name: { zh: '湖泊', en: 'Lakes' },
    group: 'water',
    data: 'lakes.geojson',
    sources: [SOURCES.naturalEarth50m, SOURCES.osmLakes],
    method:
      'Hulun Lake from Natural Earth 1:50m; Buir, Daihai and Dali Nur from OpenStreetMap water polygons (1 km generalised).',
    accuracy: {
      zh: '湖面随水位变化；1:5000万 / 1 km 概化。',
      en: 'Lake extents vary with water level; 1:50m / 1 km generalisation.',
    },
    schematic: false,
    zoneType: 'lake-wetland',
    interactive: true,
    defaultVisible: true,
    legend: { kind: 'fill', color: '#b4d0e6', outline: '#6f9fc8' },
    style: ({ theme, opacity, visible, source, lang }) => [
      {
        id: 'lakes-fill',
        type: 'fill',
        source,
        layout: { visibility: visibility(visible) },
        paint: {
          'fill-color': byState(theme.league.selected, theme.water.fill, theme.water.fill),
          'fill-opacity': perFeature(opacity),
          'fill-antialias': EDGE_DRAWN_BY_LINE,
        },
      },
      {
        id: 'lakes-line',
        type: 'line',
        source,
        layout: { visibility: visibility(visible) },
        paint: {
          'line-color': perFeature(theme.water.line),
          'line-width': perFeature(1),
          'line-opacity': opacity,
        },
      },
      {
        id: 'lakes-label',
        type: 'symbol',
        source,
        layout: {
          visibility: visibility(visible),
          'text-field': nameField(lang),
          'text-font': [...theme.fonts],
          'text-size': 12,
          'text-offset': [0, 1.2],
        },
        paint: {
          'text-color': theme.water.text,
          'text-halo-color': '#ffffff',
          'text-halo-width': 1.2,
          'text-opacity': opacity,
        },
      },
    ],
  },
];
