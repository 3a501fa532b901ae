/**
 * A valuation an import brings is held against what depends on its delivery's value, as the API holds one:
 * a stock delivery is not valued below what replenishment projects replace of it, and no delivery below what
 * its EPF claims declared up to a claim's date. Each valuation is judged as the API judges them one after the
 * other by their effective dates: with the file's valuations of the delivery up to its own date. A refusal is
 * named at its row and amount, and the import then changes nothing.
 */
import { sql, type Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import type { Database } from '../../src/db/schema.ts';
import { createClaim } from '../../src/register/epf.ts';
import { commitImport } from '../../src/register/import.ts';
import { asUpload, downloadedTemplate, filledTemplate, type SheetRows } from '../support/import-files.ts';
import { describeEachDatabase, describeOnPostgres } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

/** Two deliveries from stock: one worth € 60.000 from 1 June 2024, one worth € 100.000 from 1 January 2025. */
const DELIVERIES: SheetRows = {
  'Leveringen (Deliveries)': [
    ['AFH-1', 'Generatoren met een EPF-declaratie (import)', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Steunfonds Oekraïne', 8, 'stuks', null, '2024-01-01', null, null],
    ['AFH-2', 'Generatoren die vervangen worden (import)', 'Directe levering uit voorraad', 'Niet-letale goederen', 'Steunfonds Oekraïne', 8, 'stuks', null, '2024-01-01', null, null],
  ],
  'Waarderingen (Valuations)': [
    ['AFH-1-W1', 'AFH-1', '€ 60.000', 'Vervangingswaarde', '2024-06-01'],
    ['AFH-2-W1', 'AFH-2', '€ 100.000', 'Vervangingswaarde', '2025-01-01'],
  ],
};

describeEachDatabase('a valuation an import brings below what depends on its delivery’s value', (database) => {
  let registrar: ApiCall;
  let template: Uint8Array;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    const finance = apiClient(db, { role: 'finance' });
    template = await downloadedTemplate(db);
    expect((await registrar('POST', '/imports', { ...(await upload(DELIVERIES, 'leveringen.xlsx')), mode: 'allOrNothing' })).body).toMatchObject({ committed: true, counts: { create: 4 } });
    for (const [reference, title] of [['AFH-1', 'Generatoren met een EPF-declaratie'], ['AFH-2', 'Generatoren die vervangen worden']] as const) {
      ids[reference] = (await registrar('GET', `/deliveries?q=${encodeURIComponent(title)}`)).body.items[0].id;
    }
    const claim = { reference: 'EPF-AFH-1', batch: '', period: '2024', deliveryId: ids['AFH-1'], declaredCents: 5_000_000, declaredOn: '2025-01-15' };
    expect((await finance('POST', '/epf/claims', claim)).status).toBe(201);
    const project = { name: 'Vervanging generatoren', stage: 'approved', replaces: [{ deliveryId: ids['AFH-2'], replacedValueCents: 8_000_000, replacedQuantity: 8 }], asOf: '2025-02-01' };
    expect((await registrar('POST', '/replenishment-projects', project)).status).toBe(201);
  });

  const upload = async (rows: SheetRows, fileName: string) => asUpload(await filledTemplate(template, rows), fileName);
  const outcomes = (body: any) => body.rows.filter((row: any) => row.outcome !== 'example').map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => fault.code)]);
  const valuesOf = async () => Promise.all(['AFH-1', 'AFH-2'].map(async (reference) => (await registrar('GET', `/deliveries/${ids[reference]}`)).body.valuations.map((valuation: any) => valuation.amountCents)));

  it('refuses one below an EPF claim or below what is replaced at its row and amount, as the API does, and the commit changes nothing', async () => {
    const file = await upload(
      {
        'Waarderingen (Valuations)': [
          ['AFH-1-W2', 'AFH-1', '€ 20.000', 'Vervangingswaarde', '2024-12-01'],
          ['AFH-2-W2', 'AFH-2', '€ 50.000', 'Vervangingswaarde', '2025-06-01'],
        ],
      },
      'lager.xlsx',
    );
    const dryRun = await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' });
    expect(outcomes(dryRun.body)).toEqual([
      ['AFH-1-W2', 'invalid', ['belowClaimedValue']],
      ['AFH-2-W2', 'invalid', ['belowReplacedValue']],
    ]);
    const faultOf = (reference: string) => dryRun.body.rows.find((row: any) => row.reference === reference).faults[0];
    const api = async (reference: string, amountCents: number, effectiveDate: string) =>
      (await registrar('POST', `/deliveries/${ids[reference]}/valuations`, { amountCents, basis: 'replacementValue', effectiveDate }, { 'Accept-Language': 'en' })).body.invalidParams;
    expect(faultOf('AFH-1-W2')).toMatchObject({ field: 'amountCents', columnLetter: 'C', code: 'belowClaimedValue', reason: expect.stringContaining('15 January 2025') });
    expect(faultOf('AFH-1-W2').reason).toBe((await api('AFH-1', 2_000_000, '2024-12-01'))[0].reason);
    expect(faultOf('AFH-2-W2')).toMatchObject({ field: 'amountCents', columnLetter: 'C', code: 'belowReplacedValue', reason: expect.stringContaining('€80,000.00') });
    expect(faultOf('AFH-2-W2').reason).toBe((await api('AFH-2', 5_000_000, '2025-06-01'))[0].reason);

    expect((await registrar('POST', '/imports', { ...file, mode: 'allOrNothing' })).body).toMatchObject({ committed: false });
    expect(await valuesOf()).toEqual([[6_000_000], [10_000_000]]);
  });

  it('takes one that leaves the value covering them, or dated after the claim, or before a valuation of the register that counts after it', async () => {
    const file = await upload(
      {
        'Waarderingen (Valuations)': [
          // After the claim's date the value may go lower: the claim is judged at its date.
          ['AFH-1-W3', 'AFH-1', '€ 10.000', 'Vervangingswaarde', '2025-02-01'],
          ['AFH-1-W4', 'AFH-1', '€ 50.000', 'Vervangingswaarde', '2024-12-01'],
          // The register's valuation of 1 January 2025 stays the one that counts.
          ['AFH-2-W3', 'AFH-2', '€ 1.000', 'Vervangingswaarde', '2024-12-01'],
          ['AFH-2-W4', 'AFH-2', '€ 80.000', 'Vervangingswaarde', '2025-06-01'],
        ],
      },
      'gedekt.xlsx',
    );
    expect(outcomes((await registrar('POST', '/imports/dry-run', file)).body).map(([reference, outcome]: any) => [reference, outcome])).toEqual([
      ['AFH-1-W3', 'create'],
      ['AFH-1-W4', 'create'],
      ['AFH-2-W3', 'create'],
      ['AFH-2-W4', 'create'],
    ]);
  });

  it('holds a purchase’s contract price against its claims with what was paid for it by each claim’s date, as the API does', async () => {
    const { db } = database();
    const finance = apiClient(db, { role: 'finance' });
    const purchase = { 'Leveringen (Deliveries)': [['AFH-3', 'Munitie met een EPF-declaratie (import)', 'Commerciële verwerving', 'Munitie', 'Steunfonds Oekraïne', 1000, 'stuks', null, '2024-01-01', null, null]], 'Waarderingen (Valuations)': [['AFH-3-W1', 'AFH-3', '€ 60.000', 'Contractprijs', '2024-02-01']] };
    expect((await registrar('POST', '/imports', { ...(await upload(purchase, 'aankoop.xlsx')), mode: 'allOrNothing' })).body).toMatchObject({ committed: true });
    const id = (await registrar('GET', `/deliveries?q=${encodeURIComponent('Munitie met een EPF-declaratie')}`)).body.items[0].id;
    expect((await finance('POST', `/deliveries/${id}/payments`, { amountCents: 4_000_000, paidOn: '2024-05-01' })).status).toBe(201);
    for (const [declaredCents, declaredOn] of [[3_500_000, '2024-06-01'], [1_000_000, '2024-07-01']] as const) {
      expect((await finance('POST', '/epf/claims', { reference: `EPF-AFH-3-${declaredOn}`, batch: '', period: '2024', deliveryId: id, declaredCents, declaredOn })).status).toBe(201);
    }
    // Paid € 40.000 by then: enough for the first claim's € 35.000, not for the € 45.000 of both.
    const file = await upload({ 'Waarderingen (Valuations)': [['AFH-3-W2', 'AFH-3', '€ 10.000', 'Contractprijs', '2024-03-01']] }, 'contractprijs.xlsx');
    const [fault] = (await registrar('POST', '/imports/dry-run', file, { 'Accept-Language': 'en' })).body.rows.find((row: any) => row.reference === 'AFH-3-W2').faults;
    const refused = await registrar('POST', `/deliveries/${id}/valuations`, { amountCents: 1_000_000, basis: 'contractPrice', effectiveDate: '2024-03-01' }, { 'Accept-Language': 'en' });
    expect(fault).toMatchObject({ field: 'amountCents', columnLetter: 'C', code: 'belowClaimedValue', reason: refused.body.invalidParams[0].reason });
    expect(fault.reason).toMatch(/^EPF claims up to 1 July 2024 declare €45,000\.00 for this delivery; its value on that day would become €40,000\.00/);
  });

  it('judges each with the file’s valuations of its delivery up to its date, not with those after it', async () => {
    const file = await upload(
      {
        'Waarderingen (Valuations)': [
          // Judged one after the other, the first would leave € 20.000 on the claim's date until the second came.
          ['AFH-1-W5', 'AFH-1', '€ 20.000', 'Vervangingswaarde', '2024-11-01'],
          ['AFH-1-W6', 'AFH-1', '€ 55.000', 'Vervangingswaarde', '2025-01-10'],
          ['AFH-2-W5', 'AFH-2', '€ 50.000', 'Vervangingswaarde', '2025-07-01'],
          ['AFH-2-W6', 'AFH-2', '€ 90.000', 'Vervangingswaarde', '2025-08-01'],
        ],
      },
      'volgorde.xlsx',
    );
    expect(outcomes((await registrar('POST', '/imports/dry-run', file)).body)).toEqual([
      ['AFH-1-W5', 'invalid', ['belowClaimedValue']],
      ['AFH-1-W6', 'create', []],
      ['AFH-2-W5', 'invalid', ['belowReplacedValue']],
      ['AFH-2-W6', 'create', []],
    ]);
    // Only the valid rows: what is written leaves every claim and replacement covered.
    expect((await registrar('POST', '/imports', { ...file, mode: 'onlyValid' })).body).toMatchObject({ committed: true, counts: { create: 2, invalid: 2 } });
    expect(await valuesOf()).toEqual([expect.arrayContaining([5_500_000]), expect.arrayContaining([9_000_000])]);
  });
});

