// The split import (a large GeoJSON read in two halves at once, then joined) against the ordinary import: the
// same EBL1 and index bytes, or no result at all (the worker then imports the ordinary way). Never a third thing.
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { planFeatureSplit, splitHead } from '../../../web/domain/importers/geojson-split.ts';
import { importUserLayer } from '../../../web/domain/importers/index.ts';
import { splitStoredLayer } from '../../../web/domain/projects/split-import.ts';
import { checkedLayerData, encodeStoredParts } from '../../../web/domain/projects/stored-layer.ts';
import { mergeEncodedLayers } from '../../../web/domain/projects/stored-layer-merge.ts';
import { encodeLayer, indexLayer } from '../../../web/domain/screening/layer.ts';
import { encodeIndex } from '../../../web/domain/screening/stored-index.ts';
import { seededRandom } from '../../../web/domain/screening/synthetic-layer.ts';

const target = { layerId: 'farmland-permanent', zoneType: 'farmland-permanent', label: 'layer.geojson' };
const options = { source: 'wgs84' as const };

async function ordinary(text: string) {
  const bytes = new TextEncoder().encode(text);
  const r = await importUserLayer(
    { name: 'layer.geojson', size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer },
    { ...options, layerId: target.layerId, provenanceNote: 'test' },
  );
  if (!r.ok) return { ok: false as const, messages: [...r.errors, ...r.warnings] };
  const c = checkedLayerData(r.layer.data as FeatureCollection, target);
  if (!c.ok) return { ok: false as const, messages: r.warnings };
  const p = encodeStoredParts(c.data);
  const index = encodeIndex(indexLayer(c.data));
  return { ok: true as const, ...p, index, warnings: r.warnings };
}

const split = (text: string) =>
  splitStoredLayer('layer.geojson', new TextEncoder().encode(text), options, target, 0);

const bytesOf = (b: ArrayBuffer) => new Uint8Array(b);

/** A random parcel: a convex-ish polygon around (x, y), sometimes with a hole, sometimes several parts. */
function parcel(rnd: () => number, i: number) {
  const x = 108 + rnd() * 15;
  const y = 40 + rnd() * 8;
  const ring = (cx: number, cy: number, r: number, n: number, cw: boolean) => {
    const pts: number[][] = [];
    for (let k = 0; k < n; k++) {
      const a = ((cw ? -1 : 1) * 2 * Math.PI * k) / n;
      pts.push([cx + r * Math.cos(a) * (0.8 + 0.2 * rnd()), cy + r * Math.sin(a) * (0.8 + 0.2 * rnd())]);
    }
    // sometimes a repeated vertex (dropped by the engine), always closed
    if (rnd() < 0.2) pts.splice(1, 0, pts[1] as number[]);
    pts.push(pts[0] as number[]);
    // sometimes wound the other way (rewound on import)
    return rnd() < 0.3 ? pts.reverse() : pts;
  };
  const poly = (cx: number, cy: number) => {
    const rings = [ring(cx, cy, 0.01, 4 + Math.floor(rnd() * 8), false)];
    if (rnd() < 0.2) rings.push(ring(cx, cy, 0.002, 4, true));
    return rings;
  };
  const multi = rnd() < 0.3;
  const properties: Record<string, unknown> = {};
  const kind = Math.floor(rnd() * 6);
  if (kind === 0) properties.name = `图斑 ${i} "q" },{ \\ end`;
  if (kind === 1) properties.DKMC = `地块 ${i}`;
  if (kind === 2) properties.zoneId = `z-${i}`;
  if (kind === 3) properties.parts = [{ a: 1 }, { b: [1, 2, { c: '},{' }] }];
  if (kind === 4) properties.id = i * 7;
  const f: Record<string, unknown> = {
    type: 'Feature',
    properties: kind === 5 ? null : properties,
    geometry: multi
      ? { type: 'MultiPolygon', coordinates: [poly(x, y), poly(x + 0.05, y + 0.05)] }
      : { type: 'Polygon', coordinates: poly(x, y) },
  };
  if (rnd() < 0.3) f.id = rnd() < 0.5 ? `f${i}` : i;
  return f;
}

