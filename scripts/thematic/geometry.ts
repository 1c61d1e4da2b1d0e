import type { MultiPolygon, Polygon, Position } from 'geojson';
import { difference, intersection, union } from 'polyclip-ts';
import { geodesicDistance, multiPolygonArea, polygonArea } from '../../web/domain/geo/ellipsoid.ts';
import { polygonLocator } from '../../web/domain/geo/positions.ts';
import type { Pt } from './types.ts';

type Ring = Position[];
type Poly = Position[][];

/** Chaikin corner cutting on a closed ring (no closing vertex in, closed ring out). Deterministic. */
export function chaikinRing(points: readonly Pt[], rounds: number): Ring {
  let ring: Position[] = points.map((p) => [p[0], p[1]]);
  for (let r = 0; r < rounds; r++) {
    const next: Position[] = [];
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i] as Position;
      const b = ring[(i + 1) % ring.length] as Position;
      const [ax, ay, bx, by] = [a[0] ?? 0, a[1] ?? 0, b[0] ?? 0, b[1] ?? 0];
      next.push(
        [0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by],
        [0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by],
      );
    }
    ring = next;
  }
  const first = ring[0] ?? [0, 0];
  return [...ring, [first[0] ?? 0, first[1] ?? 0]];
}

/** Chaikin on an open line: the end points stay where they were authored. */
export function chaikinLine(points: readonly Pt[], rounds: number): Position[] {
  let line: Position[] = points.map((p) => [p[0], p[1]]);
  for (let r = 0; r < rounds; r++) {
    if (line.length < 3) break;
    const next: Position[] = [line[0] as Position];
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i] as Position;
      const b = line[i + 1] as Position;
      const [ax, ay, bx, by] = [a[0] ?? 0, a[1] ?? 0, b[0] ?? 0, b[1] ?? 0];
      if (i > 0) next.push([0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by]);
      if (i + 2 < line.length) next.push([0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by]);
    }
    next.push(line[line.length - 1] as Position);
    line = next;
  }
  return line;
}

/** Scales control points about their vertex centroid. */
export function scaleAbout(points: readonly Pt[], factor: number): Pt[] {
  const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
  return points.map((p) => [cx + (p[0] - cx) * factor, cy + (p[1] - cy) * factor] as const);
}

export function asPolys(g: Polygon | MultiPolygon): Poly[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Parts smaller than this share of the largest part (clipping slivers along a wiggly border) are dropped. */
const SLIVER_SHARE = 0.002;

export function fromPolys(polys: Poly[]): Polygon | MultiPolygon | null {
  const sized = polys.map((p) => ({ p, a: polygonArea(p) }));
  const max = Math.max(0, ...sized.map((s) => s.a));
  const kept = sized.filter((s) => s.a > 0 && s.a >= max * SLIVER_SHARE).map((s) => s.p);
  if (kept.length === 0) return null;
  return kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0] as Poly }
    : { type: 'MultiPolygon', coordinates: kept };
}

export function clipTo(
  g: Polygon | MultiPolygon,
  mask: Polygon | MultiPolygon,
): Polygon | MultiPolygon | null {
  return fromPolys(intersection(asPolys(g) as never, asPolys(mask) as never) as Poly[]);
}

export function subtract(
  g: Polygon | MultiPolygon,
  cut: Polygon | MultiPolygon,
): Polygon | MultiPolygon | null {
  return fromPolys(difference(asPolys(g) as never, asPolys(cut) as never) as Poly[]);
}

export function unite(gs: (Polygon | MultiPolygon)[]): Polygon | MultiPolygon | null {
  const [first, ...rest] = gs.map(asPolys);
  if (!first) return null;
  return fromPolys(union(first as never, ...(rest as never[])) as Poly[]);
}

export function areaKm2(g: Polygon | MultiPolygon): number {
  return (g.type === 'Polygon' ? polygonArea(g.coordinates) : multiPolygonArea(g.coordinates)) / 1e6;
}

/** Geodesic length of a line in km. */
export function lengthKm(line: readonly Position[]): number {
  let m = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i] as Position;
    const b = line[i + 1] as Position;
    m += geodesicDistance(a[0] ?? 0, a[1] ?? 0, b[0] ?? 0, b[1] ?? 0);
  }
  return m / 1000;
}

const locators = new WeakMap<Poly, (p: Position) => number>();

/** Even-odd point-in-polygon (holes respected); a point on a boundary is contained. */
export function containsPoint(g: Polygon | MultiPolygon, p: Position): boolean {
  return asPolys(g).some((rings) => {
    let locate = locators.get(rings);
    if (!locate) {
      locate = polygonLocator(rings);
      locators.set(rings, locate);
    }
    return locate(p) !== 0;
  });
}

/** The position on a polyline set nearest to p (planar in degrees scaled by cos(lat); for snapping). */
export function nearestOnLines(lines: readonly (readonly Position[])[], p: Pt): Pt {
  const k = Math.cos((p[1] * Math.PI) / 180);
  let best: Pt = p;
  let bestD = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i] as Position;
      const b = line[i + 1] as Position;
      const [ax, ay] = [(a[0] ?? 0) * k, a[1] ?? 0];
      const [bx, by] = [(b[0] ?? 0) * k, b[1] ?? 0];
      const [px, py] = [p[0] * k, p[1]];
      const dx = bx - ax;
      const dy = by - ay;
      const len = dx * dx + dy * dy;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
      const qx = ax + t * dx;
      const qy = ay + t * dy;
      const d = (qx - px) ** 2 + (qy - py) ** 2;
      if (d < bestD) {
        bestD = d;
        best = [qx / k, qy];
      }
    }
  }
  return best;
}

/** Control points of an ellipse given in km (axes before rotation: x east, y north; rotation counter-clockwise). */
export function ellipse(center: Pt, rxKm: number, ryKm: number, rotDeg = 0, n = 16): Pt[] {
  const kmPerDegLat = 111.2;
  const kmPerDegLon = 111.32 * Math.cos((center[1] * Math.PI) / 180);
  const r = (rotDeg * Math.PI) / 180;
  const out: Pt[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const x = rxKm * Math.cos(t);
    const y = ryKm * Math.sin(t);
    const ex = x * Math.cos(r) - y * Math.sin(r);
    const ey = x * Math.sin(r) + y * Math.cos(r);
    out.push([center[0] + ex / kmPerDegLon, center[1] + ey / kmPerDegLat]);
  }
  return out;
}
