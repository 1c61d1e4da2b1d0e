import * as geographiclibNs from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { CGCS2000 } from '../../../web/domain/geo/ellipsoid.ts';
import { makeInverseS12 } from '../../../web/domain/geo/geodesic-s12.ts';

type GeographicLib = typeof geographiclibNs;
const GL: GeographicLib =
  (geographiclibNs as unknown as { default?: GeographicLib }).default ?? (geographiclibNs as GeographicLib);

type Edge = readonly [lat1: number, lon1: number, lat2: number, lon2: number];

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Edges that differ from the library (Object.is on S12), at most `keep` of them, and how many were compared. */
function compare(a: number, f: number, edges: Iterable<Edge>, keep = 10) {
  const lib = new GL.Geodesic.Geodesic(a, f);
  const s12 = makeInverseS12(a, f);
  const differing: { edge: Edge; library: number | undefined; port: number }[] = [];
  let compared = 0;
  for (const edge of edges) {
    const library = lib.Inverse(edge[0], edge[1], edge[2], edge[3], GL.Geodesic.AREA).S12;
    const port = s12(edge[0], edge[1], edge[2], edge[3]);
    compared++;
    if (!Object.is(port, library) && differing.length < keep) differing.push({ edge, library, port });
  }
  return { compared, differing };
}

/** From (lat, lon), roughly `metres` along azimuth `az` (radians): a local flat-earth offset. */
function offset(lat: number, lon: number, metres: number, az: number): Edge {
  const dLat = (metres * Math.cos(az)) / 111_320;
  const dLon = (metres * Math.sin(az)) / (111_320 * Math.max(Math.cos((lat * Math.PI) / 180), 1e-9));
  return [lat, lon, Math.max(-90, Math.min(90, lat + dLat)), lon + dLon];
}

function* chinaShortEdges(n: number, seed: number): Generator<Edge> {
  const rnd = mulberry32(seed);
  for (let i = 0; i < n; i++) {
    const lat = 3 + 51 * rnd();
    const lon = 73 + 63 * rnd();
    yield offset(lat, lon, Math.exp(Math.log(5000) * rnd()), 2 * Math.PI * rnd());
  }
}

function* globalEdges(n: number, seed: number): Generator<Edge> {
  const rnd = mulberry32(seed);
  const lat = () => (Math.asin(2 * rnd() - 1) * 180) / Math.PI;
  for (let i = 0; i < n; i++) {
    const lat1 = lat();
    const lon1 = 360 * rnd() - 180;
    switch (i % 4) {
      case 0: // any two points
        yield [lat1, lon1, lat(), 360 * rnd() - 180];
        break;
      case 1: // any length from 1 m to ~10,000 km, any direction
        yield offset(lat1, lon1, Math.exp(Math.log(1e7) * rnd()), 2 * Math.PI * rnd());
        break;
      case 2: // nearly antipodal
        yield [lat1, lon1, -lat1 + (rnd() - 0.5) * 2, lon1 + 180 + (rnd() - 0.5) * 4];
        break;
      default: // 1 mm – 100 km, near the poles, the equator or the antimeridian, or anywhere
        yield offset(
          [89.9 + 0.1 * rnd(), -89.9 - 0.1 * rnd(), (rnd() - 0.5) * 1e-3, lat1][(i % 16) >> 2] as number,
          i % 3 === 0 ? 180 - rnd() * 1e-3 : lon1,
          Math.exp(Math.log(1e8) * rnd()) / 1000,
          2 * Math.PI * rnd(),
        );
    }
  }
}

const eps = Number.EPSILON;

