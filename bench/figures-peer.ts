/**
 * The figures against a peer in the same run: the letter's table at two dates as the register computes it
 * (from its day totals), and realised support at the same two dates as DuckDB computes it naively from the
 * same delivery, valuation and payment rows, copied into an in-memory DuckDB. Both must agree to the cent.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { sql, type Kysely } from 'kysely';
import { totalCents } from '../common/money.ts';
import { realisedTotalsAt, type RealisedTotals } from '../src/db/repositories/figures.ts';
import type { Database } from '../src/db/schema.ts';
import { SUPPORT_TYPES } from '../src/domain/delivery.ts';
import { figuresTable } from '../src/register/figures.ts';
import { timeRepeatedly, type Timing } from './timing.ts';

const REFERENCE_DATE = '2025-08-31';
const COMPARE_DATE = '2025-02-04';
const FIGURES_AT_TWO_DATES = `figures at ${REFERENCE_DATE} and ${COMPARE_DATE}`;

/** Rows copied per read, so that a million deliveries never sit in memory at once. */
const PAGE_SIZE = 50_000;

export interface FiguresComparison {
  register: Timing;
  duckDb: Timing;
}

export async function compareFiguresWithDuckDb(db: Kysely<Database>): Promise<FiguresComparison> {
  const instance = await DuckDBInstance.create(':memory:');
  const duckDb = await instance.connect();
  try {
    await copyRegister(db, duckDb);
    for (const date of [REFERENCE_DATE, COMPARE_DATE]) {
      const [register, naive] = [await realisedTotalsAt(db, date), await naiveTotals(duckDb, date)];
      const differing = SUPPORT_TYPES.filter((type) => register[type] !== naive[type]);
      if (differing.length > 0) throw new Error(`DuckDB's figures at ${date} differ for ${differing.join(', ')}: ${JSON.stringify({ register, naive }, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))}`);
    }
    return {
      register: await timeRepeatedly(() => figuresTable(db, REFERENCE_DATE, COMPARE_DATE)),
      duckDb: await timeRepeatedly(async () => [await naiveTotals(duckDb, REFERENCE_DATE), await naiveTotals(duckDb, COMPARE_DATE)]),
    };
  } finally {
    duckDb.closeSync();
    instance.closeSync();
  }
}

/**
 * The rule of realised support (src/domain/realised-support.ts) as one query over the raw rows: payments
 * up to the date for procurement and fund contributions; for stock handed over by the date, its latest
 * valuation in effect; never EPF work or deleted deliveries.
 */
async function naiveTotals(duckDb: DuckDBConnection, date: string): Promise<RealisedTotals> {
  const reader = await duckDb.runAndReadAll(
    `with counted as (
       select id, support_type, realised_at from delivery where deleted_at is null and funding_source <> 'epf'
     ),
     paid as (
       select d.support_type, p.amount_cents
       from counted d join payment p on p.delivery_id = d.id
       where d.support_type <> 'stock' and p.paid_on <= $date
     ),
     in_effect as (
       select d.support_type, v.amount_cents,
              row_number() over (partition by v.delivery_id order by v.effective_date desc, v.recorded_at desc, v.id desc) as latest
       from counted d join valuation v on v.delivery_id = d.id
       where d.support_type = 'stock' and d.realised_at <= $date and v.effective_date <= $date
     )
     select support_type, sum(amount_cents)::varchar as cents
     from (select * from paid union all select support_type, amount_cents from in_effect where latest = 1)
     group by support_type`,
    { date },
  );
  const totals = Object.fromEntries(SUPPORT_TYPES.map((type) => [type, 0n])) as RealisedTotals;
  for (const [type, cents] of reader.getRows() as [keyof RealisedTotals, string][]) totals[type] = totalCents([BigInt(cents)]);
  return totals;
}

/** Per table, its columns as DuckDB types them; PostgreSQL sends each as text. */
const TABLES: Record<'delivery' | 'valuation' | 'payment', [name: string, type: string][]> = {
  delivery: [['id', 'varchar'], ['support_type', 'varchar'], ['funding_source', 'varchar'], ['realised_at', 'date'], ['deleted_at', 'timestamptz']],
  valuation: [['id', 'varchar'], ['delivery_id', 'varchar'], ['amount_cents', 'bigint'], ['effective_date', 'date'], ['recorded_at', 'timestamptz']],
  payment: [['id', 'varchar'], ['delivery_id', 'varchar'], ['amount_cents', 'bigint'], ['paid_on', 'date']],
};

/** Copies the rows the figures are made of, page by page, through text columns that DuckDB then types. */
async function copyRegister(db: Kysely<Database>, duckDb: DuckDBConnection): Promise<void> {
  for (const [table, columns] of Object.entries(TABLES)) {
    const staging = `${table}_text`;
    await duckDb.run(`create table ${staging} (${columns.map(([name]) => `${name} varchar`).join(', ')})`);
    const appender = await duckDb.createAppender(staging);
    const asText = sql.join(columns.map(([name]) => sql`${sql.ref(name)}::text`));
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { rows } = await sql<Record<string, string | null>>`select ${asText} from ${sql.table(table)} where id > ${after}::uuid order by id limit ${PAGE_SIZE}`.execute(db);
      for (const row of rows) {
        for (const value of Object.values(row)) {
          if (value === null) appender.appendNull();
          else appender.appendVarchar(value);
        }
        appender.endRow();
      }
      if (rows.length < PAGE_SIZE) break;
      after = Object.values(rows.at(-1)!)[0]!;
    }
    appender.closeSync();
    await duckDb.run(`create table ${table} as select ${columns.map(([name, type]) => `${name}::${type} as ${name}`).join(', ')} from ${staging}`);
    await duckDb.run(`drop table ${staging}`);
  }
}

/** A markdown table: per size the register's and DuckDB's median and p95, and how much faster the register is. */
export function formatFiguresComparison(results: { size: number; figures: FiguresComparison }[]): string {
  const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
  const header = ['deliveries', 'register median ms', 'register p95 ms', 'DuckDB naive median ms', 'DuckDB naive p95 ms', 'DuckDB / register (median)'];
  const rows = results.map(({ size, figures: { register, duckDb } }) => [
    size.toLocaleString('en-US'),
    ms(register.medianMs),
    ms(register.p95Ms),
    ms(duckDb.medianMs),
    ms(duckDb.p95Ms),
    `${(duckDb.medianMs / register.medianMs).toFixed(0)}×`,
  ]);
  return [`${FIGURES_AT_TWO_DATES}: the register (day totals) against DuckDB's naive query over the same rows`, '', ...[header, header.map((_, index) => (index === 0 ? '---' : '---:')), ...rows].map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
}
