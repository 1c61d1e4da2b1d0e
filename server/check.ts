// A project screened against a shared layer where the layer is: the index filter on the subdivided copy, the clip
// on the original feature (ST_Intersection, straight edges in lon/lat as in the browser engine) and the area on
// the CGCS2000 ellipsoid with geodesic edges (ST_Area on geography, GeographicLib: the browser engine's edge model
// and method). The project is read by the browser engine's own validation first, so both see the same rings.
import type pg from 'pg';
import { ringSignedArea } from '../web/domain/geo/ellipsoid.ts';
import { validateProject } from '../web/domain/geo/validate-polygon.ts';
import { canonicalJson } from '../web/domain/report/record.ts';
import { ENGINE_VERSION } from '../web/domain/screening/engine.ts';
import { isProjectType, verdictFor } from '../web/domain/screening/rules.ts';
import type { ServerCheck, ServerOverlap } from '../web/domain/workspace/api-types.ts';
import { chainOf, covers } from '../web/domain/workspace/roles.ts';
import { appendAudit, sha256Hex } from './audit.ts';
import { type Account, requireRight } from './auth.ts';
import { inTransaction } from './db/tx.ts';
import { HttpError, isDbInt } from './http-error.ts';

export const SERVER_CHECK_METHOD =
  'PostGIS: index filter on ST_Subdivide parts, ST_Intersection on the original feature (edges straight in lon/lat), ST_Area(geography, true) on CGCS2000 (EPSG:4490, GRS80, geodesic edges)';

export type { ServerCheck, ServerOverlap };

/**
 * The overlaps of a project ($3, GeoJSON) with one version ($1 layer, $2 version): candidates from the subdivided
 * copy, the clip on the original feature, the area on the CGCS2000 ellipsoid.
 */
export const OVERLAP_SQL = `with p as (select ST_SetSRID(ST_GeomFromGeoJSON($3::text), 4490) as g),
     hit as (
       select distinct lp.fid from ebm.layer_parts lp, p
       where lp.layer_id = $1 and lp.version = $2 and lp.geom && p.g and ST_Intersects(lp.geom, p.g))
     select f.fid, f.feature_id, f.name, f.zone_type,
            ST_Area(geography(ST_CollectionExtract(ST_Intersection(f.geom, p.g), 3)), true) as area
     from ebm.layer_features f join hit using (fid), p
     where f.layer_id = $1 and f.version = $2
     order by f.fid`;

