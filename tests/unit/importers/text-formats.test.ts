import { describe, expect, it } from 'vitest';
import { wgs84ToBd09, wgs84ToGcj02 } from '../../../web/domain/importers/datum.ts';
import { importBoundarySync } from '../../../web/domain/importers/index.ts';
import { signedArea } from '../../../web/domain/importers/rings.ts';
import { squareRing } from '../shapes.ts';
import { codes, expectClose, expectFail, expectOk, krugerForward, outerRing } from './helpers.ts';

const square = (x: number, y: number, d = 0.01) => squareRing(x, y, d);
const wgs = { source: 'wgs84' } as const;

describe('GeoJSON', () => {
  it("keeps each feature's own GeoJSON id (string or number) through reprojection-free and GCJ-02 paths", () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'HB-0042',
          properties: {},
          geometry: { type: 'Polygon', coordinates: [square(111, 40)] },
        },
        {
          type: 'Feature',
          id: 7,
          properties: {},
          geometry: { type: 'Polygon', coordinates: [square(111.1, 40)] },
        },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(111.2, 40)] } },
      ],
    };
    const bytes = new TextEncoder().encode(JSON.stringify(fc));
    for (const source of ['wgs84', 'gcj02'] as const) {
      const r = expectOk(importBoundarySync({ name: 'ids.geojson', bytes }, { source }));
      expect(r.features.map((f) => f.id)).toEqual(['HB-0042', 7, undefined]);
      if (source === 'gcj02') expect(r.original?.map((f) => f.id)).toEqual(['HB-0042', 7, undefined]);
    }
  });

  it('keeps multi-part parcels and holes, winds them RFC 7946 and keeps properties verbatim', () => {
    const hole = [
      [111.002, 40.002],
      [111.002, 40.004],
      [111.004, 40.004],
      [111.004, 40.002],
      [111.002, 40.002],
    ];
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '<img src=x onerror=alert(1)>', '<b>key</b>': 'v' },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [[[...square(111, 40)].reverse(), hole], [square(111.5, 40.5)]],
          },
        },
      ],
    };
    const r = expectOk(importBoundarySync({ name: 'p.geojson', text: JSON.stringify(fc) }, wgs));
    const g = r.features[0]?.geometry;
    expect(g?.type).toBe('MultiPolygon');
    if (g?.type !== 'MultiPolygon') return;
    expect(g.coordinates).toHaveLength(2);
    expect(g.coordinates[0]).toHaveLength(2);
    expect(signedArea(g.coordinates[0]?.[0] ?? [])).toBeGreaterThan(0);
    expect(signedArea(g.coordinates[0]?.[1] ?? [])).toBeLessThan(0);
    expect(r.features[0]?.properties).toEqual({ name: '<img src=x onerror=alert(1)>', '<b>key</b>': 'v' });
    expect(r.original).toBeUndefined();
  });

  it('accepts a bare geometry and a closed LineString', () => {
    expectOk(
      importBoundarySync(
        { name: 'g.json', text: JSON.stringify({ type: 'Polygon', coordinates: [square(110, 41)] }) },
        wgs,
      ),
    );
    const r = expectOk(
      importBoundarySync(
        { name: 'l.json', text: JSON.stringify({ type: 'LineString', coordinates: square(110, 41) }) },
        wgs,
      ),
    );
    expect(r.features[0]?.geometry.type).toBe('Polygon');
  });

  it('reads an EPSG:4527 (GK zone 39, prefixed) crs member', () => {
    const p = (lat: number, lon: number) => {
      const { easting, northing } = krugerForward(lat, lon, 117);
      return [39e6 + easting, northing];
    };
    const ring = [p(42, 117), p(42, 117.01), p(42.01, 117.01), p(42.01, 117), p(42, 117)];
    const doc = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4527' } },
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
    };
    const r = expectOk(importBoundarySync({ name: 'gk.geojson', text: JSON.stringify(doc) }, wgs));
    const first = outerRing(r)[0] ?? [];
    expectClose(first[0] ?? 0, 117, 1e-8);
    expectClose(first[1] ?? 0, 42, 1e-8);
  });

  it('converts GCJ-02 and BD-09 input and returns the original outline too', () => {
    const truth = square(111.7, 40.8);
    for (const [source, fwd] of [
      ['gcj02', wgs84ToGcj02],
      ['bd09', wgs84ToBd09],
    ] as const) {
      const shifted = truth.map(([x, y]) => fwd(x as number, y as number));
      const r = expectOk(
        importBoundarySync(
          { name: 's.geojson', text: JSON.stringify({ type: 'Polygon', coordinates: [shifted] }) },
          { source },
        ),
      );
      const got = outerRing(r);
      const orig = r.original?.[0]?.geometry;
      expect(orig?.type).toBe('Polygon');
      // Shifted by hundreds of metres, converted back to within centimetres.
      const tol = source === 'gcj02' ? 1e-7 : 3e-6;
      for (const p of got) {
        const match = truth.some(
          ([x, y]) =>
            Math.abs((p[0] ?? 0) - (x as number)) < tol && Math.abs((p[1] ?? 0) - (y as number)) < tol,
        );
        expect(match).toBe(true);
      }
      expect(codes(r.warnings)).toContain('datum-converted');
    }
  });
});

