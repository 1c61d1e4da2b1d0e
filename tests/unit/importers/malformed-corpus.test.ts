import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import {
  type ImportInput,
  type ImportOptions,
  importBoundary,
  importBoundarySync,
  type MessageCode,
} from '../../../web/domain/importers/index.ts';
import { encodeGbk } from './gbk.ts';
import { krugerForward } from './helpers.ts';
import { PRJ_WGS84, PRJ_XIAN80, writeDbf, writeShp } from './shapefile-writer.ts';

/**
 * The malformed and hostile corpus. Each case names the message code it must produce, and (where the problem
 * has a place) a pattern the message's location must match. Every message must name the file verbatim.
 */
interface Case {
  label: string;
  input: ImportInput;
  code: MessageCode;
  where?: RegExp;
  options?: Partial<ImportOptions>;
  /** The input is accepted and the code comes as a warning. */
  warning?: true;
}

const cases: Case[] = [];
const add = (
  label: string,
  name: string,
  content: string | Uint8Array,
  code: MessageCode,
  where?: RegExp,
  extra: Partial<Case> = {},
) =>
  cases.push({
    label,
    input: typeof content === 'string' ? { name, text: content } : { name, bytes: content },
    code,
    ...(where ? { where } : {}),
    ...extra,
  });

const utf8 = (s: string) => new TextEncoder().encode(s);
const sq = (x = 111.7, y = 40.8, d = 0.01) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const poly = (rings: unknown, props: Record<string, unknown> = { name: '地块' }) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: rings } }],
  });
const feat = (geometry: unknown, props: unknown = {}) => ({ type: 'Feature', properties: props, geometry });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const good = poly([sq()]);

// A. JSON syntax
add('truncated JSON', 'a.geojson', good.slice(0, 60), 'json-invalid', /line 1, column/);
add('truncated at the end', 'a.geojson', good.slice(0, -2), 'json-invalid', /line/);
add('trailing comma', 'a.geojson', '{"type":"FeatureCollection","features":[],}', 'json-invalid', /column/);
add('single quotes', 'a.geojson', "{'type':'Polygon'}", 'json-invalid', /column 2/);
add('NaN literal', 'a.geojson', '{"type":"Polygon","coordinates":[[[NaN,40]]]}', 'json-invalid', /column/);
add('comment', 'a.geojson', '// hi\n{"type":"Polygon"}', 'json-invalid', /line 1/);
add('unquoted keys', 'a.geojson', '{type:"Polygon"}', 'json-invalid', /column 2/);
add('lone brace', 'a.geojson', '{', 'json-invalid');
add(
  'multi-line error position',
  'a.geojson',
  '{\n  "type": "FeatureCollection",\n  "features": [\n    {,}\n  ]\n}',
  'json-invalid',
  /line 4/,
);
add('garbage after JSON', 'a.geojson', `${good} xyz`, 'json-invalid', /column/);
add(
  'binary garbage as .json',
  'a.json',
  new Uint8Array([0x00, 0xff, 0x13, 0x37, 0x80, 0x81]),
  'json-invalid',
);
add('unterminated string', 'a.geojson', '{"type":"Pol', 'json-invalid');
add(
  'JSON of Infinity word',
  'a.geojson',
  '{"type":"Polygon","coordinates":[[[Infinity,40]]]}',
  'json-invalid',
);

