/**
 * A payment an import brings far above its delivery's valuation is warned of as the payment form warns
 * of it: at its row and column, a fault until the import confirms the warning for every row that has it.
 */
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { dryRunImport } from '../../src/register/import.ts';
import { asUpload, downloadedTemplate, filledTemplate, type SheetRows } from '../support/import-files.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

const VALUED_PURCHASE: SheetRows = {
  'Leveringen (Deliveries)': [['WAARSCH-1', 'Munitie met een contractprijs (import)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 1000, 'stuks', null, null, null, null]],
  'Waarderingen (Valuations)': [['WAARSCH-1-W', 'WAARSCH-1', '€ 125.000,00', 'Contractprijs', '2025-06-01']],
};

const PAYMENTS: SheetRows = {
  'Betalingen (Payments)': [
    ['WAARSCH-1-B1', 'WAARSCH-1', '€ 12.500.000,00', '2025-07-01'],
    ['WAARSCH-1-B2', 'WAARSCH-1', '€ 1.000,00', '2025-07-02'],
  ],
};

describeEachDatabase('a payment an import brings far above its delivery’s valuation', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let auditor: ApiCall;
  let template: Uint8Array;

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    finance = apiClient(db, { role: 'finance' });
    auditor = apiClient(db, { role: 'auditor' });
    template = await downloadedTemplate(db, 'finance');
  });

  const upload = async (rows: SheetRows, fileName: string) => asUpload(await filledTemplate(template, rows), fileName);
  const outcomes = (body: any) => body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => fault.code)]);
  const paidOf = async (title: string) => {
    const [delivery] = (await registrar('GET', `/deliveries?q=${encodeURIComponent(title)}`)).body.items;
    return ((await registrar('GET', `/deliveries/${delivery.id}`)).body.payments as any[]).map((payment) => payment.amountCents);
  };

  it('is a fault at its row and amount until the import confirms it, and the audit event keeps the confirmation', async () => {
    expect((await registrar('POST', '/imports', { ...(await upload(VALUED_PURCHASE, 'aankoop.xlsx')), mode: 'allOrNothing' })).body).toMatchObject({ committed: true });
    const file = await upload(PAYMENTS, 'betalingen.xlsx');

    const dryRun = await finance('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' });
    expect(outcomes(dryRun.body)).toEqual([
      ['WAARSCH-1-B1', 'invalid', ['paymentFarAboveValuation']],
      ['WAARSCH-1-B2', 'create', []],
    ]);
    expect(dryRun.body.rows.find((row: any) => row.reference === 'WAARSCH-1-B1').faults[0]).toMatchObject({
      field: 'amountCents',
      columnLetter: 'C',
      reason: expect.stringContaining("€12,500,000.00 is 100 times this delivery's valuation (€125,000.00)"),
    });
    expect((await finance('POST', '/imports', { ...file, mode: 'allOrNothing' })).body).toMatchObject({ committed: false });
    expect(await paidOf('Munitie met een contractprijs')).toEqual([]);

    // Only the valid rows: the warned one is left out.
    expect((await finance('POST', '/imports', { ...file, mode: 'onlyValid' })).body).toMatchObject({ committed: true, counts: { create: 1, invalid: 1 } });
    expect(await paidOf('Munitie met een contractprijs')).toEqual([1_000_00]);

    const confirmed = { ...file, confirm: ['paymentFarAboveValuation'] };
    expect(outcomes((await finance('POST', '/imports/dry-run', confirmed)).body)).toEqual([
      ['WAARSCH-1-B1', 'create', []],
      ['WAARSCH-1-B2', 'unchanged', []],
    ]);
    const committed = await finance('POST', '/imports', { ...confirmed, mode: 'allOrNothing' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 1 } });
    expect(await paidOf('Munitie met een contractprijs')).toEqual([12_500_000_00, 1_000_00]);
    const events = (await auditor('GET', `/audit-events?action=payment.create`)).body.items as any[];
    expect(events.find((event) => event.detail?.externalReference === 'WAARSCH-1-B1').detail).toMatchObject({
      importId: committed.body.importId,
      confirmedWarnings: [{ field: 'amountCents', code: 'paymentFarAboveValuation', params: { amount: '1250000000', valuation: '12500000', ratio: '100' } }],
    });
    expect(events.find((event) => event.detail?.externalReference === 'WAARSCH-1-B2').detail).not.toHaveProperty('confirmedWarnings');
  });

  it('is held against a valuation the same file brings, the latest by its effective date', async () => {
    const file = await upload(
      {
        'Leveringen (Deliveries)': [['WAARSCH-2', 'Munitie met twee contractprijzen (import)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 10, 'stuks', null, null, null, null]],
        'Waarderingen (Valuations)': [
          ['WAARSCH-2-W2', 'WAARSCH-2', '€ 10.000,00', 'Contractprijs', '2025-06-15'],
          ['WAARSCH-2-W1', 'WAARSCH-2', '€ 1.000.000,00', 'Contractprijs', '2025-06-01'],
        ],
        'Betalingen (Payments)': [['WAARSCH-2-B1', 'WAARSCH-2', '€ 100.000,00', '2025-07-01']],
      },
      'nieuw.xlsx',
    );
    const report = await dryRunImport(database().db, systemContext('cli:beheer'), { fileName: file.fileName, bytes: Buffer.from(file.content, 'base64') });
    expect(report.rows.find((row) => row.reference === 'WAARSCH-2-B1')!.faults.map((fault) => [fault.code, fault.params])).toEqual([
      ['paymentFarAboveValuation', { amount: '10000000', valuation: '1000000', ratio: '10' }],
    ]);
  });

  it('offers the warning to confirm only for a row it alone keeps from being made, not for one of another role’s sheet or with a fault of its own', async () => {
    const warned = await upload({ 'Betalingen (Payments)': [['WAARSCH-1-B3', 'WAARSCH-1', '€ 12.500.000,00', '2025-07-03']] }, 'gewaarschuwd.xlsx');
    expect((await finance('POST', '/imports/dry-run', warned)).body).toMatchObject({ confirmable: ['paymentFarAboveValuation'] });
    const ofFinance = await registrar('POST', '/imports/dry-run', warned);
    expect(outcomes(ofFinance.body)).toEqual([['WAARSCH-1-B3', 'invalid', ['sheetOfOtherRole', 'paymentFarAboveValuation']]]);
    expect(ofFinance.body.confirmable).toEqual([]);
    const inTheFuture = await finance('POST', '/imports/dry-run', await upload({ 'Betalingen (Payments)': [['WAARSCH-1-B4', 'WAARSCH-1', '€ 12.500.000,00', '2099-01-01']] }, 'later.xlsx'));
    expect(outcomes(inTheFuture.body)).toEqual([['WAARSCH-1-B4', 'invalid', ['paymentFarAboveValuation', 'dateInFuture']]]);
    expect(inTheFuture.body.confirmable).toEqual([]);
  });
});
