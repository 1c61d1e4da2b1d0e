/**
 * Writes the files of the import corpus, tests/corpus/<family>/<case>.<ext>. The expectations are NOT written
 * here: tests/corpus/manifest.json is kept by hand (each case says why its outcome is the right one).
 *   npx tsx scripts/make-import-corpus.ts            writes only files that do not exist yet
 *   npx tsx scripts/make-import-corpus.ts --force    rewrites every file (then review the git diff)
 * Tests never call this: a missing corpus file fails the corpus test. Needs `zip` and `python3` for the
 * bzip2 / LZMA / encrypted archives (the importer's own zip library cannot write those).
 * GK coordinates come from the Krüger-series formula in the test helpers, not from the importer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { encodeGbk } from '../tests/unit/importers/gbk.ts';
import { krugerForward } from '../tests/unit/importers/helpers.ts';
import {
  PRJ_GK_CM117,
  PRJ_GK39,
  PRJ_WGS84,
  PRJ_XIAN80,
  writeDbf,
  writeShp,
} from '../tests/unit/importers/shapefile-writer.ts';

const ROOT = join(import.meta.dirname, '..', 'tests', 'corpus');
const force = process.argv.includes('--force');
const utf8 = (s: string) => new TextEncoder().encode(s);
let written = 0;
function put(path: string, content: string | Uint8Array): void {
  const p = join(ROOT, path);
  if (existsSync(p) && !force) return;
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, typeof content === 'string' ? utf8(content) : content);
  written++;
}

type Ring = number[][];
/** A lon/lat square, d degrees, south-west corner (x, y), counter-clockwise. */
const sq = (x = 111.7, y = 40.8, d = 0.01): Ring => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const feature = (geometry: unknown, properties: unknown = { name: '地块' }) => ({
  type: 'Feature',
  properties,
  geometry,
});
const fc = (features: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features }, null, 1);
const polygon = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });

// GK: a 1000 m × 1000 m grid square in CGCS2000 3° zone 39 (CM 117°E), south-west corner at 117.2°E 42.5°N.
const gk0 = krugerForward(42.5, 117.2, 117);
const gkSquare = (prefix: number, east0 = gk0.easting, north0 = gk0.northing): Ring =>
  [
    [0, 0],
    [1000, 0],
    [1000, 1000],
    [0, 1000],
    [0, 0],
  ].map(([dx, dy]) => [prefix + east0 + (dx as number), north0 + (dy as number)]);
const gk6 = krugerForward(42.5, 117.2, 117); // 6° zone 20 also has CM 117°E

// ---------- geojson-bom
put('geojson-bom/bom-featurecollection.geojson', `\uFEFF${fc([feature(polygon(sq()))])}`);
put('geojson-bom/bom-bare-polygon.geojson', `\uFEFF${JSON.stringify(polygon(sq()))}`);

