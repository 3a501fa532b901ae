/**
 * A date refused says so once and names the bound it lies beyond: an empty lifecycle date is required
 * (not also out of range), a date before 2014 names 2014 and not the end of the century, and one after
 * the century names its last day.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
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
    ['a date before 2014', '2013-12-31', '2014-01-01', '2099'],
    ['a date after the century', '2100-01-01', '2099-12-31', '2014'],
  ])('%s names the bound it lies beyond', async (_, pledgedAt, named, notNamed) => {
    for (const language of ['nl', 'en']) {
      const refused = await registrar('POST', '/deliveries', { ...stockDelivery, pledgedAt }, { 'Accept-Language': language });
      const pledged = refused.body.invalidParams.filter((param: { name: string }) => param.name === 'pledgedAt');
      expect(pledged).toEqual([expect.objectContaining({ code: 'dateOutOfRange', reason: expect.stringContaining(named) })]);
      expect(pledged[0].reason).not.toContain(notNamed);
    }
  });

  it('a day before 2014 that has happened names the floor alone, where the ceiling is today', async () => {
    const refused = await registrar('POST', '/replenishment-projects', { name: 'Vervanging', stage: 'identified', budgetCents: 100, replaces: [], asOf: '2013-12-31' }, { 'Accept-Language': 'en' });
    expect(refused.body.invalidParams).toContainEqual({ name: 'asOf', code: 'dateOutOfRange', reason: 'Enter a date on or after 2014-01-01.' });
  });
});
