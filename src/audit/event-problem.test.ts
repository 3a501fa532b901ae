import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_RESULTS } from '../../common/vocabulary/codes.ts';
import { auditEventRow, type StoredAuditEvent } from '../db/repositories/audit.ts';
import { GENESIS_HASH, type AuditEvent } from './event.ts';
import { eventProblem, isFramedByItsRow } from './event-problem.ts';

/** Any text, quotes, backslashes, control characters and characters beyond the BMP included. */
const text = fc.string({ unit: 'binary', maxLength: 12 });

const anyEvent: fc.Arbitrary<AuditEvent> = fc.record({
  seq: fc.constant(1),
  prevHash: fc.constant(GENESIS_HASH),
  occurredAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
  actor: fc.option(fc.record({ id: fc.option(text), username: text, role: fc.option(text) })),
  action: text as fc.Arbitrary<AuditEvent['action']>,
  object: fc.option(fc.record({ type: text as fc.Arbitrary<NonNullable<AuditEvent['object']>['type']>, id: text })),
  result: fc.constantFrom(...AUDIT_RESULTS),
  origin: fc.option(text),
  requestId: fc.option(text),
  before: fc.jsonValue(),
  after: fc.jsonValue(),
  detail: fc.jsonValue(),
});

const SEARCH_COLUMNS = ['occurredAt', 'actorId', 'actorName', 'actorRole', 'action', 'objectType', 'objectId', 'origin', 'requestId'] as const;

describe('the text of a stored event checked against its row without parsing it', () => {
  it('recognises every text the register writes, whatever its columns hold', () => {
    fc.assert(
      fc.property(anyEvent, (event) => {
        const row = auditEventRow(event);
        expect(isFramedByItsRow(row)).toBe(true);
        expect(eventProblem(row, undefined)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('does not recognise a text whose row says something else in any column, which the parsed text then names', () => {
    fc.assert(
      fc.property(anyEvent, fc.constantFrom(...SEARCH_COLUMNS), fc.option(text), (event, column, value) => {
        const row = auditEventRow(event);
        fc.pre(value !== row[column]);
        const changed: StoredAuditEvent = { ...row, [column]: value };
        expect(isFramedByItsRow(changed)).toBe(false);
        expect(eventProblem(changed, undefined)?.reason).toMatch(/^its .* column \(.*\) differs from its text/);
      }),
      { numRuns: 500 },
    );
  });

  it('does not recognise a text of another sequence number, previous hash or result', () => {
    const row = auditEventRow(fc.sample(anyEvent, { numRuns: 1, seed: 7 })[0]!);
    expect(isFramedByItsRow({ ...row, seq: 2 })).toBe(false);
    expect(isFramedByItsRow({ ...row, prevHash: 'f'.repeat(64) })).toBe(false);
    expect(isFramedByItsRow({ ...row, result: row.result === 'success' ? 'denied' : 'success' })).toBe(false);
  });
});
