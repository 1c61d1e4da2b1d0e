/** Distances from a prepared project to layer features: buffers and the nearest boundary. */
import { packedBoxMeets } from '../geo/bbox.ts';
import { geodesicDistance } from '../geo/ellipsoid.ts';
import type { ProjectRings } from './clip.ts';
import { featureRingRange, type LayerIndex } from './layer.ts';
import type { NearbyFeature } from './results.ts';

export const M_PER_DEG_LAT = 110_574; // lower bound over 37–54°N is ~110.9 km; used only for search boxes

export interface Pair {
  d2: number;
  px: number;
  py: number;
  qx: number;
  qy: number;
}

/** Planar closest point of segment a–b to p in a local metric (kx, ky metres per degree). */
export function closestOnSegment(
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
  // biome-ignore lint/complexity/useMathMinMax: the nearest-boundary loop, kept as written; t is finite, so the clamp and Math.min/max agree
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

/** the feature edge being measured: c (0, 1), d (2, 3), metres per degree of longitude (4) and latitude (5) there */
const edgeScale = new Float64Array(6);

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
  // the feature edge c → d and its local scale, read by one callback for every query (a closure per edge, or
  // doubles kept in the closure's variables, were most of what this allocated)
  const q = edgeScale;
  const closest = (pe: number): void => {
    const pf = grid.edgeNext[pe] as number;
    const ax = pc[2 * pe] as number;
    const ay = pc[2 * pe + 1] as number;
    const bx = pc[2 * pf] as number;
    const by = pc[2 * pf + 1] as number;
    const cx = q[0] as number;
    const cy = q[1] as number;
    const dx = q[2] as number;
    const dy = q[3] as number;
    const kx = q[4] as number;
    const ky = q[5] as number;
    closestOnSegment(ax, ay, cx, cy, dx, dy, kx, ky, best);
    closestOnSegment(cx, cy, ax, ay, bx, by, kx, ky, best);
  };
  for (let r = r0; r < r1; r++) {
    if (!packedBoxMeets(layer.ringBBox, r, P.bbox, dLon, dLat)) continue;
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
      q[0] = cx;
      q[1] = cy;
      q[2] = dx;
      q[3] = dy;
      q[4] = 111_412.84 * Math.cos(((cy + dy) * Math.PI) / 360);
      q[5] = 111_132.954 - 559.822 * Math.cos((2 * (cy + dy) * Math.PI) / 360);
      grid.queryBox(minX, minY, maxX, maxY, closest);
    }
  }
  if (!Number.isFinite(best.d2)) return Number.POSITIVE_INFINITY;
  const d = geodesicDistance(best.px, best.py, best.qx, best.qy);
  return d <= limitM ? d : Number.POSITIVE_INFINITY;
}

function nearby(layer: LayerIndex, f: number, distanceM: number): NearbyFeature {
  const props = layer.data.props.at(f);
  return {
    layerId: layer.data.meta.id,
    featureId: props?.id ?? String(f),
    zoneId: props?.zoneId ?? null,
    zoneType: props?.zoneType ?? layer.data.meta.defaultZoneType ?? 'redline',
    name: props?.name ?? null,
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

/**
 * Features within the largest buffer (not overlapping), and the nearest non-overlapping feature; `named` gets the
 * feature numbers of both.
 */
export function nearbyInLayer(
  P: ProjectRings,
  layer: LayerIndex,
  overlapping: Set<string>,
  buffersM: number[],
  wantNearest: boolean,
  named?: Set<number>,
): { within: NearbyFeature[]; nearest: NearbyFeature | null } {
  const maxBuffer = buffersM.length > 0 ? Math.max(...buffersM) : 0;
  const within: NearbyFeature[] = [];
  const measured = new Map<number, number>();
  // a feature's properties are read only when some feature overlaps (stored layers parse them when asked for)
  const skip = (f: number): boolean =>
    overlapping.size > 0 && overlapping.has(layer.data.props.at(f)?.id ?? String(f));
  if (maxBuffer > 0) {
    const [a, b, c, d] = searchBox(P, maxBuffer);
    for (const f of layer.tree.search(a, b, c, d)) {
      if (f >= layer.featureCount || skip(f)) continue;
      const dist = featureDistance(P, layer, f, maxBuffer);
      measured.set(f, dist);
      if (dist <= maxBuffer) {
        within.push(nearby(layer, f, dist));
        named?.add(f);
      }
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
      if (bestF >= 0) {
        nearest = nearby(layer, bestF, best);
        named?.add(bestF);
      }
    }
  }
  return { within, nearest };
}
