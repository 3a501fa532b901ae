import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditEventRow, type StoredAuditEvent } from '../db/repositories/audit.ts';
import { checkpointText, hasValidSignature, signCheckpoint } from './checkpoints.ts';
import { buildAuditEvent, GENESIS_HASH, sha256Hex, type AuditEvent } from './event.ts';
import { checkpointProblem } from './segment-check.ts';
import { eventProblem } from './verify.ts';

const context = { actor: { id: null, username: 'registrar', role: 'registrar' }, origin: '127.0.0.1', requestId: 'r-1' };

function chain(length: number): StoredAuditEvent[] {
  const rows: StoredAuditEvent[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const event = buildAuditEvent(
      context,
      { action: 'delivery.create', object: { type: 'delivery', id: `d-${seq}` }, result: 'success', after: { title: `Levering ${seq}` } },
      { seq, prevHash: rows.at(-1)?.hash ?? GENESIS_HASH, occurredAt: new Date(Date.UTC(2025, 8, 1, 12, 0, seq)) },
    );
    rows.push(auditEventRow(event));
  }
  return rows;
}

/** A row whose text was changed and whose hash was recomputed to match. */
function rewritten(row: StoredAuditEvent, change: (event: AuditEvent) => AuditEvent): StoredAuditEvent {
  const canonical = JSON.stringify(change(JSON.parse(row.canonical) as AuditEvent));
  return { ...row, canonical, hash: sha256Hex(canonical) };
}

const problems = (rows: StoredAuditEvent[]) => rows.map((row, index) => eventProblem(row, rows[index - 1]));

describe('checking the links of the audit chain', () => {
  it('finds nothing wrong with an untouched chain', () => {
    expect(problems(chain(4))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('names a missing event by its number', () => {
    const [first, , third] = chain(3);
    expect(eventProblem(third!, first)).toEqual({ seq: 2, reason: 'it is missing (the next event stored is #3)' });
    expect(eventProblem(third!, undefined)).toMatchObject({ seq: 1 });
  });

  it('finds a text that no longer hashes to its hash', () => {
    const [first, second] = chain(2);
    const edited = { ...second!, canonical: second!.canonical.replace('Levering 2', 'Levering 9') };
    expect(eventProblem(edited, first)).toEqual({ seq: 2, reason: 'its hash does not match its text' });
  });

  it('finds a text that is not an event, even with a matching hash', () => {
    const [first] = chain(1);
    expect(eventProblem({ ...first!, canonical: '[1]', hash: sha256Hex('[1]') }, undefined)?.reason).toBe('its text is not an audit event');
    expect(eventProblem({ ...first!, canonical: 'nee', hash: sha256Hex('nee') }, undefined)?.reason).toBe('its text is not an audit event');
  });

  it('finds an event moved to another place in the chain', () => {
    const [first, , third] = chain(3);
    expect(eventProblem({ ...third!, seq: 2 }, first)).toEqual({ seq: 2, reason: 'its text says it is event #3' });
  });

  it('finds an event that does not link to the one before', () => {
    const [first, second] = chain(2);
    const relinked = rewritten(second!, (event) => ({ ...event, prevHash: 'f'.repeat(64) }));
    expect(eventProblem({ ...relinked, prevHash: 'f'.repeat(64) }, first)).toEqual({
      seq: 2,
      reason: "it does not link to event #1: its previous hash is not that event's hash",
    });
    expect(eventProblem(relinked, first)?.reason).toBe('the previous hash in its text differs from the one in its row');
    const [alone] = chain(1);
    const notFirst = rewritten(alone!, (event) => ({ ...event, prevHash: second!.hash }));
    expect(eventProblem({ ...notFirst, prevHash: second!.hash }, undefined)?.reason).toBe('it does not start the chain: its previous hash is not the genesis hash');
  });

  it('finds a searchable column that says something else than the text', () => {
    const [first] = chain(1);
    expect(eventProblem({ ...first!, action: 'delivery.delete' }, undefined)).toEqual({
      seq: 1,
      reason: 'its action column ("delivery.delete") differs from its text ("delivery.create")',
    });
    expect(eventProblem({ ...first!, actorName: 'mallory' }, undefined)?.reason).toMatch(/^its actor name column/);
    expect(eventProblem({ ...first!, occurredAt: '2025-09-01T12:00:02.000Z' }, undefined)?.reason).toMatch(/^its time column/);
    const textChanged = rewritten(first!, (event) => ({ ...event, object: { type: 'delivery', id: 'd-99' } }));
    expect(eventProblem(textChanged, undefined)?.reason).toBe('its object id column ("d-1") differs from its text ("d-99")');
  });
});

describe('signed checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const [event] = chain(1);
  const checkpoint = signCheckpoint(event!, new Date('2025-09-10T08:00:00Z'), privateKey);

  it('sign a fixed, versioned text', () => {
    expect(checkpointText(checkpoint)).toBe(`steunregister-audit-checkpoint/1\nseq 1\nhash ${event!.hash}\nat 2025-09-10T08:00:00.000Z\n`);
  });

  it('verify with the public key only when nothing signed was changed', () => {
    expect(hasValidSignature(checkpoint, publicKey)).toBe(true);
    expect(hasValidSignature({ ...checkpoint, seq: 2 }, publicKey)).toBe(false);
    expect(hasValidSignature({ ...checkpoint, hash: 'a'.repeat(64) }, publicKey)).toBe(false);
    expect(hasValidSignature({ ...checkpoint, at: '2025-09-11T08:00:00.000Z' }, publicKey)).toBe(false);
    expect(hasValidSignature({ ...checkpoint, signature: 'AAAA' }, publicKey)).toBe(false);
    expect(hasValidSignature(checkpoint, generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });

  it('name the event whose hash is not the signed one', () => {
    expect(checkpointProblem(event!, checkpoint)).toBeUndefined();
    expect(checkpointProblem({ seq: 1, hash: 'b'.repeat(64) }, checkpoint)).toEqual({
      seq: 1,
      reason: 'its hash is not the one signed in the checkpoint of 2025-09-10T08:00:00.000Z: the chain was rewritten at or before this event',
    });
  });
});
