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
  const type = userZoneType(p, zoneType);
  return { ...p, zoneId: userZoneId(p, i, layerId), ...(type ? { zoneType: type } : {}) };
}

/** Feature i's zoneId in a user layer: its own when it has one, else made from the layer and its place. */
export const userZoneId = (
  p: Record<string, unknown> | null | undefined,
  i: number,
  layerId: string,
): string => (typeof p?.zoneId === 'string' ? p.zoneId : `user-${layerId}-${i + 1}`);

/** The layer's zone type for a feature without one of its own (undefined: nothing to add). */
export const userZoneType = (
  p: Record<string, unknown> | null | undefined,
  zoneType: string | undefined,
): string | undefined => (zoneType && typeof p?.zoneType !== 'string' ? zoneType : undefined);
