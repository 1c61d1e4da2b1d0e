/**
 * Validation of a project boundary before any screening: GeoJSON Polygon/MultiPolygon in lon/lat,
 * closed rings with ≥ 3 distinct points, no self-intersection (reported with its location), holes
 * inside their outer ring, parts not overlapping. Returns the boundary normalised (open rings,
 * consecutive duplicates removed, outer rings counter-clockwise, holes clockwise).
 */
import Flatbush from 'flatbush';
import { intersectSegments, orient, pointInRings } from './segments.ts';

export type ValidationCode =
  | 'not-polygon'
  | 'empty'
  | 'bad-coordinate'
  | 'not-lonlat'
  | 'unclosed-ring'
  | 'too-few-points'
  | 'zero-area'
  | 'self-intersection'
  | 'rings-cross'
  | 'hole-outside'
  | 'parts-overlap'
  | 'duplicate-points';

export interface ValidationIssue {
  code: ValidationCode;
  severity: 'error' | 'warning';
  zh: string;
  en: string;
  /** 0-based part (polygon) index, ring index within the part (0 = outer), vertex index */
  part?: number;
  ring?: number;
  vertex?: number;
  /** where, as [lon, lat] */
  at?: [number, number];
}

export interface FlatPolygon {
  /** open rings [x0, y0, x1, y1, ...]; rings[0] is the outer ring (CCW), the rest holes (CW) */
  rings: Float64Array[];
}

