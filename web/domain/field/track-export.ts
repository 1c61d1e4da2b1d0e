/**
 * A walked boundary leaves the device in the formats the office reads: GPX (the raw track, every fix with its time
 * and accuracy, one segment per stretch walked), GeoJSON (the polygon screened, with how it was made) and the 国土
 * 界址点 TXT (the polygon in CGCS2000 Gauss–Krüger, 3° zones). The app's own importers read each one back.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { polygonArea } from '../geo/ellipsoid.ts';
import { M2_PER_HA } from '../geo/units.ts';
import { beijingDate } from '../report/time.ts';
import { gaussKrugerOf, zoneOf } from './position.ts';
import type { AccuracyFigures, Track } from './track.ts';

const xmlText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const GPX_NS = 'http://www.topografix.com/GPX/1/1';
const EBM_NS = 'urn:eco-barrier-map:gpx:1';

export function trackGpx(track: Track, name: string): string {
  const segs = track.segments
    .filter((s) => s.length > 0)
    .map(
      (s) =>
        `    <trkseg>\n${s
          .map(
            (f) =>
              `      <trkpt lat="${f.lat}" lon="${f.lon}"><time>${new Date(f.t).toISOString()}</time>` +
              `<extensions><ebm:accuracy>${f.accuracyM}</ebm:accuracy></extensions></trkpt>`,
          )
          .join('\n')}\n    </trkseg>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="北疆生态屏障一张图" xmlns="${GPX_NS}" xmlns:ebm="${EBM_NS}">
  <trk>
    <name>${xmlText(name)}</name>
${segs}
  </trk>
</gpx>
`;
}

export interface WalkedBoundaryInfo {
  name: string;
  fixCount: number;
  accuracy: AccuracyFigures;
  /** when the walk started and ended (ms since 1970) */
  start: number;
  end: number;
}

export function boundaryGeoJson(polygon: Polygon, info: WalkedBoundaryInfo): FeatureCollection<Polygon> {
  const feature: Feature<Polygon> = {
    type: 'Feature',
    properties: {
      name: info.name,
      source: 'field-walk',
      fixes: info.fixCount,
      vertices: polygon.coordinates[0] ? polygon.coordinates[0].length - 1 : 0,
      accuracy_min_m: info.accuracy.min,
      accuracy_median_m: info.accuracy.median,
      accuracy_max_m: info.accuracy.max,
      start: new Date(info.start).toISOString(),
      end: new Date(info.end).toISOString(),
    },
    geometry: polygon,
  };
  return { type: 'FeatureCollection', features: [feature] };
}

/**
 * The 界址点 TXT of one parcel: [属性描述] with the datum, 3° zone and units, then [地块坐标] with the parcel line
 * (point count, area in 公顷, number, name, 面) and the points J1… on ring 1, X the northing and Y the easting with
 * its zone, to the millimetre; the first point repeated at the end closes the ring.
 */
export function boundaryJzdTxt(polygon: Polygon, info: { name: string; date: number }): string {
  const ring = polygon.coordinates[0] ?? [];
  const open = ring.slice(0, -1);
  const lon = open.reduce((s, p) => s + (p[0] as number), 0) / Math.max(1, open.length);
  const zone = zoneOf(lon, 3);
  const points = [...open, open[0]]
    .filter((p) => p !== undefined)
    .map((p, i) => {
      const gk = gaussKrugerOf(p[0] as number, p[1] as number, 3, zone);
      const n = i === open.length ? 1 : i + 1;
      return `J${n},1,${gk.x.toFixed(3)},${gk.y.toFixed(3)}`;
    });
  const ha = polygonArea(polygon.coordinates) / M2_PER_HA;
  const name = info.name.replace(/[,，@\r\n]/g, ' ');
  return [
    '[属性描述]',
    '格式版本号=1.0',
    `数据产生日期=${beijingDate(info.date)}`,
    '坐标系=2000国家大地坐标系',
    '几度分带=3',
    '投影类型=高斯克吕格',
    '计量单位=米',
    `带号=${zone}`,
    '精度=0.001',
    '[地块坐标]',
    `${points.length},${ha.toFixed(4)},1,${name},面,,,,@`,
    ...points,
    '',
  ].join('\r\n');
}
