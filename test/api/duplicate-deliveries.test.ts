/**
 * A list of deliveries in a request names each delivery once: one named twice is refused at its field,
 * as any wrong input is, and changes nothing (before, the link table's key refused it as a server error).
 */
import { beforeAll, expect, it } from 'vitest';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { apiClient, type ApiCall } from './client.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('deliveries named twice in a request', (database) => {
  let registrar: ApiCall;
  let disclosure: ApiCall;
  let stockId: string;
  let procurementId: string;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    const clock = () => new Date('2025-09-05T10:00:00Z');
    registrar = apiClient(db, { role: 'registrar', clock });
    disclosure = apiClient(db, { role: 'disclosureOfficer', clock });
    stockId = (await registrar('GET', '/deliveries?supportType=stock&sort=title')).body.items[0].id;
    procurementId = (await registrar('GET', '/deliveries?supportType=procurement&sort=title')).body.items[0].id;
  });

  const auditedChanges = async () => (await database().db.selectFrom('auditEvent').select('seq').where('result', '=', 'success').execute()).length;

  const refusedAtField = async (request: () => Promise<{ status: number; body: any }>, field: string) => {
    const before = await auditedChanges();
    const response = await request();
    expect(response.status).toBe(400);
    expect(response.body.invalidParams).toEqual([expect.objectContaining({ name: field, code: 'duplicateDelivery' })]);
    expect(await auditedChanges()).toBe(before);
  };

  it('refuses a training programme that names a delivery twice, new or changed', async () => {
    const programme = { key: 'twice', name: 'Twee keer', hostCountry: 'DE', framework: 'bilateral' };
    await refusedAtField(() => registrar('POST', '/training-programmes', { ...programme, deliveryIds: [stockId, stockId] }), 'deliveryIds.1');
    const created = await registrar('POST', '/training-programmes', { ...programme, deliveryIds: [stockId] });
    expect(created.status).toBe(201);
    await refusedAtField(() => registrar('PUT', `/training-programmes/${created.body.id}`, { ...programme, deliveryIds: [stockId, stockId] }, { 'If-Match': '"1"' }), 'deliveryIds.1');
    expect((await registrar('GET', `/training-programmes/${created.body.id}`)).body.deliveryIds).toEqual([stockId]);
  });

  it('refuses an industry contract that names a delivery twice', async () => {
    const company = (await registrar('POST', '/companies', { name: 'Dubbel B.V.', country: 'NL' })).body;
    const contract = { companyId: company.id, reference: 'D-2', subject: 'Munitie', amountCents: 100_00, signedOn: '2025-03-01', deliveryIds: [procurementId, procurementId] };
    await refusedAtField(() => registrar('POST', '/industry-contracts', contract), 'deliveryIds.1');
  });

  it('refuses a disclosure decision that names a delivery twice', async () => {
    const decision = { deliveryIds: [stockId, procurementId, stockId], state: 'confidential', ground: 'operationalSecurity' };
    await refusedAtField(() => disclosure('POST', '/disclosure-decisions', decision), 'deliveryIds.2');
  });
});
