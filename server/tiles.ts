// Vector tiles of a layer version straight from PostGIS (ST_AsMVT). A version never changes, so its tiles are
// cacheable for good; access still goes through the server's account check.
import type pg from 'pg';
import { type Account, requireRight } from './auth.ts';
import { HttpError } from './http-error.ts';

export const TILE_LAYER = 'features';

/** One tile of one version ($1 layer, $2 version, $3 z, $4 x, $5 y): the features in its box, as MVT. */
export const TILE_SQL = `with b as (select ST_TileEnvelope($3, $4, $5) as env),
     t as (
       select f.feature_id as id, f.name, f.zone_type as "zoneType",
              ST_AsMVTGeom(ST_Transform(f.geom, 3857), b.env, 4096, 64, true) as geom
       from ebm.layer_features f, b
       where f.layer_id = $1 and f.version = $2
         and f.geom && ST_Transform(b.env, 4490))
     select ST_AsMVT(t, '${TILE_LAYER}', 4096, 'geom') as mvt from t where geom is not null`;

export async function layerTile(
  db: pg.Pool,
  account: Account,
  layerId: string,
  version: number,
  z: number,
  x: number,
  y: number,
): Promise<Buffer> {
  requireRight(account, 'read');
  if (!(z >= 0 && z <= 20 && x >= 0 && y >= 0 && x < 2 ** z && y < 2 ** z))
    throw new HttpError(400, 'bad-tile');
  const exists = await db.query('select 1 from ebm.layer_versions where layer_id = $1 and version = $2', [
    layerId,
    version,
  ]);
  if (!exists.rowCount) throw new HttpError(404, 'no-such-version');
  const r = await db.query<{ mvt: Buffer }>(TILE_SQL, [layerId, version, z, x, y]);
  return r.rows[0]?.mvt ?? Buffer.alloc(0);
}
