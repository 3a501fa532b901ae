/**
 * A change of a delivery that would make the records about it wrong is refused at the field changed, in
 * Dutch and English, and changes nothing: a purchase a contract fulfils stays a purchase, stock with
 * readiness records stays stock, a delivery keeps at least the items projects replace of it, and one
 * claimed on the EPF does not become the EU's own work, and one committed from a fund stays paid from it. A
 * delivery keeps at least the items a disclosure decision in force states it holds, with those decided at once
 * with it. The same change is taken where nothing depends on it.
 * A delivery that records of other domains name is not removed at all.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { itRefusesEach, registerToTypeInto, type RefusedInput } from '../support/refused-input.ts';

describeEachDatabase('a delivery changed under the records that depend on it', (database) => {
  const { as, ids } = registerToTypeInto(database, ['finance', 'disclosureOfficer']);
  const decidePublic = (deliveryIds: string[], publicQuantity: string) =>
    as.disclosureOfficer('POST', '/disclosure-decisions', { deliveryIds, state: 'public', publicTitle: 'Generatoren', publicCategory: 'nonLethal', publicQuantity });

  beforeAll(async () => {
    const created = await Promise.all([
      as.registrar('POST', '/industry-contracts', { companyId: ids.company, reference: 'K-1', subject: 'Munitie', amountCents: 100, signedOn: '2025-03-10', deliveryIds: [ids.procurement] }),
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
    // Three deliveries of 8: one decided public as 8, two at once as "ca. 15".
    for (const key of ['disclosed', 'pairFirst', 'pairSecond']) ids[key] = (await as.registrar('POST', '/deliveries', { ...stockDelivery, title: key })).body.id;
    created.push(await decidePublic([ids.disclosed!], '8'), await decidePublic([ids.pairFirst!, ids.pairSecond!], 'ca. 15'));
    expect(created.map((response) => response.status)).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 201]);
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
      change('a delivery disclosed as 8 lowered to 7', () => ids.disclosed!, { quantity: 7 }, 'quantity', 'quantityBelowDisclosed'),
      change('one of two deliveries disclosed as "ca. 15" lowered from 8 to 6', () => ids.pairFirst!, { quantity: 6 }, 'quantity', 'quantityBelowDisclosed'),
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

  it('says what the decision states and what its deliveries would hold, and changes nothing', async () => {
    const before = await as.registrar('GET', `/deliveries/${ids.pairSecond}`);
    const refused = await as.registrar('PATCH', `/deliveries/${ids.pairSecond}`, { quantity: 1 }, { 'If-Match': before.headers.get('etag')!, 'Accept-Language': 'en' });
    expect([refused.status, refused.body.invalidParams]).toEqual([
      400,
      [
        {
          name: 'quantity',
          code: 'quantityBelowDisclosed',
          reason:
            'A disclosure decision states a public quantity that reads as 15; after this change the 2 deliveries of that decision hold 9 together. Keep the quantity, or first decide again with a smaller public quantity, or one without a number ("several").',
        },
      ],
    ]);
    const after = await as.registrar('GET', `/deliveries/${ids.pairSecond}`);
    expect([after.headers.get('etag'), after.body.quantity]).toEqual([before.headers.get('etag'), 8]);
  });

  it('holds a decision on several deliveries while it is in force for one of them, and removes none of them it needs', async () => {
    const register = async (title: string): Promise<string> => (await as.registrar('POST', '/deliveries', { ...stockDelivery, title })).body.id;
    const [kept, other, removed] = [await register('kept'), await register('other'), await register('removed')];
    const english = async (id: string) => ({ ...(await versionOf(id)()), 'Accept-Language': 'en' });
    const reasonsOf = (response: { status: number; body: any }) => [response.status, response.body.invalidParams?.map((param: any) => [param.name, param.code, param.reason])];
    expect((await decidePublic([kept, other, removed], '20')).status).toBe(201);
    expect((await as.disclosureOfficer('POST', '/disclosure-decisions', { deliveryIds: [other], state: 'confidential', ground: 'operationalSecurity' })).status).toBe(201);

    // "20" is no longer in force for the other, but still for the first and the last.
    expect(reasonsOf(await as.registrar('PATCH', `/deliveries/${other}`, { quantity: 3 }, await english(other)))).toEqual([
      400,
      [['quantity', 'quantityBelowDisclosed', 'A disclosure decision states a public quantity that reads as 20; after this change the 3 deliveries of that decision hold 19 together. Keep the quantity, or first decide again with a smaller public quantity, or one without a number ("several").']],
    ]);
    expect(reasonsOf(await as.registrar('DELETE', `/deliveries/${removed}`, undefined, await english(removed)))).toEqual([
      400,
      [['id', 'neededForDisclosedQuantity', 'A disclosure decision states a public quantity that reads as 20 for 3 deliveries together; without this one they hold 16. This delivery is not removed: first decide again on the others of that decision, with a smaller public quantity, or one without a number ("several").']],
    ]);
    expect((await as.registrar('GET', `/deliveries/${removed}`)).status).toBe(200);

    expect((await as.registrar('PATCH', `/deliveries/${kept}`, { quantity: 4 }, await versionOf(kept)())).status).toBe(200);
    // Once no other delivery holds it, the decision goes with the last one it is in force for.
    expect((await as.disclosureOfficer('POST', '/disclosure-decisions', { deliveryIds: [kept], state: 'confidential', ground: 'operationalSecurity' })).status).toBe(201);
    expect((await as.registrar('DELETE', `/deliveries/${removed}`, undefined, await versionOf(removed)())).status).toBe(204);
  });

  it('takes a change that keeps each decision in force true, or that comes after a decision no longer in force', async () => {
    for (const [id, quantity] of [[ids.pairFirst!, 7], [ids.disclosed!, 100], [ids.disclosed!, 8]] as const) {
      const changed = await as.registrar('PATCH', `/deliveries/${id}`, { quantity }, await versionOf(id)());
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    }
    const confidential = await as.disclosureOfficer('POST', '/disclosure-decisions', { deliveryIds: [ids.disclosed], state: 'confidential', ground: 'operationalSecurity' });
    expect(confidential.status, JSON.stringify(confidential.body)).toBe(201);
    const lowered = await as.registrar('PATCH', `/deliveries/${ids.disclosed}`, { quantity: 1 }, await versionOf(ids.disclosed!)());
    expect(lowered.status, JSON.stringify(lowered.body)).toBe(200);
  });

  it('takes the same changes where no record depends on them', async () => {
    const free = (await as.registrar('POST', '/deliveries', { ...stockDelivery, title: 'Vrij' })).body;
    const changed = await as.registrar('PATCH', `/deliveries/${free.id}`, { quantity: 1, supportType: 'procurement', realisedAt: null, fundingSource: 'epf' }, await versionOf(free.id)());
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const lowered = await as.registrar('PATCH', `/deliveries/${ids.stock}`, { quantity: 6 }, await versionOf(ids.stock!)());
    expect(lowered.status, JSON.stringify(lowered.body)).toBe(200);
  });
});
