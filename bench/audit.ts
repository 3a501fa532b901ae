/**
 * `npm run bench:audit [-- EVENTS [WRITES]]`: audited register writes per second on PGlite and
 * PostgreSQL (a delivery and its audit event committed together, from 1, 8 and 32 clients at once, where
 * creates at the same moment share a statement: src/db/repositories/delivery-creates.ts) with their median
 * and p95 latency, beside plain single-row INSERTs into the same table as the peer in the
 * same run; and the time to verify an audit chain of 1,000,000 events (or EVENTS; WRITES writes,
 * default 2,000), checked as the register does it beside all in the thread that reads the chain.
 * `npm run bench:audit -- 10000 200` is a quick run. PostgreSQL as in run.ts. */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openCheckpointStore, writeCheckpoint } from '../src/audit/checkpoints.ts';
import { systemContext } from '../src/audit/trail.ts';
import { defaultWorkerThreads } from '../src/audit/segment-checkers.ts';
import { verifyAuditTrail, type VerificationOptions, type VerificationResult } from '../src/audit/verify.ts';
import type { DatabaseHandle } from '../src/db/connection.ts';
import type { Database } from '../src/db/schema.ts';
import { unsetDeliveryFields, type DeliveryInput } from '../src/domain/delivery.ts';
import { createDelivery } from '../src/register/deliveries.ts';
import { insertingDelivery, newStoredDelivery } from '../src/db/repositories/deliveries.ts';
import { extendAuditChain } from './audit-chain.ts';
import { benchmarkDatabases, serverVersion, type BenchmarkDatabase } from './databases.ts';
import { timed, timingOf, withPeakMemory, type Timing } from './timing.ts';

const DEFAULT_EVENTS = 1_000_000;
const DEFAULT_WRITES = 2_000;
/** Clients writing at once (PostgreSQL's pool has 10 connections; PGlite, one connection, takes them in turn). */
const CLIENTS = [1, 8, 32];

const context = systemContext('benchmark');

function parseCount(arg: string | undefined, fallback: number): number {
  if (arg === undefined) return fallback;
  const count = Number(arg.replaceAll('_', ''));
  if (!Number.isSafeInteger(count) || count < 2) throw new Error(`not a whole number of at least 2: ${arg} (usage: npm run bench:audit -- 1000000 2000)`);
  return count;
}

const input = (number: number): DeliveryInput => ({
  ...unsetDeliveryFields(),
  title: `Verkenningsdrones, partij ${number}`,
  category: 'drones',
  quantity: 100,
  unit: 'stuks',
  supportType: 'stock',
  fundingSource: 'ukraineSupportBudget',
  pledgedAt: '2025-03-01',
});

interface WriteRate {
  perSecond: number;
  timing: Timing;
}

/** `writes` writes from `clients` clients, each writing one after the other: per second, and each write's latency. */
async function writesPerSecond(writes: number, clients: number, write: (number: number) => Promise<unknown>): Promise<WriteRate> {
  let next = 0;
  const latencies: number[] = [];
  const client = async () => {
    while (next < writes) latencies.push((await timed(() => write(next++))).ms);
  };
  const { ms } = await timed(() => Promise.all(Array.from({ length: clients }, client)));
  return { perSecond: writes / (ms / 1000), timing: timingOf(latencies) };
}

/** What is measured: the register's audited create, and as its peer a plain single-row INSERT into the same table. */
const WRITES: { name: string; write: (db: Kysely<Database>, number: number) => Promise<unknown> }[] = [
  { name: 'delivery create + its event (use case)', write: (db, number) => createDelivery(db, context, input(number)) },
  { name: 'plain single-row INSERT (peer)', write: (db, number) => insertingDelivery(db, newStoredDelivery(randomUUID(), { ...input(number), isDemonstration: false }, new Date())).execute() },
];

/** Fills an empty register's audit trail with a chain of `size` events: one real delivery create, then copies of its event. */
async function generateChain(db: Kysely<Database>, size: number): Promise<void> {
  await createDelivery(db, context, input(0));
  await extendAuditChain(db, size);
}

/** Verifications of the same chain one after the other: the first in a process not yet warmed up. */
const VERIFICATIONS = 3;

/** How the chain is checked: as the register does (in worker threads after its first events), and as its peer all in the thread that reads it. */
const CHECKED_WHERE: { name: string; options: VerificationOptions }[] = [
  { name: `in ${defaultWorkerThreads()} worker thread(s) after the first 50,000 events`, options: {} },
  { name: 'in the thread that reads the chain (peer)', options: { workerThreads: 0 } },
];

interface TimedVerification {
  where: string;
  ms: number;
  result: VerificationResult;
  rssBefore: number;
  peakMb: number;
  load: number;
}

