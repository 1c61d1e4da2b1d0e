/// <reference lib="webworker" />
// The import worker's helper for a large GeoJSON file (domain/importers/geojson-split.ts): it reads, checks and
// encodes the second half of the features while the import worker does the first, and hands back the encoded
// half (EBL1), or null when the file must be imported the ordinary way.
import type { SplitOptions } from '../../domain/importers/geojson-split.ts';
import { type EncodedHalf, encodeFeatureHalf, type LayerTarget } from '../../domain/projects/split-import.ts';

export type HalfRequest =
  | { type: 'half'; bytes: ArrayBuffer; file: string; options: SplitOptions; target: LayerTarget }
  /** the first half's feature count, which numbers this half's features (−1: the first half failed) */
  | { type: 'first'; index: number };

/** `ready` once this module is loaded, `started` when the bytes are here, then the half */
export type HalfResponse =
  | { type: 'ready' }
  | { type: 'started' }
  | { type: 'half'; half: EncodedHalf | null };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let gotFirst: (index: number) => void = () => {};
const first = new Promise<number>((resolve) => {
  gotFirst = resolve;
});

scope.onmessage = (e: MessageEvent<HalfRequest>) => {
  const req = e.data;
  if (req.type === 'first') {
    gotFirst(req.index);
    return;
  }
  scope.postMessage({ type: 'started' } satisfies HalfResponse);
  encodeFeatureHalf(new Uint8Array(req.bytes), req.file, req.options, req.target, first)
    .catch(() => undefined)
    .then((half) => {
      scope.postMessage({ type: 'half', half: half ?? null } satisfies HalfResponse, half ? [half.ebl] : []);
    });
};
// Messages between a nested worker and its parent (and its modules' loading) go through the parent's thread: the
// import worker waits for `ready` and `started` before it reads its own half, else the helper could only begin
// once that half is done.
scope.postMessage({ type: 'ready' } satisfies HalfResponse);
