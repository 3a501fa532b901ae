/**
 * src/db/schema.ts is written by hand; this compares it with the database the migrations build, so that a
 * column a migration adds, drops or changes cannot be forgotten there.
 */
import { CamelCasePlugin, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase, type CurrentDatabase } from '../support/databases.ts';
import { readDeclaredSchemas, type DeclaredSchema, type ValueKind } from './declared-schema.ts';

/** What a value of each SQL type arrives as in JavaScript on both databases (see src/db/type-parsers.ts). */
const KIND_OF_SQL_TYPE: Record<string, ValueKind> = {
  text: 'string',
  varchar: 'string',
  bpchar: 'string',
  uuid: 'string',
  date: 'string',
  timestamptz: 'string',
  numeric: 'string',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  bool: 'boolean',
  json: 'json',
  jsonb: 'json',
};

interface DatabaseColumn {
  table: string;
  column: string;
  sqlType: string;
  nullable: boolean;
}

/** The names the application's CamelCasePlugin gives a declared table or column in SQL. */
class SqlNames extends CamelCasePlugin {
  of(name: string): string {
    return this.snakeCase(name);
  }
}
const sqlNames = new SqlNames();

const declared = readDeclaredSchemas('Database', 'PublicDatabase');

describeEachDatabase('the declared database schema', (database) => {
  it('declares every table and column of the migrated database', async () => {
    const declaredNames = new Set(sqlColumnNames(declared.Database));
    const undeclared = (await databaseColumns(database))
      .map(({ table, column }) => `${table}.${column}`)
      .filter((name) => !declaredNames.has(name));
    expect(undeclared).toEqual([]);
  });

  for (const [interfaceName, schema] of Object.entries(declared)) {
    it(`finds every column of ${interfaceName} in the database, with the same type and nullability`, async () => {
      const actual = new Map((await databaseColumns(database)).map((column) => [`${column.table}.${column.column}`, column]));
      const mismatches: string[] = [];
      for (const [table, columns] of schema) {
        for (const [column, { kind, nullable, declaredAs }] of columns) {
          const name = `${sqlNames.of(table)}.${sqlNames.of(column)}`;
          const found = actual.get(name);
          if (!found) {
            mismatches.push(`${name} is declared but not in the database`);
            continue;
          }
          const expectedKind = KIND_OF_SQL_TYPE[found.sqlType];
          if (!expectedKind) mismatches.push(`${name}: no JavaScript kind is known for SQL type ${found.sqlType}; add it above`);
          else if (kind !== expectedKind) mismatches.push(`${name} is declared ${declaredAs}, but ${found.sqlType} arrives as ${expectedKind}`);
          if (nullable !== found.nullable) {
            mismatches.push(`${name} is declared ${nullable ? 'nullable' : 'not null'} (${declaredAs}), but the database has it ${found.nullable ? 'nullable' : 'not null'}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  }
});

function sqlColumnNames(schema: DeclaredSchema): string[] {
  return [...schema].flatMap(([table, columns]) => [...columns.keys()].map((column) => `${sqlNames.of(table)}.${sqlNames.of(column)}`));
}

/** Every column of every table and view in the database's own schema (not the system catalogs). */
async function databaseColumns(database: CurrentDatabase): Promise<DatabaseColumn[]> {
  const { rows } = await sql<{ tableName: string; columnName: string; udtName: string; isNullable: string }>`
    select c.table_name, c.column_name, c.udt_name, c.is_nullable
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type in ('BASE TABLE', 'VIEW')
    order by c.table_name, c.ordinal_position`.execute(database().db);
  return rows.map((row) => ({ table: row.tableName, column: row.columnName, sqlType: row.udtName, nullable: row.isNullable === 'YES' }));
}
