/**
 * A backup while the server runs. The server holds the data directory's lock, so no other process may
 * open the embedded database; the backup is taken by the server itself, between two queries, when asked.
 * The request is a file in the data directory (only its owner can write there) naming the backup file and
 * the asker, and SIGUSR2 to the process whose id the server wrote beside it; the server answers in a file
 * of the asker's own. Either side may end abruptly (kill -9): a request whose asker ended is replaced by
 * the next one, and an asker whose server ended says so at once.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseHandle } from '../db/connection.ts';
import { holdsDataDirLock } from '../db/data-dir-lock.ts';
import { BackupRefusedError, partialBackupFile, writeBackup } from './backup-file.ts';

const PID_FILE = 'server.pid';
const REQUEST_FILE = 'backup-request.json';
const SIGNAL = 'SIGUSR2';

interface Request {
  file: string;
  /** The process that asked, and waits for the answer. */
  asker: number;
}

interface Answer {
  lastAuditSeq?: number;
  error?: string;
}

const answerFile = (dataDir: string, asker: number) => join(dataDir, `backup-answer-${asker}.json`);

/** Makes the running server take a backup when asked; returns what stops listening. */
export async function answerBackupRequests(dataDir: string, handle: DatabaseHandle, auditDirectory: string): Promise<() => Promise<void>> {
  let working: Promise<void> = Promise.resolve();
  const answer = async () => {
    const request = await readRequest(dataDir);
    if (!request) return;
    // Taken before the backup is made: the next asker may place its request meanwhile.
    await rm(join(dataDir, REQUEST_FILE), { force: true });
    const result: Answer = await writeBackup(handle, auditDirectory, request.file).then(
      ({ lastAuditSeq }) => ({ lastAuditSeq }),
      (error: Error) => ({ error: error.message }),
    );
    // Written aside and renamed, so that the asker never reads half an answer.
    const path = answerFile(dataDir, request.asker);
    await writeFile(`${path}.tmp`, JSON.stringify(result), { mode: 0o600 });
    await rename(`${path}.tmp`, path);
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
  const server = Number((await readFile(join(dataDir, PID_FILE), 'utf8').catch(() => '')).trim());
  if (!Number.isSafeInteger(server) || server <= 0) throw new BackupRefusedError(`The server using ${dataDir} does not take backups on request (no ${PID_FILE}); stop it and run backup again.`);
  await rm(answerFile(dataDir, process.pid), { force: true });
  await placeRequest(dataDir, file);
  try {
    signalServer(dataDir, server);
    return await awaitAnswer(dataDir, server, file, timeoutMs);
  } finally {
    await withdrawRequest(dataDir);
  }
}

/** Places this process's request, replacing one whose asker ended before the server took it. */
async function placeRequest(dataDir: string, file: string): Promise<void> {
  const path = join(dataDir, REQUEST_FILE);
  const place = () => writeFile(path, JSON.stringify({ file, asker: process.pid } satisfies Request), { mode: 0o600, flag: 'wx' });
  const anotherBackup = () => new BackupRefusedError(`Another backup is being taken (${path}); wait for it.`);
  try {
    await place();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const left = await readRequest(dataDir);
    if (left && isRunning(left.asker)) throw anotherBackup();
    await rm(path, { force: true });
    await place().catch(() => Promise.reject(anotherBackup()));
  }
}

/** Removes this process's request if the server has not taken it (it stopped, or did not answer in time). */
async function withdrawRequest(dataDir: string): Promise<void> {
  if ((await readRequest(dataDir))?.asker === process.pid) await rm(join(dataDir, REQUEST_FILE), { force: true });
}

async function readRequest(dataDir: string): Promise<Request | undefined> {
  try {
    const request = JSON.parse(await readFile(join(dataDir, REQUEST_FILE), 'utf8')) as Partial<Request>;
    return typeof request.file === 'string' && Number.isSafeInteger(request.asker) ? (request as Request) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Signals the server, only when it is still the process that holds the data directory's lock: a server
 * killed with -9 leaves its id behind, and the system may have given that id to any other process since.
 */
function signalServer(dataDir: string, server: number): void {
  const notRunning = (why: string) =>
    new BackupRefusedError(
      `No server runs as process ${server} (${PID_FILE} is left from one that stopped${why}), yet another process uses the data directory: let it end, then run backup again.`,
    );
  if (holdsDataDirLock(dataDir, server) === false) {
    throw notRunning(isRunning(server) ? `; process ${server} is now another one, which does not hold the data directory's lock and was not signalled` : '');
  }
  try {
    process.kill(server, SIGNAL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    throw notRunning('');
  }
}

async function awaitAnswer(dataDir: string, server: number, file: string, timeoutMs: number): Promise<number> {
  const path = answerFile(dataDir, process.pid);
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(200)) {
    // Whether it runs is asked first: a server that answered and then stopped has answered.
    const serverRuns = holdsDataDirLock(dataDir, server) ?? isRunning(server);
    if (existsSync(path)) return takeAnswer(path);
    if (!serverRuns) await refuseStoppedServer(server, file);
  }
  throw new BackupRefusedError(`The server (process ${server}) did not answer the backup request in time.`);
}

async function takeAnswer(path: string): Promise<number> {
  const answer = JSON.parse(await readFile(path, 'utf8')) as Answer;
  await rm(path, { force: true });
  if (answer.error !== undefined) throw new BackupRefusedError(answer.error);
  return answer.lastAuditSeq ?? 0;
}

async function refuseStoppedServer(server: number, file: string): Promise<never> {
  await rm(partialBackupFile(file, server), { force: true });
  const written = existsSync(file) ? `${file} was written, but not confirmed: restore it elsewhere to check it` : 'no backup was written';
  throw new BackupRefusedError(`The server (process ${server}) stopped before it answered the backup request: ${written}. Start it and run backup again.`);
}

/** Whether a process with this id runs (one of another user counts: it cannot be signalled, but it runs). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
