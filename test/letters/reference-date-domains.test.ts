/**
 * Every figure a letter prints is the register's at the letter's reference date, in every domain the
 * letter draws on: deliveries and their money, the budget, the EPF, training, readiness and industry. A
 * register is built through the API with records dated before, on and after the reference date (a later
 * stage, revaluation, assessment, receipt, count, judgement or replenishment project's state of a record
 * that existed before it, and money withdrawn before and after it); each printed figure is checked against
 * the value worked out by hand. Records dated after the reference date change nothing, in the draft read again or in the final
 * letter; records dated on or before it but entered later count as dated (the register's rule: figures
 * at a date are what was dated by then), so they show in `letter verify` of the final letter, never in it.
 */
import { beforeAll, expect, it } from 'vitest';
import type { AnnexSnapshot } from '../../src/letters/compose.ts';
import type { PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import type { ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { recordingRoles } from '../support/recording-roles.ts';
import { placeholdersOf, submitAndApprove, SIGNED } from '../support/letters.ts';

const REFERENCE_DATE = '2025-06-30';
const MILLION = 100_000_000; // cents
const BILLION = 1000 * MILLION;

describeEachDatabase('every figure of a letter at its reference date', (database) => {
  let registrar: ApiCall;
  let finance: ApiCall;
  let disclosure: ApiCall;
  let author: ApiCall;

  /** Ids of what the test records, by a name of its own. */
  const id = {} as Record<
    | 'handedOver' | 'onTheDate' | 'handedOverLater' | 'named' | 'purchase' | 'paidOnTheDate' | 'fund' | 'implementing'
    | 'spring' | 'onTheDay' | 'summer' | 'shift' | 'laterShift' | 'pledge' | 'laterPledge'
    | 'windfall' | 'laterWindfall' | 'assessed' | 'programme' | 'coproduction' | 'generatorProject' | 'tentProject',
    string
  >;
  let letterId: string;
  let publicId: string;
  /** Names a draft cannot print: everything they are about comes after the reference date. */
  let laterNames: string[];
  let expected: Record<string, string>;
  let approval: { status: number; headers: Headers };
  let draftAsFirstRead: { figures: unknown; namedFigures: unknown; sections: unknown; overview: unknown };

  const created = async (response: Promise<{ status: number; body: any }>, expectedStatus = 201) => {
    const answer = await response;
    expect(answer.status, JSON.stringify(answer.body)).toBe(expectedStatus);
    return answer.body;
  };
  const delivery = async (fields: Record<string, unknown>) => (await created(registrar('POST', '/deliveries', fields))).id as string;
  const value = async (deliveryId: string, amountCents: number, effectiveDate: string) =>
    (await created(registrar('POST', `/deliveries/${deliveryId}/valuations`, { amountCents, basis: 'replacementValue', effectiveDate }))).id as string;
  const pay = async (deliveryId: string, amountCents: number, paidOn: string) =>
    (await created(finance('POST', `/deliveries/${deliveryId}/payments`, { amountCents, paidOn }))).id as string;
  const claim = async (declaredCents: number, declaredOn: string) =>
    (await created(finance('POST', '/epf/claims', { reference: `EPF-${crypto.randomUUID()}`, batch: 'Leveringen uit voorraad', period: '2025', declaredCents, declaredOn }))).claim.id as string;
  const count = (programmeId: string, countsUpTo: string, counts: Record<string, number>) =>
    created(registrar('POST', `/training-programmes/${programmeId}/contributions`, { periodFrom: '2025-01-01', countsUpTo, ...counts }));
  const judge = (deliveryId: string, effect: string, judgedOn: string) =>
    created(registrar('POST', `/deliveries/${deliveryId}/readiness-judgements`, { effect, reasoning: 'Beoordeeld.', judgedOn }));
  const project = (fields: Record<string, unknown>) => created(registrar('POST', '/replenishment-projects', fields));
  const changeProject = async (projectId: string, fields: Record<string, unknown>) => {
    const current = await registrar('GET', `/replenishment-projects/${projectId}`);
    return created(registrar('PUT', `/replenishment-projects/${projectId}`, fields, { 'If-Match': current.headers.get('ETag')! }), 200);
  };
  /** The replacements the draft's annex lists per delivery, as its readiness section prints them. */
  const annexReplacements = async () => {
    const html: string = (await author('GET', `/letters/${letterId}/annex/html`)).body;
    const start = html.indexOf('Effecten krijgsmacht: oordeel en vervanging per levering uit voorraad</h2>');
    const section = html.slice(start, html.indexOf('</table>', start));
    const cells = (row: string) => [...row.matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((cell) => cell[1]!);
    return Object.fromEntries([...section.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => cells(row[1]!)).filter((row) => row.length > 0).map((row) => [row[0], row[4]]));
  };
  const bundle = (identifiedOn: string) =>
    created(registrar('POST', '/demand-bundles', { need: `Behoefte ${identifiedOn}`, category: 'ammunition', dutchQuantity: 10, ukrainianQuantity: 50, identifiedOn }));

  const letter = async () => (await author('GET', `/letters/${letterId}`)).body;
  /**
   * The named figures a letter printed, by the names the text uses: the snapshot names a delivery by its public
   * id, and a budget or EPF record by its place among those of its kind the text names.
   */
  const printed = (snapshot: PublicLetterSnapshot) => {
    const textsNames = new Map([
      [`delivery:${publicId}`, `delivery:${id.named}`],
      ['budgetDecision:1', `budgetDecision:${id.spring}`],
      ['budgetDecision:2', `budgetDecision:${id.onTheDay}`],
      ['budgetShift:1', `budgetShift:${id.shift}`],
      ['budgetCommitment:1', `budgetCommitment:${id.pledge}`],
      ['epfTranche:1', `epfTranche:${id.windfall}`],
    ]);
    const textsName = (name: string) => name.replace(/^[^.]*/, (record) => textsNames.get(record) ?? record);
    return Object.fromEntries(Object.entries(snapshot.namedFigures!).map(([name, figure]) => [textsName(name), figure]));
  };
  const linesOf = (snapshot: PublicLetterSnapshot) => Object.fromEntries(snapshot.figures.lines.map((line) => [line.key, line.currentCents]));

  beforeAll(async () => {
    const { db } = database();
    ({ registrar, finance, disclosure, author } = recordingRoles(db));

    // Stock handed over before the date: revalued on the date (counts) and after it (does not).
    id.handedOver = await delivery({ ...stockDelivery, title: 'Generatoren', realisedAt: '2025-05-01' });
    await value(id.handedOver, 10 * MILLION, '2025-05-01');
    await value(id.handedOver, 12 * MILLION, REFERENCE_DATE);
    await value(id.handedOver, 15 * MILLION, '2025-07-01');
    // Stock handed over on the date: a valuation withdrawn only after the date still counts at it.
    id.onTheDate = await delivery({ ...stockDelivery, title: 'Tenten', realisedAt: REFERENCE_DATE });
    await value(id.onTheDate, 2 * MILLION, '2025-06-15');
    const laterWithdrawn = await value(id.onTheDate, 3 * MILLION, '2025-06-20');
    await created(registrar('POST', `/valuations/${laterWithdrawn}/withdrawal`, { withdrawnOn: '2025-07-05', reason: 'Na de peildatum herzien' }));
    // Stock valued before the date but handed over after it: not realised at the date.
    id.handedOverLater = await delivery({ ...stockDelivery, title: 'Kachels', realisedAt: '2025-07-01' });
    await value(id.handedOverLater, 4 * MILLION, '2025-06-01');
    // A public stock delivery the text names: a valuation entered in error, withdrawn on its own date, never counts.
    id.named = await delivery({ ...stockDelivery, title: 'Veldbedden', realisedAt: '2025-05-01' });
    await value(id.named, 7 * MILLION, '2025-05-01');
    const wrongValue = await value(id.named, 70 * MILLION, '2025-06-01');
    await created(registrar('POST', `/valuations/${wrongValue}/withdrawal`, { withdrawnOn: '2025-06-01', reason: 'Tikfout' }));
    // A purchase: paid before, on and after the date; a payment entered in error withdrawn on its own date.
    id.purchase = await delivery({ ...procurement, title: 'Munitie' });
    await pay(id.purchase, 5 * MILLION, '2025-04-01');
    const wrongPayment = await pay(id.purchase, 9 * MILLION, '2025-05-01');
    await created(finance('POST', `/payments/${wrongPayment}/withdrawal`, { withdrawnOn: '2025-05-01', reason: 'Dubbel geboekt' }));
    id.paidOnTheDate = await pay(id.purchase, 1 * MILLION, REFERENCE_DATE);
    await pay(id.purchase, 2 * MILLION, '2025-07-01');
    id.fund = await delivery({ title: 'Bijdrage NAVO-fonds', category: 'other', supportType: 'natoFund', fundingSource: 'internationalSecurityBudget', committedAt: '2025-03-01' });
    await pay(id.fund, 3 * MILLION, '2025-06-01');
    // Work for the EU as implementing actor: a revaluation entered in error, withdrawn on its own date, never counts.
    id.implementing = await delivery({ ...stockDelivery, title: 'Voor de EU', fundingSource: 'epf', realisedAt: '2025-03-01' });
    await value(id.implementing, 100 * MILLION, '2025-03-01');
    const wrongWork = await value(id.implementing, 500 * MILLION, '2025-06-10');
    await created(registrar('POST', `/valuations/${wrongWork}/withdrawal`, { withdrawnOn: '2025-06-10', reason: 'Verkeerd bedrag' }));
    await created(disclosure('POST', '/disclosure-decisions', { deliveryIds: [id.named], state: 'public', publicTitle: 'Veldbedden', publicCategory: 'nonLethal', publicValue: true }));
    publicId = (await db.selectFrom('delivery').select('publicId').where('id', '=', id.named).executeTakeFirstOrThrow()).publicId!;
    await created(disclosure('POST', '/disclosure-decisions', {
      deliveryIds: [id.handedOver, id.onTheDate, id.handedOverLater, id.purchase, id.fund, id.implementing],
      state: 'confidential',
      ground: 'operationalSecurity',
    }));

    // The budget: decisions before, on and after the date; a shift before and after; a pledge later committed.
    const decision = (decidedOn: string, amounts: { budgetYear: number; amountCents: number }[]) =>
      created(finance('POST', '/budget/decisions', { moment: `Besluit ${decidedOn}`, decidedOn, fund: 'internationalSecurityBudget', firstYear: 2025, lastYear: 2026, amounts, description: '' }));
    id.spring = (await decision('2025-03-01', [{ budgetYear: 2025, amountCents: 1 * BILLION }, { budgetYear: 2026, amountCents: BILLION / 2 }])).id;
    id.onTheDay = (await decision(REFERENCE_DATE, [{ budgetYear: 2025, amountCents: BILLION / 5 }])).id;
    id.summer = (await decision('2025-07-01', [{ budgetYear: 2025, amountCents: 5 * BILLION }])).id;
    const shift = (decidedOn: string, amountCents: number) =>
      created(finance('POST', '/budget/shifts', { moment: `Schuif ${decidedOn}`, decidedOn, fund: 'internationalSecurityBudget', fromYear: 2026, toYear: 2025, amountCents, description: '' }));
    id.shift = (await shift('2025-05-01', 300 * MILLION)).id;
    id.laterShift = (await shift('2025-07-02', 100 * MILLION)).id;
    const pledge = { title: 'Bijdrage aan een coalitie', fund: 'internationalSecurityBudget', budgetYear: 2025, stage: 'pledged', amountCents: 400 * MILLION, effectiveOn: '2025-04-01' };
    id.pledge = (await created(finance('POST', '/budget/commitments', pledge))).id;
    await created(finance('POST', `/budget/commitments/${id.pledge}/stages`, { stage: 'committed', amountCents: 450 * MILLION, effectiveOn: '2025-07-01' }));
    id.laterPledge = (await created(finance('POST', '/budget/commitments', { ...pledge, title: 'Latere toezegging', effectiveOn: '2025-07-15' }))).id;

    // The EPF: tranches before, on and after the date; claims declared before, on and after it, each with history after it.
    const tranche = (kind: string, euAmountCents: number, decidedOn: string) =>
      created(finance('POST', '/epf/tranches', { kind, name: `Tranche ${decidedOn}`, euAmountCents, decidedOn, dutchRole: 'claimant' }));
    await tranche('assistanceMeasure', 6000 * MILLION, '2024-01-01');
    id.windfall = (await tranche('windfallProfits', 1400 * MILLION, REFERENCE_DATE)).id;
    id.laterWindfall = (await tranche('windfallProfits', 1900 * MILLION, '2025-07-01')).id;
    id.assessed = await claim(10 * MILLION, '2025-02-01');
    await created(finance('POST', `/epf/claims/${id.assessed}/assessments`, { compensatedCents: 8 * MILLION, assessedOn: '2025-03-01', remainderExpectedBy: 2027 }));
    await created(finance('POST', `/epf/claims/${id.assessed}/receipts`, { amountCents: 3 * MILLION, receivedOn: '2025-04-01' }));
    await created(finance('POST', `/epf/claims/${id.assessed}/receipts`, { amountCents: 2 * MILLION, receivedOn: '2025-07-01' }));
    await created(finance('POST', `/epf/claims/${id.assessed}/assessments`, { compensatedCents: 9 * MILLION, assessedOn: '2025-07-02', remainderExpectedBy: 2028 }));
    await claim(4 * MILLION, REFERENCE_DATE);
    await claim(20 * MILLION, '2025-07-01');
    const vetoed = await claim(5 * MILLION, '2025-05-01');
    await created(finance('POST', `/epf/claims/${vetoed}/blockages`, { blocked: true, effectiveOn: '2025-06-01', reason: 'Veto van een lidstaat' }));
    await created(finance('POST', `/epf/claims/${vetoed}/blockages`, { blocked: false, effectiveOn: '2025-07-01', reason: '' }));

    // Training: counts up to before, on and after the date.
    id.programme = (await created(registrar('POST', '/training-programmes', { key: 'proef', name: 'Proeftraining', hostCountry: 'DE', framework: 'bilateral' }))).id;
    await count(id.programme, '2025-05-01', { trainers: 10 });
    await count(id.programme, REFERENCE_DATE, { trainers: 12, trainees: 200 });
    await count(id.programme, '2025-07-01', { trainers: 99, courses: 3 });

    // Readiness: a judgement before the date and a graver one after it; a delivery handed over after the date judged gravely before it.
    await judge(id.handedOver, 'acceptable', '2025-05-10');
    await judge(id.handedOver, 'unacceptable', '2025-07-01');
    await judge(id.handedOverLater, 'unacceptable', '2025-06-01');
    // Replenishment: a project identified before the date and contracted as of after it; one begun after it.
    id.generatorProject = (await project({ name: 'Generatoren bijbestellen', stage: 'identified', replaces: [{ deliveryId: id.handedOver, replacedValueCents: 5 * MILLION }], asOf: '2025-06-01' })).id;
    await changeProject(id.generatorProject, { name: 'Generatoren bijbestellen', stage: 'contracted', replaces: [{ deliveryId: id.handedOver, replacedValueCents: 8 * MILLION }], asOf: '2025-07-01' });
    await project({ name: 'Later begonnen aanvulling', stage: 'approved', replaces: [{ deliveryId: id.handedOver, replacedValueCents: 1 * MILLION }], asOf: '2025-07-02' });
    id.tentProject = (await project({ name: 'Tenten aanvullen', stage: 'identified', replaces: [{ deliveryId: id.onTheDate, replacedValueCents: 1 * MILLION }], asOf: '2025-05-01' })).id;

    // Industry: contracts signed before, on and after the date; a milestone completed on it and one after it.
    const dutch = (await created(registrar('POST', '/companies', { name: 'Nederlandse Drones B.V.', country: 'NL', registrationNumber: null }))).id;
    const ukrainian = (await created(registrar('POST', '/companies', { name: 'Oekraïense Drones', country: 'UA', registrationNumber: null }))).id;
    // Decided on, as the letter counts only the contracts of companies decided on.
    await created(disclosure('POST', `/companies/${dutch}/disclosure-decisions`, { state: 'confidential', ground: 'companyInterests' }));
    await created(disclosure('POST', `/companies/${ukrainian}/disclosure-decisions`, { state: 'public', publicName: 'Oekraïense Drones' }));
    const contract = async (companyId: string, amountCents: number, signedOn: string) => {
      const body = { companyId, reference: `G2B-${signedOn}`, subject: 'Drones', amountCents, signedOn, milestones: [{ title: 'Levering', dueOn: '2025-12-31' }] };
      await created(registrar('POST', '/industry-contracts', body));
      const overview = (await registrar('GET', `/industry?date=${signedOn}`)).body;
      const stored = overview.companies.find((company: any) => company.id === companyId).contracts.find((candidate: any) => candidate.signedOn === signedOn);
      return stored.milestones[0].id as string;
    };
    const earlyMilestone = await contract(dutch, 50 * MILLION, '2025-03-01');
    const onTheDateMilestone = await contract(ukrainian, 100 * MILLION, REFERENCE_DATE);
    await contract(dutch, 70 * MILLION, '2025-07-01');
    await created(registrar('POST', `/contract-milestones/${onTheDateMilestone}/progress`, { percent: 100, reportedOn: REFERENCE_DATE }));
    await created(registrar('POST', `/contract-milestones/${earlyMilestone}/progress`, { percent: 40, reportedOn: '2025-06-01' }));
    await created(registrar('POST', `/contract-milestones/${earlyMilestone}/progress`, { percent: 100, reportedOn: '2025-07-01' }));
    id.coproduction = (await created(registrar('POST', '/coproduction-projects', { title: 'Samen bouwen', partner: 'Oekraïense partner', stage: 'intention', reachedOn: '2025-06-01' }))).id;
    await created(registrar('POST', '/coproduction-projects', { title: 'Later begonnen', partner: 'Oekraïense partner', stage: 'intention', reachedOn: '2025-07-01' }));
    await bundle(REFERENCE_DATE);
    await bundle('2025-07-01');

    // Worked out by hand from what was dated on or before 30 June 2025.
    expected = {
      // Stock: 12 (revalued on the date) + 3 (withdrawn only after it) + 7 (the 70 withdrawn on its own date); not the stock handed over later.
      stock: '€22 mln.',
      // Purchases: 5 + 1 (paid on the date); the 9 entered in error and the 2 paid after do not count.
      procurement: '€6 mln.',
      natoFund: '€3 mln.',
      total: '€31 mln.',
      referenceDate: '30 juni 2025',
      [`delivery:${id.named}`]: '€7 mln.',
      budgetTotal: '€1,7 mld.',
      [`budgetDecision:${id.spring}`]: '€1,5 mld.',
      [`budgetDecision:${id.onTheDay}`]: '€200 mln.',
      [`budgetShift:${id.shift}`]: '€300 mln.',
      [`budgetCommitment:${id.pledge}`]: '€400 mln.',
      // Their years, as the letter writes them beside the amounts.
      [`budgetDecision:${id.spring}.period`]: '2025-2026',
      [`budgetDecision:${id.onTheDay}.period`]: '2025-2026',
      [`budgetShift:${id.shift}.fromYear`]: '2026',
      [`budgetShift:${id.shift}.toYear`]: '2025',
      [`budgetCommitment:${id.pledge}.year`]: '2025',
      epfCommitted: '6 miljard euro',
      epfWindfallTotal: '€1,4 mld.',
      // One tranche of windfall profits by the date (the second came after it), written out as the letter writes it.
      epfWindfallTranches: 'een',
      [`epfTranche:${id.windfall}`]: '€1,4 mld.',
      epfImplementingActor: '€100 miljoen',
      epfDeclared: '€19 mln.',
      epfDeclaredUntil: '30 juni 2025',
      epfCompensated: '€8 mln.',
      'epfPaid:2025': '€3 mln.',
      epfOutstanding: '€5 mln.',
      epfBlocked: '€5 mln.',
      epfRemainderExpectedBy: '2027',
      'training:proef.trainers': '12',
      'training:proef.trainers:inWords': 'twaalf',
      'training:proef.trainees': '200',
      // The last count up to the date; the one after it (July) is not known yet.
      trainingCountsUpTo: 'juni 2025',
      'readiness.judgement': 'acceptabel',
      'industry.contracts': '2',
      'industry.contractValue': '€150 mln.',
      'industry.companies': '2',
      'industry.ukrainianCompanies': '1',
      'industry.milestonesCompleted': '1',
      'industry.coproductionProjects': '1',
      'industry.demandBundles': '1',
    };
    laterNames = [`budgetDecision:${id.summer}`, `budgetDecision:${id.summer}.period`, `budgetShift:${id.laterShift}`, `budgetShift:${id.laterShift}.toYear`, `budgetCommitment:${id.laterPledge}`, `budgetCommitment:${id.laterPledge}.year`, `epfTranche:${id.laterWindfall}`, 'training:proef.courses'];
  });

  const textOf = (names: string[]) => names.map((name) => `${name}={{${name}}}`).join('; ');

  it('prints each domain\'s figures as they stood on the reference date, and nothing dated after it', async () => {
    const draft = await created(author('POST', '/letters', { ...SIGNED, referenceDate: REFERENCE_DATE, letterDate: '2025-07-10' }));
    letterId = draft.id;
    const text = textOf([...Object.keys(expected), ...laterNames]);
    const edited = await created(author('PATCH', `/letters/${letterId}`, { blocks: [{ key: 'cijfers', heading: 'Cijfers', text }] }, { 'If-Match': `"${draft.version}"` }), 200);
    expect(placeholdersOf(edited.problems).sort()).toEqual(laterNames.map((name) => `{{${name}}}`).sort());
    expect(printed(edited.letter)).toEqual(expected);
    expect(linesOf(edited.letter)).toEqual({ stock: 22 * MILLION, procurement: 6 * MILLION, natoFund: 3 * MILLION, total: 31 * MILLION });
    // The public overview lists the public delivery realised by the date.
    expect(edited.letter.overview.flatMap((group: any) => group.items.map((item: any) => item.title))).toEqual(['Veldbedden']);

    // The figures the editor offers are the same, at the date.
    const offered = Object.fromEntries(edited.figures.map((figure: { name: string; value: string }) => [figure.name, figure.value]));
    for (const [name, figure] of Object.entries(expected)) expect(offered[name], name).toBe(figure);
    for (const name of laterNames) expect(offered[name], name).toBeUndefined();

    const finalText = await created(author('PATCH', `/letters/${letterId}`, { blocks: [{ key: 'cijfers', heading: 'Cijfers', text: textOf(Object.keys(expected)) }] }, { 'If-Match': `"${edited.version}"` }), 200);
    expect(finalText.problems).toEqual([]);
    // The judgement of the effects weighs only the generators, the one stock delivery judged by the date: the author is told, and may still finalise.
    expect(finalText.notesByLanguage).toEqual({
      nl: ['Van de 4 leveringen uit voorraad tot en met 30 juni 2025 hadden er 3 op die datum geen beoordeling van het effect op de gereedheid: het oordeel over de effecten op de krijgsmacht weegt ze niet mee.'],
      en: ['Of the 4 stock deliveries up to 30 June 2025, 3 had no judgement of the effect on readiness by that date: the judgement of the effects on the armed forces does not weigh them.'],
    });
    const { figures, namedFigures, sections, overview } = finalText.letter as PublicLetterSnapshot;
    draftAsFirstRead = { figures, namedFigures, sections, overview };
  });

  it('lists in the draft annex the replenishment projects as they stood on the reference date, a change recorded later as of before it included', async () => {
    // Not the project begun after the date, and the generators' project at its stage and value before its change after it.
    expect(await annexReplacements()).toMatchObject({ Generatoren: 'Generatoren bijbestellen (Geïdentificeerd): €\u00a05.000.000,00', Tenten: 'Tenten aanvullen (Geïdentificeerd): €\u00a01.000.000,00' });
    // Entered now, holding from before the date: the annex follows it.
    await changeProject(id.tentProject, { name: 'Tenten aanvullen', stage: 'approved', replaces: [{ deliveryId: id.onTheDate, replacedValueCents: 2 * MILLION }], asOf: '2025-06-15' });
    expect(await annexReplacements()).toMatchObject({ Generatoren: 'Generatoren bijbestellen (Geïdentificeerd): €\u00a05.000.000,00', Tenten: 'Tenten aanvullen (Goedgekeurd): €\u00a02.000.000,00' });
    // The projects themselves stand as they do today.
    expect((await registrar('GET', `/replenishment-projects/${id.generatorProject}`)).body).toMatchObject({ stage: 'contracted', asOf: '2025-07-01' });
  });

  it('prints the same figures when the draft is read again after more records dated after the reference date, and stays approved', async () => {
    const current = await author('GET', `/letters/${letterId}`);
    approval = await submitAndApprove({ author, disclosure }, letterId, current.headers.get('ETag')!);
    expect(approval.status).toBe(200);

    await value(id.handedOver, 99 * MILLION, '2025-07-02');
    await value(id.named, 77 * MILLION, '2025-07-02');
    await created(finance('POST', `/payments/${id.paidOnTheDate}/withdrawal`, { withdrawnOn: '2025-07-01', reason: 'Teruggeboekt' }));
    await pay(id.fund, 4 * MILLION, '2025-07-03');
    const late = await delivery({ ...stockDelivery, title: 'Laat geleverd', realisedAt: '2025-07-05' });
    await value(late, 8 * MILLION, '2025-07-05');
    await created(disclosure('POST', '/disclosure-decisions', { deliveryIds: [late], state: 'public', publicTitle: 'Laat geleverd', publicCategory: 'nonLethal' }));
    await created(finance('POST', '/budget/decisions', { moment: 'Najaarsnota', decidedOn: '2025-07-03', fund: 'internationalSecurityBudget', firstYear: 2025, lastYear: 2025, amounts: [{ budgetYear: 2025, amountCents: BILLION }], description: '' }));
    await created(finance('POST', `/budget/commitments/${id.pledge}/stages`, { stage: 'committed', amountCents: 480 * MILLION, effectiveOn: '2025-07-03' }));
    await created(finance('POST', '/epf/tranches', { kind: 'assistanceMeasure', name: 'Later', euAmountCents: 1000 * MILLION, decidedOn: '2025-07-03', dutchRole: 'claimant' }));
    await created(finance('POST', `/epf/claims/${id.assessed}/receipts`, { amountCents: 1 * MILLION, receivedOn: '2025-07-03' }));
    await claim(1 * MILLION, '2025-07-03');
    await count(id.programme, '2025-07-03', { trainers: 40, trainees: 400 });
    await judge(id.onTheDate, 'significantButAcceptable', '2025-07-03');
    await created(registrar('POST', `/coproduction-projects/${id.coproduction}/stages`, { stage: 'memorandum', reachedOn: '2025-07-03' }));
    await bundle('2025-07-03');

    const again = (await letter()).letter as PublicLetterSnapshot;
    expect({ figures: again.figures, namedFigures: again.namedFigures, sections: again.sections, overview: again.overview }).toEqual(draftAsFirstRead);
    // The text the disclosure officer approved is still the text: nothing dated after the date asks for a new approval.
    expect((await letter()).approval.matchesCurrent).toBe(true);
  });

  it('keeps the final letter as finalised; what is entered later but dated by the reference date shows in its verification only', async () => {
    const final = await created(author('POST', `/letters/${letterId}/finalisation`, {}, { 'If-Match': approval.headers.get('ETag')! }), 200);
    expect(printed(final.letter)).toEqual(expected);
    // Finalised whatever the notes of the draft said; the final letter has none.
    expect(final.notes).toEqual([]);
    expect((await author('GET', `/letters/${letterId}/verification`)).body).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
    // The annex shows the work for the EU at its value then, as the letter's figure counts it.
    const { db } = database();
    const frozen = await db.selectFrom('letter').select('annexSnapshot').where('id', '=', letterId).executeTakeFirstOrThrow();
    const annex = JSON.parse(frozen.annexSnapshot!) as AnnexSnapshot;
    expect(annex.rows.filter((row) => row.implementingActorCents != null).map((row) => [row.title, row.implementingActorCents])).toEqual([['Voor de EU', 100 * MILLION]]);
    expect(annex.totalCents).toBe(31 * MILLION);
    // Its sections of training, readiness and industry stand at the date too.
    expect(annex.trainingByProgramme).toEqual([
      { programmeId: id.programme, programme: 'Proeftraining', hostCountry: 'DE', framework: 'bilateral', trainers: { value: 12, qualifier: 'exact' }, trainees: { value: 200, qualifier: 'exact' }, courses: null, countsUpTo: REFERENCE_DATE },
    ]);
    expect(annex.readinessByDelivery!.map((row) => [row.delivery, row.judgement?.effect ?? null])).toEqual([
      ['Generatoren', 'acceptable'], ['Tenten', null], ['Veldbedden', null], ['Voor de EU', null],
    ]);
    expect(annex.readinessByDelivery!.map((row) => [row.delivery, row.replacements])).toEqual([
      ['Generatoren', [{ project: 'Generatoren bijbestellen', stage: 'identified', replacedValueCents: 5 * MILLION }]],
      ['Tenten', [{ project: 'Tenten aanvullen', stage: 'approved', replacedValueCents: 2 * MILLION }]],
      ['Veldbedden', []],
      ['Voor de EU', []],
    ]);
    expect(annex.contractsByCompany!.map((row) => [row.company, row.signedOn, row.amountCents, row.milestonesCompleted])).toEqual([
      ['Nederlandse Drones B.V.', '2025-03-01', 50 * MILLION, 0],
      ['Oekraïense Drones', REFERENCE_DATE, 100 * MILLION, 1],
    ]);

    // Entered now, dated on or before the reference date.
    await value(id.handedOver, 30 * MILLION, '2025-06-29'); // superseded on the date by the valuation of 30 June: no change
    await value(id.onTheDate, 4 * MILLION, '2025-06-25'); // the latest valuation by the date now: stock +1
    await created(finance('POST', '/budget/decisions', { moment: 'Nagekomen', decidedOn: '2025-06-01', fund: 'internationalSecurityBudget', firstYear: 2025, lastYear: 2025, amounts: [{ budgetYear: 2025, amountCents: BILLION / 10 }], description: '' }));
    await created(finance('POST', `/epf/claims/${id.assessed}/receipts`, { amountCents: 1 * MILLION, receivedOn: '2025-06-15' }));
    await claim(1 * MILLION, '2025-06-01');
    await count(id.programme, '2025-06-15', { trainers: 50 }); // superseded by the count up to 30 June: no change
    await count(id.programme, REFERENCE_DATE, { trainees: 250 }); // the same date, recorded later: it wins
    await judge(id.onTheDate, 'unacceptable', REFERENCE_DATE);
    await bundle('2025-06-01');
    // Three cents more for what the tents' project replaces, as of before the date: the annex's row shows it to the cent.
    await changeProject(id.tentProject, { name: 'Tenten aanvullen', stage: 'approved', replaces: [{ deliveryId: id.onTheDate, replacedValueCents: 2 * MILLION + 3 }], asOf: '2025-06-20' });

    const after = await letter();
    expect(after.publicSha256).toBe(final.publicSha256);
    expect(after.letter).toEqual(final.letter);
    expect(after.figures).toEqual(final.figures);
    const verification = (await author('GET', `/letters/${letterId}/verification`)).body;
    expect(verification.hashesMatch).toBe(true);
    expect(verification.differences).toEqual([
      { figure: 'stock', published: 22 * MILLION, recomputed: 23 * MILLION },
      { figure: 'total', published: 31 * MILLION, recomputed: 32 * MILLION },
      { figure: 'annexTotal', published: 31 * MILLION, recomputed: 32 * MILLION },
      { figure: `annexRow:${id.onTheDate}`, published: 3 * MILLION, recomputed: 4 * MILLION },
    ]);
    const byName = Object.fromEntries(verification.figureDifferences.map((difference: any) => [difference.figure, [difference.published, difference.recomputed]]));
    expect(byName).toEqual({
      stock: ['€22 mln.', '€23 mln.'],
      total: ['€31 mln.', '€32 mln.'],
      budgetTotal: ['€1,7 mld.', '€1,8 mld.'],
      epfDeclared: ['€19 mln.', '€20 mln.'],
      'epfPaid:2025': ['€3 mln.', '€4 mln.'],
      epfOutstanding: ['€5 mln.', '€4 mln.'],
      'training:proef.trainees': ['200', '250'],
      'readiness.judgement': ['acceptabel', 'onacceptabel'],
      'industry.demandBundles': ['1', '2'],
    });
    // The annex's rows of a programme and a delivery, as printed and as the register gives them at the date now.
    expect(verification.annexDifferences).toEqual([
      { section: 'training', item: 'Proeftraining', published: 'Proeftraining · Duitsland · Bilateraal · 12 · 200 ·  · 30 juni 2025', recomputed: 'Proeftraining · Duitsland · Bilateraal · 12 · 250 ·  · 30 juni 2025' },
      {
        section: 'readiness',
        item: 'Tenten',
        published: 'Tenten · 30 juni 2025 · niet beoordeeld ·  · Tenten aanvullen (Goedgekeurd): € 2.000.000,00 · ',
        recomputed: 'Tenten · 30 juni 2025 · onacceptabel (30 juni 2025, Registrator) · Beoordeeld. · Tenten aanvullen (Goedgekeurd): € 2.000.000,03 · ',
      },
    ]);
    expect(verification.ok).toBe(false);
  });

  it('keeps the short name a final letter printed a programme\'s figures by, so that verification finds them again', async () => {
    const programme = await registrar('GET', `/training-programmes/${id.programme}`);
    const fields = { key: 'proef', name: 'Proeftraining', hostCountry: 'DE', framework: 'bilateral' };
    const renamed = await registrar('PUT', `/training-programmes/${id.programme}`, { ...fields, key: 'proef-2' }, { 'If-Match': programme.headers.get('ETag')! });
    expect(renamed.status).toBe(400);
    expect(renamed.body.invalidParams).toEqual([expect.objectContaining({ name: 'key', code: 'keyNamedByFinalLetter' })]);
    // Its other fields may change.
    const described = await registrar('PUT', `/training-programmes/${id.programme}`, { ...fields, name: 'Proeftraining (hernoemd)' }, { 'If-Match': programme.headers.get('ETag')! });
    expect(described.status).toBe(200);
    const verification = (await author('GET', `/letters/${letterId}/verification`)).body;
    expect(verification.figureDifferences.filter((difference: any) => difference.figure.startsWith('training:'))).toEqual([{ figure: 'training:proef.trainees', published: '200', recomputed: '250' }]);
    // In the annex the programme is found by its id: a new name is no difference in what the letter reported.
    expect(verification.annexDifferences.filter((difference: any) => difference.section === 'training').map((difference: any) => [difference.item, difference.recomputed])).toEqual([
      ['Proeftraining', 'Proeftraining (hernoemd) · Duitsland · Bilateraal · 12 · 250 ·  · 30 juni 2025'],
    ]);
  });
});
