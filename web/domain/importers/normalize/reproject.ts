import type { Position } from 'geojson';
import { CrsError, gaussKrugerCrs } from '../crs.ts';
import { toWgs84 } from '../datum.ts';
import type { ParsedFeature } from '../format.ts';
import type { CoordinateSource } from '../types.ts';
import type { StageContext, Work } from './index.ts';
import { toFeature } from './index.ts';
import { where2 } from './structure.ts';

/** Looks like Gauss–Krüger / other projected metres rather than degrees. */
export function looksProjected(x: number, y: number): boolean {
  return Math.abs(x) > 1000 || Math.abs(y) > 1000;
}

/** The feature's first position (in reading order) that `test` holds for, without flattening its rings. */
function firstPosition(f: ParsedFeature, test: (p: Position) => boolean): Position | undefined {
  for (const poly of f.polygons)
    for (const ring of poly)
      for (let i = 0; i < ring.length; i++) if (test(ring[i] as Position)) return ring[i];
  return undefined;
}

const isDegrees = (p: Position): boolean => Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;

/** For GK input in x,y order of unknown axis: put the easting first (the northing is 2 000 000–10 000 000). */
function gkAxes(a: number, b: number): [number, number] {
  const isNorthing = (v: number) => v >= 2e6 && v < 1e7;
  if (isNorthing(a) && !isNorthing(b)) return [b, a];
  return [a, b];
}

const mapPositions = (f: ParsedFeature, fn: (p: Position) => Position): ParsedFeature => ({
  ...f,
  polygons: f.polygons.map((poly) => poly.map((ring) => ring.map(fn))),
});

/**
 * Which CRS the numbers are in. A declared CRS stands (its values must not be degrees: `crs-values-mismatch`).
 * Undeclared values beyond ±180/±90 are Gauss–Krüger when the user says so, else refused with a hint.
 */
export function resolveCrs(work: Work, { options, rep }: StageContext): Work {
  if (work.crs) {
    if (work.crs.kind !== 'projected') return work;
    const first = work.features.map((f) => firstPosition(f, () => true)).find((p) => p !== undefined);
    if (first && work.features.every((f) => firstPosition(f, (q) => !isDegrees(q)) === undefined)) {
      rep.error('crs-values-mismatch', undefined, { name: work.crs.name, value: where2(first) });
    }
    return work;
  }
  for (const f of work.features) {
    const p = firstPosition(f, (q) => !isDegrees(q));
    if (!p) continue;
    if (options.gaussKruger) return { ...work, crs: gaussKrugerCrs(options.gaussKruger) };
    const x = p[0] as number;
    const y = p[1] as number;
    if (looksProjected(x, y) && Math.abs(x) < 1e8 && Math.abs(y) < 1e8)
      rep.error('projected-in-lonlat', f.where, { value: where2(p) });
    else rep.error('coordinate-out-of-range', f.where, { value: where2(p) });
  }
  return work;
}

/** Projected coordinates to lon/lat; the user's source is ignored for them, with a warning. */
export function reproject(work: Work, { options, rep }: StageContext): Work {
  const crs = work.crs;
  if (crs?.kind !== 'projected') return work;
  const isGk = options.gaussKruger !== undefined || /Gauss/.test(crs.name);
  const features = work.features.map((f) => {
    try {
      return mapPositions(f, (p) => {
        const [a, b] = isGk ? gkAxes(p[0] as number, p[1] as number) : [p[0] as number, p[1] as number];
        return crs.toLonLat(a, b);
      });
    } catch (e) {
      if (!(e instanceof CrsError)) throw e;
      if (isGk) rep.error('jzd-zone-missing', f.where);
      else rep.error('crs-unsupported', f.where, { name: e.crsName });
      return f;
    }
  });
  if (options.source !== 'wgs84')
    rep.warn('crs-ignored-source', undefined, { crs: crs.name, source: sourceName(options.source) });
  return { ...work, features, projected: true };
}

/** Range check after projection (projected values may land outside the world). */
export function checkRange(work: Work, { rep }: StageContext): Work {
  for (const f of work.features) {
    const p = firstPosition(f, (q) => !Number.isFinite(q[0]) || !Number.isFinite(q[1]) || !isDegrees(q));
    if (p) rep.error('coordinate-out-of-range', f.where, { value: where2(p) });
  }
  return work;
}

/** GCJ-02 / BD-09 lon/lat to WGS84, keeping the outline as read. */
export function convertDatum(work: Work, { options, rep }: StageContext): Work {
  const source = options.source;
  if (work.projected || source === 'wgs84') return work;
  const original = work.features.map((f) => toFeature(f.polygons, f.properties, f.id));
  let shift = 0;
  const features = work.features.map((f) =>
    mapPositions(f, (p) => {
      const q = toWgs84(source, p[0] as number, p[1] as number);
      shift = Math.max(shift, approxMetres(p, q));
      return q;
    }),
  );
  rep.info('datum-converted', undefined, { source: sourceName(source), shift: Math.round(shift) });
  return { ...work, features, original };
}

export function sourceName(s: CoordinateSource): string {
  return s === 'gcj02' ? 'GCJ-02 (高德/腾讯)' : s === 'bd09' ? 'BD-09 (百度)' : 'WGS84/CGCS2000';
}

export function lonLatCrsName(s: CoordinateSource): string {
  return s === 'wgs84' ? 'WGS84 / CGCS2000 lon/lat' : `${sourceName(s)} lon/lat, converted to WGS84`;
}

function approxMetres(a: Position, b: Position): number {
  const lat = ((a[1] as number) * Math.PI) / 180;
  const dx = ((a[0] as number) - (b[0] as number)) * 111320 * Math.cos(lat);
  const dy = ((a[1] as number) - (b[1] as number)) * 110540;
  return Math.hypot(dx, dy);
}