const SPECIAL: readonly Edge[] = [
  // identical points
  [0, 0, 0, 0],
  [-0, 0, -0, 0],
  [41.5, 110.25, 41.5, 110.25],
  [20.001, 0, 20.001, 0],
  [90, 0, 90, 0],
  [-90, 45, -90, 45],
  [90, 0, 90, 180],
  // on the equator: both, one
  [0, 0, 0, 1],
  [0, 100, 0, 100.00001],
  [0, 0, 0, 90],
  [0, 0, 0, 179],
  [0, 0, 0, 179.5],
  [0, 0, 0, 180],
  [0, 0, 0, -180],
  [-0, 0, -0, 180],
  [0, 0, -0, -180],
  [-0, 0, -0, -180],
  [0, 0, 1, 180],
  [0, 0, 0.5, 180],
  [0, 100, 10, 110],
  [10, 100, 0, 110],
  [0, 120, -3, 121],
  [-3, 121, 0, 120],
  // latitude exactly 0 with tiny differences
  [0, 0, 1e-10, 1e-10],
  [0, 0, 0, 1e-15],
  [0, 0, 1e-300, 1],
  [1e-300, 0, -1e-300, 1],
  [0, 100, -1e-20, 100.0001],
  [eps / 64, 0, -eps / 64, 10],
  [eps / 32, 0, 0, 10],
  [0, 0, 0, eps],
  [0, 0, 0, -eps],
  [0, 179.9, 0, -179.9],
  // one meridian: the same longitude, longitudes 180° apart
  [10, 100, 40, 100],
  [-30, 100, 50, 100],
  [40, 100, 10, 100],
  [10, 100, 40, -80],
  [10, 0, -10, 180],
  [89, 0, -89, 180],
  [45, 0, -45, 180],
  [30, 0, 30, 180],
  [-60, 20, 70, -160],
  // poles and near-poles
  [90, 0, -90, 0],
  [90, 0, 0, 0],
  [-90, 0, 45, 30],
  [90, 10, 89.99, 100],
  [89.9999999, 0, 89.9999999, 180],
  [89.99999, 10, 89.99999, 100],
  [-89.999999999, 0, -89.999999999, 90],
  [90 - eps * 64, 0, 90 - eps * 64, 120],
  // across the antimeridian
  [40, 179.9, 40, -179.9],
  [-10, -179.9, -10.1, 179.95],
  [53, 180, 53.001, -179.999],
  [10, -180, 10.5, 180],
  // nearly antipodal (the library's 21-digit literals written as the doubles they round to)
  [0, 0, 0.5, 179.5],
  [-30, 0, 29.9, 179.8],
  [27.2, 0, -27.1, 179.5],
  [45, 0, -45, 179.572719],
  [5, 0.00000000000001, 10, 180],
  [30, -0.000000000000000001, -31, 180],
  [-5, -0.000000000000002, -10, 180],
  [0.07476, 0, -0.07476, 180],
  [0.1, 0, -0.1, 180],
  [88.202499451857, 0, -88.202499451857, 179.98102203299285],
  [89.262080389218, 0, -89.262080389218, 179.99220798277537],
  [89.333123580033, 0, -89.333123580033, 179.99295812360148],
  [56.320923501171, 0, -56.320923501171, 179.6647476717729],
  [52.784459512564, 0, -52.78445951256399, 179.6344074649438],
  [48.522876735459, 0, -48.522876735458986, 179.59972045622308],
  // the rest of the library's Inverse tests (geodesictest.js, signtest.js)
  [40.6, -73.8, 49.01666667, 2.55],
  [36.493349428792, 0, 36.49334942879201, 0.0000008],
  [0, 0, -10, 160],
  [1, 2, 3, 4],
  [0, 539, 0, 181],
  [54.1589, 15.3872, 54.1591, 15.3877],
  [-(41 + 19 / 60), 174 + 49 / 60, 40 + 58 / 60, -(5 + 30 / 60)],
  [0, 0, 1e-6, 1e-6],
  [37.757540000000006, -122.47018, 37.75754, -122.470177],
  [0, 0, 60.0832522871723, 89.8492185074635],
  [2, 1, 3, 3],
  [1, 2, 3, 3],
  [9, -0.00000000000001, 9, 180],
  [9, 0.00000000000001, 9, 0],
  [66.562222222, 0, 66.562222222, 180],
  [66.562222222, -0, 66.562222222, -180],
  [89, -360, 89, -240],
  [89, 0.1, 89, 90.1],
  [89, 90.1, 89, -179.9],
  [-89, 0, -89, 90],
  [0, -1, -1, 0],
  // exact ±30°, ±45° arguments of sincosd
  [30, 0, 60, 30],
  [-45, 45, 45, -45],
  [30, 30, -30, -150],
  // longitudes outside [-180, 180]
  [10, 370, 20, -540],
  [30, 720, 30, -720.5],
  [-20, -540, -21, 900],
  [40, 1e20, 41, 1e20],
  [40, 1e20, 41, -1e20],
  [0, 3600.5, 0.25, -3600],
  // latitude beyond ±90 (NaN in the library), NaN and infinite inputs
  [91, 0, 0, 0],
  [0, 0, -90.0000001, 10],
  [Number.NaN, 0, 0, 90],
  [Number.NaN, 0, 90, 9],
  [0, 0, Number.NaN, 90],
  [0, 0, 1, Number.NaN],
  [0, Number.NaN, 1, 1],
  [Number.NaN, Number.NaN, Number.NaN, Number.NaN],
  [0, Number.POSITIVE_INFINITY, 1, 1],
  [0, 0, 1, Number.NEGATIVE_INFINITY],
  [Number.POSITIVE_INFINITY, 0, 1, 1],
];

