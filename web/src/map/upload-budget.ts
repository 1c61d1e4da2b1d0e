import type maplibregl from 'maplibre-gl';
import type { Tile } from 'maplibre-gl';
import { wantRepaint } from './repaint-requests.ts';

/** What a frame may upload of vector tiles' buffers before tiles not yet drawn wait for the next frame. */
export const UPLOAD_BUDGET_BYTES = 4_000_000;

const HELD = Symbol('upload held');
type HeldTile = Tile & { [HELD]?: true };

const arrayBytes = (v: unknown): number => {
  if (typeof v !== 'object' || v === null) return 0;
  const a = v as { length?: unknown; bytesPerElement?: unknown };
  return typeof a.length === 'number' && typeof a.bytesPerElement === 'number'
    ? a.length * a.bytesPerElement
    : 0;
};

/** The parts of maplibre's buckets (fill, line, circle, symbol …) the budget reads. */
interface BucketParts {
  uploaded?: boolean;
  programConfigurations?: {
    programConfigurations?: Record<string, { binders?: Record<string, { paintVertexArray?: unknown }> }>;
  };
}

/**
 * The bytes a tile's buckets have yet to upload: the vertex and index arrays of buckets never uploaded, and the
 * per-vertex values of paint properties that vary by feature or feature state.
 */
function pendingUploadBytes(tile: Tile): number {
  let n = 0;
  for (const bucket of Object.values(tile.buckets)) {
    if (!bucket.uploadPending()) continue;
    const parts = bucket as BucketParts;
    if (!parts.uploaded) for (const v of Object.values(bucket)) n += arrayBytes(v);
    for (const c of Object.values(parts.programConfigurations?.programConfigurations ?? {}))
      for (const b of Object.values(c.binders ?? {})) n += arrayBytes(b.paintVertexArray);
  }
  return n;
}

const hold = (tile: HeldTile) => {
  if (tile[HELD]) return;
  tile[HELD] = true;
  // not drawn and not uploaded this frame: to the tile manager it is a tile still loading (its loaded parent or
  // children stand in), not one that failed (whose parent it would fetch)
  tile.hasData = () => false;
  tile.wasRequested = () => false;
  tile.upload = () => {};
};

const letGo = (tile: HeldTile) => {
  if (!tile[HELD]) return;
  delete tile[HELD];
  delete (tile as Partial<Tile>).hasData;
  delete (tile as Partial<Tile>).wasRequested;
  delete (tile as Partial<Tile>).upload;
};

/**
 * A frame uploads at most `budget` bytes of vector tiles' buffers (and always one tile); tiles never drawn beyond it
 * are drawn from the next frame on, their loaded parents or children standing in meanwhile. In software WebGL
 * frames that uploaded 8 and 19 MB (farmland tiles after a zoom) waited on the GPU process for 350–600 ms within one
 * bufferData call, the command buffer's transfer memory being full while the previous frame was still drawn.
 * A tile drawn before is never held (a new feature state or a reload after a style change does not hide it), and
 * GeoJSON sources (the built-in layers: small tiles, drawn whole in the first frame) are not held either. While a
 * tile is held the map repaints and does not report itself idle.
 */
export function limitUploadsPerFrame(map: maplibregl.Map, budget = UPLOAD_BUDGET_BYTES): void {
  const { painter } = map;
  const render = painter.render.bind(painter);
  const drawn = new WeakSet<Tile>();
  painter.render = (style, options) => {
    let left = budget;
    let first = true;
    let held = false;
    for (const manager of Object.values(style.tileManagers)) {
      if (manager.getSource().type !== 'vector') continue;
      for (const tile of Object.values(manager._tiles) as HeldTile[]) {
        const bytes = pendingUploadBytes(tile);
        if (bytes > 0 && !first && bytes > left && !drawn.has(tile)) {
          hold(tile);
          held = true;
          continue;
        }
        letGo(tile);
        if (bytes === 0) continue;
        first = false;
        left -= bytes;
        drawn.add(tile);
      }
    }
    render(style, options);
    wantRepaint(map, 'upload-budget', held);
  };
}
