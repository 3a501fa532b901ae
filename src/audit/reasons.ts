/**
 * Why the audit trail records a request as refused, denied or failed, or a session as ended (the `reason`
 * of an event's detail): the audit page names each in words, in Dutch and in English.
 */
export const AUDIT_REASONS = [
  // Who asked: a request refused before it was read (access.ts, csrf.ts) or an annex not to be opened.
  'noSession',
  'sessionExpired',
  'notPermitted',
  'secondFactorRequired',
  'crossSiteRequest',
  // An administrator set the password: the session reaches nothing but its change until then.
  'passwordChangeRequired',
  'draft',
  'notSent',
  // What a request sent (refusals.ts): by its status, or the code of a 422.
  'invalidInput',
  'versionConflict',
  'bodyTooLarge',
  'notJson',
  'idempotencyKeyReused',
  'ifMatchRequired',
  'confirmationRequired',
  // A login with a password and one-time code.
  'invalidCredentials',
  'accountDisabled',
  'totpSecretUnreadable',
  'secondFactorNotEnrolled',
  'totpMissing',
  'totpWrong',
  'totpReused',
  'throttled',
  // A change of one's own password: the current one given was not right.
  'wrongPassword',
  // A login at the identity provider.
  'stateNotOfThisBrowser',
  'stateUnknownOrUsed',
  'stateExpired',
  'providerRefused',
  'tokenRejected',
  'accountUnknown',
  // A session ended for a newer one of the same account.
  'sessionLimit',
] as const;

export type AuditReason = (typeof AUDIT_REASONS)[number];
