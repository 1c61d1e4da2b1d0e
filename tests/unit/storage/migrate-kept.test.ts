import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { UserLayer } from '../../../web/domain/importers/index.ts';
import { decodeLayer, featureCoordinates } from '../../../web/domain/screening/layer.ts';
import { propsArray } from '../../../web/domain/screening/layer-props.ts';
import { IndexedDbStore } from '../../../web/src/storage/indexeddb-storage.ts';
import { getStoredLayer, putStoredLayer } from '../../../web/src/storage/layer-binary-db.ts';
import { migrateKeptLayers } from '../../../web/src/user-layers/migrate-kept.ts';
import { freshIndexedDb } from '../fake-indexeddb.ts';

freshIndexedDb();

const ring = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
// as an earlier version kept it: normalised GeoJSON (zoneId, zoneType filled in) as UTF-8 bytes
const fc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: '甲', zoneId: 'user-redline-illustrative-1', zoneType: 'redline' },
      geometry: { type: 'Polygon', coordinates: [ring(111, 41, 0.2)] },
    },
    {
      type: 'Feature',
      properties: { zoneId: 'user-redline-illustrative-2', zoneType: 'redline' },
      geometry: { type: 'Polygon', coordinates: [ring(112, 41, 0.1)] },
    },
  ],
};
const provenance = (importedAt: string, fileName = 'old.geojson'): UserLayer['provenance'] => ({
  note: `Loaded by the user from ${fileName}`,
  fileName,
  format: 'geojson',
  crs: 'EPSG:4326',
  source: 'wgs84',
  importedAt,
  featureCount: 2,
});
const keptBytes = (): UserLayer => ({
  id: 'redline-illustrative',
  name: 'old.geojson',
  geojson: new TextEncoder().encode(JSON.stringify(fc)).buffer as ArrayBuffer,
  provenance: provenance('2025-12-01T00:00:00.000Z'),
});
const targets = [{ id: 'redline-illustrative', zoneType: 'redline' }, { id: 'lakes' }];

describe('layers kept by an earlier version become stored binary layers', () => {
  it('converts GeoJSON bytes once, keeps names, ids and provenance, and removes the kept copy', async () => {
    const db = await IndexedDbStore.open();
    await db.saveUserLayer(keptBytes());
    const out = await migrateKeptLayers(db, targets);
    expect(out.problems).toEqual([]);
    expect(out.metas.map((m) => [m.id, m.version, m.featureCount, m.provenance?.fileName])).toEqual([
      ['redline-illustrative', '2025-12-01T00:00:00.000Z|old.geojson', 2, 'old.geojson'],
    ]);
    expect(out.metas[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const rec = await getStoredLayer('redline-illustrative');
    const data = decodeLayer(rec?.ebl as ArrayBuffer);
    expect(propsArray(data.props).map((p) => [p.id, p.name, p.zoneType])).toEqual([
      ['user-redline-illustrative-1', '甲', 'redline'],
      ['user-redline-illustrative-2', undefined, 'redline'],
    ]);
    expect(featureCoordinates(data, 0)[0]?.[0]).toHaveLength(5);
    expect(await db.countUserLayers()).toBe(0);
    // nothing left to convert: a second run does nothing
    expect((await migrateKeptLayers(db, targets)).metas).toEqual([]);
  });

  it('converts a layer a project bundle brought as objects, and leaves layers of unknown ids alone', async () => {
    const db = await IndexedDbStore.open();
    await db.saveUserLayer({
      id: 'lakes',
      name: 'b.geojson',
      data: fc as UserLayer['data'],
      provenance: provenance('2026-01-01T00:00:00.000Z', 'b.geojson'),
    });
    await db.saveUserLayer({ ...keptBytes(), id: 'no-such-layer' });
    const out = await migrateKeptLayers(db, targets);
    expect(out.metas.map((m) => m.id)).toEqual(['lakes']);
    // the lakes layer has no zone type of its own: the features keep theirs
    expect(decodeLayer((await getStoredLayer('lakes'))?.ebl as ArrayBuffer).props.at(0)?.zoneType).toBe(
      'redline',
    );
    expect((await db.allUserLayers()).map((l) => l.id)).toEqual(['no-such-layer']);
  });

  it('does not put an older kept copy over a layer imported since', async () => {
    const db = await IndexedDbStore.open();
    await putStoredLayer({
      id: 'redline-illustrative',
      version: '2026-02-01T00:00:00.000Z|new.geojson',
      sha256: 'new',
      fileBytes: 1,
      featureCount: 1,
      vertexCount: 4,
      bbox: [111, 41, 111.1, 41.1],
      provenance: provenance('2026-02-01T00:00:00.000Z', 'new.geojson'),
      ebl: new ArrayBuffer(8),
    });
    await db.saveUserLayer(keptBytes());
    expect((await migrateKeptLayers(db, targets)).metas).toEqual([]);
    expect((await getStoredLayer('redline-illustrative'))?.sha256).toBe('new');
    expect(await db.countUserLayers()).toBe(0);
  });

  it('keeps a kept layer it cannot convert, and says why', async () => {
    const db = await IndexedDbStore.open();
    const gk: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Polygon', coordinates: [ring(500000, 4500000, 100)] },
        },
      ],
    };
    await db.saveUserLayer({
      ...keptBytes(),
      data: gk as UserLayer['data'],
      geojson: undefined,
    } as UserLayer);
    const out = await migrateKeptLayers(db, targets);
    expect(out.metas).toEqual([]);
    expect(out.problems[0]).toMatch(/^old\.geojson: .*500000/);
    expect(await db.countUserLayers()).toBe(1);
    expect(await getStoredLayer('redline-illustrative')).toBeUndefined();
  });
});
