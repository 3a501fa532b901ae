import { resolve } from 'node:path';
import { Command } from 'commander';
import { AuditChainBehindError } from '../audit/checkpoints.ts';
import { auditDirectoryFromEnvironment } from '../audit/config.ts';
import { BackupRefusedError, restoreBackup, writeBackup, type SignatureCheck } from '../backup/backup-file.ts';
import { requestBackup } from '../backup/online-backup.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { databaseConfigFromEnvironment } from '../config.ts';
import type { StartRefusedError } from '../start-refused.ts';
import { publicKeyFile } from './audit-commands.ts';
import { CommandError } from './command-error.ts';
import { withDatabase } from './database.ts';

const POSTGRES_BACKUP =
  'With DATABASE_URL the register is in PostgreSQL: copy the audit directory (AUDIT_DIR) first, then back the database up ' +
  'with pg_dump (or pg_basebackup); see README, "Backup and restore".';

/** `backup FILE` and `restore FILE` of the embedded database and the audit directory. */
export function backupCommands(): Command[] {
  const backup = new Command('backup')
    .argument('<file>', 'the backup file to write (it must not exist)')
    .description(
      'write a consistent backup of the embedded database and the audit directory, without the TOTP key and the checkpoints\' private key, signed with that key, to one file (mode 0600)',
    )
    .action(async (file: string) => {
      const { dataDir, databaseUrl } = databaseConfigFromEnvironment();
      if (databaseUrl || !dataDir) throw new CommandError(POSTGRES_BACKUP);
      const target = resolve(file);
      const lastAuditSeq = await withDatabase(async (handle) => (await writeBackup(handle, auditDirectoryFromEnvironment(), target)).lastAuditSeq, { migrate: false })
        // A running server holds the data directory: it takes the backup itself.
        .catch((error: unknown) => (error instanceof DataDirLockedError ? requestBackup(dataDir, target) : Promise.reject(error)))
        .catch(refused);
      console.log(
        `Backup written to ${target}: the database with its audit trail up to event #${lastAuditSeq}, and the audit directory but the TOTP key and the checkpoints' private key (keep those apart), signed with that private key.`,
      );
    });

  const restore = new Command('restore')
    .argument('<file>', 'a backup written by `backup`')
    .description('restore a signed backup into an empty DATA_DIR (and its audit files into AUDIT_DIR unless that holds checkpoints already)')
    .option('--public-key <file>', 'the PEM public key of the checkpoints, kept apart, to check the signature with (default: the one in AUDIT_DIR, else the backup\'s own)')
    .option('--unsigned', 'restore a backup made before backups were signed, whose content cannot be checked')
    .action(async (file: string, options: { publicKey?: string; unsigned?: boolean }) => {
      const { dataDir, databaseUrl } = databaseConfigFromEnvironment();
      if (databaseUrl || !dataDir) throw new CommandError(POSTGRES_BACKUP);
      const auditDirectory = auditDirectoryFromEnvironment();
      const publicKey = options.publicKey === undefined ? undefined : await publicKeyFile(options.publicKey);
      const summary = await restoreBackup(resolve(file), dataDir, auditDirectory, { publicKey, acceptUnsigned: options.unsigned === true }).catch(refused);
      console.log(`Restored the backup of ${summary.createdAt} into ${dataDir}: audit trail up to event #${summary.lastAuditSeq}.`);
      console.log(describeSignatureCheck(summary.signatureCheck, auditDirectory));
      console.log(
        summary.auditRestored
          ? `The audit directory ${auditDirectory} was restored from the backup: its checkpoints end where the backup does, so they cannot show that the register had gone further. ` +
              'If the audit directory the register used (a separate AUDIT_DIR) survives, empty DATA_DIR and restore again with AUDIT_DIR set to it.'
          : describeKeptAuditDirectory(auditDirectory, summary.startRefused),
      );
      if (summary.signingKeyMissing) console.log(summary.signingKeyMissing);
      if (summary.totpSecretKeyMissing) console.log(summary.totpSecretKeyMissing);
    });

  return [backup, restore];
}

/** What the audit directory kept beside the restored database means for the server's start, which the restore judged as the start does. */
function describeKeptAuditDirectory(auditDirectory: string, startRefused: StartRefusedError | undefined): string {
  const kept = `The audit directory ${auditDirectory} holds the chain's records already and was kept`;
  if (startRefused === undefined) return `${kept}: its checkpoints go no further than this backup, so the server starts on it.`;
  const endsBefore = startRefused instanceof AuditChainBehindError ? startRefused.endsBefore : undefined;
  if (endsBefore === undefined) return `${kept}, and the server refuses to start on this backup beside it: ${startRefused.message}`;
  const { lastSeq, checkpoint } = endsBefore;
  return (
    `${kept}. Its checkpoints are newer than this backup: they cover the audit trail up to event #${checkpoint.seq} (signed ${checkpoint.at}), the backup only up to event #${lastSeq}, ` +
    'so the server refuses to start on it. Restore a newer backup if there is one; if this is the backup to go on with and the events after ' +
    `#${lastSeq} are lost for good, record that first, with the same DATA_DIR and AUDIT_DIR: npm run cli -- audit record-restore --operator NAME (README, "Backup and restore").`
  );
}

function describeSignatureCheck(check: SignatureCheck, auditDirectory: string): string {
  switch (check) {
    case 'givenKey':
      return 'Its signature was checked against the public key given: the database and the audit files are as the register signed them.';
    case 'auditDirectory':
      return `Its signature was checked against the checkpoint key in ${auditDirectory}: the database and the audit files are as the register signed them.`;
    case 'backupKey':
      return (
        'Its signature was checked only against the public key the backup carries itself: that shows the file is whole, not that the register made it, as whoever changes the file can ' +
        'replace that key too. Check it against a key kept apart with --public-key; the server does not start unless the private key put back is the one of that public key.'
      );
    case 'unsigned':
      return 'WARNING: the backup is not signed (an earlier format): nothing shows that its database and audit files are the ones backed up.';
    case 'signatureRemoved':
      return 'WARNING: the backup is of the signed format, but its signature was removed after it was made: nothing shows that its database and audit files are the ones backed up.';
  }
}

function refused(error: unknown): never {
  throw error instanceof BackupRefusedError ? new CommandError(error.message) : error;
}