describeOnPostgres('a valuation an import brings while an EPF claim on its delivery is being declared', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let template: Uint8Array;

  beforeAll(async () => {
    const { db } = database();
    registrar = apiClient(db, { role: 'registrar' });
    finance = apiClient(db, { role: 'finance' });
    template = await downloadedTemplate(db);
  });

  /** A delivery from stock worth € 60.000 from 1 June 2024, imported; its id. */
  async function importedDelivery(reference: string): Promise<string> {
    const title = `Generatoren ${reference} (import)`;
    const rows: SheetRows = {
      'Leveringen (Deliveries)': [[reference, title, 'Directe levering uit voorraad', 'Niet-letale goederen', 'Steunfonds Oekraïne', 8, 'stuks', null, '2024-01-01', null, null]],
      'Waarderingen (Valuations)': [[`${reference}-W1`, reference, '€ 60.000', 'Vervangingswaarde', '2024-06-01']],
    };
    expect((await registrar('POST', '/imports', { ...asUpload(await filledTemplate(template, rows), 'levering.xlsx'), mode: 'allOrNothing' })).body).toMatchObject({ committed: true });
    return (await registrar('GET', `/deliveries?q=${encodeURIComponent(title)}`)).body.items[0].id;
  }
  /** The file that values it at € 20.000 from 1 December 2024: below a claim of € 50.000 declared on 15 January 2025. */
  const revaluation = async (reference: string) => ({
    fileName: 'lager.xlsx',
    bytes: await filledTemplate(template, { 'Waarderingen (Valuations)': [[`${reference}-W2`, reference, '€ 20.000', 'Vervangingswaarde', '2024-12-01']] }),
  });
  const claim = (deliveryId: string) => ({ reference: `EPF-${deliveryId}`, batch: '', period: '2024', deliveryId, trancheId: null, declaredCents: 5_000_000, declaredOn: '2025-01-15', note: '' });
  const valuesOf = async (deliveryId: string) => (await registrar('GET', `/deliveries/${deliveryId}`)).body.valuations.map((valuation: any) => valuation.amountCents);

  /** Runs the work in a transaction held open until the call made meanwhile waits for a lock (a second at most), then commits it. */
  async function whileHeld(work: (trx: Kysely<Database>) => Promise<unknown>, meanwhile: () => Promise<{ body: any; status: number }>) {
    const { db } = database();
    let done!: () => void;
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (done = resolve));
    const committing = new Promise<void>((resolve) => (commit = resolve));
    const first = db.transaction().execute(async (trx) => {
      await work(trx);
      done();
      await committing;
    });
    await held;
    const second = meanwhile();
    const waiting = async () => Number((await sql<{ n: string }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db)).rows[0]!.n);
    for (const deadline = Date.now() + 1000; (await waiting()) < 1 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
    commit();
    await first;
    return second;
  }

  it('sees a claim declared before its commit, waiting for it, and refuses the valuation below it', async () => {
    const deliveryId = await importedDelivery('LCK-1');
    const file = await revaluation('LCK-1');
    const imported = await whileHeld(
      (trx) => createClaim(trx, systemContext('finance'), claim(deliveryId)),
      () => registrar('POST', '/imports', { ...asUpload(file.bytes, file.fileName), mode: 'allOrNothing' }),
    );
    expect(imported.body).toMatchObject({ committed: false });
    expect(imported.body.rows.find((row: any) => row.reference === 'LCK-1-W2').faults.map((fault: any) => fault.code)).toEqual(['belowClaimedValue']);
    expect(await valuesOf(deliveryId)).toEqual([6_000_000]);
  });

  it('makes a claim declared before the import commits wait for it, and judges the claim on the value it brought', async () => {
    const deliveryId = await importedDelivery('LCK-2');
    const file = await revaluation('LCK-2');
    const registrarContext = { ...systemContext('registrar'), actor: { id: null, username: 'registrar', role: 'registrar' as const } };
    const declared = await whileHeld(
      async (trx) => expect(await commitImport(trx, registrarContext, file, 'allOrNothing')).toMatchObject({ committed: true }),
      () => finance('POST', '/epf/claims', claim(deliveryId)),
    );
    expect(declared.status).toBe(400);
    expect(declared.body.invalidParams.map((param: any) => param.code)).toContain('aboveDelivered');
    expect(await valuesOf(deliveryId)).toEqual(expect.arrayContaining([2_000_000]));
  });
});
