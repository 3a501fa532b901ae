/**
 * Verification reads the chain by COPY in binary: on PostgreSQL in one, on PGlite a number of events at a
 * time. On the same tampered chains either must report exactly what checking each row of a plain SELECT
 * after the one before it reports, whether the segments read are checked in this thread or in worker threads;
 * and a verification that stops at a problem must leave its connection fit for use.
 */
import { sql, type Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { AuditContext, AuditEntry } from '../../src/audit/event.ts';
import { eventProblem, verifyAuditTrail, type VerificationOptions, type VerificationResult } from '../../src/audit/verify.ts';
import { appendPreparedAuditEvents, prepareAuditEvent, type StoredAuditEvent } from '../../src/db/repositories/audit.ts';
import type { Database } from '../../src/db/schema.ts';
import { describeEachDatabase } from '../support/databases.ts';

type Db = Kysely<Database>;

/** Enough for the COPY to outgrow what a connection buffers; on PGlite events 500 and 501 are either side of a COPY's edge. */
const EVENTS = 3000;
const EVENTS_PER_BATCH = 500;
/** Checked in this thread: all events; in worker threads, all but the first segment (on PostgreSQL, of the first 4 MB). */
const CHECKED_WHERE: [where: string, options: VerificationOptions][] = [
  ['in this thread', {}],
  ['in worker threads', { workerThreads: 2, eventsInThisThread: 1 }],
];

const awkwardTitles = ['€ 8,7 mld. voor Oekraïne', 'regel\nnieuwe regel\ttab', '🇺🇦 "aanhalingstekens" en \\ schuine strepen', '\u2028\u2029\u007f', ''];

/**
 * Event `index` of the chain: actors with and without an account, some with a name JSON escapes, objects,
 * origins and request ids present and absent, some events of 88 kB.
 */
function event(index: number): { context: AuditContext; entry: AuditEntry; at: Date } {
  const actor = [
    { id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, username: index % 11 === 0 ? `gebruiker "${index}" Ø` : `gebruiker-${index % 7}`, role: 'registrar' },
    null,
    { id: null, username: 'system', role: null },
  ][index % 3]!;
  return {
    context: { actor, origin: index % 2 === 0 ? '192.0.2.7' : null, requestId: index % 5 === 0 ? null : `r-${index}` },
    entry: {
      action: index % 4 === 0 ? 'session.login' : 'delivery.create',
      object: index % 4 === 0 ? null : { type: 'delivery', id: `d-${index}` },
      result: index % 9 === 0 ? 'denied' : 'success',
      // Some larger than a chunk of the COPY's stream, and than what a chunk's start is joined with.
      after: { title: awkwardTitles[index % awkwardTitles.length], row: index, ...(index % 100 === 99 ? { notes: 'een lange toelichting '.repeat(4000) } : {}) },
    },
    // Apart by a second and a millisecond, from a time with no milliseconds.
    at: new Date(Date.UTC(2025, 8, 1, 12) + index * 1001),
  };
}

const update = (seq: number, assignment: string) => async (trx: Db) => {
  await sql.raw(`update audit_event set ${assignment} where seq = ${seq}`).execute(trx);
};
const sha256 = (text: string) => `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;

/** Each way of tampering, and the event that must be named first (undefined: none, the chain passes). */
const TAMPERINGS: [name: string, tamper: (trx: Db) => Promise<void>, firstWrong: number | undefined][] = [
  ['nothing', async () => {}, undefined],
  ['a byte of the text of event 1200', update(1200, "canonical = overlay(canonical placing 'X' from 40 for 1)"), 1200],
  ['the text of event 700, hashed anew', update(700, `canonical = replace(canonical, '"row":699', '"row":7'), hash = ${sha256(`replace(canonical, '"row":699', '"row":7')`)}`), 701],
  ['the actor name column of event 501', update(501, "actor_name = 'mallory'"), 501],
  ['the actor name column of event 34, a name JSON escapes', update(34, `actor_name = 'gebruiker "33" O'`), 34],
  ['the actor id column of event 4', update(4, "actor_id = 'ABCDEF00-0000-4000-8000-000000000000'"), 4],
  ['the origin column of an event without one', update(10, "origin = '198.51.100.1'"), 10],
  ['the request id column of the last event', update(EVENTS, 'request_id = null'), EVENTS],
  ['the object type column of event 7', update(7, "object_type = 'payment'"), 7],
  ['the time of event 800, a millisecond later', update(800, "occurred_at = occurred_at + interval '1 millisecond'"), 800],
  ['the time of event 801, 0.4 ms later (below what is kept)', update(801, "occurred_at = occurred_at + interval '400 microseconds'"), undefined],
  ['the time of event 802, 0.4 ms earlier', update(802, "occurred_at = occurred_at - interval '400 microseconds'"), 802],
  ['the previous hash of event 1000', update(1000, `prev_hash = '${'b'.repeat(64)}'`), 1000],
  ['the hash of event 500', update(500, `hash = '${'a'.repeat(64)}'`), 500],
  ['event 1500 removed', async (trx) => void (await trx.deleteFrom('auditEvent').where('seq', '=', 1500).execute()), 1500],
  ['the events after 2500 removed', async (trx) => void (await trx.deleteFrom('auditEvent').where('seq', '>', 2500).execute()), undefined],
  ['the text of event 2000 no JSON, its hash matching', update(2000, `canonical = 'nee', hash = ${sha256("'nee'")}`), 2000],
  ['the text of event 2001 a JSON array, its hash matching', update(2001, `canonical = '[]', hash = ${sha256("'[]'")}`), 2001],
  [
    'events 900 and 901 swapped',
    async (trx) => {
      for (const [from, to] of [[900, 100_000], [901, 900], [100_000, 901]] as const) await update(from, `seq = ${to}`)(trx);
    },
    900,
  ],
  ['nothing, read in a time zone half an hour off UTC', async (trx) => void (await sql`set local timezone = 'America/St_Johns'`.execute(trx)), undefined],
];

/** What checking each row after the one before reports, the rows read with a plain SELECT. */
function checkedOneByOne(rows: StoredAuditEvent[]): VerificationResult {
  let previous: StoredAuditEvent | undefined;
  for (const [index, row] of rows.entries()) {
    const problem = eventProblem(row, previous);
    if (problem) return { ok: false, eventsChecked: index, checkpointsChecked: 0, lastSeq: previous?.seq ?? 0, firstProblem: problem };
    previous = row;
  }
  return { ok: true, eventsChecked: rows.length, checkpointsChecked: 0, lastSeq: previous?.seq ?? 0 };
}

class RolledBack extends Error {}

describeEachDatabase('reading the audit chain for verification', (database) => {
  beforeAll(async () => {
    const events = Array.from({ length: EVENTS }, (_, index) => event(index)).map(({ context, entry, at }) => prepareAuditEvent(context, entry, at));
    await database().db.transaction().execute((trx) => appendPreparedAuditEvents(trx, events));
  });

  it.for(CHECKED_WHERE.flatMap(([where, options]) => TAMPERINGS.map(([name, tamper, firstWrong]) => [where, name, tamper, firstWrong, options] as const)))(
    'checked %s, reports as checking one by one does after tampering with %s',
    async ([_where, _name, tamper, firstWrong, options]) => {
      const results: VerificationResult[] = [];
      let expected: VerificationResult | undefined;
      await database()
        .db.transaction()
        .execute(async (trx) => {
          await sql`set local session_replication_role = replica`.execute(trx);
          await tamper(trx);
          expected = checkedOneByOne(await trx.selectFrom('auditEvent').selectAll().orderBy('seq').execute());
          // The second verification finds the connection as the first left it, also when that stopped early.
          for (let run = 0; run < 2; run++) {
            results.push(await verifyAuditTrail(trx, { eventsPerBatch: EVENTS_PER_BATCH, ...options }));
          }
          throw new RolledBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error;
        });
      expect(expected!.firstProblem?.seq).toBe(firstWrong);
      expect(results).toEqual([expected, expected]);
    },
  );

  it('refuses on PGlite to copy a number of events at a time that is not a whole number of at least 1', async () => {
    const { db, kind } = database();
    for (const eventsPerBatch of [0, -1, 2.5]) {
      const verification = verifyAuditTrail(db, { eventsPerBatch });
      if (kind === 'pglite') await expect(verification).rejects.toThrow(RangeError);
      else expect(await verification).toMatchObject({ ok: true, eventsChecked: EVENTS });
    }
  });

  it('gives back the connection of a verification that stopped early fit for use', async () => {
    const { db } = database();
    const setAction = (action: string) =>
      db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await update(2, `action = '${action}'`)(trx);
      });
    await setAction('delivery.delete');
    try {
      expect(await verifyAuditTrail(db, { eventsPerBatch: 10 })).toMatchObject({ ok: false, eventsChecked: 1, firstProblem: { seq: 2 } });
      const counts = await Promise.all(Array.from({ length: 10 }, () => db.selectFrom('auditEvent').select((eb) => eb.fn.countAll<number>().as('events')).executeTakeFirstOrThrow()));
      expect(counts.map(({ events }) => Number(events))).toEqual(Array(10).fill(EVENTS));
    } finally {
      await setAction('delivery.create');
    }
    expect(await verifyAuditTrail(db, { eventsPerBatch: 10 })).toMatchObject({ ok: true, eventsChecked: EVENTS });
  });
});
