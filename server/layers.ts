// Authoritative layers in the database: an upload is checked exactly as the browser checks an imported layer
// (importUserLayer, checkedLayerData: the same messages), then kept as a new numbered version in one transaction;
// a failed upload leaves nothing. Publishing moves the layer's pointer only if it still points where the caller saw.
import type pg from 'pg';
import { importUserLayer, resolveLimits } from '../web/domain/importers/index.ts';
import type { ImportMessage } from '../web/domain/importers/types.ts';
import {
  checkedLayerData,
  encodeStoredParts,
  layerIssueMessages,
  outsideRegionErrors,
} from '../web/domain/projects/stored-layer.ts';
import { featureCoordinates, type LayerData } from '../web/domain/screening/layer.ts';
import { propsArray } from '../web/domain/screening/layer-props.ts';
import { chainOf } from '../web/domain/workspace/roles.ts';
import { appendAudit, sha256Hex } from './audit.ts';
import { type Account, requireRight } from './auth.ts';
import { inTransaction } from './db/tx.ts';
import { HttpError } from './http-error.ts';

export const LAYER_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** features per INSERT: one statement's JSON stays a few MB */
const BATCH = 2000;
/** ST_Subdivide's vertex cap for the index copy */
export const SUBDIVIDE_VERTICES = 256;

export interface LayerVersion {
  layerId: string;
  version: number;
  author: string;
  createdAt: string;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  featureCount: number;
  vertexCount: number;
  bbox: number[];
  warnings: ImportMessage[];
}

export const maxUploadBytes = (): number => resolveLimits({ purpose: 'layer' }).maxBytes;

export async function uploadVersion(
  db: pg.Pool,
  account: Account,
  layerId: string,
  file: { name: string; bytes: Uint8Array },
  names?: { zh?: string; en?: string },
): Promise<LayerVersion> {
  requireRight(account, 'publish', 'region');
  if (!LAYER_ID.test(layerId)) throw new HttpError(400, 'bad-layer-id');
  const imported = await importUserLayer(
    {
      name: file.name,
      size: file.bytes.byteLength,
      arrayBuffer: async () =>
        file.bytes.buffer.slice(
          file.bytes.byteOffset,
          file.bytes.byteOffset + file.bytes.byteLength,
        ) as ArrayBuffer,
    },
    { layerId, source: 'wgs84', provenanceNote: `uploaded by ${account.id}` },
  );
  if (!imported.ok || !imported.layer.data) {
    throw new HttpError(422, 'refused', {
      errors: imported.ok ? [] : imported.errors,
      warnings: imported.warnings,
    });
  }
  const checked = checkedLayerData(imported.layer.data, { layerId, label: file.name });
  if (!checked.ok) {
    throw new HttpError(422, 'refused', {
      errors: layerIssueMessages(file.name, checked.errors),
      warnings: imported.warnings,
    });
  }
  const parts = encodeStoredParts(checked.data);
  const outside = outsideRegionErrors(parts.bbox, imported.warnings);
  if (outside.length > 0) {
    throw new HttpError(422, 'refused', {
      errors: outside,
      warnings: imported.warnings.filter((w) => w.code !== 'outside-region'),
    });
  }
  const data = checked.data;
  const fileSha256 = sha256Hex(file.bytes);
  return inTransaction(db, async (client) => {
    await client.query(
      'insert into ebm.layers (id, name_zh, name_en) values ($1, $2, $3) on conflict (id) do nothing',
      [layerId, names?.zh ?? layerId, names?.en ?? layerId],
    );
    // one upload at a time per layer: the version numbers follow each other
    await client.query('select 1 from ebm.layers where id = $1 for update', [layerId]);
    const v = await client.query<{ n: number }>(
      'select coalesce(max(version), 0) + 1 as n from ebm.layer_versions where layer_id = $1',
      [layerId],
    );
    const version = v.rows[0]?.n ?? 1;
    const created = await client.query<{ created_at: Date }>(
      `insert into ebm.layer_versions
         (layer_id, version, author, file_name, file_sha256, file_bytes, feature_count, vertex_count, bbox, validity)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning created_at`,
      [
        layerId,
        version,
        account.id,
        file.name,
        fileSha256,
        file.bytes.byteLength,
        parts.featureCount,
        parts.vertexCount,
        parts.bbox,
        JSON.stringify({ warnings: imported.warnings }),
      ],
    );
    await insertVersionFeatures(client, layerId, version, data);
    const record: LayerVersion = {
      layerId,
      version,
      author: account.id,
      createdAt: (created.rows[0]?.created_at ?? new Date()).toISOString(),
      fileName: file.name,
      fileSha256,
      fileBytes: file.bytes.byteLength,
      featureCount: parts.featureCount,
      vertexCount: parts.vertexCount,
      bbox: parts.bbox,
      warnings: imported.warnings,
    };
    await appendAudit(client, {
      chain: chainOf(account.scope),
      actor: account.id,
      kind: 'layer.uploaded',
      payload: {
        layerId,
        version,
        fileName: file.name,
        fileSha256,
        featureCount: parts.featureCount,
        warnings: imported.warnings.length,
      },
    });
    return record;
  });
}

