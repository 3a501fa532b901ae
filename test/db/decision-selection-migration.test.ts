/**
 * Migration 047 keeps which disclosure decisions were taken at once: those decided at the same moment by the
 * same person. The database is taken back to before it (its column dropped, its record removed) and
 * migrated again; a public quantity decided before then holds the deliveries it was decided for.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';

describeEachDatabase('migration 047 on decisions taken before it', (database) => {
  let registrar: ApiCall;
  let disclosure: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
    disclosure = apiClient(database().db, { role: 'disclosureOfficer' });
  });

  const created = async (): Promise<string> => (await registrar('POST', '/deliveries', stockDelivery)).body.id;
  const decidedPublic = async (deliveryIds: string[], publicQuantity: string) =>
    expect((await disclosure('POST', '/disclosure-decisions', { deliveryIds, state: 'public', publicTitle: 'Generatoren', publicCategory: 'nonLethal', publicQuantity })).status).toBe(201);

  it('puts the decisions of one moment and person in one selection, whose quantity a delivery of it then keeps to', async () => {
    const [first, second, alone] = [await created(), await created(), await created()];
    await decidedPublic([first, second], '15');
    await decidedPublic([alone], '8');
    const { db } = database();
    // Taken back to before migration 047, which was before the guard that keeps the decisions (migration 065).
    await sql`alter table disclosure_decision disable trigger disclosure_decision_kept`.execute(db);
    // Apart by a second, as two decisions of one person are unless taken at once.
    await sql`update disclosure_decision set decided_at = decided_at + interval '1 second' where delivery_id = ${alone}`.execute(db);

    await sql`alter table disclosure_decision drop column selection_id`.execute(db);
    await sql`delete from schema_migration where name = '047_disclosure_decision_selection.sql'`.execute(db);
    expect(await migrate(database())).toEqual(['047_disclosure_decision_selection.sql']);

    const selections = await db.selectFrom('disclosureDecision').select(['deliveryId', 'selectionId']).where('deliveryId', 'in', [first, second, alone]).execute();
    const selectionOf = (id: string) => selections.find((row) => row.deliveryId === id)!.selectionId;
    expect(selectionOf(first)).toBe(selectionOf(second));
    expect(selectionOf(alone)).not.toBe(selectionOf(first));

    const lowered = async (id: string, quantity: number) =>
      (await registrar('PATCH', `/deliveries/${id}`, { quantity }, { 'If-Match': (await registrar('GET', `/deliveries/${id}`)).headers.get('etag')! })).body.invalidParams?.[0]?.code ?? 'taken';
    expect([await lowered(first, 6), await lowered(first, 7), await lowered(alone, 7)]).toEqual(['quantityBelowDisclosed', 'taken', 'quantityBelowDisclosed']);
  });
});
