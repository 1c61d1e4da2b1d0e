/** Messages between the map controller's tile client (main thread) and the user-tiles worker. */
export type TileRequest =
  /** read the layer's stored binary (IndexedDB) and cut it into tiles; `ebl` given: use it instead */
  | { type: 'load'; layerId: string; version: string; ebl?: ArrayBuffer }
  | { type: 'tile'; requestId: number; layerId: string; version: string; z: number; x: number; y: number }
  | { type: 'drop'; layerId: string };

export type TileAnswer =
  | {
      type: 'ready';
      layerId: string;
      version: string;
      /** the stored record's own version (the same unless the layer was stored again meanwhile) */
      storedVersion: string;
      readMs: number;
      buildMs: number;
      featureCount: number;
      vertexCount: number;
      /** the first zoom whose tiles hold a shape of the layer (web/domain/tiles/draw-zoom.ts) */
      firstZoom: number | null;
      /** tile indexes this worker has built so far */
      builds: number;
      /**
       * the tiles are answered from those kept for this version (kept-tiles-db.ts): the index is built only when a
       * tile not kept is asked for, and readMs is the read of what was kept
       */
      kept: boolean;
    }
  | { type: 'failed'; layerId: string; version: string; message: string }
  /** `data`: PBF bytes, empty where the layer has nothing (or the version is no longer current) */
  | { type: 'tile'; requestId: number; data: ArrayBuffer }
  | { type: 'tileFailed'; requestId: number; message: string };
