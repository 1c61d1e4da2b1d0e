/**
 * The screening engine: a project boundary against one or more indexed layers. Pure (no DOM), runs in
 * a Web Worker, in Node (CLI, bench) and in tests.
 */
import * as polyclip from 'polyclip-ts';
import { AREA_METHOD, AREA_METHOD_ZH, geodesicDistance, ringSignedArea } from '../geo/ellipsoid.ts';
import { type AreaFigures, areaFigures } from '../geo/units.ts';
import { type FlatPolygon, type ValidationIssue, validateProject } from '../geo/validate-polygon.ts';
import { clipFeature, type FeatureRings, type ProjectRings } from './clip.ts';
import { featureCoordinates, featureRingRange, type LayerIndex, type ProgressFn, ringArea } from './layer.ts';
import {
  isProjectType,
  PROJECT_TYPES,
  type ProjectTypeId,
  VERDICT_LABELS,
  verdictFor,
  type ZoneVerdict,
} from './rules.ts';
import { SegmentGrid } from './segment-grid.ts';

export const ENGINE_VERSION = 'screening-engine/1';

export const DISTANCE_METHOD =
  'Shortest distance between boundaries (vertex–edge pairs, edges straight in lon/lat), measured as a geodesic on CGCS2000';
export const CLIP_METHOD =
  'Exact boundary-fragment intersection in lon/lat with exact orientation predicates (polyclip-ts as fallback)';

export interface ScreenOptions {
  /** declared project type; verdicts are only given when set */
  projectType?: ProjectTypeId | string;
  /** buffer distances in metres, e.g. [500, 1000, 5000] */
  buffersM?: number[];
  /** return overlap geometries as GeoJSON (default true) */
  includeGeometry?: boolean;
  /** compute the nearest boundary when the project lies outside a layer (default true) */
  nearest?: boolean;
  onProgress?: ProgressFn;
}

export interface OverlapResult {
  layerId: string;
  featureId: string;
  zoneId: string | null;
  zoneType: string;
  name: string | null;
  areaM2: number;
  area: AreaFigures;
  /** overlap area / project area */
  share: number;
  /** 'contained': no boundary contact; 'clipped': boundaries cross; 'fallback': clipped by polyclip-ts */
  how: 'contained' | 'clipped' | 'fallback';
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] } | null;
}

export interface NearbyFeature {
  layerId: string;
  featureId: string;
  zoneId: string | null;
  zoneType: string;
  distanceM: number;
}

export interface BufferResult {
  layerId: string;
  distanceM: number;
  /** features within the buffer that the project does not overlap, nearest first */
  features: NearbyFeature[];
}

export interface LayerSummary {
  layerId: string;
  nameZh: string | null;
  nameEn: string | null;
  version: string | null;
  featureCount: number;
  overlapFeatureCount: number;
  overlapAreaM2: number;
  overlapArea: AreaFigures;
  share: number;
  /** nearest non-overlapping feature; null when none within the search limit */
  nearest: NearbyFeature | null;
}

export interface VerdictResult extends ZoneVerdict {
  layerIds: string[];
  overlapAreaM2: number;
}

export interface ScreeningResult {
  engine: string;
  method: { area: string; areaZh: string; clip: string; distance: string };
  project: {
    areaM2: number;
    area: AreaFigures;
    bbox: [number, number, number, number];
    parts: number;
    vertexCount: number;
    warnings: ValidationIssue[];
  };
  projectType: { id: string; zh: string; en: string } | null;
  projectAreaM2: number;
  layers: LayerSummary[];
  overlaps: OverlapResult[];
  /** nearest boundary over all layers the project does not overlap (null if it overlaps every layer) */
  nearest: NearbyFeature | null;
  buffers: BufferResult[];
  verdicts: VerdictResult[];
  /** the strictest verdict, or null without a declared project type or without overlaps */
  overallVerdict: VerdictResult['verdict'] | null;
}

