/**
 * `npm run bench [-- SIZE…]`: times the letter's figures and the register's list queries on PGlite and
 * PostgreSQL, on synthetic registers of 10,000 and 100,000 deliveries unless other sizes are given
 * (`npm run bench -- 1000 5000` is a quick run). PostgreSQL is the server BENCH_DATABASE_URL or
 * TEST_DATABASE_URL names (its user must be allowed to create databases), else a throwaway cluster.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { DatabaseHandle } from '../src/db/connection.ts';
import { BUDGET_EPF_QUERIES, generateBudgetAndClaims } from './budget-epf.ts';
import { benchmarkDatabases, measureEachSize, type BenchmarkDatabase } from './databases.ts';
import { compareFiguresWithDuckDb, formatFiguresComparison, type FiguresComparison } from './figures-peer.ts';
import { generateRegister } from './generate-register.ts';
import { QUERIES } from './queries.ts';
import { formatRowCounts, formatTable, type SizeResult } from './report.ts';
import { MEASURED_RUNS, timed, timeRepeatedly, WARM_UP_RUNS, type Timing } from './timing.ts';

const DEFAULT_SIZES = [10_000, 100_000];
const ALL_QUERIES = [...QUERIES, ...BUDGET_EPF_QUERIES];

function parseSizes(args: string[]): number[] {
  if (args.length === 0) return DEFAULT_SIZES;
  return args.map((arg) => {
    const size = Number(arg.replaceAll('_', ''));
    if (!Number.isSafeInteger(size) || size < 1) throw new Error(`not a number of deliveries: ${arg} (usage: npm run bench -- 1000 10000)`);
    return size;
  });
}

async function measureSize(handle: DatabaseHandle, size: number): Promise<SizeResult & { figures: FiguresComparison }> {
  const generation = await timed(() => generateRegister(handle.db, size));
  const budgetAndClaims = await generateBudgetAndClaims(handle.db, size);
  console.log(`${size} deliveries: ${budgetAndClaims.claims} EPF claims, ${budgetAndClaims.commitments} budget commitments`);
  const timings: Timing[] = [];
  for (const query of ALL_QUERIES) timings.push(await timeRepeatedly(() => query.run(handle.db, size)));
  const figures = await compareFiguresWithDuckDb(handle.db);
  return { size, rowCounts: generation.value, generationMs: generation.ms, timings, figures };
}

async function benchmark(database: BenchmarkDatabase, sizes: number[]): Promise<void> {
  const { results, version } = await measureEachSize(database, sizes, measureSize);
  console.log(`\n## ${database.name}, PostgreSQL ${version}\n`);
  for (const result of results) console.log(formatRowCounts(result));
  console.log(`\n${formatTable(ALL_QUERIES.map((query) => query.name), results)}`);
  console.log(`\n${formatFiguresComparison(results)}`);
}

const sizes = parseSizes(process.argv.slice(2));
console.log(
  `Node ${process.version}, ${process.platform}/${process.arch}, ${availableParallelism()} cores ` +
    `(load average ${loadavg()[0]!.toFixed(1)} at start); ` +
    `each query ${WARM_UP_RUNS} warm-up runs, then median and p95 of ${MEASURED_RUNS} runs`,
);
for (const database of await benchmarkDatabases()) {
  if ('skipReason' in database) console.log(`\n## ${database.name}: skipped, ${database.skipReason}`);
  else await benchmark(database, sizes);
}
