/**
 * `npm run bench:bulk [-- DELIVERIES]`: registers DELIVERIES synthetic deliveries (default 100,000) with
 * their valuations and payments into an empty register through the register's bulk path (set-based
 * statements, an audit event for every record, as an import does), on PGlite and on PostgreSQL (as in
 * run.ts), and the same rows into another empty register by plain multi-row INSERTs without audit
 * events, the peer in the same run. Prints deliveries per second, records per second and the process's
 * peak memory (resident set), then checks that the audit chain verifies and that the figures the
 * triggers keep are the same both ways. Times the registration alone: not the VACUUM ANALYZE with which
 * the register generator stands in for autovacuum after it (see generateRegister), which an import
 * leaves to autovacuum.
 */
import { sql, type Kysely } from 'kysely';
import { verifyAuditTrail } from '../src/audit/verify.ts';
import type { Database } from '../src/db/schema.ts';
import { benchmarkDatabases, serverVersion, type BenchmarkDatabase } from './databases.ts';
import { registerSyntheticDeliveries, type RegisterWriter } from './generate-register.ts';
import { withPeakMemory } from './timing.ts';

const size = Number((process.argv[2] ?? '100000').replaceAll('_', ''));
if (!Number.isSafeInteger(size) || size < 1) throw new Error(`not a whole number of deliveries: ${process.argv[2]} (usage: npm run bench:bulk -- 100000)`);

const count = (n: number) => n.toLocaleString('en');

/** Realised support per support type and day and the work for the EU per day, as the triggers keep them: what the figures add up. */
async function realisedPerDay(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ days: string }>`
    select coalesce(string_agg(kind || change_date || ':' || change_cents, ',' order by kind, change_date), '') as days
    from (
      select support_type as kind, change_date, change_cents from realised_support_day
      union all select 'implementingActor', change_date, change_cents from implementing_actor_day
    ) day
    where change_cents <> 0`.execute(db);
  return rows[0]!.days;
}

async function register(database: BenchmarkDatabase, writer: RegisterWriter) {
  const opened = await database.open();
  try {
    const { value: counts, ms, peakMb } = await withPeakMemory(() => registerSyntheticDeliveries(opened.handle.db, size, { writer }));
    const verification = writer === 'bulk' ? await verifyAuditTrail(opened.handle.db) : undefined;
    return { counts, ms, peakMb, verification, realised: await realisedPerDay(opened.handle.db), version: await serverVersion(opened.handle) };
  } finally {
    await opened.dispose();
  }
}

console.log(`Bulk registration of ${count(size)} deliveries with their money, ${new Date().toISOString()}`);
for (const database of await benchmarkDatabases()) {
  if ('skipReason' in database) {
    console.log(`${database.name}: skipped (${database.skipReason})`);
    continue;
  }
  process.stderr.write(`${database.name}: bulk path…\n`);
  const bulk = await register(database, 'bulk');
  process.stderr.write(`${database.name}: plain INSERTs…\n`);
  const plain = await register(database, 'plainInserts');
  const { deliveries, valuations, payments } = bulk.counts;
  const events = bulk.verification?.eventsChecked ?? 0;
  const perSecond = (ms: number) => count(Math.round(deliveries / (ms / 1000)));
  console.log(
    `${database.name} ${bulk.version}: ${count(deliveries)} deliveries, ${count(valuations)} valuations, ${count(payments)} payments, ${count(events)} audit events ` +
      `in ${(bulk.ms / 1000).toFixed(1)} s: ${perSecond(bulk.ms)} deliveries/s, ${count(Math.round((deliveries + valuations + payments + events) / (bulk.ms / 1000)))} rows/s (peak ${bulk.peakMb} MiB); ` +
      `plain INSERTs without audit events ${(plain.ms / 1000).toFixed(1)} s: ${perSecond(plain.ms)} deliveries/s (peak ${plain.peakMb} MiB), ` +
      `bulk/plain ${(plain.ms / bulk.ms).toFixed(2)}; chain ${bulk.verification?.ok ? 'verified' : 'BROKEN'}; ` +
      `figures per day ${bulk.realised === plain.realised ? 'equal' : 'DIFFER'} both ways`,
  );
}
process.exit(0);
