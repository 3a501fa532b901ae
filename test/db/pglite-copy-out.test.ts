/**
 * A COPY … TO STDOUT on the embedded database (the audit chain's reading for verification): the bytes PGlite
 * writes for it as the one row `{ copied }`, the same as a COPY to its /dev/blob; in the session's transaction;
 * and a failing COPY refused with the database's message and code, the database answering after it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connection.ts';

describe('a COPY … TO STDOUT on PGlite', () => {
  let handle: DatabaseHandle;
  const copiedOut = async (text: string, db = handle.db) => (await sql.raw<{ copied: Buffer }>(text).execute(db)).rows[0]!.copied;

  beforeAll(async () => {
    handle = await openDatabase({});
    // Rows of a few bytes to several kilobytes, some beyond ASCII, some null.
    await sql`create table copied_note (id int primary key, text text)`.execute(handle.db);
    await sql`insert into copied_note select g, case when g % 7 = 0 then null else repeat('Oekraïne € ', g % 500) end from generate_series(1, 3000) g`.execute(handle.db);
  });

  afterAll(async () => {
    await handle.close();
  });

  it.each(['binary', 'text'])('gives the bytes a COPY to /dev/blob writes, in %s', async (format) => {
    const select = 'select id, text from copied_note order by id';
    const { rows } = await sql.raw<{ blob: Blob }>(`copy (${select}) to '/dev/blob' (format ${format})`).execute(handle.db);
    const written = Buffer.from(await rows[0]!.blob.arrayBuffer());
    expect(written.length).toBeGreaterThan(3_000_000);
    expect((await copiedOut(`copy (${select}) to stdout (format ${format})`)).equals(written)).toBe(true);
  });

  it('reads what its transaction wrote', async () => {
    const inTransaction = await handle.db.transaction().execute(async (trx) => {
      await sql`insert into copied_note values (0, 'nog niet vastgelegd')`.execute(trx);
      return copiedOut('copy (select text from copied_note where id = 0) to stdout', trx);
    });
    expect(inTransaction.toString()).toBe('nog niet vastgelegd\n');
  });

  it('is refused with the message and code of the database, which answers the queries after it', async () => {
    await expect(copiedOut('copy (select * from no_such_table) to stdout')).rejects.toMatchObject({ message: 'relation "no_such_table" does not exist', code: '42P01' });
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from copied_note`.execute(handle.db);
    expect(rows[0]!.count).toBeGreaterThanOrEqual(3000);
  });

  it('takes no parameters', async () => {
    await expect(sql`copy (select ${1}) to stdout`.execute(handle.db)).rejects.toThrow('a COPY … TO STDOUT takes no parameters');
  });
});