// B. GeoJSON structure and nesting
add('top-level array', 'b.geojson', '[1,2,3]', 'geojson-structure');
add('top-level number', 'b.geojson', '42', 'geojson-structure');
add('top-level string', 'b.geojson', '"Polygon"', 'geojson-structure');
add('top-level null', 'b.geojson', 'null', 'geojson-structure');
add('object without type', 'b.geojson', '{"features":[]}', 'geojson-structure');
add('unknown top type', 'b.geojson', '{"type":"Topology","objects":{}}', 'geojson-structure');
add('features not an array', 'b.geojson', '{"type":"FeatureCollection","features":{}}', 'geojson-structure');
add('feature is a number', 'b.geojson', fc(5), 'geojson-structure', /^feature 1$/);
add(
  'feature with wrong type',
  'b.geojson',
  fc(feat(null), { type: 'Polygon', coordinates: [sq()] }),
  'geojson-structure',
  /^feature 2$/,
);
add(
  'properties is a string',
  'b.geojson',
  fc(feat({ type: 'Polygon', coordinates: [sq()] }, 'x')),
  'geojson-structure',
  /feature 1/,
);
add(
  'geometry missing',
  'b.geojson',
  fc({ type: 'Feature', properties: { name: 'P1' } }),
  'geometry-missing',
  /feature 1 \(“P1”\)/,
);
add('geometry null only', 'b.geojson', fc(feat(null, { name: 'N' })), 'geometry-missing', /feature 1/);
add('polygon nested too shallow', 'b.geojson', poly([111, 40, 112, 41]), 'geojson-structure', /feature 1/);
add(
  'polygon ring of numbers',
  'b.geojson',
  poly([[111, 40, 112, 41]]),
  'geojson-structure',
  /outer ring of feature 1/,
);
add('polygon nested too deep', 'b.geojson', poly([[[sq()]]]), 'geojson-structure', /outer ring/);
add(
  'multipolygon nested as polygon',
  'b.geojson',
  fc(feat({ type: 'MultiPolygon', coordinates: [sq()] })),
  'geojson-structure',
  /feature 1/,
);
add(
  'multipolygon not array',
  'b.geojson',
  fc(feat({ type: 'MultiPolygon', coordinates: 'x' })),
  'geojson-structure',
  /feature 1/,
);
add('empty polygon coordinates', 'b.geojson', poly([]), 'geojson-structure', /feature 1/);
add(
  'position with one number',
  'b.geojson',
  poly([[[111], [112, 40], [112, 41], [111]]]),
  'geojson-structure',
  /outer ring/,
);
add(
  'unknown geometry type',
  'b.geojson',
  fc(feat({ type: 'Circle', center: [111, 40] })),
  'geometry-unsupported',
  /feature 1/,
);
add(
  'geometry without type',
  'b.geojson',
  fc(feat({ coordinates: [sq()] })),
  'geojson-structure',
  /feature 1/,
);
add(
  'only points',
  'b.geojson',
  fc(feat({ type: 'Point', coordinates: [111, 40] }, { name: '井' })),
  'geometry-unsupported',
  /feature 1 \(“井”\)/,
);
add(
  'only an open line',
  'b.geojson',
  fc(
    feat({
      type: 'LineString',
      coordinates: [
        [111, 40],
        [112, 41],
      ],
    }),
  ),
  'geometry-unsupported',
  /feature 1/,
);
add(
  'collection without geometries',
  'b.geojson',
  fc(feat({ type: 'GeometryCollection' })),
  'geojson-structure',
  /feature 1/,
);
add('empty FeatureCollection', 'b.geojson', fc(), 'no-features');
add(
  'MultiPoint only',
  'b.geojson',
  fc(feat({ type: 'MultiPoint', coordinates: [[111, 40]] })),
  'geometry-unsupported',
  /feature 1/,
);
add('feature is an array', 'b.geojson', fc([1, 2]), 'geojson-structure', /feature 1/);
add(
  'mixed: point skipped with warning',
  'b.geojson',
  fc(feat({ type: 'Polygon', coordinates: [sq()] }), feat({ type: 'Point', coordinates: [111, 40] })),
  'features-skipped',
  undefined,
  { warning: true },
);