// ---------- geojson-crs
const crsName = (name: string) => ({ crs: { type: 'name', properties: { name } } });
put(
  'geojson-crs/epsg-4527-urn-zone-prefixed.geojson',
  fc([feature(polygon(gkSquare(39e6)))], crsName('urn:ogc:def:crs:EPSG::4527')),
);
put(
  'geojson-crs/epsg-4548-cm117-no-prefix.geojson',
  fc([feature(polygon(gkSquare(0)))], crsName('EPSG:4548')),
);
put(
  'geojson-crs/epsg-4498-6deg-zone-prefixed.geojson',
  fc([feature(polygon(gkSquare(20e6, gk6.easting, gk6.northing)))], crsName('urn:ogc:def:crs:EPSG::4498')),
);
put(
  'geojson-crs/epsg-4509-6deg-cm117.geojson',
  fc([feature(polygon(gkSquare(0, gk6.easting, gk6.northing)))], crsName('urn:ogc:def:crs:EPSG::4509')),
);
put(
  'geojson-crs/epsg-type-code-4527.geojson',
  fc([feature(polygon(gkSquare(39e6)))], { crs: { type: 'EPSG', properties: { code: 4527 } } }),
);
put(
  'geojson-crs/opengis-http-4527.geojson',
  fc([feature(polygon(gkSquare(39e6)))], crsName('http://www.opengis.net/def/crs/EPSG/0/4527')),
);
put('geojson-crs/crs84.geojson', fc([feature(polygon(sq()))], crsName('urn:ogc:def:crs:OGC:1.3:CRS84')));
put('geojson-crs/epsg-4490-lonlat.geojson', fc([feature(polygon(sq()))], crsName('EPSG:4490')));
put(
  'geojson-crs/xian80-epsg-2363.geojson',
  fc([feature(polygon(gkSquare(39e6)))], crsName('urn:ogc:def:crs:EPSG::2363')),
);
put(
  'geojson-crs/beijing54-epsg-2415.geojson',
  fc([feature(polygon(gkSquare(39e6)))], crsName('urn:ogc:def:crs:EPSG::2415')),
);
put('geojson-crs/xian80-epsg-4610.geojson', fc([feature(polygon(sq()))], crsName('EPSG:4610')));
put(
  'geojson-crs/unknown-epsg-27700.geojson',
  fc([feature(polygon(gkSquare(0)))], crsName('urn:ogc:def:crs:EPSG::27700')),
);
put(
  'geojson-crs/name-without-properties.geojson',
  fc([feature(polygon(gkSquare(39e6)))], { crs: { type: 'name' } }),
);
put(
  'geojson-crs/link-crs.geojson',
  fc([feature(polygon(gkSquare(39e6)))], {
    crs: { type: 'link', properties: { href: 'http://example.com/crs/42', type: 'proj4' } },
  }),
);
put('geojson-crs/crs-is-a-string.geojson', fc([feature(polygon(gkSquare(39e6)))], { crs: 'EPSG:4527' }));
put(
  'geojson-crs/epsg-4527-lonlat-values.geojson',
  fc([feature(polygon(sq(117.2, 42.5)))], crsName('EPSG:4527')),
);

// ---------- geojson-structure
put('geojson-structure/null.geojson', 'null');
put('geojson-structure/true.geojson', 'true');
put('geojson-structure/empty-object.geojson', '{}');
put('geojson-structure/features-object.geojson', '{"type":"FeatureCollection","features":{}}');
put('geojson-structure/features-null.geojson', '{"type":"FeatureCollection","features":null}');
put('geojson-structure/bare-polygon.geojson', JSON.stringify(polygon(sq())));
put(
  'geojson-structure/bare-multipolygon.geojson',
  JSON.stringify({ type: 'MultiPolygon', coordinates: [[sq()], [sq(111.8, 40.8)]] }),
);
put('geojson-structure/feature-null-geometry.geojson', JSON.stringify(feature(null, { name: '空' })));
put(
  'geojson-structure/null-geometry-among-good.geojson',
  fc([feature(polygon(sq())), feature(null, { name: '空' })]),
);
put(
  'geojson-structure/polygon-coordinates-null.geojson',
  fc([feature({ type: 'Polygon', coordinates: null })]),
);
put('geojson-structure/feature-without-geometry-member.geojson', fc([{ type: 'Feature', properties: {} }]));
put('geojson-structure/features-empty.geojson', '{"type":"FeatureCollection","features":[]}');

// ---------- fixture-role
put(
  'fixture-role/role-project-and-others.geojson',
  fc([
    feature(polygon(sq(111.7, 40.8)), { role: 'project', name: '项目' }),
    feature(polygon(sq(111.72, 40.8)), { role: 'layer', name: '其他 1' }),
    feature(polygon(sq(111.74, 40.8)), { name: '其他 2' }),
  ]),
);

// ---------- outside-region
put('outside-region/shanghai.geojson', fc([feature(polygon(sq(121.47, 31.23)), { name: '上海地块' })]));
put('outside-region/shanghai-layer.geojson', fc([feature(polygon(sq(121.47, 31.23)), { name: '上海图层' })]));
put('outside-region/shanghai.csv', 'lon,lat\n121.47,31.23\n121.48,31.23\n121.48,31.24\n121.47,31.24\n');
{
  // Shanghai in CGCS2000 3° zone 40 (CM 120°E), as a 界址点 file.
  const s = krugerForward(31.23, 121.47, 120);
  const pts = [
    [0, 0],
    [1000, 0],
    [1000, 1000],
    [0, 1000],
  ].map(
    ([dx, dy], i) =>
      `J${i + 1},1,${(s.northing + (dy as number)).toFixed(3)},${(40e6 + s.easting + (dx as number)).toFixed(3)}`,
  );
  put(
    'outside-region/shanghai-jzd.txt',
    [
      '[属性描述]',
      '坐标系=2000国家大地坐标系',
      '几度分带=3',
      '计量单位=米',
      '[地块坐标]',
      '4,1.0,SH1,上海,面,,,,@',
      ...pts,
      pts[0],
    ].join('\n'),
  );
}
put(
  'outside-region/straddles-west-edge.geojson',
  fc([
    feature(
      polygon([
        [96.2, 42.0],
        [97.4, 42.0],
        [97.4, 42.1],
        [96.2, 42.1],
        [96.2, 42.0],
      ]),
    ),
  ]),
);

