// The workspace at the scale of a 永久基本农田 layer: the seeded farmland-like layer of 300,000 parcels uploaded
// as a data owner would, published, and checked in PostGIS with the browser engine's figures.
import { request } from 'node:http';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let base = '';
let close: () => Promise<void> = async () => {};
let tokens: Record<string, string> = {};

function farmlandFile(seed: number): Uint8Array<ArrayBuffer> {
  const data = farmlandLayer({ ...FARMLAND_BENCH, seed });
  const n = data.featurePartStarts.length - 1;
  const parts: string[] = [];
  for (let f = 0; f < n; f++) {
    const p = data.props.at(f);
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

/** The fields of the API's answers this test reads. */
interface Answer {
  version?: number;
  featureCount?: number;
  overlaps: { featureId: string; areaM2: number; verdict?: string }[];
}

/**
 * A POST on a connection of its own: this test blocks its own process for seconds at a time (the browser engine
 * indexes 300,000 parcels), after which a kept-alive connection may be closed by the server just as it is reused.
 */
function post(
  path: string,
  as: string,
  body: string | Uint8Array,
): Promise<{ status: number; body: Answer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, {
      method: 'POST',
      agent: false,
      headers: { authorization: `Bearer ${tokens[as]}`, 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  const ws = await openWorkspace(APP, [
    ['owner', 'owner', 'region'],
    ['screener', 'screener', 'region'],
  ]);
  ({ admin, tokens } = ws);
  ({ base, close } = await ws.serve());
}, 120_000);

afterAll(async () => {
  await close();
});

describe('a 300,000-parcel farmland layer in PostGIS', () => {
  it('is uploaded and published in two versions, each checked with the browser engine’s figures', async () => {
    // S on the 河套 plain, M on its southern edge (the bench's projects)
    const projects = [syntheticProject(11, 107.9, 40.85, 2, 20), syntheticProject(11, 107.9, 40.5, 30, 200)];
    const check = (project: unknown, version?: number) =>
      post(
        '/api/checks',
        'screener',
        JSON.stringify({
          layerId: 'farmland-permanent',
          version,
          project,
          projectType: 'linear-infrastructure',
        }),
      );
    let firstS: unknown;
    for (const version of [1, 2]) {
      const bytes = farmlandFile(FARMLAND_BENCH.seed + version - 1);
      const up = await post(
        `/api/layers/farmland-permanent/versions?file=farmland-v${version}.geojson&zh=永久基本农田`,
        'owner',
        bytes,
      );
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ version, featureCount: FARMLAND_BENCH.parcels });
      const counted = await admin.query(
        `select (select count(*) from ebm.layer_features where layer_id = 'farmland-permanent' and version = $1) as features,
                (select count(*) from ebm.layer_parts where layer_id = 'farmland-permanent' and version = $1) as parts`,
        [version],
      );
      expect(counted.rows[0]).toEqual({ features: FARMLAND_BENCH.parcels, parts: FARMLAND_BENCH.parcels });
      const published = await post(
        '/api/layers/farmland-permanent/publish',
        'owner',
        JSON.stringify({ version, expected: version === 1 ? null : version - 1 }),
      );
      expect(published.status).toBe(200);

      // the browser engine on the same file, as the browser import keeps it
      const imported = await importUserLayer(
        { name: 'farmland.geojson', size: bytes.length, arrayBuffer: async () => bytes.buffer },
        { layerId: 'farmland-permanent', source: 'wgs84', provenanceNote: '' },
      );
      if (!imported.ok || !imported.layer.data)
        throw new Error('the browser import refused the farmland file');
      const checked = checkedLayerData(imported.layer.data, {
        layerId: 'farmland-permanent',
        label: 'farmland.geojson',
      });
      if (!checked.ok) throw new Error('the browser layer check refused the farmland file');
      const index = indexLayer(checked.data);
      for (const project of projects) {
        const server = await check(project);
        expect(server.status).toBe(200);
        expect(server.body.version).toBe(version);
        const browser = screenProject(project, [index], { projectType: 'linear-infrastructure' });
        if (!browser.ok) throw new Error('the browser engine refused the project');
        expectSameAreas(
          server.body.overlaps,
          new Map(browser.result.overlaps.map((o) => [o.featureId, o.areaM2])),
        );
        expect(server.body.overlaps.every((o: { verdict?: string }) => typeof o.verdict === 'string')).toBe(
          true,
        );
        if (version === 1 && project === projects[0]) firstS = server.body.overlaps;
      }
    }
    // a past check reproduced against the version it used, after the next was published
    const again = await check(projects[0], 1);
    expect(again.body.version).toBe(1);
    expect(again.body.overlaps).toEqual(firstS);
    expect((await check(projects[0])).body.overlaps).not.toEqual(firstS);
  }, 900_000);
});
