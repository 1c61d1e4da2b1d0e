import { buffer } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * Rings at the buffer distances around a project, for the map only. Turf buffers on a sphere with segments
 * (about ±1 % of the distance); which features lie within a distance is decided by the engine's ellipsoidal
 * distances, not by these rings.
 */
export function bufferRings(
  boundary: FeatureCollection<Polygon | MultiPolygon>,
  distancesM: number[],
): FeatureCollection<Polygon | MultiPolygon> {
  const features: Feature<Polygon | MultiPolygon>[] = [];
  for (const d of [...distancesM].sort((a, b) => b - a)) {
    const ring = buffer(boundary, d / 1000, { units: 'kilometers', steps: 16 });
    for (const f of ring?.features ?? []) features.push({ ...f, properties: { distanceM: d } });
  }
  return { type: 'FeatureCollection', features };
}