/** Verifies the whole chain (and one checkpoint at its end) VERIFICATIONS times each way in turn, sampling the process's memory. */
async function timeVerifications(db: Kysely<Database>): Promise<TimedVerification[]> {
  const directory = await mkdtemp(join(tmpdir(), 'steunregister-bench-audit-'));
  try {
    await writeCheckpoint(db, await openCheckpointStore(directory), new Date());
    const verifications: TimedVerification[] = [];
    for (let run = 0; run < VERIFICATIONS; run++) {
      for (const { name, options } of CHECKED_WHERE) {
        const rssBefore = process.memoryUsage.rss();
        const load = loadavg()[0]!;
        const { value: result, ms, peakMb } = await withPeakMemory(() => verifyAuditTrail(db, { checkpointDirectory: directory, ...options }));
        verifications.push({ where: `${name}, ${run === 0 ? 'first' : `again (${run + 1} of ${VERIFICATIONS})`}`, ms, result, rssBefore, peakMb, load });
      }
    }
    return verifications;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function withFreshDatabase<T>(database: BenchmarkDatabase, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const opened = await database.open();
  try {
    return await work(opened.handle);
  } finally {
    await opened.dispose();
  }
}

async function benchmark(database: BenchmarkDatabase, events: number, writes: number): Promise<void> {
  const writeRows: string[][] = [];
  let version = '';
  for (const clients of CLIENTS) {
    for (const { name, write } of WRITES) {
      process.stderr.write(`${database.name}: ${count(writes)} × ${name} from ${clients} client(s)…\n`);
      const rate = await withFreshDatabase(database, async (handle) => {
        version = await serverVersion(handle);
        await writesPerSecond(Math.min(100, writes), clients, (number) => write(handle.db, number));
        return writesPerSecond(writes, clients, (number) => write(handle.db, number));
      });
      writeRows.push([name, String(clients), count(writes), count(Math.round(rate.perSecond)), rate.timing.medianMs.toFixed(1), rate.timing.p95Ms.toFixed(1)]);
    }
  }

  process.stderr.write(`${database.name}: generating a chain of ${count(events)} events…\n`);
  const verification = await withFreshDatabase(database, async (handle) => {
    const generation = await timed(() => generateChain(handle.db, events));
    process.stderr.write(`${database.name}: generated in ${seconds(generation.ms)}, verifying…\n`);
    const { rows } = await sql<{ size: string }>`select pg_size_pretty(pg_total_relation_size('audit_event')) as size`.execute(handle.db);
    const reading = handle.kind === 'postgres' ? 'read by one COPY in binary' : 'read by COPY in binary, 10,000 events a COPY';
    return { generationMs: generation.ms, tableSize: rows[0]!.size, reading, timings: await timeVerifications(handle.db) };
  });
  const wrong = verification.timings.find(({ result }) => !result.ok || result.eventsChecked !== events);
  if (wrong) throw new Error(`the generated chain did not verify: ${JSON.stringify(wrong.result)}`);

  console.log(`\n## ${database.name}, PostgreSQL ${version}\n`);
  console.log(table(['writes', 'clients', 'writes', 'writes/s', 'median ms', 'p95 ms'], writeRows));
  console.log(`\n${count(events)} events (table ${verification.tableSize}), generated set-based in ${seconds(verification.generationMs)}, ${verification.reading}:\n`);
  console.log(
    table(
      ['verification of the whole chain + 1 checkpoint', 'load', 'verify', 'events/s', 'µs/event', 'RSS before', 'peak RSS'],
      verification.timings.map(({ where, ms, result, rssBefore, peakMb, load }) => [
        where,
        load.toFixed(1),
        seconds(ms),
        count(Math.round(result.eventsChecked / (ms / 1000))),
        ((ms * 1000) / result.eventsChecked).toFixed(1),
        megabytes(rssBefore),
        `${count(peakMb)} MB`,
      ]),
    ),
  );
}

function table(header: string[], rows: string[][]): string {
  return [header, header.map((_, index) => (index === 0 ? '---' : '---:')), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function megabytes(bytes: number): string {
  return `${count(Math.round(bytes / 1024 / 1024))} MB`;
}

const events = parseCount(process.argv[2], DEFAULT_EVENTS);
const writes = parseCount(process.argv[3], DEFAULT_WRITES);
console.log(
  `Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} cores ` +
    `(load average ${loadavg()[0]!.toFixed(1)} at start); writes timed after ${count(Math.min(100, writes))} unmeasured ones; ` +
    'verification streams the chain and checks one signed checkpoint at its end',
);
// PostgreSQL first: PGlite's memory stays with the process after it closes and would cloud the RSS figures.
for (const database of (await benchmarkDatabases()).toReversed()) {
  if ('skipReason' in database) console.log(`\n## ${database.name}: skipped, ${database.skipReason}`);
  else await benchmark(database, events, writes);
}
