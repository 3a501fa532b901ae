import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import * as money from '../db/repositories/money.ts';

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
