import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_RESULTS } from '../../common/vocabulary/codes.ts';
import { auditEventRow, type StoredAuditEvent } from '../db/repositories/audit.ts';
import { BYTE_COLUMNS, eventBytesProblem, isFramedByItsBytes, type EventBytes } from './event-bytes.ts';
import { GENESIS_HASH, sha256Hex, type AuditEvent } from './event.ts';
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

/** The event as PostgreSQL's binary COPY gives it: each text column a range of one buffer, after a few bytes of something else. */
function asBytes(row: StoredAuditEvent): EventBytes {
  const chunks = [Buffer.from('\u0000\u000e')];
  const ranges: number[] = [];
  let offset = chunks[0]!.length;
  for (const column of BYTE_COLUMNS) {
    const value = row[column];
    const bytes = value === null ? undefined : Buffer.from(value);
    ranges.push(offset, bytes?.length ?? -1);
    if (bytes) [offset] = [offset + bytes.length, chunks.push(bytes)];
  }
  return { seq: row.seq, occurredAtMs: Date.parse(row.occurredAt), bytes: Buffer.concat(chunks), ranges, decoded: () => row };
}

/** Whether a column holds a character JSON.stringify escapes: the check on bytes leaves such a row to the check of the decoded row. */
const holdsEscaped = (row: StoredAuditEvent) => BYTE_COLUMNS.some((column) => column !== 'canonical' && /["\\\u0000-\u001f]/.test(row[column] ?? ''));
const isWellFormed = (row: StoredAuditEvent) => Object.values(row).every((value) => typeof value !== 'string' || value.isWellFormed());

/** An event whose columns hold nothing JSON escapes, a character beyond ASCII included. */
const plainEvent: AuditEvent = {
  seq: 1,
  prevHash: GENESIS_HASH,
  occurredAt: '2025-09-10T23:59:59.999Z',
  actor: { id: '00000000-0000-4000-8000-000000000001', username: 'josé', role: 'registrar' },
  action: 'delivery.create',
  object: { type: 'delivery', id: '00000000-0000-4000-8000-0000000000d1' },
  result: 'success',
  origin: '192.0.2.7',
  requestId: 'r-1',
  before: null,
  after: { title: '"Oekraïne"' },
  detail: null,
};

describe('the text of an event read as bytes checked against its row', () => {
  it('is recognised wherever the check of the row recognises it, unless a column holds a character JSON escapes', () => {
    fc.assert(
      fc.property(anyEvent, (event) => {
        const row = auditEventRow(event);
        fc.pre(isWellFormed(row));
        expect(isFramedByItsBytes(asBytes(row))).toBe(!holdsEscaped(row));
        expect(eventBytesProblem(asBytes(row), undefined)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('is not recognised when its row says something else in any column, and then named as the check of the row names it', () => {
    fc.assert(
      fc.property(anyEvent, fc.constantFrom(...SEARCH_COLUMNS, 'prevHash' as const), fc.option(text), (event, column, value) => {
        const row = auditEventRow(event);
        const changed: StoredAuditEvent = { ...row, [column]: value ?? (column === 'prevHash' ? '' : null) };
        fc.pre(isWellFormed(changed) && changed[column] !== row[column]);
        expect(isFramedByItsBytes(asBytes(changed))).toBe(false);
        expect(eventBytesProblem(asBytes(changed), undefined)).toEqual(eventProblem(changed, undefined));
      }),
      { numRuns: 500 },
    );
  });

  it('is not recognised for another sequence number or time, and its link checked as eventProblem checks it', () => {
    const row = auditEventRow(plainEvent);
    const bytes = asBytes(row);
    expect(isFramedByItsBytes(bytes)).toBe(true);
    for (const other of [{ seq: 10 }, { seq: 0 }, { occurredAtMs: bytes.occurredAtMs + 1 }, { occurredAtMs: bytes.occurredAtMs + 86_400_000 }]) {
      expect(isFramedByItsBytes({ ...bytes, ...other })).toBe(false);
    }
    const previous = { seq: 1, hash: 'e'.repeat(64) };
    for (const next of [{ ...row, seq: 2 }, { ...row, seq: 2, prevHash: previous.hash }, { ...row, seq: 3, prevHash: previous.hash }]) {
      expect(eventBytesProblem(asBytes(next), previous)).toEqual(eventProblem(next, previous));
      expect(eventProblem(next, previous)).toBeDefined();
    }
  });

  it('says what the check of the row says of a text changed in any one character, or holding a column unescaped', () => {
    const row = auditEventRow(plainEvent);
    const texts = [...row.canonical].flatMap((_, index) => ['X', '"', '\\', '9'].map((character) => row.canonical.slice(0, index) + character + row.canonical.slice(index + 1)));
    const changedRows = texts.filter((text) => text !== row.canonical).map((canonical) => ({ ...row, canonical, hash: sha256Hex(canonical) }));
    const unescaped = { ...row, actorName: 'jo"sé', canonical: row.canonical.replace('"username":"josé"', '"username":"jo"sé"') };
    changedRows.push({ ...unescaped, hash: sha256Hex(unescaped.canonical) });
    for (const changed of changedRows) expect(eventBytesProblem(asBytes(changed), undefined)).toEqual(eventProblem(changed, undefined));
    expect(eventProblem(changedRows.at(-1)!, undefined)).toBeDefined();
  });

  it('leaves a time beyond the year 9999 to the check of the row, which recognises it', () => {
    const row = auditEventRow({ ...plainEvent, occurredAt: new Date(Date.UTC(10_000, 0, 1)).toISOString() });
    expect(isFramedByItsBytes(asBytes(row))).toBe(false);
    expect(eventBytesProblem(asBytes(row), undefined)).toBeUndefined();
  });
});
