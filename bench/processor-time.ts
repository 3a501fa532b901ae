/**
 * The processor time (user and system) the server and PostgreSQL spent while a load ran, read from /proc:
 * per request it shows which of them bounds a rate, where latencies alone do not. PostgreSQL's processes are
 * those named `postgres` on this machine (none where it runs on another, and then its share is not known).
 * A process that began during the load counts whole; one that ended during it is left out.
 */
import { readdir, readFile } from 'node:fs/promises';

/** Linux counts processor time in clock ticks of a hundredth of a second (USER_HZ). */
const MS_PER_TICK = 10;

interface Sample {
  server: number;
  postgres: Map<number, number>;
}

/** A process's name and its user and system time in ticks, from /proc/PID/stat; undefined once it has ended. */
async function processTicks(pid: number): Promise<{ name: string; ticks: number } | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return undefined;
  // The name is in parentheses and may hold spaces; the fields after it start with the state (field 3).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ticks: Number(fields[11]) + Number(fields[12]) };
}

async function sample(serverPid: number): Promise<Sample> {
  const postgres = new Map<number, number>();
  let server = 0;
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const process = await processTicks(pid);
    if (process === undefined) continue;
    if (pid === serverPid) server = process.ticks;
    else if (process.name === 'postgres') postgres.set(pid, process.ticks);
  }
  return { server, postgres };
}

export interface ProcessorTime<T> {
  value: T;
  serverMs: number;
  postgresMs: number;
}

export async function processorTimeDuring<T>(serverPid: number, task: () => Promise<T>): Promise<ProcessorTime<T>> {
  const before = await sample(serverPid);
  const value = await task();
  const after = await sample(serverPid);
  let postgresTicks = 0;
  for (const [pid, ticks] of after.postgres) postgresTicks += ticks - (before.postgres.get(pid) ?? 0);
  return { value, serverMs: (after.server - before.server) * MS_PER_TICK, postgresMs: postgresTicks * MS_PER_TICK };
}
