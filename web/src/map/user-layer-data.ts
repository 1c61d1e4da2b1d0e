import type { FeatureCollection } from 'geojson';

/**
 * Geometry of layers the user replaced with their own data. Kept out of the store (it can be large); the store
 * holds a summary per layer, and the map controller reads the data from here when it builds the style.
 */
const data = new Map<string, FeatureCollection>();

export const userLayerData = (layerId: string): FeatureCollection | undefined => data.get(layerId);

export function putUserLayerData(layerId: string, fc: FeatureCollection | null): void {
  if (fc) data.set(layerId, fc);
  else data.delete(layerId);
}
