/**
 * A database restored from an older backup ends before the audit trail's last signed checkpoint; if the
 * server appended to it, the chain would fork and never verify again. The server refuses to start, and a
 * migration that would record its changes in the chain is not applied.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditChainBehindError,
  CheckpointKeyError,
  openCheckpointStore,
  refuseChainBehindCheckpoints,
  signCheckpoint,
  UnverifiedCheckpointError,
  writeCheckpoint,
} from '../../src/audit/checkpoints.ts';
import { recordAuditEvent, systemContext } from '../../src/audit/trail.ts';
import { migrateOnSignedChain } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { lastAuditEvent } from '../../src/db/repositories/audit.ts';
import { startServer } from '../../src/server.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { pgliteTemplate } from '../support/scratch-database.ts';
import { undoMigration043 } from '../support/undo-migration-043.ts';

const record = (db: Parameters<typeof recordAuditEvent>[0]) => recordAuditEvent(db, systemContext('test'), { action: 'session.login', result: 'denied' });

function temporaryFolder() {
  let folder = '';
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'steunregister-restore-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  return () => folder;
}

function temporaryAuditDirectory() {
  const folder = temporaryFolder();
  return () => join(folder(), 'audit');
}

describeEachDatabase('the start on a database older than its checkpoints', (database) => {
  const directory = temporaryAuditDirectory();

  it('starts when the chain reaches the last checkpoint, and refuses when it ends before it or differs at it', async () => {
    const { db } = database();
    const store = await openCheckpointStore(directory());
    await record(db);
    await writeCheckpoint(db, store, new Date());
    await refuseChainBehindCheckpoints(db, directory());

    const last = (await lastAuditEvent(db))!;
    // What the newer database had signed before this one was put back in its place.
    const ahead = signCheckpoint({ seq: last.seq + 3, hash: 'a'.repeat(64) }, new Date('2025-09-10T08:00:00Z'), store.privateKey);
    appendFileSync(join(directory(), 'checkpoints.jsonl'), `${JSON.stringify(ahead)}\n`);
    const refusal = refuseChainBehindCheckpoints(db, directory());
    await expect(refusal).rejects.toThrow(AuditChainBehindError);
    await expect(refuseChainBehindCheckpoints(db, directory())).rejects.toThrow(
      `ends at event #${last.seq}, but the checkpoint of 2025-09-10T08:00:00.000Z in ${directory()} covers it up to event #${last.seq + 3}`,
    );

    // A restored database that was written to since has an event at the checkpoint's place, but another one.
    await record(db);
    await record(db);
    await record(db);
    await expect(refuseChainBehindCheckpoints(db, directory())).rejects.toThrow(`event #${last.seq + 3} is not the one signed in the checkpoint of 2025-09-10T08:00:00.000Z`);
  });

  it('refuses also when the public key file is gone, checking with the private key beside it; and without either key', async () => {
    const { db } = database();
    const store = await openCheckpointStore(directory());
    await record(db);
    const last = (await lastAuditEvent(db))!;
    const ahead = signCheckpoint({ seq: last.seq + 3, hash: 'a'.repeat(64) }, new Date('2025-09-10T08:00:00Z'), store.privateKey);
    appendFileSync(join(directory(), 'checkpoints.jsonl'), `${JSON.stringify(ahead)}\n`);

    rmSync(join(directory(), 'checkpoint-signing-key.pub.pem'));
    await expect(refuseChainBehindCheckpoints(db, directory())).rejects.toThrow(AuditChainBehindError);
    // A new key pair would leave every checkpoint unverifiable: the kept one must be put back.
    rmSync(join(directory(), 'checkpoint-signing-key.pem'));
    await expect(refuseChainBehindCheckpoints(db, directory())).rejects.toThrow(
      new CheckpointKeyError(`${directory()} holds signed checkpoints but not the key they are signed with (checkpoint-signing-key.pem): put the kept key pair back; a new one would leave every checkpoint unverifiable.`),
    );
  });

  it('applies no migration whose changes would append events to a chain behind its checkpoints', async () => {
    const { db } = database();
    const store = await openCheckpointStore(directory());
    await record(db);
    const last = (await lastAuditEvent(db))!;
    appendFileSync(join(directory(), 'checkpoints.jsonl'), `${JSON.stringify(signCheckpoint({ seq: last.seq + 3, hash: 'a'.repeat(64) }, new Date(), store.privateKey))}\n`);
    // Before migration 043, with two contracts of a company it would number.
    await undoMigration043(db);
    const company = await db.insertInto('company').values({ id: randomUUID(), name: 'Werf B.V.', country: 'NL', registrationNumber: null, isDemonstration: false, createdAt: '2025-01-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
    const contract = (reference: string) => ({ id: randomUUID(), companyId: company.id, reference, subject: 'Drones', amountCents: 100, signedOn: '2025-01-01', isDemonstration: false, createdAt: '2025-01-01T00:00:00Z' });
    await db.insertInto('industryContract').values([contract('G2B-1'), contract('g2b-1')]).execute();

    await expect(migrateOnSignedChain(database(), directory())).rejects.toThrow(AuditChainBehindError);
    expect((await sql`select from schema_migration where name = '043_references_unique_whatever_their_case.sql'`.execute(db)).rows).toEqual([]);
    expect(await lastAuditEvent(db)).toEqual(last);
  });
});

describe('the server on a restored backup', () => {
  const folder = temporaryFolder();
  const directory = () => join(folder(), 'audit');

  it('refuses to start, appends nothing and says what to do', async () => {
    const template = await pgliteTemplate();
    const options = { port: 0, demonstrationData: false, auditCheckpoints: { directory: directory(), intervalMs: 60_000 } };
    const first = await startServer({ ...options, database: { template } });
    await record(first.database.db);
    await first.close();
    const checkpoints = readFileSync(join(directory(), 'checkpoints.jsonl'), 'utf8');

    // The template is the backup: older than everything the first server recorded.
    await expect(startServer({ ...options, database: { template } })).rejects.toThrow(/restored from an older backup\?.*Restore the newest backup/s);
    expect(readFileSync(join(directory(), 'checkpoints.jsonl'), 'utf8')).toBe(checkpoints);
  });

  it('refuses to start as well when the newer checkpoints no longer verify, their signatures changed or another key pair put in place, and says what to do', async () => {
    const options = { port: 0, demonstrationData: false, auditCheckpoints: { directory: directory(), intervalMs: 60_000 } };
    const dataDir = join(folder(), 'data');
    const backup = join(folder(), 'backup');
    const first = await startServer({ ...options, database: { dataDir, template: await pgliteTemplate() } });
    await record(first.database.db);
    await first.close();
    cpSync(dataDir, backup, { recursive: true });
    const second = await startServer({ ...options, database: { dataDir } });
    await record(second.database.db);
    await record(second.database.db);
    await second.close();
    const backupEnd = await chainEnd(backup);
    const checkpointsFile = join(directory(), 'checkpoints.jsonl');
    const checkpoints = readFileSync(checkpointsFile, 'utf8');
    await expect(startServer({ ...options, database: { dataDir: backup } })).rejects.toThrow(AuditChainBehindError);

    // Whoever may write the audit directory, without the key, changes a signature of each checkpoint the backup does not reach.
    const lines = checkpoints.trimEnd().split('\n').map((line) => JSON.parse(line) as { seq: number; at: string; signature: string });
    const changed = lines.map((line) => (line.seq > backupEnd ? { ...line, signature: `${line.signature[0] === 'A' ? 'B' : 'A'}${line.signature.slice(1)}` } : line));
    writeFileSync(checkpointsFile, changed.map((line) => `${JSON.stringify(line)}\n`).join(''));
    const firstChanged = changed.findIndex((line) => line.seq > backupEnd);
    await expect(startServer({ ...options, database: { dataDir: backup } })).rejects.toThrow(
      new UnverifiedCheckpointError(
        `Line ${firstChanged + 1} of checkpoints.jsonl in ${directory()}, the checkpoint of event #${changed[firstChanged]!.seq} of ${changed[firstChanged]!.at}, ` +
          `does not carry a valid signature (${changed.filter((line) => line.seq > backupEnd).length} of its ${changed.length} checkpoints do not): it was changed after it was signed. ` +
          'The checkpoints are what the audit trail is checked against: put back checkpoints.jsonl as it was signed, from a copy of the audit directory, and find out who changed it.',
      ),
    );

    // Or puts another key pair in place, which verifies none of them.
    writeFileSync(checkpointsFile, checkpoints);
    const pair = generateKeyPairSync('ed25519');
    writeFileSync(join(directory(), 'checkpoint-signing-key.pem'), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(directory(), 'checkpoint-signing-key.pub.pem'), pair.publicKey.export({ type: 'spki', format: 'pem' }));
    await expect(startServer({ ...options, database: { dataDir: backup } })).rejects.toThrow(
      new CheckpointKeyError(
        `None of the checkpoints in ${directory()} (${lines.length}) verifies with its public key (checkpoint-signing-key.pub.pem): the key pair there is not the one they were signed with. ` +
          'Put the kept key pair back; with another one the checkpoints no longer bind the audit trail.',
      ),
    );
    expect(readFileSync(checkpointsFile, 'utf8')).toBe(checkpoints);
    expect(await chainEnd(backup)).toBe(backupEnd);
  });
});

async function chainEnd(dataDir: string): Promise<number> {
  const database = await openDatabase({ dataDir });
  try {
    return (await lastAuditEvent(database.db))?.seq ?? 0;
  } finally {
    await database.close();
  }
}
