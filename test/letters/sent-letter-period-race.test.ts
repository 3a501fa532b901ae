/**
 * A change dated in the period of the latest letter sent to parliament is refused until confirmed
 * (datedInSentLetterPeriod) also when the letter is marked sent while the change is under way: the change is
 * judged against the letter in the transaction that writes it, and a letter is marked sent only while no change
 * judged against the letter before it is still to commit. A new delivery judged before the letter was sent and
 * written after is judged again, refused as if the letter had been sent before, while those written with it that
 * the letter does not concern land. On PostgreSQL the race is real: the send and the change run on connections
 * of their own, one held open where the other would slip in.
 */
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { findDelivery } from '../../src/db/repositories/deliveries.ts';
import type { Database } from '../../src/db/schema.ts';
import type { BudgetDecisionInput } from '../../src/domain/budget.ts';
import { unsetDeliveryFields, type DeliveryInput } from '../../src/domain/delivery.ts';
import { createDecision } from '../../src/register/budget.ts';
import { createDelivery, newDelivery, updateDelivery } from '../../src/register/deliveries.ts';
import { UnconfirmedWarningsError } from '../../src/register/errors.ts';
import { sendLetter } from '../../src/register/letter-publication.ts';
import { submitAndApprove } from '../../src/register/letter-review.ts';
import { createDraft, finalise } from '../../src/register/letters.ts';
import { describeEachDatabase, describeOnPostgres, type CurrentDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { SIGNED } from '../support/letters.ts';

const context = systemContext('test');
const CONFIRMED = ['datedInSentLetterPeriod'] as const;

/** Stock handed over on the day given, or not yet. */
const stock = (title: string, realisedAt: string | null): DeliveryInput => ({ ...unsetDeliveryFields(), ...stockDelivery, title, realisedAt });

/** The warning of a record dated in the period of the letter with this reference date. */
const warningAt = (field: string, date: string, referenceDate: string) => [{ field, code: 'datedInSentLetterPeriod', params: { date, referenceDate } }];

/** The warnings a change was refused for until confirmed; what it did otherwise. */
const refusedFor = (change: Promise<unknown>) => change.then((done) => ({ done }), (error: unknown) => (error instanceof UnconfirmedWarningsError ? error.warnings : error));

/** The day after a date: a letter is dated after its reference date. */
const dayAfter = (date: string) => new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);

/** Final letters, one for each reference date, finalised before anything is realised by them; each test sends its own, in the order of their dates. */
function finalLetters(database: CurrentDatabase, referenceDates: readonly string[]): () => { id: string; version: number }[] {
  const letters: { id: string; version: number }[] = [];
  beforeAll(async () => {
    const { db } = database();
    for (const referenceDate of referenceDates) {
      const draft = await createDraft(db, context, { ...SIGNED, referenceDate, letterDate: dayAfter(referenceDate) });
      const approved = await submitAndApprove(db, context, draft.id, draft.version);
      const final = await finalise(db, context, draft.id, approved.version);
      letters.push({ id: final.id, version: final.version });
    }
  });
  return () => letters;
}

async function confirmationsOf(db: Kysely<Database>, id: string): Promise<unknown> {
  const events = await db.selectFrom('auditEvent').select('canonical').where('objectId', '=', id).execute();
  return events.map((event) => JSON.parse(event.canonical).detail?.confirmedWarnings ?? null);
}

describeEachDatabase('a new delivery judged before a letter is sent to parliament and written after', (database) => {
  const letters = finalLetters(database, ['2025-05-31']);

  it('is refused where the letter concerns it, as if it had been sent before; one confirmed keeps the warning the letter gives it', async () => {
    const { db } = database();
    const inPeriod = await newDelivery(db, context, stock('Generatoren in de periode', '2025-05-20'));
    const confirmed = await newDelivery(db, context, stock('Generatoren bevestigd', '2025-05-21'), CONFIRMED);
    const after = await newDelivery(db, context, stock('Generatoren erna', '2025-06-02'));
    const [letter] = letters();
    await sendLetter(db, context, letter!.id, letter!.version);

    expect(await refusedFor(inPeriod.write())).toEqual(warningAt('realisedAt', '2025-05-20', '2025-05-31'));
    await Promise.all([confirmed.write(), after.write()]);
    expect(await findDelivery(db, inPeriod.delivery.id)).toBeUndefined();
    expect(await findDelivery(db, after.delivery.id)).toBeDefined();
    expect(await confirmationsOf(db, confirmed.delivery.id)).toEqual([warningAt('realisedAt', '2025-05-21', '2025-05-31')]);
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
  });
});

