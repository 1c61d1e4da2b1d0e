import type pg from 'pg';

/**
 * Runs `work` in one transaction on a connection the caller holds (a client of its own, as the setup CLI and the
 * tests have): committed when it returns, rolled back when it throws. A failed rollback is passed to `rollbackFailed`
 * (by default dropped: the caller gets the error that made it roll back).
 */
export async function inClientTransaction<C extends pg.ClientBase, T>(
  client: C,
  work: (tx: C) => Promise<T>,
  rollbackFailed: (e: Error) => void = () => {},
): Promise<T> {
  try {
    await client.query('begin');
    const out = await work(client);
    await client.query('commit');
    return out;
  } catch (e) {
    await client.query('rollback').catch((r: unknown) => {
      rollbackFailed(r instanceof Error ? r : new Error(String(r)));
    });
    throw e;
  }
}

/**
 * Runs `work` in one transaction on a pooled connection: committed when it returns, rolled back when it throws.
 * A connection whose rollback fails too (the server cut it off) is destroyed, not returned to the pool.
 */
export async function inTransaction<T>(db: pg.Pool, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.connect();
  let broken: Error | undefined;
  // a checked-out connection reports its loss here (the pool only listens to idle ones); the query fails too
  const lost = (e: Error) => {
    broken = e;
  };
  client.on('error', lost);
  try {
    return await inClientTransaction(client, work, lost);
  } finally {
    client.off('error', lost);
    client.release(broken);
  }
}