/**
 * Points the layer at `version`, only if it still points at `expected` (null: never published). When another
 * owner published first, 409 with what it points at now; the pointer is not moved.
 */
export async function publishVersion(
  db: pg.Pool,
  account: Account,
  layerId: string,
  version: number,
  expected: number | null,
): Promise<{ layerId: string; version: number; previous: number | null }> {
  requireRight(account, 'publish', 'region');
  return inTransaction(db, async (client) => {
    const exists = await client.query(
      'select 1 from ebm.layer_versions where layer_id = $1 and version = $2',
      [layerId, version],
    );
    if (!exists.rowCount) throw new HttpError(404, 'no-such-version');
    const moved = await client.query(
      `update ebm.layers set published_version = $2, published_at = now(), published_by = $3
       where id = $1 and published_version is not distinct from $4`,
      [layerId, version, account.id, expected],
    );
    if (!moved.rowCount) {
      const now = await client.query<{ published_version: number | null }>(
        'select published_version from ebm.layers where id = $1',
        [layerId],
      );
      throw new HttpError(409, 'publish-conflict', { published: now.rows[0]?.published_version ?? null });
    }
    await appendAudit(client, {
      chain: chainOf(account.scope),
      actor: account.id,
      kind: 'layer.published',
      payload: { layerId, version, previous: expected },
    });
    return { layerId, version, previous: expected };
  });
}

export async function listLayers(db: pg.Pool, account: Account) {
  requireRight(account, 'read');
  const r = await db.query(
    `select l.id, l.name_zh, l.name_en, l.published_version, l.published_at, l.published_by,
            coalesce(json_agg(json_build_object('version', v.version, 'author', v.author, 'createdAt', v.created_at,
              'fileName', v.file_name, 'fileSha256', v.file_sha256, 'featureCount', v.feature_count,
              'vertexCount', v.vertex_count) order by v.version) filter (where v.version is not null), '[]') as versions
     from ebm.layers l left join ebm.layer_versions v on v.layer_id = l.id
     group by l.id order by l.id`,
  );
  return r.rows.map((l) => ({
    id: l.id,
    name: { zh: l.name_zh, en: l.name_en },
    published: l.published_version,
    publishedAt: l.published_at,
    publishedBy: l.published_by,
    versions: l.versions,
  }));
}

/**
 * A version's features (the engine's rings exactly, as EPSG:4490 MultiPolygons) and their subdivided copy for the
 * index, in the caller's transaction. The bench's ingest of layers over the upload limit runs this too.
 */
export async function insertVersionFeatures(
  client: pg.ClientBase,
  layerId: string,
  version: number,
  data: LayerData,
): Promise<void> {
  const featureCount = data.featurePartStarts.length - 1;
  const props = propsArray(data.props);
  for (let from = 0; from < featureCount; from += BATCH) {
    const rows = [];
    for (let f = from; f < Math.min(featureCount, from + BATCH); f++) {
      const p = props[f];
      rows.push({
        fid: f,
        id: p?.id ?? String(f + 1),
        name: p?.name ?? null,
        zoneType: p?.zoneType ?? null,
        props: p ?? {},
        geom: { type: 'MultiPolygon', coordinates: featureCoordinates(data, f) },
      });
    }
    await client.query(
      `insert into ebm.layer_features (layer_id, version, fid, feature_id, name, zone_type, props, geom)
       select $1, $2, (f->>'fid')::int, f->>'id', f->>'name', f->>'zoneType', f->'props',
              ST_SetSRID(ST_GeomFromGeoJSON(f->'geom'), 4490)
       from jsonb_array_elements($3::jsonb) f`,
      [layerId, version, JSON.stringify(rows)],
    );
  }
  await client.query(
    `insert into ebm.layer_parts (layer_id, version, fid, geom)
     select layer_id, version, fid, ST_Subdivide(geom, ${SUBDIVIDE_VERTICES})
     from ebm.layer_features where layer_id = $1 and version = $2`,
    [layerId, version],
  );
}
