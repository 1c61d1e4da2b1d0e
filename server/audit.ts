// The audit trail in the database: events appended to their chain under a transaction-scoped lock of that chain,
// so two writers never take the same number; verify re-walks every chain with the rule in domain/workspace.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import {
  type AuditEvent,
  type ChainBreak,
  type ChainedEvent,
  eventHashInput,
  GENESIS,
  verifyChain,
} from '../web/domain/workspace/audit-chain.ts';

export const sha256Hex = (text: string | Uint8Array): string =>
  createHash('sha256').update(text).digest('hex');

/** Appends an event in the caller's transaction (the lock is released at its end). */
export async function appendAudit(
  tx: pg.ClientBase,
  e: { chain: string; actor: string; kind: string; payload: unknown },
): Promise<ChainedEvent> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`ebm.audit:${e.chain}`]);
  const last = await tx.query<{ seq: number; hash: string }>(
    'select seq, hash from ebm.audit_events where chain = $1 order by seq desc limit 1',
    [e.chain],
  );
  const prevHash = last.rows[0]?.hash ?? GENESIS;
  const event: AuditEvent = {
    chain: e.chain,
    seq: (last.rows[0]?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: e.actor,
    kind: e.kind,
    // what jsonb gives back: the payload as JSON text read again
    payload: JSON.parse(JSON.stringify(e.payload ?? null)),
  };
  const hash = sha256Hex(eventHashInput(prevHash, event));
  await tx.query(
    `insert into ebm.audit_events (chain, seq, at, actor, kind, payload, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      event.chain,
      event.seq,
      event.at,
      event.actor,
      event.kind,
      JSON.stringify(event.payload),
      prevHash,
      hash,
    ],
  );
  return { ...event, prevHash, hash };
}

interface Row {
  chain: string;
  seq: number;
  at: Date;
  actor: string;
  kind: string;
  payload: unknown;
  prev_hash: string;
  hash: string;
}

const asEvent = (r: Row): ChainedEvent => ({
  chain: r.chain,
  seq: r.seq,
  at: r.at.toISOString(),
  actor: r.actor,
  kind: r.kind,
  payload: r.payload,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export async function auditEvents(db: pg.ClientBase | pg.Pool, chain?: string): Promise<ChainedEvent[]> {
  const r = await db.query<Row>(
    `select chain, seq, at, actor, kind, payload, prev_hash, hash from ebm.audit_events
     ${chain ? 'where chain = $1' : ''} order by chain, seq`,
    chain ? [chain] : [],
  );
  return r.rows.map(asEvent);
}

export interface AuditReport {
  chains: { chain: string; events: number; head: string }[];
  breaks: ChainBreak[];
}

export async function verifyAudit(db: pg.ClientBase | pg.Pool): Promise<AuditReport> {
  const events = await auditEvents(db);
  const byChain = new Map<string, ChainedEvent[]>();
  for (const e of events) {
    const list = byChain.get(e.chain);
    if (list) list.push(e);
    else byChain.set(e.chain, [e]);
  }
  const report: AuditReport = { chains: [], breaks: [] };
  for (const [chain, list] of byChain) {
    report.chains.push({ chain, events: list.length, head: list.at(-1)?.hash ?? GENESIS });
    const b = verifyChain(list, sha256Hex);
    if (b) report.breaks.push(b);
  }
  return report;
}