// geodesictest.js testcases: lat1, lon1, lat2, lon2
const LIBRARY_TESTCASES: readonly Edge[] = [
  [35.60777, -139.44815, -11.17491, -69.95921],
  [55.52454, 106.05087, 77.03196, 197.18234],
  [-21.97856, 142.59065, 41.84138, 98.56635],
  [-66.99028, 112.2363, -12.70631, 285.90344],
  [-17.42761, 173.34268, -15.84784, 5.93557],
  [32.84994, 48.28919, -56.28556, 202.29132],
  [6.96833, 52.74123, -7.39675, 206.17291],
  [-50.56724, -16.30485, -33.56571, -94.97412],
  [-58.93002, -8.90775, -8.91104, 133.13503],
  [-68.82867, -74.28391, -50.63005, -8.36685],
  [-10.62672, -32.0898, 5.883, -134.31681],
  [-21.76221, 166.90563, 48.72884, 213.97627],
  [-19.79938, -174.47484, -11.99349, -154.35109],
  [-11.95887, -116.94513, 4.57352, 7.16501],
  [-87.85331, 85.66836, 66.48646, 16.09921],
  [1.74708, 128.32011, -11.16617, 11.87109],
  [-25.72959, -144.90758, -57.70581, -269.17879],
  [-41.22777, 122.32875, -7.57291, 130.37946],
  [11.01307, 138.25278, 6.62726, 247.05981],
  [-29.47124, 95.14681, -27.46601, -69.15955],
];

/** Each edge both ways and mirrored in latitude and longitude, to reach every swapp/latsign/lonsign. */
function* symmetric(edges: readonly Edge[]): Generator<Edge> {
  for (const [lat1, lon1, lat2, lon2] of edges) {
    yield [lat1, lon1, lat2, lon2];
    yield [lat2, lon2, lat1, lon1];
    yield [-lat1, lon1, -lat2, lon2];
    yield [lat1, -lon1, lat2, -lon2];
    yield [-lat2, -lon2, -lat1, -lon1];
  }
}

const ELLIPSOIDS: readonly (readonly [name: string, a: number, f: number])[] = [
  ['CGCS2000', CGCS2000.a, CGCS2000.f],
  ['WGS84', 6378137, 1 / 298.257223563],
  ['sphere', 6.4e6, 0],
  ['prolate 1/150', 6.4e6, -1 / 150],
  ['prolate 1/300', 6.4e6, -1 / 300],
  ['very prolate (89.8, -1.83)', 89.8, -1.83],
  ['very prolate (1e6, -3)', 1e6, -3],
  ['very oblate (1e6, 1/2)', 1e6, 1 / 2],
];

describe('makeInverseS12: identical to geographiclib Inverse(…, AREA).S12', () => {
  it('on 100,000 short edges (1 m – 5 km) in China, CGCS2000', () => {
    const r = compare(CGCS2000.a, CGCS2000.f, chinaShortEdges(100_000, 2000));
    expect(r.differing).toEqual([]);
    expect(r.compared).toBe(100_000);
  });

  it('on 100,000 edges anywhere on the globe, of any length, CGCS2000', () => {
    const r = compare(CGCS2000.a, CGCS2000.f, globalEdges(100_000, 84));
    expect(r.differing).toEqual([]);
    expect(r.compared).toBe(100_000);
  });

  it.each(ELLIPSOIDS)('on the special cases and the library tests, both ways and mirrored, %s', (_, a, f) => {
    const r = compare(a, f, symmetric([...SPECIAL, ...LIBRARY_TESTCASES]));
    expect(r.differing).toEqual([]);
    expect(r.compared).toBe(5 * (SPECIAL.length + LIBRARY_TESTCASES.length));
  });

  it.each(ELLIPSOIDS.slice(1))('on 10,000 edges anywhere on the globe, %s', (_, a, f) => {
    const r = compare(a, f, globalEdges(10_000, 7));
    expect(r.differing).toEqual([]);
  });

  it('returns NaN where the library does', () => {
    const s12 = makeInverseS12(CGCS2000.a, CGCS2000.f);
    expect(s12(Number.NaN, 0, 0, 90)).toBeNaN();
    expect(s12(0, 0, 1, Number.NaN)).toBeNaN();
    expect(s12(91, 0, 0, 0)).toBeNaN();
    expect(s12(41, 110, 41.01, 110.01)).not.toBeNaN();
  });

  it('rejects an ellipsoid the library rejects', () => {
    expect(() => makeInverseS12(0, 0)).toThrow('Equatorial radius is not positive');
    expect(() => makeInverseS12(6378137, 1)).toThrow('Polar semi-axis is not positive');
  });
});
