import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { flatBBox } from '../../../web/domain/geo/bbox.ts';
import { ringSignedArea } from '../../../web/domain/geo/ellipsoid.ts';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import {
  decodeLayer,
  encodeLayer,
  featureRingRange,
  indexLayer,
  type LayerData,
  layerFromGeoJson,
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
import { rectPolygon } from '../shapes.ts';

const layer = (seed: number, cols = 20) =>
  syntheticLayer({ seed, bbox: [111, 41, 112, 42], cols, rows: 10, maxVertices: 200, holeFraction: 0.3 });

/** What earlier versions kept (EBI1): the exact float64 boxes and a float64 tree, written here by hand. */
function encodeIndexF64(data: LayerData): ArrayBuffer {
  const rings = data.ringStarts.length - 1;
  const features = data.featurePartStarts.length - 1;
  const ringBox = new Float64Array(4 * rings);
  for (let r = 0; r < rings; r++)
    ringBox.set(flatBBox(data.coords, data.ringStarts[r], data.ringStarts[r + 1]), 4 * r);
  const featureBox = new Float64Array(4 * features);
  const tree = new Flatbush(Math.max(features, 1));
  for (let f = 0; f < features; f++) {
    const [r0, r1] = featureRingRange(data, f);
    const b = flatBBox(ringBox, 2 * r0, 2 * r1);
    featureBox.set(b, 4 * f);
    tree.add(...b);
  }
  tree.finish();
  const treeBytes = tree.data as ArrayBuffer;
  const buf = new ArrayBuffer(16 + ringBox.byteLength + featureBox.byteLength + treeBytes.byteLength);
  new Uint32Array(buf, 0, 4).set([0x31494245, rings, features, treeBytes.byteLength]);
  new Float64Array(buf, 16, ringBox.length).set(ringBox);
  new Float64Array(buf, 16 + ringBox.byteLength, featureBox.length).set(featureBox);
  new Uint8Array(buf, 16 + ringBox.byteLength + featureBox.byteLength).set(new Uint8Array(treeBytes));
  return buf;
}

describe('a stored layer index (EBI2: float32 boxes)', () => {
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

  it('is smaller than the float64 index, and finds a feature whose edge lies between two float32 values', () => {
    // x0 is a float32; the feature's east edge lies 3e-6° past it, less than half a float32 step (7.6e-6° at 111°),
    // so float32 rounded to nearest would put that edge at x0, west of a project that starts 1e-6° past x0
    const x0 = Math.fround(111.3);
    const data = layerFromGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { name: 'A' }, geometry: rectPolygon(111.2, 41.2, x0 + 3e-6, 41.3) },
        ],
      },
      { id: 'redline-illustrative', defaultZoneType: 'redline' },
    );
    expect(Math.fround(x0 + 3e-6)).toBe(x0);
    const buf = encodeIndex(indexLayer(data));
    expect(buf.byteLength).toBeLessThan(encodeIndexF64(data).byteLength);
    const stored = decodeIndex(data, buf);
    if (!stored) throw new Error('not decoded');
    const out = screenProject(rectPolygon(x0 + 1e-6, 41.22, 111.4, 41.28), [stored], {});
    if (!out.ok) throw new Error('project refused');
    // the overlap is the strip between the project's west edge and the feature's east edge
    const strip = [x0 + 1e-6, 41.22, x0 + 3e-6, 41.22, x0 + 3e-6, 41.28, x0 + 1e-6, 41.28];
    const want = Math.abs(ringSignedArea(strip, 0, 4));
    expect(want).toBeGreaterThan(100);
    expect(out.result.overlaps).toHaveLength(1);
    expect(out.result.overlaps[0]?.areaM2).toBeCloseTo(want, 3);
  });

  it('reads an index kept by an earlier version (EBI1, float64 boxes): boxes rounded outward, the same screening', () => {
    const data = decodeLayer(encodeLayer(layer(7)));
    const old = decodeIndex(data, encodeIndexF64(data));
    if (!old) throw new Error('EBI1 not read');
    const fresh = indexLayer(data);
    expect(Array.from(old.ringBBox)).toEqual(Array.from(fresh.ringBBox));
    expect(Array.from(old.featureBBox)).toEqual(Array.from(fresh.featureBBox));
    const project = rectPolygon(111.25, 41.25, 111.6, 41.45);
    const viaOld = prepareLayer(data, { storedIndex: () => old });
    const viaFresh = prepareLayer(data);
    if (!viaOld.ok || !viaFresh.ok) throw new Error('refused');
    const a = screenProject(project, [viaOld.index], { buffersM: [300], nearest: true });
    const b = screenProject(project, [viaFresh.index], { buffersM: [300], nearest: true });
    if (!a.ok || !b.ok) throw new Error('project refused');
    expect(a.result.overlaps.length).toBeGreaterThan(2);
    expect(a.result).toEqual(b.result);
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
