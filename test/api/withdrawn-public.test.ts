/**
 * A payment or valuation withdrawn on its own date leaves every figure as if it had never been made: so too the
 * day a purchase was realised (its first payment not so withdrawn), in the register, the annex and the public
 * files, and a value made public that counted it, which public surfaces withhold until the delivery is decided
 * on again. A revaluation since a decision leaves the value it made public, which held then.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { KIEL_COLUMNS } from '../../src/api/public/kiel.ts';
import { annexSnapshot } from '../../src/register/annex.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { apiClient, type ApiCall } from './client.ts';

const MILLION = 100_000_000; // cents

describeEachDatabase('a public delivery whose money is withdrawn as never made', (database) => {
  let anonymous: ApiCall;
  let registrar: ApiCall;
  let finance: ApiCall;
  let officer: ApiCall;
  let auditor: ApiCall;
  let serial = 0;
  beforeAll(() => {
    const api = createApi({ db: database().db, onError: (error) => { throw error; } });
    anonymous = apiClient(database().db, { api });
    registrar = apiClient(database().db, { role: 'registrar', api });
    finance = apiClient(database().db, { role: 'finance', api });
    officer = apiClient(database().db, { role: 'disclosureOfficer', api });
    auditor = apiClient(database().db, { role: 'auditor', api });
  });

  const created = async (call: Promise<{ status: number; body: any }>) => {
    const response = await call;
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  /** Public at once, with its value and realised date, since a date gone by: open data shows it now, no letter needed. */
  const decidePublic = (id: string, title: string) =>
    created(officer('POST', '/disclosure-decisions', { deliveryIds: [id], state: 'public', publicTitle: title, publicCategory: 'nonLethal', publicRealisedDate: 'day', publicValue: true, publicFrom: '2025-07-01' }));
  const shown = async (title: string) => (await anonymous('GET', '/public/deliveries')).body.items.filter((item: { title: string }) => item.title === title);
  const csvRow = async (title: string) => ((await anonymous('GET', '/public/deliveries?format=csv&dialect=rfc4180')).body as string).split('\r\n').find((line) => line.includes(title));
  const kielRow = async (title: string) => ((await anonymous('GET', '/public/kiel')).body as string).split('\r\n').find((line) => line.includes(title))!.split(',');
  const toDecideAgain = async () => ((await officer('GET', '/disclosure-queue')).body.toDecideAgain as { deliveryId: string }[]).map((entry) => entry.deliveryId);
  const valued = async (title: string, amountCents: number) => {
    const delivery = await created(registrar('POST', '/deliveries', { ...stockDelivery, title, realisedAt: '2025-05-02' }));
    const valuation = await created(registrar('POST', `/deliveries/${delivery.id}/valuations`, { amountCents, basis: 'replacementValue', effectiveDate: '2025-05-02' }));
    return { id: delivery.id as string, valuation: valuation.id as string };
  };

  it('withholds a public value that rested on a valuation withdrawn on its own date, and lists the delivery to decide again', async () => {
    const title = `Generatoren ${++serial}`;
    const { id, valuation } = await valued(title, 10 * MILLION);
    await decidePublic(id, title);
    expect(await shown(title)).toEqual([expect.objectContaining({ valueCents: 10 * MILLION })]);

    await created(registrar('POST', `/valuations/${valuation}/withdrawal`, { withdrawnOn: '2025-05-02', reason: 'Bedrag tien keer te hoog ingevoerd' }));
    await created(registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 1 * MILLION, basis: 'replacementValue', effectiveDate: '2025-05-02' }));

    expect(await shown(title)).toEqual([expect.objectContaining({ valueCents: null, valueBasis: null })]);
    expect(await csvRow(title)).not.toContain('10000000');
    expect((await kielRow(title))[KIEL_COLUMNS.indexOf('Value (EUR)')]).toBe('');
    expect(await toDecideAgain()).toContain(id);
    const queued = (await officer('GET', '/disclosure-queue')).body.toDecideAgain.find((entry: { deliveryId: string }) => entry.deliveryId === id);
    expect(queued).toEqual({ deliveryId: id, title, publicTitle: title, reason: 'valueWithdrawn' });
    expect((await officer('GET', `/deliveries/${id}/disclosure-decisions`)).body).toMatchObject({ toDecideAgain: true, decideAgainReason: 'valueWithdrawn' });
    const events = (await auditor('GET', `/audit-events?action=valuation.withdraw&objectId=${id}`)).body.items;
    expect(events).toEqual([expect.objectContaining({ detail: expect.objectContaining({ publicValueWithheld: expect.any(String) }) })]);

    // Decided again, the delivery shows its true value and waits no more.
    await decidePublic(id, title);
    expect(await shown(title)).toEqual([expect.objectContaining({ valueCents: 1 * MILLION })]);
    expect(await toDecideAgain()).not.toContain(id);
  });

  it('keeps a public value after a revaluation since the decision, and after the withdrawal of a valuation it did not rest on', async () => {
    const title = `Aggregaten ${++serial}`;
    const { id, valuation } = await valued(title, 10 * MILLION);
    await created(registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 9 * MILLION, basis: 'replacementValue', effectiveDate: '2025-06-01' }));
    await decidePublic(id, title);
    await created(registrar('POST', `/valuations/${valuation}/withdrawal`, { withdrawnOn: '2025-05-02', reason: 'Verkeerd ingevoerd' }));
    await created(registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 8 * MILLION, basis: 'replacementValue', effectiveDate: '2025-07-01' }));
    expect(await shown(title)).toEqual([expect.objectContaining({ valueCents: 9 * MILLION })]);
    expect(await toDecideAgain()).not.toContain(id);
  });

  it('lists the rest of an item a delivery left as waiting for that, where a valuation withdrawn before gave none of the value made public', async () => {
    const title = `Tenten ${++serial}`;
    const kept = await valued(`${title} (blijft)`, 10 * MILLION);
    await created(registrar('POST', `/deliveries/${kept.id}/valuations`, { amountCents: 9 * MILLION, basis: 'replacementValue', effectiveDate: '2025-06-01' }));
    const leaving = await valued(`${title} (gaat)`, 2 * MILLION);
    await created(officer('POST', '/disclosure-decisions', { deliveryIds: [kept.id, leaving.id], state: 'public', publicTitle: title, publicCategory: 'nonLethal', publicRealisedDate: 'day', publicValue: true, publicFrom: '2025-07-01' }));
    // Withdrawn as never made, the earlier valuation leaves the value made public, which the later one gave.
    await created(registrar('POST', `/valuations/${kept.valuation}/withdrawal`, { withdrawnOn: '2025-05-02', reason: 'Dubbel ingevoerd' }));
    expect(await shown(title)).toEqual([expect.objectContaining({ valueCents: 11 * MILLION })]);
    const events = (await auditor('GET', `/audit-events?action=valuation.withdraw&objectId=${kept.id}`)).body.items;
    expect(events).toEqual([expect.not.objectContaining({ detail: expect.objectContaining({ publicValueWithheld: expect.anything() }) })]);

    await created(officer('POST', '/disclosure-decisions', { deliveryIds: [leaving.id], state: 'confidential', ground: 'operationalSecurity' }));
    expect(await shown(title)).toEqual([expect.objectContaining({ valueCents: null })]);
    const queue = (await officer('GET', '/disclosure-queue')).body.toDecideAgain;
    expect(queue.filter((entry: { publicTitle: string }) => entry.publicTitle === title)).toEqual([{ deliveryId: kept.id, title: `${title} (blijft)`, publicTitle: title, reason: 'deliveryLeft' }]);
  });

  it('dates a purchase realised on its first payment not withdrawn on its own date, in the register, the annex and the public files', async () => {
    const title = `Munitie ${++serial}`;
    const purchase = await created(registrar('POST', '/deliveries', { ...procurement, category: 'nonLethal', title }));
    const never = await created(finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 20 * MILLION, paidOn: '2025-07-05' }));
    await decidePublic(purchase.id, title);
    expect(await shown(title)).toEqual([expect.objectContaining({ realisedOn: '2025-07-05' })]);

    await created(finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 20 * MILLION, paidOn: '2026-02-01' }));
    await created(finance('POST', `/payments/${never.id}/withdrawal`, { withdrawnOn: '2025-07-05', reason: 'nooit betaald' }));

    expect((await registrar('GET', `/deliveries/${purchase.id}`)).body).toMatchObject({ realisedAt: '2026-02-01', valueCents: 20 * MILLION });
    const annex = await annexSnapshot(database().db, randomUUID(), '2026-03-31', false);
    expect(annex.rows.filter((row) => row.title === title).map((row) => row.realisedAt)).toEqual(['2026-02-01']);
    expect((await annexSnapshot(database().db, randomUUID(), '2025-12-31', false)).rows.filter((row) => row.title === title)).toEqual([]);
    expect(await shown(title)).toEqual([expect.objectContaining({ realisedOn: '2026-02-01', valueCents: null })]);
    expect(await csvRow(title)).toContain('2026-02-01');
    expect(await csvRow(title)).not.toContain('2025-07-05');
    expect(await toDecideAgain()).toContain(purchase.id);
    await decidePublic(purchase.id, title);
    expect(await shown(title)).toEqual([expect.objectContaining({ realisedOn: '2026-02-01', valueCents: 20 * MILLION })]);
  });

  it('leaves a purchase unrealised, and shows no date for it, once its only payment is withdrawn on its own date', async () => {
    const title = `Mortieren ${++serial}`;
    const purchase = await created(registrar('POST', '/deliveries', { ...procurement, category: 'nonLethal', title }));
    const never = await created(finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 20 * MILLION, paidOn: '2025-07-05' }));
    await decidePublic(purchase.id, title);
    await created(finance('POST', `/payments/${never.id}/withdrawal`, { withdrawnOn: '2025-07-05', reason: 'nooit betaald' }));
    expect((await registrar('GET', `/deliveries/${purchase.id}`)).body).toMatchObject({ realisedAt: null, valueCents: 0 });
    expect(await shown(title)).toEqual([expect.objectContaining({ realisedOn: null, valueCents: null })]);
    expect((await kielRow(title))[KIEL_COLUMNS.indexOf('Measure')]).toBe('commitment');
  });

  it('keeps the day of a payment withdrawn from a later date, which counted until then', async () => {
    const title = `Radars ${++serial}`;
    const purchase = await created(registrar('POST', '/deliveries', { ...procurement, category: 'nonLethal', title }));
    const first = await created(finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 5 * MILLION, paidOn: '2025-07-05' }));
    await created(finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 3 * MILLION, paidOn: '2025-09-01' }));
    await created(finance('POST', `/payments/${first.id}/withdrawal`, { withdrawnOn: '2025-08-01', reason: 'Teruggeboekt' }));
    expect((await registrar('GET', `/deliveries/${purchase.id}`)).body).toMatchObject({ realisedAt: '2025-07-05', valueCents: 3 * MILLION });
  });

  it('refuses to withdraw a first payment on its own date where the next one comes after the hand-over', async () => {
    const purchase = await created(registrar('POST', '/deliveries', { ...procurement, category: 'nonLethal', title: `Drones ${++serial}` }));
    const first = await created(finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 5 * MILLION, paidOn: '2025-07-05' }));
    await created(finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 3 * MILLION, paidOn: '2025-09-01' }));
    const etag = (await registrar('GET', `/deliveries/${purchase.id}`)).headers.get('ETag')!;
    expect((await registrar('PATCH', `/deliveries/${purchase.id}`, { deliveredAt: '2025-08-01' }, { 'If-Match': etag })).status).toBe(200);
    const refused = await finance('POST', `/payments/${first.id}/withdrawal`, { withdrawnOn: '2025-07-05', reason: 'nooit betaald' });
    expect([refused.status, refused.body.invalidParams?.map((param: any) => param.name)]).toEqual([400, ['withdrawnOn']]);
    expect((await registrar('GET', `/deliveries/${purchase.id}`)).body).toMatchObject({ realisedAt: '2025-07-05', withdrawals: [] });
  });
});