describe('WKT', () => {
  it('reads POLYGON, MULTIPOLYGON with holes, Z values and EWKT SRID', () => {
    const r = expectOk(
      importBoundarySync(
        {
          name: 'a.wkt',
          text: 'MULTIPOLYGON Z (((111 40 1, 111.1 40 1, 111.1 40.1 1, 111 40.1 1, 111 40 1),(111.02 40.02 0, 111.02 40.05 0, 111.05 40.05 0, 111.02 40.02 0)),((112 41 0, 112.1 41 0, 112 41.1 0, 112 41 0)))\nSRID=4490;POLYGON((110 40, 110.1 40, 110.1 40.1, 110 40))',
        },
        wgs,
      ),
    );
    expect(r.features).toHaveLength(2);
    const g = r.features[0]?.geometry;
    expect(g?.type === 'MultiPolygon' && g.coordinates[0]?.length).toBe(2);
  });
});

describe('CSV', () => {
  it('reads a WKT column with quoted commas and other columns as properties', () => {
    const text =
      'name,wkt,note\n"地块 A","POLYGON((111 40, 111.1 40, 111.1 40.1, 111 40))","a, ""quoted"" note"\n';
    const r = expectOk(importBoundarySync({ name: 'w.csv', text }, wgs));
    expect(r.features[0]?.properties).toEqual({ name: '地块 A', note: 'a, "quoted" note' });
  });

  it('reads lon/lat vertex lists grouped by parcel and ring number (圈号), Chinese headers', () => {
    const text = [
      '地块编号,圈号,经度,纬度',
      'A,1,111.0,40.0',
      'A,1,111.1,40.0',
      'A,1,111.1,40.1',
      'A,1,111.0,40.1',
      'A,2,111.02,40.02',
      'A,2,111.02,40.05',
      'A,2,111.05,40.05',
      'B,1,112.0,41.0',
      'B,1,112.1,41.0',
      'B,1,112.0,41.1',
    ].join('\r\n');
    const r = expectOk(importBoundarySync({ name: 'v.csv', text }, wgs));
    expect(r.features).toHaveLength(2);
    const a = r.features[0]?.geometry;
    expect(a?.type).toBe('Polygon');
    expect(a?.type === 'Polygon' && a.coordinates.length).toBe(2);
    expect(r.features[1]?.properties.地块编号).toBe('B');
  });
});

describe('pasted coordinates', () => {
  it('detects lat,lon order when unambiguous and closes the ring', () => {
    const r = expectOk(
      importBoundarySync({ name: '粘贴', text: '40.8, 111.7\n40.8, 111.8\n40.9, 111.8\n40.9, 111.7' }, wgs),
    );
    expect(outerRing(r)).toHaveLength(5);
    expect(outerRing(r).every((p) => (p[0] ?? 0) > 100)).toBe(true);
    expect(codes(r.warnings)).toContain('coordinates-order-detected');
  });

  it('reads many pairs on one line and labels; warns when order is ambiguous', () => {
    const r = expectOk(
      importBoundarySync({ name: 'p', text: 'J1 111.7 40.8; J2 111.8 40.8; J3 111.8 40.9' }, wgs),
    );
    expect(outerRing(r)).toHaveLength(4);
    const amb = importBoundarySync(
      { name: 'p', text: '10 20\n10.1 20\n10.1 20.1' },
      { source: 'wgs84', regionCheck: 'off' },
    );
    expect(codes(expectOk(amb).warnings)).toContain('coordinates-order-ambiguous');
  });

  it('treats a ring inside another as a hole (blank line separates rings)', () => {
    const text = '111 40\n111.1 40\n111.1 40.1\n111 40.1\n\n111.02 40.02\n111.05 40.02\n111.05 40.05\n';
    const r = expectOk(importBoundarySync({ name: 'p', text }, wgs));
    const g = r.features[0]?.geometry;
    expect(g?.type === 'Polygon' && g.coordinates.length).toBe(2);
  });

  it('refuses projected metres in a lon/lat file, suggesting the GK option, and accepts them with it', () => {
    const { easting, northing } = krugerForward(40.8, 111.7, 111);
    const text = [0, 100, 100, 0]
      .map((d, i) => `${(37e6 + easting + d).toFixed(3)} ${(northing + (i > 1 ? 100 : 0)).toFixed(3)}`)
      .join('\n');
    const bad = expectFail(importBoundarySync({ name: 'm.txt', text }, wgs));
    expect(codes(bad.errors)).toEqual(['projected-in-lonlat']);
    expect(bad.errors[0]?.en).toMatch(/界址点|Gauss/);
    const ok = expectOk(importBoundarySync({ name: 'm.txt', text }, { source: 'wgs84', gaussKruger: {} }));
    expectClose(outerRing(ok)[0]?.[0] ?? 0, 111.7, 1e-8);
    // Chinese X,Y order (northing first) is recognised too.
    const swapped = text
      .split('\n')
      .map((l) => l.split(' ').reverse().join(' '))
      .join('\n');
    const ok2 = expectOk(
      importBoundarySync({ name: 'm.txt', text: swapped }, { source: 'wgs84', gaussKruger: {} }),
    );
    expectClose(outerRing(ok2)[0]?.[1] ?? 0, 40.8, 1e-8);
  });
});

