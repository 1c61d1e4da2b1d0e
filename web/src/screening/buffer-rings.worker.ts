/// <reference lib="webworker" />

import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bufferRings } from './buffer-rings.ts';

/** The map's buffer rings off the main thread: for a 2,000-vertex outline they take seconds (buffer-rings.ts). */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (
  e: MessageEvent<{ id: number; boundary: FeatureCollection<Polygon | MultiPolygon>; distancesM: number[] }>,
) => {
  const { id, boundary, distancesM } = e.data;
  try {
    scope.postMessage({ id, rings: bufferRings(boundary, distancesM) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
