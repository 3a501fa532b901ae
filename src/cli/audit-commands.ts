import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { isBlank, textFault } from '../../common/text.ts';
import type { Kysely } from 'kysely';
import { bindingAnchors, openCheckpointStore, publicKeyFromPem, writeCheckpoint } from '../audit/checkpoints.ts';
import { recordRestore, RestoreNotRecordableError, type RestoreRecord } from '../audit/restores.ts';
import { auditDirectoryFromEnvironment } from '../audit/config.ts';
import { verifyAuditTrail, type VerificationResult } from '../audit/verify.ts';
import type { Database } from '../db/schema.ts';
import { CommandError } from './command-error.ts';
import { counted } from './counted.ts';
import { withDatabase } from './database.ts';

/** As long as any name the register keeps: the record is signed and read by people, not a place for text. */
const MAXIMUM_OPERATOR_LENGTH = 200;

/** `audit verify` and `audit checkpoint`: the auditor's check of the trail, and a checkpoint on demand. */
export function auditCommands(): Command {
  const audit = new Command('audit')
    .description('verify the audit trail and sign checkpoints of it')
    .addHelpText('after', '\nThe signed checkpoints and their key are in AUDIT_DIR (default: DATA_DIR/audit, ./data/audit).');

  audit
    .command('verify')
    .description('check every event of the audit trail, its links and the signed checkpoints; exits with 1 when the trail is broken')
    .option('--public-key <file>', 'the PEM public key the checkpoints must be signed with (default: the one in AUDIT_DIR)')
    .action(async (options: { publicKey?: string }) => {
      const directory = auditDirectoryFromEnvironment();
      const publicKey = options.publicKey === undefined ? undefined : await publicKeyFile(options.publicKey);
      const result = await withDatabase((handle) => verifyAuditTrail(handle.db, { checkpointDirectory: directory, publicKey }), { migrate: false });
      console.log(describeVerification(result));
      if (result.ok && result.checkpointsChecked === 0 && result.eventsChecked > 0) {
        console.log(`No signed checkpoints in ${directory}: a chain rewritten as a whole would go unnoticed.`);
      }
      if (!result.ok) process.exitCode = 1;
    });

  audit
    .command('checkpoint')
    .description('sign a checkpoint of the audit trail now, when it grew since the last one')
    .action(async () => {
      const directory = auditDirectoryFromEnvironment();
      // A chain behind its checkpoints is signed only once a restore is recorded: withDatabase refuses it and says how.
      // The store (and a first signing key) is opened only for a register that is there.
      const checkpoint = await withDatabase(async (handle) => {
        const store = await openCheckpointStore(directory).catch((error: Error) => {
          throw new CommandError(`cannot sign checkpoints in ${directory}: ${error.message}`);
        });
        return writeCheckpoint(handle.db, store, new Date(), () => handle.makeDurable());
      });
      console.log(
        checkpoint
          ? `Checkpoint signed in ${directory}: event #${checkpoint.seq}, hash ${checkpoint.hash}`
          : 'No checkpoint needed: no events since the last one.',
      );
    });

  audit
    .command('record-restore')
    .description('after restoring an older backup: sign the record that the audit trail was restored to its last event and the events after it are lost')
    .requiredOption('--operator <name>', 'who restored the backup and records it')
    .action(async (options: { operator: string }) => {
      const operator = options.operator.trim();
      // The input rules of every name: a character that turns the reading direction would make the record read as another's.
      if (isBlank(operator) || textFault(operator) !== undefined || [...operator].length > MAXIMUM_OPERATOR_LENGTH) {
        throw new CommandError(`--operator must name the operator in at most ${MAXIMUM_OPERATOR_LENGTH} characters, on one line, without control or direction characters`);
      }
      const directory = auditDirectoryFromEnvironment();
      const store = await openCheckpointStore(directory).catch((error: Error) => {
        throw new CommandError(`cannot sign in ${directory}: ${error.message}`);
      });
      const record = await withDatabase(
        async (handle) => {
          await refuseBrokenChain(handle.db);
          return recordRestore(handle.db, store, await bindingAnchors(directory), operator, new Date());
        },
        { migrate: false },
      ).catch((error: unknown) => {
        throw error instanceof RestoreNotRecordableError ? new CommandError(error.message) : error;
      });
      console.log(
        `Recorded in ${directory}: ${describeRestore(record)}. The server starts again, and at its first start (or a command's that writes) appends an event naming this record to the audit trail; \`audit verify\` reports the restore.`,
      );
    });

  return audit;
}

/** Every event's hash and link, before a restore is signed: a restore loses events at the end, it never changes the ones it kept. */
async function refuseBrokenChain(db: Kysely<Database>): Promise<void> {
  const result = await verifyAuditTrail(db);
  if (!result.ok) {
    throw new CommandError(`${describeVerification(result)}. A restore loses events at the end, it does not change them: do not record this as a restore.`);
  }
}

function describeRestore(record: RestoreRecord): string {
  return `restored to event #${record.seq} on ${record.at} by ${record.operator}; events #${record.seq + 1} to #${record.lostUpTo} are lost`;
}

/** The public key of the checkpoints in a PEM file kept apart from the audit directory. */
export async function publicKeyFile(path: string): Promise<KeyObject> {
  try {
    return publicKeyFromPem(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CommandError(`cannot use ${path} as the public key of the checkpoints: ${(error as Error).message}`);
  }
}

function describeVerification(result: VerificationResult): string {
  const problem = result.firstProblem;
  if (problem) return `Audit trail BROKEN${problem.seq === null ? '' : ` at event #${problem.seq}`}: ${problem.reason}`;
  const restores = (result.restores ?? []).map((record) => `\nRecorded restore: ${describeRestore(record)}.`).join('');
  return `Audit trail intact: ${counted(result.eventsChecked, 'event')}, ${counted(result.checkpointsChecked, 'checkpoint')}, last #${result.lastSeq}${restores}`;
}