export async function checkShared(
  db: pg.Pool,
  account: Account,
  req: { layerId: unknown; version?: unknown; project: unknown; projectType?: unknown },
): Promise<ServerCheck> {
  requireRight(account, 'check');
  if (typeof req.layerId !== 'string') throw new HttpError(400, 'bad-request', { detail: 'layerId' });
  const layerId = req.layerId;
  const asked = req.version;
  if (asked !== undefined && !isDbInt(asked)) throw new HttpError(400, 'bad-request', { detail: 'version' });
  const v = validateProject(req.project);
  if (!v.ok) throw new HttpError(422, 'project-refused', { errors: v.errors });
  const projectType =
    typeof req.projectType === 'string' && isProjectType(req.projectType) ? req.projectType : undefined;
  if (req.projectType !== undefined && !projectType)
    throw new HttpError(400, 'bad-request', { detail: 'projectType' });
  // the layer, whether the version asked for (or else the published one) is kept, and PostGIS's version
  const found = await db.query<{ published_version: number | null; kept: boolean; postgis: string }>(
    `select l.published_version,
            exists (select 1 from ebm.layer_versions v
                    where v.layer_id = l.id and v.version = coalesce($2::int, l.published_version)) as kept,
            postgis_lib_version() || ' / GEOS ' || postgis_geos_version() as postgis
     from ebm.layers l where l.id = $1`,
    [layerId, asked ?? null],
  );
  const layer = found.rows[0];
  if (!layer) throw new HttpError(404, 'no-such-layer');
  const version = asked ?? layer.published_version;
  if (version === null) throw new HttpError(409, 'not-published');
  if (!layer.kept) throw new HttpError(404, 'no-such-version');
  const coordinates = v.polygons.map((p) =>
    p.rings.map((r) => {
      const ring: number[][] = [];
      for (let i = 0; i < r.length; i += 2) ring.push([r[i] as number, r[i + 1] as number]);
      ring.push([r[0] as number, r[1] as number]);
      return ring;
    }),
  );
  let projectAreaM2 = 0;
  for (const p of v.polygons) for (const r of p.rings) projectAreaM2 += ringSignedArea(r, 0, r.length / 2);
  const project = JSON.stringify({ type: 'MultiPolygon', coordinates });
  const rows = await db.query<{
    feature_id: string;
    name: string | null;
    zone_type: string | null;
    area: number;
  }>(OVERLAP_SQL, [req.layerId, version, project]);
  const overlaps: ServerOverlap[] = rows.rows
    .filter((r) => r.area > 1e-6)
    .map((r) => {
      const o: ServerOverlap = {
        featureId: r.feature_id,
        name: r.name,
        zoneType: r.zone_type,
        areaM2: r.area,
        share: r.area / projectAreaM2,
      };
      if (projectType) {
        try {
          o.verdict = verdictFor(projectType, r.zone_type ?? 'redline').verdict;
        } catch {
          // the town boundary's verdict is decided over the whole layer, not per feature
        }
      }
      return o;
    });
  const overlapM2 = overlaps.reduce((s, o) => s + o.areaM2, 0);
  const engine = { server: ENGINE_VERSION, postgis: layer.postgis, method: SERVER_CHECK_METHOD };
  const body = {
    layerId: req.layerId,
    version,
    projectAreaM2,
    overlapM2,
    overlaps,
    projectType: projectType ?? null,
  };
  const reportSha256 = sha256Hex(canonicalJson(body));
  return inTransaction(db, async (client) => {
    const ins = await client.query<{ id: number; at: Date }>(
      `insert into ebm.checks (account, layer_id, version, project_sha256, result, report_sha256, engine)
       values ($1, $2, $3, $4, $5, $6, $7) returning id, at`,
      [
        account.id,
        req.layerId,
        version,
        sha256Hex(project),
        JSON.stringify(body),
        reportSha256,
        JSON.stringify(engine),
      ],
    );
    const row = ins.rows[0] as { id: number; at: Date };
    await appendAudit(client, {
      chain: chainOf(account.scope),
      actor: account.id,
      kind: 'check.run',
      payload: { check: row.id, layerId: req.layerId, version, reportSha256, overlaps: overlaps.length },
    });
    return {
      id: row.id,
      at: row.at.toISOString(),
      layerId,
      version,
      projectAreaM2,
      overlapM2,
      overlaps,
      engine,
      reportSha256,
    };
  });
}

/**
 * A recorded check as it was answered, with who ran it: for its author, and for any account whose scope covers the
 * author's (a league office sees its banners' checks, the region all). Others get 404, as for a check that does
 * not exist.
 */
export async function checkRecord(
  db: pg.Pool,
  account: Account,
  id: number,
): Promise<ServerCheck & { account: string; projectSha256: string }> {
  requireRight(account, 'read');
  const r = await db.query<{
    id: number;
    at: Date;
    account: string;
    scope: string;
    layer_id: string;
    version: number;
    project_sha256: string;
    result: { projectAreaM2: number; overlapM2: number; overlaps: ServerOverlap[] };
    report_sha256: string;
    engine: ServerCheck['engine'];
  }>(
    `select c.id, c.at, c.account, a.scope, c.layer_id, c.version, c.project_sha256, c.result, c.report_sha256, c.engine
     from ebm.checks c join ebm.accounts a on a.id = c.account where c.id = $1`,
    [id],
  );
  const row = r.rows[0];
  if (!row || (row.account !== account.id && !covers(account.scope, row.scope))) {
    throw new HttpError(404, 'no-such-check');
  }
  return {
    id: row.id,
    at: row.at.toISOString(),
    account: row.account,
    layerId: row.layer_id,
    version: row.version,
    projectSha256: row.project_sha256,
    projectAreaM2: row.result.projectAreaM2,
    overlapM2: row.result.overlapM2,
    overlaps: row.result.overlaps,
    engine: row.engine,
    reportSha256: row.report_sha256,
  };
}
