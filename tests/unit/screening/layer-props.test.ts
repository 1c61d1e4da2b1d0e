import { describe, expect, it } from 'vitest';
import {
  decodeLayer,
  decodeLayerWhole,
  encodeLayer,
  jsonStart,
  type LayerFeatureProps,
  layerCounts,
} from '../../../web/domain/screening/layer.ts';
import { decodeLayerChecked } from '../../../web/domain/screening/layer-check.ts';
import {
  encodePropsLayout,
  propsArray,
  propsPrefixBytes,
  readLayerJson,
  readLayerJsonLater,
  StoredProps,
  scanLayerJson,
} from '../../../web/domain/screening/layer-props.ts';
import { syntheticLayer } from '../../../web/domain/screening/synthetic-layer.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Properties a user's file can carry: text that looks like JSON's own punctuation, escapes, nesting, odd keys. */
const awkward: LayerFeatureProps[] = [
  { id: 'a', name: '北片 "引号" \\ 反斜杠 ]}{[,:' },
  { id: 'b', name: 'tab\tnewline\n\u0000 control', zoneType: 'redline' },
  { id: 'c', nested: { list: [1, [2, { x: '}' }], null], empty: {} }, n: -1.5e-7 },
  JSON.parse('{"id":"d","__proto__":{"polluted":true},"constructor":"x"}') as LayerFeatureProps,
  { id: 'e', name: '😀 emoji 𝄞 and ü', flag: true, none: null },
  { id: '' },
  { id: 'g', text: '\\"', tail: '\\' },
];

function scanned(json: string, count: number) {
  const bytes = utf8(json);
  const got = readLayerJson(bytes, count);
  if (!got) throw new Error('did not scan');
  return got;
}

