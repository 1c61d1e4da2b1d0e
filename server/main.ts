// `npm run serve`: the app's files and the workspace API on one port, on the database set up by
// `npm run workspace -- setup` (README: Shared workspace).
import { join } from 'node:path';
import { appPool } from './db/connect.ts';
import { workspaceServer } from './http.ts';

const port = Number(process.env.EBM_PORT ?? 8787);
const staticDir = process.env.EBM_STATIC ?? join(import.meta.dirname, '..', 'dist');
const db = appPool();
try {
  await db.query('select 1 from ebm.layers limit 1');
} catch (e) {
  console.error(
    `The workspace database is not reachable or not set up (${e instanceof Error ? e.message : String(e)}).\n` +
      'Set EBM_DATABASE_URL (or PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE) and run `npm run workspace -- setup` first; see README, "Shared workspace".',
  );
  process.exit(1);
}
workspaceServer(db, { staticDir }).listen(port, '127.0.0.1', () => {
  console.log(`Workspace: http://127.0.0.1:${port}/  (API under /api/, app files from ${staticDir})`);
});
