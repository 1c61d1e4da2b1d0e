/**
 * The audit trail's hash chain (全过程留痕): each event's hash is SHA-256 of the previous hash, a newline and the
 * event's canonical JSON (report/record.ts: the same form the report hash uses). The first event of a chain
 * follows GENESIS. Hashing is passed in, so the rule is the same in the server, its CLI and the tests.
 */
import { canonicalJson } from '../report/record.ts';

export const GENESIS = '0'.repeat(64);

export interface AuditEvent {
  chain: string;
  seq: number;
  /** ISO 8601 UTC, milliseconds */
  at: string;
  actor: string;
  kind: string;
  payload: unknown;
}

export interface ChainedEvent extends AuditEvent {
  prevHash: string;
  hash: string;
}

export type Sha256Hex = (text: string) => string;

export function eventHashInput(prevHash: string, e: AuditEvent): string {
  const { chain, seq, at, actor, kind, payload } = e;
  return `${prevHash}\n${canonicalJson({ chain, seq, at, actor, kind, payload })}`;
}

export interface ChainBreak {
  chain: string;
  seq: number;
  zh: string;
  en: string;
}

/**
 * Re-walks one chain's events (in seq order): numbering from 1 without gaps, each prevHash the hash before, each
 * hash recomputed. The first break is returned; undefined when the chain holds.
 */
export function verifyChain(events: readonly ChainedEvent[], sha256: Sha256Hex): ChainBreak | undefined {
  let prev = GENESIS;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as ChainedEvent;
    const at = (zh: string, en: string): ChainBreak => ({
      chain: e.chain,
      seq: e.seq,
      zh: `审计链 ${e.chain} 第 ${e.seq} 条：${zh}`,
      en: `audit chain ${e.chain}, event ${e.seq}: ${en}`,
    });
    if (e.seq !== i + 1)
      return at(`序号应为 ${i + 1}（有缺失或重复）`, `expected number ${i + 1} (missing or repeated)`);
    if (e.prevHash !== prev)
      return at(
        '前一哈希不符（前一条被改动或删除）',
        'previous hash does not match (the event before was changed or removed)',
      );
    if (sha256(eventHashInput(prev, e)) !== e.hash)
      return at('内容与哈希不符（此条被改动）', 'content does not match its hash (this event was changed)');
    prev = e.hash;
  }
  return undefined;
}
