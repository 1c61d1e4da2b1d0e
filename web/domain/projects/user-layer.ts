import type { FeatureCollection } from 'geojson';

/**
 * A user layer's features as the app uses them: the user's own properties kept, a `zoneId` (so features can be
 * selected) and the layer's zone type (read by the screening rules) filled in where missing.
 */
export function normaliseUserFeatures(
  fc: FeatureCollection,
  layerId: string,
  zoneType?: string,
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f, i) => ({
      ...f,
      properties: userFeatureProperties(f.properties, i, layerId, zoneType),
    })),
  };
}

/** The properties of feature i (0-based) as normaliseUserFeatures gives them: a new object. */
export function userFeatureProperties(
  p: Record<string, unknown> | null | undefined,
  i: number,
  layerId: string,
  zoneType?: string,
): Record<string, unknown> {
  return {
    ...p,
    zoneId: typeof p?.zoneId === 'string' ? p.zoneId : `user-${layerId}-${i + 1}`,
    ...(zoneType && typeof p?.zoneType !== 'string' ? { zoneType } : {}),
  };
}