describe('界址点 TXT', () => {
  const pt = (lat: number, lon: number, zone: number, prefix: boolean) => {
    const { easting, northing } = krugerForward(lat, lon, 3 * zone);
    return { x: northing.toFixed(3), y: (prefix ? zone * 1e6 + easting : easting).toFixed(3) };
  };
  const file = (prefix: boolean, zoneLine: string) => {
    const z = 39;
    const P = (name: string, ring: number, lat: number, lon: number) => {
      const p = pt(lat, lon, z, prefix);
      return `${name},${ring},${p.x},${p.y}`;
    };
    return [
      '[属性描述]',
      '坐标系=2000国家大地坐标系',
      '几度分带=3',
      '投影类型=高斯克吕格',
      '计量单位=米',
      zoneLine,
      '精度=0.001',
      '转换参数=,,,,,,',
      '[地块坐标]',
      '9,12.5,J2,项目用地一,面,K50G001001,,,@',
      P('J1', 1, 42.0, 117.0),
      P('J2', 1, 42.0, 117.02),
      P('J3', 1, 42.02, 117.02),
      P('J4', 1, 42.02, 117.0),
      P('J1', 1, 42.0, 117.0),
      P('J5', 2, 42.005, 117.005),
      P('J6', 2, 42.01, 117.005),
      P('J7', 2, 42.01, 117.01),
      P('J5', 2, 42.005, 117.005),
      '4,3.1,J3,项目用地二,面,K50G001001,,,@',
      P('J1', 1, 42.1, 117.1),
      P('J2', 1, 42.1, 117.11),
      P('J3', 1, 42.11, 117.11),
      P('J1', 1, 42.1, 117.1),
    ].join('\r\n');
  };

  it('reads several parcels, holes, zone-prefixed eastings; X is the northing', () => {
    const r = expectOk(importBoundarySync({ name: '界址点.txt', text: file(true, '带号=39') }, wgs));
    expect(r.format).toBe('jzd-txt');
    expect(r.features).toHaveLength(2);
    const g = r.features[0]?.geometry;
    expect(g?.type === 'Polygon' && g.coordinates.length).toBe(2);
    expect(r.features[0]?.properties.地块编号).toBe('J2');
    expect(r.features[0]?.properties.地块名称).toBe('项目用地一');
    const xs = outerRing(r).map((p) => p[0] ?? 0);
    const ys = outerRing(r).map((p) => p[1] ?? 0);
    expectClose(Math.min(...xs), 117.0, 1e-8);
    expectClose(Math.max(...xs), 117.02, 1e-8);
    expectClose(Math.min(...ys), 42.0, 1e-8);
    expectClose(Math.max(...ys), 42.02, 1e-8);
    expect(r.crs).toMatch(/zone 39/);
  });

  it('reads eastings without prefix using 带号, and asks for the zone when it is missing', () => {
    const r = expectOk(importBoundarySync({ name: 'a.txt', text: file(false, '带号=39') }, wgs));
    expectClose(Math.min(...outerRing(r).map((p) => p[0] ?? 0)), 117.0, 1e-8);
    const f = expectFail(importBoundarySync({ name: 'a.txt', text: file(false, '带号=') }, wgs));
    expect(codes(f.errors)).toEqual(['jzd-zone-missing']);
    const z = expectOk(
      importBoundarySync(
        { name: 'a.txt', text: file(false, '带号=') },
        { source: 'wgs84', gaussKruger: { zone: 39 } },
      ),
    );
    expect(z.features).toHaveLength(2);
  });

  it('ignores a GCJ-02 source for projected coordinates, with a warning', () => {
    const r = expectOk(
      importBoundarySync({ name: 'a.txt', text: file(true, '带号=39') }, { source: 'gcj02' }),
    );
    expect(r.original).toBeUndefined();
    expect(codes(r.warnings)).toContain('crs-ignored-source');
  });

  it('reads bare point lines without headers (zone from the prefix)', () => {
    const body = file(true, '带号=39')
      .split('\r\n')
      .filter((l) => /^J\d/.test(l))
      .slice(0, 5)
      .join('\n');
    const r = expectOk(importBoundarySync({ name: 'points.txt', text: body }, wgs));
    expect(r.format).toBe('jzd-txt');
    expectClose(Math.max(...outerRing(r).map((p) => p[0] ?? 0)), 117.02, 1e-8);
  });
});
