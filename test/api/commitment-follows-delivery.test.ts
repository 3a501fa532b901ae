/**
 * A budget commitment for a delivery follows the delivery's beginning (its pledge, or without one its
 * commitment), as its valuations, payments, judgements and contracts do: through the API, an import and
 * a later stage alike, and the delivery's beginning is not moved after one.
 */
import { beforeAll, expect, it } from 'vitest';
import { insertCommitmentIfAbsent } from '../../src/db/repositories/budget.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { asUpload } from '../support/import-files.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('a budget commitment for a delivery', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
    finance = apiClient(database().db, { role: 'finance' });
  });

  const delivery = async (fields: Record<string, unknown>) =>
    (await registrar('POST', '/deliveries', { category: 'ammunition', supportType: 'procurement', fundingSource: 'defenceBudget', ...fields })).body;
  const commitments = async () => Number((await database().db.selectFrom('budgetCommitmentStage').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const faults = (response: { body: any }) => response.body.invalidParams.map((param: any) => `${param.name} ${param.code}`).toSorted();

  it('is refused when dated before the delivery’s pledge, naming both dates, also beside a field the schema refuses, and changes nothing', async () => {
    const pledged = await delivery({ title: 'Munitie, toegezegd in april', pledgedAt: '2025-04-17' });
    const commitment = { title: 'Munitie bij de toezegging', fund: 'defenceBudget', budgetYear: 2025, deliveryId: pledged.id, stage: 'committed', amountCents: 100, effectiveOn: '2022-01-03' };
    const before = await commitments();
    for (const [language, reason] of [
      ['en', 'The date of budget commitment (3 January 2022) lies before that of pledge (17 April 2025).'],
      ['nl', 'De datum van verplichting op de begroting (3 januari 2022) ligt vóór die van toezegging (17 april 2025).'],
    ] as const) {
      const refused = await finance('POST', '/budget/commitments', commitment, { 'Accept-Language': language });
      expect([refused.status, refused.body.invalidParams]).toEqual([400, [{ name: 'effectiveOn', code: 'beforeEarlierStage', reason }]]);
    }
    expect(faults(await finance('POST', '/budget/commitments', { ...commitment, title: ' ' }))).toEqual(['effectiveOn beforeEarlierStage', 'title required']);
    expect(await commitments()).toBe(before);
    // On the day of the pledge, or later, it follows it.
    expect((await finance('POST', '/budget/commitments', { ...commitment, effectiveOn: '2025-04-17' })).status).toBe(201);
  });

  it('follows the delivery’s commitment when it was never pledged', async () => {
    const committed = await delivery({ title: 'Munitie, meteen verplicht', committedAt: '2025-05-01' });
    const commitment = { title: 'Munitie zonder toezegging', fund: 'defenceBudget', budgetYear: 2025, deliveryId: committed.id, stage: 'pledged', amountCents: 100, effectiveOn: '2025-04-30' };
    const refused = await finance('POST', '/budget/commitments', commitment, { 'Accept-Language': 'en' });
    expect(refused.body.invalidParams).toEqual([{ name: 'effectiveOn', code: 'beforeEarlierStage', reason: 'The date of budget commitment (30 April 2025) lies before that of commitment (1 May 2025).' }]);
    expect((await finance('POST', '/budget/commitments', { ...commitment, effectiveOn: '2025-05-01' })).status).toBe(201);
    // Without a pledge or a commitment the delivery has no beginning to follow.
    const unplanned = await delivery({ title: 'Munitie, nog zonder datum' });
    expect((await finance('POST', '/budget/commitments', { ...commitment, title: 'Munitie zonder datum', deliveryId: unplanned.id, effectiveOn: '2022-01-03', budgetYear: 2022 })).status).toBe(201);
  });

  it('is refused in an import at the row’s column, as the API refuses it', async () => {
    const pledged = await delivery({ title: 'Munitie, toegezegd en geïmporteerd', pledgedAt: '2025-04-17' });
    const csv = [
      'Eigen kenmerk;Titel;Begrotingsartikel of fonds;Begrotingsjaar;Kenmerk levering;Stap;Bedrag (€);Met ingang van',
      `VP-VROEG;Munitie, te vroeg verplicht;defenceBudget;2022;${pledged.id};committed;1;2022-01-03`,
      `VP-OP-TIJD;Munitie, op tijd verplicht;defenceBudget;2025;${pledged.id};committed;1;2025-04-17`,
    ].join('\r\n');
    const dryRun = await finance('POST', '/imports/dry-run', asUpload(new TextEncoder().encode(csv), 'verplichtingen.csv'));
    expect(dryRun.body.rows.map((row: any) => [row.reference, row.outcome, row.faults.map((fault: any) => `${fault.columnLetter} ${fault.code}`)])).toEqual([
      ['VP-VROEG', 'invalid', ['H beforeEarlierStage']],
      ['VP-OP-TIJD', 'create', []],
    ]);
  });

  it('takes no later stage dated before the delivery’s pledge, and keeps the pledge from moving after one', async () => {
    const pledged = await delivery({ title: 'Munitie met een verplichting van vóór de regel', pledgedAt: '2025-04-17' });
    // As the register could hold it before a commitment had to follow its delivery.
    const id = crypto.randomUUID();
    await insertCommitmentIfAbsent(
      database().db,
      { id, title: 'Munitie, vroeg toegezegd', fund: 'defenceBudget', budgetYear: 2025, deliveryId: pledged.id, contractReference: null, isDemonstration: false },
      [{ id: crypto.randomUUID(), commitmentId: id, stage: 'pledged', amountCents: 100, effectiveOn: '2025-01-10', note: '' }],
    );
    const early = await finance('POST', `/budget/commitments/${id}/stages`, { stage: 'committed', amountCents: 100, effectiveOn: '2025-03-01' }, { 'Accept-Language': 'en' });
    expect(early.status).toBe(400);
    expect(faults(early)).toEqual(['effectiveOn beforeEarlierStage']);
    expect(faults(await finance('POST', `/budget/commitments/${id}/stages`, { stage: 'nonsense', amountCents: 100, effectiveOn: '2025-03-01' }))).toEqual(['effectiveOn beforeEarlierStage', 'stage invalidChoice']);
    expect((await finance('POST', `/budget/commitments/${id}/stages`, { stage: 'committed', amountCents: 100, effectiveOn: '2025-05-01' })).status).toBe(201);

    const later = await delivery({ title: 'Munitie, toegezegd en verplicht', pledgedAt: '2025-04-17' });
    expect((await finance('POST', '/budget/commitments', { title: 'Munitie bij een latere toezegging', fund: 'defenceBudget', budgetYear: 2025, deliveryId: later.id, stage: 'pledged', amountCents: 100, effectiveOn: '2025-05-01' })).status).toBe(201);
    const version = (await registrar('GET', `/deliveries/${later.id}`)).headers.get('ETag')!;
    const moved = await registrar('PATCH', `/deliveries/${later.id}`, { pledgedAt: '2025-06-01' }, { 'If-Match': version, 'Accept-Language': 'en' });
    expect([moved.status, moved.body.invalidParams]).toEqual([
      400,
      [{ name: 'pledgedAt', code: 'beforeEarlierStage', reason: 'The date of budget commitment (1 May 2025) lies before that of pledge (1 June 2025).' }],
    ]);
    expect((await registrar('PATCH', `/deliveries/${later.id}`, { pledgedAt: '2025-05-01' }, { 'If-Match': version })).status).toBe(200);
  });
});
