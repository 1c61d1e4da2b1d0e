/// <reference lib="webworker" />

import type { GeoJsonFeatureCollection } from '../../domain/screening/layer.ts';
import { issueLine, parseLayerJson } from '../../domain/screening/layer-check.ts';
import { layerFeatures } from '../../domain/screening/layer-features.ts';
import { createScreeningHandler } from '../../domain/screening/worker-protocol.ts';
import { getStoredLayer, type StoredLayer } from '../storage/layer-binary-db.ts';
import type { ClientRequest, ClientResponse } from './worker-messages.ts';

/** The screening engine off the main thread: drawing and panning never wait for a check. */
const handle = createScreeningHandler();
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: ClientResponse, transfer: Transferable[] = []) => scope.postMessage(msg, { transfer });

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stored layers read at page start (prefetchStored), by layer id, until their loadStoredLayer takes them. */
const prefetched = new Map<string, Promise<StoredLayer | undefined>>();

/**
 * A stored user layer: its EBL1 buffer read from IndexedDB here (no JSON, nothing sent by the page), or taken from
 * the read begun at page start.
 */
async function loadStored(req: Extract<ClientRequest, { type: 'loadStoredLayer' }>): Promise<void> {
  try {
    const t0 = performance.now();
    post({ type: 'progress', requestId: req.requestId, progress: { phase: 'parse', done: 0, total: 1 } });
    const early = prefetched.get(req.layerId);
    prefetched.delete(req.layerId);
    // the read begun at page start serves when it found the version asked for (a layer stored again is read again)
    const got = early ? await early : undefined;
    const rec = got?.version === req.version ? got : await getStoredLayer(req.layerId);
    if (!rec || rec.version !== req.version)
      throw new Error(`stored layer ${req.layerId} is gone or was replaced`);
    post({
      type: 'layerHashed',
      requestId: req.requestId,
      layerId: req.layerId,
      sha256: rec.sha256,
      bytes: rec.fileBytes,
      readMs: performance.now() - t0,
    });
    handle(
      {
        type: 'loadLayer',
        requestId: req.requestId,
        format: 'binary',
        buffer: rec.ebl,
        meta: req.meta,
        ...(rec.index ? { index: rec.index } : {}),
      },
      post,
    );
  } catch (e) {
    post({ type: 'error', requestId: req.requestId, message: e instanceof Error ? e.message : String(e) });
  }
}

async function load(req: Extract<ClientRequest, { type: 'loadLayerFrom' | 'loadLayerData' }>): Promise<void> {
  try {
    const t0 = performance.now();
    let text: string;
    if (req.type === 'loadLayerFrom') {
      post({ type: 'progress', requestId: req.requestId, progress: { phase: 'parse', done: 0, total: 1 } });
      const res = await fetch(req.url);
      if (!res.ok) throw new Error(`${req.url}: HTTP ${res.status}`);
      text = await res.text();
    } else text = JSON.stringify(req.data);
    const bytes = new TextEncoder().encode(text);
    const sha256 = await sha256Hex(bytes.buffer as ArrayBuffer);
    // broken JSON or no FeatureCollection: refused with the layer check's message, like any bad layer
    const parsed = parseLayerJson(text, {
      zh: req.meta.nameZh ?? req.meta.nameEn ?? req.meta.id,
      en: req.meta.nameEn ?? req.meta.nameZh ?? req.meta.id,
    });
    if (!parsed.ok) {
      post({
        type: 'error',
        requestId: req.requestId,
        message: parsed.errors.map(issueLine).join('\n'),
        issues: parsed.errors,
      });
      return;
    }
    // anything but a FeatureCollection goes on as it is: the handler's layer check refuses it with a message
    const value = parsed.value as GeoJsonFeatureCollection;
    const fc = Array.isArray(value?.features) ? layerFeatures(value) : value;
    post({
      type: 'layerHashed',
      requestId: req.requestId,
      layerId: req.meta.id,
      sha256,
      bytes: bytes.length,
      readMs: performance.now() - t0,
    });
    handle(
      { type: 'loadLayer', requestId: req.requestId, format: 'geojson', geojson: fc, meta: req.meta },
      post,
    );
  } catch (e) {
    post({ type: 'error', requestId: req.requestId, message: e instanceof Error ? e.message : String(e) });
  }
}

scope.onmessage = (e: MessageEvent<ClientRequest>) => {
  const req = e.data;
  if (req.type === 'loadLayerFrom' || req.type === 'loadLayerData') void load(req);
  else if (req.type === 'loadStoredLayer') void loadStored(req);
  else if (req.type === 'prefetchStored') {
    if (!prefetched.has(req.layerId))
      prefetched.set(
        req.layerId,
        getStoredLayer(req.layerId).catch(() => undefined),
      );
  } else if (req.type === 'dropPrefetched') prefetched.delete(req.layerId);
  else {
    if (req.type === 'unloadLayer') prefetched.delete(req.layerId);
    handle(req, post);
  }
};