// C. Coordinate values
const ring = (p: unknown) => [[p, [111.8, 40.8], [111.8, 40.9], p]];
add(
  'coordinate 1e999 (Infinity)',
  'c.geojson',
  poly(ring([111.7, 40.8]), {}).replace('111.7,40.8]', '1e999,40.8]'),
  'coordinate-invalid',
  /feature 1/,
);
add(
  'coordinate -1e999',
  'c.geojson',
  poly(ring([111.7, 40.8])).replace('111.7,40.8]', '-1e999,40.8]'),
  'coordinate-invalid',
  /feature 1/,
);
add(
  'coordinate as string',
  'c.geojson',
  poly(ring(['111.7', 40.8])),
  'coordinate-invalid',
  /outer ring of feature 1/,
);
add('coordinate "NaN" string', 'c.geojson', poly(ring(['NaN', 40.8])), 'coordinate-invalid', /feature 1/);
add('coordinate null', 'c.geojson', poly(ring([null, 40.8])), 'coordinate-invalid', /feature 1/);
add('coordinate boolean', 'c.geojson', poly(ring([true, 40.8])), 'coordinate-invalid', /feature 1/);
add('huge coordinate 1e308', 'c.geojson', poly(ring([1e308, 40.8])), 'coordinate-out-of-range', /feature 1/);
add('longitude 200', 'c.geojson', poly(ring([200, 40.8])), 'coordinate-out-of-range', /feature 1/);
add('latitude 95', 'c.geojson', poly(ring([111.7, 95])), 'coordinate-out-of-range', /feature 1/);
add(
  'swapped lat,lon in GeoJSON',
  'c.geojson',
  poly([sq().map(([x, y]) => [y, x])]),
  'coordinate-out-of-range',
  /feature 1/,
);
{
  const { easting, northing } = krugerForward(40.8, 111.7, 111);
  const m = [
    [37e6 + easting, northing],
    [37e6 + easting + 100, northing],
    [37e6 + easting + 100, northing + 100],
    [37e6 + easting, northing],
  ];
  add(
    'GK metres in a lon/lat GeoJSON',
    'c.geojson',
    poly([m], { name: 'M' }),
    'projected-in-lonlat',
    /feature 1 \(“M”\)/,
  );
  add(
    'GK metres in CSV',
    'c.csv',
    `lon,lat\n${m.map((p) => p.join(',')).join('\n')}`,
    'projected-in-lonlat',
    /line 2/,
  );
  add(
    'GK metres in WKT',
    'c.wkt',
    `POLYGON((${m.map((p) => p.join(' ')).join(',')}))`,
    'projected-in-lonlat',
    /geometry 1/,
  );
}
add('outside region: Paris', 'c.geojson', poly([sq(2.35, 48.85)]), 'outside-region', /feature 1/);
add('outside region: Beijing south', 'c.geojson', poly([sq(116.4, 30.0)]), 'outside-region', /feature 1/);
add(
  'outside region: southern hemisphere',
  'c.geojson',
  poly([sq(111.7, -40.8)]),
  'outside-region',
  /feature 1/,
);
add(
  'partly outside region warns',
  'c.geojson',
  poly([sq(126.0, 45, 1.5)]),
  'partly-outside-region',
  /feature 1/,
  { warning: true },
);
add('layer outside region only warns', 'c.geojson', poly([sq(2.35, 48.85)]), 'outside-region', /feature 1/, {
  warning: true,
  options: { purpose: 'layer' },
});

// D. Rings
add('unclosed ring', 'd.geojson', poly([sq().slice(0, 4)]), 'ring-not-closed', /outer ring of feature 1/);
add(
  'unclosed hole',
  'd.geojson',
  poly([sq(), sq(111.702, 40.802, 0.002).slice(0, 4)]),
  'ring-not-closed',
  /hole 1 of feature 1/,
);
add(
  'two points',
  'd.geojson',
  poly([
    [
      [111.7, 40.8],
      [111.8, 40.8],
    ],
  ]),
  'ring-too-few-points',
  /outer ring/,
);
add(
  'three points closed',
  'd.geojson',
  poly([
    [
      [111.7, 40.8],
      [111.8, 40.8],
      [111.7, 40.8],
    ],
  ]),
  'ring-too-few-points',
  /outer ring/,
);
add('one point', 'd.geojson', poly([[[111.7, 40.8]]]), 'ring-too-few-points', /outer ring/);
add(
  'repeated same point',
  'd.geojson',
  poly([
    [
      [111.7, 40.8],
      [111.7, 40.8],
      [111.7, 40.8],
      [111.7, 40.8],
    ],
  ]),
  'ring-too-few-points',
  /outer ring/,
);
add(
  'collinear ring',
  'd.geojson',
  poly([
    [
      [111.7, 40.8],
      [111.8, 40.8],
      [111.9, 40.8],
      [111.7, 40.8],
    ],
  ]),
  'ring-zero-area',
  /outer ring/,
);
add(
  'bow tie',
  'd.geojson',
  poly([
    [
      [111.7, 40.8],
      [111.8, 40.9],
      [111.8, 40.8],
      [111.7, 40.9],
      [111.7, 40.8],
    ],
  ]),
  'ring-self-intersection',
  /feature 1/,
);
add(
  'self-crossing pentagram',
  'd.geojson',
  poly([
    [
      [111.7, 40.8],
      [111.76, 40.95],
      [111.82, 40.8],
      [111.66, 40.9],
      [111.86, 40.9],
      [111.7, 40.8],
    ],
  ]),
  'ring-self-intersection',
  /feature 1/,
);
add(
  'hole outside shell',
  'd.geojson',
  poly([sq(), sq(111.9, 40.9, 0.005)]),
  'hole-outside-shell',
  /hole 1 of feature 1/,
);
add(
  'hole crossing shell',
  'd.geojson',
  poly([sq(), sq(111.705, 40.805, 0.02)]),
  'ring-self-intersection',
  /feature 1/,
);
add(
  'spike folding back',
  'd.geojson',
  poly([
    [
      [111.7, 40.8],
      [111.8, 40.8],
      [111.9, 40.8],
      [111.85, 40.8],
      [111.8, 40.9],
      [111.7, 40.8],
    ],
  ]),
  'ring-self-intersection',
  /feature 1/,
);
add(
  'ring touching itself',
  'd.geojson',
  poly([
    [
      [111.7, 40.8],
      [111.8, 40.8],
      [111.75, 40.85],
      [111.8, 40.9],
      [111.7, 40.9],
      [111.75, 40.85],
      [111.7, 40.8],
    ],
  ]),
  'ring-self-intersection',
  /feature 1/,
);
add(
  'second part of multipolygon crosses itself',
  'd.geojson',
  fc(
    feat({
      type: 'MultiPolygon',
      coordinates: [
        [sq()],
        [
          [
            [111.9, 40.8],
            [112, 40.9],
            [112, 40.8],
            [111.9, 40.9],
            [111.9, 40.8],
          ],
        ],
      ],
    }),
  ),
  'ring-self-intersection',
  /part 2 of feature 1/,
);
add(
  'layer self-crossing only warns',
  'd.geojson',
  poly([
    [
      [111.7, 40.8],
      [111.8, 40.95],
      [111.8, 40.8],
      [111.7, 40.9],
      [111.7, 40.8],
    ],
  ]),
  'ring-self-intersection',
  /feature 1/,
  { warning: true, options: { purpose: 'layer' } },
);

