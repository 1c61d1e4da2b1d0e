// Shared by the workspace's tests (server and browser): a fresh schema on the throwaway cluster with accounts,
// a red-line layer file as an owner would upload it, and the browser engine's figures for the same file.
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { createAccount } from '../../server/auth.ts';
import { adminClient, appPool } from '../../server/db/connect.ts';
import { migrate } from '../../server/db/migrate.ts';
import { inClientTransaction } from '../../server/db/tx.ts';
import { workspaceServer } from '../../server/http.ts';
import { importUserLayer } from '../../web/domain/importers/index.ts';
import { checkedLayerData } from '../../web/domain/projects/stored-layer.ts';
import { screenProject } from '../../web/domain/screening/engine.ts';
import { featureCoordinates, indexLayer, type LayerData } from '../../web/domain/screening/layer.ts';
import { syntheticLayer } from '../../web/domain/screening/synthetic-layer.ts';
import type { Role } from '../../web/domain/workspace/roles.ts';
import { appUrl } from './db-url.ts';

/** Drops and re-creates the schema, connects as the app role and makes the accounts (their tokens by id). */
export async function openWorkspace(
  app: { role: string; password: string },
  accounts: readonly (readonly [id: string, role: Role, scope: string])[],
): Promise<{
  admin: pg.Client;
  db: pg.Pool;
  tokens: Record<string, string>;
  /** starts the workspace server on a free port: its base URL, and what closes it and the connections */
  serve(): Promise<{ base: string; close(): Promise<void> }>;
}> {
  const admin = await adminClient();
  await admin.query('drop schema if exists ebm cascade');
  await migrate(admin, app);
  const db = appPool(appUrl(app));
  const tokens: Record<string, string> = {};
  for (const [id, role, scope] of accounts) {
    tokens[id] = (
      await inClientTransaction(admin, (tx) => createAccount(tx, { id, role, scope, name: id }))
    ).token;
  }
  const serve = async () => {
    const server = workspaceServer(db);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return {
      base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: async () => {
        await new Promise<void>((r) => server.close(() => r()));
        await db.end();
        await admin.end();
      },
    };
  };
  return { admin, db, tokens, serve };
}

/** A layer file as an owner would upload it: features with names, one with edges over 1.5° long. */
export function layerFile(seed: number, cols = 12, rows = 8): { data: LayerData; text: string } {
  const data = syntheticLayer({
    seed,
    bbox: [110, 40, 113, 42],
    cols,
    rows,
    minVertices: 8,
    maxVertices: 400,
  });
  const n = data.featurePartStarts.length - 1;
  const features = [];
  for (let f = 0; f < n; f++) {
    features.push({
      type: 'Feature',
      properties: { name: `红线图斑 ${f + 1}` },
      geometry: { type: 'MultiPolygon', coordinates: featureCoordinates(data, f) },
    });
  }
  // a long-edged red line: a 2° × 0.6° quadrilateral north of the grid
  features.push({
    type: 'Feature',
    properties: { name: '长边红线' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [110.1, 42.3],
          [112.1, 42.25],
          [112.05, 42.9],
          [110.12, 42.85],
          [110.1, 42.3],
        ],
      ],
    },
  });
  return { data, text: JSON.stringify({ type: 'FeatureCollection', features }) };
}

/** The browser engine's overlap areas by feature id for the same file (as the browser import keeps it). */
export async function browserAreas(text: string, project: unknown): Promise<Map<string, number>> {
  const r = await importUserLayer(
    {
      name: 'redline.geojson',
      size: text.length,
      arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
    },
    { layerId: 'redline', source: 'wgs84', provenanceNote: '' },
  );
  if (!r.ok || !r.layer.data) throw new Error('browser import refused the file');
  const c = checkedLayerData(r.layer.data, { layerId: 'redline', label: 'redline.geojson' });
  if (!c.ok) throw new Error('browser layer check refused the file');
  const out = screenProject(project, [indexLayer(c.data)], {});
  if (!out.ok) throw new Error('browser engine refused the project');
  return new Map(out.result.overlaps.map((o) => [o.featureId, o.areaM2]));
}