describe('feature properties read when asked for', () => {
  it('reads each feature as JSON.parse of the whole block does, in any order and repeatedly', () => {
    const meta = { id: 'layer', nameZh: '图层 "一"' };
    for (const json of [
      JSON.stringify({ meta, props: awkward }),
      JSON.stringify({ meta, props: awkward }, null, 2),
      JSON.stringify({ props: awkward, other: [1, { meta: 2 }], meta }),
    ]) {
      const whole = JSON.parse(json) as { meta: unknown; props: LayerFeatureProps[] };
      const got = scanned(json, awkward.length);
      expect(got.meta).toEqual(whole.meta);
      expect(got.props.length).toBe(awkward.length);
      for (const f of [6, 0, 3, 3, 1, 5, 2, 4]) expect(got.props.at(f)).toEqual(whole.props[f]);
      expect(Object.getPrototypeOf(got.props.at(3))).toBe(Object.prototype);
      expect(got.props.at(7)).toBeUndefined();
      expect(got.props.at(-1)).toBeUndefined();
      expect(propsArray(got.props)).toEqual(whole.props);
    }
  });

  it('an empty layer has no properties to read', () => {
    const got = scanned('{"meta":{"id":"x"},"props":[]}', 0);
    expect(got.props.length).toBe(0);
    expect(propsArray(got.props)).toEqual([]);
  });

  it('is not fooled: a wrong count, a cut, trailing bytes or a missing part is not scanned', () => {
    const json = JSON.stringify({ meta: { id: 'x' }, props: awkward });
    expect(scanLayerJson(utf8(json), awkward.length)).not.toBeNull();
    expect(scanLayerJson(utf8(json), awkward.length - 1)).toBeNull();
    expect(scanLayerJson(utf8(json), awkward.length + 1)).toBeNull();
    for (let n = 0; n < json.length; n += 3)
      expect(scanLayerJson(utf8(json.slice(0, n)), awkward.length)).toBeNull();
    expect(scanLayerJson(utf8(`${json}x`), awkward.length)).toBeNull();
    expect(scanLayerJson(utf8(JSON.stringify({ props: awkward })), awkward.length)).toBeNull();
    expect(scanLayerJson(utf8(JSON.stringify({ meta: {}, props: {} })), 0)).toBeNull();
    expect(scanLayerJson(utf8('[]'), 0)).toBeNull();
  });

  it('a damaged feature says which it is, and the others are still read', () => {
    const json = '{"meta":{"id":"x"},"props":[{"id":"a"},{"id":"b",oops},{"id":"c"}]}';
    const got = scanned(json, 3);
    expect(got.props.at(0)).toEqual({ id: 'a' });
    expect(got.props.at(2)).toEqual({ id: 'c' });
    expect(() => got.props.at(1)).toThrow(/第 2 个要素.*feature 2/);
  });

  it('a stored layer decodes with its properties unread, and gives them as they were encoded', () => {
    const data = syntheticLayer({ seed: 5, bbox: [111, 40, 112, 41], cols: 4, rows: 3, maxVertices: 30 });
    const props = propsArray(data.props).map((p, f) => ({ ...p, name: `图斑 "${f}" ]}` }));
    const back = decodeLayer(encodeLayer({ ...data, props }));
    expect(back.props).toBeInstanceOf(StoredProps);
    expect(back.props.at(7)).toEqual(props[7]);
    expect(propsArray(back.props)).toEqual(props);
    expect(propsArray(decodeLayer(encodeLayer(back)).props)).toEqual(props);
  });

  it('a kept layout reads the same properties, and one that does not fit these bytes is not used', () => {
    const meta = { id: 'layer' };
    const compact = JSON.stringify({ meta, props: awkward });
    const pretty = JSON.stringify({ meta, props: awkward }, null, 2);
    const layoutOf = (json: string) => encodePropsLayout(scanned(json, awkward.length).props) as ArrayBuffer;
    const boundsOf = (p: unknown) => Array.from((p as StoredProps).layout.bounds);
    const bufferOf = (p: unknown) => (p as StoredProps).layout.bounds.buffer;
    for (const json of [compact, pretty]) {
      const whole = JSON.parse(json) as { props: LayerFeatureProps[] };
      const layout = layoutOf(json);
      const got = readLayerJson(utf8(json), awkward.length, layout);
      // read from the layout's own buffer: no scan made them
      expect(bufferOf(got?.props)).toBe(layout);
      expect(got?.meta).toEqual(meta);
      for (let f = 0; f < awkward.length; f++) expect(got?.props.at(f)).toEqual(whole.props[f]);
      expect(boundsOf(got?.props)).toEqual(boundsOf(scanned(json, awkward.length).props));
    }
    // the pretty block's layout over the compact bytes, a layout cut short, a shifted value, a wrong signature:
    // each is refused and the bytes are scanned instead
    const scan = boundsOf(scanned(compact, awkward.length).props);
    const shifted = new Uint32Array(layoutOf(compact).slice(0));
    shifted[8] = (shifted[8] as number) + 1;
    const unsigned = new Uint32Array(layoutOf(compact).slice(0));
    unsigned[0] = 0;
    for (const bad of [layoutOf(pretty), layoutOf(compact).slice(0, -4), shifted.buffer, unsigned.buffer]) {
      const got = readLayerJson(utf8(compact), awkward.length, bad);
      expect(bufferOf(got?.props)).not.toBe(bad);
      expect(boundsOf(got?.props)).toEqual(scan);
      expect(got?.props.at(2)).toEqual(awkward[2]);
    }
    expect(encodePropsLayout(awkward)).toBeNull();
  });

  it('read later from a kept layout: the metadata at once, each feature read as it is asked for', () => {
    const meta = { id: 'layer', nameZh: '图层 "一"' };
    for (const json of [
      JSON.stringify({ meta, props: awkward }),
      JSON.stringify({ meta, props: awkward }, null, 2),
    ]) {
      const bytes = utf8(json);
      const layout = encodePropsLayout(scanned(json, awkward.length).props);
      if (!layout) throw new Error('no layout');
      const prefix = propsPrefixBytes(layout, awkward.length, bytes.length);
      const bracket = json.indexOf('[', json.indexOf('"props"'));
      expect(prefix).toBe(utf8(json.slice(0, bracket + 1)).length);
      const reads: [number, number][] = [];
      const read = (s: number, e: number) => {
        reads.push([s, e]);
        return bytes.slice(s, e);
      };
      const later = readLayerJsonLater(
        bytes.slice(0, prefix ?? 0),
        awkward.length,
        bytes.length,
        layout,
        read,
      );
      if (!later) throw new Error('not read');
      expect(later.meta).toEqual(meta);
      expect(reads).toEqual([]);
      expect(later.props.at(4)).toEqual(awkward[4]);
      expect(reads).toHaveLength(1);
      // those close to each other in one read
      later.props.bring([0, 1, 2, 6]);
      expect(reads).toHaveLength(2);
      for (const f of [0, 1, 2, 6]) expect(later.props.at(f)).toEqual(awkward[f]);
      expect(reads).toHaveLength(2);
      expect(propsArray(later.props)).toEqual(awkward);
      // a prefix that is not the one the layout says, or a block of another length, is not read
      expect(readLayerJsonLater(bytes.slice(0, (prefix ?? 0) - 1), 7, bytes.length, layout, read)).toBeNull();
      expect(propsPrefixBytes(layout, awkward.length, (prefix ?? 0) + 5)).toBeNull();
      expect(propsPrefixBytes(layout, awkward.length + 1, bytes.length)).toBeNull();
    }
  });

  it('a stored layer decoded with the layout its first decode found has the same properties', () => {
    const data = syntheticLayer({ seed: 5, bbox: [111, 40, 112, 41], cols: 4, rows: 3, maxVertices: 30 });
    const ebl = encodeLayer(data);
    const first = decodeLayerChecked(ebl, 'x.ebl');
    if (!first.ok) throw new Error('not decoded');
    const layout = encodePropsLayout(first.data.props);
    expect(layout).not.toBeNull();
    const again = decodeLayerChecked(ebl, 'x.ebl', layout ?? undefined);
    if (!again.ok) throw new Error('not decoded');
    expect((again.data.props as StoredProps).layout.bounds.buffer).toBe(layout);
    expect(propsArray(again.data.props)).toEqual(propsArray(data.props));
    // a layer of other properties (another version stored under the same id) does not take it
    const other = encodeLayer({
      ...data,
      props: propsArray(data.props).map((p) => ({ ...p, name: `${p.id}-x` })),
    });
    const wrong = decodeLayerChecked(other, 'x.ebl', layout ?? undefined);
    if (!wrong.ok) throw new Error('not decoded');
    expect((wrong.data.props as StoredProps).layout.bounds.buffer).not.toBe(layout);
    expect(propsArray(wrong.data.props)[0]?.name).toBe(`${propsArray(data.props)[0]?.id}-x`);
  });

  it('a binary layer whose properties do not match its features is still refused', () => {
    const data = syntheticLayer({ seed: 5, bbox: [111, 40, 112, 41], cols: 2, rows: 1, maxVertices: 30 });
    const one = encodeLayer({ ...data, props: propsArray(data.props).slice(0, 1) });
    const head = new Uint32Array(one, 0, 8);
    expect(head[4]).toBe(2);
    const d = decodeLayerChecked(one, 'x.ebl');
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.errors[0]?.code).toBe('layer-corrupt');
  });
});

