/**
 * On PostgreSQL the server's statements wait for a lock, and run, only so long (StatementLimits): a lock
 * held elsewhere, as by an open transaction in psql, fails a request with a 503 that says so, rather than
 * hold it and its connection without end. An import, which waits for another import's commit, and a
 * migration wait longer.
 */
import { sql, type Kysely } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { lockImports } from '../../src/db/repositories/import.ts';
import { startServer } from '../../src/server.ts';
import { StartRefusedError } from '../../src/start-refused.ts';
import type { Database } from '../../src/db/schema.ts';
import { apiClient } from '../api/client.ts';
import { describeOnPostgres } from '../support/databases.ts';
import { postgresServer } from '../support/postgres.ts';
import { asUpload, downloadedTemplate, filledTemplate, THREE_ROWS } from '../support/import-files.ts';

const LIMITS = { lockTimeoutMs: 300, statementTimeoutMs: 3_000 };
/** Longer than a request waits for a lock, shorter than an import does. */
const HELD_MS = 1_000;

/** Holds what `lock` takes in a transaction of its own, as someone in psql does, until `release` is called. */
async function holding(db: Kysely<Database>, lock: (trx: Kysely<Database>) => Promise<unknown>) {
  const { promise: released, resolve: release } = Promise.withResolvers<void>();
  const { promise: taken, resolve: take } = Promise.withResolvers<void>();
  const held = db.transaction().execute(async (trx) => {
    await lock(trx);
    take();
    await released;
  });
  await taken;
  return async () => {
    release();
    await held;
  };
}

describeOnPostgres(
  'statement limits on PostgreSQL',
  (database) => {
    const eventCount = async () => Number((await database().db.selectFrom('auditEvent').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('answers a request that meets a lock held elsewhere 503 within the lock timeout, changing nothing, and serves it once the lock is gone', async () => {
      const { db } = database();
      const api = createApi({ db });
      const login = () =>
        api.request('/session', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: 'http://localhost', 'Accept-Language': 'en' },
          body: JSON.stringify({ username: 'k.jansen', password: 'een lang wachtwoord van iemand' }),
        });
      const events = await eventCount();
      const release = await holding(db, (trx) => sql`lock table account in access exclusive mode`.execute(trx));
      const started = performance.now();
      const refused = await login();
      const waited = performance.now() - started;
      await release();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('Retry-After')).toBe('5');
      expect(await refused.json()).toMatchObject({
        code: 'databaseBusy',
        detail: 'The database could not handle this request in time: other work held the data it needs, or it took too long. Try again in a few seconds.',
      });
      expect(waited).toBeGreaterThanOrEqual(LIMITS.lockTimeoutMs);
      expect(waited).toBeLessThan(LIMITS.statementTimeoutMs);
      expect(await eventCount()).toBe(events);
      expect((await login()).status).toBe(401);
    });

    it("commits an import that waits for another import's commit longer than a request waits for a lock", async () => {
      const { db } = database();
      const template = await downloadedTemplate(db);
      const file = { ...asUpload(await filledTemplate(template, THREE_ROWS)), confirm: ['shippedWithoutLicence'], mode: 'onlyValid' };
      const registrar = apiClient(db, { role: 'registrar' });
      const release = await holding(db, lockImports);
      const committing = registrar('POST', '/imports', file);
      await sleep(HELD_MS);
      await release();
      const committed = await committing;
      expect([committed.status, committed.body.committed, committed.body.counts.create]).toEqual([200, true, 2]);
    });

    it('refuses to start, in one line that says why, while a table it needs is locked elsewhere', async () => {
      const { db } = database();
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
      const server = await postgresServer();
      if (!('url' in server)) throw new Error(server.skipReason);
      const databaseUrl = new URL(server.url);
      databaseUrl.pathname = `/${rows[0]!.name}`;
      const release = await holding(db, (trx) => sql`lock table account in access exclusive mode`.execute(trx));
      const refusal = await startServer({ port: 0, database: { databaseUrl: databaseUrl.href, statementLimits: LIMITS }, demonstrationData: false }).catch((error: unknown) => error);
      await release();
      expect(refusal).toBeInstanceOf(StartRefusedError);
      expect((refusal as Error).message).toBe(
        'The server did not start: PostgreSQL stopped one of its statements (canceling statement due to lock timeout). Another connection holds a lock on a table it needs ' +
          '(pg_locks and pg_stat_activity show whose), or the statement ran longer than DATABASE_STATEMENT_TIMEOUT_SECONDS allows: start it again once that lock is released.',
      );
    });

    it('migrates with neither limit: a migration waits for the locks of requests under way', async () => {
      const { db, runScript } = database();
      await runScript('create table scratch_limit (id int);');
      const release = await holding(db, (trx) => sql`lock table scratch_limit in access exclusive mode`.execute(trx));
      const migrating = runScript('alter table scratch_limit add column note text;');
      await sleep(HELD_MS);
      await release();
      await expect(migrating).resolves.toBeUndefined();
    });
  },
  LIMITS,
);
