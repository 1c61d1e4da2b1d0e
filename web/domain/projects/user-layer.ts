import type { FeatureCollection } from 'geojson';
import type { UserLayer } from '../importers/index.ts';

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

/** UTF-8 GeoJSON bytes of a user layer, whichever way it is kept. */
export function userLayerBytes(l: UserLayer): ArrayBuffer {
  if (l.geojson) return l.geojson;
  if (!l.data) throw new Error(`user layer ${l.id} has no features`);
  return new TextEncoder().encode(JSON.stringify(l.data)).buffer as ArrayBuffer;
}
