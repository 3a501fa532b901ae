/**
 * The indexes that each record bulk registration writes keeps up, each with the reads it serves: an index
 * costs every delivery, valuation, payment and audit event written, so one that no query needs is left out
 * (migration 082), and a new one is a choice made here.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';

const SERVED_BY = {
  delivery: {
    delivery_pkey: 'a delivery by its id, and the foreign keys of its money and other records',
    delivery_category: 'the list by category',
    delivery_committed: 'the list by date of commitment',
    delivery_created: 'the list by date of creation',
    delivery_demonstration: 'whether the register holds demonstration data',
    delivery_disclosure_queue_keyset: 'the disclosure queue',
    delivery_export_queue: "the assessor's queue",
    delivery_funded_by_epf: 'the work for the EU as implementing actor',
    delivery_public_id: 'a delivery by its public id',
    delivery_realised_asc: 'the list by date of realisation, its default order',
    delivery_search_text: 'the text search of the list and of the readiness page',
    delivery_stock_title: 'the readiness page, stock deliveries by title',
    delivery_support_type: 'the list by support type',
    delivery_title: 'the list by title',
    delivery_value: 'the list by value',
  },
  valuation: {
    valuation_pkey: 'a valuation by its id',
    valuation_by_delivery: "a delivery's valuations, latest first: its value at a date",
  },
  payment: {
    payment_pkey: 'a payment by its id',
    payment_by_delivery: "a delivery's payments up to a date",
  },
  audit_event: {
    audit_event_pkey: 'the chain in its order, and the audit trail newest first',
    audit_event_by_actor: 'the audit trail of one actor',
    audit_event_by_object: 'the history of one delivery or other record',
    audit_event_by_time: 'the audit trail between two moments',
  },
  realised_support_change: {
    realised_support_change_by_date: 'the changes in a period: the letter checks of a sole contribution, the annex',
    realised_support_change_by_delivery: "a delivery's changes, replaced when its money changes",
  },
  implementing_actor_change: {
    implementing_actor_change_of_delivery: "a delivery's changes, replaced when its money changes",
  },
} as const;

describeEachDatabase('the indexes bulk registration keeps up', (database) => {
  it.each(Object.entries(SERVED_BY))('of %s are those the reads need', async (table, served) => {
    const { rows } = await sql<{ name: string }>`select indexrelid::regclass::text as name from pg_index where indrelid = ${table}::regclass order by 1`.execute(database().db);
    expect(rows.map((row) => row.name)).toEqual(Object.keys(served).toSorted());
  });
});
