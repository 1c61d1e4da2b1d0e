/**
 * Layers the user replaced with their own data, as object URLs of their GeoJSON bytes. maplibre and the screening
 * worker fetch and parse them off the main thread; the store holds only a summary per layer.
 */
const urls = new Map<string, string>();

export const userLayerUrl = (layerId: string): string | undefined => urls.get(layerId);

export function putUserLayerBytes(layerId: string, bytes: ArrayBuffer | null): void {
  const old = urls.get(layerId);
  if (old) URL.revokeObjectURL(old);
  if (bytes) urls.set(layerId, URL.createObjectURL(new Blob([bytes], { type: 'application/geo+json' })));
  else urls.delete(layerId);
}