// E. WKT
add(
  'unbalanced parentheses',
  'e.wkt',
  'POLYGON((111 40, 112 40, 112 41, 111 40)',
  'wkt-invalid',
  /line 1, column/,
);
add(
  'unknown WKT type',
  'e.wkt',
  'POLYGONN((111 40, 112 40, 112 41, 111 40))',
  'wkt-invalid',
  /line 1, column 1/,
);
add('WKT point', 'e.wkt', 'POINT(111 40)', 'geometry-unsupported', /geometry 1/);
add(
  'WKT position with one number',
  'e.wkt',
  'POLYGON((111, 112 40, 112 41, 111 40))',
  'wkt-invalid',
  /column/,
);
add(
  'WKT stray character',
  'e.wkt',
  'POLYGON((111 40, 112 40, 112 41, 111 40)) #',
  'wkt-invalid',
  /column 43/,
);
add('WKT empty polygon', 'e.wkt', 'POLYGON EMPTY', 'geometry-unsupported', /geometry 1/);
add('WKT open linestring', 'e.wkt', 'LINESTRING(111 40, 112 40)', 'geometry-unsupported', /geometry 1/);
add('WKT unknown SRID', 'e.wkt', 'SRID=1234;POLYGON((111 40, 112 40, 112 41, 111 40))', 'crs-unsupported');
add(
  'WKT second geometry broken on line 3',
  'e.wkt',
  'POLYGON((111.7 40.8, 111.8 40.8, 111.8 40.9, 111.7 40.8))\n\nPOLYGON((1 2, 3))',
  'wkt-invalid',
  /line 3/,
);
add(
  'WKT Xian 80 SRID',
  'e.wkt',
  'SRID=4610;POLYGON((111 40, 112 40, 112 41, 111 40))',
  'crs-unsupported-datum',
);
add(
  'WKT multilinestring',
  'e.wkt',
  'MULTILINESTRING((111 40, 112 40))',
  'geometry-unsupported',
  /geometry 1/,
);

// F. CSV
add('CSV without geometry columns', 'f.csv', 'a,b,c\n1,2,3', 'csv-no-geometry-columns', /line 1/);
add(
  'CSV lon not a number',
  'f.csv',
  'lon,lat\n111.7,40.8\nabc,40.9\n111.8,40.9',
  'csv-row-invalid',
  /line 3/,
);
add('CSV empty lat', 'f.csv', 'lon,lat\n111.7,40.8\n111.8,\n111.8,40.9', 'csv-row-invalid', /line 3/);
add('CSV empty WKT cell', 'f.csv', 'name,wkt\nA,', 'geometry-missing', /line 2 \(“A”\)/);
add('CSV broken WKT cell', 'f.csv', 'name,wkt\nA,"POLYGON((1 2"', 'wkt-invalid', /line 2/);
add('CSV only header', 'f.csv', 'lon,lat\n', 'no-features');
add('CSV too few points', 'f.csv', 'lon,lat\n111.7,40.8\n111.8,40.8', 'ring-too-few-points', /line 2/);
add('CSV outside region', 'f.csv', 'lon,lat\n2.3,48.8\n2.4,48.8\n2.4,48.9', 'outside-region', /line 2/);
add(
  'CSV WKT point in GBK',
  'f.csv',
  encodeGbk('名称,wkt\n水井,POINT(111 40)'),
  'geometry-unsupported',
  /line 2 \(“水井”\)/,
);

