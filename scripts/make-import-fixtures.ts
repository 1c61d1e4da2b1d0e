/**
 * Writes the importer fixtures to tests/unit/importers/fixtures/ (committed; rerun to regenerate):
 *   npx tsx scripts/make-import-fixtures.ts
 * Every fixture encodes the same known parcel (tests/unit/importers/fixture-data.ts), in UTF-8 and GBK.
 * GK coordinates come from the independent Krüger-series formula in the test helpers, not from the importer.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import {
  PARCEL_HOLE,
  PARCEL_NAME,
  PARCEL_OUTER,
  PARCEL_PART2,
  shiftTo117,
} from '../tests/unit/importers/fixture-data.ts';
import { encodeGbk } from '../tests/unit/importers/gbk.ts';
import { krugerForward } from '../tests/unit/importers/helpers.ts';
import {
  PRJ_GK39,
  PRJ_WGS84,
  PRJ_XIAN80,
  type ShpFeature,
  writeDbf,
  writeShp,
} from '../tests/unit/importers/shapefile-writer.ts';

const dir = join(import.meta.dirname, '..', 'tests', 'unit', 'importers', 'fixtures');
mkdirSync(dir, { recursive: true });
const utf8 = (s: string) => new TextEncoder().encode(s);
const put = (name: string, data: Uint8Array | string) => writeFileSync(join(dir, name), data);

const ll = (r: number[][]) => r.map((p) => p.join(',')).join(' ');
const wktRing = (r: number[][]) => `(${r.map((p) => p.join(' ')).join(', ')})`;

// GeoJSON
put(
  'boundary-utf8.geojson',
  JSON.stringify(
    {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: PARCEL_NAME, 用途: '光伏发电' },
          geometry: { type: 'MultiPolygon', coordinates: [[PARCEL_OUTER, PARCEL_HOLE], [PARCEL_PART2]] },
        },
      ],
    },
    null,
    1,
  ),
);

// KML (UTF-8 and GBK) and KMZ
const kml = (enc: string) => `<?xml version="1.0" encoding="${enc}"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${PARCEL_NAME}</name>
<Placemark><name>${PARCEL_NAME}</name><MultiGeometry>
<Polygon><outerBoundaryIs><LinearRing><coordinates>${ll(PARCEL_OUTER)}</coordinates></LinearRing></outerBoundaryIs>
<innerBoundaryIs><LinearRing><coordinates>${ll(PARCEL_HOLE)}</coordinates></LinearRing></innerBoundaryIs></Polygon>
<Polygon><outerBoundaryIs><LinearRing><coordinates>${ll(PARCEL_PART2)}</coordinates></LinearRing></outerBoundaryIs></Polygon>
</MultiGeometry></Placemark>
<Placemark><name>入口</name><Point><coordinates>111.7,40.8</coordinates></Point></Placemark>
</Document></kml>`;
put('boundary-utf8.kml', kml('UTF-8'));
put('boundary-gbk.kml', encodeGbk(kml('GBK')));
put('boundary.kmz', zipSync({ 'doc.kml': utf8(kml('UTF-8')) }));

// GPX: a closed track
put(
  'track.gpx',
  `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="fixture" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>${PARCEL_NAME}</name><trkseg>
${PARCEL_OUTER.map(([x, y]) => `<trkpt lat="${y}" lon="${x}"></trkpt>`).join('\n')}
</trkseg></trk></gpx>`,
);

// CSV vertex lists and WKT column
const csvRows = [
  '地块编号,地块名称,圈号,经度,纬度',
  ...PARCEL_OUTER.slice(0, -1).map(([x, y]) => `DK1,${PARCEL_NAME},1,${x},${y}`),
  ...PARCEL_HOLE.slice(0, -1).map(([x, y]) => `DK1,${PARCEL_NAME},2,${x},${y}`),
].join('\r\n');
put('vertices-utf8.csv', `\uFEFF${csvRows}`);
put('vertices-gbk.csv', encodeGbk(csvRows));
const wktCsv = `名称,WKT\r\n"${PARCEL_NAME}","MULTIPOLYGON((${wktRing(PARCEL_OUTER)},${wktRing(PARCEL_HOLE)}),(${wktRing(PARCEL_PART2)}))"\r\n`;
put('wkt-gbk.csv', encodeGbk(wktCsv));
put('boundary.wkt', `POLYGON(${wktRing(PARCEL_OUTER)}, ${wktRing(PARCEL_HOLE)})\n`);
put(
  'coords-latlon.txt',
  PARCEL_OUTER.slice(0, -1)
    .map(([x, y]) => `${y}, ${x}`)
    .join('\n'),
);

// 界址点 TXT, zone 37 (CM 111°E), zone-prefixed eastings, X = northing
const gk = (lon: number, lat: number, zone: number, prefix = true) => {
  const { easting, northing } = krugerForward(lat, lon, zone * 3);
  return `${northing.toFixed(3)},${(prefix ? zone * 1e6 + easting : easting).toFixed(3)}`;
};
const jzdPoints = (ring: number[][], ringNo: number, start: number) =>
  ring.map(
    ([x, y], i) =>
      `J${i === ring.length - 1 ? start : start + i},${ringNo},${gk(x as number, y as number, 37)}`,
  );
const jzd = [
  '[属性描述]',
  '格式版本号=1.01版本',
  '数据产生单位=内蒙古自治区自然资源厅',
  '坐标系=2000国家大地坐标系',
  '几度分带=3',
  '投影类型=高斯克吕格',
  '计量单位=米',
  '带号=37',
  '精度=0.001',
  '转换参数=,,,,,,',
  '[地块坐标]',
  `10,4.1234,DK1,${PARCEL_NAME},面,K49G001001,光伏,,@`,
  ...jzdPoints(PARCEL_OUTER, 1, 1),
  ...jzdPoints(PARCEL_HOLE, 2, 5),
  `4,0.4,DK2,${PARCEL_NAME}二,面,K49G001001,光伏,,@`,
  ...jzdPoints(PARCEL_PART2, 1, 1),
  '',
].join('\r\n');
put('jzd-utf8.txt', jzd);
put('jzd-gbk.txt', encodeGbk(jzd));

// Shapefiles
const feature: ShpFeature = {
  polygons: [[PARCEL_OUTER, PARCEL_HOLE], [PARCEL_PART2]],
  props: { NAME: PARCEL_NAME, 用途: '光伏', AREA_HA: 4.12 },
};
const fields = [
  { name: 'NAME', type: 'C' as const, length: 60 },
  { name: '用途', type: 'C' as const, length: 20 },
  { name: 'AREA_HA', type: 'N' as const, length: 12, decimals: 2 },
];
const shpZip = (opts: {
  prj?: string;
  cpg?: string;
  gbk: boolean;
  ldid?: number;
  feats?: ShpFeature[];
  omit?: string[];
}) => {
  const feats = opts.feats ?? [feature];
  const { shp, shx } = writeShp(feats);
  const enc = opts.gbk ? encodeGbk : utf8;
  const files: Record<string, Uint8Array> = {
    '项目红线/boundary.shp': shp,
    '项目红线/boundary.shx': shx,
    '项目红线/boundary.dbf': writeDbf(
      fields,
      feats.map((f) => f.props),
      enc,
      opts.ldid ?? 0,
    ),
  };
  if (opts.prj) files['项目红线/boundary.prj'] = utf8(opts.prj);
  if (opts.cpg) files['项目红线/boundary.cpg'] = utf8(opts.cpg);
  for (const o of opts.omit ?? []) delete files[`项目红线/boundary${o}`];
  return zipSync(files);
};
put('shp-utf8-cpg.zip', shpZip({ prj: PRJ_WGS84, cpg: 'UTF-8', gbk: false }));
put('shp-gbk-cpg.zip', shpZip({ prj: PRJ_WGS84, cpg: 'GBK', gbk: true }));
put('shp-gbk-nocpg.zip', shpZip({ prj: PRJ_WGS84, gbk: true }));
const gkRing = (r: number[][]) =>
  shiftTo117(r).map(([x, y]) => {
    const { easting, northing } = krugerForward(y as number, x as number, 117);
    return [39e6 + easting, northing];
  });
put(
  'shp-gk39.zip',
  shpZip({
    prj: PRJ_GK39,
    cpg: 'UTF-8',
    gbk: false,
    feats: [{ ...feature, polygons: [[gkRing(PARCEL_OUTER), gkRing(PARCEL_HOLE)], [gkRing(PARCEL_PART2)]] }],
  }),
);
put('shp-xian80.zip', shpZip({ prj: PRJ_XIAN80, gbk: false }));
put('shp-missing-dbf.zip', shpZip({ prj: PRJ_WGS84, gbk: false, omit: ['.dbf'] }));
const points = writeShp([{ polygons: [[[[111.7, 40.8]]]], props: {} }], 1);
put(
  'shp-points.zip',
  zipSync({ 'p.shp': points.shp, 'p.shx': points.shx, 'p.dbf': writeDbf([], [{}], utf8) }),
);

// A zip bomb: 400 MB of zeros (~400 kB compressed) whose headers declare 1 kB.
{
  const big = new Uint8Array(400 * 1024 * 1024);
  const z = zipSync({ 'bomb.geojson': big }, { level: 9 });
  const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
  // Local header: uncompressed size at offset 22. Central directory entries: signature 0x02014b50, size at +24.
  dv.setUint32(22, 1024, true);
  for (let i = 0; i + 46 <= z.length; i++) {
    if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 1024, true);
  }
  put('bomb.zip', z);
}
console.log(`fixtures written to ${dir}`);
