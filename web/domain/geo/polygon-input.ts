/**
 * Reading a project boundary: GeoJSON Polygon / MultiPolygon (bare, in a Feature or a collection) into open
 * flat rings, with what is structurally wrong reported by place: no coordinates, not numbers, not lon/lat,
 * not closed, fewer than 3 distinct points, all points on one line. Repeated points are dropped (a warning).
 */

import type { FlatPolygon } from './intersections.ts';
import { error, fmt, type ValidationIssue, where, whereZh } from './issues.ts';
import { allCollinear, openRing } from './planar.ts';

type Pos = unknown[];

/** Accepts a GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection / GeometryCollection of those. */
export function extractPolygons(input: unknown): Pos[][][] | null {
  const out: Pos[][][] = [];
  // depth-first in document order without recursion, so deep nesting cannot overflow the stack
  const stack: unknown[] = [input];
  while (stack.length > 0) {
    const o = stack.pop() as {
      type?: string;
      coordinates?: unknown;
      geometry?: unknown;
      features?: unknown;
      geometries?: unknown;
    } | null;
    if (!o || typeof o !== 'object') return null;
    switch (o.type) {
      case 'Polygon':
        if (!Array.isArray(o.coordinates)) return null;
        out.push(o.coordinates as Pos[][]);
        break;
      case 'MultiPolygon':
        if (!Array.isArray(o.coordinates)) return null;
        out.push(...(o.coordinates as Pos[][][]));
        break;
      case 'Feature':
        stack.push(o.geometry);
        break;
      case 'FeatureCollection':
      case 'GeometryCollection': {
        const items = o.type === 'FeatureCollection' ? o.features : o.geometries;
        if (!Array.isArray(items)) return null;
        for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
        break;
      }
      default:
        return null;
    }
  }
  return out;
}

/** Reads one ring's positions; reports and returns null when a position is not a lon/lat pair. */
function readPositions(ring: Pos, pi: number, ri: number, errors: ValidationIssue[]): number[][] | null {
  const pts: number[][] = [];
  for (let vi = 0; vi < ring.length; vi++) {
    const p = ring[vi] as unknown;
    const x = Array.isArray(p) ? p[0] : undefined;
    const y = Array.isArray(p) ? p[1] : undefined;
    const place = { part: pi, ring: ri, vertex: vi };
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      errors.push(
        error(
          'bad-coordinate',
          `${whereZh(pi, ri, vi)}坐标无效。`,
          `Invalid coordinate at ${where(pi, ri, vi)}.`,
          place,
        ),
      );
      return null;
    }
    if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      errors.push(
        error(
          'not-lonlat',
          `${whereZh(pi, ri, vi)}（${x}, ${y}）不是经纬度，可能是投影坐标（高斯-克吕格米制坐标），请用导入功能转换。`,
          `${where(pi, ri, vi)} (${x}, ${y}) is not longitude/latitude; projected (Gauss–Krüger metre) coordinates must be converted on import.`,
          place,
        ),
      );
      return null;
    }
    pts.push([x, y]);
  }
  return pts;
}

/** One ring as an open flat ring, or null after reporting why it cannot be one. */
function readRing(
  ring: unknown,
  pi: number,
  ri: number,
  errors: ValidationIssue[],
  warnings: ValidationIssue[],
): Float64Array | null {
  const place = { part: pi, ring: ri };
  if (!Array.isArray(ring)) {
    errors.push(
      error(
        'bad-coordinate',
        `${whereZh(pi, ri)}不是坐标数组。`,
        `${where(pi, ri)} is not an array of positions.`,
        place,
      ),
    );
    return null;
  }
  const pts = readPositions(ring, pi, ri, errors);
  if (!pts) return null;
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (first && last && pts.length >= 2 && (first[0] !== last[0] || first[1] !== last[1])) {
    const a = fmt(first[0] as number, first[1] as number);
    const b = fmt(last[0] as number, last[1] as number);
    errors.push(
      error(
        'unclosed-ring',
        `${whereZh(pi, ri)}未闭合：首点（${a}）与末点（${b}）不同。`,
        `${where(pi, ri)} is not closed: first point (${a}) differs from last (${b}).`,
        place,
      ),
    );
    return null;
  }
  const open = openRing(pts);
  const dups = Math.max(0, pts.length - 1 - open.length / 2);
  if (dups > 0) {
    warnings.push({
      code: 'duplicate-points',
      severity: 'warning',
      zh: `${whereZh(pi, ri)}有 ${dups} 个重复点，已去除。`,
      en: `${where(pi, ri)}: ${dups} repeated point(s) removed.`,
      ...place,
    });
  }
  const n = open.length / 2;
  if (n < 3) {
    errors.push(
      error(
        'too-few-points',
        `${whereZh(pi, ri)}只有 ${n} 个不同的点，面至少需要 3 个。`,
        `${where(pi, ri)} has only ${n} distinct point(s); a polygon needs at least 3.`,
        place,
      ),
    );
    return null;
  }
  if (allCollinear(open)) {
    errors.push(
      error(
        'zero-area',
        `${whereZh(pi, ri)}面积为零（所有点共线）。`,
        `${where(pi, ri)} has zero area (all points collinear).`,
        place,
      ),
    );
    return null;
  }
  return open;
}

/** Every part's rings as open flat rings (orientation as given), or the structural errors. */
export function readPolygons(
  polys: Pos[][][],
  errors: ValidationIssue[],
  warnings: ValidationIssue[],
): FlatPolygon[] {
  const out: FlatPolygon[] = [];
  polys.forEach((poly, pi) => {
    if (!Array.isArray(poly) || poly.length === 0) {
      errors.push(
        error('empty', `第 ${pi + 1} 个地块没有坐标。`, `Part ${pi + 1} has no coordinates.`, { part: pi }),
      );
      return;
    }
    const rings: Float64Array[] = [];
    poly.forEach((ring, ri) => {
      const r = readRing(ring, pi, ri, errors, warnings);
      if (r) rings.push(r);
    });
    out.push({ rings });
  });
  return out;
}
