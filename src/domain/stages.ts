import { saysSomething } from '../../common/text.ts';
import type { RuleViolation } from './delivery.ts';

/**
 * A record goes back to an earlier stage (in the order of its stages) only with the reason it does, which
 * is kept with that change: refused at the reason's field, naming the stage it had reached.
 */
export function backWithoutReasonViolations<Stage extends string>(stages: readonly Stage[], latest: Stage, next: Stage, reason: { field: string; text: string; code: string }): RuleViolation[] {
  return stages.indexOf(next) < stages.indexOf(latest) && !saysSomething(reason.text) ? [{ field: reason.field, code: reason.code, params: { latest } }] : [];
}
