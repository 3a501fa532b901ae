/**
 * Many rows into one table in a few statements: each statement passes its rows as one JSON parameter
 * that json_populate_recordset reads as the table's own row type. The statement's text is the same
 * whatever the number of rows (a multi-row VALUES has a parameter per cell, each converted by the
 * driver and parsed by the server), and every statement-level trigger fires once per statement.
 */
import { setImmediate } from 'node:timers/promises';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Rows per statement: the per-statement cost vanishes, and each JSON parameter stays at a few megabytes. */
const ROWS_PER_STATEMENT = 5000;

/**
 * A row by its columns' camelCase names (as Kysely's CamelCasePlugin knows them); a JSON column holds
 * its JSON value itself, not its text. Columns absent from every row get their default.
 */
export type RecordsetRow = Readonly<Record<string, unknown>>;

export async function insertRecordset(db: Kysely<Database>, table: keyof Database, rows: readonly RecordsetRow[]): Promise<void> {
  await insertChunks(db, table, chunksOf(rows));
}

/**
 * As insertRecordset, for rows made a chunk at a time as they are taken from `chunks`: the next chunk
 * is made while the server writes the one before. The `lineColumn`, a text that never holds a line
 * break (such as canonical JSON), goes beside the JSON as one line per row of a text parameter, which
 * neither side escapes or parses: for long texts, a third of the statement's time on the server.
 */
export async function insertRecordsetChunks(db: Kysely<Database>, table: keyof Database, chunks: Iterable<readonly RecordsetRow[]>, lineColumn?: string): Promise<void> {
  await insertChunks(db, table, chunks, lineColumn);
}

function* chunksOf(rows: readonly RecordsetRow[]): Generator<readonly RecordsetRow[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) yield rows.slice(start, start + ROWS_PER_STATEMENT);
}

/**
 * One statement per chunk, in order. A statement's parameters are made while the server runs the
 * statement before it (the connection runs one at a time), so that the work in JavaScript and on the
 * server overlap.
 */
async function insertChunks(db: Kysely<Database>, table: keyof Database, chunks: Iterable<readonly RecordsetRow[]>, lineColumn?: string): Promise<void> {
  let running: Promise<void> | undefined;
  for (const rows of chunks) {
    if (rows.length === 0) continue;
    const statement = insertStatement(table, rows, lineColumn);
    await running;
    running = statement.execute(db).then(() => undefined);
    // Its failure is thrown where it is awaited, before the next statement or at the end.
    running.catch(() => undefined);
    // The statement reaches the server in the driver's next turns; the next chunk is made after that.
    await setImmediate();
  }
  await running;
}

function insertStatement(table: keyof Database, rows: readonly RecordsetRow[], lineColumn: string | undefined) {
  const target = sql.table(snakeCase(table));
  const columns = columnsOf(rows).filter((column) => column !== lineColumn);
  const names = columns.map(snakeCase);
  const json = recordsetJson(rows, columns, names);
  if (lineColumn === undefined) {
    const columnList = sql.join(names.map((name) => sql.id(name)));
    return sql`insert into ${target} (${columnList}) select ${columnList} from json_populate_recordset(null::${target}, ${json}::json)`;
  }
  const lines = rows.map((row) => {
    const text = row[lineColumn];
    if (typeof text !== 'string' || text.includes('\n')) throw new Error(`${lineColumn} must be a text without a line break`);
    return text;
  });
  const targetColumns = sql.join([...names, snakeCase(lineColumn)].map((name) => sql.id(name)));
  // ROWS FROM pairs the n-th row of the JSON with the n-th line; a function's column is named after it.
  const sourceColumns = sql.join([...names.map((name) => sql.ref(`source.${name}`)), sql.ref('source.string_to_table')]);
  return sql`insert into ${target} (${targetColumns}) select ${sourceColumns}
    from rows from (json_populate_recordset(null::${target}, ${json}::json), string_to_table(${lines.join('\n')}::text, E'\\n')) as source`;
}

/** Every column some row gives a value. */
function columnsOf(rows: readonly RecordsetRow[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const [column, value] of Object.entries(row)) if (value !== undefined) columns.add(column);
  return [...columns];
}

/** The CamelCasePlugin's mapping: `currentValueCents` is the column `current_value_cents`. */
function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function recordsetJson(rows: readonly RecordsetRow[], columns: readonly string[], names: readonly string[]): string {
  const objects = rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let index = 0; index < columns.length; index++) object[names[index]!] = row[columns[index]!] ?? null;
    return object;
  });
  return JSON.stringify(objects);
}
