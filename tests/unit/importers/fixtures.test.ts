import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  type ImportResult,
  importBoundary,
  importBoundarySync,
  importFiles,
} from '../../../web/domain/importers/index.ts';
import { PARCEL_HOLE, PARCEL_NAME, PARCEL_OUTER, PARCEL_PART2, shiftTo117 } from './fixture-data.ts';
import { codes, expectFail, expectOk } from './helpers.ts';

const dir = join(import.meta.dirname, 'fixtures');
const load = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
const opts = { source: 'wgs84' as const, domParser: DOMParser };

/** Every vertex of `ring` matches a vertex of `expected` within tol, and the vertex counts agree. */
function sameRing(ring: Position[] | undefined, expected: number[][], tol = 1e-9): void {
  expect(ring).toBeDefined();
  expect(ring?.length).toBe(expected.length);
  for (const p of ring ?? []) {
    const hit = expected.some(
      ([x, y]) => Math.abs((p[0] ?? 0) - (x ?? 0)) <= tol && Math.abs((p[1] ?? 0) - (y ?? 0)) <= tol,
    );
    expect(hit, `vertex ${p.join(',')}`).toBe(true);
  }
}

function allPolygons(r: Extract<ImportResult, { ok: true }>): Position[][][] {
  return r.features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
}

function expectParcel(r: Extract<ImportResult, { ok: true }>, tol = 1e-9, shift = false): void {
  const polys = allPolygons(r);
  const t = (x: number[][]) => (shift ? shiftTo117(x) : x);
  expect(polys).toHaveLength(2);
  sameRing(polys[0]?.[0], t(PARCEL_OUTER), tol);
  sameRing(polys[0]?.[1], t(PARCEL_HOLE), tol);
  sameRing(polys[1]?.[0], t(PARCEL_PART2), tol);
}

describe('fixtures: every format reads the known parcel', () => {
  it('GeoJSON (UTF-8)', () => {
    const r = expectOk(importBoundarySync(load('boundary-utf8.geojson'), opts));
    expectParcel(r);
    expect(r.features[0]?.properties.name).toBe(PARCEL_NAME);
    expect(r.encoding).toBe('utf-8');
  });

  for (const f of ['boundary-utf8.kml', 'boundary-gbk.kml', 'boundary.kmz']) {
    it(`KML/KMZ ${f}: polygon with hole and second part; the point is skipped with a warning`, () => {
      const r = expectOk(importBoundarySync(load(f), opts));
      expectParcel(r);
      expect(r.features[0]?.properties.name).toBe(PARCEL_NAME);
      expect(codes(r.warnings)).toContain('features-skipped');
      if (f.includes('gbk')) expect(r.encoding).toBe('gb18030');
    });
  }

  it('GPX closed track becomes a polygon', () => {
    const r = expectOk(importBoundarySync(load('track.gpx'), opts));
    sameRing(allPolygons(r)[0]?.[0], PARCEL_OUTER);
    expect(r.features[0]?.properties.name).toBe(PARCEL_NAME);
  });

  it('KML without an injected parser is read with @xmldom/xmldom, never a global DOMParser', () => {
    const g = globalThis as { DOMParser?: unknown };
    g.DOMParser = class {
      constructor() {
        throw new Error('the global DOMParser was used');
      }
    };
    try {
      const r = expectOk(importBoundarySync(load('boundary-utf8.kml'), { source: 'wgs84' }));
      expect(r.features[0]?.properties.name).toBe(PARCEL_NAME);
    } finally {
      delete g.DOMParser;
    }
  });

  it('refuses entity declarations before any parser sees them, even an injected one that would expand them', () => {
    let parsed = 0;
    class Expanding {
      parseFromString(text: string, type: string) {
        parsed++;
        return new DOMParser().parseFromString(text.replace(/<!DOCTYPE[^\]]*\]>/, ''), type);
      }
    }
    const kml = new TextDecoder()
      .decode(load('boundary-utf8.kml').bytes)
      .replace('<kml', '<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><kml');
    const r = importBoundarySync(
      { name: 'xxe.kml', bytes: new TextEncoder().encode(kml) },
      {
        source: 'wgs84',
        domParser: Expanding as unknown as typeof DOMParser,
      },
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((m) => m.code)).toEqual(['xml-entities']);
    expect(parsed).toBe(0);
  });

  for (const f of ['vertices-utf8.csv', 'vertices-gbk.csv']) {
    it(`CSV vertex list ${f} (Chinese headers, ring numbers)`, () => {
      const r = expectOk(importBoundarySync(load(f), opts));
      const polys = allPolygons(r);
      sameRing(polys[0]?.[0], PARCEL_OUTER);
      sameRing(polys[0]?.[1], PARCEL_HOLE);
      expect(r.features[0]?.properties.地块名称).toBe(PARCEL_NAME);
    });
  }

  it('CSV with a WKT column in GBK', () => {
    const r = expectOk(importBoundarySync(load('wkt-gbk.csv'), opts));
    expectParcel(r);
    expect(r.features[0]?.properties.名称).toBe(PARCEL_NAME);
    expect(r.encoding).toBe('gb18030');
    expect(codes(r.warnings)).toContain('encoding-gb18030');
  });

  it('WKT file and lat,lon pasted text', () => {
    const w = expectOk(importBoundarySync(load('boundary.wkt'), opts));
    sameRing(allPolygons(w)[0]?.[1], PARCEL_HOLE);
    const c = expectOk(importBoundarySync(load('coords-latlon.txt'), opts));
    sameRing(allPolygons(c)[0]?.[0], PARCEL_OUTER);
  });

  for (const f of ['jzd-utf8.txt', 'jzd-gbk.txt']) {
    it(`界址点 ${f}: two parcels, hole, zone 37 (to 1 mm ≈ 1e-8°)`, () => {
      const r = expectOk(importBoundarySync(load(f), opts));
      expect(r.format).toBe('jzd-txt');
      expectParcel(r, 2e-8);
      expect(r.features.map((x) => x.properties.地块编号)).toEqual(['DK1', 'DK2']);
      expect(r.features[0]?.properties.地块名称).toBe(PARCEL_NAME);
    });
  }

  for (const f of ['shp-utf8-cpg.zip', 'shp-gbk-cpg.zip', 'shp-gbk-nocpg.zip']) {
    it(`Shapefile ${f}: rings by containment, attributes decoded`, () => {
      const r = expectOk(importBoundarySync(load(f), opts));
      expect(r.format).toBe('shapefile-zip');
      expectParcel(r);
      expect(r.features[0]?.properties).toMatchObject({ NAME: PARCEL_NAME, 用途: '光伏', AREA_HA: 4.12 });
    });
  }

  it('Shapefile in CGCS2000 GK zone 39 is reprojected from its .prj', () => {
    const r = expectOk(importBoundarySync(load('shp-gk39.zip'), opts));
    expectParcel(r, 2e-8, true);
    expect(r.crs).toMatch(/GK_Zone_39/);
  });

  it('refuses Xian 80, missing .dbf and point shapefiles with their own messages', () => {
    const x = expectFail(importBoundarySync(load('shp-xian80.zip'), opts));
    expect(codes(x.errors)).toEqual(['crs-unsupported-datum']);
    expect(x.errors[0]?.zh).toMatch(/西安80/);
    const d = expectFail(importBoundarySync(load('shp-missing-dbf.zip'), opts));
    expect(codes(d.errors)).toEqual(['zip-missing-part']);
    expect(d.errors[0]?.en).toMatch(/boundary.*\.dbf/);
    const p = expectFail(importBoundarySync(load('shp-points.zip'), opts));
    expect(codes(p.errors)).toEqual(['geometry-unsupported']);
  });

  it('a zip bomb (400 MB of zeros declaring 1 kB) is stopped when it exceeds its declared size', () => {
    const r = expectFail(importBoundarySync(load('bomb.zip'), opts));
    expect(codes(r.errors)).toEqual(['zip-invalid']);
    expect(r.errors[0]?.en).toMatch(/bomb\.geojson.*declared size/);
  });

  it('a File-like object over the limit is refused without being read', async () => {
    let read = false;
    const huge = {
      name: 'huge.geojson',
      size: 100 * 1024 * 1024,
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    };
    const r = expectFail(await importBoundary(huge, opts));
    expect(read).toBe(false);
    expect(codes(r.errors)).toEqual(['file-too-large']);
    expect(r.errors[0]?.en).toContain('limit is 20 MB');
    const small = {
      name: 'b.geojson',
      size: 10,
      arrayBuffer: async () => load('boundary-utf8.geojson').bytes.slice().buffer,
    };
    expectOk(await importBoundary(small, opts));
  });
});

