import { describe, expect, it } from 'vitest';
import { farmlandLayer } from '../../../web/domain/screening/farmland-layer.ts';
import { encodeLayer } from '../../../web/domain/screening/layer.ts';
import { syntheticLayer, syntheticProject } from '../../../web/domain/screening/synthetic-layer.ts';
import { warmUpProject } from '../../../web/domain/screening/warm-check.ts';
import {
  createScreeningHandler,
  type ScreeningResponse,
} from '../../../web/domain/screening/worker-protocol.ts';

describe('worker protocol handler', () => {
  it('loads a binary layer with progress, screens, and reports invalid projects and unknown layers', () => {
    const handle = createScreeningHandler();
    const msgs: ScreeningResponse[] = [];
    const post = (m: ScreeningResponse) => msgs.push(m);
    const data = syntheticLayer({
      seed: 5,
      bbox: [111, 42, 111.6, 42.4],
      cols: 6,
      rows: 4,
      maxVertices: 200,
    });
    handle({ type: 'loadLayer', requestId: 1, format: 'binary', buffer: encodeLayer(data) }, post);
    expect(msgs.some((m) => m.type === 'progress' && m.requestId === 1)).toBe(true);
    expect(msgs.at(-1)).toMatchObject({
      type: 'layerLoaded',
      layerId: 'redline-synthetic',
      featureCount: 24,
    });

    handle(
      {
        type: 'screen',
        requestId: 2,
        project: syntheticProject(1, 111.3, 42.2, 10, 40),
        options: { projectType: 'mining', buffersM: [500] },
      },
      post,
    );
    const done = msgs.at(-1);
    expect(done?.type).toBe('screened');
    if (done?.type === 'screened') {
      expect(done.result.overlaps.length).toBeGreaterThan(0);
      expect(done.result.overallVerdict).toBe('prohibited');
    }

    handle(
      {
        type: 'screen',
        requestId: 3,
        project: {
          type: 'Polygon',
          coordinates: [
            [
              [111, 42],
              [111.1, 42],
            ],
          ],
        },
      },
      post,
    );
    expect(msgs.at(-1)).toMatchObject({ type: 'invalidProject', requestId: 3 });

    handle(
      { type: 'screen', requestId: 4, project: syntheticProject(1, 111.3, 42.2, 10, 40), layerIds: ['nope'] },
      post,
    );
    expect(msgs.at(-1)).toMatchObject({ type: 'error', requestId: 4 });

    // the areas, then the feature-id lookup a check's warnings use (one layer per slice): finished within two
    handle({ type: 'warmAreas', requestId: 5, rings: 1_000_000 }, post);
    const first = msgs.at(-1);
    if (first?.type === 'warmed' && !first.finished)
      handle({ type: 'warmAreas', requestId: 6, rings: 1_000_000 }, post);
    expect(msgs.at(-1)).toMatchObject({ type: 'warmed', finished: true });
  });

  it('loads GeoJSON (string) too', () => {
    const handle = createScreeningHandler();
    const msgs: ScreeningResponse[] = [];
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'a' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [111, 42],
                [111.1, 42],
                [111.1, 42.1],
                [111, 42],
              ],
            ],
          },
        },
      ],
    });
    handle({ type: 'loadLayer', requestId: 1, format: 'geojson', geojson, meta: { id: 'mine' } }, (m) =>
      msgs.push(m),
    );
    expect(msgs.at(-1)).toMatchObject({
      type: 'layerLoaded',
      layerId: 'mine',
      featureCount: 1,
      vertexCount: 3,
    });
  });
  it('warms ring areas in slices bounded by vertices, to the same areas the check computes', () => {
    const data = syntheticLayer({
      seed: 7,
      bbox: [111, 42, 111.6, 42.4],
      cols: 6,
      rows: 4,
      maxVertices: 200,
    });
    const load = (h: ReturnType<typeof createScreeningHandler>) =>
      h({ type: 'loadLayer', requestId: 1, format: 'binary', buffer: encodeLayer(data) }, () => {});
    const sliced = createScreeningHandler();
    load(sliced);
    const msgs: ScreeningResponse[] = [];
    const ringCount = data.ringStarts.length - 1;
    let slices = 0;
    for (let finished = false; !finished && slices < 10_000; slices++) {
      sliced({ type: 'warmAreas', requestId: 2 + slices, rings: 1_000_000, vertices: 100 }, (m) =>
        msgs.push(m),
      );
      const last = msgs.at(-1);
      finished = last?.type === 'warmed' && last.finished;
    }
    // each slice stops once it has read 100 vertices (so it reads fewer than 100 + the largest ring), and computes
    // at least one ring
    const vertexCount = data.coords.length / 2;
    let largest = 0;
    for (let r = 0; r < ringCount; r++)
      largest = Math.max(largest, (data.ringStarts[r + 1] as number) - (data.ringStarts[r] as number));
    expect(slices).toBeGreaterThanOrEqual(Math.ceil(vertexCount / (100 + largest)));
    expect(slices).toBeGreaterThan(1);
    // (and one more slice for the layer's feature-id lookup)
    expect(slices).toBeLessThanOrEqual(ringCount + 1);
    const whole = createScreeningHandler();
    load(whole);
    whole({ type: 'warmAreas', requestId: 2, rings: 1_000_000 }, () => {});
    const a = sliced.layers.get('redline-synthetic')?.ringAreaCache;
    const b = whole.layers.get('redline-synthetic')?.ringAreaCache;
    expect(a && [...a].every((x) => !Number.isNaN(x))).toBe(true);
    expect(a && [...a]).toEqual(b && [...b]);
  });
});

