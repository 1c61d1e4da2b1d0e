import type { LayerMeta } from '../../domain/screening/layer.ts';
import type { ScreeningRequest, ScreeningResponse } from '../../domain/screening/worker-protocol.ts';

/**
 * The start of the screening worker's name when the page names the stored layers it reads at once (a JSON array of
 * `{ id, version?, meta? }` follows, as prefetchStored carries them): screening-worker-start.ts.
 */
export const PREFETCH_NAME = 'ebm-screening-prefetch:';

/** A stored layer a worker's name asks it to read at once, as prefetchStored carries it. */
export interface NamedLayer {
  id: string;
  version?: string;
  meta?: LayerMeta;
}

/** The stored layers named in a worker's name (PREFETCH_NAME and a JSON array); none for any other name. */
export function namedLayers(name: string): NamedLayer[] {
  if (!name.startsWith(PREFETCH_NAME)) return [];
  let named: unknown;
  try {
    named = JSON.parse(name.slice(PREFETCH_NAME.length));
  } catch {
    return [];
  }
  if (!Array.isArray(named)) return [];
  const out: NamedLayer[] = [];
  for (const e of named as { id?: unknown; version?: unknown; meta?: unknown }[]) {
    if (typeof e?.id !== 'string') continue;
    const meta = e.meta as LayerMeta | undefined;
    if (typeof e.version === 'string' && meta && typeof meta === 'object' && meta.id === e.id)
      out.push({ id: e.id, version: e.version, meta });
    else out.push({ id: e.id });
  }
  return out;
}

/**
 * What the app sends to its screening worker: the engine's protocol, plus loading a layer from a same-origin
 * URL or from the user's in-memory data (the worker parses the GeoJSON, never the main thread), or a stored user
 * layer read from IndexedDB in its binary form. It answers `layerHashed` with the SHA-256 of the data, for the
 * report.
 */
export type ClientRequest =
  | ScreeningRequest
  | { type: 'loadLayerFrom'; requestId: number; url: string; meta: LayerMeta }
  | { type: 'loadLayerData'; requestId: number; data: unknown; meta: LayerMeta }
  /** a user layer the import stored (web/src/storage/layer-binary-db.ts), read by the worker itself */
  | { type: 'loadStoredLayer'; requestId: number; layerId: string; version: string; meta: LayerMeta }
  /**
   * read a stored layer now (page start), for the loadStoredLayer that follows (which takes the read when its
   * version is the one asked for); with `version` and `meta` (those the page last loaded it with) also decode and
   * index it at once, for a loadStoredLayer asking for that same version and metadata; no answer
   */
  | { type: 'prefetchStored'; requestId: number; layerId: string; version?: string; meta?: LayerMeta }
  /** forget a read begun by prefetchStored (the page does not load that layer); no answer */
  | { type: 'dropPrefetched'; requestId: number; layerId: string }
  /**
   * e2e builds only, when a test asks (window.__holdCoordsFill): stored layers' coordinates are read in only as checks
   * need them, not in the background (screening-worker-body.ts fillCoords); no answer
   */
  | { type: 'holdCoordsFill'; requestId: 0 };

export type ClientResponse =
  | ScreeningResponse
  | {
      type: 'layerHashed';
      requestId: number;
      layerId: string;
      sha256: string;
      bytes: number;
      /** ms for the layer to reach the worker: fetched and parsed, or read from IndexedDB */
      readMs?: number;
    };
