/**
 * Migration 084 keeps a delivery's enumerations in domains, whose checks PostgreSQL prepares once per connection,
 * and the order of its dates in six comparisons: the database refuses what it refused before, each value outside an
 * enumeration by the name of its check, and of the dates exactly those set out of order.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { CATEGORIES, DISCLOSURE_STATES, FUNDING_SOURCES, SUPPORT_TYPES } from '../../common/vocabulary/codes.ts';
import { insertingDelivery, newStoredDelivery } from '../../src/db/repositories/deliveries.ts';
import { unsetDeliveryFields, type DeliveryFields } from '../../src/domain/delivery.ts';
import { describeEachDatabase, type CurrentDatabase } from '../support/databases.ts';

const DATE_FIELDS = ['pledgedAt', 'committedAt', 'realisedAt', 'deliveredAt'] as const;

const fields = (change: Record<string, unknown>) =>
  ({ ...unsetDeliveryFields(), title: 'Verkenningsdrones', category: 'drones', supportType: 'stock', fundingSource: 'defenceBudget', isDemonstration: false, ...change }) as DeliveryFields;

/** Inserts a delivery as given, past the register's own rules: the database's answer, undefined when it stored it. */
async function refusal(database: CurrentDatabase, change: Record<string, unknown>): Promise<string | undefined> {
  const delivery = newStoredDelivery(randomUUID(), fields(change), new Date());
  return insertingDelivery(database().db, { ...delivery, ...change }).execute().then(
    () => undefined,
    (error: unknown) => String(error),
  );
}

describeEachDatabase("a delivery's checks", (database) => {
  it('keep the enumerations in domains', async () => {
    const { rows } = await sql<{ columnName: string; domainName: string | null }>`
      select column_name, domain_name from information_schema.columns
      where table_schema = current_schema() and table_name = 'delivery' and column_name in ('category', 'support_type', 'funding_source', 'disclosure_state')
      order by column_name`.execute(database().db);
    expect(rows).toEqual([
      { columnName: 'category', domainName: 'delivery_category' },
      { columnName: 'disclosure_state', domainName: 'delivery_disclosure_state' },
      { columnName: 'funding_source', domainName: 'delivery_funding_source' },
      { columnName: 'support_type', domainName: 'delivery_support_type' },
    ]);
  });

  it('store every value of each enumeration and refuse any other by the name of its check', async () => {
    const enumerations = [
      ['category', CATEGORIES, 'delivery_category_check'],
      ['supportType', SUPPORT_TYPES, 'delivery_support_type_check'],
      ['fundingSource', FUNDING_SOURCES, 'delivery_funding_source_check'],
      ['disclosureState', DISCLOSURE_STATES, 'delivery_disclosure_state_check'],
    ] as const;
    for (const [field, values, check] of enumerations) {
      // A stock delivery may not be funded by the EPF elsewhere, but the database does not judge that.
      for (const value of values) expect(await refusal(database, { [field]: value }), `${field} ${value}`).toBeUndefined();
      expect(await refusal(database, { [field]: 'ships' })).toContain(check);
      expect(await refusal(database, { [field]: values[0].toUpperCase() })).toContain(check);
    }
  });

  it('refuse exactly the dates set out of order, whichever are set', async () => {
    const days = [null, '2025-03-01', '2025-03-02', '2025-03-03'];
    for (let combination = 0; combination < days.length ** DATE_FIELDS.length; combination++) {
      const dates = DATE_FIELDS.map((_, index) => days[Math.floor(combination / days.length ** index) % days.length]!);
      const set = dates.filter((date) => date !== null);
      const inOrder = set.every((date, index) => index === 0 || set[index - 1]! <= date);
      const answer = await refusal(database, Object.fromEntries(DATE_FIELDS.map((field, index) => [field, dates[index]])));
      if (inOrder) expect(answer, dates.join(' ')).toBeUndefined();
      else expect(answer, dates.join(' ')).toContain('lifecycle_in_order');
    }
  });
});
