/**
 * Runs one suite on both databases the register supports: embedded PGlite (in memory) and PostgreSQL
 * (a database of its own on the test server). Each run gets a freshly migrated database (a copy of the
 * run's template, see scratch-database.ts), opened before the suite's own beforeAll hooks and closed
 * (PostgreSQL: dropped) after its afterAll.
 * The tests of one run share that database.
 *
 *   describeEachDatabase('delivery repository', (database) => {
 *     it('stores a delivery', async () => {
 *       const { db } = database();
 *       …
 *     });
 *   });
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { DatabaseHandle, StatementLimits } from '../../src/db/connection.ts';
import { postgresSkipReason } from './postgres.ts';
import { openScratchPGlite, openScratchPostgres, type ScratchDatabase } from './scratch-database.ts';

/** The open database of the current run; call it inside tests and hooks, not while collecting. */
export type CurrentDatabase = () => DatabaseHandle;

export function describeEachDatabase(name: string, suite: (database: CurrentDatabase) => void): void {
  describe(`${name} [pglite]`, () => withDatabase(openScratchPGlite, suite));
  describeOnPostgres(`${name} [postgres]`, suite);
}

/**
 * Runs one suite on PostgreSQL alone, for what only PostgreSQL does (its pooled connections, prepared statements,
 * the limits of its statements, which the database is opened with when given).
 */
export function describeOnPostgres(name: string, suite: (database: CurrentDatabase) => void, statementLimits?: StatementLimits): void {
  const skipReason = postgresSkipReason();
  const open = () => openScratchPostgres(statementLimits);
  if (skipReason) describe.skip(`${name} (skipped: ${skipReason})`, () => withDatabase(open, suite));
  else describe(name, () => withDatabase(open, suite));
}

function withDatabase(open: () => Promise<ScratchDatabase>, suite: (database: CurrentDatabase) => void): void {
  let opened: ScratchDatabase | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.dispose();
    opened = undefined;
  });
  suite(() => {
    if (!opened) throw new Error('the database is open only while the tests and hooks run');
    return opened.handle;
  });
}
