/**
 * Migration 050 keeps the work for the EU as implementing actor as changes per day. The database is taken
 * back to before it (its tables and functions dropped, the refresh of realised support as it was, its record
 * removed) and migrated again: the figure of the deliveries entered before it is what it was, at every date,
 * and what is entered after it moves the figure as before.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { implementingActorCentsAt } from '../../src/db/repositories/epf.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { apiClient } from '../api/client.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { describeEachDatabase } from '../support/databases.ts';

const DATES = ['2024-06-30', '2025-02-04', '2025-08-31', '2026-12-31'];

describeEachDatabase('migration 050 on the work for the EU entered before it', (database) => {
  beforeAll(async () => {
    await loadDemonstrationData(database().db);
  });

  const figures = () => Promise.all(DATES.map((date) => implementingActorCentsAt(database().db, date)));

  it('gives the figure it had at every date, and moves it with what is entered after', async () => {
    const { db } = database();
    const before = await figures();
    expect(before.at(-1)).toBeGreaterThan(0);

    await sql`drop function refresh_realised_support_changes(uuid[])`.execute(db);
    await sql`alter function refresh_dutch_support_changes(uuid[]) rename to refresh_realised_support_changes`.execute(db);
    await sql`drop function refresh_implementing_actor_changes(uuid[])`.execute(db);
    await sql`drop function implementing_actor_changes_of(uuid[])`.execute(db);
    await sql`drop table implementing_actor_day`.execute(db);
    await sql`drop table implementing_actor_change`.execute(db);
    await sql`delete from schema_migration where name = '050_implementing_actor_work_per_day.sql'`.execute(db);
    expect(await migrate(database())).toEqual(['050_implementing_actor_work_per_day.sql']);
    expect(await figures()).toEqual(before);

    const registrar = apiClient(db, { role: 'registrar' });
    const created = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Generatoren voor de EU', fundingSource: 'epf', realisedAt: '2025-03-10' });
    expect(created.body).toMatchObject({ fundingSource: 'epf' });
    const valued = await registrar('POST', `/deliveries/${created.body.id}/valuations`, { amountCents: 4_200_000_00, basis: 'replacementValue', effectiveDate: '2025-03-10' });
    expect(valued.status).toBe(201);
    expect(await figures()).toEqual([before[0], before[1], before[2]! + 4_200_000_00, before[3]! + 4_200_000_00]);
  });
});