// G. pasted coordinates
add('odd number count', '粘贴的文本', '111.7 40.8\n111.8\n111.8 40.9', 'coordinates-unparsed', /line 2/);
add(
  'words among numbers',
  '粘贴的文本',
  '111.7 40.8\n111.8 north 40.8\n111.8 40.9',
  'coordinates-unparsed',
  /line 2/,
);
add('single point', '粘贴的文本', '111.7 40.8', 'ring-too-few-points', /pasted coordinates/);
add('two points', '粘贴的文本', '111.7 40.8\n111.8 40.8', 'ring-too-few-points', /pasted/);
add('pasted outside region', '粘贴的文本', '10.1 50.1\n10.2 50.1\n10.2 50.2', 'outside-region', /pasted/);
add(
  'pasted metres',
  '粘贴的文本',
  '512345.1 4512345.2\n512445.1 4512345.2\n512445.1 4512445.2',
  'projected-in-lonlat',
  /pasted/,
);

// H. 界址点 TXT
const jzdHead = (extra: string[] = ['带号=37']) =>
  ['[属性描述]', '坐标系=2000国家大地坐标系', '几度分带=3', '计量单位=米', ...extra, '[地块坐标]'].join('\n');
const { easting: e0, northing: n0 } = krugerForward(40.8, 111.7, 111);
const jp = (name: string, ring: number, dx: number, dy: number, prefix = true) =>
  `${name},${ring},${(n0 + dy).toFixed(3)},${((prefix ? 37e6 : 0) + e0 + dx).toFixed(3)}`;
const parcel = (pts: string[], header = '4,1.0,DK1,测试,面,,,,@') => [header, ...pts].join('\n');
const sqPts = [
  jp('J1', 1, 0, 0),
  jp('J2', 1, 100, 0),
  jp('J3', 1, 100, 100),
  jp('J4', 1, 0, 100),
  jp('J1', 1, 0, 0),
];
add('jzd without points', 'h.txt', jzdHead(), 'jzd-invalid');
add(
  'jzd bad point line',
  'h.txt',
  `${jzdHead()}\n${parcel([...sqPts.slice(0, 2), 'J3,1,abc,def', ...sqPts.slice(2)])}`,
  'jzd-line-invalid',
  /line 10/,
);
add(
  'jzd three fields',
  'h.txt',
  `${jzdHead()}\n${parcel([...sqPts, 'J9,1,4500000'])}`,
  'jzd-line-invalid',
  /line 13/,
);
add(
  'jzd zone missing',
  'h.txt',
  `${jzdHead([])}\n${parcel([jp('J1', 1, 0, 0, false), jp('J2', 1, 100, 0, false), jp('J3', 1, 100, 100, false)])}`,
  'jzd-zone-missing',
);
add(
  'jzd Xian 80',
  'h.txt',
  `${jzdHead().replace('2000国家大地坐标系', '1980西安坐标系')}\n${parcel(sqPts)}`,
  'crs-unsupported-datum',
);
add(
  'jzd Beijing 54',
  'h.txt',
  `${jzdHead().replace('2000国家大地坐标系', '1954北京坐标系')}\n${parcel(sqPts)}`,
  'crs-unsupported-datum',
);
add(
  'jzd unit degrees',
  'h.txt',
  `${jzdHead().replace('计量单位=米', '计量单位=度')}\n${parcel(sqPts)}`,
  'jzd-invalid',
);
add(
  'jzd northing not plausible',
  'h.txt',
  `${jzdHead()}\n${parcel([...sqPts.slice(0, 4), 'J5,1,123.4,37500000'])}`,
  'jzd-line-invalid',
  /line 12 of parcel “DK1”/,
);
add(
  'jzd parcel with two points',
  'h.txt',
  `${jzdHead()}\n${parcel(sqPts.slice(0, 2))}`,
  'ring-too-few-points',
  /parcel “DK1”/,
);
add(
  'jzd self-crossing parcel',
  'h.txt',
  `${jzdHead()}\n${parcel([jp('J1', 1, 0, 0), jp('J2', 1, 100, 100), jp('J3', 1, 100, 0), jp('J4', 1, 0, 100)])}`,
  'ring-self-intersection',
  /parcel “DK1”/,
);
add(
  'jzd empty parcel among good ones',
  'h.txt',
  `${jzdHead()}\n${parcel(sqPts)}\n0,0,DK2,空地块,面,,,,@`,
  'jzd-invalid',
  /parcel “DK2”/,
);
add(
  'jzd point count mismatch warns',
  'h.txt',
  `${jzdHead()}\n${parcel(sqPts, '9,1.0,DK1,测试,面,,,,@')}`,
  'jzd-point-count',
  /parcel “DK1”/,
  { warning: true },
);
add(
  'jzd swapped X/Y warns',
  'h.txt',
  `${jzdHead()}\n${parcel(
    sqPts.map((l) => {
      const f = l.split(',');
      return [f[0], f[1], f[3], f[2]].join(',');
    }),
  )}`,
  'jzd-axes-swapped',
  undefined,
  { warning: true },
);
add(
  'jzd GBK zone missing',
  'h.txt',
  encodeGbk(
    `${jzdHead([])}\n${parcel([jp('J1', 1, 0, 0, false), jp('J2', 1, 9, 0, false), jp('J3', 1, 9, 9, false)])}`,
  ),
  'jzd-zone-missing',
);

