/**
 * Registering many deliveries with their money at once, as an import does and as the benchmarks build a
 * register: each kind of record written set-based (a few statements, whose triggers keep the figures
 * once per statement), and an audit event for every record created, prepared while the server writes
 * and added to the caller's events, which it appends to the chain as one batch in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { AuditEntry, RecordSource } from '../audit/event.ts';
import type { AuditEventsInPreparation } from '../audit/preparation.ts';
import { newStoredDelivery, type StoredDelivery } from '../db/repositories/deliveries.ts';
import * as imports from '../db/repositories/import.ts';
import type { NewPayment, NewValuation } from '../db/repositories/money.ts';
import type { Database } from '../db/schema.ts';
import type { Payment, Valuation } from '../domain/delivery.ts';

/** New records; money may say when it was recorded (a register built for a benchmark has a history). */
export interface BulkRecords {
  deliveries: readonly imports.NewDelivery[];
  valuations: readonly (NewValuation & { recordedAt?: string })[];
  payments: readonly (NewPayment & { recordedAt?: string })[];
}

export interface RegisteredInBulk {
  deliveries: StoredDelivery[];
  valuations: Valuation[];
  payments: Payment[];
}

/**
 * Writes the records and adds an audit event for each to `events`: deliveries first, then valuations,
 * then payments, each in the order given, each table analysed when it grew beyond what its statistics
 * know. Every column is written (a delivery created and money recorded at the events' time), so each
 * event says what its statement stores and is prepared while the server writes. `detailOf` gives each
 * record's event its detail (such as the row it came from).
 */
export async function registerInBulk(trx: Kysely<Database>, records: BulkRecords, events: AuditEventsInPreparation, detailOf: (recordId: string) => RecordSource | null = () => null): Promise<RegisteredInBulk> {
  const now = events.occurredAt;
  const recordedAt = now.toISOString();
  const deliveries = records.deliveries.map(({ id, currentValueCents, ...fields }) => ({ ...newStoredDelivery(id, fields, now), currentValueCents }));
  const valuations = records.valuations.map((valuation) => ({ ...valuation, recordedAt: valuation.recordedAt ?? recordedAt }));
  const payments = records.payments.map((payment) => ({ ...payment, recordedAt: payment.recordedAt ?? recordedAt }));
  // Every record is audited on its delivery.
  const created = (action: AuditEntry['action'], record: { id: string }, deliveryId: string): AuditEntry => ({
    action,
    object: { type: 'delivery', id: deliveryId },
    result: 'success',
    after: record,
    detail: detailOf(record.id),
  });
  events.add(deliveries.map((delivery) => created('delivery.create', delivery, delivery.id)));
  events.add(valuations.map((valuation) => created('valuation.create', valuation, valuation.deliveryId)));
  events.add(payments.map((payment) => created('payment.create', payment, payment.deliveryId)));
  await imports.insertDeliveries(trx, deliveries);
  await imports.analyseWhenGrown(trx, 'delivery', deliveries.length);
  await imports.insertValuations(trx, valuations);
  await imports.analyseWhenGrown(trx, 'valuation', valuations.length);
  await imports.insertPayments(trx, payments);
  await imports.analyseWhenGrown(trx, 'payment', payments.length);
  return { deliveries, valuations, payments };
}