export type ValidationResult =
  | { ok: true; polygons: FlatPolygon[]; vertexCount: number; warnings: ValidationIssue[] }
  | { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

type Pos = unknown[];

/** Accepts a GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection of those. */
export function extractPolygons(input: unknown): Pos[][][] | null {
  if (!input || typeof input !== 'object') return null;
  const o = input as {
    type?: string;
    coordinates?: unknown;
    geometry?: unknown;
    features?: unknown;
    geometries?: unknown;
  };
  switch (o.type) {
    case 'Polygon':
      return Array.isArray(o.coordinates) ? [o.coordinates as Pos[][]] : null;
    case 'MultiPolygon':
      return Array.isArray(o.coordinates) ? (o.coordinates as Pos[][][]) : null;
    case 'Feature':
      return extractPolygons(o.geometry);
    case 'FeatureCollection':
    case 'GeometryCollection': {
      const items = (o.type === 'FeatureCollection' ? o.features : o.geometries) as unknown[];
      if (!Array.isArray(items)) return null;
      const out: Pos[][][] = [];
      for (const it of items) {
        const p = extractPolygons(it);
        if (!p) return null;
        out.push(...p);
      }
      return out;
    }
    default:
      return null;
  }
}

const fmt = (x: number, y: number): string => `${x.toFixed(6)}, ${y.toFixed(6)}`;
const where = (part: number, ring: number, vertex?: number): string =>
  `${part > 0 ? `part ${part + 1}, ` : ''}${ring === 0 ? 'outer ring' : `hole ${ring}`}${vertex !== undefined ? `, point ${vertex + 1}` : ''}`;
const whereZh = (part: number, ring: number, vertex?: number): string =>
  `${part > 0 ? `第 ${part + 1} 个地块，` : ''}${ring === 0 ? '外环' : `第 ${ring} 个内环（洞）`}${vertex !== undefined ? `第 ${vertex + 1} 个点` : ''}`;

export function validateProject(input: unknown): ValidationResult {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const polys = extractPolygons(input);
  if (!polys) {
    errors.push({
      code: 'not-polygon',
      severity: 'error',
      zh: '项目范围必须是面（Polygon 或 MultiPolygon）。',
      en: 'The project boundary must be a Polygon or MultiPolygon.',
    });
    return { ok: false, errors, warnings };
  }
  if (polys.length === 0) {
    errors.push({
      code: 'empty',
      severity: 'error',
      zh: '项目范围为空。',
      en: 'The project boundary is empty.',
    });
    return { ok: false, errors, warnings };
  }
  const out: FlatPolygon[] = [];
  let vertexCount = 0;
  polys.forEach((poly, pi) => {
    const rings: Float64Array[] = [];
    if (!Array.isArray(poly) || poly.length === 0) {
      errors.push({
        code: 'empty',
        severity: 'error',
        zh: `第 ${pi + 1} 个地块没有坐标。`,
        en: `Part ${pi + 1} has no coordinates.`,
        part: pi,
      });
      return;
    }
    poly.forEach((ring, ri) => {
      if (!Array.isArray(ring)) {
        errors.push({
          code: 'bad-coordinate',
          severity: 'error',
          zh: `${whereZh(pi, ri)}不是坐标数组。`,
          en: `${where(pi, ri)} is not an array of positions.`,
          part: pi,
          ring: ri,
        });
        return;
      }
      const pts: number[] = [];
      for (let vi = 0; vi < ring.length; vi++) {
        const p = ring[vi] as unknown;
        const x = Array.isArray(p) ? p[0] : undefined;
        const y = Array.isArray(p) ? p[1] : undefined;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          errors.push({
            code: 'bad-coordinate',
            severity: 'error',
            zh: `${whereZh(pi, ri, vi)}坐标无效。`,
            en: `Invalid coordinate at ${where(pi, ri, vi)}.`,
            part: pi,
            ring: ri,
            vertex: vi,
          });
          return;
        }
        if (Math.abs(x) > 180 || Math.abs(y) > 90) {
          errors.push({
            code: 'not-lonlat',
            severity: 'error',
            zh: `${whereZh(pi, ri, vi)}（${x}, ${y}）不是经纬度，可能是投影坐标（高斯-克吕格米制坐标），请用导入功能转换。`,
            en: `${where(pi, ri, vi)} (${x}, ${y}) is not longitude/latitude; projected (Gauss–Krüger metre) coordinates must be converted on import.`,
            part: pi,
            ring: ri,
            vertex: vi,
          });
          return;
        }
        pts.push(x, y);
      }
      const n0 = pts.length / 2;
      if (n0 >= 2 && (pts[0] !== pts[2 * n0 - 2] || pts[1] !== pts[2 * n0 - 1])) {
        errors.push({
          code: 'unclosed-ring',
          severity: 'error',
          zh: `${whereZh(pi, ri)}未闭合：首点（${fmt(pts[0] as number, pts[1] as number)}）与末点（${fmt(pts[2 * n0 - 2] as number, pts[2 * n0 - 1] as number)}）不同。`,
          en: `${where(pi, ri)} is not closed: first point (${fmt(pts[0] as number, pts[1] as number)}) differs from last (${fmt(pts[2 * n0 - 2] as number, pts[2 * n0 - 1] as number)}).`,
          part: pi,
          ring: ri,
        });
        return;
      }
      // open ring, consecutive duplicates removed
      const open: number[] = [];
      let dups = 0;
      for (let i = 0; i < n0 - 1; i++) {
        const x = pts[2 * i] as number;
        const y = pts[2 * i + 1] as number;
        const m = open.length;
        if (m > 0 && open[m - 2] === x && open[m - 1] === y) {
          dups++;
          continue;
        }
        open.push(x, y);
      }
      while (open.length >= 4 && open[0] === open[open.length - 2] && open[1] === open[open.length - 1]) {
        open.length -= 2;
        dups++;
      }
      if (dups > 0) {
        warnings.push({
          code: 'duplicate-points',
          severity: 'warning',
          zh: `${whereZh(pi, ri)}有 ${dups} 个重复点，已去除。`,
          en: `${where(pi, ri)}: ${dups} repeated point(s) removed.`,
          part: pi,
          ring: ri,
        });
      }
      if (open.length < 6) {
        errors.push({
          code: 'too-few-points',
          severity: 'error',
          zh: `${whereZh(pi, ri)}只有 ${open.length / 2} 个不同的点，面至少需要 3 个。`,
          en: `${where(pi, ri)} has only ${open.length / 2} distinct point(s); a polygon needs at least 3.`,
          part: pi,
          ring: ri,
        });
        return;
      }
      const ringArr = new Float64Array(open);
      const a = signedPlanar(ringArr);
      if (allCollinear(ringArr)) {
        errors.push({
          code: 'zero-area',
          severity: 'error',
          zh: `${whereZh(pi, ri)}面积为零（所有点共线）。`,
          en: `${where(pi, ri)} has zero area (all points collinear).`,
          part: pi,
          ring: ri,
        });
        return;
      }
      // a figure-eight may have zero net area; the intersection check below refuses it
      if (a !== 0 && a > 0 !== (ri === 0)) reverse(ringArr);
      rings.push(ringArr);
      vertexCount += ringArr.length / 2;
    });
    out.push({ rings });
  });
  if (errors.length > 0) return { ok: false, errors, warnings };
  checkIntersections(out, errors);
  if (errors.length === 0) checkNesting(out, errors);
  return errors.length > 0
    ? { ok: false, errors, warnings }
    : { ok: true, polygons: out, vertexCount, warnings };
}

