import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importUserLayer } from '../../../web/domain/importers/index.ts';
import {
  checkedLayerData,
  layerGeoJson,
  layerIssueMessages,
  outsideRegionErrors,
  storedLayerParts,
  storedLayerVersion,
} from '../../../web/domain/projects/stored-layer.ts';
import { screenProject } from '../../../web/domain/screening/engine.ts';
import { decodeLayer, featureCoordinates } from '../../../web/domain/screening/layer.ts';
import { prepareLayer } from '../../../web/domain/screening/layer-check.ts';
import { propsArray } from '../../../web/domain/screening/layer-props.ts';

const ring = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];

const file = (fc: FeatureCollection) => {
  const bytes = new TextEncoder().encode(JSON.stringify(fc));
  return { name: 'layer.geojson', size: bytes.length, arrayBuffer: async () => bytes.buffer };
};

const layerFc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { NAME: '北片' },
      geometry: { type: 'Polygon', coordinates: [ring(111, 41, 0.2)] },
    },
    {
      type: 'Feature',
      properties: { zoneId: 'own', zoneType: 'nature-reserve-core', 名称: '南片' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [[ring(111, 40.5, 0.1)], [ring(111.3, 40.5, 0.1), ring(111.33, 40.53, 0.02).reverse()]],
      },
    },
    { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring(112, 41, 0.05)] } },
  ],
};

async function imported(fc: FeatureCollection) {
  const r = await importUserLayer(file(fc), {
    layerId: 'redline-illustrative',
    source: 'wgs84',
    provenanceNote: 'test',
    now: () => new Date('2026-03-01T08:00:00Z'),
  });
  if (!r.ok) throw new Error(r.errors.map((e) => e.en).join('; '));
  return r;
}

describe('a user layer turned into its stored binary form', () => {
  it('keeps geometry and properties, fills zoneId, zoneType and name, and lists counts and box', async () => {
    const r = await imported(layerFc);
    const made = storedLayerParts(r.layer.data as FeatureCollection, {
      layerId: 'redline-illustrative',
      zoneType: 'redline',
      label: 'layer.geojson',
    });
    if (!made.ok) throw new Error('refused');
    const back = decodeLayer(made.parts.ebl);
    expect(made.parts.featureCount).toBe(3);
    expect(propsArray(back.props).map((p) => [p.id, p.zoneId, p.zoneType, p.name])).toEqual([
      ['user-redline-illustrative-1', 'user-redline-illustrative-1', 'redline', '北片'],
      ['own', 'own', 'nature-reserve-core', '南片'],
      ['user-redline-illustrative-3', 'user-redline-illustrative-3', 'redline', undefined],
    ]);
    expect(back.props.at(0)?.NAME).toBe('北片'); // the file's own properties stay
    expect(made.parts.vertexCount).toBe(4 + 4 + 4 + 4 + 4);
    expect(made.parts.bbox[0]).toBeCloseTo(111, 12);
    expect(made.parts.bbox[1]).toBeCloseTo(40.5, 12);
    expect(made.parts.bbox[2]).toBeCloseTo(112.05, 12);
    expect(made.parts.bbox[3]).toBeCloseTo(41.2, 12);
    // the hole is kept as the second ring of the second part
    expect(featureCoordinates(back, 1)[1]).toHaveLength(2);
    expect(storedLayerVersion(r.layer.provenance)).toBe('2026-03-01T08:00:00.000Z|layer.geojson');
  });

  it('checks the same as the layer read from the GeoJSON it came from', async () => {
    const r = await imported(layerFc);
    const made = storedLayerParts(r.layer.data as FeatureCollection, {
      layerId: 'redline-illustrative',
      zoneType: 'redline',
      label: 'layer.geojson',
    });
    if (!made.ok) throw new Error('refused');
    const fromBinary = prepareLayer(decodeLayer(made.parts.ebl));
    // the layer rebuilt as GeoJSON (what a project bundle exports) and read again
    const again = checkedLayerData(layerGeoJson(decodeLayer(made.parts.ebl)), {
      layerId: 'redline-illustrative',
      label: 'again',
    });
    if (!fromBinary.ok || !again.ok) throw new Error('refused');
    const fromGeoJson = prepareLayer(again.data);
    if (!fromGeoJson.ok) throw new Error('refused');
    const project = { type: 'Polygon', coordinates: [ring(110.95, 40.45, 0.6)] };
    const a = screenProject(project, [fromBinary.index], { buffersM: [1000], nearest: true });
    const b = screenProject(project, [fromGeoJson.index], { buffersM: [1000], nearest: true });
    if (!a.ok || !b.ok) throw new Error('project refused');
    expect(a.result.overlaps.length).toBeGreaterThan(1);
    expect(a.result.overlaps.map((o) => [o.featureId, o.zoneType])).toEqual(
      b.result.overlaps.map((o) => [o.featureId, o.zoneType]),
    );
    a.result.overlaps.forEach((o, i) => {
      expect(o.areaM2).toBeGreaterThan(0);
      expect(Math.abs(o.areaM2 - (b.result.overlaps[i]?.areaM2 ?? 0))).toBeLessThan(1e-9 * o.areaM2);
    });
  });

  it('refuses projected metres with the feature as the place', () => {
    const gk: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring(111, 41, 0.1)] } },
        {
          type: 'Feature',
          properties: { id: 'parcel-7' },
          geometry: { type: 'Polygon', coordinates: [ring(38500000, 4500000, 1000)] },
        },
      ],
    };
    const made = checkedLayerData(gk, { layerId: 'farmland', label: 'gk.geojson' });
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.errors[0]?.code).toBe('layer-not-lonlat');
    const [m] = layerIssueMessages('gk.geojson', made.errors);
    expect(m?.severity).toBe('error');
    expect(m?.location).toBe('feature parcel-7');
    expect(m?.zh).toMatch(/^gk\.geojson：.*38500000/);
    expect(m?.en).toMatch(/projected metres/);
  });

  it('refuses a layer wholly outside the region with the importer’s places, and keeps a partly outside one', async () => {
    const far: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring(10, 10, 0.1)] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring(12, 11, 0.1)] } },
      ],
    };
    const r = await imported(far);
    const made = storedLayerParts(r.layer.data as FeatureCollection, { layerId: 'x', label: 'far.geojson' });
    if (!made.ok) throw new Error('refused');
    const errors = outsideRegionErrors(made.parts.bbox, r.warnings);
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => e.severity === 'error' && e.code === 'outside-region')).toBe(true);
    expect(errors.map((e) => e.location)).toEqual(['feature 1', 'feature 2']);

    const partly = await imported({
      type: 'FeatureCollection',
      features: [...far.features, ...layerFc.features],
    });
    const made2 = storedLayerParts(partly.layer.data as FeatureCollection, {
      layerId: 'x',
      label: 'p.geojson',
    });
    if (!made2.ok) throw new Error('refused');
    expect(partly.warnings.some((w) => w.code === 'outside-region')).toBe(true);
    expect(outsideRegionErrors(made2.parts.bbox, partly.warnings)).toEqual([]);
  });

  it('refuses a layer with no polygons', () => {
    const made = checkedLayerData(
      { type: 'FeatureCollection', features: [] },
      { layerId: 'x', label: 'e.json' },
    );
    expect(made.ok).toBe(false);
    if (!made.ok) expect(layerIssueMessages('e.json', made.errors)[0]?.code).toBe('no-features');
  });
});
