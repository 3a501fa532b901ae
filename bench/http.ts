/**
 * `npm run bench:http [-- --deliveries 100000] [--seconds 5]`: the register's lists and figures over HTTP
 * on PostgreSQL, as a browser asks for them, at 1 and 32 connections (autocannon), each with the median
 * and p95 of its latencies and, as the peer in the same run, a request that only checks the session; the
 * server's memory (RSS) under that load; 8 readers of the whole public deliveries file at once; and audited
 * writes (POST /deliveries with an Idempotency-Key) at 1, 8 and 32 connections beside the session-only peer;
 * for each load, the processor time the server and PostgreSQL spent per request (bench/processor-time.ts).
 * The server runs as its own process (`serve`) on a register of synthetic deliveries (bench/generate-
 * register.ts), of which about 30% are in the public projection. PostgreSQL as in run.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { dropDatabase, freshDatabaseUrl, postgresServer, postgresSkipReason } from '../test/support/postgres.ts';
import { sessionCookieFor } from '../test/support/sessions.ts';
import { serverVersion } from './databases.ts';
import { generateRegister } from './generate-register.ts';
import { sizeLabel } from './report.ts';
import { SEARCHABLE_WORD } from './synthetic-delivery.ts';
import { processorTimeDuring, type ProcessorTime } from './processor-time.ts';
import { timed, timingOf, type Timing } from './timing.ts';

const CONNECTIONS = [1, 32];
const WRITE_CONNECTIONS = [1, 8, 32];
const PUBLIC_READERS = 8;
const API = '/api/v1';

const { values: options } = parseArgs({
  options: { deliveries: { type: 'string', default: '100000' }, seconds: { type: 'string', default: '5' } },
});
const deliveries = Number(options.deliveries.replaceAll('_', ''));
const seconds = Number(options.seconds);
if (!Number.isSafeInteger(deliveries) || deliveries < 1 || !(seconds > 0)) {
  throw new Error('usage: npm run bench:http -- --deliveries 100000 --seconds 5');
}

/** What the browser asks for; `deep` is filled in once the server runs (a cursor near the end of the list). */
function scenarios(deepCursor: string): { name: string; path: string }[] {
  return [
    { name: 'session only (peer)', path: `${API}/session` },
    { name: 'list: first page', path: `${API}/deliveries?sort=-realisedAt&pageSize=25` },
    { name: 'list: procurement, realised, by -valueCents', path: `${API}/deliveries?supportType=procurement&stage=realised&sort=-valueCents&pageSize=25` },
    { name: `list: q=${SEARCHABLE_WORD}`, path: `${API}/deliveries?q=${SEARCHABLE_WORD}&sort=-realisedAt&pageSize=25` },
    { name: 'list: page near the end (cursor)', path: `${API}/deliveries?sort=-realisedAt&pageSize=50&after=${deepCursor}` },
    { name: 'figures 2025-08-31 vs 2025-02-04', path: `${API}/figures?referenceDate=2025-08-31&compareDate=2025-02-04` },
  ];
}

/** The day by which the earliest 5% of the realised deliveries were realised. */
async function earlyRealisedDate(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ day: string }>`
    select realised_at::text as day from delivery where realised_at is not null
    order by realised_at offset (select count(*) / 20 from delivery where realised_at is not null) limit 1`.execute(db);
  if (!rows[0]) throw new Error('no realised deliveries for a page near the end of the list');
  return rows[0].day;
}

/** The server's resident memory, sampled while something runs; the largest sample in MB. */
async function peakRss<T>(pid: number, task: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peakKb = 0;
  const sample = async () => {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    peakKb = Math.max(peakKb, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
  };
  const sampler = setInterval(() => void sample(), 100);
  try {
    const value = await task();
    await sample();
    return { value, peakMb: peakKb / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

interface LoadResult {
  timing: Timing;
  requestsPerSecond: number;
  /** Responses received. */
  requests: number;
  failures: number;
}

/** A create sent as the browser sends it: JSON, with a new Idempotency-Key each time (so each is stored with its answer). */
const AUDITED_CREATE = {
  method: 'POST',
  body: JSON.stringify({ title: 'Verkenningsdrones (benchmark)', category: 'drones', supportType: 'stock', fundingSource: 'defenceBudget', quantity: 10, unit: 'stuks' }),
  headers: { 'content-type': 'application/json' },
  requests: [{ setupRequest: (request: { headers: Record<string, string> }) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() } }) }],
};

async function load(url: string, cookie: string, connections: number, write?: typeof AUDITED_CREATE): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const instance = autocannon({ url, connections, duration: seconds, ...write, headers: { cookie, ...write?.headers } });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (statusCode !== (write ? 201 : 200)) failures += 1;
  });
  const result = await instance;
  return { timing: timingOf(latencies), requestsPerSecond: result.requests.average, requests: latencies.length, failures: failures + result.errors + result.timeouts };
}

