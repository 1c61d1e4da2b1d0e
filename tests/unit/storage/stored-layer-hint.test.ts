import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  noteStoredLayer,
  noteStoredLayerLoad,
  setStoredLayerHint,
  storedLayerHint,
  storedLayerHintEntries,
} from '../../../web/src/storage/stored-layer-hint.ts';

/** A localStorage of this test's own (Node has none). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => {
      m.delete(k);
    },
    setItem: (k, v) => {
      m.set(k, String(v));
    },
  };
}

describe('stored-layer hint', () => {
  let storage: Storage;
  beforeEach(() => {
    storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is empty until layers are noted, then lists each stored id once', () => {
    expect(storedLayerHint()).toEqual([]);
    noteStoredLayer('redline-illustrative', true);
    noteStoredLayer('farmland-permanent', true);
    noteStoredLayer('redline-illustrative', true);
    expect(storedLayerHint()).toEqual(['farmland-permanent', 'redline-illustrative']);
  });

  it('forgets a removed layer, and the key itself when none is left', () => {
    setStoredLayerHint(['redline-illustrative', 'farmland-permanent']);
    noteStoredLayer('redline-illustrative', false);
    expect(storedLayerHint()).toEqual(['farmland-permanent']);
    noteStoredLayer('farmland-permanent', false);
    expect(storedLayerHint()).toEqual([]);
    expect(storage.length).toBe(0);
  });

  it('reads a damaged value as no hint', () => {
    storage.setItem('ebm:stored-layers', '{not json');
    expect(storedLayerHint()).toEqual([]);
    storage.setItem('ebm:stored-layers', JSON.stringify(['a', 3, null, 'b']));
    expect(storedLayerHint()).toEqual(['a', 'b']);
  });

  it('keeps the version and metadata a layer was last loaded with, until it is stored again or removed', () => {
    const meta = { id: 'farmland-permanent', nameZh: '永久基本农田', version: 'f.geojson · 2026-11-30' };
    setStoredLayerHint(['redline-illustrative', 'farmland-permanent']);
    noteStoredLayerLoad('farmland-permanent', 'v1', meta);
    expect(storedLayerHintEntries()).toEqual([
      { id: 'farmland-permanent', version: 'v1', meta },
      { id: 'redline-illustrative' },
    ]);
    // listed again (page start) or shown again: what is known stays
    setStoredLayerHint(['farmland-permanent', 'redline-illustrative']);
    noteStoredLayer('farmland-permanent', true);
    expect(storedLayerHintEntries()[0]).toEqual({ id: 'farmland-permanent', version: 'v1', meta });
    // loaded in another version: that one is kept
    noteStoredLayerLoad('farmland-permanent', 'v2', meta);
    expect(storedLayerHintEntries()[0]?.version).toBe('v2');
    noteStoredLayer('farmland-permanent', false);
    expect(storedLayerHintEntries()).toEqual([{ id: 'redline-illustrative' }]);
  });

  it('reads an entry whose metadata names another layer as its id alone', () => {
    storage.setItem(
      'ebm:stored-layers',
      JSON.stringify([
        { id: 'a', version: 'v', meta: { id: 'b' } },
        { id: 'c', version: 'v' },
        { version: 'v' },
      ]),
    );
    expect(storedLayerHintEntries()).toEqual([{ id: 'a' }, { id: 'c' }]);
  });

  it('is empty, and writing does nothing, where the browser denies storage', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    });
    expect(() => noteStoredLayer('redline-illustrative', true)).not.toThrow();
    expect(storedLayerHint()).toEqual([]);
  });
});
