/**
 * A single position against a layer: which features contain it, and how far the nearest feature boundary is —
 * the field's "where am I" (web/domain/field). The distance is measured as a project's is (distance.ts): the
 * closest point found in a local planar metric, then the geodesic distance to it on the CGCS2000 ellipsoid.
 */
import { packedBoxMeets } from '../geo/bbox.ts';
import { geodesicDistance } from '../geo/ellipsoid.ts';
import { pointInRings } from '../geo/segments.ts';
import { closestOnSegment, M_PER_DEG_LAT, type Pair } from './distance.ts';
import type { LayerIndex } from './layer.ts';

export interface FeatureAtPoint {
  featureIndex: number;
  featureId: string;
  zoneId: string | null;
  zoneType: string;
  name: string | null;
  /** the position lies on the feature's boundary (exact), not strictly inside */
  onBoundary: boolean;
}

function describe(layer: LayerIndex, f: number, onBoundary: boolean): FeatureAtPoint {
  const props = layer.data.props.at(f);
  return {
    featureIndex: f,
    featureId: props?.id ?? String(f),
    zoneId: props?.zoneId ?? null,
    zoneType: props?.zoneType ?? layer.data.meta.defaultZoneType ?? 'redline',
    name: props?.name ?? null,
    onBoundary,
  };
}

/** The features that contain (lon, lat), in layer order; each part of a multipolygon is tested with its holes. */
export function featuresAtPoint(layer: LayerIndex, lon: number, lat: number): FeatureAtPoint[] {
  const { data } = layer;
  const out: FeatureAtPoint[] = [];
  const hits = layer.tree.search(lon, lat, lon, lat).filter((f) => f < layer.featureCount);
  for (const f of hits.sort((a, b) => a - b)) {
    let where = 0;
    for (let p = data.featurePartStarts[f] as number; p < (data.featurePartStarts[f + 1] as number); p++) {
      const r0 = data.partRingStarts[p] as number;
      const r1 = data.partRingStarts[p + 1] as number;
      const at = pointInRings(data.coords, data.ringStarts, r0, r1, lon, lat);
      if (at !== 0) {
        where = at;
        break;
      }
    }
    if (where !== 0) out.push(describe(layer, f, where === -1));
  }
  return out;
}

export interface NearestBoundary {
  feature: FeatureAtPoint;
  /** the position lies in this feature (the distance is then how far its edge is) */
  inside: boolean;
  distanceM: number;
  /** the closest point on the boundary, [lon, lat] */
  at: [number, number];
}

const NEAREST_LIMIT_M = 2_000_000;

/**
 * The nearest feature boundary to (lon, lat) — inside a feature, how far its edge is; outside, how far the nearest
 * feature is — within limitM, or null. The search box grows until a boundary lies within it.
 */
export function nearestBoundary(
  layer: LayerIndex,
  lon: number,
  lat: number,
  limitM = NEAREST_LIMIT_M,
): NearestBoundary | null {
  const { data } = layer;
  const c = data.coords;
  const here = [lon, lat, lon, lat] as const;
  for (let radius = Math.min(1000, limitM); ; radius = Math.min(radius * 4, limitM)) {
    const dLat = (radius / M_PER_DEG_LAT) * 1.01;
    const dLon = (radius / (111_320 * Math.cos((Math.min(Math.abs(lat) + dLat, 89) * Math.PI) / 180))) * 1.01;
    const best: Pair = { d2: Number.POSITIVE_INFINITY, px: lon, py: lat, qx: 0, qy: 0 };
    let bestF = -1;
    for (const f of layer.tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      if (f >= layer.featureCount) continue;
      const r0 = data.partRingStarts[data.featurePartStarts[f] as number] as number;
      const r1 = data.partRingStarts[data.featurePartStarts[f + 1] as number] as number;
      for (let r = r0; r < r1; r++) {
        if (!packedBoxMeets(layer.ringBBox, r, here, dLon, dLat)) continue;
        const s = data.ringStarts[r] as number;
        const e = data.ringStarts[r + 1] as number;
        for (let j = s; j < e; j++) {
          const k = j + 1 < e ? j + 1 : s;
          const ay = c[2 * j + 1] as number;
          const by = c[2 * k + 1] as number;
          // the local metric at the edge, as featureDistance takes it
          const ky = 111_132.954 - 559.822 * Math.cos((2 * (ay + by) * Math.PI) / 360);
          const kx = 111_412.84 * Math.cos(((ay + by) * Math.PI) / 360);
          const before = best.d2;
          closestOnSegment(lon, lat, c[2 * j] as number, ay, c[2 * k] as number, by, kx, ky, best);
          if (best.d2 < before) bestF = f;
        }
      }
    }
    if (bestF >= 0) {
      const distanceM = geodesicDistance(lon, lat, best.qx, best.qy);
      // a boundary found in the box may still be beaten by one just outside it: accept it only within the radius
      if (distanceM <= radius || radius >= limitM) {
        if (distanceM > limitM) return null;
        const inside = featuresAtPoint(layer, lon, lat).some((z) => z.featureIndex === bestF);
        return {
          feature: describe(layer, bestF, distanceM === 0),
          inside,
          distanceM,
          at: [best.qx, best.qy],
        };
      }
    }
    if (radius >= limitM) return null;
  }
}