// ---------- jzd-strict
const jzdHead = ['[属性描述]', '坐标系=2000国家大地坐标系', '几度分带=3', '计量单位=米', '[地块坐标]'];
const jzdPts = (ring: Ring) =>
  ring.map(
    (p, i) =>
      `J${(i % (ring.length - 1)) + 1},1,${(p[1] as number).toFixed(3)},${(p[0] as number).toFixed(3)}`,
  );
const good = jzdPts(gkSquare(39e6));
put('jzd-strict/good.txt', [...jzdHead, '4,1.0,DK1,测试地块,面,,,,@', ...good].join('\n'));
{
  // Line 8 (the 2nd point) written with decimal commas: X = 4412345,5 style.
  const bad = [...good];
  const f = (bad[1] as string).split(',');
  bad[1] = [f[0], f[1], (f[2] as string).replace('.', ','), (f[3] as string).replace('.', ',')].join(',');
  put('jzd-strict/decimal-comma.txt', [...jzdHead, '4,1.0,DK1,测试地块,面,,,,@', ...bad].join('\n'));
  const full = [...good];
  const g = (full[2] as string).split(',');
  full[2] = [g[0], g[1], (g[2] as string).replace('.', '，'), (g[3] as string).replace('.', '，')].join('，');
  put(
    'jzd-strict/decimal-comma-fullwidth.txt',
    [...jzdHead, '4,1.0,DK1,测试地块,面,,,,@', ...full].join('\n'),
  );
}
{
  // Line 9 (3rd point) carries zone 38 instead of 39.
  const mixed = [...good];
  const f = (mixed[2] as string).split(',');
  f[3] = String((Number(f[3]) - 1e6).toFixed(3));
  mixed[2] = f.join(',');
  put('jzd-strict/mixed-zone-prefix.txt', [...jzdHead, '4,1.0,DK1,测试地块,面,,,,@', ...mixed].join('\n'));
  // Line 10 (4th point) has no zone prefix while the others have 39 (and 带号=39 is declared).
  const half = [...good];
  const h = (half[3] as string).split(',');
  h[3] = String((Number(h[3]) - 39e6).toFixed(3));
  half[3] = h.join(',');
  put(
    'jzd-strict/prefixed-and-bare.txt',
    [...jzdHead.slice(0, 4), '带号=39', '[地块坐标]', '4,1.0,DK1,测试地块,面,,,,@', ...half].join('\n'),
  );
}
put(
  'jzd-strict/swapped-xy.txt',
  [
    ...jzdHead,
    '4,1.0,DK1,测试地块,面,,,,@',
    ...good.map((l) => {
      const f = l.split(',');
      return [f[0], f[1], f[3], f[2]].join(',');
    }),
  ].join('\n'),
);
{
  // Two parcels, each in its own zone (39 and 40): legitimate.
  const z40 = krugerForward(42.5, 119.6, 120);
  const p2 = jzdPts(gkSquare(40e6, z40.easting, z40.northing));
  put(
    'jzd-strict/two-parcels-two-zones.txt',
    [...jzdHead, '4,1.0,DK1,一号,面,,,,@', ...good, '4,1.0,DK2,二号,面,,,,@', ...p2].join('\n'),
  );
}

