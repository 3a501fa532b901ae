/**
 * New deliveries written as their requests come, several in one statement. Each create's delivery, its audit
 * event (into the pending table, linked into the chain at COMMIT as appendAuditEvent's) and its request's key,
 * if it has one, go into one statement with those of the creates that came while the statement before ran; a
 * create that comes while none runs is written at once, alone. One statement is atomic on its own: every
 * create in it commits, or none does. What PostgreSQL does for a statement beside its rows (opening and
 * locking the delivery's indexes and the events' table, preparing the partial indexes' conditions, the
 * commit and its link under the append lock) is then done once for them all, as is the server's round trip.
 * A statement of several that the database refuses for a row (a key stored before, a value out of its
 * bounds) is written again a create at a time, so that each create gets its own answer.
 *
 * A create judged against the latest letter sent to parliament (a delivery realised: one realised in that
 * letter's period is a warning to confirm) was judged before its statement; the statement holds that letter until
 * it commits (holdingSentLetter) and writes nothing where another was sent meanwhile. Its creates are then judged
 * again against the letter now sent: those it refuses fail with their refusal, the others are written.
 */
import type { Kysely, QueryCreator } from 'kysely';
import type { Database } from '../schema.ts';
import { isRefusedRow } from '../errors.ts';
import { pendingEventRow, type PreparedAuditEvent } from './audit.ts';
import { deliveryRow, type StoredDelivery } from './deliveries.ts';
import { idempotentRequestRow, removingExpired, type KeyToStore } from './idempotency.ts';
import { holdingSentLetter, isSentLetterChanged, latestSentLetter } from './letters.ts';
import type { SentLetter } from '../../domain/sent-letter-period.ts';

type Db = Kysely<Database>;

export interface DeliveryCreate {
  delivery: StoredDelivery;
  event: PreparedAuditEvent;
  /** The request's key and answer, stored with the delivery (api/idempotency.ts). */
  key?: KeyToStore | undefined;
  /** For a create judged against the latest letter sent to parliament: that letter, and its event judged again against another. */
  judged?: SentLetterJudgement<PreparedAuditEvent> | undefined;
}

/** What was judged against the latest letter sent to parliament (`against`, undefined for none), and `again`, which judges it against another, throwing where that refuses it. */
export interface SentLetterJudgement<Judged> {
  against: SentLetter | undefined;
  again: (sent: SentLetter | undefined) => Judged;
}

/** Creates in one statement at most: about 50 parameters each, far below PostgreSQL's 65,535. */
const MAX_CREATES_PER_STATEMENT = 64;

interface Waiting {
  create: DeliveryCreate;
  written: () => void;
  failed: (error: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  writing: boolean;
}

const queues = new WeakMap<Db, Queue>();

/**
 * Writes a new delivery with its audit event and key, resolving once it is committed. Inside a transaction
 * it is written in that transaction, alone.
 */
export function writeDeliveryCreate(db: Db, create: DeliveryCreate): Promise<void> {
  if (db.isTransaction) return writeTogether(db, [create]);
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], writing: false };
    queues.set(db, queue);
  }
  const written = new Promise<void>((resolve, reject) => queue.waiting.push({ create, written: resolve, failed: reject }));
  if (!queue.writing) void writeWhatWaits(db, queue);
  return written;
}

async function writeWhatWaits(db: Db, queue: Queue): Promise<void> {
  queue.writing = true;
  try {
    while (queue.waiting.length > 0) await writeBatch(db, queue.waiting.splice(0, MAX_CREATES_PER_STATEMENT));
  } finally {
    queue.writing = false;
  }
}

async function writeBatch(db: Db, batch: Waiting[]): Promise<void> {
  if (batch.length === 0) return;
  try {
    await writeTogether(db, batch.map((waiting) => waiting.create));
  } catch (error) {
    if (isSentLetterChanged(error)) await writeJudgedAgain(db, batch);
    else if (batch.length > 1 && isRefusedRow(error)) {
      for (const waiting of batch) await writeBatch(db, [waiting]);
    } else for (const waiting of batch) waiting.failed(error);
    return;
  }
  for (const waiting of batch) waiting.written();
}

/** Writes the creates again, those judged against another letter than the latest sent judged again against it first. */
async function writeJudgedAgain(db: Db, batch: Waiting[]): Promise<void> {
  let sent: SentLetter | undefined;
  try {
    sent = await latestSentLetter(db);
  } catch (error) {
    for (const waiting of batch) waiting.failed(error);
    return;
  }
  await writeBatch(db, judgedAgain(batch, sent));
}

/** The creates judged against another letter judged again against `sent`: those it refuses fail, the others wait to be written. */
function judgedAgain(batch: readonly Waiting[], sent: SentLetter | undefined): Waiting[] {
  return batch.filter((waiting) => {
    const { judged } = waiting.create;
    if (!judged || judged.against?.referenceDate === sent?.referenceDate) return true;
    try {
      waiting.create = { ...waiting.create, event: judged.again(sent), judged: { ...judged, against: sent } };
      return true;
    } catch (refusal) {
      waiting.failed(refusal);
      return false;
    }
  });
}

/**
 * One statement: the deliveries and the keys as data-modifying WITH queries, then the events, in the order given,
 * holding the latest letter sent to parliament where a create was judged against it.
 */
async function writeTogether(db: Db, creates: readonly DeliveryCreate[]): Promise<void> {
  const keys = creates.flatMap((create) => (create.key ? [create.key] : []));
  const expiredBefore = keys.map((key) => key.expiredBefore).find((moment) => moment !== undefined);
  let statement: QueryCreator<Database> = removingExpired(db, expiredBefore).with('change', (query) =>
    query.insertInto('delivery').values(creates.map((create) => deliveryRow(create.delivery))),
  ) as unknown as QueryCreator<Database>;
  if (keys.length > 0) {
    statement = statement.with('stored', (query) => query.insertInto('idempotentRequest').values(keys.map((key) => idempotentRequestRow(key.request)))) as unknown as QueryCreator<Database>;
  }
  const events = creates.map((create) => pendingEventRow(create.event));
  const judgedAgainst = [...new Set(creates.flatMap((create) => (create.judged ? [create.judged.against?.referenceDate] : [])))];
  if (judgedAgainst.length === 0) await statement.insertInto('auditEventPending').values(events).execute();
  else await statement.with('event', (query) => query.insertInto('auditEventPending').values(events)).selectNoFrom(holdingSentLetter(judgedAgainst).as('held')).execute();
}
