import { describe, expect, it } from 'vitest';
import { decodeLayer } from '../../../web/domain/screening/layer.ts';
import { propsArray } from '../../../web/domain/screening/layer-props.ts';
import {
  allStoredLayerMeta,
  deleteStoredLayer,
  getStoredLayer,
  getStoredLayerBlob,
  getStoredLayerMeta,
  putStoredDerived,
  putStoredLayer,
} from '../../../web/src/storage/layer-binary-db.ts';
import { freshIndexedDb, storedLayer } from '../fake-indexeddb.ts';

freshIndexedDb();

/** The raw record of the 'data' store, as IndexedDB holds it. */
function rawData(id: string): Promise<{ ebl: unknown; index?: unknown } | undefined> {
  return new Promise((done, fail) => {
    const open = indexedDB.open('eco-barrier-map-layers');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('data').objectStore('data').get(id);
      get.onsuccess = () => {
        open.result.close();
        done(get.result);
      };
      get.onerror = () => fail(get.error);
    };
  });
}

describe('stored binary layers (layer-binary-db)', () => {
  it('keeps the buffers as Blobs and reads records an earlier version kept as ArrayBuffers', async () => {
    const rec = {
      ...storedLayer('redline-illustrative', 'v1', 1),
      index: new Uint8Array([1, 2, 3, 4]).buffer,
    };
    await putStoredLayer(rec);
    const raw = await rawData('redline-illustrative');
    expect(raw?.ebl).toBeInstanceOf(Blob);
    expect(raw?.index).toBeInstanceOf(Blob);
    const got = await getStoredLayer('redline-illustrative');
    expect(got?.ebl).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(got?.ebl as ArrayBuffer)).toEqual(new Uint8Array(rec.ebl));
    expect(Array.from(new Uint8Array(got?.index as ArrayBuffer))).toEqual([1, 2, 3, 4]);
    // the tiles worker's read: the same layer bytes, the index left in storage
    const forTiles = await getStoredLayer('redline-illustrative', { index: false });
    expect(new Uint8Array(forTiles?.ebl as ArrayBuffer)).toEqual(new Uint8Array(rec.ebl));
    expect(forTiles?.index).toBeUndefined();

    // the form records had before: ArrayBuffers in the 'data' store
    await new Promise<void>((done, fail) => {
      const open = indexedDB.open('eco-barrier-map-layers');
      open.onsuccess = () => {
        const tx = open.result.transaction('data', 'readwrite');
        tx.objectStore('data').put({ id: rec.id, version: rec.version, ebl: rec.ebl, index: rec.index });
        tx.oncomplete = () => {
          open.result.close();
          done();
        };
        tx.onerror = () => fail(tx.error);
      };
    });
    expect((await rawData('redline-illustrative'))?.ebl).toBeInstanceOf(ArrayBuffer);
    const old = await getStoredLayer('redline-illustrative');
    expect(propsArray(decodeLayer(old?.ebl as ArrayBuffer).props)).toEqual(
      propsArray(decodeLayer(rec.ebl).props),
    );
    expect(Array.from(new Uint8Array(old?.index as ArrayBuffer))).toEqual([1, 2, 3, 4]);
  });

  it('reads nothing for a layer whose data record is of another version than its metadata, or is missing', async () => {
    await putStoredLayer(storedLayer('redline-illustrative', 'v1', 1));
    const v2 = storedLayer('redline-illustrative', 'v2', 2);
    // a write cut between its two records: the metadata says v2, the data is still v1's
    await new Promise<void>((done, fail) => {
      const open = indexedDB.open('eco-barrier-map-layers');
      open.onsuccess = () => {
        const tx = open.result.transaction('meta', 'readwrite');
        tx.objectStore('meta').put({ ...v2, ebl: undefined });
        tx.oncomplete = () => {
          open.result.close();
          done();
        };
        tx.onerror = () => fail(tx.error);
      };
    });
    expect((await getStoredLayerMeta('redline-illustrative'))?.version).toBe('v2');
    expect(await getStoredLayer('redline-illustrative')).toBeUndefined();
    expect(await getStoredLayer('no-such-layer')).toBeUndefined();
    expect(await getStoredLayerBlob('redline-illustrative')).toBeUndefined();
    expect(await getStoredLayerBlob('no-such-layer')).toBeUndefined();
  });

  it('gives a layer’s buffer unread, as its Blob, with its index, areas and properties’ layout read', async () => {
    const rec = { ...storedLayer('farmland-permanent', 'v1', 3), index: new Uint8Array([1, 2, 3, 4]).buffer };
    await putStoredLayer(rec);
    const props = new Uint8Array([9, 8]).buffer;
    await putStoredDerived('farmland-permanent', 'v1', { areas: new Float64Array([2.5]).buffer, props });
    const got = await getStoredLayerBlob('farmland-permanent');
    const blob = got?.ebl;
    if (!(blob instanceof Blob)) throw new Error('not kept as a Blob');
    const bytes = await blob.slice(8, 24).arrayBuffer();
    expect(new Uint8Array(bytes)).toEqual(new Uint8Array(rec.ebl, 8, 16));
    expect(blob.size).toBe(rec.ebl.byteLength);
    expect(Array.from(new Uint8Array(got?.index as ArrayBuffer))).toEqual([1, 2, 3, 4]);
    expect(Array.from(new Float64Array(got?.areas as ArrayBuffer))).toEqual([2.5]);
    expect(Array.from(new Uint8Array(got?.props as ArrayBuffer))).toEqual([9, 8]);
    expect(got?.version).toBe('v1');
    expect(got?.featureCount).toBe(rec.featureCount);
  });

  it('puts a layer and reads back the same EBL1 geometry and props', async () => {
    const rec = storedLayer('redline-illustrative', '2026-01-01T00:00:00Z|a.geojson', 1);
    await putStoredLayer(rec);
    const got = await getStoredLayer('redline-illustrative');
    expect(got).toBeDefined();
    const a = decodeLayer(rec.ebl);
    const b = decodeLayer(got?.ebl as ArrayBuffer);
    expect(Array.from(b.coords)).toEqual(Array.from(a.coords));
    expect(Array.from(b.ringStarts)).toEqual(Array.from(a.ringStarts));
    expect(Array.from(b.featurePartStarts)).toEqual(Array.from(a.featurePartStarts));
    expect(propsArray(b.props)).toEqual(propsArray(a.props));
    expect(got?.version).toBe(rec.version);
    expect(got?.bbox).toEqual([110, 40, 112, 42]);
    expect(got?.index).toBeUndefined();
  });

  it('lists metadata without buffers and replaces a layer on a new import', async () => {
    await putStoredLayer(storedLayer('redline-illustrative', 'v1', 1));
    await putStoredLayer(storedLayer('farmland-permanent', 'v1', 2));
    await putStoredLayer({ ...storedLayer('redline-illustrative', 'v2', 3), index: new ArrayBuffer(16) });
    const metas = (await allStoredLayerMeta()).sort((x, y) => x.id.localeCompare(y.id));
    expect(metas.map((m) => [m.id, m.version, m.sha256])).toEqual([
      ['farmland-permanent', 'v1', 'sha-2'],
      ['redline-illustrative', 'v2', 'sha-3'],
    ]);
    for (const m of metas) {
      expect('ebl' in m).toBe(false);
      expect('index' in m).toBe(false);
    }
    const meta = await getStoredLayerMeta('redline-illustrative');
    expect(meta?.fileBytes).toBe(1003);
    expect((await getStoredLayer('redline-illustrative'))?.index?.byteLength).toBe(16);
  });

  it('deletes a layer (metadata and buffers) and leaves the others', async () => {
    await putStoredLayer(storedLayer('redline-illustrative', 'v1', 1));
    await putStoredLayer(storedLayer('farmland-permanent', 'v1', 2));
    await deleteStoredLayer('redline-illustrative');
    expect(await getStoredLayer('redline-illustrative')).toBeUndefined();
    expect(await getStoredLayerMeta('redline-illustrative')).toBeUndefined();
    expect((await allStoredLayerMeta()).map((m) => m.id)).toEqual(['farmland-permanent']);
    expect((await getStoredLayer('farmland-permanent'))?.featureCount).toBe(40);
  });

  it('keeps ring areas for the version stored, and forgets them when the layer is stored again or removed', async () => {
    await putStoredLayer(storedLayer('farmland-permanent', 'v1', 2));
    expect((await getStoredLayer('farmland-permanent'))?.areas).toBeUndefined();
    const areas = new Float64Array([1.5, Number.NaN, 3]).buffer;
    // another version (replaced meanwhile) is refused
    expect(await putStoredDerived('farmland-permanent', 'v0', { areas })).toBe(false);
    expect((await getStoredLayer('farmland-permanent'))?.areas).toBeUndefined();
    expect(await putStoredDerived('farmland-permanent', 'v1', { areas })).toBe(true);
    const got = (await getStoredLayer('farmland-permanent'))?.areas;
    expect(Array.from(new Float64Array(got as ArrayBuffer))).toEqual([1.5, Number.NaN, 3]);
    expect(await putStoredDerived('redline-illustrative', 'v1', { areas })).toBe(false);
    await putStoredLayer(storedLayer('farmland-permanent', 'v2', 3));
    expect((await getStoredLayer('farmland-permanent'))?.areas).toBeUndefined();
    expect(await putStoredDerived('farmland-permanent', 'v2', { areas })).toBe(true);
    await deleteStoredLayer('farmland-permanent');
    await putStoredLayer(storedLayer('farmland-permanent', 'v2', 3));
    expect((await getStoredLayer('farmland-permanent'))?.areas).toBeUndefined();
  });

  it('keeps the properties layout and the ring areas side by side, each written without losing the other', async () => {
    await putStoredLayer(storedLayer('farmland-permanent', 'v1', 2));
    const props = new Uint32Array([7, 8, 9]).buffer;
    const areas = new Float64Array([2.5]).buffer;
    expect(await putStoredDerived('farmland-permanent', 'v1', { props })).toBe(true);
    expect(await putStoredDerived('farmland-permanent', 'v1', { areas })).toBe(true);
    const got = await getStoredLayer('farmland-permanent');
    expect(Array.from(new Uint32Array(got?.props as ArrayBuffer))).toEqual([7, 8, 9]);
    expect(Array.from(new Float64Array(got?.areas as ArrayBuffer))).toEqual([2.5]);
    // stored again: a new version has neither until the worker finds them again
    await putStoredLayer(storedLayer('farmland-permanent', 'v2', 3));
    const next = await getStoredLayer('farmland-permanent');
    expect(next?.props).toBeUndefined();
    expect(next?.areas).toBeUndefined();
    // one written for v2 does not bring back v1's other
    expect(await putStoredDerived('farmland-permanent', 'v2', { areas })).toBe(true);
    expect((await getStoredLayer('farmland-permanent'))?.props).toBeUndefined();
  });
});
