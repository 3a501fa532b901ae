/**
 * The same money sent twice (a form sent again, a request repeated without If-Match, a file with a row twice)
 * is refused, as the budget's records are: a payment of a delivery and a receipt on an EPF claim the same in
 * every field typed as one recorded (not withdrawn) would count its money twice.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { asUpload } from '../support/import-files.ts';
import { apiClient, type ApiCall } from './client.ts';

const MILLION = 100_000_000; // cents
const FOLDING = 'hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee';
const recordedToday = () => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date());
const inRegister = () => `Dit staat al in het register: op ${recordedToday()} vastgelegd met precies dezelfde gegevens (${FOLDING}).`;

describeEachDatabase('the same money sent twice', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
    finance = apiClient(database().db, { role: 'finance' });
  });

  const purchase = async (title: string) =>
    (await registrar('POST', '/deliveries', { title, category: 'ammunition', supportType: 'procurement', fundingSource: 'ukraineSupportBudget', committedAt: '2026-06-01' })).body;
  const procurementRealised = async () =>
    (await registrar('GET', '/figures?referenceDate=2026-11-30&compareDate=2025-01-01')).body.rows.find((row: any) => row.supportType === 'procurement').reference.cents;
  const faults = (response: { body: any }) => response.body.invalidParams.map((param: any) => `${param.name} ${param.code}`).toSorted();

  it('refuses a payment the same in amount, day and note as one of its delivery’s, without a reference, naming the day it was recorded, and counts it once', async () => {
    const delivery = await purchase('Tweemaal verzonden betaling');
    const payments = `/deliveries/${delivery.id}/payments`;
    const payment = { amountCents: 25 * MILLION, paidOn: '2026-11-20', note: 'Eerste termijn' };
    expect((await finance('POST', payments, payment)).status).toBe(201);
    const realised = await procurementRealised();

    for (const again of [payment, { ...payment, reference: null, note: 'eerste  termijn ' }]) {
      const refused = await finance('POST', payments, again);
      expect([refused.status, refused.body.invalidParams]).toEqual([400, [{ name: 'amountCents', code: 'duplicateRecord', reason: inRegister() }]]);
    }
    // Beside a field the schema refuses, as the budget's records are.
    expect(faults(await finance('POST', payments, { ...payment, reference: null, confirm: ['nonsense'] }))).toEqual(['amountCents duplicateRecord', 'confirm.0 invalidChoice']);
    expect((await registrar('GET', `/deliveries/${delivery.id}`)).body).toMatchObject({ payments: [payment], valueCents: 25 * MILLION });
    expect(await procurementRealised()).toBe(realised);

    // A payment that differs in any field typed is another one.
    for (const other of [{ amountCents: 25 * MILLION + 1 }, { paidOn: '2026-11-21' }, { note: 'Tweede termijn' }, { reference: 'F-2026-2' }]) {
      const response = await finance('POST', payments, { ...payment, ...other });
      expect(response.status, JSON.stringify(other)).toBe(201);
    }
    expect((await registrar('GET', `/deliveries/${delivery.id}`)).body.valueCents).toBe(5 * 25 * MILLION + 1);
  });

  it('takes the same payment again once the first is withdrawn', async () => {
    const delivery = await purchase('Ingetrokken en opnieuw betaald');
    const payment = { amountCents: 4 * MILLION, paidOn: '2026-09-01' };
    const first = (await finance('POST', `/deliveries/${delivery.id}/payments`, payment)).body;
    expect((await finance('POST', `/payments/${first.id}/withdrawal`, { withdrawnOn: '2026-09-01', reason: 'Op de verkeerde levering geboekt' })).status).toBe(201);
    expect((await finance('POST', `/deliveries/${delivery.id}/payments`, payment)).status).toBe(201);
    expect((await registrar('GET', `/deliveries/${delivery.id}`)).body.valueCents).toBe(4 * MILLION);
  });

  it('refuses a receipt on an EPF claim the same in amount, day and note as one it has, and counts it once', async () => {
    const claim = (await finance('POST', '/epf/claims', { reference: `EPF-${crypto.randomUUID()}`, batch: 'Munitie', period: '2026', declaredCents: 10 * MILLION, declaredOn: '2026-01-15' })).body.claim;
    const receipts = `/epf/claims/${claim.id}/receipts`;
    expect((await finance('POST', `/epf/claims/${claim.id}/assessments`, { compensatedCents: 8 * MILLION, assessedOn: '2026-03-01' })).status).toBe(201);
    const receipt = { amountCents: 3 * MILLION, receivedOn: '2026-04-01' };
    expect((await finance('POST', receipts, receipt)).status).toBe(201);

    const refused = await finance('POST', receipts, { ...receipt, note: '' });
    expect([refused.status, refused.body.invalidParams]).toEqual([400, [{ name: 'amountCents', code: 'duplicateRecord', reason: inRegister() }]]);
    expect((await finance('GET', `/epf/claims/${claim.id}`)).body).toMatchObject({ receipts: [receipt], state: { paidCents: 3 * MILLION, outstandingCents: 5 * MILLION } });

    expect((await finance('POST', receipts, { ...receipt, note: 'Tweede betaling van de EU' })).status).toBe(201);
    expect((await finance('GET', `/epf/claims/${claim.id}`)).body.state).toMatchObject({ paidCents: 6 * MILLION, outstandingCents: 2 * MILLION });
  });

  it('refuses in an import a payment row the same as an earlier row of the file or a payment of the register, not withdrawn, and the same file again changes nothing', async () => {
    const delivery = await purchase('Betalingen uit een bestand');
    expect((await finance('POST', `/deliveries/${delivery.id}/payments`, { amountCents: 5_00, paidOn: '2026-07-01' })).status).toBe(201);
    const withdrawn = (await finance('POST', `/deliveries/${delivery.id}/payments`, { amountCents: 9_00, paidOn: '2026-07-03' })).body;
    expect((await finance('POST', `/payments/${withdrawn.id}/withdrawal`, { withdrawnOn: '2026-07-03', reason: 'Tikfout' })).status).toBe(201);
    const csv = [
      'Eigen kenmerk;Kenmerk levering;Bedrag (€);Betaald op;Betalingskenmerk;Toelichting',
      `TWEE-B1;${delivery.id};7;2026-07-02;;Termijn`,
      `TWEE-B2;${delivery.id};7;2026-07-02;;termijn `,
      `TWEE-B3;${delivery.id};5;2026-07-01;;`,
      `TWEE-B4;${delivery.id};7;2026-07-02;F-2026-7;Termijn`,
      `TWEE-B5;${delivery.id};9;2026-07-03;;`,
    ].join('\r\n');
    const file = asUpload(new TextEncoder().encode(csv), 'betalingen.csv');
    const outcomes = (body: any) => body.rows.map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}: ${fault.reason}`)]);

    const dryRun = await finance('POST', '/imports/dry-run', file, { 'Accept-Language': 'nl' });
    expect(outcomes(dryRun.body)).toEqual([
      ['TWEE-B1', 'create', []],
      ['TWEE-B2', 'invalid', [`C duplicateRow: Dit staat al op regel 2 van dit blad, met precies dezelfde gegevens (${FOLDING}).`]],
      ['TWEE-B3', 'invalid', [`C duplicateRecord: ${inRegister()}`]],
      ['TWEE-B4', 'create', []],
      ['TWEE-B5', 'create', []],
    ]);
    const committed = await finance('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(committed.body).toMatchObject({ committed: true, counts: { create: 3, invalid: 2 } });
    expect((await registrar('GET', `/deliveries/${delivery.id}`)).body.valueCents).toBe(5_00 + 7_00 + 7_00 + 9_00);

    // Its rows made are the register's under their own keys; the others are the same as those now.
    const again = await finance('POST', '/imports', { ...file, mode: 'onlyValid' });
    expect(outcomes(again.body).map(([reference, outcome, rowFaults]: [string, string, string[]]) => [reference, outcome, rowFaults.map((fault) => fault.split(':')[0])])).toEqual([
      ['TWEE-B1', 'unchanged', []],
      ['TWEE-B2', 'invalid', ['C duplicateRecord']],
      ['TWEE-B3', 'invalid', ['C duplicateRecord']],
      ['TWEE-B4', 'unchanged', []],
      ['TWEE-B5', 'unchanged', []],
    ]);
    expect((await registrar('GET', `/deliveries/${delivery.id}`)).body.valueCents).toBe(5_00 + 7_00 + 7_00 + 9_00);
  });
});
