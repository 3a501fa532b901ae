import { sql, type Kysely, type RawBuilder } from 'kysely';
import { SUPPORT_TYPES, type SupportType } from '../../domain/delivery.ts';
import { totalCentsFromText, type Cents, type CentsTotal } from '../../../common/money.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;
export type RealisedTotals = Record<SupportType, CentsTotal>;

function emptyTotals(): RealisedTotals {
  return Object.fromEntries(SUPPORT_TYPES.map((type) => [type, 0n])) as RealisedTotals;
}

/**
 * Realised support per type at a reference date: the sum of the day totals up to it (see
 * realised_support_day, migration 014), at most one row per type and day however many deliveries.
 */
export async function realisedTotalsAt(db: Db, referenceDate: string): Promise<RealisedTotals> {
  return (await realisedTotalsAtDates(db, [referenceDate]))[0];
}

/** The same at several dates, in their order, read in one pass over the day totals. */
export async function realisedTotalsAtDates<const Dates extends readonly string[]>(db: Db, dates: Dates): Promise<{ [Index in keyof Dates]: RealisedTotals }> {
  type AtDates = { [Index in keyof Dates]: RealisedTotals };
  if (dates.length === 0) return [] as unknown as AtDates;
  const rows = await db
    .selectFrom('realisedSupportDay')
    .select('supportType')
    // Numeric sums (text), exact at any size; null where no day counts.
    .select(dates.map((date, index) => sql<string | null>`sum(change_cents) filter (where change_date <= ${date})`.as(`upTo${index}`)))
    .where('changeDate', '<=', dates.toSorted().at(-1)!)
    .groupBy('supportType')
    .execute();
  return dates.map((_date, index) => {
    const totals = emptyTotals();
    for (const row of rows) {
      const cents = (row as Record<string, string | null>)[`upTo${index}`];
      if (cents !== null && cents !== undefined) totals[row.supportType as SupportType] = totalCentsFromText(cents);
    }
    return totals;
  }) as unknown as AtDates;
}

/**
 * Whether the outer query's delivery (the table `delivery`) is realised at the end of the date as realised
 * support counts it (migrations 025 and 035): stock from its hand-over on; a purchase or fund contribution
 * while a payment made by then is not withdrawn by then. Its realisation date is that of its first payment not
 * withdrawn on its own date: one withdrawn later counted until then, so that date alone does not say it.
 */
export function realisedBy(date: string): RawBuilder<boolean> {
  // False, not null, for a delivery without a realisation date: negated, null would count it as realised.
  return sql<boolean>`(coalesce(delivery.realised_at <= ${date}::date, false) and (delivery.support_type = 'stock' or exists (select from ${paymentsStandingAt(date)})))`;
}

/** The outer query's delivery's payments made by the end of the date and not withdrawn by then (as `payment`). */
function paymentsStandingAt(date: string): RawBuilder<unknown> {
  return sql`payment left join payment_withdrawal withdrawal on withdrawal.payment_id = payment.id
    where payment.delivery_id = delivery.id and payment.paid_on <= ${date}::date
      and (withdrawal.withdrawn_on is null or withdrawal.withdrawn_on > ${date}::date)`;
}

/**
 * Each delivery (not removed) with its value at a date, as valueAt gives one: its latest valuation effective on or
 * before the date and not withdrawn by then. A delivery without one is left out. Read for many deliveries at once,
 * where valueAt reads them one by one.
 */
export function valuesAt(db: Db, date: string) {
  return db
    .selectFrom('delivery')
    .innerJoin('valuation', 'valuation.deliveryId', 'delivery.id')
    .leftJoin('valuationWithdrawal as withdrawal', 'withdrawal.valuationId', 'valuation.id')
    .distinctOn('delivery.id')
    .where('delivery.deletedAt', 'is', null)
    .where('valuation.effectiveDate', '<=', date)
    .where((eb) => eb.or([eb('withdrawal.withdrawnOn', 'is', null), eb('withdrawal.withdrawnOn', '>', date)]))
    .orderBy('delivery.id')
    .orderBy('valuation.effectiveDate', 'desc')
    .orderBy('valuation.recordedAt', 'desc')
    .orderBy('valuation.id', 'desc');
}

/**
 * The value of the outer query's delivery (the table `delivery`) at a date (or a column of dates): its latest
 * valuation effective on or before it and not withdrawn by then, as realised support counts it (migration 025);
 * null when there is none.
 */
export function valueAt(date: string | RawBuilder<string>): RawBuilder<Cents | null> {
  return valuationAt<Cents>('amount_cents', date);
}

/** The effective date of the valuation valueAt takes the value of at a date (or a column of dates); null when there is none. */
export function valuedOnAt(date: string | RawBuilder<string>): RawBuilder<string | null> {
  return valuationAt<string>('effective_date', date);
}

