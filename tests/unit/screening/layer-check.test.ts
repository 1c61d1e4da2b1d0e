/**
 * Layer validation (web/domain/screening/layer-check.ts): layers that cannot give a true answer are refused,
 * invalid geometry a check relies on is a warning in its result; the worker handler behaves the same way.
 */
import { describe, expect, it } from 'vitest';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import {
  encodeLayer,
  type GeoJsonFeatureCollection,
  layerFromGeoJson,
} from '../../../web/domain/screening/layer.ts';
import {
  decodeLayerChecked,
  type LayerIssue,
  prepareLayer,
  validateLayer,
} from '../../../web/domain/screening/layer-check.ts';
import { syntheticLayer } from '../../../web/domain/screening/synthetic-layer.ts';
import {
  createScreeningHandler,
  type ScreeningResponse,
} from '../../../web/domain/screening/worker-protocol.ts';
import { squareRing as square } from '../shapes.ts';

type Ring = number[][];
/** Edges 1–2 and 3–4 cross at the middle of the box [x, x+d] × [y, y+d]. */
const bowtie = (x: number, y: number, d: number): Ring => [
  [x, y],
  [x + d, y + d],
  [x + d, y],
  [x, y + d],
  [x, y],
];
const fc = (...rings: [string, Ring][]): GeoJsonFeatureCollection => ({
  type: 'FeatureCollection',
  features: rings.map(([id, r]) => ({
    type: 'Feature',
    properties: { id },
    geometry: { type: 'Polygon', coordinates: [r] },
  })),
});
const layer = (g: GeoJsonFeatureCollection, id = 'test') =>
  layerFromGeoJson(g, { id, nameZh: '测试', nameEn: 'Test' });
const codes = (l: LayerIssue[]) => l.map((i) => i.code);

describe('validateLayer', () => {
  it('refuses an empty layer: a check against it could only say "no overlap"', () => {
    const c = validateLayer(layer(fc()));
    expect(codes(c.errors)).toEqual(['layer-empty']);
    expect(c.errors[0]?.en).toContain('no overlap');
  });

  it('refuses projected metres and names the feature and the coordinate', () => {
    const c = validateLayer(
      layer(fc(['a', square(111, 40, 0.1)], ['gk', square(39_500_000, 4_500_000, 1000)])),
      {
        label: 'zones.geojson',
      },
    );
    expect(codes(c.errors)).toEqual(['layer-not-lonlat']);
    expect(c.errors[0]).toMatchObject({
      featureId: 'gk',
      at: [39_500_000, 4_500_000],
      layer: 'zones.geojson',
    });
    expect(c.errors[0]?.zh).toContain('zones.geojson');
  });

  it('refuses non-finite coordinates', () => {
    const c = validateLayer(
      layer(
        fc([
          'n',
          [
            [111, 40],
            [112, Number.NaN],
            [112, 41],
            [111, 40],
          ],
        ]),
      ),
    );
    expect(codes(c.errors)).toEqual(['layer-bad-coordinate']);
  });

  it('with geometry: counts every invalid feature, names up to three, reports features too large to check', () => {
    const g = fc(
      ['ok1', square(111, 40, 0.1)],
      ['b1', bowtie(112, 40, 0.1)],
      ['ok2', square(113, 40, 0.1)],
      ['b2', bowtie(114, 40, 0.1)],
    );
    const c = validateLayer(layer(g), { geometry: true });
    expect(c.errors).toEqual([]);
    expect(codes(c.warnings)).toEqual(['layer-invalid-geometry']);
    expect(c.warnings[0]?.en).toMatch(/has 2 feature\(s\) with invalid geometry.*feature b1.*feature b2/);
    expect(c.warnings[0]?.at).toEqual([112.05, 40.05]);
    const capped = validateLayer(layer(g), { geometry: true, maxVerticesPerFeature: 3 });
    expect(codes(capped.warnings)).toEqual(['layer-geometry-unchecked']);
    expect(capped.warnings[0]?.en).toContain('4 feature(s) over 3 vertices');
  });
});

describe('how the messages name layers and features', () => {
  it('names a feature by its name and id, each language with its own layer name', () => {
    const g: GeoJsonFeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'HM-7', nameZh: '汗马核心区', nameEn: 'Hanma core zone' },
          geometry: { type: 'Polygon', coordinates: [bowtie(112, 40, 0.1)] },
        },
        {
          type: 'Feature',
          properties: { id: 'x9' },
          geometry: { type: 'Polygon', coordinates: [bowtie(113, 40, 0.1)] },
        },
      ],
    };
    const w = validateLayer(layer(g), { geometry: true }).warnings[0];
    expect(w?.zh).toContain('图层“测试”');
    expect(w?.zh).not.toContain('Test');
    expect(w?.zh).toContain('要素 “汗马核心区”（HM-7）');
    expect(w?.zh).toContain('要素 x9');
    expect(w?.en).toContain('Layer “Test”');
    expect(w?.en).not.toContain('测试');
    expect(w?.en).toContain('feature “Hanma core zone” (HM-7)');
    expect(w?.featureId).toBe('HM-7');
  });
});

