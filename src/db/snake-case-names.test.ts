import { CamelCasePlugin, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type Compilable, type Dialect, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { camelCaseKysely } from './snake-case-names.ts';

interface Tables {
  deliveryItem: { id: string; publicTitle: string | null; valueCents: number; realisedAt: string | null };
  paymentLine: { id: string; deliveryItemId: string; amountCents: number; paidOn: string };
}

const compileOnly: Dialect = {
  createAdapter: () => new PostgresAdapter(),
  createDriver: () => new DummyDriver(),
  createIntrospector: (db) => new PostgresIntrospector(db),
  createQueryCompiler: () => new PostgresQueryCompiler(),
};

const register = camelCaseKysely<Tables>(compileOnly);
const byPlugin = new Kysely<Tables>({ dialect: compileOnly, plugins: [new CamelCasePlugin()] });

type Query = Compilable | RawBuilder<unknown>;

/** The same query built on both, compiled: text and parameters. */
function bothWays(build: (db: Kysely<Tables>) => Query) {
  const compiled = (db: Kysely<Tables>) => {
    const query = build(db);
    const { sql: text, parameters } = 'isRawBuilder' in query ? query.compile(db) : query.compile();
    return { text, parameters };
  };
  return { register: compiled(register), plugin: compiled(byPlugin) };
}

const queries: Record<string, (db: Kysely<Tables>) => Query> = {
  'a select with aliases, a join, a filter and an order': (db) =>
    db
      .selectFrom('deliveryItem as d')
      .innerJoin('paymentLine', 'paymentLine.deliveryItemId', 'd.id')
      .select(['d.publicTitle', 'paymentLine.amountCents as paidCents', sql<number>`sum(${sql.ref('paymentLine.amountCents')})`.as('totalPaidCents')])
      .where('d.realisedAt', '<=', '2025-08-31')
      .groupBy(['d.publicTitle', 'paymentLine.amountCents'])
      .orderBy('d.publicTitle', 'desc'),
  'a common table expression and a subquery': (db) =>
    db
      .with('latestPayment', (qb) => qb.selectFrom('paymentLine').select(['deliveryItemId', (eb) => eb.fn.max('paidOn').as('lastPaidOn')]).groupBy('deliveryItemId'))
      .selectFrom('latestPayment')
      .select(['lastPaidOn', (eb) => eb.selectFrom('deliveryItem').select('valueCents').whereRef('deliveryItem.id', '=', 'latestPayment.deliveryItemId').as('valueCents')]),
  'an insert with a conflict and what it returns': (db) =>
    db
      .insertInto('paymentLine')
      .values({ id: 'p1', deliveryItemId: 'd1', amountCents: 100, paidOn: '2025-01-02' })
      .onConflict((oc) => oc.column('id').doUpdateSet({ amountCents: (eb) => eb.ref('excluded.amountCents') }))
      .returning(['id', 'deliveryItemId']),
  'an update and a delete': (db) => db.updateTable('deliveryItem').set({ publicTitle: 'x', valueCents: sql`${sql.ref('valueCents')} + 1` }).where('realisedAt', 'is', null),
  'identifiers and tables in raw SQL': () => sql`select ${sql.id('deliveryItem', 'publicTitle')} from ${sql.table('deliveryItem')} where "keptAsWritten" = ${1}`,
};

describe('camelCase names in the code, snake_case in the database', () => {
  for (const [name, build] of Object.entries(queries)) {
    it(`compiles ${name} as CamelCasePlugin does`, () => {
      const { register: compiled, plugin } = bothWays(build);
      expect(compiled).toEqual(plugin);
      expect(compiled.text).not.toMatch(/deliveryItem|publicTitle|amountCents/);
    });
  }
});
