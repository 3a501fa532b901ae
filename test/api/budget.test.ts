import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { LAST_BUDGET_YEAR } from '../../common/vocabulary/codes.ts';
import { LIST_COUNT_CAP } from '../../src/db/keyset.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { addValuation, createDelivery } from '../../src/register/deliveries.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

const billion = (value: number) => Math.round(value * 100_000_000_000);

const spring2025 = {
  moment: 'Voorjaarsnota 2025',
  decidedOn: '2025-04-15',
  fund: 'internationalSecurityBudget',
  firstYear: 2025,
  lastYear: 2027,
  amounts: [
    { budgetYear: 2025, amountCents: billion(0.4) },
    { budgetYear: 2026, amountCents: billion(2.4) },
    { budgetYear: 2027, amountCents: billion(0.4) },
  ],
};
const shift = { moment: 'Voorjaarsnota 2025', decidedOn: '2025-04-15', fund: 'internationalSecurityBudget', fromYear: 2026, toYear: 2025, amountCents: billion(2) };

describeEachDatabase('budget API', (database) => {
  let finance: ApiCall;
  let reader: ApiCall;
  beforeAll(() => {
    finance = apiClient(database().db, { role: 'finance' });
    reader = apiClient(database().db, { role: 'letterAuthor' });
  });

  const recorded = async () => {
    const { db } = database();
    const [decisions, shifts, commitments, stages] = await Promise.all(
      (['budgetDecision', 'budgetShift', 'budgetCommitment', 'budgetCommitmentStage'] as const).map(async (table) =>
        Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      ),
    );
    return { decisions, shifts, commitments, stages };
  };
  /** The budget's events in the audit trail, oldest first (refused requests are events of their own). */
  const actions = async () =>
    (await database().db.selectFrom('auditEvent').select('action').where('action', 'like', 'budget%').orderBy('seq').execute()).map((row) => row.action);
  const figuresAt = async (knownAt: string, fund = 'internationalSecurityBudget') => {
    const response = await reader('GET', `/budget/figures?knownAt=${knownAt}&fund=${fund}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const yearOf = (figures: any, year: number) => figures.years.find((row: any) => row.budgetYear === year);

  it('records a decision and a shift, and gives the budget per year as known at each date', async () => {
    const decision = await finance('POST', '/budget/decisions', spring2025);
    expect(decision.status).toBe(201);
    expect(decision.body).toMatchObject({ ...spring2025, description: '', isDemonstration: false });
    const moved = await finance('POST', '/budget/shifts', shift);
    expect(moved.status).toBe(201);

    expect(yearOf(await figuresAt('2025-04-14'), 2025).budgeted).toBe(0);
    const after = await figuresAt('2025-04-15');
    expect([yearOf(after, 2025).budgeted, yearOf(after, 2026).budgeted, yearOf(after, 2027).budgeted]).toEqual([billion(2.4), billion(0.4), billion(0.4)]);
    expect(after.total.budgeted).toBe(billion(3.2));
    // Realisation is not booked per fund: of one fund it is not known, rather than nothing.
    expect(yearOf(after, 2025)).toMatchObject({ realised: null, realisationPace: null });
    expect(after.total).toMatchObject({ realised: null, realisationPace: null });
    const allFunds = (await reader('GET', '/budget/figures?knownAt=2025-04-15')).body;
    expect(yearOf(allFunds, 2025).realised).toEqual(expect.any(Number));
    expect(yearOf(allFunds, 2025).realisationPace).toEqual(expect.any(Number));
    const farAhead = await figuresAt('2099-12-31');
    expect(farAhead.years.at(-1).budgetYear).toBe(LAST_BUDGET_YEAR);
    expect(farAhead.total.budgeted).toBe(billion(3.2));
    expect((await actions()).slice(-2)).toEqual(['budgetDecision.create', 'budgetShift.create']);
    const listed = await reader('GET', '/budget');
    expect(Object.keys(listed.body).sort()).toEqual(['decisions', 'shifts']);
    expect(listed.body.decisions.map((item: any) => item.id)).toContain(decision.body.id);
    expect(listed.body.shifts.map((item: any) => item.id)).toContain(moved.body.id);
  });

  it('records the decision of a moment on a fund once, whatever the case, accents and spaces of its moment, naming the one recorded, in Dutch and English', async () => {
    const first = await finance('POST', '/budget/decisions', { ...spring2025, moment: 'QA Voorjaarsnota', fund: 'ukraineSupportBudget' });
    expect(first.status).toBe(201);
    const before = await recorded();
    const budgeted = (await figuresAt('2025-12-31', 'ukraineSupportBudget')).total.budgeted;
    for (const [language, reason] of [
      ['nl', 'Dit besluit staat al in het register: "QA Voorjaarsnota" over dit fonds (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee); een besluit legt zijn bedragen voor al zijn jaren in één keer vast.'],
      ['en', 'This decision is already in the register: "QA Voorjaarsnota" on this fund (capitals, accents, several spaces, dots in abbreviations and letters that look the same do not count); a decision records its amounts for all its years at once.'],
    ] as const) {
      for (const moment of ['QA Voorjaarsnota', 'qa voorjaarsnota', ' QA  Vóórjaarsnota']) {
        const again = await finance('POST', '/budget/decisions', { ...spring2025, moment, fund: 'ukraineSupportBudget' }, { 'Accept-Language': language });
        expect(again.status, moment).toBe(400);
        expect(again.body.invalidParams).toEqual([{ name: 'moment', code: 'budgetDecisionTaken', reason }]);
      }
    }
    expect(await recorded()).toEqual(before);
    expect((await figuresAt('2025-12-31', 'ukraineSupportBudget')).total.budgeted).toBe(budgeted);
    // The same moment may decide on another fund; a moment that differs in more than that is another decision.
    expect((await finance('POST', '/budget/decisions', { ...spring2025, moment: 'QA Voorjaarsnota', fund: 'defenceBudget' })).status).toBe(201);
    expect((await finance('POST', '/budget/decisions', { ...spring2025, moment: 'QA Voorjaarsnota 2', fund: 'ukraineSupportBudget' })).status).toBe(201);
  });

  it('records a decision once when the same moment is sent several times at the same moment', async () => {
    const moments = ['QA Najaarsnota', 'qa najaarsnota', 'QA  Najaarsnota', 'QA NAJAARSNOTA'];
    const answers = await Promise.all(moments.map((moment) => finance('POST', '/budget/decisions', { ...spring2025, moment, fund: 'defenceBudget' })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400, 400, 400]);
    const stored = await database().db.selectFrom('budgetDecision').select('moment').where('moment', 'ilike', '%najaarsnota%').execute();
    expect(stored).toHaveLength(1);
  });

  it('refuses a shift the same as one recorded in every field typed, whatever the case and spaces of its texts, naming the day it was recorded', async () => {
    const moved = { ...shift, moment: 'QA Kasschuif', fund: 'defenceBudget', amountCents: 100, description: 'Naar voren gehaald' };
    expect((await finance('POST', '/budget/shifts', moved)).status).toBe(201);
    const before = await recorded();
    const recordedOn = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date());
    for (const typed of [moved, { ...moved, moment: 'qa  kasschuif', description: 'naar voren gehaald ' }]) {
      const again = await finance('POST', '/budget/shifts', typed);
      expect(again.status).toBe(400);
      expect(again.body.invalidParams).toEqual([
        { name: 'moment', code: 'duplicateRecord', reason: `Dit staat al in het register: op ${recordedOn} vastgelegd met precies dezelfde gegevens (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).` },
      ]);
    }
    expect(await recorded()).toEqual(before);
    // A shift that differs in any field typed is another one.
    expect((await finance('POST', '/budget/shifts', { ...moved, amountCents: 101 })).status).toBe(201);
  });

  it('refuses a commitment the same as one recorded in every field typed and its first stage, whatever the case and spaces of its texts, naming the day it was recorded', async () => {
    const pledged = { title: 'QA Toezegging munitie', fund: 'defenceBudget', budgetYear: 2025, contractReference: 'QA-CTR-1', stage: 'pledged', amountCents: 250, effectiveOn: '2025-03-01', note: 'Eerste toezegging' };
    expect((await finance('POST', '/budget/commitments', pledged)).status).toBe(201);
    const before = await recorded();
    const committedBefore = (await reader('GET', '/budget/figures?knownAt=2025-12-31')).body;
    const recordedOn = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date());
    for (const typed of [pledged, { ...pledged, title: 'qa toezegging  munitie', note: 'eerste toezegging ' }]) {
      const again = await finance('POST', '/budget/commitments', typed);
      expect(again.status).toBe(400);
      expect(again.body.invalidParams).toEqual([
        { name: 'title', code: 'duplicateRecord', reason: `Dit staat al in het register: op ${recordedOn} vastgelegd met precies dezelfde gegevens (hoofdletters, accenten, meerdere spaties, punten in afkortingen en letters die er hetzelfde uitzien tellen niet mee).` },
      ]);
    }
    expect(await recorded()).toEqual(before);
    expect((await reader('GET', '/budget/figures?knownAt=2025-12-31')).body).toEqual(committedBefore);
    // One that differs in any field typed, or is of another year or fund, is another commitment.
    for (const other of [{ amountCents: 251 }, { effectiveOn: '2025-03-02' }, { contractReference: null }, { budgetYear: 2026 }, { fund: 'ukraineSupportBudget' }]) {
      const response = await finance('POST', '/budget/commitments', { ...pledged, ...other });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
  });

  it('refuses an amount of zero, a year outside the period and a shift larger than the year holds, naming each field', async () => {
    const before = await recorded();
    const zero = await finance('POST', '/budget/decisions', { ...spring2025, moment: 'Najaarsnota 2025', amounts: [{ budgetYear: 2025, amountCents: 0 }] }, { 'Accept-Language': 'en' });
    expect(zero.status).toBe(400);
    expect(zero.body.invalidParams.map((param: any) => param.name)).toEqual(['amounts.0.amountCents']);

    const outside = await finance('POST', '/budget/decisions', { ...spring2025, moment: 'Najaarsnota 2025', amounts: [{ budgetYear: 2028, amountCents: 1 }] }, { 'Accept-Language': 'en' });
    expect(outside.status).toBe(400);
    expect(outside.body.invalidParams).toEqual([
      { name: 'amounts.0.budgetYear', code: 'yearOutsideDecision', reason: "This year lies outside the decision's period (2025-2027)." },
    ]);

    const tooMuch = await finance('POST', '/budget/shifts', { ...shift, amountCents: billion(0.4) + 1 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.invalidParams).toMatchObject([{ name: 'amountCents', code: 'exceedsYearBudget' }]);
    expect(tooMuch.body.invalidParams[0].reason.replace(/\s/g, ' ')).toBe('Het jaar 2026 heeft op die datum (of daarna) niet meer dan € 400.000.000,00 beschikbaar.');

    const future = await finance('POST', '/budget/shifts', { ...shift, decidedOn: '2099-01-01', amountCents: -5 });
    expect(future.status).toBe(400);
    expect(future.body.invalidParams.map((param: any) => `${param.name} ${param.code}`)).toEqual(['amountCents amountNotPositive', 'decidedOn dateInFuture']);
    expect(await recorded()).toEqual(before);
  });

  it('names every fault of a decision, a shift or a commitment in one answer: a text the form refuses with the rules on the fields that passed it', async () => {
    const before = await recorded();
    const decision = await finance('POST', '/budget/decisions', { ...spring2025, moment: 'nr 460 ???', decidedOn: '2099-01-01', firstYear: 2030, lastYear: 2025, amounts: [{ budgetYear: 2030, amountCents: 1 }] });
    expect(decision.status).toBe(400);
    expect(decision.body.invalidParams).toEqual([
      { name: 'moment', code: 'placeholderText', reason: expect.stringContaining('vraagtekens') },
      { name: 'decidedOn', code: 'dateInFuture', reason: expect.any(String) },
      { name: 'lastYear', code: 'beforeFirstYear', reason: 'Het laatste jaar ligt vóór het eerste jaar.' },
    ]);
    const shifted = await finance('POST', '/budget/shifts', { ...shift, moment: 'nr 461 ???', decidedOn: '2099-01-01', toYear: 2026 });
    expect(shifted.body.invalidParams.map((param: any) => `${param.name} ${param.code}`)).toEqual(['moment placeholderText', 'decidedOn dateInFuture', 'toYear sameYear']);
    const committed = await finance('POST', '/budget/commitments', { title: 'nr 460 ???', fund: 'ukraineSupportBudget', budgetYear: 2022, stage: 'committed', amountCents: 100, effectiveOn: '2025-04-15' });
    expect(committed.body.invalidParams.map((param: any) => `${param.name} ${param.code}`)).toEqual(['title placeholderText', 'effectiveOn afterBudgetYear']);
    expect(await recorded()).toEqual(before);
  });

  it('refuses a period that ends before it starts, and a year outside the register, at the year concerned, as a year', async () => {
    const before = await recorded();
    const backwards = await finance('POST', '/budget/decisions', { ...spring2025, moment: 'Najaarsnota 2025', firstYear: 2026, lastYear: 2025, amounts: [] });
    expect(backwards.status).toBe(400);
    expect(backwards.body.invalidParams).toEqual([{ name: 'lastYear', code: 'beforeFirstYear', reason: 'Het laatste jaar ligt vóór het eerste jaar.' }]);
    const beyond = await finance('POST', '/budget/decisions', { ...spring2025, moment: 'Najaarsnota 2025', firstYear: 2099, lastYear: 2099, amounts: [] }, { 'Accept-Language': 'en' });
    expect(beyond.status).toBe(400);
    expect(beyond.body.invalidParams).toEqual([
      ...['firstYear', 'lastYear'].map((name) => ({ name, code: 'budgetYearOutOfRange', reason: 'Enter a budget year from 2022 to 2040.' })),
      { name: 'amounts', code: 'noYearAmount', reason: 'Enter an amount for at least one budget year.' },
    ]);
    const none = await finance('POST', '/budget/decisions', { ...spring2025, moment: 'Najaarsnota 2025', amounts: [] });
    expect(none.body.invalidParams).toEqual([{ name: 'amounts', code: 'noYearAmount', reason: 'Vul voor ten minste één begrotingsjaar een bedrag in.' }]);
    expect(await recorded()).toEqual(before);
  });

  it('refuses a decision or shift about years beyond its reach, and a commitment made after its budget year closed, in Dutch and English', async () => {
    const before = await recorded();
    const decades = await finance('POST', '/budget/decisions', { ...spring2025, moment: 'Najaarsnota 2025', decidedOn: '2014-03-01', firstYear: 2040, lastYear: 2040, amounts: [{ budgetYear: 2040, amountCents: 1 }] }, { 'Accept-Language': 'en' });
    expect(decades.status).toBe(400);
    expect(decades.body.invalidParams).toEqual([
      { name: 'firstYear', code: 'yearOutsideReach', reason: 'A decision of 1 March 2014 is about the budget years 2014 to 2019: the current year and those of the multi-year estimates, not a closed year.' },
      { name: 'lastYear', code: 'yearOutsideReach', reason: 'A decision of 1 March 2014 is about the budget years 2014 to 2019: the current year and those of the multi-year estimates, not a closed year.' },
    ]);
    const closedYear = await finance('POST', '/budget/shifts', { ...shift, fromYear: 2024 });
    expect(closedYear.body.invalidParams).toMatchObject([{ name: 'fromYear', code: 'yearOutsideReach', reason: expect.stringContaining('2025 tot en met 2030') }]);
    const late = await finance('POST', '/budget/commitments', { title: 'Contract 2022', fund: 'ukraineSupportBudget', budgetYear: 2022, stage: 'committed', amountCents: 100, effectiveOn: '2025-04-15' });
    expect(late.status).toBe(400);
    expect(late.body.invalidParams).toEqual([
      { name: 'effectiveOn', code: 'afterBudgetYear', reason: 'De begroting van 2022 is met dat jaar afgesloten: een verplichting voor 2022 wordt uiterlijk op 31 december 2022 aangegaan.' },
    ]);
    const pledge = await finance('POST', '/budget/commitments', { title: 'Toezegging 2024', fund: 'ukraineSupportBudget', budgetYear: 2024, stage: 'pledged', amountCents: 100, effectiveOn: '2024-12-31' });
    expect(pledge.status).toBe(201);
    const committedLate = await finance('POST', `/budget/commitments/${pledge.body.id}/stages`, { stage: 'committed', amountCents: 100, effectiveOn: '2025-01-01' });
    expect(committedLate.body.invalidParams.map((param: any) => `${param.name} ${param.code}`)).toEqual(['effectiveOn afterBudgetYear']);
    expect(await recorded()).toEqual({ ...before, commitments: before.commitments! + 1, stages: before.stages! + 1 });
  });

  it('names, beside a field the schema refuses (a date or choice left empty), the rules the other fields break in one answer', async () => {
    const before = await recorded();
    const faults = (response: any) => response.body.invalidParams.map((param: any) => `${param.name} ${param.code}`);
    const decision = await finance('POST', '/budget/decisions', { moment: 'QA', decidedOn: '', fund: 'ukraineSupportBudget', firstYear: 2025, lastYear: 2026, amounts: [] });
    expect(faults(decision)).toEqual(['decidedOn required', 'amounts noYearAmount']);
    const shifted = await finance('POST', '/budget/shifts', { moment: 'QA', decidedOn: '', fund: 'ukraineSupportBudget', fromYear: 2025, toYear: 2025, amountCents: 0 });
    expect(faults(shifted)).toEqual(['decidedOn required', 'amountCents amountNotPositive', 'toYear sameYear']);
    const committed = await finance('POST', '/budget/commitments', { title: 'QA', fund: 'ukraineSupportBudget', budgetYear: 2025, stage: '', amountCents: 100, effectiveOn: '2099-01-01' });
    expect(faults(committed)).toEqual(['stage required', 'effectiveOn dateInFuture']);
    const staged = await finance('POST', '/budget/commitments/0f8fad5b-d9cb-469f-a165-70867728950e/stages', { stage: '', amountCents: 100, effectiveOn: '2099-01-01' });
    expect(faults(staged)).toEqual(['stage required', 'effectiveOn dateInFuture']);
    expect(await recorded()).toEqual(before);
  });

  it('records the stages of a commitment, never overwriting one, and flags a year committed beyond its budget', async () => {
    const pledge = { title: 'Extra bijdrage aan het NAVO UCAP in 2026', fund: 'internationalSecurityBudget', budgetYear: 2026, stage: 'pledged', amountCents: billion(0.3), effectiveOn: '2025-04-15' };
    const created = await finance('POST', '/budget/commitments', pledge);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ amountCents: billion(0.3), exceedsBudget: false, deliveryId: null, stages: [{ stage: 'pledged', amountCents: billion(0.3) }] });

    const committed = await finance('POST', `/budget/commitments/${created.body.id}/stages`, { stage: 'committed', amountCents: billion(0.5), effectiveOn: '2025-06-01' });
    expect(committed.status).toBe(201);
    expect(committed.body).toMatchObject({ amountCents: billion(0.5), exceedsBudget: true });
    expect(committed.body.stages.map((stage: any) => [stage.stage, stage.amountCents])).toEqual([['pledged', billion(0.3)], ['committed', billion(0.5)]]);

    expect(yearOf(await figuresAt('2025-05-01'), 2026)).toMatchObject({ pledged: billion(0.3), committed: 0, unallocated: billion(0.1), overcommitted: false });
    expect(yearOf(await figuresAt('2025-06-01'), 2026)).toMatchObject({ pledged: 0, committed: billion(0.5), unallocated: -billion(0.1), overcommitted: true });

    const back = await finance('POST', `/budget/commitments/${created.body.id}/stages`, { stage: 'pledged', amountCents: 1, effectiveOn: '2025-05-01' }, { 'Accept-Language': 'en' });
    expect(back.status).toBe(400);
    expect(back.body.invalidParams.map((param: any) => `${param.name} ${param.code}`).sort()).toEqual(['effectiveOn beforeLatestStage', 'stage stageGoesBack']);
    const again = await finance('POST', `/budget/commitments/${created.body.id}/stages`, { stage: 'committed', amountCents: billion(0.5), effectiveOn: '2025-06-01' });
    expect([again.status, again.body.invalidParams.map((param: any) => `${param.name} ${param.code}`)]).toEqual([400, ['stage sameAsLatestStage']]);
    const unknownDelivery = await finance('POST', '/budget/commitments', { ...pledge, deliveryId: '0f8fad5b-d9cb-469f-a165-70867728950e' });
    expect(unknownDelivery.body.invalidParams.map((param: any) => param.name)).toEqual(['deliveryId']);
    expect((await actions()).slice(-2)).toEqual(['budgetCommitment.create', 'budgetCommitment.stage']);
    expect((await finance('POST', '/budget/commitments/0f8fad5b-d9cb-469f-a165-70867728950e/stages', { stage: 'committed', amountCents: 1, effectiveOn: '2025-06-01' })).status).toBe(404);
  });

  it('keeps the budget per year at any date equal to the sum of the decisions and shifts known by then', async () => {
    const day = fc.integer({ min: 0, max: 900 }).map((offset) => new Date(Date.UTC(2023, 0, 1 + offset)).toISOString().slice(0, 10));
    const year = fc.integer({ min: 2023, max: 2025 });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('decision' as const), decidedOn: day, budgetYear: year, amountCents: fc.integer({ min: 1, max: 1e11 }) }),
      fc.record({ kind: fc.constant('shift' as const), decidedOn: day, fromYear: year, toYear: year, amountCents: fc.integer({ min: 1, max: 1e11 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), day, async (steps, knownAt) => {
        // Each run starts from an empty budget on a fund the other tests leave alone.
        const fund = 'defenceBudget';
        const { db } = database();
        await db.deleteFrom('budgetDecisionAmount').where('decisionId', 'in', db.selectFrom('budgetDecision').select('id').where('fund', '=', fund)).execute();
        await db.deleteFrom('budgetDecision').where('fund', '=', fund).execute();
        await db.deleteFrom('budgetShift').where('fund', '=', fund).execute();
        const accepted: typeof steps = [];
        for (const [index, item] of steps.entries()) {
          const response =
            item.kind === 'decision'
              ? await finance('POST', '/budget/decisions', { moment: `Test ${index}`, decidedOn: item.decidedOn, fund, firstYear: item.budgetYear, lastYear: item.budgetYear, amounts: [{ budgetYear: item.budgetYear, amountCents: item.amountCents }] })
              : await finance('POST', '/budget/shifts', { moment: 'Test', decidedOn: item.decidedOn, fund, fromYear: item.fromYear, toYear: item.toYear, amountCents: item.amountCents });
          expect([201, 400]).toContain(response.status);
          if (response.status === 201) accepted.push(item);
        }
        const figures = await figuresAt(knownAt, fund);
        for (const asked of [2023, 2024, 2025]) {
          const expected = accepted
            .filter((item) => item.decidedOn <= knownAt)
            .reduce((sum, item) => {
              if (item.kind === 'decision') return item.budgetYear === asked ? sum + item.amountCents : sum;
              return sum + (item.toYear === asked ? item.amountCents : 0) - (item.fromYear === asked ? item.amountCents : 0);
            }, 0);
          expect(yearOf(figures, asked)?.budgeted ?? 0).toBe(expected);
          expect(expected).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 8 },
    );
  });

  describe('the commitments, a page at a time', () => {
    const marker = `Paginatest ${Date.now()}`;
    const list = (query: string) => reader('GET', `/budget/commitments?q=${encodeURIComponent(marker)}&${query}`);
    const ids = (page: { body: { items: { id: string }[] } }) => page.body.items.map((item) => item.id);
    // Ties on the title, so that the id decides; years, funds and references to filter by.
    const made = [
      { title: `${marker} B`, fund: 'ukraineSupportBudget', budgetYear: 2024, contractReference: 'KTR-7_1' },
      { title: `${marker} A`, fund: 'defenceBudget', budgetYear: 2025, contractReference: null },
      { title: `${marker} C`, fund: 'ukraineSupportBudget', budgetYear: 2025, contractReference: null },
      { title: `${marker} A`, fund: 'ukraineSupportBudget', budgetYear: 2024, contractReference: null },
      { title: `${marker} B`, fund: 'defenceBudget', budgetYear: 2024, contractReference: null },
      { title: `${marker} A`, fund: 'ukraineSupportBudget', budgetYear: 2025, contractReference: 'ktr-8' },
      { title: `${marker} D`, fund: 'defenceBudget', budgetYear: 2026, contractReference: null },
    ];
    let created: { id: string; title: string; fund: string; budgetYear: number; contractReference: string | null }[];

    beforeAll(async () => {
      created = [];
      for (const fields of made) {
        const response = await finance('POST', '/budget/commitments', { ...fields, stage: 'pledged', amountCents: 100, effectiveOn: '2024-01-02' });
        expect(response.status).toBe(201);
        created.push(response.body);
      }
    });

    /** Walks the list by its cursors, on from the first page or back from the last, and returns the ids in list order. */
    async function walk(query: string, direction: 'next' | 'previous'): Promise<string[]> {
      let page = await list(query);
      if (direction === 'previous') while (page.body.next) page = await list(`${query}&after=${page.body.next}`);
      const pages: string[][] = [];
      for (;;) {
        expect(page.status).toBe(200);
        if (direction === 'next') pages.push(ids(page));
        else pages.unshift(ids(page));
        const cursor = page.body[direction];
        if (cursor === null) return pages.flat();
        page = await list(`${query}&${direction === 'next' ? 'after' : 'before'}=${cursor}`);
      }
    }

    it('lists them by title, then id, each with its stages, and reads every one once, on and back', async () => {
      const inOrder = [...created].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id)).map((commitment) => commitment.id);
      const whole = await list('pageSize=100');
      expect(whole.body).toMatchObject({ pageSize: 100, total: made.length, totalIsCapped: false, next: null, previous: null });
      expect(ids(whole)).toEqual(inOrder);
      expect(whole.body.items[0]).toMatchObject({ amountCents: 100, exceedsBudget: expect.any(Boolean), stages: [{ stage: 'pledged', amountCents: 100, effectiveOn: '2024-01-02' }] });
      for (const pageSize of [1, 2, 3]) {
        expect(await walk(`pageSize=${pageSize}`, 'next'), `${pageSize}`).toEqual(inOrder);
        expect(await walk(`pageSize=${pageSize}`, 'previous'), `${pageSize}`).toEqual(inOrder);
      }
      const one = await reader('GET', `/budget/commitments/${inOrder[0]}`);
      expect(one.body).toEqual(whole.body.items[0]);
      expect((await reader('GET', '/budget/commitments/0f8fad5b-d9cb-469f-a165-70867728950e')).status).toBe(404);
    });

    it('finds them by budget year, by fund, and by a part of the title or contract reference in any case, each counted', async () => {
      const expected = (keep: (commitment: (typeof created)[number]) => boolean) => created.filter(keep).map((commitment) => commitment.id).sort();
      const found = async (query: string) => {
        const page = await list(`pageSize=100&${query}`);
        expect(page.status, query).toBe(200);
        expect(page.body.total, query).toBe(page.body.items.length);
        return ids(page).sort();
      };
      expect(await found('year=2024')).toEqual(expected((commitment) => commitment.budgetYear === 2024));
      expect(await found('fund=defenceBudget')).toEqual(expected((commitment) => commitment.fund === 'defenceBudget'));
      expect(await found('year=2025&fund=ukraineSupportBudget')).toEqual(expected((commitment) => commitment.budgetYear === 2025 && commitment.fund === 'ukraineSupportBudget'));
      expect(await found('year=&fund=')).toEqual(expected(() => true));
      const search = async (q: string) => ids(await reader('GET', `/budget/commitments?pageSize=100&q=${encodeURIComponent(q)}`)).sort();
      expect(await search(`${marker.toUpperCase()} a`)).toEqual(expected((commitment) => commitment.title === `${marker} A`));
      expect(await search('KTR-')).toEqual(expected((commitment) => commitment.contractReference !== null));
      // A wildcard of ILIKE is a character like any other.
      expect(await search('7_1')).toEqual(expected((commitment) => commitment.contractReference === 'KTR-7_1'));
      expect(await search('_7')).toEqual([]);
      expect(await search('7%1')).toEqual([]);
    });

    it('pages a filtered list by the same cursors', async () => {
      const query = 'fund=ukraineSupportBudget&pageSize=1';
      const expected = ids(await list('fund=ukraineSupportBudget&pageSize=100'));
      expect(expected).toHaveLength(4);
      expect(await walk(query, 'next')).toEqual(expected);
      expect(await walk(query, 'previous')).toEqual(expected);
    });

    it('refuses a parameter it cannot use with a 400 naming it', async () => {
      const first = await list('pageSize=1');
      const refusals = [
        ['year=2021', 'year'],
        ['year=twee', 'year'],
        ['year=2025.5', 'year'],
        ['fund=epf', 'fund'],
        [`q=${'x'.repeat(201)}`, 'q'],
        ['pageSize=0', 'pageSize'],
        ['pageSize=101', 'pageSize'],
        ['after=not-a-cursor', 'after'],
        [`after=${Buffer.from(JSON.stringify({ sort: '-title', value: 'x', id: created[0]!.id })).toString('base64url')}`, 'after'],
        [`after=${Buffer.from(JSON.stringify({ sort: 'title', value: 'x'.repeat(301), id: created[0]!.id })).toString('base64url')}`, 'after'],
        [`after=${first.body.next}&before=${first.body.next}`, 'before'],
      ];
      for (const [query, field] of refusals) {
        const refused = await reader('GET', `/budget/commitments?${query}`);
        expect(refused.status, query).toBe(400);
        expect(refused.body.invalidParams.map((param: { name: string }) => param.name), query).toEqual([field]);
      }
      expect((await reader('GET', '/budget/commitments/not-an-id')).status).toBe(400);
    });

    it('says a year filter outside the register or not a year at all as the budget year fields do, and a page size not from 1 to 100 as such, in Dutch and English', async () => {
      for (const [language, year, pageSize] of [
        ['nl', 'Vul een begrotingsjaar in van 2022 tot en met 2040.', 'Vul een geheel getal in van 1 tot en met 100.'],
        ['en', 'Enter a budget year from 2022 to 2040.', 'Enter a whole number from 1 to 100.'],
      ] as const) {
        for (const typed of ['2021', '2041', 'abc', '2025.5', '%20', '%202025', '1e3', '0x7e9', '-2025']) {
          const refused = await reader('GET', `/budget/commitments?year=${typed}`, undefined, { 'Accept-Language': language });
          expect(refused.status, typed).toBe(400);
          expect(refused.body.invalidParams, typed).toEqual([{ name: 'year', code: 'budgetYearOutOfRange', reason: year }]);
        }
        for (const typed of ['0', '101', 'abc', '2.5', '%20', '1e2']) {
          const refused = await reader('GET', `/budget/commitments?pageSize=${typed}`, undefined, { 'Accept-Language': language });
          expect(refused.body.invalidParams, typed).toEqual([{ name: 'pageSize', code: 'wholeNumberOutOfRange', reason: pageSize }]);
        }
      }
      expect((await list('year=2040&pageSize=100')).status).toBe(200);
    });

    it('counts up to the cap and then says there are more', async () => {
      const many = `Veelverplichting ${Date.now()}`;
      const { db } = database();
      const commitments = Array.from({ length: LIST_COUNT_CAP + 1 }, (_, number) => ({
        id: crypto.randomUUID(),
        title: `${many} ${number}`,
        fund: 'ukraineSupportBudget',
        budgetYear: 2030,
        deliveryId: null,
        contractReference: null,
        isDemonstration: false,
      }));
      await db.insertInto('budgetCommitment').values(commitments).execute();
      await db
        .insertInto('budgetCommitmentStage')
        .values(commitments.map((commitment) => ({ id: crypto.randomUUID(), commitmentId: commitment.id, stage: 'pledged', amountCents: 1, effectiveOn: '2025-01-02', note: '' })))
        .execute();
      const page = await reader('GET', `/budget/commitments?pageSize=5&q=${encodeURIComponent(many)}`);
      expect(page.body).toMatchObject({ total: LIST_COUNT_CAP, totalIsCapped: true, previous: null });
      expect(page.body.items).toHaveLength(5);
      const exact = await reader('GET', `/budget/commitments?q=${encodeURIComponent(`${many} 1000`)}`);
      expect(exact.body).toMatchObject({ total: 1, totalIsCapped: false });
    });
  });
});

describeEachDatabase('budget figures at the date of the caller’s clock', (database) => {
  const MILLION = 100_000_000; // cents
  // Years ahead of the machine's own date: what is realised is told by the clock the request is answered at.
  const clock = () => new Date('2031-03-01T10:00:00Z');

  it('realises per calendar year up to the clock’s year, not the machine’s', async () => {
    const { db } = database();
    const context = { ...systemContext('test'), now: clock };
    for (const [realisedAt, amountCents] of [['2030-06-01', 3 * MILLION], ['2031-02-01', 5 * MILLION]] as const) {
      const delivery = await createDelivery(db, context, { ...unsetDeliveryFields(), title: 'Tenten', category: 'nonLethal', supportType: 'stock', fundingSource: 'defenceBudget', realisedAt });
      await addValuation(db, context, delivery.id, { amountCents, basis: 'replacementValue', effectiveDate: realisedAt, currency: 'EUR', originalAmountMinor: null, exchangeRate: null, note: '' });
    }
    const reader = apiClient(db, { role: 'letterAuthor', clock });
    const realised = async (knownAt: string) => {
      const figures = (await reader('GET', `/budget/figures?knownAt=${knownAt}`)).body;
      return [figures.years.filter((row: any) => row.realised !== 0).map((row: any) => [row.budgetYear, row.realised]), figures.total.realised];
    };
    expect(await realised('2031-03-01')).toEqual([[[2030, 3 * MILLION], [2031, 5 * MILLION]], 8 * MILLION]);
    expect(await realised('2032-06-30')).toEqual([[[2030, 3 * MILLION], [2031, 5 * MILLION]], 8 * MILLION]);
    expect(await realised('2030-12-31')).toEqual([[[2030, 3 * MILLION]], 3 * MILLION]);
  });
});
