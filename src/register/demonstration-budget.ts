import type { Kysely } from 'kysely';
import { insertCommitmentIfAbsent, insertDecisionIfAbsent, insertShiftIfAbsent } from '../db/repositories/budget.ts';
import type { Database } from '../db/schema.ts';
import { DEMONSTRATION_BUDGET_DECISIONS, DEMONSTRATION_BUDGET_SHIFTS, DEMONSTRATION_COMMITMENTS } from '../db/seed/demonstration-budget.ts';

/**
 * The demonstration budget, loaded when its decisions are not there yet (also into a register that has
 * the demonstration deliveries from before the budget was kept). Returns the ids of the decisions added.
 */
export async function loadDemonstrationBudget(trx: Kysely<Database>): Promise<string[]> {
  const added: string[] = [];
  for (const decision of DEMONSTRATION_BUDGET_DECISIONS) {
    if (await insertDecisionIfAbsent(trx, decision)) added.push(decision.id);
  }
  if (added.length === 0) return added;
  for (const shift of DEMONSTRATION_BUDGET_SHIFTS) await insertShiftIfAbsent(trx, shift);
  for (const { commitment, stages } of DEMONSTRATION_COMMITMENTS) {
    await insertCommitmentIfAbsent(trx, commitment, stages.map((stage) => ({ ...stage, commitmentId: commitment.id })));
  }
  return added;
}