function collection(seed: number, n: number) {
  const rnd = seededRandom(seed);
  return { type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => parcel(rnd, i)) };
}

/** The FeatureCollection written as files are: compact, one feature a line, or indented with CRLF. */
function write(fc: { features: unknown[] } & Record<string, unknown>, style: number): string {
  if (style === 0) return JSON.stringify(fc);
  if (style === 1) {
    const { features, ...head } = fc;
    const h = JSON.stringify(head).slice(0, -1);
    return `${h}${h.length > 1 ? ',' : ''}"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  }
  return JSON.stringify(fc, null, 2).replace(/\n/g, '\r\n');
}

async function expectSame(text: string, mustSplit: boolean) {
  const want = await ordinary(text);
  const got = await split(text);
  if (mustSplit) expect(got).toBeDefined();
  if (!got) return;
  // a split result only where the ordinary import keeps the layer with no message at all
  expect(want.ok).toBe(true);
  if (!want.ok) return;
  expect(want.warnings).toEqual([]);
  expect(bytesOf(got.ebl)).toEqual(bytesOf(want.ebl));
  expect(bytesOf(got.index)).toEqual(bytesOf(want.index));
  expect([got.featureCount, got.vertexCount, got.bbox]).toEqual([
    want.featureCount,
    want.vertexCount,
    want.bbox,
  ]);
}

describe('split import', () => {
  it('gives the ordinary import’s EBL1 and index bytes for random layers, however the file is laid out', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const fc = collection(seed, 5 + seed * 7);
      await expectSame(write(fc, seed % 3), false);
    }
    // plain layers always take the split path (the checks above are not vacuous), both halves read flat
    for (let style = 0; style < 3; style++) {
      await expectSame(write(collection(99, 40), style), true);
      expect((await split(write(collection(99, 40), style)))?.path).toBe('halves-flat');
    }
  });

  it('a cut inside a string or deeper than the features array is proved wrong, never used', async () => {
    // every feature's properties hold `},{` in strings and arrays of objects: cuts land there often
    const rnd = seededRandom(7);
    for (let n = 2; n < 40; n++) {
      const fc = collection(n, n);
      for (const f of fc.features)
        (f as { properties: unknown }).properties = { s: '}, {', a: [{ x: 1 }, { y: 2 }] };
      const text = write(fc, n % 3);
      const plan = planFeatureSplit(new TextEncoder().encode(text));
      if (plan) expect([',']).toContain(text[plan.cut]);
      await expectSame(text, false);
      void rnd;
    }
    // every comma of a file as the cut: the halves are refused unless it lies between two features
    const fc = collection(4, 6);
    for (const f of fc.features)
      (f as { properties: unknown }).properties = { s: '}, {', a: [{ x: 1 }, { y: 2 }] };
    const text = write(fc, 1);
    const bytes = new TextEncoder().encode(text);
    const want = await ordinary(text);
    if (!want.ok) throw new Error('refused');
    let joined = 0;
    let refused = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== 0x2c) continue;
      const got = await splitStoredLayer('layer.geojson', bytes, options, target, 0, i);
      if (!got) {
        refused++;
        continue;
      }
      joined++;
      expect(bytesOf(got.ebl)).toEqual(bytesOf(want.ebl));
      expect(bytesOf(got.index)).toEqual(bytesOf(want.index));
    }
    // 5 commas lie between the 6 features; every other one (inside strings, objects, arrays) is refused
    expect(joined).toBe(5);
    expect(refused).toBeGreaterThan(100);
    // one feature: nothing to cut between
    expect(await split(write(collection(3, 1), 1))).toBeUndefined();
  });

  it('anything unusual leaves the file to the ordinary import', async () => {
    const base = collection(5, 30);
    const with_ = (edit: (fc: ReturnType<typeof collection>) => void, style = 1) => {
      const fc = structuredClone(base);
      edit(fc);
      return write(fc, style);
    };
    const last = (fc: ReturnType<typeof collection>) =>
      fc.features[fc.features.length - 1] as { geometry: { type: string; coordinates: unknown } };
    const cases = [
      // a bow-tie in the second half: a warning for layers
      with_((fc) => {
        last(fc).geometry = {
          type: 'Polygon',
          coordinates: [
            [
              [110, 41],
              [110.1, 41.1],
              [110.1, 41],
              [110, 41.1],
              [110, 41],
            ],
          ],
        };
      }),
      // an open ring: an error
      with_((fc) => {
        last(fc).geometry = {
          type: 'Polygon',
          coordinates: [
            [
              [110, 41],
              [110.1, 41],
              [110.1, 41.1],
              [110, 41.1],
            ],
          ],
        };
      }),
      // a feature outside the region: a warning
      with_((fc) => {
        last(fc).geometry = {
          type: 'Polygon',
          coordinates: [
            [
              [10, 41],
              [10.1, 41],
              [10.1, 41.1],
              [10, 41],
            ],
          ],
        };
      }),
      // Gauss–Krüger metres
      with_((fc) => {
        last(fc).geometry = {
          type: 'Polygon',
          coordinates: [
            [
              [500000, 4500000],
              [500100, 4500000],
              [500100, 4500100],
              [500000, 4500000],
            ],
          ],
        };
      }),
      // a point: skipped with a warning
      with_((fc) => {
        last(fc).geometry = { type: 'Point', coordinates: [110, 41] };
      }),
      // a declared CRS
      with_((fc) => {
        (fc as Record<string, unknown>).crs = {
          type: 'name',
          properties: { name: 'urn:ogc:def:crs:EPSG::4490' },
        };
      }, 0),
      // this app's result export
      with_((fc) => {
        (fc as Record<string, unknown>).screening = { project: { name: 'x' } };
      }, 0),
    ];
    for (const text of cases) {
      expect(await split(text)).toBeUndefined();
      await expectSame(text, false);
    }
    const text = write(base, 1);
    // a BOM, broken JSON in the second half, a member after the features, too deep nesting in the second half
    expect(await split(`\uFEFF${text}`)).toBeUndefined();
    expect(await split(text.replace(/\]\]\}\}\n\]\}\n$/, ']]}}\n,]}\n'))).toBeUndefined();
    expect(await split(text.replace(/\n\]\}\n$/, '\n],"name":"x"}\n'))).toBeUndefined();
    const deep = `${'['.repeat(120)}1${']'.repeat(120)}`;
    const nested = text.replace(
      /"properties":\{[^}]*\}(?=,"geometry"[^\n]*\n\]\}\n$)/,
      `"properties":{"d":${deep}}`,
    );
    expect(nested).not.toBe(text);
    expect(await split(nested)).toBeUndefined();
    expect((await ordinary(nested)).ok).toBe(false);
    // a top-level "features" elsewhere: nested members named so are not it; duplicates end with the last one
    await expectSame(
      text.replace('{"type":"FeatureCollection",', '{"meta":{"features":[1]},"type":"FeatureCollection",'),
      true,
    );
    await expectSame(
      text.replace('{"type":"FeatureCollection",', '{"features":7,"type":"FeatureCollection",'),
      true,
    );
    expect(
      splitHead('layer.geojson', new TextEncoder().encode(text), { source: 'gcj02' }, 0),
    ).toBeUndefined();
  });

  it('joins two encoded layers byte for byte as encodeLayer of all their features', async () => {
    const rnd = seededRandom(11);
    for (let n = 2; n < 30; n += 3) {
      const r = await importUserLayer(
        {
          name: 'l.geojson',
          size: 1,
          arrayBuffer: async () =>
            new TextEncoder().encode(JSON.stringify(collection(n, n))).buffer as ArrayBuffer,
        },
        { ...options, layerId: target.layerId, provenanceNote: 'test' },
      );
      if (!r.ok || !r.layer.data) throw new Error('refused');
      const all = r.layer.data.features;
      const k = 1 + Math.floor(rnd() * (all.length - 1));
      const enc = (features: typeof all, firstIndex: number) => {
        const c = checkedLayerData({ type: 'FeatureCollection', features } as FeatureCollection, {
          ...target,
          firstIndex,
        });
        if (!c.ok) throw new Error('refused');
        return encodeLayer(c.data);
      };
      expect(bytesOf(mergeEncodedLayers(enc(all.slice(0, k), 0), enc(all.slice(k), k)))).toEqual(
        bytesOf(enc(all, 0)),
      );
    }
  });
});
