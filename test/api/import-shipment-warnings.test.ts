/**
 * A delivery an import registers as handed over or delivered, of goods that need an export licence, is warned of
 * at its dates: no licence of the register covers them (POST /deliveries refuses them, licenceMissingAtRegistration).
 * It is history from before the register (goods shipped under the licences of the time), so the import makes the
 * row once its importer confirms the warning, and the delivery's audit event keeps the confirmation.
 */
import { beforeAll, expect, it } from 'vitest';
import { SHEETS } from '../../src/import/sheets.ts';
import { asUpload, downloadedTemplate, filledTemplate, type SheetRows } from '../support/import-files.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

/** The template's example delivery (stock artillery, handed over and delivered), as data under a reference of its own. */
const EXAMPLE_DELIVERY = SHEETS.find((sheet) => sheet.sheet === 'delivery')!.columns.map((column) => (column.key === 'externalReference' ? 'HIST-1' : column.example || null));

const HISTORY: SheetRows = {
  'Leveringen (Deliveries)': [
    EXAMPLE_DELIVERY,
    ['HIST-2', 'Munitie, geleverd (import)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 1000, 'stuks', null, null, null, '2024-03-15'],
    ['HIST-3', 'Winteruitrusting (import)', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting', 500, 'stuks', null, null, '2024-01-10', '2024-01-20'],
    ['HIST-4', 'Pantserhouwitsers, toegezegd (import)', 'Directe levering uit voorraad', 'Artillerie', 'Defensiebegroting', 2, 'stuks', '2024-01-10', null, null, null],
  ],
  'Waarderingen (Valuations)': [['HIST-1-W', 'HIST-1', '€ 4.000.000,00', 'Vervangingswaarde', '2025-06-01']],
};

describeEachDatabase('a delivery an import registers as shipped without a licence in the register', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let auditor: ApiCall;
  let file: { fileName: string; content: string };

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    finance = apiClient(db, { role: 'finance' });
    auditor = apiClient(db, { role: 'auditor' });
    const template = await downloadedTemplate(db);
    file = asUpload(await filledTemplate(template, HISTORY), 'geschiedenis.xlsx');
  });

  const outcomes = (body: any) => body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter ?? '-'} ${fault.code}`)]);
  const historyDeliveries = async () => ((await registrar('GET', '/deliveries?q=import&pageSize=50')).body.items as any[]).map((item) => item.title).toSorted();
  const deliveryEvents = async () => ((await auditor('GET', '/audit-events?action=delivery.create&limit=100')).body.items as any[]).filter((event) => event.detail?.importId);

  it('is a warning at each shipment date of the row in a dry run, which the importer may confirm', async () => {
    const dryRun = await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' });
    expect(dryRun.status).toBe(200);
    expect(outcomes(dryRun.body)).toEqual([
      ['HIST-1', 'invalid', ['J shippedWithoutLicence', 'K shippedWithoutLicence']],
      ['HIST-2', 'invalid', ['K shippedWithoutLicence']],
      ['HIST-3', 'create', []],
      ['HIST-4', 'create', []],
      ['HIST-1-W', 'invalid', ['B deliveryRowInvalid']],
    ]);
    const [handedOver, delivered] = dryRun.body.rows.find((row: any) => row.reference === 'HIST-1').faults;
    expect(handedOver).toMatchObject({ field: 'realisedAt', column: 'Gerealiseerd op / Realised on' });
    expect(handedOver.reason).toContain('needs an export licence (as all support does but non-lethal goods and support of the type "NATO fund") and has none in the register');
    expect(handedOver.reason).toContain('as handed over or delivered on 1 June 2025. If it was shipped before the register was used');
    expect(delivered).toMatchObject({ field: 'deliveredAt', reason: expect.stringContaining('as handed over or delivered on 15 June 2025') });
    expect(dryRun.body.confirmable).toEqual(['shippedWithoutLicence']);
    // Each reason in the other language too, for a page switched to it after the check.
    expect(handedOver.reasonsByLanguage.en).toBe(handedOver.reason);
    expect(handedOver.reasonsByLanguage.nl).toContain('als op 1 juni 2025 al overgedragen of geleverd');
    const inDutch = await registrar('POST', '/imports/dry-run', file);
    expect(inDutch.body.rows.find((row: any) => row.reference === 'HIST-2').faults[0].reason).toContain('heeft een exportvergunning nodig (dat geldt voor alle steun behalve niet-letale goederen en steun van het type "NAVO-fonds") en heeft er in het register geen, maar deze regel legt haar vast als op 15 maart 2024 al overgedragen of geleverd');
  });

  it('keeps the row from being made until it is confirmed: all or nothing changes nothing, only the valid rows leaves it and its money out', async () => {
    const refused = await registrar('POST', '/imports', { ...file, mode: 'allOrNothing' });
    expect(refused.body).toMatchObject({ committed: false, importId: null, confirmable: ['shippedWithoutLicence'] });
    expect(await historyDeliveries()).toEqual([]);
    expect(await deliveryEvents()).toEqual([]);

    const onlyValid = await registrar('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(onlyValid.body).toMatchObject({ committed: true, counts: { create: 2, invalid: 3 } });
    expect(await historyDeliveries()).toEqual(['Pantserhouwitsers, toegezegd (import)', 'Winteruitrusting (import)']);
    expect((await deliveryEvents()).map((event) => event.detail)).not.toContainEqual(expect.objectContaining({ confirmedWarnings: expect.anything() }));
  });

  it('makes the rows once confirmed, with the warnings confirmed in the audit event of each delivery it warned of', async () => {
    const confirmed = { ...file, confirm: ['shippedWithoutLicence'] };
    expect(outcomes((await registrar('POST', '/imports/dry-run', confirmed)).body)).toEqual([
      ['HIST-1', 'create', []],
      ['HIST-2', 'create', []],
      ['HIST-3', 'unchanged', []],
      ['HIST-4', 'unchanged', []],
      ['HIST-1-W', 'create', []],
    ]);
    const committed = await registrar('POST', '/imports', { ...confirmed, mode: 'allOrNothing' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 3 }, confirmable: [] });

    const [example] = (await registrar('GET', `/deliveries?q=${encodeURIComponent('Pantserhouwitsers (voorbeeld)')}`)).body.items;
    expect((await registrar('GET', `/deliveries/${example.id}`)).body).toMatchObject({ realisedAt: '2025-06-01', deliveredAt: '2025-06-15' });
    const events = await deliveryEvents();
    const detailOf = (reference: string) => events.find((event) => event.detail.externalReference === reference).detail;
    expect(detailOf('HIST-1')).toMatchObject({
      importId: committed.body.importId,
      confirmedWarnings: [
        { field: 'realisedAt', code: 'shippedWithoutLicence', params: { date: '2025-06-01' } },
        { field: 'deliveredAt', code: 'shippedWithoutLicence', params: { date: '2025-06-15' } },
      ],
    });
    expect(detailOf('HIST-2')).toMatchObject({ confirmedWarnings: [{ field: 'deliveredAt', code: 'shippedWithoutLicence', params: { date: '2024-03-15' } }] });
    expect(detailOf('HIST-3')).not.toHaveProperty('confirmedWarnings');
  });

  it('offers the warning to confirm only for a row it alone keeps from being made, not for one of another role’s sheet', async () => {
    const another = asUpload(
      await filledTemplate(await downloadedTemplate(database().db, 'finance'), {
        'Leveringen (Deliveries)': [['HIST-5', 'Munitie, overgedragen (import)', 'Directe levering uit voorraad', 'Munitie', 'Defensiebegroting', 100, 'stuks', null, null, '2024-05-01', null]],
      }),
      'anders.xlsx',
    );
    const refused = await finance('POST', '/imports/dry-run', another);
    expect(outcomes(refused.body)).toEqual([['HIST-5', 'invalid', ['- sheetOfOtherRole', 'J shippedWithoutLicence']]]);
    expect(refused.body.confirmable).toEqual([]);
  });
});
