// The workspace at the scale of a 永久基本农田 layer: the seeded farmland-like layer of 300,000 parcels uploaded
// as a data owner would, published, and checked in PostGIS with the browser engine's figures.
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceServer } from '../../server/http.ts';
import { importUserLayer } from '../../web/domain/importers/index.ts';
import { checkedLayerData } from '../../web/domain/projects/stored-layer.ts';
import { screenProject } from '../../web/domain/screening/engine.ts';
import { FARMLAND_BENCH, farmlandLayer } from '../../web/domain/screening/farmland-layer.ts';
import { featureCoordinates, indexLayer } from '../../web/domain/screening/layer.ts';
import { syntheticProject } from '../../web/domain/screening/synthetic-layer.ts';
import { expectSameAreas } from './agreement.ts';
import { openWorkspace } from './fixtures.ts';

const APP = { role: 'ebm_app_scale', password: 'scale-test-throwaway' };
let admin: pg.Client;
let db: pg.Pool;
let base = '';
let close: () => Promise<void> = async () => {};
let tokens: Record<string, string> = {};

function farmlandFile(): Uint8Array<ArrayBuffer> {
  const data = farmlandLayer(FARMLAND_BENCH);
  const n = data.featurePartStarts.length - 1;
  const parts: string[] = [];
  for (let f = 0; f < n; f++) {
    const p = data.props[f];
    parts.push(
      JSON.stringify({
        type: 'Feature',
        properties: { name: p?.name, zoneType: p?.zoneType },
        geometry: { type: 'MultiPolygon', coordinates: featureCoordinates(data, f) },
      }),
    );
  }
  return new TextEncoder().encode(`{"type":"FeatureCollection","features":[\n${parts.join(',\n')}\n]}`);
}

async function post(path: string, as: string, body: BodyInit) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[as]}` },
    body,
  });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  ({ admin, db, tokens } = await openWorkspace(APP, [
    ['owner', 'owner', 'region'],
    ['screener', 'screener', 'region'],
  ]));
  const server = workspaceServer(db);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((r) => server.close(() => r()));
}, 120_000);

afterAll(async () => {
  await close();
  await db?.end();
  await admin?.end();
});

describe('a 300,000-parcel farmland layer in PostGIS', () => {
  it('is uploaded, published and checked with the browser engine’s figures', async () => {
    const bytes = farmlandFile();
    const up = await post(
      '/api/layers/farmland-permanent/versions?file=farmland.geojson&zh=永久基本农田',
      'owner',
      new Blob([bytes]),
    );
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ version: 1, featureCount: FARMLAND_BENCH.parcels });
    const counted = await admin.query(
      `select (select count(*) from ebm.layer_features where layer_id = 'farmland-permanent') as features,
              (select count(*) from ebm.layer_parts where layer_id = 'farmland-permanent') as parts`,
    );
    expect(counted.rows[0]).toEqual({ features: FARMLAND_BENCH.parcels, parts: FARMLAND_BENCH.parcels });
    expect(
      (
        await post(
          '/api/layers/farmland-permanent/publish',
          'owner',
          JSON.stringify({ version: 1, expected: null }),
        )
      ).status,
    ).toBe(200);

    // the browser engine on the same file, as the browser import keeps it
    const imported = await importUserLayer(
      { name: 'farmland.geojson', size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer },
      { layerId: 'farmland-permanent', source: 'wgs84', provenanceNote: '' },
    );
    if (!imported.ok || !imported.layer.data) throw new Error('the browser import refused the farmland file');
    const checked = checkedLayerData(imported.layer.data, {
      layerId: 'farmland-permanent',
      label: 'farmland.geojson',
    });
    if (!checked.ok) throw new Error('the browser layer check refused the farmland file');
    const index = indexLayer(checked.data);
    // S on the 河套 plain, M on its southern edge (the bench's projects)
    for (const project of [
      syntheticProject(11, 107.9, 40.85, 2, 20),
      syntheticProject(11, 107.9, 40.5, 30, 200),
    ]) {
      const server = await post(
        '/api/checks',
        'screener',
        JSON.stringify({ layerId: 'farmland-permanent', project, projectType: 'linear-infrastructure' }),
      );
      expect(server.status).toBe(200);
      const browser = screenProject(project, [index], { projectType: 'linear-infrastructure' });
      if (!browser.ok) throw new Error('the browser engine refused the project');
      expectSameAreas(
        server.body.overlaps,
        new Map(browser.result.overlaps.map((o) => [o.featureId, o.areaM2])),
      );
      expect(server.body.overlaps.every((o: { verdict?: string }) => typeof o.verdict === 'string')).toBe(
        true,
      );
    }
  }, 600_000);
});
