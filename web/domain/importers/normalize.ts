import type { Position } from 'geojson';
import { type Crs, CrsError, gaussKrugerCrs } from './crs.ts';
import { toWgs84 } from './datum.ts';
import { type Loc, loc, type Reporter } from './messages.ts';
import { dedupe, findSelfIntersection, isClosed, rewindPolygon, ringInRing, signedArea } from './rings.ts';
import type { BoundaryFeature, CoordinateSource, ImportLimits, ImportOptions } from './types.ts';

/** What every parser hands over: polygons as rings of numeric positions, in the file's CRS. */
export interface ParsedFeature {
  polygons: Position[][][];
  properties: Record<string, unknown>;
  where: Loc;
}

export interface ParseOutput {
  features: ParsedFeature[];
  /** Declared CRS; undefined means lon/lat of the user's chosen source. */
  crs?: Crs;
  /** 'auto' closes open rings with a warning (vertex lists); 'require' reports them (GeoJSON, WKT, KML). */
  closePolicy: 'require' | 'auto';
  encoding?: string;
}

/** Inner Mongolia, about 97.2°E–126.1°E, 37.4°N–53.3°N. */
export const REGION_BBOX: readonly [number, number, number, number] = [97.0, 37.3, 126.2, 53.4];
export const REGION_MARGIN_DEG = 0.5;

export interface NormalizeResult {
  features: BoundaryFeature[];
  original?: BoundaryFeature[];
  crsName: string;
}

const fmt = (n: number, d = 4): string =>
  Number.isFinite(n) ? String(Math.round(n * 10 ** d) / 10 ** d) : String(n);
const where2 = (p: Position): string => `${fmt(p[0] as number, 4)}, ${fmt(p[1] as number, 4)}`;
const lonLatText = (lon: number, lat: number): string =>
  `${fmt(Math.abs(lon), 2)}°${lon >= 0 ? 'E' : 'W'} ${fmt(Math.abs(lat), 2)}°${lat >= 0 ? 'N' : 'S'}`;

/** Looks like Gauss–Krüger / other projected metres rather than degrees. */
export function looksProjected(x: number, y: number): boolean {
  return Math.abs(x) > 1000 || Math.abs(y) > 1000;
}

/** For explicit GK input in x,y order of unknown axis: put the easting first. */
function gkAxes(a: number, b: number): [number, number] {
  const isNorthing = (v: number) => v >= 2e6 && v < 1e7;
  if (isNorthing(a) && !isNorthing(b)) return [b, a];
  return [a, b];
}

