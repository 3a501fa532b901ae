import type { RuleViolation } from '../domain/delivery.ts';
import { unconfirmed, type Warning, type WarningCode } from '../domain/warnings.ts';

/** The input breaks one or more rules; nothing was changed. */
export class ValidationError extends Error {
  readonly violations: RuleViolation[];
  constructor(violations: RuleViolation[]) {
    super(`invalid input: ${violations.map((violation) => `${violation.field} ${violation.code}`).join(', ')}`);
    this.violations = violations;
  }
}

/** Throws when any rule is broken, naming every violation at once. */
export function assertValid(violations: RuleViolation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

/** The input is possible but more likely a mistake, and the request did not confirm it; nothing was changed. */
export class UnconfirmedWarningsError extends Error {
  readonly warnings: Warning[];
  constructor(warnings: Warning[]) {
    super(`warnings not confirmed: ${warnings.map((warning) => `${warning.field} ${warning.code}`).join(', ')}`);
    this.warnings = warnings;
  }
}

/** Throws when a warning was not confirmed, naming every one at once; else gives those confirmed, for the audit trail. */
export function assertConfirmed(warnings: Warning[], confirmed: readonly WarningCode[]): Warning[] {
  const open = unconfirmed(warnings, confirmed);
  if (open.length > 0) throw new UnconfirmedWarningsError(open);
  return warnings;
}

/** The kinds of record a request names by its id, which a refusal names in words (src/api/messages.ts). */
export type RecordKind =
  | 'account'
  | 'assessment'
  | 'budgetCommitment'
  | 'company'
  | 'contract'
  | 'coproductionProject'
  | 'delivery'
  | 'demandBundle'
  | 'epfClaim'
  | 'letter'
  | 'milestone'
  | 'payment'
  | 'replenishmentProject'
  | 'trainingProgramme'
  | 'valuation';

/** The record a request names is not there, or not there for the one asking. */
export class NotFoundError extends Error {
  readonly resource: RecordKind;
  readonly id: string;
  constructor(resource: RecordKind, id: string) {
    super(`${resource} ${id} does not exist`);
    this.resource = resource;
    this.id = id;
  }
}

/** Someone else changed the object since the version the caller based its change on. */
export class VersionConflictError extends Error {
  readonly currentVersion: number;
  constructor(currentVersion: number) {
    super(`the object has changed since; its current version is ${currentVersion}`);
    this.currentVersion = currentVersion;
  }
}

/**
 * The versions a change may be based on: one, any of several (If-Match with a list of ETags), or whatever
 * version the object has (If-Match: *).
 */
export type ExpectedVersion = number | readonly number[] | '*';

/**
 * Throws VersionConflictError (412) unless the object's current version is one the change may be based on;
 * without a condition (an entry added to a history without If-Match) any version is.
 */
export function assertVersionMatches(expected: ExpectedVersion | undefined, currentVersion: number): void {
  const matches = expected === undefined || expected === '*' || (typeof expected === 'number' ? expected === currentVersion : expected.includes(currentVersion));
  if (!matches) throw new VersionConflictError(currentVersion);
}

/** Goods that need a licence were to be shipped without one that covers them; the refusal is recorded. */
export class ShipmentRefusedError extends ValidationError {}
