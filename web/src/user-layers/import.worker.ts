/// <reference lib="webworker" />
// Reads a user's layer file off the main thread and hands back its GeoJSON as bytes (transferred, not copied):
// a provincial red-line dataset has millions of vertices, and rebuilding it as objects on the main thread, or
// cloning it into IndexedDB and maplibre, would freeze the page for seconds.
import { importUserLayer, type UserLayerResult } from '../../domain/importers/index.ts';
import { normaliseUserFeatures } from '../../domain/projects/user-layer.ts';

export interface ImportRequest {
  file: File;
  options: { layerId: string; source: 'wgs84' | 'gcj02' | 'bd09'; provenanceNote: string };
  zoneType?: string;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { file, options, zoneType } = e.data;
  try {
    const result: UserLayerResult = await importUserLayer(
      { name: file.name, size: file.size, arrayBuffer: () => file.arrayBuffer() },
      options,
    );
    if (!result.ok || !result.layer.data) {
      scope.postMessage({ result });
      return;
    }
    const fc = normaliseUserFeatures(result.layer.data, options.layerId, zoneType);
    const geojson = new TextEncoder().encode(JSON.stringify(fc)).buffer as ArrayBuffer;
    const layer = { ...result.layer, data: undefined, geojson };
    scope.postMessage({ result: { ...result, layer } }, [geojson]);
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