// I. KML / GPX
add('invalid XML', 'i.kml', '<kml><Document><Placemark></Document></kml>', 'xml-invalid');
add(
  'truncated KML',
  'i.kml',
  '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>111,40 112',
  'xml-invalid',
);
add('HTML page saved as .kml', 'i.kml', '<html><body><script>alert(1)</script></body></html>', 'xml-invalid');
add(
  'KML only points',
  'i.kml',
  '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>井</name><Point><coordinates>111.7,40.8</coordinates></Point></Placemark></kml>',
  'geometry-unsupported',
  /feature 1 \(“井”\)/,
);
add(
  'KML ring of two points',
  'i.kml',
  '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>P</name><Polygon><outerBoundaryIs><LinearRing><coordinates>111.7,40.8 111.8,40.8</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>',
  'geometry-missing',
  /feature 1 \(“P”\)/,
);
add(
  'GPX waypoints only',
  'i.gpx',
  '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="40.8" lon="111.7"><name>W</name></wpt></gpx>',
  'geometry-unsupported',
  /feature 1/,
);
add(
  'GPX open track',
  'i.gpx',
  '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg><trkpt lat="40.8" lon="111.7"/><trkpt lat="40.9" lon="111.8"/></trkseg></trk></gpx>',
  'geometry-unsupported',
  /feature 1/,
);
add('GPX root wrong', 'i.gpx', '<kml></kml>', 'xml-invalid');
add(
  'KML with entity bomb',
  'i.kml',
  '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><kml>&b;</kml>',
  'xml-entities',
);