describe('decodeLayerChecked', () => {
  const good = encodeLayer(
    syntheticLayer({ seed: 3, bbox: [111, 40, 112, 41], cols: 3, rows: 2, maxVertices: 40 }),
  );

  it('reads a good layer', () => {
    const d = decodeLayerChecked(good, 'x.ebl');
    expect(d.ok && d.data.props.length).toBe(6);
  });

  it('every truncation of a layer is refused as damaged, never thrown', () => {
    for (let n = 0; n < good.byteLength; n += 7) {
      const d = decodeLayerChecked(good.slice(0, n), 'x.ebl');
      expect(d.ok, `${n} bytes`).toBe(false);
      if (!d.ok) expect(d.errors[0]?.code).toBe('layer-corrupt');
    }
  });

  it('garbage and scrambled offsets are refused', () => {
    const garbage = new Uint8Array(good.byteLength).map((_, i) => (i * 131) % 256).buffer;
    expect(decodeLayerChecked(garbage, 'g.ebl')).toMatchObject({ ok: false });
    const bad = good.slice(0);
    const v = new DataView(bad).getUint32(4, true);
    new DataView(bad).setUint32(32 + 16 * v + 4, 0xffffff, true);
    const d = decodeLayerChecked(bad, 'b.ebl');
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.errors[0]?.en).toContain('ring offsets');
  });
});

describe('a check warns about invalid geometry it relied on, and only that', () => {
  const project = { type: 'Polygon', coordinates: [square(111.02, 40.02, 0.05)] };

  it('a bowtie across the project: warned in the layer summary, with its id', () => {
    const p = prepareLayer(layer(fc(['bow', bowtie(111, 40, 0.1)], ['far', square(115, 44, 0.1)])));
    if (!p.ok) throw new Error('refused');
    const out = screenProject(project, [p.index], { nearest: true });
    if (!out.ok) throw new Error('invalid project');
    const w = out.result.layers[0]?.warnings ?? [];
    expect(codes(w)).toEqual(['layer-invalid-geometry']);
    expect(w[0]?.featureId).toBe('bow');
  });

  it('a bowtie the check never reaches: no warning', () => {
    const p = prepareLayer(layer(fc(['near', square(111.1, 40, 0.1)], ['bow', bowtie(118, 45, 0.1)])));
    if (!p.ok) throw new Error('refused');
    const out = screenProject(project, [p.index], { nearest: true, buffersM: [1000] });
    if (!out.ok) throw new Error('invalid project');
    expect(out.result.layers[0]?.nearest?.featureId).toBe('near');
    expect(out.result.layers[0]?.warnings).toEqual([]);
  });
});

describe('worker handler', () => {
  const run = (req: Parameters<ReturnType<typeof createScreeningHandler>>[0]) => {
    const handle = createScreeningHandler(() => 0);
    const msgs: ScreeningResponse[] = [];
    handle(req, (m) => msgs.push(m));
    return { handle, msgs, last: msgs.at(-1) };
  };
  const meta = { id: 'user-redline', nameZh: '用户红线' };

  for (const [what, req, code] of [
    ['garbage binary', { format: 'binary', buffer: new Uint8Array(100).fill(7).buffer }, 'layer-corrupt'],
    [
      'text that is not JSON',
      { format: 'geojson', geojson: '{"type":', meta },
      'layer-not-feature-collection',
    ],
    [
      'JSON that is not a FeatureCollection',
      { format: 'geojson', geojson: '[1,2]', meta },
      'layer-not-feature-collection',
    ],
    ['an empty layer', { format: 'geojson', geojson: fc(), meta }, 'layer-empty'],
    [
      'projected metres',
      { format: 'geojson', geojson: fc(['gk', square(39_500_000, 4_500_000, 1000)]), meta },
      'layer-not-lonlat',
    ],
  ] as const) {
    it(`refuses ${what} with a message saying so; nothing is loaded`, () => {
      const { handle, last } = run({ type: 'loadLayer', requestId: 1, ...req } as never);
      expect(last?.type).toBe('error');
      if (last?.type !== 'error') return;
      expect(last.issues?.map((i) => i.code)).toEqual([code]);
      expect(last.message).toBe(`${last.issues?.[0]?.zh} / ${last.issues?.[0]?.en}`);
      expect(last.message).not.toMatch(/TypeError|SyntaxError|at .+:\d+/);
      expect(handle.layers.size).toBe(0);
    });
  }

  it('loads a layer with invalid geometry and the result carries the warning', () => {
    const { handle, msgs } = run({
      type: 'loadLayer',
      requestId: 1,
      format: 'geojson',
      geojson: fc(['bow', bowtie(111, 40, 0.1)]),
      meta,
    });
    expect(msgs.at(-1)).toMatchObject({ type: 'layerLoaded', warnings: [] });
    handle(
      {
        type: 'screen',
        requestId: 2,
        project: { type: 'Polygon', coordinates: [square(111.02, 40.02, 0.05)] },
      },
      (m) => msgs.push(m),
    );
    const done = msgs.at(-1);
    expect(done?.type).toBe('screened');
    if (done?.type === 'screened')
      expect(done.result.layers[0]?.warnings.map((w) => w.code)).toEqual(['layer-invalid-geometry']);
  });
});
