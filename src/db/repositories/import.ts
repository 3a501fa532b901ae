/**
 * The set-based statements of an import: what the register already knows of a file's keys, and many
 * records written at once (also by the benchmarks' register generator). Rows go in through the same
 * tables as one at a time, so that every trigger that keeps the register's derived figures fires for
 * them, once per statement.
 */
import { sql, type Kysely } from 'kysely';
import type { DeliveryFields, Payment, Valuation } from '../../domain/delivery.ts';
import { insertRecordset } from '../recordset.ts';
import type { Database } from '../schema.ts';
import { toDelivery, type StoredDelivery } from './deliveries.ts';
import { claimDatesOf, type ClaimDate } from './epf.ts';
import { replacedValuesOf } from './readiness.ts';
import type { NewPayment, NewValuation } from './money.ts';
import type { ImportSheet } from '../../import/sheets.ts';

type Db = Kysely<Database>;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** Any fixed number: the key of the transaction-scoped lock that lets one import commit at a time. */
const IMPORT_LOCK = 7_412_022;

/** Holds back other imports until this transaction ends, so that two never both create the same key. */
export async function lockImports(trx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
}

export interface ImportedRecord {
  externalReference: string;
  referenceKey: string;
  recordId: string;
  /** For a record of another domain, the digest of its row as imported. */
  rowSha256: string | null;
}

/** The records earlier imports created under these keys of a sheet (see referenceKey in import/sheets.ts). */
export async function findImportedRecords(db: Db, sheet: ImportSheet, referenceKeys: readonly string[]): Promise<ImportedRecord[]> {
  const found: ImportedRecord[] = [];
  for (const batch of chunks(referenceKeys, 10_000)) {
    found.push(
      ...(await db
        .selectFrom('importedRecord')
        .select(['externalReference', 'referenceKey', 'recordId', 'rowSha256'])
        .where('sheet', '=', sheet)
        .where('referenceKey', '=', sql<string>`any(${batch}::text[])`)
        .execute()),
    );
  }
  return found;
}

/** The keys earlier imports created these records of a sheet under, by record. */
export async function importedReferencesOf(db: Db, sheet: ImportSheet, recordIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const batch of chunks(recordIds, 10_000)) {
    const rows = await db
      .selectFrom('importedRecord')
      .select(['externalReference', 'recordId'])
      .where('sheet', '=', sheet)
      .where('recordId', '=', sql<string>`any(${batch}::uuid[])`)
      .execute();
    for (const row of rows) found.set(row.recordId, row.externalReference);
  }
  return found;
}

/** The deliveries with these ids that are in the register (not removed). */
export async function findDeliveries(db: Db, ids: readonly string[]): Promise<Map<string, StoredDelivery>> {
  const found = new Map<string, StoredDelivery>();
  for (const batch of chunks(ids, 10_000)) {
    const rows = await db.selectFrom('delivery').selectAll().where('id', '=', sql<string>`any(${batch}::uuid[])`).where('deletedAt', 'is', null).execute();
    for (const row of rows) found.set(row.id, toDelivery(row));
  }
  return found;
}

export async function findValuations(db: Db, ids: readonly string[]): Promise<Map<string, Valuation>> {
  const found = new Map<string, Valuation>();
  for (const batch of chunks(ids, 10_000)) {
    const rows = await db.selectFrom('valuation').selectAll().where('id', '=', sql<string>`any(${batch}::uuid[])`).execute();
    for (const row of rows) found.set(row.id, row as Valuation);
  }
  return found;
}

export async function findPayments(db: Db, ids: readonly string[]): Promise<Map<string, Payment>> {
  const found = new Map<string, Payment>();
  for (const batch of chunks(ids, 10_000)) {
    const rows = await db.selectFrom('payment').selectAll().where('id', '=', sql<string>`any(${batch}::uuid[])`).execute();
    for (const row of rows) found.set(row.id, row as Payment);
  }
  return found;
}

/** A payment the register holds, as an import's plan weighs a new one beside it. */
export interface HeldPayment {
  id: string;
  amountCents: number;
  paidOn: string;
  reference: string | null;
  note: string;
  recordedAt: string;
  withdrawn: boolean;
  /** Withdrawn on its own date: as if it had never been made, so it says nothing of when its delivery was realised. */
  neverMade: boolean;
}

