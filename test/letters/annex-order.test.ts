/**
 * The annex lists its deliveries by the day they were realised, then by title as people read them: the
 * numbers in a title by value ("nr. 3", "nr. 11", "nr. 101"), where text order put "nr. 101" before "nr. 11";
 * its readiness section, one row per stock delivery, by title the same way.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { annexSnapshot } from '../../src/register/annex.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { deliveryRecords, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';

const MILLION = 100_000_000; // cents

describeEachDatabase('the order of the annex’s rows', (database) => {
  let roles: RecordingRoles;
  const { delivery, value } = deliveryRecords(() => roles);

  beforeAll(async () => {
    roles = recordingRoles(database().db);
    for (const [title, realisedAt] of [['Drones nr. 101', '2025-04-15'], ['Drones nr. 11', '2025-04-15'], ['drones nr. 21', '2025-04-15'], ['Drones nr. 3', '2025-04-15'], ['Aggregaten', '2025-04-20']] as const) {
      await value(await delivery({ ...stockDelivery, title, realisedAt }), MILLION, realisedAt);
    }
  });

  it('sorts by day, then by title with the numbers in it by value', async () => {
    const annex = await annexSnapshot(database().db, randomUUID(), '2025-06-30', false);
    expect(annex.rows.map((row) => row.title)).toEqual(['Drones nr. 3', 'Drones nr. 11', 'drones nr. 21', 'Drones nr. 101', 'Aggregaten']);
    expect(annex.readinessByDelivery!.map((row) => row.delivery)).toEqual(['Aggregaten', 'Drones nr. 3', 'Drones nr. 11', 'drones nr. 21', 'Drones nr. 101']);
  });
});
