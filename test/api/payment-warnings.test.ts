import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement } from '../support/deliveries.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('a payment far above its delivery’s valuation', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let auditor: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
    finance = apiClient(database().db, { role: 'finance' });
    auditor = apiClient(database().db, { role: 'auditor' });
  });

  const valuedPurchase = async (title: string) => {
    const purchase = (await registrar('POST', '/deliveries', { ...procurement, title })).body;
    await registrar('POST', `/deliveries/${purchase.id}/valuations`, { amountCents: 125_000_00, basis: 'contractPrice', effectiveDate: '2025-03-01' });
    return purchase.id as string;
  };
  const eventsOf = async (id: string) => (await auditor('GET', `/audit-events?objectId=${id}`)).body.items as any[];

  it('is refused as a warning to confirm, naming the amount, the valuation and how many times it is, and changes nothing', async () => {
    const id = await valuedPurchase('Aankoop met een betaling in centen');
    const before = (await registrar('GET', `/deliveries/${id}`)).body;
    const eventsBefore = (await eventsOf(id)).length;

    const warned = await finance('POST', `/deliveries/${id}/payments`, { amountCents: 12_500_000_00, paidOn: '2025-04-01' }, { 'Accept-Language': 'en' });
    expect(warned.status).toBe(422);
    expect(warned.body).toMatchObject({ status: 422, code: 'confirmationRequired', title: 'Confirm the warning first' });
    expect(warned.body.invalidParams).toEqual([
      { name: 'amountCents', code: 'paymentFarAboveValuation', reason: expect.stringContaining("€12,500,000.00 is 100 times this delivery's valuation (€125,000.00)") },
    ]);
    expect(warned.body.reasonsByLanguage.nl[0]).toMatch(/is 100 keer de waardering van deze levering \(€\s125\.000,00\)/);
    expect((await registrar('GET', `/deliveries/${id}`)).body).toMatchObject({ payments: [], valueCents: 0, version: before.version, realisedAt: null });
    expect(await eventsOf(id)).toHaveLength(eventsBefore);
    const refusals = (await auditor('GET', '/audit-events?action=access')).body.items as any[];
    expect(refusals.find((event) => event.detail?.path === `/deliveries/${id}/payments`)?.detail).toMatchObject({ reason: 'confirmationRequired', status: 422, fields: ['amountCents'] });

    // Ten times the valuation is warned of; just below it is not.
    expect((await finance('POST', `/deliveries/${id}/payments`, { amountCents: 1_250_000_00, paidOn: '2025-04-01' })).status).toBe(422);
    expect((await finance('POST', `/deliveries/${id}/payments`, { amountCents: 1_249_999_99, paidOn: '2025-04-01' })).status).toBe(201);
  });

  it('is recorded when the request confirms the warning, and the audit event keeps what was confirmed', async () => {
    const id = await valuedPurchase('Aankoop met een bevestigde betaling');
    const unknown = await finance('POST', `/deliveries/${id}/payments`, { amountCents: 12_500_000_00, paidOn: '2025-04-01', confirm: ['paymentFarAboveTheMoon'] });
    expect([unknown.status, unknown.body.invalidParams.map((param: any) => [param.name, param.code])]).toEqual([400, [['confirm.0', 'invalidChoice']]]);

    const confirmed = await finance('POST', `/deliveries/${id}/payments`, { amountCents: 12_500_000_00, paidOn: '2025-04-01', confirm: ['paymentFarAboveValuation'] });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).not.toHaveProperty('confirm');
    expect((await registrar('GET', `/deliveries/${id}`)).body).toMatchObject({ valueCents: 12_500_000_00, realisedAt: '2025-04-01' });
    const event = (await eventsOf(id)).find((candidate) => candidate.action === 'payment.create');
    expect(event.detail).toEqual({
      confirmedWarnings: [{ field: 'amountCents', code: 'paymentFarAboveValuation', params: { amount: '1250000000', valuation: '12500000', ratio: '100' } }],
    });

    // A payment not far above keeps no confirmation, even when the request sends one.
    await finance('POST', `/deliveries/${id}/payments`, { amountCents: 100_00, paidOn: '2025-04-02', confirm: ['paymentFarAboveValuation'] });
    const events = (await eventsOf(id)).filter((candidate) => candidate.action === 'payment.create');
    expect(events.map((candidate) => candidate.detail ?? null)).toContain(null);
  });

  it('is compared with the valuation that counts, not one withdrawn, and not at all without a valuation', async () => {
    const unvalued = (await registrar('POST', '/deliveries', { ...procurement, title: 'Aankoop zonder waardering' })).body;
    expect((await finance('POST', `/deliveries/${unvalued.id}/payments`, { amountCents: 500_000_000_00, paidOn: '2025-04-01' })).status).toBe(201);

    const id = await valuedPurchase('Aankoop met een ingetrokken waardering');
    const valuation = (await registrar('GET', `/deliveries/${id}`)).body.valuations[0];
    expect((await registrar('POST', `/valuations/${valuation.id}/withdrawal`, { withdrawnOn: '2025-03-01', reason: 'Verkeerd contract' })).status).toBe(201);
    expect((await finance('POST', `/deliveries/${id}/payments`, { amountCents: 12_500_000_00, paidOn: '2025-04-01' })).status).toBe(201);
  });
});
