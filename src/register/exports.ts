/**
 * The lists' rows for their spreadsheet exports, a batch at a time: the paged lists walk their keyset
 * pages with the list's own filter and order, so that memory holds one batch however long the list.
 * Reading confidential material is recorded before the first row is read, as the list itself records it.
 */
import type { Kysely } from 'kysely';
import { recordAuditEvent, requestDay, type RequestContext } from '../audit/trail.ts';
import type { KeysetPage, PageStart } from '../db/keyset.ts';
import { listAuditEvents, type AuditEventFilter, type ListedAuditEvent } from '../db/repositories/audit.ts';
import type { CommitmentFilter } from '../db/repositories/budget.ts';
import * as deliveries from '../db/repositories/deliveries.ts';
import * as epf from '../db/repositories/epf.ts';
import { exportQueuePage, type ExportQueueName, type QueueItem } from '../db/repositories/export-control.ts';
import * as readiness from '../db/repositories/readiness.ts';
import { dueReviewsPage, toDecideAgainPage, type DueReview, type ToDecideAgain } from '../db/repositories/disclosure.ts';
import type { Database } from '../db/schema.ts';
import { commitmentsPage, type CommitmentDetail } from './budget.ts';
import { QUEUE_ORDER } from './disclosure.ts';

type Db = Kysely<Database>;

/** Rows per batch: a query each, small enough to hold, large enough that a million rows are a thousand queries. */
const BATCH_SIZE = 1000;

/** Every page of a keyset list, from its start, as batches. */
async function* keysetBatches<Row>(readPage: (start: PageStart) => Promise<KeysetPage<Row>>): AsyncGenerator<Row[]> {
  let start: PageStart = undefined;
  for (;;) {
    const page = await readPage(start);
    if (page.rows.length > 0) yield page.rows;
    if (!page.next) return;
    start = { after: page.next };
  }
}

/** The deliveries the list's filter finds, in its order. */
export function deliveryBatches(db: Db, query: Omit<deliveries.DeliveryListQuery, 'start' | 'limit'>): AsyncGenerator<deliveries.DeliverySummary[]> {
  return keysetBatches((start) => deliveries.listDeliveries(db, { ...query, start, limit: BATCH_SIZE }));
}

/** The EPF claims declared on or before the date, each as it stood then, in the list's order. */
export function epfClaimBatches(db: Db, date: string): AsyncGenerator<epf.ClaimAtDate[]> {
  return keysetBatches((start) => epf.claimsAt(db, date, start, BATCH_SIZE));
}

/** The stock deliveries the readiness page's filter finds, as it lists them, by title. */
export function stockDeliveryReadinessBatches(db: Db, filter: readiness.StockDeliveryFilter): AsyncGenerator<readiness.StockDeliveryReadiness[]> {
  return keysetBatches((start) => readiness.stockDeliveryReadiness(db, { filter, start, limit: BATCH_SIZE }));
}

/** The budget commitments the budget page's filter finds, as it lists them, by title. */
export function budgetCommitmentBatches(db: Db, filter: CommitmentFilter, today: string): AsyncGenerator<CommitmentDetail[]> {
  return keysetBatches((start) => commitmentsPage(db, { filter, start, limit: BATCH_SIZE, today }));
}

/** The undecided deliveries of the disclosure queue, in the queue's order; reading them is recorded as reading the queue is. */
export async function disclosureQueueBatches(db: Db, context: RequestContext, referenceDate: string): Promise<AsyncGenerator<deliveries.DeliverySummary[]>> {
  await recordAuditEvent(db, context, { action: 'disclosure.read', object: { type: 'disclosureQueue', id: referenceDate }, result: 'success', detail: { export: true } });
  return deliveryBatches(db, { disclosureState: 'undecided', ...QUEUE_ORDER });
}

type AuditExportFilter = Omit<AuditEventFilter, 'beforeSeq' | 'limit'>;

/** The events the audit page's filter finds, newest first; the read is itself an event, recorded first (and so in the export). */
export async function auditEventBatches(db: Db, context: RequestContext, filter: AuditExportFilter): Promise<AsyncGenerator<ListedAuditEvent[]>> {
  await recordAuditEvent(db, context, { action: 'audit.read', object: { type: 'auditTrail', id: '*' }, result: 'success', detail: { ...filter, export: true } });
  return (async function* () {
    let beforeSeq: number | undefined;
    for (;;) {
      const batch = await listAuditEvents(db, { ...filter, beforeSeq, limit: BATCH_SIZE });
      if (batch.length > 0) yield batch;
      if (batch.length < BATCH_SIZE) return;
      beforeSeq = batch.at(-1)!.seq;
    }
  })();
}

/**
 * The confidential deliveries due for review by the reference date, in the queue page's order, every one of
 * them (the page shows a page of them); recorded as reading the queue is.
 */
export async function dueReviewBatches(db: Db, context: RequestContext, referenceDate: string): Promise<AsyncGenerator<DueReview[]>> {
  await recordAuditEvent(db, context, { action: 'disclosure.read', object: { type: 'disclosureQueue', id: referenceDate }, result: 'success', detail: { export: true } });
  return keysetBatches((start) => dueReviewsPage(db, referenceDate, start, BATCH_SIZE));
}

/**
 * The public deliveries to decide on again, in the queue page's order, every one of them (the page shows them a
 * page at a time); recorded as reading the queue is, on the day.
 */
export async function toDecideAgainBatches(db: Db, context: RequestContext, today: string): Promise<AsyncGenerator<ToDecideAgain[]>> {
  await recordAuditEvent(db, context, { action: 'disclosure.read', object: { type: 'disclosureQueue', id: today }, result: 'success', detail: { export: true } });
  return keysetBatches((start) => toDecideAgainPage(db, start, BATCH_SIZE));
}

/**
 * Both export roles' queues, the assessor's first and then the licensing officer's, each in its page's order
 * and whole (the page shows the first of each); recorded as reading the queues is.
 */
export async function exportQueueBatches(db: Db, context: RequestContext): Promise<AsyncGenerator<(QueueItem & { queue: ExportQueueName })[]>> {
  await recordAuditEvent(db, context, { action: 'export.read', object: { type: 'exportQueue', id: '*' }, result: 'success', detail: { export: true } });
  const today = requestDay(context);
  return (async function* () {
    for (const queue of ['awaitingAssessment', 'awaitingLicence'] as const) {
      for await (const batch of keysetBatches((start) => exportQueuePage(db, queue, today, start, BATCH_SIZE))) yield batch.map((item) => ({ ...item, queue }));
    }
  })();
}

/** A list that is read whole (a few hundred rows at most) as one batch. */
export async function* oneBatch<Row>(rows: Promise<readonly Row[]>): AsyncGenerator<readonly Row[]> {
  yield await rows;
}
