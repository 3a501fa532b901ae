/**
 * The period the public deliveries cover, as the open-data catalogue states it: a delivery whose
 * realised date is public only to the month counts to the end of that month.
 */
import { beforeAll, expect, it } from 'vitest';
import { apiClient, type ApiCall } from './client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';

describeEachDatabase('the period of the public deliveries', (database) => {
  let registrar: ApiCall;
  let disclosure: ApiCall;
  let anonymous: ApiCall;

  beforeAll(() => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    disclosure = apiClient(db, { role: 'disclosureOfficer' });
    anonymous = apiClient(db);
  });

  async function publicDelivery(realisedAt: string, publicRealisedDate: 'day' | 'month'): Promise<void> {
    const created = await registrar('POST', '/deliveries', { ...stockDelivery, committedAt: '2026-03-01', realisedAt });
    expect(created.status).toBe(201);
    const decided = await disclosure('POST', '/disclosure-decisions', {
      deliveryIds: [created.body.id], state: 'public', publicTitle: `Gerealiseerd ${realisedAt}`, publicCategory: 'nonLethal', publicFrom: '2026-04-01', publicRealisedDate,
    });
    expect(decided.status).toBe(201);
  }

  it('ends with the last day of the month of a delivery public to the month, after one public to the day in that month', async () => {
    await publicDelivery('2026-03-20', 'month');
    await publicDelivery('2026-03-05', 'day');
    const catalog = (await anonymous('GET', '/public/catalog')).body;
    const deliveries = catalog['dcat:dataset'][0];
    expect(deliveries['dct:temporal']['dcat:startDate']['@value']).toBe('2026-03-01');
    expect(deliveries['dct:temporal']['dcat:endDate']['@value']).toBe('2026-03-31');
  });
});