describeOnPostgres('changes in the period of a letter while it is sent to parliament', (database) => {
  const letters = finalLetters(database, ['2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30']);
  let sends = 0;
  const nextLetter = () => letters()[sends++]!;
  /** The transactions a test holds open, ended after it however it ended, so that none outlives it. */
  const held: (() => void)[] = [];
  afterEach(() => held.splice(0).forEach((release) => release()));

  /** The next letter marked sent in a transaction held open until released: what runs meanwhile on other connections sees it sent only once it commits. */
  async function heldSend(db: Kysely<Database>): Promise<{ release: () => Promise<void> }> {
    const letter = nextLetter();
    const marked = Promise.withResolvers<void>();
    const released = Promise.withResolvers<void>();
    const sent = db.transaction().execute(async (trx) => {
      await sendLetter(trx, context, letter.id, letter.version);
      marked.resolve();
      await released.promise;
    });
    held.push(released.resolve);
    await Promise.race([marked.promise, sent]);
    return {
      release: async () => {
        released.resolve();
        await sent;
      },
    };
  }

  /** Once the change is done, or waits for an advisory lock of this database that another connection holds. */
  async function doneOrWaiting(db: Kysely<Database>, change: Promise<unknown>): Promise<'done' | 'waiting'> {
    const done = change.then(() => 'done' as const, () => 'done' as const);
    for (;;) {
      const { rows } = await sql<{ waiting: boolean }>`select exists (select from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())) as waiting`.execute(db);
      if (rows[0]!.waiting) return 'waiting';
      const settled = await Promise.race([done, new Promise<null>((resolve) => setTimeout(resolve, 20, null))]);
      if (settled) return settled;
    }
  }

  it('refuses a new delivery realised in the period it is judged in while the letter is being sent', async () => {
    const { db } = database();
    const send = await heldSend(db);
    const created = createDelivery(db, context, stock('Generatoren tijdens verzending', '2025-05-20'));
    expect(await doneOrWaiting(db, created)).toBe('waiting');
    await send.release();
    expect(await refusedFor(created)).toEqual(warningAt('realisedAt', '2025-05-20', '2025-05-31'));
  });

  it('refuses a new delivery judged before and written while the letter is being sent; those written with it that the letter does not concern land', async () => {
    const { db } = database();
    const first = await newDelivery(db, context, stock('Generatoren eerst', '2025-06-10'));
    const inPeriod = await newDelivery(db, context, stock('Generatoren in de periode', '2025-06-11'));
    const after = await newDelivery(db, context, stock('Generatoren erna', '2025-07-02'));
    const notRealised = await newDelivery(db, context, stock('Generatoren toegezegd', null));
    const send = await heldSend(db);
    // The first is written alone, the others in one statement once it is, judged again in it.
    const written = [first, inPeriod, after, notRealised].map((create) => create.write());
    expect(await doneOrWaiting(db, written[0]!)).toBe('waiting');
    await send.release();
    const outcomes = await Promise.all(written.map(refusedFor));

    expect(outcomes).toEqual([warningAt('realisedAt', '2025-06-10', '2025-06-30'), warningAt('realisedAt', '2025-06-11', '2025-06-30'), { done: undefined }, { done: undefined }]);
    for (const refused of [first, inPeriod]) expect(await findDelivery(db, refused.delivery.id)).toBeUndefined();
    const landed = await db.selectFrom('delivery').select(['title', sql<string>`xmin::text`.as('transaction')]).where('id', 'in', [after.delivery.id, notRealised.delivery.id]).execute();
    expect(landed.map((row) => row.title).sort()).toEqual(['Generatoren erna', 'Generatoren toegezegd']);
    expect(new Set(landed.map((row) => row.transaction)).size).toBe(1);
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
  });

  it('refuses a delivery’s realisation moved into the period while the letter is being sent', async () => {
    const { db } = database();
    const pledged = await createDelivery(db, context, stock('Generatoren te wijzigen', null));
    const send = await heldSend(db);
    const updated = updateDelivery(db, context, pledged.id, { realisedAt: '2025-07-15' }, pledged.version);
    expect(await doneOrWaiting(db, updated)).toBe('waiting');
    await send.release();
    expect(await refusedFor(updated)).toEqual(warningAt('realisedAt', '2025-07-15', '2025-07-31'));
    expect((await findDelivery(db, pledged.id))?.realisedAt).toBeNull();
  });

  const decision = (moment: string, decidedOn: string): BudgetDecisionInput => ({
    moment,
    decidedOn,
    fund: 'ukraineSupportBudget',
    firstYear: 2025,
    lastYear: 2025,
    amounts: [{ budgetYear: 2025, amountCents: 50_000_000_00 }],
    description: '',
  });

  it('refuses a budget decision taken in the period while the letter is being sent', async () => {
    const { db } = database();
    const send = await heldSend(db);
    const decided = createDecision(db, context, decision('Suppletoire begroting augustus', '2025-08-20'));
    expect(await doneOrWaiting(db, decided)).toBe('waiting');
    await send.release();
    expect(await refusedFor(decided)).toEqual(warningAt('decidedOn', '2025-08-20', '2025-08-31'));
    expect(await db.selectFrom('budgetDecision').select('id').where('moment', '=', 'Suppletoire begroting augustus').execute()).toEqual([]);
  });

  it('sends the letter only once a change judged before it commits', async () => {
    const { db } = database();
    const judged = Promise.withResolvers<void>();
    const committed = Promise.withResolvers<void>();
    const decided = db.transaction().execute(async (trx) => {
      await createDecision(trx, context, decision('Suppletoire begroting september', '2025-09-20'));
      judged.resolve();
      await committed.promise;
    });
    held.push(committed.resolve);
    await judged.promise;
    const letter = nextLetter();
    const sent = sendLetter(db, context, letter.id, letter.version);
    expect(await doneOrWaiting(db, sent)).toBe('waiting');
    committed.resolve();
    await Promise.all([decided, sent]);
    const events = await db.selectFrom('auditEvent').select(['seq', 'action']).where('action', 'in', ['budgetDecision.create', 'letter.send']).orderBy('seq', 'desc').limit(2).execute();
    expect(events.map((event) => event.action).reverse()).toEqual(['budgetDecision.create', 'letter.send']);
  });
});
