// Indicator observations entered by league offices: read and checked by the app's own rules (the same messages as
// a dropped-in file), each row's scope decided by observation-scope.ts, kept append-only; a withdrawal is a new
// row that names the one it withdraws. Every addition and withdrawal is an audit event of the scope's chain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import {
  checkObservations,
  parseObservationRowsCsv,
  parseObservationRowsJson,
} from '../web/domain/plan/observations.ts';
import type { GazetteerData, Observation, PlanData } from '../web/domain/plan/types.ts';
import { canonicalJson } from '../web/domain/report/record.ts';
import type { SharedObservation } from '../web/domain/workspace/api-types.ts';
import { observationScope, type ZoneAdmin } from '../web/domain/workspace/observation-scope.ts';
import { chainOf } from '../web/domain/workspace/roles.ts';
import { appendAudit, sha256Hex } from './audit.ts';
import { type Account, requireRight } from './auth.ts';
import { inTransaction } from './db/tx.ts';
import { HttpError } from './http-error.ts';

const ROOT = join(import.meta.dirname, '..');

interface Reference {
  plan: PlanData;
  zoneNames: Map<string, { zh: string; en: string }>;
  zones: Map<string, ZoneAdmin>;
}
let reference: Reference | undefined;

function loadReference(): Reference {
  if (reference) return reference;
  const read = (p: string) => JSON.parse(readFileSync(join(ROOT, 'data', p), 'utf8'));
  const plan = read('plan.json') as PlanData;
  const gazetteer = read('gazetteer.json') as GazetteerData;
  const counties = read('layers/counties.geojson') as {
    features: { properties: { zoneId: string; adcode: number } }[];
  };
  const adcode = new Map(counties.features.map((f) => [f.properties.zoneId, f.properties.adcode]));
  const zones = new Map<string, ZoneAdmin>();
  for (const e of gazetteer.entries) {
    const a = adcode.get(e.id);
    zones.set(e.id, { kind: e.kind, ...(a ? { adcode: a } : {}) });
  }
  reference = {
    plan,
    zones,
    zoneNames: new Map(gazetteer.entries.map((e) => [e.id, { zh: e.zh, en: e.en }])),
  };
  return reference;
}

export async function addObservations(
  db: pg.Pool,
  account: Account,
  body: { csv?: unknown; rows?: unknown },
): Promise<{ ids: number[] }> {
  requireRight(account, 'observe');
  const parsed =
    typeof body.csv === 'string' ? parseObservationRowsCsv(body.csv) : parseObservationRowsJson(body.rows);
  const ref = loadReference();
  const observations = parsed.rows.map((r) => r.observation);
  const checked = checkObservations(observations, ref.plan.indicators, ref.zoneNames).map((i) => ({
    ...i,
    line: parsed.rows[i.line - 1]?.line ?? i.line,
  }));
  const issues = [...parsed.issues, ...checked];
  if (issues.length > 0 || observations.length === 0) {
    throw new HttpError(422, 'refused', { issues });
  }
  const scoped = observations.map((o) => ({ o, scope: observationScope(o.zoneId, ref.zones) }));
  for (const { scope } of scoped) requireRight(account, 'observe', scope);
  return inTransaction(db, async (client) => {
    const ids: number[] = [];
    for (const { o, scope } of scoped) {
      const r = await client.query<{ id: number }>(
        `insert into ebm.observations (scope, zone_id, indicator_id, year, observation, entered_by)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [scope, o.zoneId ?? null, o.indicatorId, o.year, JSON.stringify(o), account.id],
      );
      ids.push(r.rows[0]?.id as number);
    }
    for (const chain of new Set(scoped.map((s) => chainOf(s.scope)))) {
      const mine = scoped.flatMap((s, i) => (chainOf(s.scope) === chain ? [{ id: ids[i], o: s.o }] : []));
      await appendAudit(client, {
        chain,
        actor: account.id,
        kind: 'observations.added',
        payload: { ids: mine.map((m) => m.id), sha256: sha256Hex(canonicalJson(mine.map((m) => m.o))) },
      });
    }
    return { ids };
  });
}

export async function withdrawObservation(
  db: pg.Pool,
  account: Account,
  id: number,
  reason: unknown,
): Promise<{ id: number; withdrawn: true }> {
  requireRight(account, 'observe');
  if (typeof reason !== 'string' || reason.trim() === '')
    throw new HttpError(400, 'bad-request', { detail: 'reason' });
  return inTransaction(db, async (client) => {
    const r = await client.query<{ scope: string }>('select scope from ebm.observations where id = $1', [id]);
    const row = r.rows[0];
    if (!row) throw new HttpError(404, 'no-such-observation');
    requireRight(account, 'observe', row.scope);
    const done = await client.query(
      `insert into ebm.observation_withdrawals (observation, reason, withdrawn_by) values ($1, $2, $3)
       on conflict (observation) do nothing`,
      [id, reason.trim(), account.id],
    );
    if (!done.rowCount) throw new HttpError(409, 'already-withdrawn');
    await appendAudit(client, {
      chain: chainOf(row.scope),
      actor: account.id,
      kind: 'observation.withdrawn',
      payload: { id, reason: reason.trim() },
    });
    return { id, withdrawn: true };
  });
}

export async function listObservations(db: pg.Pool, account: Account): Promise<SharedObservation[]> {
  requireRight(account, 'read');
  const r = await db.query<{
    id: number;
    scope: string;
    entered_by: string;
    at: Date;
    observation: Observation;
  }>(
    `select o.id, o.scope, o.entered_by, o.at, o.observation from ebm.observations o
     where not exists (select 1 from ebm.observation_withdrawals w where w.observation = o.id) order by o.id`,
  );
  return r.rows.map((o) => ({
    id: o.id,
    scope: o.scope,
    enteredBy: o.entered_by,
    at: o.at.toISOString(),
    observation: o.observation,
  }));
}