// ---------- deep-nesting
{
  const n = 20000;
  const open = '{"type":"GeometryCollection","geometries":[';
  put(
    'deep-nesting/geometrycollection-20000.geojson',
    `${open.repeat(n)}${JSON.stringify(polygon(sq()))}${']}'.repeat(n)}`,
  );
  put(
    'deep-nesting/arrays-20000.geojson',
    `{"type":"Polygon","coordinates":${'['.repeat(n)}111.7,40.8${']'.repeat(n)}}`,
  );
  put(
    'deep-nesting/properties-20000.geojson',
    `{"type":"Feature","properties":${'{"a":'.repeat(n)}1${'}'.repeat(n)},"geometry":${JSON.stringify(polygon(sq()))}}`,
  );
  // One level per line: the 101st open bracket is the “[” on line 51 (see the manifest).
  const lines = ['{"type":"FeatureCollection","features":[', '{"type":"Feature","properties":{},"geometry":'];
  for (let i = 0; i < 300; i++) lines.push(open);
  put(
    'deep-nesting/pretty-geometrycollection-300.geojson',
    `${lines.join('\n')}\n${JSON.stringify(polygon(sq()))}\n${']}\n'.repeat(300)}}]}\n`,
  );
  put(
    'deep-nesting/wkt-geometrycollection-20000.wkt',
    `${'GEOMETRYCOLLECTION('.repeat(n)}POLYGON((111.7 40.8, 111.71 40.8, 111.71 40.81, 111.7 40.8))${')'.repeat(n)}`,
  );
  const coords = sq()
    .map((p) => p.join(','))
    .join(' ');
  put(
    'deep-nesting/kml-folders-20000.kml',
    `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${'<Folder>'.repeat(n)}<Placemark><name>深</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>${'</Folder>'.repeat(n)}</Document></kml>`,
  );
  put(
    'deep-nesting/geometrycollection-3-levels.geojson',
    JSON.stringify({
      type: 'GeometryCollection',
      geometries: [
        {
          type: 'GeometryCollection',
          geometries: [{ type: 'GeometryCollection', geometries: [polygon(sq())] }],
        },
      ],
    }),
  );
}

// ---------- shapefiles (shared parts)
const lonlatShp = writeShp([{ polygons: [[sq()]], props: {} }]);
const gkShp = writeShp([{ polygons: [[gkSquare(39e6)]], props: {} }]);
const gkShpBare = writeShp([{ polygons: [[gkSquare(0)]], props: {} }]);
const dbfUtf8 = writeDbf([{ name: 'NAME', type: 'C', length: 20 }], [{ NAME: '地块' }], utf8);
const dbfGbk = writeDbf([{ name: 'NAME', type: 'C', length: 20 }], [{ NAME: '和林格尔地块' }], encodeGbk);
const shpParts = (
  shp: { shp: Uint8Array; shx: Uint8Array },
  prj?: string,
  dbf = dbfUtf8,
  base = 'parcel',
) => ({
  [`${base}.shp`]: shp.shp,
  [`${base}.shx`]: shp.shx,
  [`${base}.dbf`]: dbf,
  ...(prj ? { [`${base}.prj`]: utf8(prj) } : {}),
});

