/**
 * `audit record-restore` signs that the chain was restored to its last event: a restore loses events at
 * the end, it never changes the ones it kept. A chain broken before its end is refused, and nothing is signed.
 * Until the restore is recorded, a command that writes is refused as the server is: its events would fork
 * the signed chain, and the record would then name one of them as the event restored to.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointKeyError, openCheckpointStore, refuseChainBehindCheckpoints, signCheckpoint } from '../../src/audit/checkpoints.ts';
import { recordAuditEvent, systemContext } from '../../src/audit/trail.ts';
import { vocabulary } from '../../common/vocabulary/index.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { lastAuditEvent } from '../../src/db/repositories/audit.ts';
import { apiClient } from '../api/client.ts';
import { parseCsv } from '../support/csv.ts';
import { runCli } from '../support/cli.ts';
import { pgliteTemplate } from '../support/scratch-database.ts';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steunregister-record-restore-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** A register of three events whose audit directory signed five more (the register had gone further before this older copy was put back). Returns its last event. */
async function restoredOlderRegister(dataDir: string): Promise<number> {
  const database = await openDatabase({ dataDir, template: await pgliteTemplate() });
  try {
    for (let count = 0; count < 3; count++) await recordAuditEvent(database.db, systemContext('test'), { action: 'session.login', result: 'denied' });
    const last = (await lastAuditEvent(database.db))!;
    const store = await openCheckpointStore(join(dataDir, 'audit'));
    const ahead = signCheckpoint({ seq: last.seq + 5, hash: 'a'.repeat(64) }, new Date(), store.privateKey);
    appendFileSync(join(dataDir, 'audit', 'checkpoints.jsonl'), `${JSON.stringify(ahead)}\n`);
    return last.seq;
  } finally {
    await database.close();
  }
}

async function auditTrailEnd(dataDir: string): Promise<number | undefined> {
  const database = await openDatabase({ dataDir });
  try {
    return (await lastAuditEvent(database.db))?.seq;
  } finally {
    await database.close();
  }
}

