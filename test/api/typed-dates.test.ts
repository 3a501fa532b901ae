/**
 * A date refused says so once and names the bound it lies beyond: an empty lifecycle date is required
 * (not also out of range), a date before 2014 names 2014 and not the end of the century, and one after
 * the century names its last day.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { todayInAmsterdam } from '../../common/dates.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('a refused date, said once', (database) => {
  let registrar: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
  });

  it.each(['', '2013-02-31'])('%j is refused for one reason', async (pledgedAt) => {
    const refused = await registrar('POST', '/deliveries', { ...stockDelivery, pledgedAt });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([expect.objectContaining({ name: 'pledgedAt', code: pledgedAt === '' ? 'required' : 'invalidDate' })]);
  });

  it.each([
    ['a date before 2014', '2013-12-31', { nl: '1 januari 2014', en: '1 January 2014' }, '2099'],
    ['a date after the century', '2100-01-01', { nl: '31 december 2099', en: '31 December 2099' }, '2014'],
  ])('%s names the bound it lies beyond', async (_, pledgedAt, named, notNamed) => {
    for (const language of ['nl', 'en'] as const) {
      const refused = await registrar('POST', '/deliveries', { ...stockDelivery, pledgedAt }, { 'Accept-Language': language });
      const pledged = refused.body.invalidParams.filter((param: { name: string }) => param.name === 'pledgedAt');
      expect(pledged).toEqual([expect.objectContaining({ code: 'dateOutOfRange', reason: expect.stringContaining(named[language]) })]);
      expect(pledged[0].reason).not.toContain(notNamed);
    }
  });

  it('a day before 2014 that has happened names the floor alone, where the ceiling is today', async () => {
    const refused = await registrar('POST', '/replenishment-projects', { name: 'Vervanging', stage: 'identified', budgetCents: 100, replaces: [], asOf: '2013-12-31' }, { 'Accept-Language': 'en' });
    expect(refused.body.invalidParams).toContainEqual({ name: 'asOf', code: 'dateOutOfRange', reason: 'Enter a date on or after 1 January 2014.' });
  });
});

/**
 * "Not after today" is today at the request's clock, as every figure is: a clock behind the machine's
 * refuses a date it has not reached yet, one ahead of it takes a date that it has reached.
 */
describeEachDatabase('a date that has happened, at the request’s clock', (database) => {
  const behind = () => new Date('2025-09-10T10:00:00Z');
  const ahead = () => new Date(Date.now() + 40 * 86_400_000);
  const as = (role: 'registrar' | 'finance', clock: () => Date) => apiClient(database().db, { role, clock });

  it('refuses a stage, a valuation, a payment and a withdrawal dated after the clock’s today, naming every wrong field at once', async () => {
    const [registrar, finance] = [as('registrar', behind), as('finance', behind)];
    const early = await registrar('POST', '/deliveries', { ...stockDelivery, title: ' ', deliveredAt: '2025-09-11' });
    expect(early.status).toBe(400);
    expect(early.body.invalidParams).toEqual([expect.objectContaining({ name: 'title' }), expect.objectContaining({ name: 'deliveredAt', code: 'dateInFuture' })]);
    expect((await registrar('POST', '/deliveries', { ...stockDelivery, deliveredAt: '2025-09-11' })).body.invalidParams).toEqual([expect.objectContaining({ name: 'deliveredAt', code: 'dateInFuture' })]);

    const stock = (await registrar('POST', '/deliveries', { ...stockDelivery, deliveredAt: '2025-09-10' })).body;
    const valuation = { amountCents: 100, basis: 'replacementValue', effectiveDate: '2025-09-11' };
    expect((await registrar('POST', `/deliveries/${stock.id}/valuations`, valuation)).body.invalidParams).toEqual([expect.objectContaining({ name: 'effectiveDate', code: 'dateInFuture' })]);
    const purchase = (await registrar('POST', '/deliveries', procurement)).body;
    expect((await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 100, paidOn: '2025-09-11' })).body.invalidParams).toEqual([expect.objectContaining({ name: 'paidOn', code: 'dateInFuture' })]);
    const payment = await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 100, paidOn: '2025-09-10' });
    expect(payment.status).toBe(201);
    const withdrawal = await finance('POST', `/payments/${payment.body.id}/withdrawal`, { withdrawnOn: '2025-09-11', reason: 'Dubbel geboekt' });
    expect(withdrawal.body.invalidParams).toEqual([expect.objectContaining({ name: 'withdrawnOn', code: 'dateInFuture' })]);
    expect((await registrar('GET', `/deliveries/${purchase.id}`)).body.withdrawals).toEqual([]);
  });

  it('refuses an imported row dated after the clock’s today', async () => {
    const csv = ['Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron;Gerealiseerd op', 'KLOK-1;Generatoren;stock;nonLethal;ukraineSupportBudget;2025-09-11'].join('\r\n');
    const dryRun = await as('registrar', behind)('POST', '/imports/dry-run', { fileName: 'leveringen.csv', content: Buffer.from(csv).toString('base64') });
    expect(dryRun.body.rows.map((row: any) => [row.outcome, row.faults.map((fault: any) => `${fault.field}: ${fault.code}`)])).toEqual([['invalid', ['realisedAt: dateInFuture']]]);
  });

  it('takes a date after the machine’s today that the clock has reached', async () => {
    const [registrar, finance] = [as('registrar', ahead), as('finance', ahead)];
    const reached = todayInAmsterdam(new Date(Date.now() + 10 * 86_400_000));
    const stock = await registrar('POST', '/deliveries', { ...stockDelivery, deliveredAt: reached });
    expect(stock.status).toBe(201);
    expect((await registrar('POST', `/deliveries/${stock.body.id}/valuations`, { amountCents: 100, basis: 'replacementValue', effectiveDate: reached })).status).toBe(201);
    const purchase = (await registrar('POST', '/deliveries', procurement)).body;
    const payment = await finance('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 100, paidOn: reached });
    expect(payment.status).toBe(201);
    expect((await finance('POST', `/payments/${payment.body.id}/withdrawal`, { withdrawnOn: reached, reason: 'Dubbel geboekt' })).status).toBe(201);
    const claim = { reference: `EPF-${crypto.randomUUID()}`, batch: 'Leveringen uit voorraad', period: '2025', declaredCents: 100, declaredOn: reached };
    expect((await finance('POST', '/epf/claims', claim)).status).toBe(201);
  });
});