function allCollinear(r: Float64Array): boolean {
  const n = r.length / 2;
  for (let i = 2; i < n; i++) {
    if (
      orient(
        r[0] as number,
        r[1] as number,
        r[2] as number,
        r[3] as number,
        r[2 * i] as number,
        r[2 * i + 1] as number,
      ) !== 0
    ) {
      return false;
    }
  }
  return true;
}

function signedPlanar(r: Float64Array): number {
  let s = 0;
  const n = r.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    s += (r[2 * i] as number) * (r[2 * j + 1] as number) - (r[2 * j] as number) * (r[2 * i + 1] as number);
  }
  return s / 2;
}

function reverse(r: Float64Array): void {
  const n = r.length / 2;
  for (let i = 0, j = n - 1; i < j; i++, j--) {
    const x = r[2 * i] as number;
    const y = r[2 * i + 1] as number;
    r[2 * i] = r[2 * j] as number;
    r[2 * i + 1] = r[2 * j + 1] as number;
    r[2 * j] = x;
    r[2 * j + 1] = y;
  }
}

interface EdgeRef {
  part: number;
  ring: number;
  i: number;
  n: number;
  r: Float64Array;
}

function checkIntersections(polys: FlatPolygon[], errors: ValidationIssue[]): void {
  const edges: EdgeRef[] = [];
  polys.forEach((p, part) => {
    p.rings.forEach((r, ring) => {
      const n = r.length / 2;
      for (let i = 0; i < n; i++) edges.push({ part, ring, i, n, r });
    });
  });
  const idx = new Flatbush(Math.max(edges.length, 1));
  const seg = (e: EdgeRef): [number, number, number, number] => {
    const j = (e.i + 1) % e.n;
    return [
      e.r[2 * e.i] as number,
      e.r[2 * e.i + 1] as number,
      e.r[2 * j] as number,
      e.r[2 * j + 1] as number,
    ];
  };
  for (const e of edges) {
    const [ax, ay, bx, by] = seg(e);
    idx.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  }
  idx.finish();
  const out = new Float64Array(8);
  for (let k = 0; k < edges.length && errors.length < 5; k++) {
    const e = edges[k] as EdgeRef;
    const [ax, ay, bx, by] = seg(e);
    const hits = idx.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    for (const h of hits) {
      if (h <= k || errors.length >= 5) continue;
      const f = edges[h] as EdgeRef;
      const [cx, cy, dx, dy] = seg(f);
      const sameRing = f.r === e.r;
      const adjacent = sameRing && (f.i === (e.i + 1) % e.n || e.i === (f.i + 1) % f.n);
      const n = intersectSegments(ax, ay, bx, by, cx, cy, dx, dy, out);
      if (n === 0) continue;
      if (adjacent) {
        // neighbours share one vertex; anything more is a spike folding back on itself
        const shared = f.i === (e.i + 1) % e.n ? [bx, by] : [ax, ay];
        const other = f.i === (e.i + 1) % e.n ? [dx, dy] : [cx, cy];
        const base = f.i === (e.i + 1) % e.n ? [ax, ay] : [bx, by];
        const col =
          orient(
            base[0] as number,
            base[1] as number,
            shared[0] as number,
            shared[1] as number,
            other[0] as number,
            other[1] as number,
          ) === 0;
        const back =
          ((other[0] as number) - (shared[0] as number)) * ((base[0] as number) - (shared[0] as number)) +
            ((other[1] as number) - (shared[1] as number)) * ((base[1] as number) - (shared[1] as number)) >
          0;
        if (!(col && back)) continue;
        const at: [number, number] = [shared[0] as number, shared[1] as number];
        errors.push({
          code: 'self-intersection',
          severity: 'error',
          zh: `${whereZh(e.part, e.ring)}在（${fmt(at[0], at[1])}）处折返（尖刺），边自相重叠。`,
          en: `${where(e.part, e.ring)} folds back on itself (a spike) at (${fmt(at[0], at[1])}).`,
          part: e.part,
          ring: e.ring,
          vertex: f.i === (e.i + 1) % e.n ? f.i : e.i,
          at,
        });
        continue;
      }
      const at: [number, number] = [out[0] as number, out[1] as number];
      if (sameRing) {
        errors.push({
          code: 'self-intersection',
          severity: 'error',
          zh: `${whereZh(e.part, e.ring)}自相交：第 ${e.i + 1}–${((e.i + 1) % e.n) + 1} 点之间的边与第 ${f.i + 1}–${((f.i + 1) % f.n) + 1} 点之间的边相交于（${fmt(at[0], at[1])}）。`,
          en: `${where(e.part, e.ring)} intersects itself: the edge from point ${e.i + 1} to ${((e.i + 1) % e.n) + 1} meets the edge from point ${f.i + 1} to ${((f.i + 1) % f.n) + 1} at (${fmt(at[0], at[1])}).`,
          part: e.part,
          ring: e.ring,
          vertex: e.i,
          at,
        });
        continue;
      }
      // different rings may touch at single points, but must not cross or share edges
      const proper = n === 1 && isProperCrossing(ax, ay, bx, by, cx, cy, dx, dy);
      if (n === 2 || proper) {
        errors.push({
          code: 'rings-cross',
          severity: 'error',
          zh: `${whereZh(e.part, e.ring)}与${whereZh(f.part, f.ring)}在（${fmt(at[0], at[1])}）处${n === 2 ? '边重叠' : '交叉'}。`,
          en: `${where(e.part, e.ring)} and ${where(f.part, f.ring)} ${n === 2 ? 'share an edge' : 'cross'} at (${fmt(at[0], at[1])}).`,
          part: e.part,
          ring: e.ring,
          vertex: e.i,
          at,
        });
      }
    }
  }
}