describe('several files dropped together', () => {
  it('reads loose Shapefile parts as one Shapefile and other files on their own', async () => {
    const { unzipSync } = await import('fflate');
    const entries = unzipSync(load('shp-gbk-cpg.zip').bytes);
    const loose = Object.entries(entries).map(([k, v]) => ({ name: k.split('/').pop() as string, bytes: v }));
    const out = await importFiles([...loose, load('boundary.wkt')], opts);
    expect(out.map((o) => o.name)).toEqual(['boundary.shp', 'boundary.wkt']);
    const shp = out[0]?.result;
    if (!shp?.ok) throw new Error('shapefile parts failed');
    expectParcel(shp);
    expect(shp.features[0]?.properties.NAME).toBe(PARCEL_NAME);
    const noDbf = await importFiles(
      loose.filter((l) => !l.name.endsWith('.dbf')),
      opts,
    );
    const r = noDbf[0]?.result;
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(codes(r.errors)).toEqual(['zip-missing-part']);
  });
});

describe('browser File objects', () => {
  it('a File with text() and bytes() methods is read by value types, and refused by size first', async () => {
    const data = load('jzd-gbk.txt').bytes;
    let reads = 0;
    const fileLike = (size: number) => ({
      name: 'jzd-gbk.txt',
      size,
      arrayBuffer: async () => {
        reads++;
        return data.slice().buffer;
      },
      bytes: async () => data,
      text: async () => 'wrongly decoded',
    });
    const ok = expectOk(await importBoundary(fileLike(data.length) as never, opts));
    expect(ok.features).toHaveLength(2);
    expect(ok.encoding).toBe('gb18030');
    expect(reads).toBe(1);
    const big = expectFail(await importBoundary(fileLike(100 * 1024 * 1024) as never, opts));
    expect(codes(big.errors)).toEqual(['file-too-large']);
    expect(reads).toBe(1);
  });

  it('a real Node File works too', async () => {
    const f = new File([load('boundary-utf8.geojson').bytes], '地块.geojson');
    expectParcel(expectOk(await importBoundary(f, opts)));
  });
});
