/**
 * A change of a delivery that would make the records about it wrong is refused at the field changed, in
 * Dutch and English, and changes nothing: a purchase a contract fulfils stays a purchase, stock with
 * readiness records stays stock, a delivery keeps at least the items projects replace of it, and one
 * claimed on the EPF does not become the EU's own work, and one committed from a fund stays paid from it. The same change is taken where nothing depends on it.
 * A delivery that records of other domains name is not removed at all.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { itRefusesEach, registerToTypeInto, type RefusedInput } from '../support/refused-input.ts';

describeEachDatabase('a delivery changed under the records that depend on it', (database) => {
  const { as, ids } = registerToTypeInto(database, ['finance']);

  beforeAll(async () => {
    const created = await Promise.all([
      as.registrar('POST', '/industry-contracts', { companyId: ids.company, reference: 'K-1', subject: 'Munitie', amountCents: 100, signedOn: '2025-01-10', deliveryIds: [ids.procurement] }),
      as.registrar('POST', `/deliveries/${ids.stock}/readiness-judgements`, { effect: 'acceptable', reasoning: 'Voorraad volstaat.', judgedOn: '2025-05-01' }),
      as.registrar('POST', `/deliveries/${ids.stock}/valuations`, { amountCents: 1_000_000, basis: 'replacementValue', effectiveDate: '2025-04-15' }),
    ]);
    const claimed = (await as.registrar('POST', '/deliveries', { ...procurement, title: 'Geclaimd' })).body.id;
    const committed = (await as.registrar('POST', '/deliveries', { ...procurement, title: 'Verplicht' })).body.id;
    created.push(
      await as.registrar('POST', '/replenishment-projects', { name: 'Vervanging', stage: 'identified', replaces: [{ deliveryId: ids.stock, replacedValueCents: 100, replacedQuantity: 6 }], asOf: '2025-06-01' }),
      await as.registrar('POST', `/deliveries/${claimed}/valuations`, { amountCents: 1_000, basis: 'contractPrice', effectiveDate: '2025-03-01' }),
      await as.finance('POST', '/epf/claims', { reference: 'EPF-1', deliveryId: claimed, period: 'maart 2025', declaredCents: 1_000, declaredOn: '2025-04-01' }),
      await as.finance('POST', '/budget/commitments', { title: 'Verplichting', fund: 'ukraineSupportBudget', budgetYear: 2025, stage: 'pledged', amountCents: 100, effectiveOn: '2025-04-15', deliveryId: committed }),
    );
    ids.claimed = claimed;
    ids.committed = committed;
    expect(created.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 201, 201]);
  });

  const versionOf = (id: string) => async () => ({ 'If-Match': (await as.registrar('GET', `/deliveries/${id}`)).headers.get('etag')! });
  const change = (what: string, id: () => string, body: Record<string, unknown>, field: string, code: string): RefusedInput => ({
    what,
    role: 'registrar',
    method: 'PATCH',
    path: () => `/deliveries/${id()}`,
    body: () => body,
    headers: () => versionOf(id())(),
    field,
    code,
  });

  itRefusesEach(
    [
      change('a purchase a contract fulfils made stock', () => ids.procurement!, { supportType: 'stock' }, 'supportType', 'fulfilledByContract'),
      change('a purchase a contract fulfils made a NATO-fund contribution', () => ids.procurement!, { supportType: 'natoFund' }, 'supportType', 'fulfilledByContract'),
      change('stock with readiness records made a purchase', () => ids.stock!, { supportType: 'procurement', realisedAt: null }, 'supportType', 'hasReadinessRecords'),
      change('stock of which projects replace 6 items lowered to 5', () => ids.stock!, { quantity: 5 }, 'quantity', 'belowReplaced'),
      change('stock of which projects replace items left without a quantity', () => ids.stock!, { quantity: null }, 'quantity', 'belowReplaced'),
      change('a delivery claimed on the EPF made work for the EU', () => ids.claimed!, { fundingSource: 'epf' }, 'fundingSource', 'claimedOnEpf'),
      change('a delivery committed from the Ukraine support fund paid from the defence budget', () => ids.committed!, { fundingSource: 'defenceBudget' }, 'fundingSource', 'committedFromFund'),
    ],
    as,
    database,
  );

  const removal = (what: string, id: () => string): RefusedInput => ({
    what,
    role: 'registrar',
    method: 'DELETE',
    path: () => `/deliveries/${id()}`,
    body: () => ({}),
    headers: () => versionOf(id())(),
    field: 'id',
    code: 'namedByRecords',
  });

  itRefusesEach(
    [
      removal('the removal of a purchase a contract fulfils', () => ids.procurement!),
      removal('the removal of stock a project replaces', () => ids.stock!),
      removal('the removal of a delivery claimed on the EPF', () => ids.claimed!),
    ],
    as,
    database,
  );

  it('names each kind of record that names a delivery it does not remove, and removes one with only its own history', async () => {
    const named = (await as.registrar('POST', '/deliveries', { ...stockDelivery, title: 'Genoemd' })).body;
    await as.registrar('POST', `/deliveries/${named.id}/readiness-judgements`, { effect: 'acceptable', reasoning: 'Voorraad volstaat.', judgedOn: '2025-05-01' });
    const programme = (await as.registrar('POST', '/training-programmes', { key: 'genoemd', name: 'Programma', hostCountry: 'DE', framework: 'bilateral', deliveryIds: [named.id] })).body;
    const commitment = await as.finance('POST', '/budget/commitments', { title: 'Bijdrage', fund: 'ukraineSupportBudget', budgetYear: 2025, stage: 'pledged', amountCents: 100, effectiveOn: '2025-04-15', deliveryId: named.id });
    expect([programme.id, commitment.status]).toEqual([expect.any(String), 201]);

    const refused = await as.registrar('DELETE', `/deliveries/${named.id}`, undefined, { ...(await versionOf(named.id)()), 'Accept-Language': 'en' });
    expect([refused.status, refused.body.invalidParams.map((param: any) => param.reason)]).toEqual([
      400,
      [
        'This delivery is not removed: 1 budget commitment still names it. A delivery named elsewhere in the register stays; take it out there first if it does not belong there.',
        'This delivery is not removed: 1 training programme still names it. A delivery named elsewhere in the register stays; take it out there first if it does not belong there.',
      ],
    ]);
    expect((await as.registrar('GET', `/deliveries/${named.id}`)).status).toBe(200);

    const own = (await as.registrar('POST', '/deliveries', { ...stockDelivery, title: 'Alleen eigen geschiedenis' })).body;
    await as.registrar('POST', `/deliveries/${own.id}/readiness-judgements`, { effect: 'acceptable', reasoning: 'Voorraad volstaat.', judgedOn: '2025-05-01' });
    await as.registrar('POST', `/deliveries/${own.id}/valuations`, { amountCents: 1_000, basis: 'replacementValue', effectiveDate: '2025-04-15' });
    expect((await as.registrar('DELETE', `/deliveries/${own.id}`, undefined, await versionOf(own.id)())).status).toBe(204);
  });

  it('takes the same changes where no record depends on them', async () => {
    const free = (await as.registrar('POST', '/deliveries', { ...stockDelivery, title: 'Vrij' })).body;
    const changed = await as.registrar('PATCH', `/deliveries/${free.id}`, { quantity: 1, supportType: 'procurement', realisedAt: null, fundingSource: 'epf' }, await versionOf(free.id)());
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const lowered = await as.registrar('PATCH', `/deliveries/${ids.stock}`, { quantity: 6 }, await versionOf(ids.stock!)());
    expect(lowered.status, JSON.stringify(lowered.body)).toBe(200);
  });
});
