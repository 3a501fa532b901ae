/**
 * The rows of a COPY … TO read off the connection (src/db/copy-out.ts): each row whole in one chunk, all of them
 * in order, an error of the server in the middle thrown after the rows before it, and the connection given back
 * to pg fit for use however the reading ended.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { copiedRows, type CopiedRows } from '../../src/db/copy-out.ts';
import { onOneConnection } from '../../src/db/prepared-statements.ts';
import { describeOnPostgres } from '../support/databases.ts';

/** Rows of text of 1 to 300 characters: `n:` and n times the last digit of n, each on a line of its own. */
const ROWS = 2000;
const COPY = `copy (select g || ':' || repeat(right(g::text, 1), g % 300) from generate_series(1, ${ROWS}) g) to stdout`;
const expectedRow = (n: number) => `${n}:${String(n % 10).repeat(n % 300)}\n`;

/** The rows of each chunk, split where each row starts. */
function rowsOf({ bytes, rows, lastRowStart }: CopiedRows): string[] {
  const text = bytes.toString();
  const lines = text.split(/(?<=\n)/);
  expect(lines).toHaveLength(rows);
  expect(Buffer.byteLength(lines.slice(0, -1).join(''))).toBe(lastRowStart);
  return lines;
}

describeOnPostgres('reading the rows of a COPY off the connection', (database) => {
  it('gives every row whole, in order, in chunks of at least the size asked for but the last', async () => {
    const chunks = await onOneConnection(database().db, async (_connection, client) => {
      const read: CopiedRows[] = [];
      for await (const chunk of copiedRows(client!, COPY, 10_000)) read.push(chunk);
      return read;
    });
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.slice(0, -1).every((chunk) => chunk.bytes.length >= 10_000)).toBe(true);
    expect(chunks.every((chunk) => chunk.bytes.buffer.byteLength >= chunk.bytes.length && chunk.bytes.byteOffset === 0)).toBe(true);
    expect(chunks.flatMap(rowsOf)).toEqual(Array.from({ length: ROWS }, (_, index) => expectedRow(index + 1)));
  });

  it('reads chunks into the spare memory given back where it is large enough', async () => {
    const [small, large] = [new ArrayBuffer(100), new ArrayBuffer(20_000)];
    const spareMemory = [small, large];
    const chunks = await onOneConnection(database().db, async (_connection, client) => {
      const read: CopiedRows[] = [];
      for await (const chunk of copiedRows(client!, COPY, 10_000, { spareMemory })) read.push(chunk);
      return read;
    });
    expect(chunks[0]!.bytes.buffer).toBe(large);
    expect(chunks.slice(1).some((chunk) => chunk.bytes.buffer === small)).toBe(false);
    expect(spareMemory).toEqual([small]);
    expect(chunks.flatMap(rowsOf)).toEqual(Array.from({ length: ROWS }, (_, index) => expectedRow(index + 1)));
  });

  it('grows a chunk for a row longer than it', async () => {
    const long = 'x'.repeat(70_000);
    const chunks = await onOneConnection(database().db, async (_connection, client) => {
      const read: CopiedRows[] = [];
      for await (const chunk of copiedRows(client!, `copy (select '${long}' union all select 'kort') to stdout`, 1_000)) read.push(chunk);
      return read;
    });
    expect(chunks.flatMap(rowsOf)).toEqual([`${long}\n`, 'kort\n']);
  });

  it('throws the error the server sends in the middle of the COPY after the rows before it, the connection fit for use after', async () => {
    const { db } = database();
    const read: string[] = [];
    await expect(
      onOneConnection(db, async (_connection, client) => {
        for await (const chunk of copiedRows(client!, `copy (select g, 1 / (${ROWS} - g) from generate_series(1, ${ROWS}) g) to stdout`, 1_000)) read.push(chunk.bytes.toString());
      }),
    ).rejects.toThrow(/division by zero/);
    expect(read.join('')).toBe(Array.from({ length: ROWS - 1 }, (_, index) => `${index + 1}\t${Math.trunc(1 / (ROWS - index - 1))}\n`).join(''));
    expect(await onOneConnection(db, async (connection) => (await sql<{ one: number }>`select 1 as one`.execute(connection)).rows)).toEqual([{ one: 1 }]);
  });

  it('reads and drops the rest of a COPY whose reading ended early, the connection fit for use after', async () => {
    const { db } = database();
    const answer = await onOneConnection(db, async (connection, client) => {
      for await (const chunk of copiedRows(client!, COPY, 1_000, { ahead: 1 })) {
        expect(chunk.rows).toBeGreaterThan(0);
        break;
      }
      return (await sql<{ rows: number }>`select count(*) as rows from generate_series(1, 3)`.execute(connection)).rows;
    });
    expect(answer).toEqual([{ rows: 3 }]);
  });
});
