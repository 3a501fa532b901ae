/**
 * `audit record-restore` signs that the chain was restored to its last event: a restore loses events at
 * the end, it never changes the ones it kept. A chain broken before its end is refused, and nothing is signed.
 */
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCheckpointStore, signCheckpoint } from '../../src/audit/checkpoints.ts';
import { recordAuditEvent, systemContext } from '../../src/audit/trail.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { lastAuditEvent } from '../../src/db/repositories/audit.ts';
import { runCli } from '../support/cli.ts';
import { pgliteTemplate } from '../support/scratch-database.ts';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'steunregister-record-restore-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('audit record-restore', () => {
  it('refuses a chain that is broken before its end, naming the event, and signs nothing', async () => {
    const dataDir = join(folder, 'data');
    const auditDirectory = join(dataDir, 'audit');
    const database = await openDatabase({ dataDir, template: await pgliteTemplate() });
    let changed = 0;
    try {
      for (let count = 0; count < 3; count++) await recordAuditEvent(database.db, systemContext('test'), { action: 'session.login', result: 'denied' });
      const last = (await lastAuditEvent(database.db))!;
      // The register had gone further before this older copy was put back.
      const store = await openCheckpointStore(auditDirectory);
      const ahead = signCheckpoint({ seq: last.seq + 5, hash: 'a'.repeat(64) }, new Date(), store.privateKey);
      appendFileSync(join(auditDirectory, 'checkpoints.jsonl'), `${JSON.stringify(ahead)}\n`);
      changed = last.seq - 1;
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