export type ScreenOutcome =
  | { ok: true; result: ScreeningResult }
  | { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

/** Prepared project: flat rings, a segment grid and ring areas. Reusable across layers. */
export function prepareProject(polygons: FlatPolygon[]): ProjectRings & { areaM2: number } {
  const rings = polygons.flatMap((p) => p.rings);
  const total = rings.reduce((s, r) => s + r.length, 0);
  const coords = new Float64Array(total);
  const ringStarts = new Uint32Array(rings.length + 1);
  let off = 0;
  rings.forEach((r, i) => {
    coords.set(r, off);
    off += r.length;
    ringStarts[i + 1] = off / 2;
  });
  const grid = new SegmentGrid({ coords, ringStarts }, 1);
  const ringArea = new Float64Array(rings.length);
  let areaM2 = 0;
  for (let r = 0; r < rings.length; r++) {
    ringArea[r] = ringSignedArea(coords, ringStarts[r] as number, ringStarts[r + 1] as number);
    areaM2 += ringArea[r] as number;
  }
  return { coords, ringStarts, grid, bbox: [grid.minX, grid.minY, grid.maxX, grid.maxY], ringArea, areaM2 };
}

/** Validates and screens. Never throws on bad input: returns the validation errors instead. */
export function screenProject(
  input: unknown,
  layers: LayerIndex[],
  options: ScreenOptions = {},
): ScreenOutcome {
  const v = validateProject(input);
  if (!v.ok) return v;
  const P = prepareProject(v.polygons);
  const includeGeometry = options.includeGeometry ?? true;
  const buffersM = [...new Set(options.buffersM ?? [])].filter((b) => b > 0).sort((a, b) => a - b);
  const wantNearest = options.nearest ?? true;
  const overlaps: OverlapResult[] = [];
  const summaries: LayerSummary[] = [];
  const buffers: BufferResult[] = [];
  layers.forEach((layer, li) => {
    options.onProgress?.({ phase: 'screen', done: li, total: layers.length });
    const layerOverlaps = overlapsInLayer(P, layer, includeGeometry);
    overlaps.push(...layerOverlaps);
    const overlapping = new Set(layerOverlaps.map((o) => o.featureId));
    const near =
      buffersM.length > 0 || wantNearest ? nearbyInLayer(P, layer, overlapping, buffersM, wantNearest) : null;
    for (const b of buffersM) {
      buffers.push({
        layerId: layer.data.meta.id,
        distanceM: b,
        features: (near?.within ?? []).filter((f) => f.distanceM <= b),
      });
    }
    const sum = layerOverlaps.reduce((s, o) => s + o.areaM2, 0);
    summaries.push({
      layerId: layer.data.meta.id,
      nameZh: layer.data.meta.nameZh ?? null,
      nameEn: layer.data.meta.nameEn ?? null,
      version: layer.data.meta.version ?? null,
      featureCount: layer.featureCount,
      overlapFeatureCount: layerOverlaps.length,
      overlapAreaM2: sum,
      overlapArea: areaFigures(sum),
      share: sum / P.areaM2,
      nearest: near?.nearest ?? null,
    });
  });
  options.onProgress?.({ phase: 'screen', done: layers.length, total: layers.length });
  for (const o of overlaps) o.share = o.areaM2 / P.areaM2;

  const pt = options.projectType && isProjectType(options.projectType) ? options.projectType : null;
  const verdicts: VerdictResult[] = [];
  if (pt) {
    const byZone = new Map<string, VerdictResult>();
    for (const o of overlaps) {
      let vr = byZone.get(o.zoneType);
      if (!vr) {
        vr = { ...verdictFor(pt, o.zoneType), layerIds: [], overlapAreaM2: 0 };
        byZone.set(o.zoneType, vr);
      }
      if (!vr.layerIds.includes(o.layerId)) vr.layerIds.push(o.layerId);
      vr.overlapAreaM2 += o.areaM2;
    }
    verdicts.push(...byZone.values());
    verdicts.sort((a, b) => VERDICT_LABELS[b.verdict].severity - VERDICT_LABELS[a.verdict].severity);
  }
  const nearestAll = summaries
    .filter((s) => s.overlapFeatureCount === 0 && s.nearest)
    .map((s) => s.nearest as NearbyFeature)
    .sort((a, b) => a.distanceM - b.distanceM)[0];
  const ptDef = pt ? PROJECT_TYPES.find((p) => p.id === pt) : undefined;
  return {
    ok: true,
    result: {
      engine: ENGINE_VERSION,
      method: { area: AREA_METHOD, areaZh: AREA_METHOD_ZH, clip: CLIP_METHOD, distance: DISTANCE_METHOD },
      project: {
        areaM2: P.areaM2,
        area: areaFigures(P.areaM2),
        bbox: P.bbox,
        parts: v.polygons.length,
        vertexCount: v.vertexCount,
        warnings: v.warnings,
      },
      projectType: ptDef ? { id: ptDef.id, zh: ptDef.zh, en: ptDef.en } : null,
      projectAreaM2: P.areaM2,
      layers: summaries,
      overlaps,
      nearest: nearestAll ?? null,
      buffers,
      verdicts,
      overallVerdict: verdicts[0]?.verdict ?? null,
    },
  };
}

function featureRings(layer: LayerIndex, f: number): FeatureRings {
  const [ringFrom, ringTo] = featureRingRange(layer.data, f);
  return {
    coords: layer.data.coords,
    ringStarts: layer.data.ringStarts,
    ringBBox: layer.ringBBox,
    ringFrom,
    ringTo,
    ringArea: (r) => ringArea(layer, r),
  };
}

/** Every feature of the layer with a positive overlap area. */
export function overlapsInLayer(
  P: ProjectRings,
  layer: LayerIndex,
  includeGeometry: boolean,
): OverlapResult[] {
  const [minX, minY, maxX, maxY] = P.bbox;
  const out: OverlapResult[] = [];
  const candidates = layer.tree.search(minX, minY, maxX, maxY);
  candidates.sort((a, b) => a - b);
  for (const f of candidates) {
    if (f >= layer.featureCount) continue;
    const F = featureRings(layer, f);
    let res = clipFeature(P, F, includeGeometry);
    let how: OverlapResult['how'] = res.ok && !res.touched ? 'contained' : 'clipped';
    if (!res.ok) {
      res = clipWithPolyclip(P, layer, f);
      how = 'fallback';
    }
    if (!res.ok || !(res.areaM2 > 1e-6)) continue;
    const props = layer.data.props[f];
    out.push({
      layerId: layer.data.meta.id,
      featureId: props?.id ?? String(f),
      zoneId: props?.zoneId ?? null,
      zoneType: props?.zoneType ?? layer.data.meta.defaultZoneType ?? 'redline',
      name: props?.name ?? null,
      areaM2: res.areaM2,
      area: areaFigures(res.areaM2),
      share: 0,
      how,
      geometry: includeGeometry ? { type: 'MultiPolygon', coordinates: res.polygons } : null,
    });
  }
  return out;
}

function ringsAsGeoJson(
  coords: Float64Array,
  starts: ArrayLike<number>,
  from: number,
  to: number,
): [number, number][][] {
  const rings: [number, number][][] = [];
  for (let r = from; r < to; r++) {
    const ring: [number, number][] = [];
    const s = starts[r] as number;
    const e = starts[r + 1] as number;
    for (let i = s; i < e; i++) ring.push([coords[2 * i] as number, coords[2 * i + 1] as number]);
    ring.push([coords[2 * s] as number, coords[2 * s + 1] as number]);
    rings.push(ring);
  }
  return rings;
}

/** Safety net for inputs the fragment clipper declines (a test point exactly on a boundary). */
function clipWithPolyclip(P: ProjectRings, layer: LayerIndex, f: number) {
  const project = ringsAsGeoJson(P.coords, P.ringStarts, 0, P.ringStarts.length - 1);
  // the project's rings may belong to several parts: give polyclip one polygon per outer ring
  const parts: [number, number][][][] = [];
  project.forEach((ring, i) => {
    if ((P.ringArea[i] as number) > 0 || parts.length === 0) parts.push([ring]);
    else (parts[parts.length - 1] as [number, number][][]).push(ring);
  });
  const feature = featureCoordinates(layer.data, f) as [number, number][][][];
  const clipped = polyclip.intersection(parts, feature);
  let area = 0;
  for (const poly of clipped) {
    poly.forEach((ring, k) => {
      const flat = new Float64Array(ring.slice(0, -1).flat());
      const a = Math.abs(ringSignedArea(flat, 0, flat.length / 2));
      area += k === 0 ? a : -a;
    });
  }
  return { ok: true as const, areaM2: area, polygons: clipped as number[][][][], touched: true };
}

// ---------------------------------------------------------------- distances

const M_PER_DEG_LAT = 110_574; // lower bound over 37–54°N is ~110.9 km; used only for search boxes

interface Pair {
  d2: number;
  px: number;
  py: number;
  qx: number;
  qy: number;
}

/** Planar closest point of segment a–b to p in a local metric (kx, ky metres per degree). */
function closestOnSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  kx: number,
  ky: number,
  best: Pair,
): void {
  const ux = (bx - ax) * kx;
  const uy = (by - ay) * ky;
  const wx = (px - ax) * kx;
  const wy = (py - ay) * ky;
  const len2 = ux * ux + uy * uy;
  let t = len2 > 0 ? (wx * ux + wy * uy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const dx = wx - t * ux;
  const dy = wy - t * uy;
  const d2 = dx * dx + dy * dy;
  if (d2 < best.d2) {
    best.d2 = d2;
    best.px = px;
    best.py = py;
    best.qx = ax + t * (bx - ax);
    best.qy = ay + t * (by - ay);
  }
}

/** Shortest distance (m) between the project boundary and feature f, or +∞ if more than limitM. */
export function featureDistance(P: ProjectRings, layer: LayerIndex, f: number, limitM: number): number {
  const [r0, r1] = featureRingRange(layer.data, f);
  const c = layer.data.coords;
  const pc = P.coords;
  const grid = P.grid;
  const latMax = Math.max(Math.abs(P.bbox[1]), Math.abs(P.bbox[3])) + limitM / M_PER_DEG_LAT;
  const dLat = (limitM / M_PER_DEG_LAT) * 1.01;
  const dLon = (limitM / (111_320 * Math.cos((Math.min(latMax, 89) * Math.PI) / 180))) * 1.01;
  const [pminX, pminY, pmaxX, pmaxY] = P.bbox;
  const best: Pair = { d2: Number.POSITIVE_INFINITY, px: 0, py: 0, qx: 0, qy: 0 };
  for (let r = r0; r < r1; r++) {
    const bb = 4 * r;
    if (
      (layer.ringBBox[bb] as number) > pmaxX + dLon ||
      (layer.ringBBox[bb + 2] as number) < pminX - dLon ||
      (layer.ringBBox[bb + 1] as number) > pmaxY + dLat ||
      (layer.ringBBox[bb + 3] as number) < pminY - dLat
    )
      continue;
    const s = layer.data.ringStarts[r] as number;
    const e = layer.data.ringStarts[r + 1] as number;
    for (let j = s; j < e; j++) {
      const k = j + 1 < e ? j + 1 : s;
      const cx = c[2 * j] as number;
      const cy = c[2 * j + 1] as number;
      const dx = c[2 * k] as number;
      const dy = c[2 * k + 1] as number;
      const minX = Math.min(cx, dx) - dLon;
      const maxX = Math.max(cx, dx) + dLon;
      const minY = Math.min(cy, dy) - dLat;
      const maxY = Math.max(cy, dy) + dLat;
      if (maxX < pminX || minX > pmaxX || maxY < pminY || minY > pmaxY) continue;
      const ky = 111_132.954 - 559.822 * Math.cos((2 * (cy + dy) * Math.PI) / 360);
      const kx = 111_412.84 * Math.cos(((cy + dy) * Math.PI) / 360);
      grid.queryBox(minX, minY, maxX, maxY, (pe) => {
        const pf = grid.edgeNext[pe] as number;
        const ax = pc[2 * pe] as number;
        const ay = pc[2 * pe + 1] as number;
        const bx = pc[2 * pf] as number;
        const by = pc[2 * pf + 1] as number;
        closestOnSegment(ax, ay, cx, cy, dx, dy, kx, ky, best);
        closestOnSegment(cx, cy, ax, ay, bx, by, kx, ky, best);
      });
    }
  }
  if (!Number.isFinite(best.d2)) return Number.POSITIVE_INFINITY;
  const d = geodesicDistance(best.px, best.py, best.qx, best.qy);
  return d <= limitM ? d : Number.POSITIVE_INFINITY;
}

function nearby(layer: LayerIndex, f: number, distanceM: number): NearbyFeature {
  const props = layer.data.props[f];
  return {
    layerId: layer.data.meta.id,
    featureId: props?.id ?? String(f),
    zoneId: props?.zoneId ?? null,
    zoneType: props?.zoneType ?? layer.data.meta.defaultZoneType ?? 'redline',
    distanceM,
  };
}

function searchBox(P: ProjectRings, m: number): [number, number, number, number] {
  const latMax = Math.max(Math.abs(P.bbox[1]), Math.abs(P.bbox[3])) + m / M_PER_DEG_LAT;
  const dLat = (m / M_PER_DEG_LAT) * 1.01;
  const dLon = (m / (111_320 * Math.cos((Math.min(latMax, 89) * Math.PI) / 180))) * 1.01;
  return [P.bbox[0] - dLon, P.bbox[1] - dLat, P.bbox[2] + dLon, P.bbox[3] + dLat];
}

const NEAREST_LIMIT_M = 2_000_000;

/** Features within the largest buffer (not overlapping), and the nearest non-overlapping feature. */
export function nearbyInLayer(
  P: ProjectRings,
  layer: LayerIndex,
  overlapping: Set<string>,
  buffersM: number[],
  wantNearest: boolean,
): { within: NearbyFeature[]; nearest: NearbyFeature | null } {
  const maxBuffer = buffersM.length > 0 ? Math.max(...buffersM) : 0;
  const within: NearbyFeature[] = [];
  const measured = new Map<number, number>();
  const skip = (f: number): boolean => overlapping.has(layer.data.props[f]?.id ?? String(f));
  if (maxBuffer > 0) {
    const [a, b, c, d] = searchBox(P, maxBuffer);
    for (const f of layer.tree.search(a, b, c, d)) {
      if (f >= layer.featureCount || skip(f)) continue;
      const dist = featureDistance(P, layer, f, maxBuffer);
      measured.set(f, dist);
      if (dist <= maxBuffer) within.push(nearby(layer, f, dist));
    }
    within.sort((x, y) => x.distanceM - y.distanceM);
  }
  let nearest: NearbyFeature | null = within[0] ?? null;
  if (wantNearest && !nearest && overlapping.size === 0) {
    // grow the search radius until a feature lies within it (bbox proximity ⇏ geometric proximity)
    for (let radius = Math.max(maxBuffer, 1000); radius <= NEAREST_LIMIT_M && !nearest; radius *= 4) {
      const [a, b, c, d] = searchBox(P, radius);
      let best = Number.POSITIVE_INFINITY;
      let bestF = -1;
      for (const f of layer.tree.search(a, b, c, d)) {
        if (f >= layer.featureCount || skip(f)) continue;
        const known = measured.get(f);
        const dist =
          known !== undefined && Number.isFinite(known)
            ? known
            : featureDistance(P, layer, f, Math.min(radius, best));
        if (dist < best) {
          best = dist;
          bestF = f;
        }
      }
      if (bestF >= 0) nearest = nearby(layer, bestF, best);
    }
  }
  return { within, nearest };
}
