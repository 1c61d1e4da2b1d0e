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
      properties: {
        ...f.properties,
        zoneId: typeof f.properties?.zoneId === 'string' ? f.properties.zoneId : `user-${layerId}-${i + 1}`,
        ...(zoneType && typeof f.properties?.zoneType !== 'string' ? { zoneType } : {}),
      },
    })),
  };
}