describe('audit record-restore', () => {
  it('is needed before a command writes to a chain behind its checkpoints, which is refused and appends nothing; the record then names the last restored event', async () => {
    const dataDir = join(folder, 'data');
    const last = await restoredOlderRegister(dataDir);
    const decision = ['budget', 'decision', '--moment', 'Voorjaarsnota 2025', '--decided-on', '2025-04-15', '--fund', 'internationalSecurityBudget', '--first-year', '2025', '--last-year', '2025', '--amount', '2025=1.000'];

    for (const command of [decision, ['audit', 'checkpoint']]) {
      const refused = await runCli(dataDir, command);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`The audit trail in the database ends at event #${last}, but the checkpoint of`);
      expect(refused.output).toContain('audit record-restore --operator NAME');
    }
    expect(await auditTrailEnd(dataDir)).toBe(last);

    const recorded = await runCli(dataDir, ['audit', 'record-restore', '--operator', 'J. Beheerder']);
    expect(recorded.output).toContain(`restored to event #${last} on `);
    expect((await runCli(dataDir, decision)).code).toBe(0);
    // The restore's own event, then the decision's.
    expect(await auditTrailEnd(dataDir)).toBe(last + 2);
    expect((await runCli(dataDir, ['audit', 'verify'])).code).toBe(0);
  });

  it('puts the recorded restore into the audit trail as its next event, once: who recorded it and when, the event restored to, the events lost and the signature, on the page and in its export', async () => {
    const dataDir = join(folder, 'data');
    const last = await restoredOlderRegister(dataDir);
    expect((await runCli(dataDir, ['audit', 'record-restore', '--operator', 'J. Beheerder'])).code).toBe(0);
    const record = JSON.parse(readFileSync(join(dataDir, 'audit', 'restores.jsonl'), 'utf8')) as { at: string; hash: string; signature: string };
    // The first command that writes (or the server's first start) appends it; the next ones find it there.
    for (let run = 0; run < 3; run++) expect((await runCli(dataDir, ['audit', 'checkpoint'])).code).toBe(0);
    expect(await auditTrailEnd(dataDir)).toBe(last + 1);
    expect((await runCli(dataDir, ['audit', 'verify'])).code).toBe(0);

    const database = await openDatabase({ dataDir });
    try {
      const [event, ...more] = (await apiClient(database.db, { role: 'auditor' })('GET', '/audit-events?action=audit.restore')).body.items;
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        seq: last + 1,
        action: 'audit.restore',
        actor: { id: null, username: 'system', role: null },
        object: { type: 'auditTrail', id: record.signature },
        detail: { operator: 'J. Beheerder', recordedAt: record.at, restoredTo: last, restoredToHash: record.hash, lostFrom: last + 1, lostUpTo: last + 5, signature: record.signature },
      });
      const exported = (await apiClient(database.db, { role: 'auditor' })('GET', '/exports/audit-events?action=audit.restore&format=csv&dialect=rfc4180')).body as string;
      const [headings, row] = parseCsv(exported);
      const cell = (heading: string) => row![headings!.indexOf(heading)]!;
      expect(cell('Actie')).toBe(vocabulary('nl').auditActions['audit.restore']);
      expect(vocabulary('en').auditActions['audit.restore']).toBe('Restore of an older backup recorded (later events lost)');
      // Whoever checks the export outside the system finds the restore in the hashed text itself.
      expect(createHash('sha256').update(cell('Gehashte tekst (RFC 8785)'), 'utf8').digest('hex')).toBe(cell('Hash (SHA-256)'));
      expect(JSON.parse(cell('Gehashte tekst (RFC 8785)'))).toMatchObject({ seq: last + 1, detail: { operator: 'J. Beheerder', lostFrom: last + 1, lostUpTo: last + 5, signature: record.signature } });
    } finally {
      await database.close();
    }
  });

  it('refuses an operator whose name turns the reading direction, shows nothing or runs beyond 200 characters, and signs nothing', async () => {
    const dataDir = join(folder, 'data');
    await restoredOlderRegister(dataDir);
    for (const operator of ['J. Beheerder\u202Eredeeheb', '\u200B', 'J.\u2066 Beheerder', `J. ${'Beheerder'.repeat(23)}`]) {
      const { code, output } = await runCli(dataDir, ['audit', 'record-restore', '--operator', operator]);
      expect(code, JSON.stringify(operator)).toBe(1);
      expect(output).toBe('--operator must name the operator in at most 200 characters, on one line, without control or direction characters\n');
    }
    expect(existsSync(join(dataDir, 'audit', 'restores.jsonl'))).toBe(false);
  });

  it('refuses to sign, and makes no new key pair, where the checkpoints kept lost their key pair: the server goes on refusing to start', async () => {
    const dataDir = join(folder, 'data');
    const auditDirectory = join(dataDir, 'audit');
    await restoredOlderRegister(dataDir);
    for (const file of ['checkpoint-signing-key.pem', 'checkpoint-signing-key.pub.pem']) rmSync(join(auditDirectory, file));
    for (const command of [['audit', 'record-restore', '--operator', 'J. Beheerder'], ['audit', 'checkpoint']]) {
      const { code, output } = await runCli(dataDir, command);
      expect(code).toBe(1);
      expect(output).toContain(`${auditDirectory} holds signed checkpoints but not the key they are signed with (checkpoint-signing-key.pem): put the kept key pair back`);
    }
    expect(readdirSync(auditDirectory).sort()).toEqual(['checkpoints.jsonl']);
    const database = await openDatabase({ dataDir });
    try {
      await expect(refuseChainBehindCheckpoints(database.db, auditDirectory)).rejects.toThrow(CheckpointKeyError);
    } finally {
      await database.close();
    }
  });

  it('refuses to sign, and a command that writes refuses to run, where another key pair was put in place of the one the checkpoints were signed with', async () => {
    const dataDir = join(folder, 'data');
    const auditDirectory = join(dataDir, 'audit');
    const last = await restoredOlderRegister(dataDir);
    const pair = generateKeyPairSync('ed25519');
    writeFileSync(join(auditDirectory, 'checkpoint-signing-key.pem'), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(auditDirectory, 'checkpoint-signing-key.pub.pem'), pair.publicKey.export({ type: 'spki', format: 'pem' }));
    const checkpoints = readFileSync(join(auditDirectory, 'checkpoints.jsonl'), 'utf8');
    for (const command of [['audit', 'record-restore', '--operator', 'J. Beheerder'], ['audit', 'checkpoint']]) {
      const { code, output } = await runCli(dataDir, command);
      expect(code).toBe(1);
      expect(output).toContain(`None of the checkpoints in ${auditDirectory} (1) verifies with its public key (checkpoint-signing-key.pub.pem): the key pair there is not the one they were signed with.`);
    }
    expect(existsSync(join(auditDirectory, 'restores.jsonl'))).toBe(false);
    expect(readFileSync(join(auditDirectory, 'checkpoints.jsonl'), 'utf8')).toBe(checkpoints);
    expect(await auditTrailEnd(dataDir)).toBe(last);
  });

  it('refuses a chain that is broken before its end, naming the event, and signs nothing', async () => {
    const dataDir = join(folder, 'data');
    const auditDirectory = join(dataDir, 'audit');
    const changed = (await restoredOlderRegister(dataDir)) - 1;
    const database = await openDatabase({ dataDir });
    try {
      await database.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`update audit_event set canonical = replace(canonical, 'denied', 'success') where seq = ${changed}`.execute(trx);
      });
    } finally {
      await database.close();
    }

    const { code, output } = await runCli(dataDir, ['audit', 'record-restore', '--operator', 'J. Beheerder']);
    expect(code).toBe(1);
    expect(output).toContain(`Audit trail BROKEN at event #${changed}: its hash does not match its text. A restore loses events at the end`);
    expect(existsSync(join(auditDirectory, 'restores.jsonl'))).toBe(false);
  });
});
