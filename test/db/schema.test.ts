/**
 * src/db/schema.ts is written by hand; this compares it with the database the migrations build, so that a
 * column a migration adds, drops or changes cannot be forgotten there.
 */
import { CamelCasePlugin, sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase, type CurrentDatabase } from '../support/databases.ts';
import { readDeclaredSchemas, type DeclaredColumn, type DeclaredSchema, type ValueKind } from './declared-schema.ts';

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
  /** table.column */
  name: string;
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
    const declaredColumns = bySqlName(declared.Database);
    const undeclared = (await databaseColumns(database)).map(({ name }) => name).filter((name) => !declaredColumns.has(name));
    expect(undeclared).toEqual([]);
  });

  for (const [interfaceName, schema] of Object.entries(declared)) {
    it(`finds every column of ${interfaceName} in the database, with the same type and nullability`, async () => {
      const actual = new Map((await databaseColumns(database)).map((column) => [column.name, column]));
      const mismatches = [...bySqlName(schema)].flatMap(([name, column]) => {
        const found = actual.get(name);
        return found ? differences(name, column, found) : [`${name} is declared but not in the database`];
      });
      expect(mismatches).toEqual([]);
    });
  }
});

/** Each declared column under the name the database gives it: table.column. */
function bySqlName(schema: DeclaredSchema): Map<string, DeclaredColumn> {
  return new Map(
    [...schema].flatMap(([table, columns]) =>
      [...columns].map(([column, declaration]) => [`${sqlNames.of(table)}.${sqlNames.of(column)}`, declaration] as const),
    ),
  );
}

function differences(name: string, declaration: DeclaredColumn, actual: DatabaseColumn): string[] {
  const found: string[] = [];
  const expectedKind = KIND_OF_SQL_TYPE[actual.sqlType];
  if (!expectedKind) found.push(`${name}: no JavaScript kind is known for SQL type ${actual.sqlType}; add it above`);
  else if (declaration.kind !== expectedKind) found.push(`${name} is declared ${declaration.declaredAs}, but ${actual.sqlType} arrives as ${expectedKind}`);
  if (declaration.nullable !== actual.nullable) {
    const nullability = (nullable: boolean) => (nullable ? 'nullable' : 'not null');
    found.push(`${name} is declared ${nullability(declaration.nullable)} (${declaration.declaredAs}), but the database has it ${nullability(actual.nullable)}`);
  }
  return found;
}

/** Every column of every table and view in the database's own schema (not the system catalogs). */
async function databaseColumns(database: CurrentDatabase): Promise<DatabaseColumn[]> {
  const { rows } = await sql<{ tableName: string; columnName: string; udtName: string; isNullable: string }>`
    select c.table_name, c.column_name, c.udt_name, c.is_nullable
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type in ('BASE TABLE', 'VIEW')
    order by c.table_name, c.ordinal_position`.execute(database().db);
  return rows.map((row) => ({ name: `${row.tableName}.${row.columnName}`, sqlType: row.udtName, nullable: row.isNullable === 'YES' }));
}
