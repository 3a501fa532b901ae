/**
 * An override of the licence rule holds from a date: the queues, a delivery's page, the shipment gate, the arms-transfer
 * reports and a letter's check judge each delivery by the override that held on the day its goods left (else today), so
 * that one decided today leaves what was reported of earlier years as it was, and one dated back restates it.
 */
import { beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { shipmentCountsBy } from '../../src/db/repositories/export-control.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { registerShipped } from '../support/export-control.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('overrides of the licence rule, dated', (database) => {
  let registrar: ApiCall;
  let assessor: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
    assessor = apiClient(database().db, { role: 'exportControlAssessor' });
  });

  const override = async (id: string, required: boolean, effectiveOn: string) => {
    const response = await assessor('POST', `/deliveries/${id}/export-requirement`, { required, reason: 'Besluit van de beoordelaar', effectiveOn });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const report2024 = async () => (await assessor('GET', '/export-control/reports/2024')).body;
  const awaitingAssessment = async () => (await assessor('GET', '/export-control/queues?assessmentPageSize=100')).body.awaitingAssessment.map((item: { deliveryId: string }) => item.deliveryId);

  it('judges goods that left by the override that held that day: one decided today changes no report, queue or letter of before, one dated back restates them', async () => {
    const { db } = database();
    const grenades = (await registerShipped(registrar, db, { ...stockDelivery, category: 'ammunition', title: 'Granaten 2024', committedAt: '2024-01-10', realisedAt: '2024-04-15' })).body.id as string;
    const helmets = (await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Helmen 2024', committedAt: '2024-01-10', realisedAt: '2024-05-01' })).body.id as string;
    const reported = await report2024();
    const checked = await shipmentCountsBy(db, '2024-12-31', 100);
    expect(reported.att.rows).toContainEqual(expect.objectContaining({ deliveryCategory: 'ammunition', shippedOn: '2024-04-15' }));

    const today = todayInAmsterdam();
    await override(grenades, false, today);
    const control = await override(helmets, true, today);
    expect(control).toMatchObject({ leftOn: '2024-05-01', required: false, requiredByRule: false, gate: 'notRequired', requirements: [{ required: true, effectiveOn: today }] });
    expect(await report2024()).toEqual(reported);
    expect(await shipmentCountsBy(db, '2024-12-31', 100)).toEqual(checked);
    expect(await awaitingAssessment()).not.toContain(helmets);
    expect((await assessor('GET', `/deliveries/${grenades}/export-control`)).body).toMatchObject({ leftOn: '2024-04-15', required: true, gate: 'licensed' });

    // Dated back to before the helmets left: they needed a licence then, and left without one.
    expect(await override(helmets, true, '2024-01-10')).toMatchObject({ required: true, gate: 'awaitingAssessment', requirements: [{ effectiveOn: today }, { effectiveOn: '2024-01-10' }] });
    const restated = await report2024();
    expect(restated.register).toMatchObject({ shipments: reported.register.shipments + 1, withoutLicence: reported.register.withoutLicence + 1 });
    expect(await shipmentCountsBy(db, '2024-12-31', 100)).toMatchObject({ needed: checked.needed + 1, uncovered: checked.uncovered + 1 });
    expect(await awaitingAssessment()).toContain(helmets);
  });

  it('lets goods leave by the override that holds on the day they leave', async () => {
    const generators = (await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Generatoren met radar', committedAt: '2025-03-01', realisedAt: null })).body as { id: string; version: number };
    await override(generators.id, true, '2025-06-01');
    const handOver = (realisedAt: string, version: number) => registrar('PATCH', `/deliveries/${generators.id}`, { realisedAt }, { 'If-Match': `"${version}"` });
    const afterIt = await handOver('2025-06-15', generators.version);
    expect(afterIt.status).toBe(400);
    expect(afterIt.body.invalidParams).toEqual([expect.objectContaining({ name: 'realisedAt', code: 'noLicenceCovers' })]);
    // Before the override held, the rule did: generators need no licence.
    expect((await handOver('2025-05-31', generators.version)).status).toBe(200);
  });

  it('refuses an override without a date, with a date to come, before the register or no date at all, naming each field and changing nothing', async () => {
    const delivery = (await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Helmen zonder besluit', realisedAt: null })).body.id as string;
    const refused = async (body: Record<string, unknown>) => {
      const response = await assessor('POST', `/deliveries/${delivery}/export-requirement`, { required: true, ...body });
      expect(response.status).toBe(400);
      return response.body.invalidParams.map((param: { name: string; code: string }) => `${param.name} ${param.code}`).sort();
    };
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000);
    expect(await refused({ reason: 'Op de Militaire Lijst.' })).toEqual(['effectiveOn required']);
    expect(await refused({ reason: ' ', effectiveOn: todayInAmsterdam(tomorrow) })).toEqual(['effectiveOn dateInFuture', 'reason required']);
    expect(await refused({ reason: 'Op de Militaire Lijst.', effectiveOn: '2013-12-31' })).toEqual(['effectiveOn dateOutOfRange']);
    expect(await refused({ reason: 'Op de Militaire Lijst.', effectiveOn: '2025-02-30' })).toEqual(['effectiveOn invalidDate']);
    expect(await refused({ reason: 'Op de Militaire Lijst.', effectiveOn: '15-05-2025' })).toEqual(['effectiveOn invalidDate']);
    expect((await assessor('GET', `/deliveries/${delivery}/export-control`)).body).toMatchObject({ requirements: [], version: 0 });
    const events = await database().db.selectFrom('auditEvent').select('action').where('objectId', '=', delivery).where('action', '=', 'exportRequirement.set').execute();
    expect(events).toEqual([]);
  });
});
