/**
 * The register's names are camelCase in TypeScript and snake_case in the database. Kysely's CamelCasePlugin
 * maps both ways, but it maps a query by copying the query's whole tree (every node made anew and frozen)
 * before the compiler reads it: in a profile of the list of deliveries at 32 connections, 8% of the
 * server's time, and garbage for every request. Here the compiler writes each identifier in snake_case as
 * it compiles, with the plugin's own mapping, and the plugin only maps the rows that come back. So a
 * Kysely `withoutPlugins()` still writes snake_case names; only its rows keep the database's names.
 */
import { CamelCasePlugin, Kysely, PostgresQueryCompiler, type Dialect, type PluginTransformQueryArgs, type RootOperationNode } from 'kysely';

class CamelCaseRows extends CamelCasePlugin {
  override transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  /** The plugin's mapping (which remembers the names it has mapped). */
  columnName(name: string): string {
    return this.snakeCase(name);
  }
}

class SnakeCaseQueryCompiler extends PostgresQueryCompiler {
  readonly #rows: CamelCaseRows;

  constructor(rows: CamelCaseRows) {
    super();
    this.#rows = rows;
  }

  protected override sanitizeIdentifier(identifier: string): string {
    return super.sanitizeIdentifier(this.#rows.columnName(identifier));
  }
}

/** Kysely on a PostgreSQL dialect, with camelCase names in the code and snake_case ones in the database. */
export function camelCaseKysely<DB>(dialect: Dialect): Kysely<DB> {
  const rows = new CamelCaseRows();
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => dialect.createAdapter(),
      createDriver: () => dialect.createDriver(),
      createIntrospector: (db) => dialect.createIntrospector(db),
      createQueryCompiler: () => new SnakeCaseQueryCompiler(rows),
    },
    plugins: [rows],
  });
}
