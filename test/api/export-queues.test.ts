/**
 * The export roles' queues: the assessor's holds the deliveries that need a licence (by the rule or by an
 * override) and have no assessment; the licensing officer's those whose latest assessment is positive and
 * has no licence; each by the date of the delivery's furthest stage, earliest first.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { licenceFor, positiveAssessment } from '../support/export-control.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('export control queues', (database) => {
  let registrar: ApiCall;
  let assessor: ApiCall;
  let licensing: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
    assessor = apiClient(database().db, { role: 'exportControlAssessor' });
    licensing = apiClient(database().db, { role: 'licensingOfficer' });
  });

  it("queues for each role exactly the deliveries it must act on, by the date of their furthest stage, earliest first", async () => {
    const register = async (category: string, committedAt: string, supportType = 'stock') =>
      (await registrar('POST', '/deliveries', { ...stockDelivery, supportType, fundingSource: 'ukraineSupportBudget', category, committedAt, realisedAt: null })).body.id as string;
    const assess = async (id: string, outcome: 'positive' | 'negative', assessedOn: string) => {
      const criteria = positiveAssessment.criteria.map((entry) => (outcome === 'negative' && entry.criterion === 2 ? { ...entry, finding: 'objection' } : entry));
      const response = await assessor('POST', `/deliveries/${id}/export-assessments`, { ...positiveAssessment, outcome, criteria, assessedOn });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    const require = async (id: string, required: boolean) =>
      expect((await assessor('POST', `/deliveries/${id}/export-requirement`, { required, reason: 'Besluit van de beoordelaar' })).status).toBe(201);

    const unassessedLater = await register('largeCalibreArtillery', '2025-02-03');
    const unassessedEarlier = await register('ammunition', '2025-02-01');
    await register('nonLethal', '2025-01-10'); // needs no licence
    const requiredByOverride = await register('nonLethal', '2025-02-02');
    await require(requiredByOverride, true);
    const exemptedByOverride = await register('ammunition', '2025-01-11');
    await require(exemptedByOverride, false);
    await register('ammunition', '2025-01-12', 'natoFund'); // a fund contribution needs no licence
    const refused = await register('ammunition', '2025-01-13');
    await assess(refused, 'negative', '2025-03-01');
    const awaitingLicence = await register('ammunition', '2025-01-14');
    await assess(awaitingLicence, 'positive', '2025-03-01');
    const licensed = await register('ammunition', '2025-01-15');
    const issued = await licensing('POST', `/deliveries/${licensed}/export-licences`, licenceFor(await assess(licensed, 'positive', '2025-03-01')));
    expect(issued.status).toBe(201);
    const refusedAfterAll = await register('ammunition', '2025-01-16');
    await assess(refusedAfterAll, 'positive', '2025-03-01');
    await assess(refusedAfterAll, 'negative', '2025-03-02');
    const approvedAfterAll = await register('ammunition', '2025-01-17');
    await assess(approvedAfterAll, 'negative', '2025-03-01');
    await assess(approvedAfterAll, 'positive', '2025-03-02');

    const queues = (await assessor('GET', '/export-control/queues')).body;
    const ids = (queue: { deliveryId: string }[]) => queue.map((item) => item.deliveryId);
    expect(ids(queues.awaitingAssessment)).toEqual([unassessedEarlier, requiredByOverride, unassessedLater]);
    expect(ids(queues.awaitingLicence)).toEqual([awaitingLicence, approvedAfterAll]);
  });
});