function isProperCrossing(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const o1 = orient(cx, cy, dx, dy, ax, ay);
  const o2 = orient(cx, cy, dx, dy, bx, by);
  const o3 = orient(ax, ay, bx, by, cx, cy);
  const o4 = orient(ax, ay, bx, by, dx, dy);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Point of ring `r` not on the boundary of the other rings, tested with `test`. */
function firstDecisive(r: Float64Array, test: (x: number, y: number) => number): number {
  for (let i = 0; i < r.length / 2; i++) {
    const v = test(r[2 * i] as number, r[2 * i + 1] as number);
    if (v !== -1) return v;
  }
  return -1;
}

function asRingSet(rings: Float64Array[]): { coords: Float64Array; starts: Uint32Array } {
  const total = rings.reduce((s, r) => s + r.length, 0);
  const coords = new Float64Array(total);
  const starts = new Uint32Array(rings.length + 1);
  let off = 0;
  rings.forEach((r, i) => {
    coords.set(r, off);
    off += r.length;
    starts[i + 1] = off / 2;
  });
  return { coords, starts };
}

function checkNesting(polys: FlatPolygon[], errors: ValidationIssue[]): void {
  polys.forEach((p, pi) => {
    const outer = p.rings[0];
    if (!outer) return;
    const o = asRingSet([outer]);
    p.rings.slice(1).forEach((hole, hi) => {
      if (firstDecisive(hole, (x, y) => pointInRings(o.coords, o.starts, 0, 1, x, y)) === 0) {
        errors.push({
          code: 'hole-outside',
          severity: 'error',
          zh: `第 ${pi + 1} 个地块的第 ${hi + 1} 个内环不在外环之内。`,
          en: `Hole ${hi + 1} of part ${pi + 1} lies outside its outer ring.`,
          part: pi,
          ring: hi + 1,
          at: [hole[0] as number, hole[1] as number],
        });
      }
    });
  });
  for (let i = 0; i < polys.length; i++) {
    for (let j = 0; j < polys.length; j++) {
      if (i === j) continue;
      const a = (polys[i] as FlatPolygon).rings[0];
      const b = asRingSet((polys[j] as FlatPolygon).rings);
      if (!a) continue;
      if (firstDecisive(a, (x, y) => pointInRings(b.coords, b.starts, 0, b.starts.length - 1, x, y)) === 1) {
        errors.push({
          code: 'parts-overlap',
          severity: 'error',
          zh: `第 ${i + 1} 个地块位于第 ${j + 1} 个地块之内（地块重叠）。`,
          en: `Part ${i + 1} lies inside part ${j + 1} (parts overlap).`,
          part: i,
          at: [a[0] as number, a[1] as number],
        });
        return;
      }
    }
  }
}
