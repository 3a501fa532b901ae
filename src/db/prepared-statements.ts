/**
 * PostgreSQL plans a statement sent without a name every time it runs: for the list of deliveries that
 * was 1.2 ms of parsing and planning against 0.3 ms of executing, for the session check 0.4 ms against
 * 0.05. Named, a statement is parsed once per connection and its plan cached (PostgreSQL keeps a generic
 * plan once it is no worse than the custom ones). The register's statements are few and repeat, so each
 * gets a name of its own, with or without parameters (the first page of the list has none). Not named: a
 * statement with many parameters (a bulk insert, a long list of ids), a text of several statements
 * (which only the simple protocol runs), one marked PLANNED_FOR_ITS_VALUES, and any once the names run
 * out, since every name costs each connection its memory.
 */
import type pg from 'pg';
import { sql, type Kysely, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { isStalePlan } from './errors.ts';

/**
 * Written into a statement whose best plan depends on its values, which is then sent unnamed: PostgreSQL
 * plans it for the values each time. A text search for a word that may be rare is one: a common word is
 * found fastest walking the list's own order, a rare one through the trigram index. After a few searches
 * PostgreSQL kept one generic plan for all, which walked all of 1,000,000 deliveries for a word none of
 * them has: 7–8 s a search. (A word known to be common is searched otherwise, named: TextSearch in
 * db/repositories/deliveries.ts.)
 */
export const PLANNED_FOR_ITS_VALUES = '/* planned for its values */';

/** Distinct statements named, over all connections; each connection prepares those it runs. */
const MAX_NAMED_STATEMENTS = 1000;
/** A statement with more parameters than this is a bulk one, sent unnamed. */
const MAX_PARAMETERS = 100;

const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMED_STATEMENTS) return known;
  const name = `steunregister_${names.size}`;
  names.set(text, name);
  return name;
}

/**
 * A statement the pool answers itself, with the connection's pg client as its one row ({ client }), for
 * what Kysely cannot pass to a connection: a COPY … TO STDOUT stream. The client stays reserved to the
 * caller only inside a transaction or a Kysely bound to one connection. PGlite runs it and returns no row.
 */
const PG_CLIENT_QUERY = 'select null as client where false';

/**
 * Runs `use` on one connection: that of the transaction `db` is, or one held for as long as `use` runs;
 * with the connection's pg client on PostgreSQL (for a COPY stream), without one on PGlite.
 */
export async function onOneConnection<D, T>(db: Kysely<D>, use: (connection: Kysely<D>, client: pg.ClientBase | undefined) => Promise<T>): Promise<T> {
  const withClient = async (connection: Kysely<D>) => {
    const { rows } = await sql.raw<{ client: pg.ClientBase }>(PG_CLIENT_QUERY).execute(connection.withoutPlugins());
    return use(connection, rows[0]?.client);
  };
  return db.isTransaction ? withClient(db) : db.connection().execute(withClient);
}

/** The pool Kysely uses: pg's own, with each repeated statement sent as a named prepared statement. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => {
      const client = await pool.connect();
      let stale = false;
      const query = async (text: string, values: readonly unknown[]) => {
        if (text === PG_CLIENT_QUERY) return { rows: [{ client }] };
        const name = values.length <= MAX_PARAMETERS && !text.includes(';') && !text.includes(PLANNED_FOR_ITS_VALUES) ? nameOf(text) : undefined;
        try {
          return await client.query(name === undefined ? { text, values: [...values] } : { name, text, values: [...values] });
        } catch (error) {
          stale ||= isStalePlan(error);
          throw error;
        }
      };
      // A connection whose statements outlived a change of their tables is closed, and the pool opens a new one.
      return { query, release: () => client.release(stale) } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
    options: pool.options,
  };
}
