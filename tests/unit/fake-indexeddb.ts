import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { encodeLayer } from '../../web/domain/screening/layer.ts';
import { syntheticLayer } from '../../web/domain/screening/synthetic-layer.ts';
import type { StoredLayer } from '../../web/src/storage/layer-binary-db.ts';

/**
 * Gives the file's tests a fresh, empty IndexedDB (fake-indexeddb) as the global one, one for each test or one for
 * the whole file, and puts back Node's after.
 */
export function freshIndexedDb(per: 'test' | 'file' = 'test'): void {
  const original = { indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange };
  (per === 'test' ? beforeEach : beforeAll)(() => {
    globalThis.indexedDB = new IDBFactory();
    globalThis.IDBKeyRange = IDBKeyRange;
  });
  (per === 'test' ? afterEach : afterAll)(() => {
    globalThis.indexedDB = original.indexedDB;
    globalThis.IDBKeyRange = original.IDBKeyRange;
  });
}

/** A stored layer of 40 seeded polygons (8 × 5 over 2° × 2°), as an import stores it. */
export function storedLayer(id: string, version: string, seed: number): StoredLayer {
  const data = syntheticLayer({
    seed,
    bbox: [110, 40, 112, 42],
    cols: 8,
    rows: 5,
    maxVertices: 60,
    layerId: id,
  });
  return {
    id,
    version,
    sha256: `sha-${seed}`,
    fileBytes: 1000 + seed,
    featureCount: data.featurePartStarts.length - 1,
    vertexCount: data.coords.length / 2,
    bbox: [110, 40, 112, 42],
    ebl: encodeLayer(data),
  };
}