describe('the warm-up check', () => {
  const loaded = () => {
    const handle = createScreeningHandler();
    const msgs: ScreeningResponse[] = [];
    const post = (m: ScreeningResponse) => msgs.push(m);
    handle(
      {
        type: 'loadLayer',
        requestId: 1,
        format: 'binary',
        buffer: encodeLayer(farmlandLayer({ seed: 7, parcels: 2000 })),
      },
      post,
    );
    handle(
      {
        type: 'loadLayer',
        requestId: 2,
        format: 'binary',
        buffer: encodeLayer(
          syntheticLayer({ seed: 5, bbox: [111, 42, 111.6, 42.4], cols: 6, rows: 4, maxVertices: 200 }),
        ),
      },
      post,
    );
    return { handle, msgs, post };
  };
  const screened = (h: ReturnType<typeof loaded>, project: unknown) => {
    h.handle(
      {
        type: 'screen',
        requestId: 9,
        project,
        options: { projectType: 'linear-infrastructure', buffersM: [500, 1000], includeGeometry: true },
      },
      h.post,
    );
    const m = h.msgs.at(-1);
    if (m?.type !== 'screened') throw new Error(`not screened: ${JSON.stringify(m)}`);
    return m.result;
  };

  it('crosses the edge of a parcel of the largest layer, and leaves the next check’s result as it would be', () => {
    const warmed = loaded();
    warmed.handle({ type: 'warmCheck', requestId: 3 }, warmed.post);
    expect(warmed.msgs.at(-1)).toMatchObject({ type: 'warmChecked', requestId: 3, checked: true });

    // the project it checked: on the farmland (2,000 parcels against 24 polygons), partly over one parcel
    const index = warmed.handle.layers.get('farmland-synthetic');
    if (!index) throw new Error('farmland not loaded');
    const project = warmUpProject(warmed.handle.layers.values());
    const own = screened(loaded(), project);
    const onFarmland = own.overlaps.filter((o) => o.layerId === 'farmland-synthetic');
    expect(onFarmland.length).toBeGreaterThan(0);
    expect(onFarmland.some((o) => o.how === 'clipped')).toBe(true);
    expect(own.project.areaM2).toBeGreaterThan(onFarmland.reduce((s, o) => s + o.areaM2, 0));

    // a check after the warm-up, against one in a handler that had none: the same answer
    const p = syntheticProject(3, 111.3, 42.2, 8, 30);
    const a = screened(warmed, p);
    const b = screened(loaded(), p);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.overlaps.length).toBeGreaterThan(0);
  });

  it('checks nothing when no layer is loaded', () => {
    const handle = createScreeningHandler();
    const msgs: ScreeningResponse[] = [];
    handle({ type: 'warmCheck', requestId: 1 }, (m) => msgs.push(m));
    expect(msgs).toMatchObject([{ type: 'warmChecked', requestId: 1, checked: false }]);
    expect(warmUpProject([])).toBeNull();
  });
});
