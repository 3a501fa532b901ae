/**
 * Every reason the audit trail records a refusal, denial or failure with is named on the audit page in
 * words, in Dutch and in English, rather than by its code.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_REASONS } from '../../src/audit/reasons.ts';
import { en } from '../../web/src/i18n/en/index.ts';
import { nl } from '../../web/src/i18n/nl/index.ts';

describe('the reasons of the audit page', () => {
  it.each([['nl', nl], ['en', en]] as const)('has words for each of them in %s', (_language, words) => {
    expect(AUDIT_REASONS.filter((reason) => !Object.hasOwn(words.audit.reasons, reason))).toEqual([]);
  });

  it('has no words for a reason the trail does not record', () => {
    expect(Object.keys(nl.audit.reasons).filter((reason) => !(AUDIT_REASONS as readonly string[]).includes(reason))).toEqual([]);
  });
});
