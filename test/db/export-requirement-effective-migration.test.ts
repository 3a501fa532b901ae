/**
 * Migration 067 dates the overrides of the licence rule. Those recorded before it counted for their delivery whenever
 * they were recorded, also for goods that left before the decision: each holds from its delivery's earliest date, or
 * from its decision's day where that is earlier, so that no report or letter figure reads otherwise than before it.
 * The database is taken back to before it and migrated again.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { shipmentCountsBy } from '../../src/db/repositories/export-control.ts';
import { apiClient } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';

const MIGRATION = '067_export_requirement_effective_on.sql';

describeEachDatabase('migration 067 on the overrides recorded before it', (database) => {
  it('dates each override from its delivery’s earliest date or its decision’s day, whichever is earlier, and each report reads as before', async () => {
    const handle = database();
    const { db } = handle;
    const registrar = apiClient(db, { role: 'registrar' });
    const assessor = apiClient(db, { role: 'exportControlAssessor' });
    const registered = async (fields: Record<string, unknown>) => (await registrar('POST', '/deliveries', { ...stockDelivery, ...fields })).body.id as string;
    // Helmets handed over in 2024 and decided in 2025 to have needed a licence: the decision counted for their hand-over.
    const helmets = await registered({ title: 'Helmen', pledgedAt: null, committedAt: '2024-02-01', realisedAt: '2024-05-01' });
    // Vests pledged after the decision, which was recorded first.
    const vests = await registered({ title: 'Vesten', pledgedAt: '2025-03-01', committedAt: '2025-03-05', realisedAt: null });
    // Goods without any date.
    const undated = await registered({ title: 'Kleding', committedAt: null, realisedAt: null });
    for (const id of [helmets, vests, undated]) {
      expect((await assessor('POST', `/deliveries/${id}/export-requirement`, { required: true, reason: 'Op de Militaire Lijst.', effectiveOn: '2025-01-01' })).status).toBe(201);
    }
    // The helmets' override was taken back a week later, and then made again.
    for (const required of [false, true]) {
      expect((await assessor('POST', `/deliveries/${helmets}/export-requirement`, { required, reason: 'Herzien.', effectiveOn: '2025-01-01' })).status).toBe(201);
    }

    await sql`drop trigger export_requirement_kept on export_requirement`.execute(db);
    const decided = ['2025-01-20T09:00:00Z', '2025-01-27T09:00:00Z', '2025-02-03T23:30:00Z'];
    const { rows: helmetOverrides } = await sql<{ id: string }>`select id from export_requirement where delivery_id = ${helmets} order by decided_at, id`.execute(db);
    for (const [index, { id }] of helmetOverrides.entries()) await sql`update export_requirement set decided_at = ${decided[index]} where id = ${id}`.execute(db);
    // The vests' decided late in the evening of 9 February, UTC: 10 February in The Hague.
    await sql`update export_requirement set decided_at = '2025-02-09T23:30:00Z' where delivery_id = ${vests}`.execute(db);
    await sql`update export_requirement set decided_at = '2025-02-10T10:00:00Z' where delivery_id = ${undated}`.execute(db);
    await sql`drop index export_requirement_history`.execute(db);
    await sql`alter table export_requirement drop column effective_on`.execute(db);
    await sql`create index export_requirement_history on export_requirement (delivery_id, decided_at desc, id desc)`.execute(db);
    await sql`delete from schema_migration where name = ${MIGRATION}`.execute(db);
    const report = async () => (await assessor('GET', '/export-control/reports/2024')).body;

    expect(await migrate(handle)).toEqual([MIGRATION]);
    const dated = await sql<{ deliveryId: string; effectiveOn: string }>`select delivery_id, effective_on from export_requirement order by decided_at, id`.execute(db);
    expect(dated.rows.map((row) => [row.deliveryId, row.effectiveOn])).toEqual([
      [helmets, '2024-02-01'],
      [helmets, '2024-02-01'],
      [helmets, '2024-02-01'],
      [vests, '2025-02-10'],
      [undated, '2025-02-10'],
    ]);
    // The helmets left needing a licence, as the latest decision says, in 2024's report and a letter's check.
    expect((await report()).register.withoutLicence).toBe(1);
    expect(await shipmentCountsBy(db, '2024-12-31', 10)).toEqual({ needed: 1, uncovered: 1, listed: [{ deliveryId: helmets, title: 'Helmen', shippedOn: '2024-05-01' }] });
    expect((await assessor('GET', `/deliveries/${vests}/export-control`)).body).toMatchObject({ required: true, gate: 'awaitingAssessment' });
    // A history again: no row of it is changed.
    await expect(sql`update export_requirement set reason = 'Anders.' where delivery_id = ${vests}`.execute(db)).rejects.toThrow(/export_requirement is a history that is never changed/);
  });
});
