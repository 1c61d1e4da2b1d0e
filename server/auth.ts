// Accounts are found by the SHA-256 of their bearer token (the token itself is never stored). A call without a
// known token is 401; a known account without the right is 403. Neither says more than that.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { type Action, allows, covers, isRole, isScope, type Role } from '../web/domain/workspace/roles.ts';
import { appendAudit, sha256Hex } from './audit.ts';
import { HttpError } from './http-error.ts';

export interface Account {
  id: string;
  name: string;
  role: Role;
  scope: string;
}

export async function accountFor(db: pg.Pool, authorization: string | undefined): Promise<Account> {
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? '');
  if (!m) throw new HttpError(401, 'unauthenticated');
  const r = await db.query<Account>(
    'select id, name, role, scope from ebm.accounts where token_sha256 = $1',
    [sha256Hex(m[1] as string)],
  );
  const a = r.rows[0];
  if (!a || !isRole(a.role)) throw new HttpError(401, 'unauthenticated');
  return a;
}

/**
 * 403 unless the account's role grants the action and its scope covers the target's. Without a target the action
 * is within the account's own scope (reading shared layers, checking a project).
 */
export function requireRight(a: Account, action: Action, scope = a.scope): void {
  if (!allows(a.role, action) || !covers(a.scope, scope)) throw new HttpError(403, 'forbidden');
}

/** Creates an account (setup CLI, admin connection) and returns its token, shown once. */
export async function createAccount(tx: pg.ClientBase, a: Account, by = 'setup'): Promise<{ token: string }> {
  if (!/^[a-z0-9][a-z0-9_.-]{0,63}$/.test(a.id)) throw new Error(`account id not allowed: ${a.id}`);
  if (!isRole(a.role)) throw new Error(`unknown role: ${String(a.role)}`);
  if (!isScope(a.scope))
    throw new Error(`unknown scope: ${a.scope} (region, or a 4- or 6-digit code starting 15)`);
  const token = randomBytes(24).toString('base64url');
  await tx.query(
    'insert into ebm.accounts (id, name, role, scope, token_sha256) values ($1, $2, $3, $4, $5)',
    [a.id, a.name, a.role, a.scope, sha256Hex(token)],
  );
  await appendAudit(tx, {
    chain: 'region',
    actor: by,
    kind: 'account.created',
    payload: { id: a.id, role: a.role, scope: a.scope },
  });
  return { token };
}