// J. Zip archives and Shapefiles
const { shp: shp1, shx: shx1 } = writeShp([{ polygons: [[sq()]], props: {} }]);
const dbf1 = writeDbf([{ name: 'NAME', type: 'C', length: 10 }], [{ NAME: 'a' }], utf8);
const shpZip = (files: Record<string, Uint8Array>) => zipSync(files);
add(
  'random bytes as .zip',
  'j.zip',
  new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]),
  'zip-invalid',
);
add('truncated zip', 'j.zip', shpZip({ 'a.shp': shp1, 'a.dbf': dbf1 }).slice(0, 120), 'zip-invalid');
add('zip with only a readme', 'j.zip', shpZip({ 'readme.txt': utf8('hello') }), 'zip-no-content');
add('zip with only .dbf', 'j.zip', shpZip({ 'a.dbf': dbf1 }), 'zip-missing-part');
add(
  'zip missing .dbf',
  'j.zip',
  shpZip({ 'a.shp': shp1, 'a.shx': shx1, 'a.prj': utf8(PRJ_WGS84) }),
  'zip-missing-part',
);
add(
  'zip missing .shx warns',
  'j.zip',
  shpZip({ 'a.shp': shp1, 'a.dbf': dbf1, 'a.prj': utf8(PRJ_WGS84) }),
  'zip-missing-part',
  undefined,
  { warning: true },
);
add(
  'zip missing .prj warns',
  'j.zip',
  shpZip({ 'a.shp': shp1, 'a.shx': shx1, 'a.dbf': dbf1 }),
  'prj-missing',
  /a/,
  { warning: true },
);
add(
  'shp truncated header',
  'j.zip',
  shpZip({ 'a.shp': shp1.slice(0, 50), 'a.dbf': dbf1 }),
  'shp-invalid',
  /archive entry “a.shp”/,
);
{
  const wrongCode = shp1.slice();
  new DataView(wrongCode.buffer).setInt32(0, 1234, false);
  add('shp wrong file code', 'j.zip', shpZip({ 'a.shp': wrongCode, 'a.dbf': dbf1 }), 'shp-invalid');
  const pastEnd = shp1.slice();
  new DataView(pastEnd.buffer).setInt32(104, 100000, false);
  add(
    'shp record past end',
    'j.zip',
    shpZip({ 'a.shp': pastEnd, 'a.dbf': dbf1 }),
    'shp-invalid',
    /record 1 of archive entry “a.shp”/,
  );
  const parts = shp1.slice();
  new DataView(parts.buffer).setInt32(100 + 8 + 36, 99, true);
  add(
    'shp numParts > numPoints',
    'j.zip',
    shpZip({ 'a.shp': parts, 'a.dbf': dbf1 }),
    'shp-invalid',
    /record 1/,
  );
  const nanShp = shp1.slice();
  new DataView(nanShp.buffer).setFloat64(100 + 8 + 44 + 4, Number.NaN, true);
  add(
    'shp NaN coordinate',
    'j.zip',
    shpZip({ 'a.shp': nanShp, 'a.dbf': dbf1, 'a.prj': utf8(PRJ_WGS84) }),
    'coordinate-invalid',
    /record 1/,
  );
}
add(
  'dbf truncated',
  'j.zip',
  shpZip({ 'a.shp': shp1, 'a.dbf': dbf1.slice(0, 20) }),
  'dbf-invalid',
  /“a.dbf”/,
);
add(
  'Xian 80 .prj',
  'j.zip',
  shpZip({ 'a.shp': shp1, 'a.dbf': dbf1, 'a.prj': utf8(PRJ_XIAN80) }),
  'crs-unsupported-datum',
);
add(
  'garbage .prj',
  'j.zip',
  shpZip({
    'a.shp': shp1,
    'a.dbf': dbf1,
    'a.prj': utf8('PROJCS["Mystery",GEOGCS["x"],PROJECTION["Unknown_Projection"]]'),
  }),
  'crs-unsupported',
);
add(
  'polyline shapefile',
  'j.zip',
  shpZip({ 'l.shp': writeShp([{ polygons: [[sq()]], props: {} }], 3).shp, 'l.dbf': dbf1 }),
  'geometry-unsupported',
);
add(
  'too many zip entries',
  'j.zip',
  shpZip(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}.txt`, utf8('x')]))),
  'zip-too-many-entries',
);
{
  const z = shpZip({ 'a.shp': shp1, 'a.dbf': dbf1 });
  const dv = new DataView(z.buffer);
  for (let i = 0; i + 46 <= z.length; i++)
    if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 0x7fffffff, true);
  add('declared 2 GB expansion', 'j.zip', z, 'zip-too-large');
}
add('KMZ without KML', 'j.kmz', shpZip({ 'images/a.png': new Uint8Array([1, 2, 3]) }), 'zip-no-content');
add(
  'real zip bomb fixture',
  'bomb.zip',
  new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', 'bomb.zip'))),
  'zip-invalid',
  /bomb\.geojson/,
);

// K. Size, emptiness, format
add('empty bytes', 'k.geojson', new Uint8Array(0), 'file-empty');
add('whitespace text', 'k.txt', '   \n\t ', 'file-empty');
add('excel file', 'k.xlsx', new Uint8Array([1, 2, 3]), 'format-unsupported');
add('lone .shp', 'k.shp', shp1, 'format-unsupported');
add('lone .dbf', 'k.dbf', dbf1, 'format-unsupported');
add('unknown binary', 'k.bin', new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x00, 0x00]), 'format-unknown');
add(
  'HTML page pasted',
  '粘贴',
  '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>',
  'format-unsupported',
);
add('text over a small limit', 'k.geojson', good, 'file-too-large', undefined, {
  options: { limits: { maxBytes: 100 } },
});
add(
  'too many features',
  'k.geojson',
  fc(...Array.from({ length: 5 }, (_, i) => feat({ type: 'Polygon', coordinates: [sq(111 + i * 0.1)] }))),
  'too-many-features',
  undefined,
  { options: { limits: { maxFeatures: 3 } } },
);
add('too many vertices', 'k.geojson', good, 'too-many-vertices', undefined, {
  options: { limits: { maxVertices: 4 } },
});
add(
  'mp3 in disguise as .csv',
  'k.csv',
  new Uint8Array([0x49, 0x44, 0x33, 0x03, 0x00]),
  'csv-no-geometry-columns',
);

// M. Hostile names and properties: all messages are plain text carrying the name verbatim
const evil = '<img src=x onerror=alert(1)>';
add('script in file name', `${evil}.geojson`, '{', 'json-invalid');
add(
  'script in feature name',
  'm.geojson',
  fc(feat({ type: 'Point', coordinates: [1, 2] }, { name: `<script>alert("x")</script>` })),
  'geometry-unsupported',
  /<script>alert\("x"\)<\/script>/,
);
add(
  'HTML in CSV group name',
  'm.csv',
  `name,lon,lat\n"${evil}",111.7,40.8\n"${evil}",111.8,40.8`,
  'ring-too-few-points',
  /<img src=x onerror=alert\(1\)>/,
);
add(
  'script in 界址点 parcel number',
  'm.txt',
  `${jzdHead()}\n${parcel(sqPts.slice(0, 2), `4,1,<script>x</script>,名,面,,,,@`)}`,
  'ring-too-few-points',
  /<script>x<\/script>/,
);
add(
  'very long name is clipped',
  'm.geojson',
  fc(feat(null, { name: 'x'.repeat(5000) })),
  'geometry-missing',
  /x{80}…/,
);
add(
  'newline and RTL in name',
  'm.geojson',
  fc(feat(null, { name: 'a\nb\u202Ec' })),
  'geometry-missing',
  /a b\u202Ec/,
);

describe('malformed and hostile corpus', () => {
  it('has at least 100 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  for (const c of cases) {
    it(`${c.label} → ${c.code}`, () => {
      const opts: ImportOptions = { source: 'wgs84', domParser: DOMParser, ...(c.options ?? {}) };
      const r = importBoundarySync(c.input as { name: string; text: string }, opts);
      const file = c.input.name;
      const all = r.ok ? r.warnings : [...r.errors, ...r.warnings];
      if (c.warning) {
        expect(r.ok, r.ok ? '' : r.errors.map((e) => e.en).join(' | ')).toBe(true);
      } else {
        expect(r.ok).toBe(false);
      }
      const hit = (c.warning ? all : r.ok ? [] : r.errors).find((m) => m.code === c.code);
      expect(hit, `codes: ${all.map((m) => `${m.code} ${m.en}`).join(' | ')}`).toBeDefined();
      if (!hit) return;
      // Each message names the file, verbatim, in both languages.
      for (const m of all) {
        expect(m.file).toBe(file);
        expect(m.en.startsWith(file)).toBe(true);
        expect(m.zh.startsWith(file)).toBe(true);
        expect(typeof m.en).toBe('string');
      }
      if (c.where) {
        expect(hit.location, hit.en).toMatch(c.where);
        expect(hit.en).toContain(hit.location as string);
        expect(hit.locationZh).toBeTruthy();
      }
      // No markup is produced: removing the user's own text leaves no angle brackets.
      const own = [file, evil, '<script>alert("x")</script>', '<script>x</script>'];
      for (const m of all) {
        let rest = `${m.en}${m.zh}`;
        for (const s of own) rest = rest.split(s).join('');
        expect(rest).not.toMatch(/<\/?[a-z]+[\s>]/i);
      }
    });
  }

  it('a File-like input over the limit is refused before reading: 100 MB boundary, 300 MB layer', async () => {
    for (const [purpose, mb] of [
      ['boundary', 100],
      ['layer', 300],
    ] as const) {
      let reads = 0;
      const r = await importBoundary(
        {
          name: '大文件.geojson',
          size: mb * 1024 * 1024,
          arrayBuffer: async () => {
            reads++;
            return new ArrayBuffer(0);
          },
        },
        { source: 'wgs84', purpose },
      );
      expect(reads).toBe(0);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors[0]?.code).toBe('file-too-large');
      expect(r.errors[0]?.en).toMatch(
        purpose === 'boundary' ? /100 MB; the limit is 20 MB/ : /300 MB; the limit is 256 MB/,
      );
      expect(r.errors[0]?.zh).toMatch(purpose === 'boundary' ? /上限为 20 MB/ : /上限为 256 MB/);
    }
  });

  it('a real 100 MB byte array is refused by its length without being decoded', () => {
    const big = new Uint8Array(100 * 1024 * 1024);
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    try {
      const r = importBoundarySync({ name: 'big.geojson', bytes: big }, { source: 'wgs84' });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors[0]?.code).toBe('file-too-large');
      expect(decode).not.toHaveBeenCalled();
    } finally {
      decode.mockRestore();
    }
  });
});
