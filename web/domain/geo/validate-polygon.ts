/**
 * Validation of a project boundary before any screening: GeoJSON Polygon/MultiPolygon in lon/lat,
 * closed rings with ≥ 3 distinct points (polygon-input.ts), an extent a project can have (not across the
 * 180° meridian, not larger than the whole region), no self-intersection (reported with its location),
 * no ring without area, holes inside their outer ring, parts not overlapping. Returns the boundary
 * normalised (open rings, consecutive duplicates removed, outer rings counter-clockwise, holes clockwise).
 * The app (on upload, on drawing, in the worker) and the CLI all call this one function.
 */
import { extentProblem, isZeroWidthRing } from './extent.ts';
import { type FlatPolygon, findIntersections } from './intersections.ts';
import { error, fmt, type ValidationIssue, where, whereZh } from './issues.ts';
import { findNestingProblems } from './nesting.ts';
import { reverseRing, ringMeanWidthM, ringOrientation } from './planar.ts';
import { extractPolygons, readPolygons } from './polygon-input.ts';

export type { FlatPolygon } from './intersections.ts';
export type { ValidationCode, ValidationIssue } from './issues.ts';
export { extractPolygons } from './polygon-input.ts';

export type ValidationResult =
  | { ok: true; polygons: FlatPolygon[]; vertexCount: number; warnings: ValidationIssue[] }
  | { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

export { MAX_PROJECT_SPAN_DEG } from './extent.ts';

/** Errors reported at most per kind of geometric check (the first few say enough). */
const MAX_REPORTED = 5;

export function validateProject(input: unknown): ValidationResult {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const polys = extractPolygons(input);
  if (!polys) {
    errors.push(
      error(
        'not-polygon',
        '项目范围必须是面（Polygon 或 MultiPolygon）。',
        'The project boundary must be a Polygon or MultiPolygon.',
      ),
    );
    return { ok: false, errors, warnings };
  }
  if (polys.length === 0) {
    errors.push(error('empty', '项目范围为空。', 'The project boundary is empty.'));
    return { ok: false, errors, warnings };
  }
  const polygons = readPolygons(polys, errors, warnings);
  if (errors.length === 0) checkExtent(polygons, errors);
  if (errors.length === 0) checkIntersections(polygons, errors);
  if (errors.length === 0) checkWidth(polygons, errors);
  if (errors.length === 0) checkNesting(polygons, errors);
  if (errors.length > 0) return { ok: false, errors, warnings };
  let vertexCount = 0;
  for (const p of polygons) {
    p.rings.forEach((r, ri) => {
      vertexCount += r.length / 2;
      if (ringOrientation(r) !== (ri === 0 ? 1 : -1)) reverseRing(r);
    });
  }
  return { ok: true, polygons, vertexCount, warnings };
}

/** Larger than the region, or with an edge across the 180° meridian (which lon/lat edges cannot express). */
function checkExtent(polygons: FlatPolygon[], errors: ValidationIssue[]): void {
  const rings = polygons.flatMap((p) => p.rings);
  const problem = extentProblem(rings);
  if (problem?.kind === 'too-large') {
    const span = `${problem.span[0].toFixed(1)}° × ${problem.span[1].toFixed(1)}°`;
    errors.push(
      error(
        'too-large',
        `项目范围跨经度 × 纬度 ${span}，大于整个内蒙古（约 29° × 16°），不可能是一个项目的范围。请检查坐标（是否为全球范围或坐标系有误）。`,
        `The boundary spans ${span} of longitude × latitude, more than the whole of Inner Mongolia (about 29° × 16°): not a project boundary. Check the coordinates (a whole-world extent, or the wrong coordinate system).`,
      ),
    );
  } else if (problem?.kind === 'antimeridian') {
    // back from the flat ring list to part and ring
    let k = problem.ring;
    let pi = 0;
    while (k >= (polygons[pi] as FlatPolygon).rings.length) k -= (polygons[pi++] as FlatPolygon).rings.length;
    const r = rings[problem.ring] as Float64Array;
    const i = problem.vertex;
    const at: [number, number] = [r[2 * i] as number, r[2 * i + 1] as number];
    errors.push(
      error(
        'antimeridian',
        `${whereZh(pi, k, i)}（${fmt(at[0], at[1])}）到下一点的边跨越 180° 经线。本工具只用于内蒙古范围，不支持跨 180° 经线的范围，请检查经度。`,
        `${where(pi, k, i)} (${fmt(at[0], at[1])}): the edge to the next point crosses the 180° meridian. This tool is for Inner Mongolia and does not take boundaries across the antimeridian; check the longitudes.`,
        { part: pi, ring: k, vertex: i, at },
      ),
    );
  }
}

function checkIntersections(polygons: FlatPolygon[], errors: ValidationIssue[]): void {
  const hits = findIntersections(polygons, { touch: 'between-rings', limit: MAX_REPORTED });
  for (const h of hits) {
    const place = { part: h.part, ring: h.ring, vertex: h.vertex, at: h.at };
    const at = fmt(h.at[0], h.at[1]);
    if (h.kind === 'spike') {
      errors.push(
        error(
          'self-intersection',
          `${whereZh(h.part, h.ring)}在（${at}）处折返（尖刺），边自相重叠。`,
          `${where(h.part, h.ring)} folds back on itself (a spike) at (${at}).`,
          place,
        ),
      );
    } else if (h.sameRing) {
      const n = ringLength(polygons, h.part, h.ring);
      const e1 = `${h.vertex + 1}–${((h.vertex + 1) % n) + 1}`;
      const e2 = `${h.otherVertex + 1}–${((h.otherVertex + 1) % n) + 1}`;
      errors.push(
        error(
          'self-intersection',
          `${whereZh(h.part, h.ring)}自相交：第 ${e1} 点之间的边与第 ${e2} 点之间的边相交于（${at}）。`,
          `${where(h.part, h.ring)} intersects itself: the edge from point ${e1.replace('–', ' to ')} meets the edge from point ${e2.replace('–', ' to ')} at (${at}).`,
          place,
        ),
      );
    } else {
      const shared = h.kind === 'overlap';
      errors.push(
        error(
          'rings-cross',
          `${whereZh(h.part, h.ring)}与${whereZh(h.otherPart, h.otherRing)}在（${at}）处${shared ? '边重叠' : '交叉'}。`,
          `${where(h.part, h.ring)} and ${where(h.otherPart, h.otherRing)} ${shared ? 'share an edge' : 'cross'} at (${at}).`,
          place,
        ),
      );
    }
  }
}

function ringLength(polygons: FlatPolygon[], part: number, ring: number): number {
  return ((polygons[part] as FlatPolygon).rings[ring] as Float64Array).length / 2;
}

/** A ring whose points lie on one line as written, give or take the last binary digit, has no area. */
function checkWidth(polygons: FlatPolygon[], errors: ValidationIssue[]): void {
  polygons.forEach((p, pi) => {
    p.rings.forEach((r, ri) => {
      if (!isZeroWidthRing(r) || errors.length >= MAX_REPORTED) return;
      const w = ringMeanWidthM(r);
      errors.push(
        error(
          'zero-area',
          `${whereZh(pi, ri)}面积为零：各点几乎在一条直线上（平均宽度 ${(w * 1000).toFixed(3)} 毫米），不构成面。`,
          `${where(pi, ri)} has no area: its points lie on one line, give or take rounding (mean width ${(w * 1000).toFixed(3)} mm).`,
          { part: pi, ring: ri, at: [r[0] as number, r[1] as number] },
        ),
      );
    });
  });
}

function checkNesting(polygons: FlatPolygon[], errors: ValidationIssue[]): void {
  for (const p of findNestingProblems(polygons, MAX_REPORTED)) {
    if (p.kind === 'hole-outside') {
      errors.push(
        error(
          'hole-outside',
          `第 ${p.part + 1} 个地块的第 ${p.ring} 个内环不在外环之内。`,
          `Hole ${p.ring} of part ${p.part + 1} lies outside its outer ring.`,
          { part: p.part, ring: p.ring, at: p.at },
        ),
      );
    } else {
      const j = (p.container ?? 0) + 1;
      errors.push(
        error(
          'parts-overlap',
          `第 ${p.part + 1} 个地块位于第 ${j} 个地块之内（地块重叠）。`,
          `Part ${p.part + 1} lies inside part ${j} (parts overlap).`,
          { part: p.part, at: p.at },
        ),
      );
    }
  }
}

/**
 * Why an outline drawn on the map cannot become the project boundary, by the same rules as an uploaded
 * one (validateProject), or null when it can. For the drawing tool, which asks after every edit.
 */
export function outlineProblem(geometry: unknown): ValidationIssue | null {
  const v = validateProject(geometry);
  return v.ok ? null : (v.errors[0] ?? null);
}
