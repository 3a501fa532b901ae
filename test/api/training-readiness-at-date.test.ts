/**
 * Training and readiness at a date, through the API and its exports: what was counted, judged, decided or
 * reached after the date is not part of it, what was on the date is, as the letter takes them at its
 * reference date; a date the register does not take is refused at the field.
 */
import { beforeAll, expect, it } from 'vitest';
import { vocabulary } from '../../common/vocabulary/index.ts';
import { NON_REPLACEMENT_COLUMNS, READINESS_DELIVERY_COLUMNS, replenishmentProjectColumns, TRAINING_PROGRAMME_COLUMNS } from '../../src/api/exports/tables.ts';
import { annexRows } from '../../src/db/repositories/letters.ts';
import type { Column } from '../../src/api/exports/spreadsheet.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { readinessAnnexRows } from '../../src/register/readiness.ts';
import { trainingAnnexRows } from '../../src/register/training.ts';
import { parseCsv } from '../support/csv.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { apiClient, type ApiCall } from './client.ts';

const nl = vocabulary('nl');
const BEFORE = '2025-08-31';
const ON = '2025-09-15';

describeEachDatabase('training and readiness at a date', (database) => {
  let registrar: ApiCall;
  let programmeId: string;
  let stockId: string;
  let laterStockId: string;
  let projectId: string;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    // Half past midnight on 15 November in The Hague, still the 14th in UTC.
    registrar = apiClient(db, { role: 'registrar', clock: () => new Date('2025-11-14T23:30:00Z') });
    const created = async (path: string, body: unknown, headers?: Record<string, string>) => {
      const response = await registrar(headers ? 'PUT' : 'POST', path, body, headers);
      expect(response.status, `${path} ${JSON.stringify(response.body)}`).toBeLessThan(300);
      return response.body;
    };

    programmeId = (await created('/training-programmes', { key: 'dates', name: 'Training op data', hostCountry: 'PL', framework: 'bilateral' })).id;
    await created(`/training-programmes/${programmeId}/contributions`, { periodFrom: '2025-01-01', countsUpTo: BEFORE, trainers: 10 });
    await created(`/training-programmes/${programmeId}/contributions`, { periodFrom: '2025-01-01', countsUpTo: ON, trainers: 12, trainersIsMaximum: true, trainees: 40 });

    stockId = (await created('/deliveries', { ...stockDelivery, title: 'Generatoren op data' })).id;
    await created(`/deliveries/${stockId}/valuations`, { amountCents: 1_000_00, basis: 'replacementValue', effectiveDate: '2025-04-15' });
    await created(`/deliveries/${stockId}/readiness-judgements`, { effect: 'acceptable', reasoning: 'Voor de datum.', judgedOn: BEFORE });
    await created(`/deliveries/${stockId}/readiness-judgements`, { effect: 'unacceptable', reasoning: 'Op de datum.', judgedOn: ON });
    await created(`/deliveries/${stockId}/non-replacement-decisions`, { decidedOn: BEFORE, reason: 'Deels niet vervangen.' });
    await created(`/deliveries/${stockId}/non-replacement-decisions`, { decidedOn: ON, reason: 'Tegen boekwaarde.', revaluation: { amountCents: 900_00, basis: 'bookValue', effectiveDate: ON } });
    const project = { name: 'Vervanging generatoren', stage: 'approved', budgetCents: 500_00, expectedOn: '2026-06-30', note: 'Zoals nu vastgelegd.', replaces: [{ deliveryId: stockId, replacedValueCents: 100_00 }], asOf: BEFORE };
    projectId = (await created('/replenishment-projects', project)).id;
    await created(`/replenishment-projects/${projectId}`, { ...project, stage: 'contracted', replaces: [{ deliveryId: stockId, replacedValueCents: 300_00 }], asOf: ON }, { 'If-Match': '"1"' });
    laterStockId = (await created('/deliveries', { ...stockDelivery, title: 'Generatoren later', committedAt: '2025-09-16', realisedAt: '2025-09-20' })).id;
  });

  const read = async (path: string) => {
    const response = await registrar('GET', path);
    expect(response.status, path).toBe(200);
    return response.body;
  };
  const programmeAt = async (date: string) => (await read(`/training-programmes?date=${date}`)).items.find((item: any) => item.id === programmeId);
  const stockAt = async (date: string, query = '') => (await read(`/readiness/deliveries?date=${date}&pageSize=100${query}`)).items;
  const stockDeliveryAt = async (date: string) => (await stockAt(date)).find((item: any) => item.id === stockId);
  /** Every stock delivery the readiness list shows at the date, page after page. */
  const everyStockDeliveryAt = async (date: string) => {
    const items: any[] = [];
    for (let after: string | null = ''; after !== null; ) {
      const page: any = await read(`/readiness/deliveries?date=${date}&pageSize=100${after ? `&after=${after}` : ''}`);
      items.push(...page.items);
      after = page.next;
    }
    return items;
  };
  const projectAt = async (date: string) => (await read(`/readiness?date=${date}`)).projects.find((item: any) => item.id === projectId);
  /** An export's rows, by the heading of each column, the file's headings being those of the columns. */
  const exported = async <Row,>(path: string, columns: readonly Column<Row>[]) => {
    const response = await registrar('GET', `${path}&format=csv`);
    expect(response.status, path).toBe(200);
    const [headings, ...rows] = parseCsv(response.body.replace(/^\uFEFF/, ''), ';');
    expect(headings, path).toEqual(columns.map((column) => nl.spreadsheetExport.headings[column.heading]));
    return rows.map((cells) => Object.fromEntries(columns.map((column, index) => [column.heading, cells[index]])));
  };

  it('counts a programme’s contribution counted up to the date, not one counted up to a later date, as the letter’s annex does', async () => {
    const before = await programmeAt(BEFORE);
    expect(before.contributions.map((contribution: any) => contribution.countsUpTo)).toEqual([BEFORE]);
    expect(before.counts.trainers).toEqual({ value: 10, qualifier: 'exact', countsUpTo: BEFORE });
    expect(before.counts.trainees).toBeNull();
    expect(before.countedUpTo).toBe(BEFORE);
    // The version of its contributions stays that of them all, to send with the next one.
    expect(before.contributionsVersion).toBe(2);
    expect(await programmeAt('2025-09-14')).toEqual(before);

    const on = await programmeAt(ON);
    expect([on.counts.trainers, on.counts.trainees]).toEqual([
      { value: 12, qualifier: 'maximum', countsUpTo: ON },
      { value: 40, qualifier: 'exact', countsUpTo: ON },
    ]);
    expect(on.countedUpTo).toBe(ON);

    for (const date of [BEFORE, ON]) {
      const [annexed] = (await trainingAnnexRows(database().db, date)).filter((row) => row.programmeId === programmeId);
      const listed = await programmeAt(date);
      expect([listed.counts.trainers, listed.counts.trainees, listed.countedUpTo].map((count) => count?.value ?? count), date).toEqual([annexed!.trainers?.value, annexed!.trainees?.value ?? null, annexed!.countsUpTo]);
    }
    // Recorded after the date, with nothing counted up to it: not a programme of that date.
    expect(await programmeAt('2025-08-30')).toBeUndefined();
    expect((await read('/training-programmes?date=2025-08-30')).date).toBe('2025-08-30');
  });

  it('takes today in The Hague when no date is asked', async () => {
    const today = await read('/training-programmes');
    expect(today.date).toBe('2025-11-15');
    expect((await read('/readiness')).date).toBe('2025-11-15');
    expect((await read('/readiness/deliveries')).date).toBe('2025-11-15');
    expect(today.items.find((item: any) => item.id === programmeId).counts.trainers.value).toBe(12);
  });

  it('lists a stock delivery with its value, the judgement that held at the date, the judgements, replacement and decisions by then', async () => {
    expect(await stockDeliveryAt(BEFORE)).toMatchObject({
      valueCents: 1_000_00,
      latestJudgement: { effect: 'acceptable', judgedOn: BEFORE },
      judgements: 1,
      replacedValueCents: 100_00,
      nonReplacements: 1,
    });
    expect(await stockDeliveryAt('2025-09-14')).toEqual(await stockDeliveryAt(BEFORE));
    expect(await stockDeliveryAt(ON)).toMatchObject({
      // The revaluation of the decision not to replace holds from that day.
      valueCents: 900_00,
      latestJudgement: { effect: 'unacceptable', judgedOn: ON },
      judgements: 2,
      replacedValueCents: 300_00,
      nonReplacements: 2,
    });
    expect(await stockDeliveryAt('2025-08-30')).toMatchObject({ valueCents: 1_000_00, latestJudgement: null, judgements: 0, replacedValueCents: 0, nonReplacements: 0 });
    // Begun, not valued yet.
    expect(await stockDeliveryAt('2025-04-14')).toMatchObject({ valueCents: 0 });
  });

  it('sums up replenishment at the date as the readiness list has it then: the deliveries listed, their values and what was replaced then, the largest with the decisions by then', async () => {
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    for (const date of ['2025-08-30', BEFORE, ON, '2025-09-16']) {
      const listed = await everyStockDeliveryAt(date);
      const largest = listed
        .toSorted((a, b) => b.valueCents - a.valueCents || (a.id < b.id ? -1 : 1))
        .slice(0, 20)
        .map((delivery) => ({ id: delivery.id, title: delivery.title, valueCents: delivery.valueCents, replacedValueCents: delivery.replacedValueCents, nonReplacements: delivery.nonReplacements }));
      expect(await read(`/readiness/replenishment?date=${date}`), date).toEqual({
        date,
        stockDeliveries: listed.length,
        deliveredCents: sum(listed.map((delivery) => delivery.valueCents)),
        replacedCents: sum(listed.map((delivery) => delivery.replacedValueCents)),
        largest,
      });
    }
    expect((await read('/readiness/replenishment')).date).toBe('2025-11-15');
  });

  it('finds the deliveries by the effect of the judgement that held at the date, or those not judged by then', async () => {
    const found = async (date: string, effect: string) => (await stockAt(date, `&effect=${effect}`)).map((item: any) => item.id);
    expect(await found(BEFORE, 'acceptable')).toContain(stockId);
    expect(await found(BEFORE, 'unacceptable')).not.toContain(stockId);
    expect(await found(ON, 'unacceptable')).toContain(stockId);
    expect(await found(ON, 'acceptable')).not.toContain(stockId);
    expect(await found('2025-08-30', 'unjudged')).toContain(stockId);
    expect(await found(BEFORE, 'unjudged')).not.toContain(stockId);
  });

  it('lists a stock delivery from its beginning on', async () => {
    const listed = async (date: string) => (await stockAt(date)).map((item: any) => item.id);
    expect(await listed('2025-09-15')).not.toContain(laterStockId);
    expect(await listed('2025-09-16')).toContain(laterStockId);
  });

  it('gives the projects as their states held at the date and the decisions not to replace taken by then', async () => {
    const before = await projectAt(BEFORE);
    // Budget, expected date and note have no history: as recorded, at today's date only.
    for (const recordedNow of ['budgetCents', 'expectedOn', 'note']) expect(before).not.toHaveProperty(recordedNow);
    expect(await projectAt('2025-11-15')).toMatchObject({ budgetCents: 500_00, expectedOn: '2026-06-30', note: 'Zoals nu vastgelegd.' });
    expect(before).toMatchObject({ stage: 'approved', asOf: BEFORE, replaces: [expect.objectContaining({ deliveryId: stockId, replacedValueCents: 100_00 })] });
    expect(before.history.map((state: any) => state.asOf)).toEqual([BEFORE]);
    // The version stays that of its current state, to send with its next change.
    expect(before.version).toBe(2);
    expect(await projectAt(ON)).toMatchObject({ stage: 'contracted', asOf: ON, replaces: [expect.objectContaining({ replacedValueCents: 300_00 })] });
    expect(await projectAt('2025-08-30')).toBeUndefined();

    const decisionsAt = async (date: string) => (await read(`/readiness?date=${date}`)).nonReplacements.filter((decision: any) => decision.deliveryId === stockId);
    expect((await decisionsAt(BEFORE)).map((decision: any) => [decision.decidedOn, decision.revalued])).toEqual([[BEFORE, false]]);
    expect((await decisionsAt(ON)).map((decision: any) => [decision.decidedOn, decision.revalued])).toEqual([[ON, true], [BEFORE, false]]);
  });

  it('agrees with the letter’s annex: the same judgement, replacement and decisions at the reference date', async () => {
    for (const date of ['2025-08-30', BEFORE, ON]) {
      const [row] = (await readinessAnnexRows(database().db, date)).filter((annexed) => annexed.deliveryId === stockId);
      const listed = await stockDeliveryAt(date);
      const decisions = (await read(`/readiness?date=${date}`)).nonReplacements.filter((decision: any) => decision.deliveryId === stockId);
      expect(listed.latestJudgement?.effect ?? null, date).toBe(row!.judgement?.effect ?? null);
      expect(listed.valueCents, date).toBe((await annexRows(database().db, date)).find((annexed) => annexed.deliveryId === stockId)!.valueCents);
      expect(listed.replacedValueCents, date).toBe(row!.replacements.reduce((sum, replacement) => sum + replacement.replacedValueCents, 0));
      expect(decisions.toReversed().map((decision: any) => [decision.decidedOn, decision.reason, decision.revalued]), date).toEqual(row!.nonReplacements.map((decision) => [decision.decidedOn, decision.reason, decision.revalued]));
    }
  });

  it('exports the programmes, stock deliveries, projects and decisions as they stood at the date', async () => {
    const programmes = await exported(`/exports/training-programmes?date=${BEFORE}`, TRAINING_PROGRAMME_COLUMNS);
    expect(programmes.find((row) => row.id === programmeId)).toMatchObject({ trainers: '10', trainersCountsUpTo: BEFORE, trainees: '', traineesCountsUpTo: '' });
    expect((await exported('/exports/training-programmes?date=2025-08-30', TRAINING_PROGRAMME_COLUMNS)).map((row) => row.id)).not.toContain(programmeId);

    const stock = await exported(`/exports/readiness-deliveries?date=${BEFORE}&q=op%20data`, READINESS_DELIVERY_COLUMNS);
    expect(stock.map((row) => [row.id, row.valueEuro, row.readinessEffect, row.judgements, row.replacedEuro, row.nonReplacements])).toEqual([[stockId, '1000,00', nl.readinessEffects.acceptable, '1', '100,00', '1']]);
    expect((await exported(`/exports/readiness-deliveries?date=${ON}&q=op%20data`, READINESS_DELIVERY_COLUMNS))[0]).toMatchObject({ valueEuro: '900,00', readinessEffect: nl.readinessEffects.unacceptable, judgements: '2' });

    // Without the budget, expected date and note, which have no history, but at today's date.
    const projects = await exported(`/exports/replenishment-projects?date=${BEFORE}`, replenishmentProjectColumns(false));
    expect(projects.find((row) => row.id === projectId)).toMatchObject({ stage: nl.replenishmentStages.approved, replacesEuro: '100,00' });
    expect((await exported('/exports/replenishment-projects?date=2025-08-30', replenishmentProjectColumns(false))).map((row) => row.id)).not.toContain(projectId);
    const today = await exported('/exports/replenishment-projects?date=2025-11-15', replenishmentProjectColumns(true));
    expect(today.find((row) => row.id === projectId)).toMatchObject({ stage: nl.replenishmentStages.contracted, budgetEuro: '500,00', expectedOn: '2026-06-30', note: 'Zoals nu vastgelegd.' });

    const decisions = await exported(`/exports/non-replacements?date=${ON}`, NON_REPLACEMENT_COLUMNS);
    expect(decisions.filter((row) => row.deliveryId === stockId).map((row) => [row.reason, row.revalued])).toEqual([
      ['Tegen boekwaarde.', nl.spreadsheetExport.yes],
      ['Deels niet vervangen.', nl.spreadsheetExport.no],
    ]);
    expect((await exported(`/exports/non-replacements?date=${BEFORE}`, NON_REPLACEMENT_COLUMNS)).filter((row) => row.deliveryId === stockId)).toHaveLength(1);
  });

  it('refuses a date that is none, or outside the years the register takes, naming the field, as the industry and EPF do', async () => {
    const paths = ['/training-programmes', '/readiness', '/readiness/deliveries', '/readiness/replenishment', '/exports/training-programmes', '/exports/readiness-deliveries', '/exports/replenishment-projects', '/exports/non-replacements', '/industry', '/epf/overview'];
    for (const path of paths) {
      for (const [date, code] of [['2025-02-30', 'invalidDate'], ['31-08-2025', 'invalidDate'], ['2013-12-31', 'dateOutOfRange'], ['2100-01-01', 'dateOutOfRange']] as const) {
        const refused = await registrar('GET', `${path}?date=${date}`);
        expect(refused.status, `${path} ${date}`).toBe(400);
        expect(refused.body.invalidParams.map((param: any) => [param.name, param.code]), `${path} ${date}`).toEqual([['date', code]]);
      }
    }
  });
});
