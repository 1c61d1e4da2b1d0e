import type { LayerMeta } from '../../domain/screening/layer.ts';
import type { ScreeningRequest, ScreeningResponse } from '../../domain/screening/worker-protocol.ts';

/**
 * What the app sends to its screening worker: the engine's protocol, plus loading a layer from a same-origin
 * URL or from the user's in-memory data. Either way the worker parses the GeoJSON (never the main thread) and
 * answers `layerHashed` with the SHA-256 of what it read, for the report.
 */
export type ClientRequest =
  | ScreeningRequest
  | { type: 'loadLayerFrom'; requestId: number; url: string; meta: LayerMeta }
  | { type: 'loadLayerData'; requestId: number; data: unknown; meta: LayerMeta };

export type ClientResponse =
  | ScreeningResponse
  | { type: 'layerHashed'; requestId: number; layerId: string; sha256: string; bytes: number };
