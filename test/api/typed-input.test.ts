/**
 * What a person types wrong on a staff screen, sent to every write route that took it: an amount beyond
 * what one entry may be (€100 mld.), a count beyond a billion, a country code that names no country, a
 * plan or review date decades ahead, a review date that has come already, a letter dated before its reference
 * date, a heading or text of only spaces, two text blocks with one key, an exchange rate of zero. Each is
 * refused with a 400 that names the field and says why, in Dutch and in English, and changes nothing; the
 * value at the edge of each rule is taken. The browser's forms refuse a country that does not exist with the server's own words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { MAX_ENTRY_CENTS } from '../../common/money.ts';
import { reason } from '../../src/api/messages.ts';
import type { Role } from '../../src/domain/access.ts';
import { fieldReader, type Problems } from '../../web/src/forms/fieldReader.ts';
import { en } from '../../web/src/i18n/en/index.ts';
import { nl } from '../../web/src/i18n/nl/index.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { licenceFor } from '../support/export-control.ts';
import { itRefusesEach, registerToTypeInto, type RefusedInput } from '../support/refused-input.ts';

const MAX_COUNT = 1_000_000_000;
/** Ten years and a day from today: the first day a plan is too far ahead. */
const beyondTenYears = (() => {
  const today = todayInAmsterdam();
  return new Date(Date.parse(`${Number(today.slice(0, 4)) + 10}${today.slice(4)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
})();
const nextYear = `${Number(todayInAmsterdam().slice(0, 4)) + 1}-06-30`;
const tomorrow = new Date(Date.parse(`${todayInAmsterdam()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describeEachDatabase('what a person types, on every write route', (database) => {
  const { as, ids, next } = registerToTypeInto(database, ['finance', 'disclosureOfficer', 'letterAuthor', 'licensingOfficer']);

  beforeAll(async () => {
    expect((await as.registrar('POST', `/deliveries/${ids.stock}/valuations`, { amountCents: 1_000_000, basis: 'replacementValue', effectiveDate: '2025-05-01' })).status).toBe(201);
    ids.programme = (await as.registrar('POST', '/training-programmes', { key: 'typed', name: 'Programma', hostCountry: 'DE', framework: 'bilateral' })).body.id;
    ids.commitment = (await as.finance('POST', '/budget/commitments', commitment())).body.id;
    ids.letter = (await as.letterAuthor('POST', '/letters', { referenceDate: '2025-06-30' })).body.id;
    ids.project = (await as.registrar('POST', '/replenishment-projects', { ...project(), asOf: '2025-06-01' })).body.id;
    ids.contract = (await as.registrar('POST', '/industry-contracts', { companyId: ids.company, reference: 'K-prijs', subject: 'Granaten', amountCents: 100, signedOn: '2025-01-10' })).body.id;
    ids.tranche = (await as.finance('POST', '/epf/tranches', { kind: 'assistanceMeasure', name: 'Tranche 9', euAmountCents: 100, decidedOn: '2025-03-01', dutchRole: 'claimant' })).body.id;
    expect(Object.values(ids).every(Boolean)).toBe(true);
  });

  /** The ETag of the record's latest version, read when the request is made. */
  const versionOf = (path: () => string, role: Role) => async () => ({ 'If-Match': `"${(await as[role]('GET', path())).body.version}"` });
  const budgetDecision = () => ({ moment: 'Voorjaarsnota', decidedOn: '2025-04-15', fund: 'ukraineSupportBudget', firstYear: 2025, lastYear: 2025, amounts: [{ budgetYear: 2025, amountCents: 100 }] });
  const commitment = () => ({ title: 'Bijdrage', fund: 'ukraineSupportBudget', budgetYear: 2025, stage: 'pledged', amountCents: 100, effectiveOn: '2025-04-15' });
  const licence = () => licenceFor(ids.assessment!);
  const contribution = () => ({ periodFrom: '2024-01-01', countsUpTo: '2025-01-01', trainers: 1, costEstimateCents: 100, fundingSource: 'defenceBudget' });
  const project = () => ({ name: 'Vervanging', stage: 'identified', budgetCents: 100, replaces: [{ deliveryId: ids.stock, replacedValueCents: 100, replacedQuantity: 1 }], asOf: '2025-06-01' });
  const projectChange = (asOf: string) => ({
    role: 'registrar' as const,
    method: 'PUT' as const,
    path: () => `/replenishment-projects/${ids.project}`,
    body: () => ({ ...project(), stage: 'approved', asOf }),
    headers: versionOf(() => `/replenishment-projects/${ids.project}`, 'registrar'),
  });
  const confidential = () => ({ deliveryIds: [ids.stock], state: 'confidential', ground: 'stateSecurity', reviewOn: nextYear });
  const foreignValuation = () => ({ amountCents: 0, basis: 'replacementValue', effectiveDate: '2025-05-01', currency: 'USD', originalAmountMinor: 100 });

  const cases: RefusedInput[] = [
    // Amounts: at most one entry's ceiling, as a payment or a valuation is.
    { what: 'a budget of more than €100 mld. for one year', role: 'finance', method: 'POST', path: () => '/budget/decisions', body: () => ({ ...budgetDecision(), amounts: [{ budgetYear: 2025, amountCents: 10 ** 15 }] }), field: 'amounts.0.amountCents', code: 'tooLarge' },
    { what: 'a shift of more than €100 mld.', role: 'finance', method: 'POST', path: () => '/budget/shifts', body: () => ({ moment: 'Kasschuif', decidedOn: '2025-04-15', fund: 'ukraineSupportBudget', fromYear: 2025, toYear: 2026, amountCents: MAX_ENTRY_CENTS + 1 }), field: 'amountCents', code: 'tooLarge' },
    { what: 'a commitment on the defence budget for a delivery paid from the Ukraine support fund', role: 'finance', method: 'POST', path: () => '/budget/commitments', body: () => ({ ...commitment(), fund: 'defenceBudget', deliveryId: ids.stock }), field: 'fund', code: 'fundOtherThanDelivery' },
    { what: 'a commitment of more than €100 mld.', role: 'finance', method: 'POST', path: () => '/budget/commitments', body: () => ({ ...commitment(), amountCents: MAX_ENTRY_CENTS + 1 }), field: 'amountCents', code: 'tooLarge' },
    { what: 'a commitment stage of more than €100 mld.', role: 'finance', method: 'POST', path: () => `/budget/commitments/${ids.commitment}/stages`, body: () => ({ stage: 'committed', amountCents: MAX_ENTRY_CENTS + 1, effectiveOn: '2025-05-01' }), field: 'amountCents', code: 'tooLarge' },
    { what: 'a replenishment budget of more than €100 mld.', role: 'registrar', method: 'POST', path: () => '/replenishment-projects', body: () => ({ ...project(), budgetCents: MAX_ENTRY_CENTS + 1 }), field: 'budgetCents', code: 'tooLarge' },
    { what: 'a training cost estimate of more than €100 mld.', role: 'registrar', method: 'POST', path: () => `/training-programmes/${ids.programme}/contributions`, body: () => ({ ...contribution(), costEstimateCents: MAX_ENTRY_CENTS + 1 }), field: 'costEstimateCents', code: 'tooLarge' },
    { what: 'a revaluation of more than €100 mld. on a decision not to replace', role: 'registrar', method: 'POST', path: () => `/deliveries/${ids.stock}/non-replacement-decisions`, body: () => ({ decidedOn: '2025-05-01', reason: 'Niet vervangen.', revaluation: { amountCents: MAX_ENTRY_CENTS + 1, basis: 'bookValue', effectiveDate: '2025-05-01' } }), field: 'revaluation.amountCents', code: 'tooLarge' },
    // The basis of a value: stock at its replacement or book value, a purchase at its contract price.
    { what: 'a valuation of stock at a contract price', role: 'registrar', method: 'POST', path: () => `/deliveries/${ids.stock}/valuations`, body: () => ({ amountCents: 100, basis: 'contractPrice', effectiveDate: '2025-05-01' }), field: 'basis', code: 'basisNotOfSupportType' },
    { what: 'a valuation of a purchase at replacement value', role: 'registrar', method: 'POST', path: () => `/deliveries/${ids.procurement}/valuations`, body: () => ({ amountCents: 100, basis: 'replacementValue', effectiveDate: '2025-05-01' }), field: 'basis', code: 'basisNotOfSupportType' },
    { what: 'a decision not to replace that revalues stock as a contribution', role: 'registrar', method: 'POST', path: () => `/deliveries/${ids.stock}/non-replacement-decisions`, body: () => ({ decidedOn: '2025-05-01', reason: 'Niet vervangen.', revaluation: { amountCents: 100, basis: 'contribution', effectiveDate: '2025-05-01' } }), field: 'revaluation.basis', code: 'basisNotOfSupportType' },
    { what: 'an exchange rate of zero', role: 'registrar', method: 'POST', path: () => `/deliveries/${ids.stock}/valuations`, body: () => ({ ...foreignValuation(), exchangeRate: '0.00000000' }), field: 'exchangeRate', code: 'tooSmall' },
    // Counts of items: at least one, at most a billion.
    { what: 'a delivery of more than a billion items', role: 'registrar', method: 'POST', path: () => '/deliveries', body: () => ({ ...stockDelivery, quantity: 9 * 10 ** 15 }), field: 'quantity', code: 'tooLarge' },
    { what: 'a changed delivery of more than a billion items', role: 'registrar', method: 'PUT', path: () => `/deliveries/${ids.stock}`, body: () => ({ ...stockDelivery, quantity: MAX_COUNT + 1 }), headers: versionOf(() => `/deliveries/${ids.stock}`, 'registrar'), field: 'quantity', code: 'tooLarge' },
    { what: 'a licence for more than a billion items', role: 'licensingOfficer', method: 'POST', path: () => `/deliveries/${ids.licensed}/export-licences`, body: () => ({ ...licence(), quantityAuthorised: 9 * 10 ** 15 }), field: 'quantityAuthorised', code: 'tooLarge' },
    { what: 'a shared need of more than a billion items', role: 'registrar', method: 'POST', path: () => '/demand-bundles', body: () => ({ need: 'Munitie', category: 'ammunition', dutchQuantity: MAX_COUNT + 1, ukrainianQuantity: 1, identifiedOn: '2025-04-01' }), field: 'dutchQuantity', code: 'tooLarge' },
    { what: 'a replacement of no items', role: 'registrar', method: 'POST', path: () => '/replenishment-projects', body: () => ({ ...project(), replaces: [{ deliveryId: ids.stock, replacedValueCents: 100, replacedQuantity: 0 }] }), field: 'replaces.0.replacedQuantity', code: 'tooSmall' },
    // The day a project's state holds from: a real day that has come, not before 2014, and a change not before the state it follows.
    { what: 'a project whose state holds from tomorrow', role: 'registrar', method: 'POST', path: () => '/replenishment-projects', body: () => ({ ...project(), asOf: tomorrow }), field: 'asOf', code: 'dateInFuture' },
    { what: 'a project whose state holds from 2013', role: 'registrar', method: 'POST', path: () => '/replenishment-projects', body: () => ({ ...project(), asOf: '2013-12-31' }), field: 'asOf', code: 'dateOutOfRange' },
    { what: 'a project whose state holds from 31 February', role: 'registrar', method: 'POST', path: () => '/replenishment-projects', body: () => ({ ...project(), asOf: '2025-02-31' }), field: 'asOf', code: 'invalidDate' },
    { what: 'a project changed as of tomorrow', ...projectChange(tomorrow), field: 'asOf', code: 'dateInFuture' },
    { what: 'a project changed as of a day before its current state', ...projectChange('2025-05-31'), field: 'asOf', code: 'beforeLatestState' },
    // Countries: a code that exists, not just two capital letters.
    { what: 'a company in country XX', role: 'registrar', method: 'POST', path: () => '/companies', body: () => ({ name: `Bedrijf ${next()}`, country: 'XX' }), field: 'country', code: 'invalidCountry' },
    { what: 'a training hosted in country QQ', role: 'registrar', method: 'POST', path: () => '/training-programmes', body: () => ({ key: 'qq', name: 'Programma', hostCountry: 'QQ', framework: 'bilateral' }), field: 'hostCountry', code: 'invalidCountry' },
    { what: 'a licence for importing state ZZ', role: 'licensingOfficer', method: 'POST', path: () => `/deliveries/${ids.licensed}/export-licences`, body: () => ({ ...licence(), importingState: 'ZZ' }), field: 'importingState', code: 'invalidCountry' },
    { what: 'a licence for the exporting state itself', role: 'licensingOfficer', method: 'POST', path: () => `/deliveries/${ids.licensed}/export-licences`, body: () => ({ ...licence(), importingState: 'NL' }), field: 'importingState', code: 'importingStateIsExporter' },
    { what: 'a licence for export to Russia', role: 'licensingOfficer', method: 'POST', path: () => `/deliveries/${ids.licensed}/export-licences`, body: () => ({ ...licence(), importingState: 'RU' }), field: 'importingState', code: 'importingStateUnderEmbargo' },
    { what: 'a licence for export to Belarus', role: 'licensingOfficer', method: 'POST', path: () => `/deliveries/${ids.licensed}/export-licences`, body: () => ({ ...licence(), importingState: 'BY' }), field: 'importingState', code: 'importingStateUnderEmbargo' },
    // Plans and reviews: at most ten years ahead.
    { what: 'a milestone due in 2099', role: 'registrar', method: 'POST', path: () => '/industry-contracts', body: () => ({ companyId: ids.company, reference: `R-${next()}`, subject: 'Drones', amountCents: 100, signedOn: '2025-01-01', milestones: [{ title: 'Eerste levering', dueOn: '2099-01-01' }] }), field: 'milestones.0.dueOn', code: 'dateOutOfRange' },
    { what: 'a company to review in 2099', role: 'disclosureOfficer', method: 'POST', path: () => `/companies/${ids.company}/disclosure-decisions`, body: () => ({ state: 'confidential', ground: 'companyInterests', reviewOn: '2099-01-01' }), field: 'reviewOn', code: 'dateOutOfRange' },
    { what: 'a delivery to review more than ten years ahead', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => ({ ...confidential(), reviewOn: beyondTenYears }), field: 'reviewOn', code: 'dateOutOfRange' },
    // A review date lies after today: the decision is taken now.
    { what: 'a delivery to review today', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => ({ ...confidential(), reviewOn: todayInAmsterdam() }), field: 'reviewOn', code: 'notInFuture' },
    { what: 'a delivery to review on a date passed', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => ({ ...confidential(), reviewOn: '2025-01-01' }), field: 'reviewOn', code: 'notInFuture' },
    { what: 'a delivery public from 2099', role: 'disclosureOfficer', method: 'POST', path: () => '/disclosure-decisions', body: () => ({ deliveryIds: [ids.stock], state: 'public', publicTitle: 'Generatoren', publicCategory: 'nonLethal', publicFrom: '2099-01-01' }), field: 'publicFrom', code: 'dateOutOfRange' },
    { what: 'a letter with its reference date in 2099', role: 'letterAuthor', method: 'POST', path: () => '/letters', body: () => ({ referenceDate: '2099-01-01' }), field: 'referenceDate', code: 'dateOutOfRange' },
    { what: 'a new letter dated 2060', role: 'letterAuthor', method: 'POST', path: () => '/letters', body: () => ({ referenceDate: '2025-07-31', letterDate: '2060-01-01' }), field: 'letterDate', code: 'dateOutOfRange' },
    { what: 'a draft redated to 2099', role: 'letterAuthor', method: 'PATCH', path: () => `/letters/${ids.letter}`, body: () => ({ letterDate: '2099-01-01' }), headers: versionOf(() => `/letters/${ids.letter}`, 'letterAuthor'), field: 'letterDate', code: 'dateOutOfRange' },
    { what: 'a letter finalised with the date 2099', role: 'letterAuthor', method: 'POST', path: () => `/letters/${ids.letter}/finalisation`, body: () => ({ letterDate: '2099-01-01' }), headers: versionOf(() => `/letters/${ids.letter}`, 'letterAuthor'), field: 'letterDate', code: 'dateOutOfRange' },
    // A letter is dated on or after its reference date, as a draft already; a heading is not blank.
    { what: 'a new letter dated before its reference date', role: 'letterAuthor', method: 'POST', path: () => '/letters', body: () => ({ referenceDate: '2025-07-31', letterDate: '2025-07-30' }), field: 'letterDate', code: 'letterBeforeReferenceDate' },
    { what: 'a draft redated before its reference date', role: 'letterAuthor', method: 'PATCH', path: () => `/letters/${ids.letter}`, body: () => ({ letterDate: '2025-06-29' }), headers: versionOf(() => `/letters/${ids.letter}`, 'letterAuthor'), field: 'letterDate', code: 'letterBeforeReferenceDate' },
    { what: 'a heading of only spaces', role: 'letterAuthor', method: 'PATCH', path: () => `/letters/${ids.letter}`, body: () => ({ blocks: [{ key: 'opening', heading: '   ', text: 'Tekst.' }] }), headers: versionOf(() => `/letters/${ids.letter}`, 'letterAuthor'), field: 'blocks.0.heading', code: 'required' },
    // A draft's blocks: at least one, each with a key of its own, a text written or left empty (not only spaces).
    { what: 'a draft without blocks', role: 'letterAuthor', method: 'PATCH', path: () => `/letters/${ids.letter}`, body: () => ({ blocks: [] }), headers: versionOf(() => `/letters/${ids.letter}`, 'letterAuthor'), field: 'blocks', code: 'noBlocks' },
    { what: 'two blocks with one key', role: 'letterAuthor', method: 'PATCH', path: () => `/letters/${ids.letter}`, body: () => ({ blocks: [{ key: 'opening', heading: null, text: 'Tekst.' }, { key: 'opening', heading: 'Kop', text: 'Meer tekst.' }] }), headers: versionOf(() => `/letters/${ids.letter}`, 'letterAuthor'), field: 'blocks.1.key', code: 'duplicateBlockKey' },
    { what: 'a text of only spaces and blank lines', role: 'letterAuthor', method: 'PATCH', path: () => `/letters/${ids.letter}`, body: () => ({ blocks: [{ key: 'opening', heading: null, text: '  \n\n  ' }] }), headers: versionOf(() => `/letters/${ids.letter}`, 'letterAuthor'), field: 'blocks.0.text', code: 'blankText' },
    { what: 'a preview with a heading of only spaces', role: 'letterAuthor', method: 'POST', path: () => `/letters/${ids.letter}/preview`, body: () => ({ blocks: [{ key: 'opening', heading: ' ', text: 'Tekst.' }] }), field: 'blocks.0.heading', code: 'required' },
    { what: 'a publication scheduled in 2150', role: 'letterAuthor', method: 'POST', path: () => `/letters/${ids.letter}/publication`, body: () => ({ paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-07-10', publishAt: '2150-01-01T09:00:00+01:00' }), headers: versionOf(() => `/letters/${ids.letter}`, 'letterAuthor'), field: 'publishAt', code: 'dateOutOfRange' },
    { what: 'a price paid under a contract the day before it was signed', role: 'registrar', method: 'POST', path: () => '/price-developments', body: () => ({ item: 'Granaten', contractId: ids.contract, earlierPriceCents: 100, earlierOn: '2024-01-01', paidPriceCents: 120, paidOn: '2025-01-09' }), field: 'paidOn', code: 'beforeSigning' },
    { what: 'a commitment for 2030 pledged in 2024', role: 'finance', method: 'POST', path: () => '/budget/commitments', body: () => ({ ...commitment(), budgetYear: 2030, effectiveOn: '2024-12-31' }), field: 'effectiveOn', code: 'beforeBudgetReach' },
    { what: 'an EPF claim for a period in 2099', role: 'finance', method: 'POST', path: () => '/epf/claims', body: () => ({ reference: `EPF-${next()}`, batch: 'Leveringen', period: 'sep 2099', declaredCents: 100, declaredOn: '2025-02-28' }), field: 'period', code: 'periodOutOfRange' },
    { what: 'an EPF claim declared the day before its tranche was decided', role: 'finance', method: 'POST', path: () => '/epf/claims', body: () => ({ reference: `EPF-${next()}`, batch: 'Leveringen', trancheId: ids.tranche, period: '2024', declaredCents: 100, declaredOn: '2025-02-28' }), field: 'declaredOn', code: 'beforeTranche' },
  ];

  itRefusesEach(cases, as, database);

  it('refuses a negative amount once, not once per bound', async () => {
    const refused = await as.finance('POST', '/budget/shifts', { moment: 'Kasschuif', decidedOn: '2025-04-15', fund: 'ukraineSupportBudget', fromYear: 2025, toYear: 2026, amountCents: -5 });
    expect(refused.body.invalidParams).toEqual([{ name: 'amountCents', code: 'amountNotPositive', reason: 'Vul een bedrag in van meer dan € 0,00.' }]);
  });

  it.each([
    ['a commitment', 'finance', '/budget/commitments', () => commitment(), 'amountCents'],
    ['a training cost estimate', 'registrar', () => `/training-programmes/${ids.programme}/contributions`, () => contribution(), 'costEstimateCents'],
    ['a replenishment budget', 'registrar', '/replenishment-projects', () => project(), 'budgetCents'],
  ] as const)('refuses %s of 2^53 cents once, naming the register\'s own bound and not that of a whole number', async (_, role, path, body, field) => {
    const refused = await as[role]('POST', typeof path === 'string' ? path : path(), { ...body(), [field]: 2 ** 53 }, { 'Accept-Language': 'en' });
    // In cents to the API, typed in euros on every screen: the bound is said as an amount.
    expect(refused.body.invalidParams).toEqual([{ name: field, code: 'tooLarge', reason: 'Enter an amount of at most €100,000,000,000.00.' }]);
  });

  it("names a disclosure decision's rules beside a date the schema refuses, in one answer, deciding nothing", async () => {
    const decide = (body: object) => as.disclosureOfficer('POST', '/disclosure-decisions', { deliveryIds: [ids.stock], ...body });
    const names = (response: { body: { invalidParams: { name: string; code: string }[] } }) => response.body.invalidParams.map((param) => `${param.name} ${param.code}`).sort();
    const before = (await as.disclosureOfficer('GET', `/deliveries/${ids.stock}/disclosure-decisions`)).body.items;
    expect(names(await decide({ state: 'public', publicTitle: '???', publicCategory: 'other', publicQuantity: '2,5', publicFrom: '', ground: 'operationalSecurity' }))).toEqual([
      'ground onlyWhenConfidential',
      'publicFrom required',
      'publicQuantity quantityNotWhole',
      'publicTitle noLetterOrDigit',
    ]);
    expect(names(await decide({ state: 'confidential', ground: '', reviewOn: '2025-01-01', publicTitle: 'x' }))).toEqual(['ground required', 'publicTitle onlyWhenPublic', 'reviewOn notInFuture']);
    expect((await as.disclosureOfficer('GET', `/deliveries/${ids.stock}/disclosure-decisions`)).body.items).toEqual(before);
  });

  it('refuses an industry number beyond 2^53 by the industry register\'s own bound, with the other mistakes of its input', async () => {
    const english = { 'Accept-Language': 'en' };
    const [huge, tenBillionEuros] = [1e16, 'Enter an amount of at most €10,000,000,000.00.'];
    const contract = await as.registrar('POST', '/industry-contracts', { companyId: ids.company, reference: 'K-groot', subject: 'Granaten', amountCents: huge, signedOn: '2025-01-10' }, english);
    expect(contract.body.invalidParams).toEqual([{ name: 'amountCents', code: 'tooLarge', reason: tenBillionEuros }]);
    const price = await as.registrar('POST', '/price-developments', { item: ' ', earlierPriceCents: huge, earlierOn: '2024-01-01', paidPriceCents: huge, paidOn: '2025-01-01' }, english);
    expect(price.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'item', code: 'required' }),
      { name: 'earlierPriceCents', code: 'tooLarge', reason: tenBillionEuros },
      { name: 'paidPriceCents', code: 'tooLarge', reason: tenBillionEuros },
    ]);
    const bundle = await as.registrar('POST', '/demand-bundles', { need: 'Granaten', category: 'ammunition', dutchQuantity: huge, ukrainianQuantity: huge, identifiedOn: '2025-04-01' }, english);
    expect(bundle.body.invalidParams).toEqual(
      ['dutchQuantity', 'ukrainianQuantity'].map((name) => ({ name, code: 'tooLarge', reason: `Enter a number of at most ${MAX_COUNT.toLocaleString('en-GB')}.` })),
    );
    const milestones = { companyId: ids.company, reference: 'K-mijlpaal', subject: 'Granaten', amountCents: 100, signedOn: '2025-01-10', milestones: [{ title: 'Levering', dueOn: '2025-12-01' }] };
    const contractId = (await as.registrar('POST', '/industry-contracts', milestones)).body.id;
    const [milestone] = (await as.registrar('GET', '/industry')).body.companies.flatMap((company: any) => company.contracts).find((item: any) => item.id === contractId).milestones;
    const progress = await as.registrar('POST', `/contract-milestones/${milestone.id}/progress`, { percent: huge, reportedOn: '2025-02-01' }, english);
    expect(progress.body.invalidParams).toEqual([{ name: 'percent', code: 'percentOutOfRange', reason: 'Enter a percentage from 0 to 100.' }]);
    const fraction = await as.registrar('POST', `/contract-milestones/${milestone.id}/progress`, { percent: 50.5, reportedOn: '2025-02-01' });
    expect(fraction.body.invalidParams).toEqual([expect.objectContaining({ name: 'percent', code: 'notWholeNumber' })]);
  });

  describe('takes the value at the edge of each rule', () => {
    it('an amount of exactly €100 mld., a billion items and a country that exists', async () => {
      expect((await as.finance('POST', '/budget/decisions', { ...budgetDecision(), fund: 'defenceBudget', amounts: [{ budgetYear: 2025, amountCents: MAX_ENTRY_CENTS }] })).status).toBe(201);
      expect((await as.registrar('POST', '/deliveries', { ...stockDelivery, quantity: MAX_COUNT })).status).toBe(201);
      expect((await as.registrar('POST', '/companies', { name: `Oekraïens bedrijf ${next()}`, country: 'UA' })).status).toBe(201);
      expect((await as.registrar('POST', '/replenishment-projects', { ...project(), budgetCents: MAX_ENTRY_CENTS })).status).toBe(201);
    });

    it('a project as of today, and changed as of the day of its current state', async () => {
      expect((await as.registrar('POST', '/replenishment-projects', { ...project(), asOf: todayInAmsterdam() })).status).toBe(201);
      const { method, path, body, headers } = projectChange('2025-06-01');
      const changed = await as.registrar(method, path(), body(), await headers());
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body).toMatchObject({ stage: 'approved', asOf: '2025-06-01' });
    });

    it('a review next year, and one tomorrow', async () => {
      expect((await as.disclosureOfficer('POST', `/companies/${ids.company}/disclosure-decisions`, { state: 'confidential', ground: 'companyInterests', reviewOn: nextYear })).status).toBe(201);
      expect((await as.disclosureOfficer('POST', '/disclosure-decisions', confidential())).status).toBe(201);
      expect((await as.disclosureOfficer('POST', '/disclosure-decisions', { ...confidential(), reviewOn: tomorrow })).status).toBe(201);
    });

    it('a letter dated on its reference date, and a heading with spaces around it, trimmed', async () => {
      const created = await as.letterAuthor('POST', '/letters', { referenceDate: '2025-08-31', letterDate: '2025-08-31' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const headed = { key: 'opening', heading: '  Kop  ', text: 'Tekst.' };
      const changed = await as.letterAuthor('PATCH', `/letters/${created.body.id}`, { blocks: [headed], letterDate: '2025-08-31' }, { 'If-Match': `"${created.body.version}"` });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.blocks).toEqual([{ ...headed, heading: 'Kop' }]);
    });

    it('a foreign valuation at the smallest rate', async () => {
      // Of a delivery no project replaces: its value in euro is 0.
      const unreplaced = (await as.registrar('POST', '/deliveries', stockDelivery)).body.id;
      expect((await as.registrar('POST', `/deliveries/${unreplaced}/valuations`, { ...foreignValuation(), amountCents: 0, exchangeRate: '0.00000001' })).status).toBe(201);
    });
  });

  it('takes an optional text of only spaces as not filled in', async () => {
    const company = await as.registrar('POST', '/companies', { name: `Bedrijf ${next()}`, country: 'NL', registrationNumber: '   ' });
    expect(company.status).toBe(201);
    const stored = await database().db.selectFrom('company').select('registrationNumber').where('id', '=', company.body.id).executeTakeFirstOrThrow();
    expect(stored.registrationNumber).toBeNull();
    const programme = await as.registrar('POST', '/training-programmes', { key: 'spaces', name: `Programma ${next()}`, hostCountry: 'NL', framework: 'bilateral', systemTrainedOn: '  ' });
    expect(programme.body.systemTrainedOn).toBeNull();
  });
});

describe('the browser refuses a country that does not exist before sending, in the server’s words', () => {
  it.each([['xx', 'invalidCountry'], ['NLD', 'invalidCountry'], ['', 'required'], [' ua ', undefined]] as const)('%j', (typed, problem) => {
    const problems: Problems = {};
    const code = fieldReader({ country: typed }, problems).country('country');
    expect(problems.country).toBe(problem);
    if (!problem) expect(code).toBe('UA');
  });

  it('says why as the API says it, in both languages', () => {
    expect(nl.form.errors.invalidCountry).toBe(reason('nl', 'invalidCountry'));
    expect(en.form.errors.invalidCountry).toBe(reason('en', 'invalidCountry'));
  });
});