/** The payments of each of these deliveries that has any, withdrawn ones included. */
export async function paymentsOf(db: Db, deliveryIds: readonly string[]): Promise<Map<string, HeldPayment[]>> {
  const found = new Map<string, HeldPayment[]>();
  for (const batch of chunks(deliveryIds, 10_000)) {
    const rows = await db
      .selectFrom('payment')
      .leftJoin('paymentWithdrawal', 'paymentWithdrawal.paymentId', 'payment.id')
      .select(['payment.id', 'payment.deliveryId', 'payment.amountCents', 'payment.paidOn', 'payment.reference', 'payment.note', 'payment.recordedAt', 'paymentWithdrawal.withdrawnOn'])
      .where('payment.deliveryId', '=', sql<string>`any(${batch}::uuid[])`)
      .execute();
    for (const { deliveryId, withdrawnOn, ...rest } of rows) {
      const payment = { ...rest, withdrawn: withdrawnOn !== null, neverMade: withdrawnOn === rest.paidOn };
      const held = found.get(deliveryId);
      if (held) held.push(payment);
      else found.set(deliveryId, [payment]);
    }
  }
  return found;
}

/** A delivery's valuation that counts now, as an import's payment is held against it. */
export interface HeldValuation {
  amountCents: number;
  effectiveDate: string;
}

/** The valuation that counts now (the latest not withdrawn) of each of these deliveries that has one. */
export async function currentValuationsOf(db: Db, deliveryIds: readonly string[]): Promise<Map<string, HeldValuation>> {
  const found = new Map<string, HeldValuation>();
  for (const batch of chunks(deliveryIds, 10_000)) {
    const rows = await db
      .selectFrom('valuation')
      .distinctOn('deliveryId')
      .select(['deliveryId', 'amountCents', 'effectiveDate'])
      .where('deliveryId', '=', sql<string>`any(${batch}::uuid[])`)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('valuationWithdrawal').whereRef('valuationWithdrawal.valuationId', '=', 'valuation.id'))))
      .orderBy('deliveryId')
      .orderBy('effectiveDate', 'desc')
      .orderBy('recordedAt', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const { deliveryId, ...valuation } of rows) found.set(deliveryId, valuation as HeldValuation);
  }
  return found;
}

/**
 * Holds these deliveries as a valuation the API adds holds its delivery (FOR UPDATE) until the transaction ends, in the
 * order of their ids, as other writers of several deliveries take them: what depends on their value (an EPF claim, a
 * replenishment project) is then read as it stands, and none is added to them before the import commits.
 */
export async function lockDeliveries(db: Db, ids: readonly string[]): Promise<void> {
  for (const batch of chunks(ids.toSorted(), 10_000)) {
    await db.selectFrom('delivery').select('id').where('id', '=', sql<string>`any(${batch}::uuid[])`).orderBy('id').forUpdate().execute();
  }
}

/** What depends on the value of each of these deliveries: what replenishment projects replace of it, and the dates of EPF claims on it. */
export async function valueDependantsOf(db: Db, deliveryIds: readonly string[]): Promise<{ replacedValues: Map<string, number>; claimDates: Map<string, ClaimDate[]> }> {
  const replacedValues = new Map<string, number>();
  const claimDates = new Map<string, ClaimDate[]>();
  for (const batch of chunks(deliveryIds, 10_000)) {
    const [replaced, claimed] = await Promise.all([replacedValuesOf(db, batch), claimDatesOf(db, batch)]);
    for (const [deliveryId, cents] of replaced) replacedValues.set(deliveryId, cents);
    for (const [deliveryId, dates] of claimed) claimDates.set(deliveryId, dates);
  }
  return { replacedValues, claimDates };
}

export type NewDelivery = DeliveryFields & { id: string; currentValueCents: number };

/** Deliveries as stored, every column given (none left to its default), so that the caller knows each row as stored without reading it back. */
export async function insertDeliveries(db: Db, deliveries: readonly StoredDelivery[]): Promise<void> {
  await insertRecordset(db, 'delivery', deliveries.map((delivery) => ({ ...delivery, deletedAt: null, publicId: null })));
}

/** Money as stored: with the time it was recorded. */
type Recorded<Money> = Money & { recordedAt: string };

