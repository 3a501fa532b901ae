/**
 * `npm run bench:backup [-- DELIVERIES]`: fills an embedded register (PGlite in a data directory) with
 * DELIVERIES synthetic deliveries (default 100,000) with their money and audit events, backs it up and
 * restores the backup into a new data directory, and prints the size of the data folder and of the
 * backup, the time and the process's peak memory (resident set) of each; then checks that the restored
 * register holds the same audit trail and the same figures.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { verifyAuditTrail } from '../src/audit/verify.ts';
import { restoreBackup, writeBackup } from '../src/backup/backup-file.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { figuresTable } from '../src/register/figures.ts';
import { generateRegister } from './generate-register.ts';
import { withPeakMemory } from './timing.ts';

const size = Number((process.argv[2] ?? '100000').replaceAll('_', ''));
if (!Number.isSafeInteger(size) || size < 1) throw new Error(`not a whole number of deliveries: ${process.argv[2]} (usage: npm run bench:backup -- 100000)`);

const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en')} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const figuresOf = async (handle: DatabaseHandle) => JSON.stringify(await figuresTable(handle.db, '2025-09-10', '2024-09-10'), (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));

const folder = await mkdtemp(join(tmpdir(), 'steunregister-bench-backup-'));
try {
  const dataDir = join(folder, 'register');
  const original = await openDatabase({ dataDir });
  await migrate(original);
  process.stderr.write(`Generating an embedded register of ${size.toLocaleString('en')} deliveries…\n`);
  await generateRegister(original.db, size);
  const before = await figuresOf(original);
  const file = join(folder, 'register.backup');
  const backup = await withPeakMemory(() => writeBackup(original, join(dataDir, 'audit'), file));
  await original.close();
  const dataFolder = Number(execFileSync('du', ['-sb', join(dataDir, 'pgdata')], { encoding: 'utf8' }).split('\t')[0]);
  const restoredDir = join(folder, 'restored');
  const restore = await withPeakMemory(() => restoreBackup(file, restoredDir, join(restoredDir, 'audit')));
  const restored = await openDatabase({ dataDir: restoredDir });
  try {
    const verification = await verifyAuditTrail(restored.db);
    if (!verification.ok || verification.lastSeq !== backup.value.lastAuditSeq) throw new Error(`the restored audit trail does not verify: ${JSON.stringify(verification)}`);
    if ((await figuresOf(restored)) !== before) throw new Error('the restored register gives other figures');
  } finally {
    await restored.close();
  }
  console.log(`Backup of an embedded register of ${size.toLocaleString('en')} deliveries (${backup.value.lastAuditSeq.toLocaleString('en')} audit events), ${new Date().toISOString()}`);
  console.log(`data folder ${megabytes(dataFolder)}; backup ${megabytes((await stat(file)).size)} in ${seconds(backup.ms)} (peak ${megabytes(backup.peakMb * 2 ** 20)}); restored in ${seconds(restore.ms)} (peak ${megabytes(restore.peakMb * 2 ** 20)}); the audit trail verifies and the figures are the same`);
} finally {
  await rm(folder, { recursive: true, force: true });
}
