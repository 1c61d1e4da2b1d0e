import { describe, expect, it } from 'vitest';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import {
  decodeLayer,
  encodeLayer,
  indexLayer,
  ringArea,
  warmAreas,
} from '../../../web/domain/screening/layer.ts';
import { prepareLayer } from '../../../web/domain/screening/layer-check.ts';
import {
  decodeIndex,
  encodeAreas,
  encodeIndex,
  restoreAreas,
} from '../../../web/domain/screening/stored-index.ts';
import { syntheticLayer } from '../../../web/domain/screening/synthetic-layer.ts';

const layer = (seed: number, cols = 20) =>
  syntheticLayer({ seed, bbox: [111, 41, 112, 42], cols, rows: 10, maxVertices: 200, holeFraction: 0.3 });

describe('a stored layer index (EBI1)', () => {
  it('gives back the boxes and the tree, and the same screening as a fresh index', () => {
    const data = decodeLayer(encodeLayer(layer(3)));
    const fresh = indexLayer(data);
    const stored = decodeIndex(data, encodeIndex(fresh));
    expect(stored).not.toBeNull();
    expect(Array.from(stored?.ringBBox ?? [])).toEqual(Array.from(fresh.ringBBox));
    expect(Array.from(stored?.featureBBox ?? [])).toEqual(Array.from(fresh.featureBBox));
    expect(stored?.tree.search(111.2, 41.2, 111.5, 41.4).sort()).toEqual(
      fresh.tree.search(111.2, 41.2, 111.5, 41.4).sort(),
    );
    const viaStored = prepareLayer(data, { storedIndex: (d) => decodeIndex(d, encodeIndex(fresh)) });
    const viaFresh = prepareLayer(data);
    if (!viaStored.ok || !viaFresh.ok) throw new Error('refused');
    const project = {
      type: 'Polygon',
      coordinates: [
        [
          [111.2, 41.2],
          [111.5, 41.2],
          [111.5, 41.4],
          [111.2, 41.4],
          [111.2, 41.2],
        ],
      ],
    };
    const a = screenProject(project, [viaStored.index], { buffersM: [500], nearest: true });
    const b = screenProject(project, [viaFresh.index], { buffersM: [500], nearest: true });
    if (!a.ok || !b.ok) throw new Error('project refused');
    expect(a.result.overlaps.length).toBeGreaterThan(2);
    expect(a.result.overlaps.map((o) => [o.featureId, o.areaM2])).toEqual(
      b.result.overlaps.map((o) => [o.featureId, o.areaM2]),
    );
  });

  it('is not used for another layer or when damaged: the layer is indexed as usual', () => {
    const a = decodeLayer(encodeLayer(layer(3)));
    const other = decodeLayer(encodeLayer(layer(4, 21)));
    const buf = encodeIndex(indexLayer(a));
    expect(decodeIndex(other, buf)).toBeNull();
    expect(decodeIndex(a, buf.slice(0, buf.byteLength - 8))).toBeNull();
    const bad = buf.slice(0);
    new Uint32Array(bad, 0, 1)[0] = 0;
    expect(decodeIndex(a, bad)).toBeNull();
    const prepared = prepareLayer(other, { storedIndex: (d) => decodeIndex(d, buf) });
    expect(prepared.ok && prepared.index.featureCount).toBe(210);
  });
});

describe('kept ring areas (EBA1)', () => {
  it('give back exactly the areas computed, filled or not, and are refused by another layer or rule', () => {
    const data = decodeLayer(encodeLayer(layer(5)));
    const warmed = indexLayer(data);
    // half filled: the kept areas keep NaN where none was computed
    const n = warmed.ringAreaCache.length;
    for (let r = 0; r < n; r += 2) ringArea(warmed, r);
    const half = encodeAreas(warmed);
    while (!warmAreas(warmed, 1000));
    const full = encodeAreas(warmed);

    const a = indexLayer(data);
    expect(restoreAreas(a, half)).toBe(true);
    for (let r = 0; r < n; r++)
      expect(Object.is(a.ringAreaCache[r], r % 2 === 0 ? warmed.ringAreaCache[r] : Number.NaN)).toBe(true);
    const b = indexLayer(data);
    expect(restoreAreas(b, full)).toBe(true);
    expect(Array.from(b.ringAreaCache)).toEqual(Array.from(warmed.ringAreaCache));
    // a copy: the index's cache is its own
    b.ringAreaCache[0] = -1;
    expect(new Float64Array(full, 16)[0]).toBe(warmed.ringAreaCache[0]);

    const other = indexLayer(decodeLayer(encodeLayer(layer(5, 21))));
    expect(restoreAreas(other, full)).toBe(false);
    expect(other.ringAreaCache.every(Number.isNaN)).toBe(true);
    const otherRule = full.slice(0);
    new Uint32Array(otherRule, 4, 1)[0] = 999;
    const c = indexLayer(data);
    expect(restoreAreas(c, otherRule)).toBe(false);
    expect(c.ringAreaCache.every(Number.isNaN)).toBe(true);
  });
});