/** Valuations as stored, with the time each was recorded. */
export async function insertValuations(db: Db, valuations: readonly Recorded<NewValuation>[]): Promise<void> {
  await insertRecordset(db, 'valuation', valuations);
}

/** Payments as stored, with the time each was recorded. */
export async function insertPayments(db: Db, payments: readonly Recorded<NewPayment>[]): Promise<void> {
  await insertRecordset(db, 'payment', payments);
}

/** What autovacuum counts as enough change to analyse a table again: 50 rows and a tenth of it. */
const STALE_AFTER_ROWS = 50;
const STALE_AFTER_SHARE = 0.1;

/**
 * Analyses a table when the rows just written make its statistics stale, by autovacuum's own rule.
 * The figures' triggers of the statements that follow in this transaction are planned from them: a
 * table counted at a few hundred rows that now holds tens of thousands is otherwise read whole for each
 * delivery (a 100,000-row import into the demonstration register took minutes instead of seconds on
 * PGlite). PGlite has no autovacuum, and PostgreSQL's comes only after the commit. ANALYZE in a
 * transaction counts the transaction's own rows. A PostgreSQL role that does not own the table (the
 * server's, as README advises) may not analyse it: PostgreSQL skips it with a warning, and the import
 * goes on with the statistics it has until autovacuum comes.
 */
export async function analyseWhenGrown(db: Db, table: keyof typeof PLANNED_COLUMNS, addedRows: number): Promise<void> {
  if (addedRows <= STALE_AFTER_ROWS) return;
  const { rows } = await sql<{ counted: number }>`select greatest(reltuples, 0)::float8 as counted from pg_class where oid = ${table}::regclass`.execute(db);
  const columns = PLANNED_COLUMNS[table].map((column) => sql.ref(column));
  if (addedRows > STALE_AFTER_ROWS + STALE_AFTER_SHARE * Number(rows[0]!.counted)) await sql`analyze ${sql.table(table)} (${sql.join(columns)})`.execute(db);
}

/**
 * The columns the figures' triggers select, join and group on, whose statistics analyseWhenGrown brings up to
 * date with the table's size. Leaving out the others (titles, descriptions, the search text) halves the time of
 * analysing the deliveries; autovacuum analyses every column after the commit, as an analysis of only some leaves
 * the table counted as changed.
 */
const PLANNED_COLUMNS = {
  delivery: ['id', 'support_type', 'funding_source', 'realised_at', 'deleted_at'],
  valuation: ['id', 'delivery_id', 'effective_date'],
  payment: ['id', 'delivery_id', 'paid_on'],
} as const;

export async function recordImportedKeys(db: Db, importId: string, keys: readonly { sheet: ImportSheet; externalReference: string; recordId: string; rowSha256?: string }[]): Promise<void> {
  await insertRecordset(db, 'importedRecord', keys.map((key) => ({ ...key, importId })));
}

/**
 * Brings the stored value (and for deliveries realised by payment, the realisation date: the day of
 * the first payment) of deliveries that already were in the register in step with the money an import
 * added to them, in one statement: the rule of currentValue in src/domain/delivery.ts, in SQL, on the money
 * not withdrawn (countedMoney in src/register/delivery-money.ts); the realisation date on every payment but one
 * withdrawn on its own date (firstPaidOn there).
 */
export async function refreshCurrentValues(db: Db, deliveryIds: readonly string[]): Promise<void> {
  for (const batch of chunks(deliveryIds, 10_000)) {
    await sql`
      update delivery d
      set current_value_cents = case when d.support_type = 'stock'
            then coalesce((select v.amount_cents from valuation v where v.delivery_id = d.id
                             and not exists (select from valuation_withdrawal w where w.valuation_id = v.id)
                           order by v.effective_date desc, v.recorded_at desc, v.id desc limit 1), 0)
            else coalesce((select sum(p.amount_cents) from payment p where p.delivery_id = d.id
                             and not exists (select from payment_withdrawal w where w.payment_id = p.id)), 0) end,
          realised_at = case when d.support_type = 'stock' then d.realised_at
            else (select min(p.paid_on) from payment p where p.delivery_id = d.id
                    and not exists (select from payment_withdrawal w where w.payment_id = p.id and w.withdrawn_on = p.paid_on)) end,
          version = d.version + 1,
          updated_at = now()
      where d.id = any(${batch}::uuid[]) and d.deleted_at is null`.execute(db);
  }
}