/** A column of that valuation. */
function valuationAt<Value>(column: 'amount_cents' | 'effective_date', date: string | RawBuilder<string>): RawBuilder<Value | null> {
  return sql<Value | null>`(
    select valuation.${sql.raw(column)} from valuation
    left join valuation_withdrawal withdrawal on withdrawal.valuation_id = valuation.id
    where valuation.delivery_id = delivery.id and valuation.effective_date <= ${date}::date
      and (withdrawal.withdrawn_on is null or withdrawal.withdrawn_on > ${date}::date)
    order by valuation.effective_date desc, valuation.recorded_at desc, valuation.id desc
    limit 1)`;
}

/**
 * What the outer query's delivery (the table `delivery`) was worth by its money at the end of a date, as currentValue
 * (src/domain/delivery.ts) counts it today: stock at its value then (valueAt), a purchase or contribution at its
 * payments made by then and not withdrawn by then; 0 where there is none.
 */
export function moneyValueAt(date: string): RawBuilder<Cents> {
  return sql<Cents>`(case when delivery.support_type = 'stock' then coalesce(${valueAt(date)}, 0)
    else (select coalesce(sum(payment.amount_cents), 0)::bigint from ${paymentsStandingAt(date)}) end)`;
}

/**
 * What the outer query's delivery (the table `delivery`) counts for in realised support at a date: stock handed
 * over by then at its value then, a purchase or contribution at its payments made by then and not withdrawn by
 * then (migration 035); 0 when it counts for nothing yet.
 */
export function realisedValueAt(date: string | RawBuilder<string>): RawBuilder<Cents> {
  return sql<Cents>`(
    select coalesce(sum(change.change_cents), 0)::bigint from realised_support_change change
    where change.delivery_id = delivery.id and change.change_date <= ${date}::date)`;
}

export interface MonthlyChange {
  supportType: SupportType;
  monthEnd: string;
  cents: CentsTotal;
}

/** The net change of realised support per type per calendar month, up to and including a date. */
export async function monthlyChangesUntil(db: Db, until: string): Promise<MonthlyChange[]> {
  const rows = await db
    .selectFrom('realisedSupportDay')
    .select([
      'supportType',
      sql<string>`(date_trunc('month', change_date) + interval '1 month - 1 day')::date`.as('monthEnd'),
      sql<string>`sum(change_cents)`.as('cents'),
    ])
    .where('changeDate', '<=', until)
    .groupBy(['supportType', 'monthEnd'])
    .orderBy('monthEnd')
    .execute();
  return rows.map((row) => ({ supportType: row.supportType as SupportType, monthEnd: row.monthEnd, cents: totalCentsFromText(row.cents) }));
}

export interface DeliveryContribution {
  supportType: SupportType;
  deliveryId: string;
  title: string;
  cents: CentsTotal;
}

/**
 * Each support type whose realised support changed after `since` (from the start when null) up to and
 * including `until` by one delivery alone once the deliveries whose part in that change is public are set
 * aside: a delivery decided public with a value that is exactly its part. The change its figure shows then
 * gives that one delivery's part away (its value, a later payment, a revaluation). Deleted deliveries and
 * work for the EU have no changes (realised_support_change), and a delivery whose changes in the period
 * cancel out has no part.
 */
export async function soleContributionsOfUndisclosedValue(db: Db, since: string | null, until: string): Promise<DeliveryContribution[]> {
  const { rows } = await sql<{ supportType: string; deliveryId: string; title: string; cents: string }>`
    with contribution as (
      select support_type, delivery_id, sum(change_cents) as cents
      from realised_support_change
      where change_date <= ${until}::date and (${since}::date is null or change_date > ${since}::date)
      group by support_type, delivery_id
      having sum(change_cents) <> 0
    ), undisclosed as (
      select contribution.*
      from contribution
      join delivery on delivery.id = contribution.delivery_id
      left join public_delivery on public_delivery.public_id = delivery.public_id
      where public_delivery.value_cents is distinct from contribution.cents
    ), sole as (
      select support_type, min(delivery_id::text)::uuid as delivery_id, sum(cents) as cents
      from undisclosed
      group by support_type
      having count(*) = 1
    )
    select sole.support_type, sole.delivery_id, delivery.title, sole.cents::text as cents
    from sole
    join delivery on delivery.id = sole.delivery_id`.execute(db);
  return rows.map((row) => ({ supportType: row.supportType as SupportType, deliveryId: row.deliveryId, title: row.title, cents: totalCentsFromText(row.cents) }));
}

/** What each delivery counts for in realised support of a type at a date, for the types given. */
export async function realisedSupportPerDeliveryAt(db: Db, date: string, supportTypes: readonly SupportType[]): Promise<DeliveryContribution[]> {
  const { rows } = await sql<{ supportType: string; deliveryId: string; title: string; cents: string }>`
    select change.support_type, change.delivery_id, delivery.title, sum(change.change_cents)::text as cents
    from realised_support_change change
    join delivery on delivery.id = change.delivery_id
    where change.change_date <= ${date}::date and change.support_type = any(${supportTypes}::text[])
    group by change.support_type, change.delivery_id, delivery.title
    having sum(change.change_cents) <> 0`.execute(db);
  return rows.map((row) => ({ supportType: row.supportType as SupportType, deliveryId: row.deliveryId, title: row.title, cents: totalCentsFromText(row.cents) }));
}
