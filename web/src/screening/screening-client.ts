import type { PointReport } from '../../domain/field/zones-here.ts';
import type { ValidationIssue } from '../../domain/geo/validate-polygon.ts';
import type { ScreeningResult, ScreenOptions } from '../../domain/screening/engine.ts';
import type { LayerMeta, Progress } from '../../domain/screening/layer.ts';
import type { LayerIssue } from '../../domain/screening/layer-check.ts';
import { takeScreeningWorker } from './screening-worker-start.ts';
import type { ClientRequest, ClientResponse } from './worker-messages.ts';

type Final = Exclude<ClientResponse, { type: 'progress' } | { type: 'layerHashed' }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'requestId'> : never;

interface Pending {
  resolve(msg: Final): void;
  onProgress?: (p: Progress) => void;
  hashed?: (sha256: string, bytes: number, readMs?: number) => void;
}

export type ScreenOutcome =
  | { ok: true; result: ScreeningResult; ms: number }
  | { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

/** The worker refused a layer (the layer check's errors: what is wrong and where). */
export class LayerRefusedError extends Error {
  constructor(
    message: string,
    readonly issues: LayerIssue[],
  ) {
    super(message);
    this.name = 'LayerRefusedError';
  }
}

export type LayerSource =
  | { url: string }
  | { data: unknown }
  | { stored: { layerId: string; version: string } };

export interface LoadedLayer {
  key: string;
  sha256: string;
  featureCount: number;
  /** set when this call loaded it: ms to read it into the worker, and to decode, check and index it there */
  readMs?: number;
  loadMs?: number;
}

/**
 * The client's key of a stored user layer: its version and the metadata it is checked with (a layer loaded with
 * other metadata, e.g. after an update of the app's registry, is loaded again).
 */
export const storedLayerKey = (version: string, meta: LayerMeta): string =>
  `user:${version}|${JSON.stringify(meta)}`;

let client: ScreeningClient | null = null;
/** The page's one screening client (and worker). */
export const screeningClient = (): ScreeningClient => {
  client ??= new ScreeningClient();
  return client;
};
/** The client if the page has made it. */
export const screeningClientIfAny = (): ScreeningClient | null => client;

const measured = new WeakSet<LoadedLayer>();

/**
 * How long the worker took to load a layer, as `ebm:check:transfer` (read) and `ebm:check:index` (decode, check,
 * index), placed as if they ended now: a layer the worker loaded at page start (stored-layer-hint.ts) was read and
 * indexed earlier, so the two are its real durations but not their real places (never before 0).
 */
export function measureLoad(layerId: string, loaded: LoadedLayer): void {
  // a load asked for twice while under way (the page's start and the restore) answers both with one object
  if (loaded.loadMs === undefined || measured.has(loaded)) return;
  measured.add(loaded);
  const end = performance.now();
  const detail = { layerId };
  const indexAt = Math.max(0, end - loaded.loadMs);
  performance.measure('ebm:check:index', { start: indexAt, duration: end - indexAt, detail });
  if (loaded.readMs !== undefined) {
    const readAt = Math.max(0, indexAt - loaded.readMs);
    performance.measure('ebm:check:transfer', { start: readAt, duration: indexAt - readAt, detail });
  }
}

/** Vertices of ring areas per warm-up slice and layer: some 20–50 ms of the worker's time. */
const WARM_VERTICES = 25_000;

/** Talks to the screening worker: one promise per request, progress on the side. */
export class ScreeningClient {
  private readonly worker: Worker;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  /** layer id → what was loaded (so a replaced layer is loaded again) */
  private readonly loaded = new Map<string, LoadedLayer>();
  /** layer id → the load under way (a preload and a check ask for the same layer) */
  private readonly loading = new Map<string, { key: string; done: Promise<LoadedLayer> }>();

  constructor() {
    this.worker = takeScreeningWorker();
    this.worker.onmessage = (e: MessageEvent<ClientResponse>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      const msg = e.message || 'screening worker failed';
      for (const [id, p] of this.pending) p.resolve({ type: 'error', requestId: id, message: msg });
      this.pending.clear();
    };
  }

  private receive(msg: ClientResponse): void {
    const p = this.pending.get(msg.requestId);
    if (!p) return;
    if (msg.type === 'progress') p.onProgress?.(msg.progress);
    else if (msg.type === 'layerHashed') p.hashed?.(msg.sha256, msg.bytes, msg.readMs);
    else {
      this.pending.delete(msg.requestId);
      p.resolve(msg);
    }
  }

  private send(req: WithoutId<ClientRequest>, extra: Omit<Pending, 'resolve'> = {}): Promise<Final> {
    const requestId = ++this.seq;
    return new Promise<Final>((resolve) => {
      this.pending.set(requestId, { resolve, ...extra });
      this.worker.postMessage({ ...req, requestId } as ClientRequest);
    });
  }

  /** Loads a layer unless the same version (key) is loaded already. */
  async ensureLayer(
    key: string,
    meta: LayerMeta,
    from: LayerSource,
    onProgress?: (p: Progress) => void,
  ): Promise<LoadedLayer> {
    const have = this.loaded.get(meta.id);
    if (have && have.key === key) return { key, sha256: have.sha256, featureCount: have.featureCount };
    const under = this.loading.get(meta.id);
    if (under && under.key === key) return under.done;
    const done = this.load(key, meta, from, onProgress).finally(() => {
      if (this.loading.get(meta.id)?.done === done) this.loading.delete(meta.id);
    });
    this.loading.set(meta.id, { key, done });
    return done;
  }

  /** Whether a request is waiting for the worker. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /**
   * Fills a slice of the loaded layers' ring-area caches; true when all are filled. A slice stops at `rings` rings
   * or WARM_VERTICES vertices per layer, whichever comes first: a check waits for one slice at most.
   */
  async warmAreas(rings: number): Promise<boolean> {
    const res = await this.send({ type: 'warmAreas', rings, vertices: WARM_VERTICES });
    return res.type === 'warmed' && res.finished;
  }

  /**
   * Runs one check of a small project on the loaded layers and drops its result (worker-protocol.ts `warmCheck`),
   * so that the user's first check runs compiled code; false when no layer is loaded.
   */
  async warmCheck(): Promise<boolean> {
    const res = await this.send({ type: 'warmCheck' });
    return res.type === 'warmChecked' && res.checked;
  }

  /** Forgets a layer (the user removed their file). */
  async unload(layerId: string): Promise<void> {
    this.loaded.delete(layerId);
    this.loading.delete(layerId);
    await this.send({ type: 'unloadLayer', layerId });
  }

  private async load(
    key: string,
    meta: LayerMeta,
    from: LayerSource,
    onProgress?: (p: Progress) => void,
  ): Promise<LoadedLayer> {
    let sha256 = '';
    let readMs: number | undefined;
    const req: WithoutId<ClientRequest> =
      'url' in from
        ? { type: 'loadLayerFrom', url: from.url, meta }
        : 'stored' in from
          ? { type: 'loadStoredLayer', layerId: from.stored.layerId, version: from.stored.version, meta }
          : { type: 'loadLayerData', data: from.data, meta };
    const res = await this.send(req, {
      onProgress,
      hashed: (h, _bytes, ms) => {
        sha256 = h;
        readMs = ms;
      },
    });
    if (res.type === 'error')
      throw res.issues?.length ? new LayerRefusedError(res.message, res.issues) : new Error(res.message);
    if (res.type !== 'layerLoaded') throw new Error(`unexpected answer ${res.type}`);
    const entry = { key, sha256, featureCount: res.featureCount };
    this.loaded.set(meta.id, entry);
    return { ...entry, ...(readMs !== undefined ? { readMs } : {}), loadMs: res.ms };
  }

  async screen(
    project: unknown,
    layerIds: string[],
    options: Omit<ScreenOptions, 'onProgress'>,
    onProgress?: (p: Progress) => void,
  ): Promise<ScreenOutcome> {
    const res = await this.send({ type: 'screen', project, layerIds, options }, { onProgress });
    if (res.type === 'screened') return { ok: true, result: res.result, ms: res.ms };
    if (res.type === 'invalidProject') return { ok: false, errors: res.errors, warnings: res.warnings };
    if (res.type === 'error') throw new Error(res.message);
    throw new Error(`unexpected answer ${res.type}`);
  }

  /** "Where am I": the zones of every layer held at (lon, lat), and the nearest boundary of the red-line layers. */
  async point(lon: number, lat: number, redLineIds: string[]): Promise<PointReport> {
    const res = await this.send({ type: 'point', lon, lat, redLineIds });
    if (res.type === 'pointReport') return res.report;
    if (res.type === 'error') throw new Error(res.message);
    throw new Error(`unexpected answer ${res.type}`);
  }

  terminate(): void {
    this.worker.terminate();
  }
}
