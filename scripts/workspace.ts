// The shared workspace's command line:
//   npm run workspace -- setup [--app-role ebm_app] [--app-password …]   schema and app role (owner's connection)
//   npm run workspace -- account <id> <role> <scope> [name]              an account; prints its token once
//   npm run workspace -- audit verify                                     re-walks every chain; exit 1 on a break
//   npm run workspace -- audit export [chain]                             the events as NDJSON
// Connections: EBM_ADMIN_DATABASE_URL for setup and accounts, EBM_DATABASE_URL for the audit (PG* otherwise).
import { randomBytes } from 'node:crypto';
import { auditEvents, verifyAudit } from '../server/audit.ts';
import { createAccount } from '../server/auth.ts';
import { adminClient, appPool } from '../server/db/connect.ts';
import { migrate } from '../server/db/migrate.ts';
import { inClientTransaction } from '../server/db/tx.ts';
import type { Role } from '../web/domain/workspace/roles.ts';

const [cmd, ...rest] = process.argv.slice(2);
const flag = (name: string) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};

async function main(): Promise<number> {
  if (cmd === 'setup') {
    const role = flag('--app-role') ?? 'ebm_app';
    const password = flag('--app-password') ?? randomBytes(18).toString('base64url');
    const c = await adminClient();
    try {
      await migrate(c, { role, password });
    } finally {
      await c.end();
    }
    console.log(
      `Schema ebm ready. The server connects as ${role}: set EBM_DATABASE_URL with password ${password}`,
    );
    return 0;
  }
  if (cmd === 'account') {
    const [id, role, scope, ...name] = rest;
    if (!id || !role || !scope) throw new Error('usage: account <id> <role> <scope> [name]');
    const c = await adminClient();
    try {
      const { token } = await inClientTransaction(c, (tx) =>
        createAccount(tx, { id, role: role as Role, scope, name: name.join(' ') || id }),
      );
      console.log(token);
    } finally {
      await c.end();
    }
    return 0;
  }
  if (cmd === 'audit' && (rest[0] === 'verify' || rest[0] === 'export')) {
    const db = appPool();
    try {
      if (rest[0] === 'export') {
        for (const e of await auditEvents(db, rest[1])) process.stdout.write(`${JSON.stringify(e)}\n`);
        return 0;
      }
      const r = await verifyAudit(db);
      for (const ch of r.chains) console.log(`${ch.chain}: ${ch.events} events, head ${ch.head}`);
      for (const b of r.breaks) console.error(`${b.zh}\n${b.en}`);
      console.log(
        r.breaks.length
          ? `审计链有断裂 / ${r.breaks.length} chain(s) broken`
          : '审计链完整 / every chain holds',
      );
      return r.breaks.length ? 1 : 0;
    } finally {
      await db.end();
    }
  }
  console.error(
    'usage: npm run workspace -- setup | account <id> <role> <scope> [name] | audit verify | audit export [chain]',
  );
  return 2;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
