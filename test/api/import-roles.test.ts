/**
 * One workbook, two roles: a row of an import needs the permission its record needs when entered on
 * its own screen. The registrar brings in the deliveries and their valuations, finance the payments of
 * the same file; neither creates the other's records, the refused rows say whose they are, and a row
 * the register already holds unchanged is no one's concern.
 */
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { commitImport } from '../../src/register/import.ts';
import { downloadedTemplate, filledTemplate, type SheetRows } from '../support/import-files.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

const SHARED_WORKBOOK: SheetRows = {
  'Leveringen (Deliveries)': [['ROL-1', 'Munitie (import)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 1000, 'stuks', null, null, null, null]],
  'Betalingen (Payments)': [['ROL-1-B1', 'ROL-1', '€ 2.500,00', '2025-07-01']],
};

const NEW_DELIVERY_WITH_PAYMENT: SheetRows = {
  'Leveringen (Deliveries)': [['ROL-2', 'Munitie (tweede order)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 10, 'stuks', null, null, null, null]],
  'Betalingen (Payments)': [['ROL-2-B1', 'ROL-2', 100, '2025-07-01']],
  'Bedrijven (Companies)': [['ROL-BD', 'Munitiefabriek (import)', 'UA', null]],
};

describeEachDatabase('who may import which rows', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let template: Uint8Array;

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    finance = apiClient(db, { role: 'finance' });
    template = await downloadedTemplate(db, 'finance');
  });

  const upload = async (rows: SheetRows, fileName: string) => ({ fileName, content: Buffer.from(await filledTemplate(template, rows)).toString('base64') });
  const outcomes = (body: any) => body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => fault.code)]);
  const paymentsOf = async (reference: string) =>
    database()
      .db.selectFrom('payment')
      .innerJoin('importedRecord', 'importedRecord.recordId', 'payment.deliveryId')
      .select(['payment.amountCents'])
      .where('importedRecord.externalReference', '=', reference)
      .execute();

  it('lets the registrar bring in the deliveries of a shared workbook and finance their payments, each refused the other’s rows', async () => {
    const file = await upload(SHARED_WORKBOOK, 'gedeeld.xlsx');

    const registrarsRun = await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' });
    expect(outcomes(registrarsRun.body)).toEqual([
      ['ROL-1', 'create', []],
      ['ROL-1-B1', 'invalid', ['sheetOfOtherRole']],
    ]);
    const refusal = registrarsRun.body.rows.find((row: any) => row.reference === 'ROL-1-B1').faults[0];
    expect(refusal).toMatchObject({ field: 'sheet', columnLetter: null, reason: 'As Registrar you may not record the rows of the sheet Betalingen (Payments); Finance does. Have that role import these rows, or take them out of the file.' });
    // All or nothing: a row of another role is a fault like any other.
    expect((await registrar('POST', '/imports', { ...file, mode: 'allOrNothing' })).body).toMatchObject({ committed: false, importId: null });
    const registered = await registrar('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(registered.body).toMatchObject({ committed: true, counts: { create: 1, invalid: 1 } });
    expect(await paymentsOf('ROL-1')).toEqual([]);

    // The same file for finance: the delivery is the register's already, the payment finance's to record.
    const financesRun = await finance('POST', '/imports/dry-run', file);
    expect(outcomes(financesRun.body)).toEqual([
      ['ROL-1', 'unchanged', []],
      ['ROL-1-B1', 'create', []],
    ]);
    const paid = await finance('POST', '/imports', { ...file, mode: 'allOrNothing' });
    expect(paid.body).toMatchObject({ committed: true, counts: { create: 1, unchanged: 1, invalid: 0 } });
    expect((await paymentsOf('ROL-1')).map((payment) => Number(payment.amountCents))).toEqual([250_000]);
    const { db } = database();
    const event = await db.selectFrom('auditEvent').select(['actorRole']).where('action', '=', 'payment.create').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event.actorRole).toBe('finance');

    // Once both have imported it, the file changes nothing for either.
    for (const role of [registrar, finance]) expect((await role('POST', '/imports/dry-run', file)).body.counts).toMatchObject({ create: 0, unchanged: 2, invalid: 0 });
  });

  it('lets finance record the next payment of a delivery the register holds though the registrar has since renamed it, the delivery row saying so', async () => {
    const delivery = ['ROL-3', 'Munitie (derde order)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 10, 'stuks', null, null, null, null];
    await registrar('POST', '/imports', { ...(await upload({ 'Leveringen (Deliveries)': [delivery] }, 'derde.xlsx')), mode: 'allOrNothing' });
    const { db } = database();
    const { recordId } = await db.selectFrom('importedRecord').select('recordId').where('externalReference', '=', 'ROL-3').executeTakeFirstOrThrow();
    const current = await registrar('GET', `/deliveries/${recordId}`);
    expect((await registrar('PATCH', `/deliveries/${recordId}`, { title: 'Munitie 155mm (derde order)' }, { 'If-Match': current.headers.get('ETag')! })).status).toBe(200);

    const file = await upload({ 'Leveringen (Deliveries)': [delivery], 'Betalingen (Payments)': [['ROL-3-B1', 'ROL-3', 500, '2025-07-01']] }, 'derde-betaling.xlsx');
    const financesRun = (await finance('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' })).body;
    expect(outcomes(financesRun)).toEqual([
      ['ROL-3', 'invalid', ['sheetOfOtherRole', 'differsFromRegister']],
      ['ROL-3-B1', 'create', []],
    ]);
    // Finance cannot change a delivery in the register: the reason says who can.
    const difference = (body: any) => body.rows.find((row: any) => row.reference === 'ROL-3').faults.find((fault: any) => fault.code === 'differsFromRegister').reason;
    expect(difference(financesRun)).toBe(
      'The register holds "Munitie 155mm (derde order)" under this reference, this file "Munitie (derde order)"; copy here what the register holds (an import changes nothing; Registrar can change it in the register).',
    );
    expect(difference((await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' })).body)).toMatch(/; change it in the register \(an import changes nothing\), or copy here what the register holds\.$/);
    expect((await finance('POST', '/imports', { ...file, mode: 'onlyValid' })).body).toMatchObject({ committed: true, counts: { create: 1, invalid: 1 } });
    expect((await paymentsOf('ROL-3')).map((payment) => Number(payment.amountCents))).toEqual([50_000]);
  });

  it('refuses finance a new delivery and the records of other domains, and the payment of that delivery with it', async () => {
    const file = await upload(NEW_DELIVERY_WITH_PAYMENT, 'nieuw.xlsx');
    const dryRun = await finance('POST', '/imports/dry-run', file);
    expect(outcomes(dryRun.body)).toEqual([
      ['ROL-2', 'invalid', ['sheetOfOtherRole']],
      ['ROL-2-B1', 'invalid', ['deliveryRowInvalid']],
      ['ROL-BD', 'invalid', ['sheetOfOtherRole']],
    ]);
    expect((await finance('POST', '/imports', { ...file, mode: 'onlyValid' })).body).toMatchObject({ committed: false, counts: { create: 0, invalid: 3 } });
    const { db } = database();
    expect(await db.selectFrom('importedRecord').select('recordId').where('externalReference', 'in', ['ROL-2', 'ROL-2-B1', 'ROL-BD']).execute()).toEqual([]);
  });

  it('lets a command run on the server import every sheet, as the system', async () => {
    const file = await upload(NEW_DELIVERY_WITH_PAYMENT, 'nieuw.xlsx');
    const report = await commitImport(database().db, systemContext('cli:beheer'), { fileName: file.fileName, bytes: Buffer.from(file.content, 'base64') }, 'allOrNothing');
    expect(report).toMatchObject({ committed: true, counts: { create: 3, invalid: 0 } });
    expect((await paymentsOf('ROL-2')).map((payment) => Number(payment.amountCents))).toEqual([10_000]);
  });
});
