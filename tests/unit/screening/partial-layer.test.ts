import { describe, expect, it } from 'vitest';
import {
  coordsEnd,
  decodeLayer,
  encodeLayer,
  HEADER_BYTES,
  jsonStart,
  layerCounts,
  warmAreas,
} from '../../../web/domain/screening/layer.ts';
import { encodePropsLayout, propsPrefixBytes } from '../../../web/domain/screening/layer-props.ts';
import type { CoordsIn } from '../../../web/domain/screening/partial-layer.ts';
import { encodeAreas, encodeIndex } from '../../../web/domain/screening/stored-index.ts';
import { syntheticLayer } from '../../../web/domain/screening/synthetic-layer.ts';
import {
  createScreeningHandler,
  type ScreeningResponse,
} from '../../../web/domain/screening/worker-protocol.ts';
import { squarePolygon as square } from '../shapes.ts';

const META = { id: 'stored', nameZh: '存储图层', nameEn: 'Stored layer' };
const layer = () =>
  syntheticLayer({
    seed: 7,
    bbox: [111, 41, 113, 42],
    cols: 40,
    rows: 20,
    maxVertices: 200,
    holeFraction: 0.3,
  });

/** Where the properties of the layer in `ebl` lie, as the worker keeps it after a first load. */
function layoutOf(ebl: ArrayBuffer): ArrayBuffer {
  const layout = encodePropsLayout(decodeLayer(ebl).props);
  if (!layout) throw new Error('no layout');
  return layout;
}

/**
 * A layer held from its whole buffer, and the same held from its parts with its reads counted; `propsLater`: with
 * where its properties lie kept, and only the JSON block's first bytes read.
 */
function bothWays(ebl: ArrayBuffer, propsLater = false) {
  const whole = createScreeningHandler();
  const out: ScreeningResponse[] = [];
  whole({ type: 'loadLayer', requestId: 1, format: 'binary', buffer: ebl.slice(0), meta: META }, (m) =>
    out.push(m),
  );
  const wholeIndex = whole.layers.get(META.id);
  if (!wholeIndex) throw new Error(`whole layer refused: ${JSON.stringify(out)}`);
  const counts = layerCounts(ebl);
  if (!counts) throw new Error('no header');
  const reads: [number, number][] = [];
  const parts = createScreeningHandler();
  const posted: ScreeningResponse[] = [];
  const layout = propsLater ? layoutOf(ebl) : undefined;
  const prefix = layout && propsPrefixBytes(layout, counts.featureCount, counts.metaBytes);
  const coordsIn = parts.loadParts(
    {
      requestId: 2,
      meta: META,
      head: ebl.slice(0, HEADER_BYTES),
      rest: ebl.slice(coordsEnd(counts), prefix ? jsonStart(counts) + prefix : ebl.byteLength),
      byteLength: ebl.byteLength,
      read: (from, to) => {
        reads.push([from, to]);
        return ebl.slice(from, to);
      },
      index: encodeIndex(wholeIndex),
      ...(layout ? { props: layout } : {}),
    },
    (m) => posted.push(m),
  );
  return { whole, parts, coordsIn, posted, reads, counts, wholeIndex };
}

const screen = (h: ReturnType<typeof createScreeningHandler>, project: unknown) => {
  const got: ScreeningResponse[] = [];
  h({ type: 'screen', requestId: 9, project, options: { buffersM: [500, 5000], nearest: true } }, (m) =>
    got.push(m),
  );
  return got.at(-1);
};

