import type { LayerSpecification } from 'maplibre-gl';
import { EDGE_DRAWN_BY_LINE, perFeature, visibility } from './expressions.ts';
import type { DataSource } from './provenance.ts';
import { THEME } from './theme.ts';
import type { GroupDef, LayerDef, StyleContext } from './types.ts';

/**
 * 三区三线: besides the red line, 永久基本农田 and 城镇开发边界. Their official boundaries are not public and ship
 * with no geometry: a user loads the official file through the layer's info view, and until then every place says
 * 未加载 / not loaded (LayerDef.userDataOnly). Each is checked with its own rule table (web/domain/screening).
 */

export const THREE_ZONES_GROUP: GroupDef = {
  id: 'three-zones',
  name: { zh: '三区三线', en: 'Three control lines' },
};

const USER_SOURCE = (what: string): DataSource => ({
  name: `${what}: the official dataset, loaded by the user (not shipped)`,
  licence: 'The user’s own data, kept in this browser only',
  attribution: '用户数据 User data',
  note: 'No built-in geometry: the official boundaries are not public. Until a file is loaded this layer is not checked.',
});

const NOT_LOADED_ACCURACY = {
  zh: '无内置数据：须加载自然资源部门的“三区三线”划定成果；精度取决于所加载的数据。',
  en: 'No built-in data: load the natural-resources authority’s official 三区三线 dataset; accuracy is that of the file loaded.',
};

/**
 * The loaded layer's parcels, drawn with the start-up map's shader programs (values said per feature, the fill's
 * edge drawn by the line): with constant values they compiled three programs of their own the first time they drew
 * (tests/unit/layers/overlay-programs.test.ts, tests/e2e/overlay-programs.e2e.ts).
 */
function areaStyle(id: string, colours: { fill: string; line: string }) {
  return ({ opacity, visible, source }: StyleContext): LayerSpecification[] => [
    {
      id: `${id}-fill`,
      type: 'fill',
      source,
      layout: { visibility: visibility(visible) },
      paint: {
        'fill-color': perFeature(colours.fill),
        'fill-opacity': perFeature(0.45 * opacity),
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
        'line-width': perFeature(1.2),
        'line-opacity': opacity,
      },
    },
  ];
}

export const THREE_ZONES_LAYERS: LayerDef[] = [
  {
    id: 'farmland-permanent',
    name: { zh: '永久基本农田', en: 'Permanent basic farmland' },
    group: THREE_ZONES_GROUP.id,
    data: 'farmland-permanent.geojson',
    sources: [USER_SOURCE('永久基本农田 Permanent basic farmland')],
    method: 'Not shipped: the user loads the official 永久基本农田 parcels (GeoJSON, zipped Shapefile, …).',
    accuracy: NOT_LOADED_ACCURACY,
    schematic: false,
    userDataOnly: true,
    zoneType: 'farmland-permanent',
    interactive: false,
    defaultVisible: false,
    legend: {
      kind: 'fill',
      color: THEME.thematic.farmlandPermanent.fill,
      outline: THEME.thematic.farmlandPermanent.line,
    },
    style: areaStyle('farmland-permanent', THEME.thematic.farmlandPermanent),
  },
  {
    id: 'urban-boundary',
    name: { zh: '城镇开发边界', en: 'Town development boundary' },
    group: THREE_ZONES_GROUP.id,
    data: 'urban-boundary.geojson',
    sources: [USER_SOURCE('城镇开发边界 Town development boundary')],
    method: 'Not shipped: the user loads the official 城镇开发边界 (GeoJSON, zipped Shapefile, …).',
    accuracy: NOT_LOADED_ACCURACY,
    schematic: false,
    userDataOnly: true,
    zoneType: 'urban-boundary',
    interactive: false,
    defaultVisible: false,
    legend: {
      kind: 'fill',
      color: THEME.thematic.urbanBoundary.fill,
      outline: THEME.thematic.urbanBoundary.line,
    },
    style: areaStyle('urban-boundary', THEME.thematic.urbanBoundary),
  },
];
