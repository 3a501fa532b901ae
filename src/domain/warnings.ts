import type { RuleViolation } from './delivery.ts';

/**
 * The warnings a person may confirm: a value the register can hold but that is more often a mistake (a payment
 * typed in cents as if euros, paymentFarAboveValuation), or that holds only for history from before the register
 * (goods that need a licence imported as shipped without one in the register, shippedWithoutLicence), or that changes
 * what the register says held at a date parliament already has figures of (money, or another record the letter
 * prints, dated on or before the reference date of the latest letter sent, datedInSentLetterPeriod). It is refused until the request confirms the warning by
 * its code, so that it is recorded on purpose, and the audit trail keeps what was confirmed.
 */
export type WarningCode = 'paymentFarAboveValuation' | 'shippedWithoutLicence' | 'datedInSentLetterPeriod';

export interface Warning extends RuleViolation {
  code: WarningCode;
}

/** The warnings the confirmed codes leave open. */
export function unconfirmed(warnings: readonly Warning[], confirmed: readonly WarningCode[]): Warning[] {
  return warnings.filter((warning) => !confirmed.includes(warning.code));
}