describe('a stored layer read in parts (coordinates read in as checks need them)', () => {
  it('is loaded without reading coordinates, and each check gives what the whole layer gives', () => {
    // a layer whose coordinates (~9 MB) span many reads' own cost (read-plan.ts)
    const ebl = encodeLayer(
      syntheticLayer({ seed: 7, bbox: [111, 41, 113, 42], cols: 120, rows: 60, maxVertices: 200 }),
    );
    const { whole, parts, coordsIn, posted, reads, counts } = bothWays(ebl);
    expect(coordsIn).toBeTruthy();
    expect(posted.at(-1)).toMatchObject({
      type: 'layerLoaded',
      layerId: META.id,
      vertexCount: counts.vertexCount,
    });
    expect(reads).toEqual([]);
    const coordBytes = 16 * counts.vertexCount;
    for (const project of [square(111.3, 41.3, 0.05), square(112.5, 41.7, 0.2), square(113.5, 42.5, 0.01)]) {
      const a = screen(parts, project);
      const b = screen(whole, project);
      expect(a?.type).toBe('screened');
      if (a?.type !== 'screened' || b?.type !== 'screened') throw new Error('not screened');
      expect(a.result).toEqual(b.result);
    }
    // the first check overlaps features; the far one (outside the layer) finds its nearest feature
    const read = reads.reduce((s, [f, t]) => s + (t - f), 0);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(coordBytes / 2);
    for (const [f, t] of reads) {
      expect(f).toBeGreaterThanOrEqual(HEADER_BYTES);
      expect(t).toBeLessThanOrEqual(HEADER_BYTES + coordBytes);
    }
  });

  it('takes in the rest in pieces; its ring areas wait until all are in, then equal the whole layer’s', () => {
    const ebl = encodeLayer(layer());
    const { parts, coordsIn, wholeIndex } = bothWays(ebl);
    const index = parts.layers.get(META.id);
    if (!index || !coordsIn) throw new Error('not loaded');
    expect(warmAreas(index, 1e9)).toBe(false);
    expect(index.ringAreaCache.every(Number.isNaN)).toBe(true);
    let pieces = 0;
    for (let gap = coordsIn.nextGap(4096); gap; gap = coordsIn.nextGap(4096)) {
      coordsIn.put(gap, ebl.slice(gap.from, gap.to));
      pieces++;
    }
    expect(pieces).toBeGreaterThan(10);
    expect(coordsIn.complete).toBe(true);
    expect(Array.from(index.data.coords)).toEqual(Array.from(wholeIndex.data.coords));
    expect(warmAreas(index, 1e9)).toBe(true);
    warmAreas(wholeIndex, 1e9);
    expect(encodeAreas(index)).toEqual(encodeAreas(wholeIndex));
  });

  it('refuses a check that reaches a damaged feature with the layer check’s words, and checks elsewhere', () => {
    const ebl = encodeLayer(layer());
    const { parts, wholeIndex } = bothWays(ebl);
    // the first vertex of the feature under the project, made NaN in the stored bytes
    const project = square(111.3, 41.3, 0.02);
    const [f] = wholeIndex.tree.search(111.3, 41.3, 111.32, 41.32);
    if (f === undefined) throw new Error('no feature there');
    const d = wholeIndex.data;
    const v = d.ringStarts[d.partRingStarts[d.featurePartStarts[f] as number] as number] as number;
    new Float64Array(ebl, HEADER_BYTES, 2 * (v + 1))[2 * v] = Number.NaN;
    const damaged = screen(parts, project);
    expect(damaged).toMatchObject({ type: 'error' });
    expect(damaged?.type === 'error' && damaged.message).toContain('有无效坐标');
    expect(damaged?.type === 'error' && damaged.message).toContain('invalid coordinate (NaN');
    expect(screen(parts, square(112.6, 41.6, 0.05))?.type).toBe('screened');
    // still refused on the next check: the damaged feature is not taken as read
    expect(screen(parts, project)?.type).toBe('error');
  });

  it('reads a damaged feature with its neighbours without refusing them; asked for itself, it is refused', () => {
    const ebl = encodeLayer(layer());
    const { coordsIn, wholeIndex } = bothWays(ebl);
    if (!coordsIn) throw new Error('not loaded');
    const d = wholeIndex.data;
    const f = 100;
    const v = d.ringStarts[d.partRingStarts[d.featurePartStarts[f] as number] as number] as number;
    new Float64Array(ebl, HEADER_BYTES, 2 * (v + 1))[2 * v + 1] = 95;
    const read = (from: number, to: number) => ebl.slice(from, to);
    // f - 1 and f + 1 lie a few kB apart: one read, f's bytes with them
    coordsIn.bring([f - 1, f + 1], read);
    expect(() => coordsIn.bring([f - 1, f + 1], read)).not.toThrow();
    expect(() => coordsIn.bring([f + 1, f], read)).toThrow(/不是经纬度.*not longitude\/latitude/s);
    // one feature a piece: the count of those left passes through each number down to 0
    for (let gap = coordsIn.nextGap(1); gap; gap = coordsIn.nextGap(1))
      coordsIn.put(gap, read(gap.from, gap.to));
    expect(coordsIn.complete).toBe(false);
    expect(coordsIn.nextGap(1e6)).toBeNull();
    // every other feature came in: asking for all of them reads nothing more
    const others = Array.from({ length: wholeIndex.featureCount }, (_, i) => i).filter((i) => i !== f);
    const more: number[] = [];
    coordsIn.bring(others, (from, to) => {
      more.push(from);
      return read(from, to);
    });
    expect(more).toEqual([]);
  });

  it('is not loaded from an index of another layer (nothing said), and refused when cut short', () => {
    const ebl = encodeLayer(layer());
    const counts = layerCounts(ebl);
    if (!counts) throw new Error('no header');
    const other = bothWays(
      encodeLayer(syntheticLayer({ seed: 8, bbox: [111, 41, 112, 42], cols: 5, rows: 5 })),
    );
    const h = createScreeningHandler();
    const posted: ScreeningResponse[] = [];
    const base = {
      requestId: 3,
      meta: META,
      head: ebl.slice(0, HEADER_BYTES),
      rest: ebl.slice(coordsEnd(counts)),
      byteLength: ebl.byteLength,
      read: (from: number, to: number) => ebl.slice(from, to),
      index: encodeIndex(other.wholeIndex),
    };
    expect(h.loadParts(base, (m) => posted.push(m))).toBe(false);
    expect(posted).toEqual([]);
    const cut: CoordsIn | null | false = h.loadParts({ ...base, rest: base.rest.slice(0, 100) }, (m) =>
      posted.push(m),
    );
    expect(cut).toBeNull();
    expect(posted.at(-1)).toMatchObject({ type: 'error' });
    expect(posted.at(-1)?.type === 'error' && posted.at(-1)).toMatchObject({
      issues: [{ code: 'layer-corrupt' }],
    });
    expect(h.layers.size).toBe(0);
  });

  describe('with where its properties lie kept (they are read as checks name features)', () => {
    const propsBytes = (reads: [number, number][], counts: NonNullable<ReturnType<typeof layerCounts>>) =>
      reads.filter(([f]) => f >= jsonStart(counts)).reduce((s, [f, t]) => s + (t - f), 0);

    it('reads only the metadata at load; each check gives what the whole layer gives', () => {
      // many small features: their properties span far more than one piece
      const ebl = encodeLayer(
        syntheticLayer({ seed: 7, bbox: [111, 41, 113, 42], cols: 160, rows: 80, maxVertices: 12 }),
      );
      const { whole, parts, posted, reads, counts } = bothWays(ebl, true);
      expect(posted.at(-1)).toMatchObject({ type: 'layerLoaded', layerId: META.id });
      expect(reads).toEqual([]);
      for (const project of [
        square(111.3, 41.3, 0.05),
        square(112.5, 41.7, 0.2),
        square(113.5, 42.5, 0.01),
      ]) {
        const a = screen(parts, project);
        const b = screen(whole, project);
        if (a?.type !== 'screened' || b?.type !== 'screened') throw new Error('not screened');
        expect(a.result.overlaps.length + (a.result.nearest ? 1 : 0)).toBeGreaterThan(0);
        expect(a.result).toEqual(b.result);
        // the small project (with its 5 km ring) named a corner's features
        if (project.coordinates[0]?.[0]?.[0] === 111.3) {
          expect(propsBytes(reads, counts)).toBeGreaterThan(0);
          expect(propsBytes(reads, counts)).toBeLessThan(counts.metaBytes / 4);
        }
      }
      for (const [, t] of reads) expect(t).toBeLessThanOrEqual(ebl.byteLength);
    });

    it('reads the properties of the features one search finds in one piece when they lie close', () => {
      const ebl = encodeLayer(layer());
      const { parts, reads, counts, wholeIndex } = bothWays(ebl, true);
      const index = parts.layers.get(META.id);
      if (!index) throw new Error('not loaded');
      const found = index.tree.search(111.9, 41.4, 112.1, 41.6);
      expect(found.length).toBeGreaterThan(3);
      const jsonReads = () => reads.filter(([f]) => f >= jsonStart(counts)).length;
      expect(jsonReads()).toBe(1);
      for (const f of found) expect(index.data.props.at(f)).toEqual(wholeIndex.data.props.at(f));
      expect(jsonReads()).toBe(1);
    });

    it('takes in the properties’ block in one piece; checks then read no properties from storage', () => {
      const ebl = encodeLayer(layer());
      const { whole, parts, coordsIn, reads, counts } = bothWays(ebl, true);
      if (!coordsIn) throw new Error('not loaded');
      expect(coordsIn.propsToRead(ebl.byteLength)).toEqual({ from: jsonStart(counts), to: ebl.byteLength });
      for (let gap = coordsIn.nextGap(1e6); gap; gap = coordsIn.nextGap(1e6))
        coordsIn.put(gap, ebl.slice(gap.from, gap.to));
      const block = coordsIn.propsToRead(ebl.byteLength);
      if (!block) throw new Error('nothing to read');
      coordsIn.putProps(ebl.slice(block.from, block.to));
      expect(coordsIn.propsToRead(ebl.byteLength)).toBeNull();
      const project = square(112.5, 41.7, 0.2);
      const a = screen(parts, project);
      const b = screen(whole, project);
      if (a?.type !== 'screened' || b?.type !== 'screened') throw new Error('not screened');
      expect(a.result.overlaps.length).toBeGreaterThan(3);
      expect(a.result).toEqual(b.result);
      expect(reads).toEqual([]);
    });

    it('refuses a check that names a feature whose properties are damaged, and checks elsewhere', () => {
      const ebl = encodeLayer(layer());
      const { parts, wholeIndex, counts } = bothWays(ebl, true);
      const [f] = wholeIndex.tree.search(111.3, 41.3, 111.32, 41.32);
      if (f === undefined) throw new Error('no feature there');
      const layout = new Uint32Array(layoutOf(ebl));
      const s = layout[6 + 2 * f] as number;
      // its object's opening brace made a space: the value is no longer JSON
      new Uint8Array(ebl, jsonStart(counts) + s, 1)[0] = 0x20;
      const damaged = screen(parts, square(111.3, 41.3, 0.02));
      expect(damaged?.type === 'error' && damaged.message).toContain(
        `第 ${f + 1} 个要素的属性无法读取 / damaged layer: the properties of feature ${f + 1} cannot be read`,
      );
      expect(screen(parts, square(112.6, 41.6, 0.05))?.type).toBe('screened');
    });

    it('is refused as damaged when the kept layout does not fit its properties', () => {
      const ebl = encodeLayer(layer());
      const counts = layerCounts(ebl);
      if (!counts) throw new Error('no header');
      const layout = layoutOf(ebl);
      const prefix = propsPrefixBytes(layout, counts.featureCount, counts.metaBytes);
      if (!prefix) throw new Error('layout does not fit');
      const h = createScreeningHandler();
      const posted: ScreeningResponse[] = [];
      const whole = bothWays(ebl);
      const base = {
        requestId: 3,
        meta: META,
        head: ebl.slice(0, HEADER_BYTES),
        rest: ebl.slice(coordsEnd(counts), jsonStart(counts) + prefix),
        byteLength: ebl.byteLength,
        read: (from: number, to: number) => ebl.slice(from, to),
        index: encodeIndex(whole.wholeIndex),
        props: layout,
      };
      // the first bytes without a kept layout to say where the rest lies, and with one a byte short
      const { props: _, ...noLayout } = base;
      expect(h.loadParts(noLayout, (m) => posted.push(m))).toBeNull();
      expect(h.loadParts({ ...base, rest: base.rest.slice(0, -1) }, (m) => posted.push(m))).toBeNull();
      // a layout whose metadata ends after the props array's bracket
      const wrong = new Uint32Array(layout.slice(0));
      wrong[3] = (wrong[4] as number) + 1;
      expect(h.loadParts({ ...base, props: wrong.buffer }, (m) => posted.push(m))).toBeNull();
      expect(posted).toHaveLength(3);
      for (const m of posted) expect(m).toMatchObject({ type: 'error', issues: [{ code: 'layer-corrupt' }] });
      expect(h.layers.size).toBe(0);
      expect(h.loadParts(base, () => {})).toBeTruthy();
    });
  });
});
