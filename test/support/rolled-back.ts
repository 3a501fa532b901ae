import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

class RolledBack extends Error {}

/**
 * Runs the work in a transaction that is then rolled back, so that it can be repeated on the register as it was
 * (the next case of a property, a benchmark's next run): the histories the register keeps (money, disclosure, the
 * EPF's) cannot be deleted.
 */
export async function rolledBack(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<unknown>): Promise<void> {
  await db
    .transaction()
    .execute(async (trx) => {
      await work(trx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
}
