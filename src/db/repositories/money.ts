import type { Kysely } from 'kysely';
import type { Payment, Valuation } from '../../domain/delivery.ts';
import type { Database } from '../schema.ts';

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