/** Readers of the whole public file at once: each one's time, the bytes each read and the rows. */
async function readPublicFile(base: string, format: 'json' | 'csv') {
  const read = async () => {
    const response = await fetch(`${base}${API}/public/deliveries?format=${format}`);
    const reader = response.body!.getReader();
    let bytes = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
    return { status: response.status, bytes };
  };
  return Promise.all(Array.from({ length: PUBLIC_READERS }, () => timed(read)));
}

/**
 * About 30% of the deliveries decided public and visible: what the public file reads (only the projection).
 * Chosen by the random end of their ids, as their start is the time they were made.
 */
async function fillPublicProjection(db: Kysely<Database>): Promise<number> {
  const result = await sql`
    insert into public_delivery (public_id, title, detail, category, support_type, quantity, decided_on, is_demonstration, visible_from)
    select gen_random_uuid(), title, 'Synthetisch: ' || category, category, support_type, quantity::text,
           coalesce(realised_at, date '2025-01-01'), false, timestamptz '2025-09-01'
    from delivery where right(id::text, 4) < '4ccc'`.execute(db);
  await sql`vacuum analyze public_delivery`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * How `npm start` runs the server (docs/performance.md says why): the environment it sets (the compile cache)
 * and the V8 flags it gives, so that the server is measured as it runs.
 */
async function startCommand(): Promise<{ environment: Record<string, string>; flags: string[] }> {
  const { scripts } = JSON.parse(await readFile('package.json', 'utf8')) as { scripts: { start: string } };
  const found = /&& ((?:\w+=\S+ )*)exec node (.*) src\/cli\/main\.ts serve$/.exec(scripts.start);
  if (!found) throw new Error('package.json: the start script no longer runs `node … src/cli/main.ts serve`');
  const environment = Object.fromEntries(found[1]!.trim().split(' ').filter(Boolean).map((assignment) => assignment.split('=') as [string, string]));
  return { environment, flags: found[2]!.split(' ') };
}

async function startServer(databaseUrl: string, dataDir: string): Promise<{ server: ChildProcess; base: string }> {
  const port = 39_500 + Math.floor(Math.random() * 400);
  const { environment, flags } = await startCommand();
  const server = spawn(process.execPath, [...flags, 'src/cli/main.ts', 'serve'], {
    env: { ...process.env, ...environment, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the server stopped (${code})`)));
    server.stdout!.on('data', (data: Buffer) => {
      if (data.toString().includes('runs at')) resolve();
    });
  });
  return { server, base: `http://127.0.0.1:${port}` };
}

const format = (ms: number) => ms.toFixed(ms < 10 ? 1 : 0);

/** The server's and PostgreSQL's processor time per request of a load, in ms: "server / PostgreSQL". */
const perRequest = ({ value, serverMs, postgresMs }: ProcessorTime<LoadResult>) =>
  `${(serverMs / value.requests).toFixed(2)} / ${(postgresMs / value.requests).toFixed(2)}`;

async function main(): Promise<void> {
  const skipReason = postgresSkipReason();
  const located = skipReason ? { skipReason } : await postgresServer();
  if ('skipReason' in located) {
    console.log(`PostgreSQL: skipped, ${located.skipReason}`);
    return;
  }
  const databaseUrl = await freshDatabaseUrl();
  const dataDir = await mkdtemp(join(tmpdir(), 'steunregister-bench-'));
  const handle = await openDatabase({ databaseUrl });
  let server: ChildProcess | undefined;
  try {
    await migrate(handle);
    process.stderr.write(`generating ${sizeLabel(deliveries)} deliveries…\n`);
    const generation = await timed(() => generateRegister(handle.db, deliveries));
    const publicRows = await fillPublicProjection(handle.db);
    const cookie = await sessionCookieFor(handle.db, 'registrar');
    console.log(
      `Node ${process.version}, ${availableParallelism()} cores (load average ${loadavg()[0]!.toFixed(1)}), PostgreSQL ${await serverVersion(handle)}; ` +
        `${generation.value.deliveries.toLocaleString('en')} deliveries (${generation.value.valuations.toLocaleString('en')} valuations, ` +
        `${generation.value.payments.toLocaleString('en')} payments, ${publicRows.toLocaleString('en')} public), generated in ${(generation.ms / 1000).toFixed(0)} s; ` +
        `${seconds} s per measurement`,
    );

    // A first start fills the compile cache that every later start reads (the server as it runs after its first start).
    const first = (await startServer(databaseUrl, dataDir)).server;
    await new Promise((stopped) => first.once('exit', stopped).kill('SIGTERM'));
    const started = await startServer(databaseUrl, dataDir);
    server = started.server;
    const { base } = started;
    const pid = server.pid!;
    // A cursor of the default order near its end: after the latest delivery of the earliest 5% realised.
    const deepPage = await fetch(`${base}${API}/deliveries?sort=-realisedAt&realisedTo=${await earlyRealisedDate(handle.db)}&pageSize=1`, { headers: { cookie } });
    const deepCursor = ((await deepPage.json()) as { next: string | null }).next;
    if (deepCursor === null) throw new Error('too few deliveries for a page near the end of the list');
    console.log(`\nServer RSS after start: ${(await peakRss(pid, async () => undefined)).peakMb.toFixed(0)} MB`);

    console.log(
      '\n| request | connections | req/s | median ms | p95 ms | p95 / peer p95 | processor ms per request: server / PostgreSQL | failed |\n|---|---|---|---|---|---|---|---|',
    );
    let listPeakMb = 0;
    for (const connections of CONNECTIONS) {
      let peerP95 = 0;
      for (const { name, path } of scenarios(deepCursor)) {
        await load(`${base}${path}`, cookie, connections); // warm-up, unmeasured
        const { value: timed, peakMb } = await peakRss(pid, () => processorTimeDuring(pid, () => load(`${base}${path}`, cookie, connections)));
        const result = timed.value;
        listPeakMb = Math.max(listPeakMb, peakMb);
        if (path.endsWith('/session')) peerP95 = result.timing.p95Ms;
        const ratio = peerP95 > 0 ? (result.timing.p95Ms / peerP95).toFixed(1) : '';
        console.log(
          `| ${name} | ${connections} | ${result.requestsPerSecond.toFixed(0)} | ${format(result.timing.medianMs)} | ${format(result.timing.p95Ms)} | ${ratio} | ${perRequest(timed)} | ${result.failures} |`,
        );
      }
    }
    console.log(`\nServer RSS, largest sample under the load above: ${listPeakMb.toFixed(0)} MB`);

    // Audited writes: POST /deliveries (session check, the delivery, its audit event and its idempotency record), each
    // beside the session-only peer measured just before it at the same number of connections.
    console.log(
      '\n| audited writes | connections | req/s | median ms | p95 ms | req/s / peer req/s | processor ms per request: server / PostgreSQL | failed |\n|---|---|---|---|---|---|---|---|',
    );
    for (const connections of WRITE_CONNECTIONS) {
      const peer = await processorTimeDuring(pid, () => load(`${base}${API}/session`, cookie, connections));
      await load(`${base}${API}/deliveries`, cookie, connections, AUDITED_CREATE); // warm-up, unmeasured
      const writes = await processorTimeDuring(pid, () => load(`${base}${API}/deliveries`, cookie, connections, AUDITED_CREATE));
      for (const [name, timed] of [['session only (peer)', peer], ['POST /deliveries, Idempotency-Key', writes]] as const) {
        const result = timed.value;
        const ratio = (result.requestsPerSecond / peer.value.requestsPerSecond).toFixed(2);
        console.log(
          `| ${name} | ${connections} | ${result.requestsPerSecond.toFixed(0)} | ${format(result.timing.medianMs)} | ${format(result.timing.p95Ms)} | ${ratio} | ${perRequest(timed)} | ${result.failures} |`,
        );
      }
    }

    console.log(`\n| public deliveries, ${PUBLIC_READERS} readers at once | MB each | median s | slowest s | server RSS peak MB |\n|---|---|---|---|---|`);
    for (const fileFormat of ['json', 'csv'] as const) {
      const { value: reads, peakMb } = await peakRss(pid, () => readPublicFile(base, fileFormat));
      if (reads.some((read) => read.value.status !== 200)) throw new Error(`a reader of the ${fileFormat} file did not get 200`);
      const timing = timingOf(reads.map((read) => read.ms));
      const slowest = Math.max(...reads.map((read) => read.ms));
      console.log(`| ${fileFormat} | ${(reads[0]!.value.bytes / 1e6).toFixed(1)} | ${(timing.medianMs / 1000).toFixed(1)} | ${(slowest / 1000).toFixed(1)} | ${peakMb.toFixed(0)} |`);
    }
  } finally {
    server?.kill('SIGTERM');
    await handle.close();
    await dropDatabase(databaseUrl).catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
