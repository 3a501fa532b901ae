/**
 * Many rows into one table in a few statements: each statement passes its rows as one JSON parameter
 * that json_populate_recordset reads as the table's own row type. The statement's text is the same
 * whatever the number of rows (a multi-row VALUES has a parameter per cell, each converted by the
 * driver and parsed by the server), and every statement-level trigger fires once per statement.
 */
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
  await insertChunks(db, table, rows, false);
}

/** As insertRecordset, and the stored rows (with their defaults), in the order given. */
export async function insertRecordsetReturning<Row>(db: Kysely<Database>, table: keyof Database, rows: readonly RecordsetRow[]): Promise<Row[]> {
  return (await insertChunks(db, table, rows, true)) as Row[];
}

async function insertChunks(db: Kysely<Database>, table: keyof Database, rows: readonly RecordsetRow[], returning: boolean): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const columns = columnsOf(rows);
  const names = columns.map(snakeCase);
  const target = sql.table(snakeCase(table));
  const columnList = sql.join(names.map((name) => sql.id(name)));
  const stored: unknown[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const json = recordsetJson(rows.slice(start, start + ROWS_PER_STATEMENT), columns, names);
    const statement = sql`insert into ${target} (${columnList}) select ${columnList} from json_populate_recordset(null::${target}, ${json}::json)`;
    if (returning) stored.push(...(await sql`${statement} returning *`.execute(db)).rows);
    else await statement.execute(db);
  }
  return stored;
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