// ---------- zip-methods (archives the importer's zip library cannot read)
{
  const tmp = mkdtempSync(join(tmpdir(), 'corpus-'));
  for (const [name, bytes] of Object.entries(shpParts(lonlatShp, PRJ_WGS84)))
    writeFileSync(join(tmp, name), bytes);
  writeFileSync(join(tmp, 'readme.txt'), 'hello');
  const names = ['parcel.shp', 'parcel.shx', 'parcel.dbf', 'parcel.prj'];
  const zip = (out: string, args: string[]) => {
    const p = join(ROOT, out);
    if (existsSync(p) && !force) return;
    mkdirSync(dirname(p), { recursive: true });
    execFileSync('rm', ['-f', p]);
    execFileSync('zip', ['-q', '-X', '-j', ...args, p, ...names.map((n) => join(tmp, n))]);
    written++;
  };
  zip('zip-methods/bzip2.zip', ['-Z', 'bzip2']);
  zip('zip-methods/encrypted.zip', ['-P', 'secret']);
  const py = (out: string, code: string) => {
    const p = join(ROOT, out);
    if (existsSync(p) && !force) return;
    mkdirSync(dirname(p), { recursive: true });
    execFileSync('python3', ['-c', code, p, tmp]);
    written++;
  };
  py(
    'zip-methods/lzma.zip',
    `import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_LZMA) as z:
    for n in ${JSON.stringify(names)}: z.write(os.path.join(sys.argv[2], n), n)`,
  );
  py(
    'zip-methods/readme-bzip2-shapefile-deflate.zip',
    `import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.write(os.path.join(sys.argv[2], 'readme.txt'), 'readme.txt', compress_type=zipfile.ZIP_BZIP2)
    for n in ${JSON.stringify(names)}: z.write(os.path.join(sys.argv[2], n), n)`,
  );
  const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>P</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${sq()
    .map((p) => p.join(','))
    .join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>`;
  writeFileSync(join(tmp, 'doc.kml'), kml);
  py(
    'zip-methods/kmz-bzip2.kmz',
    `import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_BZIP2) as z:
    z.write(os.path.join(sys.argv[2], 'doc.kml'), 'doc.kml')`,
  );
  // ---------- zip-duplicates
  py(
    'zip-duplicates/same-name-twice.zip',
    `import sys, zipfile, os, warnings
warnings.simplefilter('ignore')
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for n in ${JSON.stringify(names)}: z.write(os.path.join(sys.argv[2], n), n)
    z.writestr('parcel.prj', open(os.path.join(sys.argv[2], 'parcel.prj')).read().replace('WGS_1984', 'WGS_1984 '))`,
  );
  py(
    'zip-duplicates/kmz-two-doc-kml.kmz',
    `import sys, zipfile, os, warnings
warnings.simplefilter('ignore')
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.write(os.path.join(sys.argv[2], 'doc.kml'), 'doc.kml')
    z.writestr('doc.kml', open(os.path.join(sys.argv[2], 'doc.kml')).read().replace('111.7', '111.9'))`,
  );
}
put(
  'zip-duplicates/case-differs.zip',
  zipSync({ ...shpParts(lonlatShp, PRJ_WGS84), 'PARCEL.SHP': gkShp.shp }),
);
put(
  'zip-duplicates/same-base-in-two-folders.zip',
  zipSync({
    ...shpParts(lonlatShp, PRJ_WGS84, dbfUtf8, 'a/parcel'),
    ...shpParts(lonlatShp, PRJ_WGS84, dbfUtf8, 'b/parcel'),
  }),
);

// ---------- zip-hostile
put(
  'zip-hostile/bomb-declares-1kb.zip',
  readFileSync(join(import.meta.dirname, '..', 'tests', 'unit', 'importers', 'fixtures', 'bomb.zip')),
);
put('zip-hostile/zip-slip-names.zip', zipSync(shpParts(lonlatShp, PRJ_WGS84, dbfUtf8, '../../../tmp/evil')));
put('zip-hostile/zip-in-zip.zip', zipSync({ 'inner.zip': zipSync(shpParts(lonlatShp, PRJ_WGS84)) }));
{
  const z = zipSync(shpParts(lonlatShp, PRJ_WGS84));
  const dv = new DataView(z.buffer);
  for (let i = 0; i + 46 <= z.length; i++)
    if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 0x7fffffff, true);
  put('zip-hostile/declares-2gb.zip', z);
}
put('zip-hostile/truncated.zip', zipSync(shpParts(lonlatShp, PRJ_WGS84)).slice(0, 300));

// ---------- xml-hostile
put(
  'xml-hostile/xxe-file.kml',
  `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&xxe;</name><Polygon><outerBoundaryIs><LinearRing><coordinates>111.7,40.8 111.71,40.8 111.71,40.81 111.7,40.8</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>`,
);
put(
  'xml-hostile/billion-laughs.kml',
  `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&j;</name></Placemark></kml>`,
);
put(
  'xml-hostile/gpx-closed-track.gpx',
  `<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>T</name><trkseg>${sq()
    .map((p) => `<trkpt lat="${p[1]}" lon="${p[0]}"/>`)
    .join('')}</trkseg></trk></gpx>`,
);

// ---------- shapefile-corrupt
{
  const cut = lonlatShp.shp.slice(0, 60);
  put(
    'shapefile-corrupt/shp-truncated-header.zip',
    zipSync({ ...shpParts(lonlatShp, PRJ_WGS84), 'parcel.shp': cut }),
  );
  const past = lonlatShp.shp.slice();
  new DataView(past.buffer).setInt32(104, 100000, false);
  put(
    'shapefile-corrupt/record-past-end.zip',
    zipSync({ ...shpParts(lonlatShp, PRJ_WGS84), 'parcel.shp': past }),
  );
  const nan = lonlatShp.shp.slice();
  new DataView(nan.buffer).setFloat64(100 + 8 + 44 + 4, Number.NaN, true);
  put(
    'shapefile-corrupt/nan-coordinate.zip',
    zipSync({ ...shpParts(lonlatShp, PRJ_WGS84), 'parcel.shp': nan }),
  );
  put(
    'shapefile-corrupt/dbf-garbage.zip',
    zipSync({ ...shpParts(lonlatShp, PRJ_WGS84), 'parcel.dbf': new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) }),
  );
  const noShp = shpParts(lonlatShp, PRJ_WGS84) as Record<string, Uint8Array>;
  delete noShp['parcel.shp'];
  put('shapefile-corrupt/missing-shp.zip', zipSync(noShp));
  put(
    'shapefile-corrupt/random-bytes.shp.zip',
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9, 9, 9, 9]),
  );
}

// ---------- prj-gk
put('prj-gk/gk-zone39.zip', zipSync(shpParts(gkShp, PRJ_GK39)));
put('prj-gk/gk-cm117.zip', zipSync(shpParts(gkShpBare, PRJ_GK_CM117)));
put('prj-gk/xian80.zip', zipSync(shpParts(gkShpBare, PRJ_XIAN80)));
put('prj-gk/gk-metres-no-prj.zip', zipSync(shpParts(gkShp)));

// ---------- gbk-text
put('gbk-text/jzd-gbk.txt', encodeGbk([...jzdHead, '4,1.0,DK1,和林格尔地块,面,,,,@', ...good].join('\r\n')));
put(
  'gbk-text/vertices-gbk.csv',
  encodeGbk(
    `地块名称,经度,纬度\n${sq()
      .slice(0, 4)
      .map((p) => `和林格尔,${p[0]},${p[1]}`)
      .join('\n')}\n`,
  ),
);
put(
  'gbk-text/placemark-gbk.kml',
  encodeGbk(
    `<?xml version="1.0" encoding="GBK"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>和林格尔地块</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${sq()
      .map((p) => p.join(','))
      .join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>`,
  ),
);
put('gbk-text/shp-gbk-dbf-no-cpg.zip', zipSync(shpParts(lonlatShp, PRJ_WGS84, dbfGbk)));

// ---------- geometric families (code owned by helper "geo")
put(
  'antimeridian/crosses-180.geojson',
  fc([
    feature(
      polygon([
        [179.5, 45],
        [-179.5, 45],
        [-179.5, 45.5],
        [179.5, 45.5],
        [179.5, 45],
      ]),
    ),
  ]),
);
put(
  'antimeridian/crosses-180-layer.geojson',
  fc([
    feature(
      polygon([
        [179.5, 45],
        [-179.5, 45],
        [-179.5, 45.5],
        [179.5, 45.5],
        [179.5, 45],
      ]),
    ),
  ]),
);
put(
  'whole-world/whole-world.geojson',
  fc([
    feature(
      polygon([
        [-180, -90],
        [180, -90],
        [180, 90],
        [-180, 90],
        [-180, -90],
      ]),
    ),
  ]),
);
put(
  'collinear-sliver/collinear-as-written.geojson',
  fc([
    feature(
      polygon([
        [111.1, 40.1],
        [111.3, 40.3],
        [111.2, 40.2],
        [111.1, 40.1],
      ]),
    ),
  ]),
);
put(
  'first-vertex-on-edge/starts-mid-edge.geojson',
  fc([
    feature(
      polygon([
        [111.705, 40.8],
        [111.71, 40.8],
        [111.71, 40.81],
        [111.7, 40.81],
        [111.7, 40.8],
        [111.705, 40.8],
      ]),
    ),
  ]),
);
{
  // 10,000 separate parts: a 100 × 100 grid of 0.001° squares with 0.001° gaps.
  const parts: Ring[][] = [];
  for (let i = 0; i < 100; i++)
    for (let j = 0; j < 100; j++) parts.push([sq(111 + i * 0.002, 40 + j * 0.002, 0.001)]);
  put(
    'many-parts/multipolygon-10000-parts.geojson',
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({
          type: 'MultiPolygon',
          coordinates: parts.map((p) =>
            p.map((r) =>
              r.map(([x, y]) => [Number((x as number).toFixed(3)), Number((y as number).toFixed(3))]),
            ),
          ),
        }),
      ],
    }),
  );
}

console.log(`${written} file(s) written under ${ROOT}${force ? ' (--force)' : ''}`);
