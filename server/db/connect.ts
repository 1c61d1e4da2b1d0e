// Connections: EBM_DATABASE_URL (the server, as the app role) and EBM_ADMIN_DATABASE_URL (setup, as the
// database's owner). Either falls back to libpq's PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE),
// as pg_virtualenv sets them.
import pg from 'pg';

// numeric and bigint come back as JavaScript numbers: counts and areas here stay far below 2^53
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function appPool(url = process.env.EBM_DATABASE_URL): pg.Pool {
  const pool = new pg.Pool({
    ...(url ? { connectionString: url } : {}),
    max: Number(process.env.EBM_POOL ?? 10),
  });
  // an idle connection the server cut: the pool drops it and the next query opens another
  pool.on('error', (e) => console.warn(`database connection lost: ${e.message}`));
  return pool;
}

export async function adminClient(url = process.env.EBM_ADMIN_DATABASE_URL): Promise<pg.Client> {
  const c = new pg.Client(url ? { connectionString: url } : {});
  await c.connect();
  return c;
}
