/**
 * Migration 030 gives the values already decided public the basis of the money behind them. The database
 * is taken back to before it (its columns dropped, its record removed) and migrated again.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';

describeEachDatabase('migration 030 on values already decided public', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let disclosure: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
    finance = apiClient(database().db, { role: 'finance' });
    disclosure = apiClient(database().db, { role: 'disclosureOfficer' });
  });

  async function created(delivery: object): Promise<string> {
    const response = await registrar('POST', '/deliveries', delivery);
    expect(response.status).toBe(201);
    return response.body.id;
  }
  async function valued(id: string, amountCents: number, basis: string, effectiveDate: string): Promise<void> {
    expect((await registrar('POST', `/deliveries/${id}/valuations`, { amountCents, basis, effectiveDate })).status).toBe(201);
  }
  async function decidedPublic(id: string, publicValue: boolean): Promise<void> {
    const decided = await disclosure('POST', '/disclosure-decisions', { deliveryIds: [id], state: 'public', publicTitle: 'Levering', publicCategory: 'other', publicValue });
    expect(decided.status).toBe(201);
  }

  it('gives each the basis it had when decided: of the valuation that gave it for stock, what was paid for the rest', async () => {
    const atBookValue = await created(stockDelivery);
    await valued(atBookValue, 400_00, 'replacementValue', '2025-04-15');
    await valued(atBookValue, 125_00, 'bookValue', '2025-05-01');
    await decidedPublic(atBookValue, true);
    // Revalued at book value for the same amount after the decision: the decision's value was the replacement value.
    const revaluedLater = await created(stockDelivery);
    await valued(revaluedLater, 200_00, 'replacementValue', '2025-04-15');
    await decidedPublic(revaluedLater, true);
    await valued(revaluedLater, 200_00, 'bookValue', '2025-06-01');
    const paid = await created(procurement);
    expect((await finance('POST', `/deliveries/${paid}/payments`, { amountCents: 900_00, paidOn: '2025-04-01' })).status).toBe(201);
    await decidedPublic(paid, true);
    const withoutValue = await created(stockDelivery);
    await valued(withoutValue, 300_00, 'bookValue', '2025-04-15');
    await decidedPublic(withoutValue, false);
    const decided = { atBookValue: 'bookValue', revaluedLater: 'replacementValue', paid: 'contractPrice', withoutValue: null };
    const ids = { atBookValue, revaluedLater, paid, withoutValue };
    expect(await basesOf(ids)).toEqual({ decisions: decided, projection: decided });

    const { db } = database();
    // Before migration 030 there was no such column, nor the guard that keeps the decisions (migration 065).
    await sql`alter table disclosure_decision disable trigger disclosure_decision_kept`.execute(db);
    await sql`alter table disclosure_decision drop column public_value_basis`.execute(db);
    await sql`alter table public_delivery drop column value_basis`.execute(db);
    await sql`delete from schema_migration where name = '030_public_value_basis.sql'`.execute(db);
    expect(await migrate(database())).toEqual(['030_public_value_basis.sql']);

    expect(await basesOf(ids)).toEqual({ decisions: decided, projection: decided });
  });

  /** The basis of each delivery's decision and of its row in the public projection. */
  async function basesOf(ids: Record<string, string>) {
    const { db } = database();
    const bases = { decisions: {} as Record<string, string | null>, projection: {} as Record<string, string | null> };
    for (const [name, id] of Object.entries(ids)) {
      const decision = await db.selectFrom('disclosureDecision').select('publicValueBasis').where('deliveryId', '=', id).executeTakeFirstOrThrow();
      const projected = await db
        .selectFrom('publicDelivery')
        .innerJoin('delivery', 'delivery.publicId', 'publicDelivery.publicId')
        .select('publicDelivery.valueBasis')
        .where('delivery.id', '=', id)
        .executeTakeFirstOrThrow();
      bases.decisions[name] = decision.publicValueBasis;
      bases.projection[name] = projected.valueBasis;
    }
    return bases;
  }
});