describe('properties read later, in as few reads as they cost', () => {
  const meta = { id: 'many', nameZh: '多要素' };
  const props = Array.from({ length: 5000 }, (_, i) => ({ id: `f${i}`, name: `地块 ${i}`, area: i * 1.5 }));
  const json = JSON.stringify({ meta, props });
  const bytes = utf8(json);
  const layout = encodePropsLayout(scanned(json, props.length).props);
  const later = (fixedBytes: number) => {
    if (!layout) throw new Error('no layout');
    const prefix = propsPrefixBytes(layout, props.length, bytes.length) ?? 0;
    const reads: [number, number][] = [];
    const got = readLayerJsonLater(
      bytes.slice(0, prefix),
      props.length,
      bytes.length,
      layout,
      (s, e) => {
        reads.push([s, e]);
        return bytes.slice(s, e);
      },
      fixedBytes,
    );
    if (!got) throw new Error('not read');
    return { props: got.props, reads };
  };
  const scattered = Array.from({ length: 50 }, (_, k) => k * 97);

  it('features far apart, reads cheap: one read per close group, only their bytes', () => {
    const { props: p, reads } = later(64);
    p.bring(scattered);
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.reduce((s, [a, b]) => s + b - a, 0)).toBeLessThan(bytes.length / 4);
    expect(p.readLater).toBe(true);
    const n = reads.length;
    for (const f of scattered) expect(p.at(f)).toEqual(props[f]);
    expect(reads).toHaveLength(n);
  });

  it('reads that would cost half the block or more: the block is read once and kept', () => {
    const { props: p, reads } = later(16 * 1024);
    p.bring(scattered);
    expect(reads).toHaveLength(1);
    expect(p.readLater).toBe(false);
    for (const f of [...scattered, 1, 4999]) expect(p.at(f)).toEqual(props[f]);
    p.bring([2, 3, 4000]);
    expect(reads).toHaveLength(1);
    expect(propsArray(p)).toEqual(props);
  });
});

describe('every property at once (the tiles worker)', () => {
  const data = syntheticLayer({ seed: 9, bbox: [111, 40, 112, 41], cols: 3, rows: 3, maxVertices: 30 });
  const props = propsArray(data.props).map((p, f) => ({ ...awkward[f % awkward.length], ...p }));

  it('decodes the geometry and properties the feature-at-a-time decode gives', () => {
    const ebl = encodeLayer({ ...data, props });
    const whole = decodeLayerWhole(ebl);
    const lazy = decodeLayer(ebl);
    expect(Array.isArray(whole.props)).toBe(true);
    expect(whole.props).toEqual(propsArray(lazy.props));
    expect(whole.props).toEqual(props);
    expect(whole.meta).toEqual(lazy.meta);
    for (const k of ['coords', 'ringStarts', 'partRingStarts', 'featurePartStarts'] as const)
      expect(Array.from(whole[k])).toEqual(Array.from(lazy[k]));
  });

  it('refuses a block that is not one object per feature, saying what is wrong', () => {
    const notObject = encodeLayer({ ...data, props: props.map((p, f) => (f === 4 ? [p] : p)) as never });
    expect(() => decodeLayerWhole(notObject)).toThrow(/第 5 个要素.*feature 5 .*not an object/);
    const short = encodeLayer({ ...data, props: props.slice(0, 8) });
    expect(() => decodeLayerWhole(short)).toThrow(/damaged layer.*8 properties for 9 features/);
    const ebl = encodeLayer({ ...data, props });
    expect(() => decodeLayerWhole(ebl.slice(0, ebl.byteLength - 1))).toThrow('properties cut short');
    const broken = new Uint8Array(ebl.slice(0));
    const c = layerCounts(broken.buffer);
    if (!c) throw new Error('no header');
    broken[jsonStart(c) + c.metaBytes - 1] = 0x20; // the block's closing brace
    expect(() => decodeLayerWhole(broken.buffer)).toThrow(/damaged layer: its properties cannot be read/);
  });
});
