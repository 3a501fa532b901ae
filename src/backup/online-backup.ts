/**
 * A backup while the server runs. The server holds the data directory's lock, so no other process may
 * open the embedded database; the backup is taken by the server itself, between two queries, when asked.
 * The request is a file in the data directory (only its owner can write there) naming the backup file,
 * and SIGUSR2 to the process whose id the server wrote beside it; the server answers in a second file.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseHandle } from '../db/connection.ts';
import { BackupRefusedError, writeBackup } from './backup-file.ts';

const PID_FILE = 'server.pid';
const REQUEST_FILE = 'backup-request.json';
const ANSWER_FILE = 'backup-answer.json';
const SIGNAL = 'SIGUSR2';

interface Answer {
  lastAuditSeq?: number;
  error?: string;
}

/** Makes the running server take a backup when asked; returns what stops listening. */
export async function answerBackupRequests(dataDir: string, handle: DatabaseHandle, auditDirectory: string): Promise<() => Promise<void>> {
  let working: Promise<void> = Promise.resolve();
  const answer = async () => {
    const { file } = JSON.parse(await readFile(join(dataDir, REQUEST_FILE), 'utf8')) as { file: string };
    const result: Answer = await writeBackup(handle, auditDirectory, file).then(
      ({ lastAuditSeq }) => ({ lastAuditSeq }),
      (error: Error) => ({ error: error.message }),
    );
    await rm(join(dataDir, REQUEST_FILE), { force: true });
    // Written aside and renamed, so that the asker never reads half an answer.
    await writeFile(join(dataDir, `${ANSWER_FILE}.tmp`), JSON.stringify(result), { mode: 0o600 });
    await rename(join(dataDir, `${ANSWER_FILE}.tmp`), join(dataDir, ANSWER_FILE));
  };
  const onSignal = () => {
    working = working.then(answer).catch(() => {});
  };
  await writeFile(join(dataDir, PID_FILE), `${process.pid}\n`, { mode: 0o600 });
  process.on(SIGNAL, onSignal);
  return async () => {
    process.off(SIGNAL, onSignal);
    await working;
    await rm(join(dataDir, PID_FILE), { force: true });
  };
}

/** Asks the server running on `dataDir` for a backup to `file` and waits for it; returns the last audit event it holds. */
export async function requestBackup(dataDir: string, file: string, timeoutMs = 600_000): Promise<number> {
  const pid = Number((await readFile(join(dataDir, PID_FILE), 'utf8').catch(() => '')).trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) throw new BackupRefusedError(`The server using ${dataDir} does not take backups on request (no ${PID_FILE}); stop it and run backup again.`);
  await rm(join(dataDir, ANSWER_FILE), { force: true });
  await writeFile(join(dataDir, REQUEST_FILE), JSON.stringify({ file }), { mode: 0o600, flag: 'wx' }).catch(() => {
    throw new BackupRefusedError(`Another backup is being taken (${join(dataDir, REQUEST_FILE)}); wait for it, or remove that file if none is.`);
  });
  process.kill(pid, SIGNAL);
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(200)) {
    if (!existsSync(join(dataDir, ANSWER_FILE))) continue;
    const answer = JSON.parse(await readFile(join(dataDir, ANSWER_FILE), 'utf8')) as Answer;
    await rm(join(dataDir, ANSWER_FILE), { force: true });
    if (answer.error !== undefined) throw new BackupRefusedError(answer.error);
    return answer.lastAuditSeq ?? 0;
  }
  await rm(join(dataDir, REQUEST_FILE), { force: true });
  throw new BackupRefusedError(`The server (process ${pid}) did not answer the backup request in time.`);
}
