// Creates or updates the workspace schema (schema.sql) and the app's database role. Run with the database owner's
// connection; the server connects as the app role, which may read, append and move the publish pointer, and
// nothing else (no update or delete of versions, checks or the audit trail; schema.sql's triggers refuse those for
// every role).
import { readFileSync } from 'node:fs';
import type pg from 'pg';

const SCHEMA = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');

export async function migrate(admin: pg.ClientBase, app: { role: string; password: string }): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(app.role)) throw new Error(`app role name not allowed: ${app.role}`);
  await admin.query(SCHEMA);
  const exists = await admin.query('select 1 from pg_roles where rolname = $1', [app.role]);
  const pw = admin.escapeLiteral(app.password);
  await admin.query(
    exists.rowCount
      ? `alter role ${app.role} login password ${pw}`
      : `create role ${app.role} login password ${pw}`,
  );
  const r = app.role;
  // JIT compilation costs the server's short queries more than it saves (a z12 tile: ~600 ms with it, ~100 ms
  // without, docs/workspace-scale.md)
  await admin.query(`alter role ${r} set jit = off`);
  await admin.query(`
    grant usage on schema ebm to ${r};
    revoke all on all tables in schema ebm from ${r};
    grant select on ebm.accounts to ${r};
    grant select, insert on ebm.layers to ${r};
    grant update (published_version, published_at, published_by) on ebm.layers to ${r};
    grant select, insert on ebm.layer_versions, ebm.layer_features, ebm.layer_parts, ebm.checks, ebm.observations,
      ebm.observation_withdrawals, ebm.audit_events to ${r};
    grant usage on all sequences in schema ebm to ${r};
    grant select on spatial_ref_sys to ${r};
  `);
}
