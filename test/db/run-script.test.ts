/**
 * A script of several statements (a migration, the emptying of a scratch register) is one transaction on
 * both databases: a statement that fails undoes the script and the database answers the queries after
 * it; what follows it in its transaction (a migration's audit events) sees what it wrote and is undone
 * with it; and on PGlite, one connection, the script waits for a transaction in progress instead of
 * running inside it.
 */
import { sql, type Kysely } from 'kysely';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema.ts';
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

  it('runs what follows it in its own transaction, which sees what it wrote and, failing, undoes it', async () => {
    const seen: string[] = [];
    const readBack = async (trx: Kysely<Database>) => {
      seen.push(...(await sql<{ text: string }>`select text from scratch_note`.execute(trx)).rows.map((row) => row.text));
    };
    await database().runScript(`insert into scratch_note values ('kept');`, readBack);
    expect(seen).toEqual(['kept']);
    const failing = async (trx: Kysely<Database>) => {
      await sql`insert into scratch_note values ('after')`.execute(trx);
      throw new Error('what follows fails');
    };
    await expect(database().runScript(`insert into scratch_note values ('undone');`, failing)).rejects.toThrow('what follows fails');
    expect(await notes()).toEqual(['kept']);
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
