import type { Kysely } from 'kysely';
import type { Payment, Valuation } from '../../domain/delivery.ts';
import type { Database } from '../schema.ts';
import { isUuid } from '../../../common/ids.ts';

type Db = Kysely<Database>;

export type NewValuation = Omit<Valuation, 'recordedAt'>;
export type NewPayment = Omit<Payment, 'recordedAt'>;

export async function insertValuation(db: Db, valuation: NewValuation): Promise<Valuation> {
  return (await db.insertInto('valuation').values(valuation).returningAll().executeTakeFirstOrThrow()) as Valuation;
}

export async function insertPayment(db: Db, payment: NewPayment): Promise<Payment> {
  return (await db.insertInto('payment').values(payment).returningAll().executeTakeFirstOrThrow()) as Payment;
}

/** Valuations of a delivery, oldest first, in the order later ones supersede earlier ones. */
export async function listValuations(db: Db, deliveryId: string): Promise<Valuation[]> {
  return (await db
    .selectFrom('valuation')
    .selectAll()
    .where('deliveryId', '=', deliveryId)
    .orderBy('effectiveDate')
    .orderBy('recordedAt')
    .orderBy('id')
    .execute()) as Valuation[];
}

export async function listPayments(db: Db, deliveryId: string): Promise<Payment[]> {
  return (await db
    .selectFrom('payment')
    .selectAll()
    .where('deliveryId', '=', deliveryId)
    .orderBy('paidOn')
    .orderBy('recordedAt')
    .orderBy('id')
    .execute()) as Payment[];
}

export async function insertValuationIfAbsent(db: Db, valuation: Valuation): Promise<void> {
  await db.insertInto('valuation').values(valuation).onConflict((c) => c.column('id').doNothing()).execute();
}

export async function insertPaymentIfAbsent(db: Db, payment: Payment): Promise<void> {
  await db.insertInto('payment').values(payment).onConflict((c) => c.column('id').doNothing()).execute();
}

/** A payment or valuation withdrawn because it was entered in error: it stops counting from `withdrawnOn`. */
export interface Withdrawal {
  entryId: string;
  withdrawnOn: string;
  reason: string;
  recordedAt: string;
}

export type MoneyKind = 'payment' | 'valuation';

const WITHDRAWAL_TABLE = { payment: { table: 'paymentWithdrawal', entry: 'paymentId' }, valuation: { table: 'valuationWithdrawal', entry: 'valuationId' } } as const;

export async function insertWithdrawal(db: Db, kind: MoneyKind, withdrawal: Omit<Withdrawal, 'recordedAt'>): Promise<Withdrawal> {
  const { entryId, ...fields } = withdrawal;
  const stored =
    kind === 'payment'
      ? await db.insertInto('paymentWithdrawal').values({ paymentId: entryId, ...fields }).returningAll().executeTakeFirstOrThrow()
      : await db.insertInto('valuationWithdrawal').values({ valuationId: entryId, ...fields }).returningAll().executeTakeFirstOrThrow();
  return { entryId, withdrawnOn: stored.withdrawnOn, reason: stored.reason, recordedAt: stored.recordedAt };
}

export async function findWithdrawal(db: Db, kind: MoneyKind, entryId: string): Promise<Withdrawal | undefined> {
  const { table, entry } = WITHDRAWAL_TABLE[kind];
  return db
    .selectFrom(table)
    .select([`${entry} as entryId`, 'withdrawnOn', 'reason', 'recordedAt'])
    .where(entry, '=', entryId)
    .executeTakeFirst();
}

/** The withdrawals of a delivery's payments and valuations. */
export async function listWithdrawals(db: Db, deliveryId: string): Promise<Withdrawal[]> {
  return db
    .selectFrom('paymentWithdrawal')
    .innerJoin('payment', 'payment.id', 'paymentWithdrawal.paymentId')
    .select(['paymentId as entryId', 'withdrawnOn', 'reason', 'paymentWithdrawal.recordedAt'])
    .where('payment.deliveryId', '=', deliveryId)
    .unionAll(
      db
        .selectFrom('valuationWithdrawal')
        .innerJoin('valuation', 'valuation.id', 'valuationWithdrawal.valuationId')
        .select(['valuationId as entryId', 'withdrawnOn', 'reason', 'valuationWithdrawal.recordedAt'])
        .where('valuation.deliveryId', '=', deliveryId),
    )
    .execute();
}

export async function findPayment(db: Db, id: string): Promise<Payment | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.selectFrom('payment').selectAll().where('id', '=', id).executeTakeFirst()) as Payment | undefined;
}

export async function findValuation(db: Db, id: string): Promise<Valuation | undefined> {
  if (!isUuid(id)) return undefined;
  return (await db.selectFrom('valuation').selectAll().where('id', '=', id).executeTakeFirst()) as Valuation | undefined;
}
