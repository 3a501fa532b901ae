/**
 * The export roles' queues: the assessor's holds the deliveries that need a licence (by the rule or by an
 * override) and have no assessment; the licensing officer's those whose latest assessment is positive and
 * has no licence; each by the date of the delivery's furthest stage, earliest first.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { licenceFor, positiveAssessment } from '../support/export-control.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { cursorQuery, walkList } from '../support/paging.ts';
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
      expect((await assessor('POST', `/deliveries/${id}/export-requirement`, { required, reason: 'Besluit van de beoordelaar', effectiveOn: '2025-01-01' })).status).toBe(201);

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
    const issued = await licensing('POST', `/deliveries/${licensed}/export-licences`, licenceFor(await assess(licensed, 'positive', '2025-03-01'), 'ammunition'));
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

  it('pages each queue on its own cursors, every delivery once, those of one day by id and the undated last', async () => {
    // More deliveries than a page, several on one day and some on none.
    const committed = ['2025-05-01', null, '2025-05-01', '2025-04-01', '2025-05-01', null, '2025-05-01', '2025-04-01', null, '2025-05-01', '2025-06-01'];
    const deliveries = committed.map((committedAt, number) => ({
      ...procurement, id: randomUUID(), title: `Wachtrijtest ${number}`, committedAt, description: '', sources: '[]', isDemonstration: false, deletedAt: null,
    }));
    await database().db.insertInto('delivery').values(deliveries).execute();
    for (const delivery of deliveries.slice(0, 5)) expect((await assessor('POST', `/deliveries/${delivery.id}/export-assessments`, positiveAssessment)).status).toBe(201);

    type Item = { deliveryId: string; realisedAt: string | null };
    const queues = async (query: string) => {
      const response = await assessor('GET', `/export-control/queues?assessmentPageSize=3&licencePageSize=2${query}`);
      expect(response.status, query).toBe(200);
      return response.body;
    };
    const whole = (await assessor('GET', '/export-control/queues')).body;
    for (const [queue, list] of [['awaitingAssessment', 'assessment'], ['awaitingLicence', 'licence']] as const) {
      const walked = await walkList<Item>(async (cursor) => {
        const body = await queues(cursorQuery(list, cursor));
        expect(body[`${queue}Page`]).toMatchObject({ total: whole[queue].length, totalIsCapped: false });
        return { items: body[queue], ...body[`${queue}Page`] };
      });
      expect(walked).toEqual(whole[queue]);
      expect(new Set(walked.map((item) => item.deliveryId)).size).toBe(walked.length);
    }
    const ids = (items: Item[]) => items.map((item) => item.deliveryId);
    const queued = (from: number, to: number) => deliveries.slice(from, to).map((delivery) => delivery.id);
    expect(ids(whole.awaitingLicence)).toEqual(expect.arrayContaining(queued(0, 5)));
    expect(ids(whole.awaitingAssessment)).toEqual(expect.arrayContaining(queued(5, committed.length)));
    // The undated last, by id, as those of one day are.
    const undated = deliveries.filter((delivery) => delivery.committedAt === null && ids(whole.awaitingAssessment).includes(delivery.id)).map((delivery) => delivery.id);
    expect(ids(whole.awaitingAssessment).slice(-undated.length)).toEqual(undated.sort());

    const first = await queues('');
    const licenceOnward = await queues(`&licenceAfter=${first.awaitingLicencePage.next}`);
    expect(licenceOnward.awaitingAssessment).toEqual(first.awaitingAssessment);
    expect(licenceOnward.awaitingLicence).not.toEqual(first.awaitingLicence);

    const refused = await assessor('GET', '/export-control/queues?assessmentAfter=nonsense');
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams[0].name).toBe('assessmentAfter');
  });
});
