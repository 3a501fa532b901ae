import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import * as money from '../db/repositories/money.ts';
import type { Payment } from '../domain/delivery.ts';

type Db = Kysely<Database>;

/** A delivery's money as recorded: its valuations and payments in the order they count, and their withdrawals. */
export async function moneyOf(db: Db, deliveryId: string) {
  const [valuations, payments, withdrawals] = await Promise.all([
    money.listValuations(db, deliveryId),
    money.listPayments(db, deliveryId),
    money.listWithdrawals(db, deliveryId),
  ]);
  return { valuations, payments, withdrawals };
}

/** The money that counts today: every withdrawal has taken effect by now (none is dated in the future). */
export function countedMoney({ valuations, payments, withdrawals }: Awaited<ReturnType<typeof moneyOf>>) {
  const withdrawn = new Set(withdrawals.map((withdrawal) => withdrawal.entryId));
  return { valuations: valuations.filter((entry) => !withdrawn.has(entry.id)), payments: payments.filter((entry) => !withdrawn.has(entry.id)) };
}

/**
 * The day a delivery realised by payment was realised: its first payment, leaving out one withdrawn on its own
 * date, which is as if it had never been made. One withdrawn later counted until then, so its day stays; null
 * while no payment stands.
 */
export function firstPaidOn({ payments, withdrawals }: { payments: readonly Pick<Payment, 'id' | 'paidOn'>[]; withdrawals: readonly Pick<money.Withdrawal, 'entryId' | 'withdrawnOn'>[] }): string | null {
  const neverMade = new Set(withdrawals.filter((withdrawal) => payments.some((payment) => payment.id === withdrawal.entryId && payment.paidOn === withdrawal.withdrawnOn)).map((withdrawal) => withdrawal.entryId));
  return payments.find((payment) => !neverMade.has(payment.id))?.paidOn ?? null;
}
