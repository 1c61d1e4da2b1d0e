/// <reference lib="webworker" />
// Reads a user's layer file off the main thread: a large red-line dataset takes seconds to parse and check.
import { importUserLayer } from '../../domain/importers/index.ts';

export interface ImportRequest {
  file: File;
  options: { layerId: string; source: 'wgs84' | 'gcj02' | 'bd09'; provenanceNote: string };
}

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const { file, options } = e.data;
  try {
    const result = await importUserLayer(
      { name: file.name, size: file.size, arrayBuffer: () => file.arrayBuffer() },
      options,
    );
    self.postMessage({ result });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
