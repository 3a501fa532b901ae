/**
 * PostgreSQL may end a connection at any moment (a restart, a stop, a terminated backend), also one a
 * transaction holds between two of its statements. The work on it fails; the process goes on, and the
 * pool opens a new connection for the next.
 */
import { sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { describeOnPostgres } from '../support/databases.ts';

describeOnPostgres('a connection PostgreSQL ends', (database) => {
  it('fails the transaction that held it between two statements, not the process, and the next query runs on a new connection', async () => {
    const { db } = database();
    const ended = db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(db);
      // No statement runs on the connection when PostgreSQL's notice of its end arrives.
      await sleep(300);
      await sql`select 1`.execute(trx);
    });
    await expect(ended).rejects.toThrow();
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(rows).toEqual([{ one: 1 }]);
  });
});
