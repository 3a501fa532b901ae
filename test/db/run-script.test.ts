/**
 * A script of several statements (a migration, the emptying of a scratch register) is one transaction on
 * both databases: a statement that fails undoes the script and the database answers the queries after
 * it; and on PGlite, one connection, the script waits for a transaction in progress instead of running
 * inside it.
 */
import { sql } from 'kysely';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('a script of several statements', (database) => {
  const notes = async () => (await sql<{ text: string }>`select text from scratch_note order by text`.execute(database().db)).rows.map((row) => row.text);

  beforeAll(async () => {
    await database().runScript('create table scratch_note (text text primary key);');
  });

  beforeEach(async () => {
    await sql`delete from scratch_note`.execute(database().db);
  });

  it('is undone whole when a statement fails, and the database answers the queries and scripts after it', async () => {
    await expect(database().runScript(`insert into scratch_note values ('first');\ninsert into scratch_note values ('first');`)).rejects.toThrow(/duplicate key/);
    expect(await notes()).toEqual([]);
    await database().runScript(`insert into scratch_note values ('second');`);
    expect(await notes()).toEqual(['second']);
  });

  it('leaves a transaction in progress to end as it ends: a rolled-back transaction keeps nothing, the script keeps its own', async () => {
    let script: Promise<void> | undefined;
    await expect(
      database()
        .db.transaction()
        .execute(async (trx) => {
          await sql`insert into scratch_note values ('transaction')`.execute(trx);
          script = database().runScript(`insert into scratch_note values ('script');`);
          await sql`select 1`.execute(trx);
          throw new Error('the transaction fails');
        }),
    ).rejects.toThrow('the transaction fails');
    await script;
    expect(await notes()).toEqual(['script']);
  });
});