export function normalize(
  parsed: ParseOutput,
  options: ImportOptions,
  limits: ImportLimits,
  rep: Reporter,
): NormalizeResult | undefined {
  const purpose = options.purpose ?? 'boundary';
  const regionCheck = options.regionCheck ?? (purpose === 'boundary' ? 'error' : 'warn');
  const feats = parsed.features;
  if (feats.length === 0) {
    rep.error('no-features');
    return undefined;
  }
  if (feats.length > limits.maxFeatures) {
    rep.error('too-many-features', undefined, { count: feats.length, limit: limits.maxFeatures });
    return undefined;
  }
  let total = 0;
  for (const f of feats) for (const p of f.polygons) for (const r of p) total += r.length;
  if (total > limits.maxVertices) {
    rep.error('too-many-vertices', undefined, { limit: limits.maxVertices });
    return undefined;
  }

  // 0. Non-finite values (NaN from binary files) are reported first.
  for (const f of feats) {
    finite: for (const poly of f.polygons)
      for (const ring of poly)
        for (const p of ring) {
          if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
            rep.error('coordinate-invalid', f.where, { value: where2(p) });
            break finite;
          }
        }
  }
  if (rep.hasErrors) return undefined;
  // 1. Ring structure: closure, duplicate points, point count.
  for (const f of feats) {
    f.polygons = f.polygons.map((poly, pi) =>
      poly.map((ring0, ri) => {
        const w = loc.ring(f.where, ri, f.polygons.length > 1 ? pi : undefined);
        let ring = dedupe(ring0);
        if (!isClosed(ring) && ring.length > 0) {
          if (parsed.closePolicy === 'auto' || ring.length < 3) {
            if (parsed.closePolicy === 'auto' && ring.length >= 3) rep.warn('ring-closed-automatically', w);
            ring = [...ring, ring[0] as Position];
          } else {
            rep.error('ring-not-closed', w);
          }
        }
        const distinct = Math.max(0, ring.length - 1);
        if (distinct < 3) rep.error('ring-too-few-points', w, { count: distinct });
        return ring;
      }),
    );
  }
  if (rep.hasErrors) return undefined;

  // 2. Coordinate system.
  let crs = parsed.crs;
  if (!crs) {
    outer: for (const f of feats) {
      for (const poly of f.polygons)
        for (const ring of poly)
          for (const p of ring) {
            const x = p[0] as number;
            const y = p[1] as number;
            if (Math.abs(x) <= 180 && Math.abs(y) <= 90) continue;
            if (options.gaussKruger) {
              crs = gaussKrugerCrs(options.gaussKruger);
              break outer;
            }
            if (looksProjected(x, y) && Math.abs(x) < 1e8 && Math.abs(y) < 1e8) {
              rep.error('projected-in-lonlat', f.where, { value: where2(p) });
            } else rep.error('coordinate-out-of-range', f.where, { value: where2(p) });
            continue outer;
          }
    }
    if (rep.hasErrors) return undefined;
  }

  const source: CoordinateSource = options.source;
  let projected = false;
  if (crs && crs.kind === 'projected') {
    projected = true;
    const toLonLat = crs.toLonLat;
    const isGk = options.gaussKruger !== undefined && parsed.crs === undefined;
    for (const f of feats) {
      try {
        f.polygons = f.polygons.map((poly) =>
          poly.map((ring) =>
            ring.map((p) => {
              const [a, b] = isGk ? gkAxes(p[0] as number, p[1] as number) : [p[0] as number, p[1] as number];
              return toLonLat(a, b);
            }),
          ),
        );
      } catch (e) {
        if (e instanceof CrsError) {
          if (isGk || /Gauss/.test(e.crsName)) rep.error('jzd-zone-missing', f.where);
          else rep.error('crs-unsupported', f.where, { name: e.crsName });
        } else throw e;
      }
    }
    if (rep.hasErrors) return undefined;
    if (source !== 'wgs84')
      rep.warn('crs-ignored-source', undefined, { crs: crs.name, source: sourceName(source) });
  }

  // 3. Range check after projection (projected values may land outside the world).
  for (const f of feats) {
    check: for (const poly of f.polygons)
      for (const ring of poly)
        for (const p of ring) {
          const x = p[0] as number;
          const y = p[1] as number;
          if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90) {
            rep.error('coordinate-out-of-range', f.where, { value: where2(p) });
            break check;
          }
        }
  }
  if (rep.hasErrors) return undefined;

  // 4. Datum: GCJ-02 / BD-09 lon/lat to WGS84; keep the original.
  let original: BoundaryFeature[] | undefined;
  if (!projected && source !== 'wgs84') {
    original = feats.map((f) => toFeature(f.polygons, f.properties));
    let shift = 0;
    for (const f of feats) {
      f.polygons = f.polygons.map((poly) =>
        poly.map((ring) =>
          ring.map((p) => {
            const q = toWgs84(source, p[0] as number, p[1] as number);
            shift = Math.max(shift, approxMetres(p, q));
            return q;
          }),
        ),
      );
    }
    rep.info('datum-converted', undefined, { source: sourceName(source), shift: Math.round(shift) });
  }

  // 5. Geometry validity.
  const soft = purpose === 'layer';
  for (const f of feats) {
    let vertices = 0;
    for (const poly of f.polygons) for (const r of poly) vertices += r.length;
    f.polygons.forEach((poly, pi) => {
      const multi = f.polygons.length > 1 ? pi : undefined;
      poly.forEach((ring, ri) => {
        if (signedArea(ring) === 0) rep.error('ring-zero-area', loc.ring(f.where, ri, multi));
      });
      for (let ri = 1; ri < poly.length; ri++) {
        if (!ringInRing(poly[ri] as Position[], poly[0] as Position[])) {
          if (soft) rep.warn('hole-outside-shell', loc.ring(f.where, ri, multi));
          else rep.error('hole-outside-shell', loc.ring(f.where, ri, multi));
        }
      }
      if (vertices <= limits.maxVerticesForSelfIntersectionCheck) {
        const x = findSelfIntersection(poly);
        if (x) {
          const w =
            multi !== undefined
              ? loc.within(f.where, { en: `part ${multi + 1}`, zh: `第 ${multi + 1} 部分` })
              : f.where;
          const params = { where: lonLatText(x[0] as number, x[1] as number) };
          if (soft) rep.warn('ring-self-intersection', w, params);
          else rep.error('ring-self-intersection', w, params);
        }
      }
    });
  }

  // 6. Region.
  if (regionCheck !== 'off') {
    const [w, s, e, n] = REGION_BBOX;
    const m = REGION_MARGIN_DEG;
    for (const f of feats) {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const poly of f.polygons)
        for (const ring of poly)
          for (const p of ring) {
            minX = Math.min(minX, p[0] as number);
            maxX = Math.max(maxX, p[0] as number);
            minY = Math.min(minY, p[1] as number);
            maxY = Math.max(maxY, p[1] as number);
          }
      const centre = lonLatText((minX + maxX) / 2, (minY + maxY) / 2);
      const disjoint = maxX < w - m || minX > e + m || maxY < s - m || minY > n + m;
      const partly = minX < w - m || maxX > e + m || minY < s - m || maxY > n + m;
      if (disjoint) {
        if (regionCheck === 'error') rep.error('outside-region', f.where, { where: centre });
        else rep.warn('outside-region', f.where, { where: centre });
      } else if (partly) {
        rep.warn('partly-outside-region', f.where, { where: centre });
      }
    }
  }
  if (rep.hasErrors) return undefined;

  const features = feats.map((f) => toFeature(f.polygons.map(rewindPolygon), f.properties));
  const out: NormalizeResult = { features, crsName: crs?.name ?? lonLatCrsName(source) };
  if (original) out.original = original;
  return out;
}

function toFeature(polygons: Position[][][], properties: Record<string, unknown>): BoundaryFeature {
  const geometry =
    polygons.length === 1
      ? { type: 'Polygon' as const, coordinates: polygons[0] as Position[][] }
      : { type: 'MultiPolygon' as const, coordinates: polygons };
  return { type: 'Feature', properties: { ...properties }, geometry };
}

function sourceName(s: CoordinateSource): string {
  return s === 'gcj02' ? 'GCJ-02 (高德/腾讯)' : s === 'bd09' ? 'BD-09 (百度)' : 'WGS84/CGCS2000';
}

function lonLatCrsName(s: CoordinateSource): string {
  return s === 'wgs84' ? 'WGS84 / CGCS2000 lon/lat' : `${sourceName(s)} lon/lat, converted to WGS84`;
}

function approxMetres(a: Position, b: Position): number {
  const lat = ((a[1] as number) * Math.PI) / 180;
  const dx = ((a[0] as number) - (b[0] as number)) * 111320 * Math.cos(lat);
  const dy = ((a[1] as number) - (b[1] as number)) * 110540;
  return Math.hypot(dx, dy);
}
