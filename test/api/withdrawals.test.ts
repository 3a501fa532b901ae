import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { registerShipped } from '../support/export-control.ts';
import { apiClient, type ApiCall } from './client.ts';

const figuresAt = (date: string) => `/figures?referenceDate=${date}&compareDate=2025-01-01`;
const cents = (body: any, type: string): number => body.rows.find((row: any) => row.supportType === type).reference.cents;

describeEachDatabase('withdrawing money entered in error', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let auditor: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
    finance = apiClient(database().db, { role: 'finance' });
    auditor = apiClient(database().db, { role: 'auditor' });
  });

  it('withdraws a payment from its date on, keeps both in the history and audits it', async () => {
    const purchase = (await registrar('POST', '/deliveries', { title: 'Verkeerd geboekte aankoop', category: 'ammunition', supportType: 'procurement', fundingSource: 'ukraineSupportBudget', committedAt: '2025-01-15' })).body;
    await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 5_00, paidOn: '2025-02-01' });
    const wrong = (await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 7_00, paidOn: '2025-03-01' })).body;
    const [marchBefore, aprilBefore] = [cents((await registrar('GET', figuresAt('2025-03-31'))).body, 'procurement'), cents((await registrar('GET', figuresAt('2025-04-30'))).body, 'procurement')];

    const path = `/payments/${wrong.id}/withdrawal`;
    expect((await registrar('POST', path, { withdrawnOn: '2025-04-01', reason: 'Dubbel geboekt' })).status).toBe(403);
    const refusals = [
      await finance('POST', path, { withdrawnOn: '2025-04-01', reason: '  ' }),
      await finance('POST', path, { withdrawnOn: '2025-04-01' }),
      await finance('POST', path, { withdrawnOn: '2025-02-28', reason: 'Dubbel geboekt' }),
      await finance('POST', path, { withdrawnOn: '2099-01-01', reason: 'Dubbel geboekt' }),
    ];
    expect(refusals.map((refusal) => [refusal.status, refusal.body.invalidParams.map((param: any) => param.name)])).toEqual([
      [400, ['reason']], [400, ['reason']], [400, ['withdrawnOn']], [400, ['withdrawnOn']],
    ]);
    expect(refusals[2]!.body.invalidParams[0].code).toBe('beforeEntry');
    expect((await finance('POST', '/payments/00000000-0000-4000-8000-000000000000/withdrawal', { withdrawnOn: '2025-04-01', reason: 'Dubbel geboekt' })).status).toBe(404);

    const withdrawn = await finance('POST', path, { withdrawnOn: '2025-04-01', reason: 'Dubbel geboekt' });
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.body).toMatchObject({ entryId: wrong.id, withdrawnOn: '2025-04-01', reason: 'Dubbel geboekt' });
    const again = await finance('POST', path, { withdrawnOn: '2025-05-01', reason: 'Nogmaals' });
    expect([again.status, again.body.invalidParams[0].code]).toEqual([400, 'alreadyWithdrawn']);

    // Counted as it was known before the withdrawal date, left out from that date on.
    expect(cents((await registrar('GET', figuresAt('2025-03-31'))).body, 'procurement')).toBe(marchBefore);
    expect(cents((await registrar('GET', figuresAt('2025-04-30'))).body, 'procurement')).toBe(aprilBefore - 7_00);
    const detail = (await registrar('GET', `/deliveries/${purchase.id}`)).body;
    expect(detail.payments.map((payment: any) => payment.id)).toContain(wrong.id);
    expect(detail.withdrawals).toEqual([withdrawn.body]);
    expect(detail.valueCents).toBe(5_00);
    expect(detail.realisedAt).toBe('2025-02-01');

    const events = (await auditor('GET', '/audit-events?action=payment.withdraw')).body.items;
    expect(events.some((event: any) => event.object.id === purchase.id && event.after.reason === 'Dubbel geboekt' && event.before.id === wrong.id)).toBe(true);
  });

  it('refuses a payment under a reference another payment of its delivery carries, capitals and spaces aside, until that one is withdrawn', async () => {
    const purchase = (await registrar('POST', '/deliveries', { title: 'Tweemaal ingevoerde betaling', category: 'ammunition', supportType: 'procurement', fundingSource: 'ukraineSupportBudget', committedAt: '2025-01-15' })).body;
    const first = (await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 5_00, paidOn: '2025-02-01', reference: 'BET-2025 17' })).body;
    const aprilBefore = cents((await registrar('GET', figuresAt('2025-04-30'))).body, 'procurement');
    const eventsBefore = (await auditor('GET', `/audit-events?objectId=${purchase.id}`)).body.items.length;

    const twice = await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 5_00, paidOn: '2025-02-03', reference: 'bet-2025\u00a0 17' }, { 'Accept-Language': 'en' });
    expect([twice.status, twice.body.invalidParams]).toEqual([
      400,
      [expect.objectContaining({ name: 'reference', code: 'paymentReferenceTaken', reason: expect.stringContaining('a payment with this reference already, of 1 February 2025') })],
    ]);
    expect((await registrar('GET', `/deliveries/${purchase.id}`)).body).toMatchObject({ payments: [{ id: first.id }], valueCents: 5_00 });
    expect(cents((await registrar('GET', figuresAt('2025-04-30'))).body, 'procurement')).toBe(aprilBefore);
    expect((await auditor('GET', `/audit-events?objectId=${purchase.id}`)).body.items).toHaveLength(eventsBefore);

    // Without a reference, or under another one, a second payment is no duplicate; nor is the same reference on another delivery.
    expect((await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 1_00, paidOn: '2025-02-03' })).status).toBe(201);
    expect((await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 1_00, paidOn: '2025-02-03', reference: 'BET-2025 18' })).status).toBe(201);
    const other = (await registrar('POST', '/deliveries', { title: 'Andere aankoop', category: 'ammunition', supportType: 'procurement', fundingSource: 'ukraineSupportBudget', committedAt: '2025-01-15' })).body;
    expect((await finance('POST', `/deliveries/${other.id}/payments`, { amountCents: 1_00, paidOn: '2025-02-03', reference: 'BET-2025 17' })).status).toBe(201);

    expect((await finance('POST', `/payments/${first.id}/withdrawal`, { withdrawnOn: '2025-02-01', reason: 'Verkeerd bedrag' })).status).toBe(201);
    expect((await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 6_00, paidOn: '2025-02-01', reference: 'BET-2025 17' })).status).toBe(201);
  });

  it('withdraws a valuation: the one before it counts again, on the withdrawal date on', async () => {
    const stock = (await registerShipped(registrar, database().db, { title: 'Verkeerd gewaardeerd', category: 'vehicles', supportType: 'stock', fundingSource: 'ukraineSupportBudget', realisedAt: '2025-02-01' })).body;
    await registrar('POST', `/deliveries/${stock.id}/valuations`, { amountCents: 10_00, basis: 'replacementValue', effectiveDate: '2025-02-01' });
    const wrong = (await registrar('POST', `/deliveries/${stock.id}/valuations`, { amountCents: 1_000_00, basis: 'replacementValue', effectiveDate: '2025-03-01' })).body;
    const before = cents((await registrar('GET', figuresAt('2025-05-31'))).body, 'stock');

    expect((await finance('POST', `/valuations/${wrong.id}/withdrawal`, { withdrawnOn: '2025-03-01', reason: 'Tikfout' })).status).toBe(403);
    // Dated on the valuation's own date: as if it had never been entered.
    expect((await registrar('POST', `/valuations/${wrong.id}/withdrawal`, { withdrawnOn: '2025-03-01', reason: 'Tikfout' })).status).toBe(201);
    expect(cents((await registrar('GET', figuresAt('2025-05-31'))).body, 'stock')).toBe(before - 1_000_00 + 10_00);
    expect((await registrar('GET', `/deliveries/${stock.id}`)).body.valueCents).toBe(10_00);
  });

  it('gives a delivery an import adds money to the value of its money not withdrawn', async () => {
    const purchase = (await registrar('POST', '/deliveries', { title: 'Aankoop, aangevuld uit een bestand', category: 'ammunition', supportType: 'procurement', fundingSource: 'ukraineSupportBudget', committedAt: '2025-01-15' })).body;
    await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 5_00, paidOn: '2025-02-01' });
    const wrongPayment = (await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 7_00, paidOn: '2025-03-01' })).body;
    expect((await finance('POST', `/payments/${wrongPayment.id}/withdrawal`, { withdrawnOn: '2025-03-01', reason: 'Tikfout' })).status).toBe(201);
    const stock = (await registerShipped(registrar, database().db, { title: 'Voorraad, aangevuld uit een bestand', category: 'vehicles', supportType: 'stock', fundingSource: 'ukraineSupportBudget', realisedAt: '2025-02-01' })).body;
    await registrar('POST', `/deliveries/${stock.id}/valuations`, { amountCents: 10_00, basis: 'replacementValue', effectiveDate: '2025-02-01' });
    const wrongValuation = (await registrar('POST', `/deliveries/${stock.id}/valuations`, { amountCents: 1_000_00, basis: 'replacementValue', effectiveDate: '2025-03-01' })).body;
    expect((await registrar('POST', `/valuations/${wrongValuation.id}/withdrawal`, { withdrawnOn: '2025-03-01', reason: 'Tikfout' })).status).toBe(201);

    const upload = (lines: string[], fileName: string) => ({ fileName, content: Buffer.from(lines.join('\r\n')).toString('base64'), mode: 'allOrNothing' });
    const payments = await finance('POST', '/imports', upload(['Eigen kenmerk;Kenmerk levering;Bedrag (€);Betaald op', `AANV-B;${purchase.id};2;2025-04-01`], 'betalingen.csv'));
    expect(payments.body).toMatchObject({ committed: true, counts: { create: 1 } });
    // Effective before the valuation that counts, the imported one does not supersede it.
    const valuations = await registrar('POST', '/imports', upload(['Eigen kenmerk;Kenmerk levering;Bedrag;Grondslag;Ingangsdatum', `AANV-W;${stock.id};20;Vervangingswaarde;2025-01-15`], 'waarderingen.csv'));
    expect(valuations.body).toMatchObject({ committed: true, counts: { create: 1 } });

    expect((await registrar('GET', `/deliveries/${purchase.id}`)).body).toMatchObject({ valueCents: 5_00 + 2_00, realisedAt: '2025-02-01' });
    expect((await registrar('GET', `/deliveries/${stock.id}`)).body.valueCents).toBe(10_00);
  });
});
