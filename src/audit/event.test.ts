import fc from 'fast-check';
import { expect, it } from 'vitest';
import { AUDIT_RESULTS } from '../../common/vocabulary/codes.ts';
import { buildAuditEvent, canonicalText, canonicalTextAroundLink, unlinkedAuditEvent, type AuditContext, type AuditEntry } from './event.ts';

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const nullableText = fc.option(text, { nil: null });
const contextArbitrary: fc.Arbitrary<AuditContext> = fc.record({
  actor: fc.option(fc.record({ id: fc.option(fc.uuid(), { nil: null }), username: text, role: nullableText }), { nil: null }),
  origin: nullableText,
  requestId: nullableText,
});
// Keys that sort around the link's own ("prevHash", "seq") are among those of the nested values.
const jsonValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(fc.oneof(fc.constantFrom('prevHash', 'seq', 'requestId', 'zz', 'a'), text), fc.jsonValue({ maxDepth: 1 })));
const entryArbitrary = fc.record({
  action: fc.constantFrom('delivery.create', 'session.login', 'audit.read'),
  object: fc.option(fc.record({ type: fc.constantFrom('delivery', 'account'), id: text }), { nil: null }),
  result: fc.constantFrom(...AUDIT_RESULTS),
  before: jsonValue,
  after: jsonValue,
  detail: jsonValue,
}) as fc.Arbitrary<AuditEntry>;

it('the canonical text around the link, completed with the link, is the canonical text of the whole event', () => {
  fc.assert(
    fc.property(contextArbitrary, entryArbitrary, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.stringMatching(/^[0-9a-f]{64}$/), (context, entry, seq, prevHash) => {
      const occurredAt = new Date(Date.UTC(2025, 8, 1, 12, 0, 0, seq % 1000));
      const { beforePrevHash, beforeSeq } = canonicalTextAroundLink(unlinkedAuditEvent(context, entry, occurredAt));
      expect(`${beforePrevHash}${prevHash}${beforeSeq}${seq}}`).toBe(canonicalText(buildAuditEvent(context, entry, { seq, prevHash, occurredAt })));
    }),
    { numRuns: 300 },
  );
});

it('puts the source of the records made in a context in the detail of its events, beside their own detail, and nothing without one', () => {
  const context: AuditContext = { actor: null, origin: null, requestId: null };
  const source = { importId: 'import-1', sheet: 'company', row: 3, externalReference: 'BD-1' };
  const detailOf = (detail: unknown, recordSource?: AuditContext['recordSource']) => unlinkedAuditEvent({ ...context, ...(recordSource ? { recordSource } : {}) }, { action: 'company.create', result: 'success', detail }, new Date()).detail;
  expect(detailOf(undefined, source)).toEqual(source);
  expect(detailOf({ reason: 'x' }, source)).toEqual({ ...source, reason: 'x' });
  expect(detailOf(['x'], source)).toEqual({ ...source, detail: ['x'] });
  expect([detailOf(undefined), detailOf({ reason: 'x' })]).toEqual([null, { reason: 'x' }]);
});

it('keeps the warnings confirmed for a change in the detail of its event, beside its own detail and over the source of its records, and nothing of none', () => {
  const context: AuditContext = { actor: null, origin: null, requestId: null };
  const warning = { code: 'datedInSentLetterPeriod', field: 'decidedOn', params: { referenceDate: '2025-08-31' } } as const;
  const source = { importId: 'import-1', sheet: 'budgetDecision', row: 3, externalReference: null, confirmedWarnings: [warning, warning] };
  const detailOf = (entry: Partial<AuditEntry>, recordSource?: AuditContext['recordSource']) =>
    unlinkedAuditEvent({ ...context, ...(recordSource ? { recordSource } : {}) }, { action: 'budgetDecision.create', result: 'success', ...entry }, new Date()).detail;
  expect(detailOf({ confirmedWarnings: [warning] })).toEqual({ confirmedWarnings: [warning] });
  expect(detailOf({ detail: { publicValueWithheld: true }, confirmedWarnings: [warning] })).toEqual({ publicValueWithheld: true, confirmedWarnings: [warning] });
  expect(detailOf({ confirmedWarnings: [warning] }, source)).toEqual({ ...source, confirmedWarnings: [warning] });
  expect([detailOf({ confirmedWarnings: [] }), detailOf({ detail: { reason: 'x' }, confirmedWarnings: [] })]).toEqual([null, { reason: 'x' }]);
});
