/**
 * Many rows into one table by COPY … FROM in its text format: a line per row, the columns' input texts
 * between tabs, which the server reads without a statement's parameters or a JSON value to parse per
 * row. Rows go in through the table itself, so every trigger fires, a statement-level one once per COPY.
 * On PostgreSQL the rows stream through one COPY, each chunk made while the server writes the one
 * before; PGlite reads a COPY a chunk from its /dev/blob.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import { CompiledQuery, type Kysely } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { onOneConnection } from './prepared-statements.ts';
import type { Database } from './schema.ts';

/** Rows a chunk: the server writes one while the next is made, and each is sent at once. */
const ROWS_PER_CHUNK = 1000;

/**
 * A row by its columns' camelCase names (as Kysely's CamelCasePlugin knows them); a JSON column holds
 * its JSON value itself, an object or an array, not its text. A column no row gives a value gets its
 * default; a row without a value for a column that other rows give is null there.
 */
export type RecordsetRow = Readonly<Record<string, unknown>>;

export async function insertRecordset(db: Kysely<Database>, table: keyof Database, rows: readonly RecordsetRow[]): Promise<void> {
  if (rows.length > 0) await copyRows(db, table, columnsOf(rows), chunksOf(rows));
}

/**
 * As insertRecordset, for rows made a chunk at a time as they are taken from `chunks`, every row with
 * the columns of the first chunk's: a chunk is made while the server writes the one before.
 */
export async function insertRecordsetChunks(db: Kysely<Database>, table: keyof Database, chunks: Iterable<readonly RecordsetRow[]>): Promise<void> {
  const iterator = chunks[Symbol.iterator]();
  let first = iterator.next();
  while (!first.done && first.value.length === 0) first = iterator.next();
  if (first.done) return;
  const columns = columnsOf(first.value);
  await copyRows(db, table, columns, following(first.value, iterator, columns));
}

function* following(first: readonly RecordsetRow[], rest: Iterator<readonly RecordsetRow[]>, columns: readonly string[]): Generator<readonly RecordsetRow[]> {
  yield first;
  for (let next = rest.next(); !next.done; next = rest.next()) {
    const added = columnsOf(next.value).find((column) => !columns.includes(column));
    if (added !== undefined) throw new Error(`a later chunk gives the column ${added}, which the first chunk does not`);
    yield next.value;
  }
}

function* chunksOf(rows: readonly RecordsetRow[]): Generator<readonly RecordsetRow[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) yield rows.slice(start, start + ROWS_PER_CHUNK);
}

async function copyRows(db: Kysely<Database>, table: keyof Database, columns: readonly string[], chunks: Iterable<readonly RecordsetRow[]>): Promise<void> {
  const target = `"${snakeCase(table)}" (${columns.map((column) => `"${snakeCase(column)}"`).join(', ')})`;
  await onOneConnection(db, async (connection, client) => {
    if (client) {
      await pipeline(Readable.from(copyTexts(columns, chunks), { objectMode: false }), client.query(copyFrom(`copy ${target} from stdin`)));
      return;
    }
    for await (const text of copyTexts(columns, chunks)) {
      // PGlite's dialect hands a Blob, the one parameter, to the statement as its /dev/blob.
      await connection.executeQuery(CompiledQuery.raw(`copy ${target} from '/dev/blob'`, [new Blob([text])]));
    }
  });
}

/**
 * The COPY text of each chunk, made when the one before was taken; between two, a turn of the event loop,
 * in which what was taken reaches the socket.
 */
async function* copyTexts(columns: readonly string[], chunks: Iterable<readonly RecordsetRow[]>): AsyncGenerator<string> {
  for (const rows of chunks) {
    if (rows.length === 0) continue;
    let text = '';
    for (const row of rows) {
      for (let index = 0; index < columns.length; index++) text += (index === 0 ? '' : '\t') + copyValue(row[columns[index]!]);
      text += '\n';
    }
    yield text;
    await setImmediate();
  }
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value as COPY's text format reads it: null as \N, a JSON value as its JSON text, backslash, tab and line ends escaped. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return SPECIAL.test(text) ? text.replace(SPECIALS, (special) => ESCAPED[special]!) : text;
}

/** Every column some row gives a value. */
function columnsOf(rows: readonly RecordsetRow[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const column of Object.keys(row)) if (row[column] !== undefined) columns.add(column);
  return [...columns];
}

/** The CamelCasePlugin's mapping: `currentValueCents` is the column `current_value_cents`. */
function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
