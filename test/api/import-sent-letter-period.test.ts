/**
 * A valuation, payment or EPF claim an import brings dated on or before the reference date of the latest letter sent
 * to parliament, or a new delivery realised by then, is warned of as the forms warn of it: at its row and date, a
 * fault until the import confirms the warning for every row that has it, the audit event of each row then keeping
 * the confirmation; so are a training count counted up to such a date, a judgement of readiness then of a delivery
 * realised by then, and a contract signed then.
 */
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { sendLetter } from '../../src/register/letter-publication.ts';
import { submitAndApprove } from '../../src/register/letter-review.ts';
import { createDraft, finalise } from '../../src/register/letters.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { asUpload, downloadedTemplate, filledTemplate, type SheetRows } from '../support/import-files.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { SIGNED } from '../support/letters.ts';
import { apiClient, type ApiCall } from './client.ts';

const context = systemContext('test');

const PURCHASE: SheetRows = {
  'Leveringen (Deliveries)': [['PERIODE-1', 'Munitie na de brief (import)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 1000, 'stuks', null, null, null, null]],
  'Waarderingen (Valuations)': [['PERIODE-1-W1', 'PERIODE-1', '€ 125.000,00', 'Contractprijs', '2025-06-01']],
};

describeEachDatabase('money an import brings dated in the period of a letter sent to parliament', (database) => {
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
  const sendLetterOf = async (referenceDate: string) => {
    const { db } = database();
    const draft = await createDraft(db, context, { ...SIGNED, referenceDate, letterDate: '2025-09-10' });
    const approved = await submitAndApprove(db, context, draft.id, draft.version);
    const final = await finalise(db, context, draft.id, approved.version);
    await sendLetter(db, context, draft.id, final.version);
  };

  it('is no warning before a letter is sent; after, a fault at the row’s date until confirmed, whose audit event keeps the confirmation', async () => {
    // Valued in June, before any letter: nothing to warn of.
    const purchase = await registrar('POST', '/imports', { ...(await upload(PURCHASE, 'aankoop.xlsx')), mode: 'allOrNothing' });
    expect(purchase.body).toMatchObject({ committed: true, counts: { create: 2, invalid: 0 } });
    await sendLetterOf('2025-08-31');

    const valuations = await upload({ 'Waarderingen (Valuations)': [['PERIODE-1-W2', 'PERIODE-1', '€ 130.000,00', 'Contractprijs', '2025-08-31'], ['PERIODE-1-W3', 'PERIODE-1', '€ 140.000,00', 'Contractprijs', '2025-09-01']] }, 'waarderingen.xlsx');
    const dryRun = await registrar('POST', '/imports/dry-run', valuations, { 'Accept-Language': 'en' });
    expect(outcomes(dryRun.body)).toEqual([
      ['PERIODE-1-W2', 'invalid', ['datedInSentLetterPeriod']],
      ['PERIODE-1-W3', 'create', []],
    ]);
    expect(dryRun.body.confirmable).toEqual(['datedInSentLetterPeriod']);
    expect(dryRun.body.rows.find((row: any) => row.reference === 'PERIODE-1-W2').faults[0]).toMatchObject({
      field: 'effectiveDate',
      columnLetter: 'E',
      reason: expect.stringContaining('31 August 2025 falls in the period of the letter with reference date 31 August 2025, which was sent to parliament already'),
    });
    expect((await registrar('POST', '/imports', { ...valuations, mode: 'allOrNothing' })).body).toMatchObject({ committed: false });

    const confirmed = { ...valuations, confirm: ['datedInSentLetterPeriod'] };
    expect(outcomes((await registrar('POST', '/imports/dry-run', confirmed)).body)).toEqual([
      ['PERIODE-1-W2', 'create', []],
      ['PERIODE-1-W3', 'create', []],
    ]);
    const committed = await registrar('POST', '/imports', { ...confirmed, mode: 'allOrNothing' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 2 } });
    const events = (await auditor('GET', '/audit-events?action=valuation.create')).body.items as any[];
    expect(events.find((event) => event.detail?.externalReference === 'PERIODE-1-W2').detail).toMatchObject({
      importId: committed.body.importId,
      confirmedWarnings: [{ field: 'effectiveDate', code: 'datedInSentLetterPeriod', params: { date: '2025-08-31', referenceDate: '2025-08-31' } }],
    });
    expect(events.find((event) => event.detail?.externalReference === 'PERIODE-1-W3').detail).not.toHaveProperty('confirmedWarnings');
  });

  it('warns of a new delivery realised in the period at its realisation date, its valuations waiting for it, until confirmed; one realised after it, or the register’s own row, is no warning', async () => {
    const stock = (reference: string, realisedAt: string | null) => [reference, `Generatoren ${reference} (import)`, 'Directe levering uit voorraad', 'Niet-letale goederen', 'Defensiebegroting', 8, 'stuks', null, null, realisedAt, null];
    const rows: SheetRows = {
      'Leveringen (Deliveries)': [stock('PERIODE-2', '2025-08-31'), stock('PERIODE-3', '2025-09-01'), ['PERIODE-1', 'Munitie na de brief (import)', 'Commerciële verwerving', 'Munitie', 'Defensiebegroting', 1000, 'stuks', null, null, null, null]],
      'Waarderingen (Valuations)': [['PERIODE-2-W1', 'PERIODE-2', '€ 80.000,00', 'Vervangingswaarde', '2025-09-02']],
    };
    const file = await upload(rows, 'voorraad.xlsx');
    const dryRun = await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' });
    expect(outcomes(dryRun.body)).toEqual([
      ['PERIODE-2', 'invalid', ['datedInSentLetterPeriod']],
      ['PERIODE-3', 'create', []],
      ['PERIODE-1', 'unchanged', []],
      ['PERIODE-2-W1', 'invalid', ['deliveryRowInvalid']],
    ]);
    expect(dryRun.body.confirmable).toEqual(['datedInSentLetterPeriod']);
    expect(dryRun.body.rows.find((row: any) => row.reference === 'PERIODE-2').faults[0]).toMatchObject({
      field: 'realisedAt',
      reason: expect.stringContaining('31 August 2025 falls in the period of the letter with reference date 31 August 2025'),
    });

    const committed = await registrar('POST', '/imports', { ...file, confirm: ['datedInSentLetterPeriod'], mode: 'allOrNothing' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 3, unchanged: 1 } });
    const events = (await auditor('GET', '/audit-events?action=delivery.create')).body.items as any[];
    expect(events.find((event) => event.detail?.externalReference === 'PERIODE-2').detail).toMatchObject({
      importId: committed.body.importId,
      confirmedWarnings: [{ field: 'realisedAt', code: 'datedInSentLetterPeriod', params: { date: '2025-08-31', referenceDate: '2025-08-31' } }],
    });
    expect(events.find((event) => event.detail?.externalReference === 'PERIODE-3').detail).not.toHaveProperty('confirmedWarnings');
  });

  it('warns of a payment in the period beside one far above its valuation, each confirmed on its own', async () => {
    const payments = await upload({ 'Betalingen (Payments)': [['PERIODE-1-B1', 'PERIODE-1', '€ 14.000.000,00', '2025-08-01'], ['PERIODE-1-B2', 'PERIODE-1', '€ 1.000,00', '2025-08-02']] }, 'betalingen.xlsx');
    const dryRun = await finance('POST', '/imports/dry-run', payments);
    expect(outcomes(dryRun.body)).toEqual([
      ['PERIODE-1-B1', 'invalid', ['paymentFarAboveValuation', 'datedInSentLetterPeriod']],
      ['PERIODE-1-B2', 'invalid', ['datedInSentLetterPeriod']],
    ]);
    expect(dryRun.body.confirmable.toSorted()).toEqual(['datedInSentLetterPeriod', 'paymentFarAboveValuation']);
    expect(outcomes((await finance('POST', '/imports/dry-run', { ...payments, confirm: ['datedInSentLetterPeriod'] })).body)).toEqual([
      ['PERIODE-1-B1', 'invalid', ['paymentFarAboveValuation']],
      ['PERIODE-1-B2', 'create', []],
    ]);
    const committed = await finance('POST', '/imports', { ...payments, confirm: ['datedInSentLetterPeriod', 'paymentFarAboveValuation'], mode: 'allOrNothing' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 2 } });
    const events = (await auditor('GET', '/audit-events?action=payment.create')).body.items as any[];
    expect(events.find((event) => event.detail?.externalReference === 'PERIODE-1-B1').detail.confirmedWarnings.map((warning: any) => warning.code)).toEqual([
      'paymentFarAboveValuation',
      'datedInSentLetterPeriod',
    ]);
  });

  it('warns of an EPF claim declared in the period at its row and date until confirmed, whose audit event keeps the confirmation', async () => {
    const claims = await upload(
      {
        'EPF-declaraties (EPF claims)': [
          ['PERIODE-EPF-1', 'EPF-NL-PERIODE-1', null, 'Munitie, eerste helft 2025', 'jan. t/m jun. 2025', '€ 2.500', '2025-07-01', null],
          ['PERIODE-EPF-2', 'EPF-NL-PERIODE-2', null, 'Munitie, september 2025', 'sep. 2025', '€ 1.500', '2025-09-01', null],
        ],
      },
      'declaraties.xlsx',
    );
    const dryRun = await finance('POST', '/imports/dry-run', claims, { 'Accept-Language': 'en' });
    expect(outcomes(dryRun.body)).toEqual([
      ['PERIODE-EPF-1', 'invalid', ['datedInSentLetterPeriod']],
      ['PERIODE-EPF-2', 'create', []],
    ]);
    expect(dryRun.body.confirmable).toEqual(['datedInSentLetterPeriod']);
    expect(dryRun.body.rows.find((row: any) => row.reference === 'PERIODE-EPF-1').faults[0]).toMatchObject({ field: 'declaredOn', columnLetter: 'G' });

    const committed = await finance('POST', '/imports', { ...claims, confirm: ['datedInSentLetterPeriod'], mode: 'allOrNothing' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 2 } });
    const events = (await auditor('GET', '/audit-events?action=epf.claim.create')).body.items as any[];
    expect(events.find((event) => event.detail?.externalReference === 'PERIODE-EPF-1').detail).toMatchObject({
      importId: committed.body.importId,
      confirmedWarnings: [{ field: 'declaredOn', code: 'datedInSentLetterPeriod', params: { date: '2025-07-01', referenceDate: '2025-08-31' } }],
    });
    expect(events.find((event) => event.detail?.externalReference === 'PERIODE-EPF-2').detail).not.toHaveProperty('confirmedWarnings');
  });

  it('warns of a training count counted up to a date in the period, and of a judgement of readiness then, at its row and date, a fault until confirmed, its audit event then keeping the confirmation', async () => {
    // Realised in the period, it is registered as confirmed.
    const { body: stock } = await registrar('POST', '/deliveries', { ...stockDelivery, title: 'Voorraad beoordeeld (import)', confirm: ['datedInSentLetterPeriod'] });
    const counts = await upload(
      {
        'Trainingsprogramma’s (Training)': [['PERIODE-TR', 'Opleiding in de periode (import)', 'periode-import', 'DE', 'Bilateraal', null, null, null]],
        'Trainingstellingen (Counts)': [
          ['PERIODE-TT-1', 'periode-import', '2025-03-01', null, '2025-08-31', 20, null, 250, null, null, null, null, null, null, ''],
          ['PERIODE-TT-2', 'periode-import', '2025-03-01', null, '2025-09-01', 25, null, 300, null, null, null, null, null, null, ''],
        ],
        'Gereedheidsoordelen (Readiness)': [['PERIODE-GO-1', stock.id, 'acceptabel', 'Vervanging is besteld.', '2025-07-01']],
      },
      'training.xlsx',
    );
    const dryRun = await registrar('POST', '/imports/dry-run', counts, { 'Accept-Language': 'en' });
    expect(outcomes(dryRun.body)).toEqual([
      ['PERIODE-TR', 'create', []],
      ['PERIODE-TT-1', 'invalid', ['datedInSentLetterPeriod']],
      ['PERIODE-TT-2', 'create', []],
      ['PERIODE-GO-1', 'invalid', ['datedInSentLetterPeriod']],
    ]);
    expect(dryRun.body.confirmable).toEqual(['datedInSentLetterPeriod']);
    expect(dryRun.body.rows.find((row: any) => row.reference === 'PERIODE-TT-1').faults[0]).toMatchObject({
      field: 'countsUpTo',
      columnLetter: 'E',
      reason: expect.stringContaining('31 August 2025 falls in the period of the letter with reference date 31 August 2025, which was sent to parliament already'),
    });
    expect((await registrar('POST', '/imports', { ...counts, mode: 'allOrNothing' })).body).toMatchObject({ committed: false });

    const committed = await registrar('POST', '/imports', { ...counts, confirm: ['datedInSentLetterPeriod'], mode: 'allOrNothing' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 4 } });
    const events = (await auditor('GET', '/audit-events?action=training.addContribution')).body.items as any[];
    expect(events.find((event) => event.detail?.externalReference === 'PERIODE-TT-1').detail).toMatchObject({
      importId: committed.body.importId,
      confirmedWarnings: [{ field: 'countsUpTo', code: 'datedInSentLetterPeriod', params: { date: '2025-08-31', referenceDate: '2025-08-31' } }],
    });
    expect(events.find((event) => event.detail?.externalReference === 'PERIODE-TT-2').detail).not.toHaveProperty('confirmedWarnings');
    const [judged] = (await auditor('GET', '/audit-events?action=readiness.judge')).body.items as any[];
    expect(judged.detail).toMatchObject({ externalReference: 'PERIODE-GO-1', confirmedWarnings: [{ field: 'judgedOn', code: 'datedInSentLetterPeriod', params: { date: '2025-07-01' } }] });
  });

  it('warns of a contract signed in the period at its row and date, made once confirmed', async () => {
    const contracts = await upload(
      {
        'Bedrijven (Companies)': [['PERIODE-BD', 'Munitiefabriek in de periode (import)', 'UA', null]],
        'Contracten (Contracts)': [['PERIODE-CT', 'PERIODE-BD', 'G2B-PERIODE-IMPORT', 'Munitie', '€ 2.500.000', '2025-06-01', null, null, null]],
      },
      'contracten.xlsx',
    );
    const dryRun = await registrar('POST', '/imports/dry-run', contracts);
    expect(outcomes(dryRun.body)).toEqual([
      ['PERIODE-BD', 'create', []],
      ['PERIODE-CT', 'invalid', ['datedInSentLetterPeriod']],
    ]);
    expect(dryRun.body.rows.find((row: any) => row.reference === 'PERIODE-CT').faults[0]).toMatchObject({ field: 'signedOn', columnLetter: 'F' });
    const committed = await registrar('POST', '/imports', { ...contracts, confirm: ['datedInSentLetterPeriod'], mode: 'allOrNothing' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 2 } });
    const [signed] = (await auditor('GET', '/audit-events?action=industryContract.create')).body.items as any[];
    expect(signed.detail).toMatchObject({ externalReference: 'PERIODE-CT', confirmedWarnings: [{ field: 'signedOn', code: 'datedInSentLetterPeriod', params: { date: '2025-06-01' } }] });
  });
});
