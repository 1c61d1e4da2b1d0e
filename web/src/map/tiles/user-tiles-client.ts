import maplibregl from 'maplibre-gl';
import { parseUserTileUrl, USER_TILE_SCHEME, userTileUrl } from '../../../domain/tiles/user-tiles.ts';
import { afterStoredLayersRead } from '../../screening/screening-worker-start.ts';
import type { TileAnswer, TileRequest } from './tile-messages.ts';

export interface UserTilesEvents {
  /** the layer's tiles could not be built (e.g. its stored data is missing) */
  onFailed(layerId: string, message: string): void;
  /** the layer's tiles are built: they hold shapes from `firstZoom` on (null: none) */
  onReady(layerId: string, firstZoom: number | null): void;
  /** the layer's tiles are no longer drawn (removed, or a new import) */
  onDropped(layerId: string): void;
}

/** The client whose handler the `ebm-tiles` scheme calls now. */
let registered: UserTilesClient | null = null;

/**
 * The map controller's side of the user-tiles worker: registers the `ebm-tiles` URL scheme with maplibre,
 * asks the worker to cut a layer's import into tiles once per version, when the map first asks for one of its
 * tiles (maplibre asks only for shown layers), and relays tile requests to it. The layer's first readiness is
 * recorded as the User Timing measure `ebm:draw:tiles` (first tile asked → worker ready, `detail.kept` when its
 * tiles are answered from those kept), and so is an index built later for a tile not kept.
 */
export class UserTilesClient {
  private worker: Worker | null = null;
  /** layer id → the version its source shows */
  private readonly current = new Map<string, string>();
  /** `${layerId}\n${version}` asked of the worker */
  private readonly requested = new Set<string>();
  private readonly pending = new Map<number, (a: TileAnswer) => void>();
  private readonly started = new Map<string, number>();
  private nextId = 1;
  /** loads asked of the worker, in order; a tile is asked for after the load of its layer */
  private loads: Promise<void> = Promise.resolve();
  private destroyed = false;

  constructor(private readonly events: UserTilesEvents) {
    maplibregl.addProtocol(USER_TILE_SCHEME, (params) => this.load(params.url));
    registered = this;
  }

  /** The tile URL template of this import of the layer. */
  url(layerId: string, version: string): string {
    const was = this.current.get(layerId);
    if (was !== version) {
      if (was !== undefined) this.drop(layerId);
      this.current.set(layerId, version);
    }
    return userTileUrl(layerId, version);
  }

  /** The layer is no longer the user's (or has a new import): its index is dropped. */
  drop(layerId: string): void {
    const was = this.current.get(layerId);
    if (was === undefined) return;
    this.current.delete(layerId);
    this.events.onDropped(layerId);
    if (this.requested.delete(`${layerId}\n${was}`)) this.post({ type: 'drop', layerId });
  }

  destroy(): void {
    // the scheme is global: a map created before this one was destroyed keeps its own registration
    if (registered === this) {
      maplibregl.removeProtocol(USER_TILE_SCHEME);
      registered = null;
    }
    this.destroyed = true;
    this.worker?.terminate();
    this.worker = null;
    for (const answer of this.pending.values())
      answer({ type: 'tile', requestId: 0, data: new ArrayBuffer(0) });
    this.pending.clear();
  }

  private post(msg: TileRequest): void {
    if (this.destroyed) return;
    if (!this.worker) {
      this.worker = new Worker(new URL('./user-tiles.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<TileAnswer>) => this.answer(e.data);
      this.worker.onerror = (e) => {
        for (const layerId of this.current.keys())
          this.events.onFailed(layerId, e.message || 'tile worker failed');
      };
    }
    this.worker.postMessage(msg);
  }

  private answer(a: TileAnswer): void {
    if (a.type === 'tile' || a.type === 'tileFailed') {
      this.pending.get(a.requestId)?.(a);
      this.pending.delete(a.requestId);
      return;
    }
    const key = `${a.layerId}\n${a.version}`;
    const start = this.started.get(key);
    this.started.delete(key);
    if (a.type === 'failed') {
      if (this.current.get(a.layerId) === a.version) this.events.onFailed(a.layerId, a.message);
      return;
    }
    if (this.current.get(a.layerId) === a.version) this.events.onReady(a.layerId, a.firstZoom);
    const { layerId, version, storedVersion, readMs, buildMs, featureCount, vertexCount, builds, kept } = a;
    const end = performance.now();
    // after tiles answered from those kept, an index built for a tile not kept: measured from its read
    const begin = start ?? (kept ? undefined : end - readMs - buildMs);
    if (begin === undefined) return;
    performance.measure('ebm:draw:tiles', {
      start: begin,
      end,
      detail: { layerId, version, storedVersion, readMs, buildMs, featureCount, vertexCount, builds, kept },
    });
  }

  private load(url: string): Promise<{ data: ArrayBuffer }> {
    const at = parseUserTileUrl(url);
    if (!at) return Promise.reject(new Error(`not a user tile: ${url}`));
    // a tile of an import no longer shown (the map asked before the new source replaced the old one)
    if (this.current.get(at.layerId) !== at.version) return Promise.resolve({ data: new ArrayBuffer(0) });
    const key = `${at.layerId}\n${at.version}`;
    if (!this.requested.has(key)) {
      this.requested.add(key);
      this.started.set(key, performance.now());
      // after a reload the screening worker reads the stored layers first (screening-worker-start.ts); the tile
      // requests below queue behind this load in the worker
      this.loads = this.loads
        .then(() => afterStoredLayersRead())
        .then(() => {
          if (this.requested.has(key)) this.post({ type: 'load', layerId: at.layerId, version: at.version });
        });
    }
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, (a) => {
        if (a.type === 'tile') resolve({ data: a.data });
        else if (a.type === 'tileFailed') reject(new Error(a.message));
      });
      // after the layer's load (the worker answers a tile of a layer it was not asked to load with no data)
      void this.loads.then(() => {
        if (this.pending.has(requestId)) this.post({ type: 'tile', requestId, ...at });
      });
    });
  }
}
