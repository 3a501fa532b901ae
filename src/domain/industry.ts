import { nameKey, referenceKey, saysSomething } from '../../common/text.ts';
import { amountViolations, countViolations, countryViolations, pastDateViolations, plannedDateViolations, reviewDateViolations, textViolations, whereGiven } from './plausibility.ts';
import type { IsoDate } from '../../common/dates.ts';
import type { Cents } from '../../common/money.ts';
import { COPRODUCTION_STAGES, type CompanyOrigin, type ConfidentialityGround, type CoproductionStage, type LessonCategory, type MilestoneStatus } from '../../common/vocabulary/codes.ts';
import type { RuleViolation } from './delivery.ts';
import { nameTakenViolations } from './names.ts';
import { repeatedDeliveries } from './references.ts';
import { backWithoutReasonViolations } from './stages.ts';

/**
 * Industry cooperation: companies, the government-to-business contracts the procurement deliveries are
 * bought under, their milestones, price developments, lessons learned, co-production and demand
 * bundling. Pure rules; every mistake of an input is reported at once.
 */

/** A contract's amount above this (€ 10 mld.) is a typing error, not a contract. */
export const MAX_CONTRACT_CENTS = 1_000_000_000_000;
const MAX_NAME_LENGTH = 200;
const MAX_TEXT_LENGTH = 4000;

export function companyOrigin(country: string): CompanyOrigin {
  if (country === 'NL') return 'dutch';
  if (country === 'UA') return 'ukrainian';
  return 'other';
}

export interface CompanyInput {
  name: string;
  country: string;
  registrationNumber: string | null;
}

export interface ContractInput {
  companyId: string;
  reference: string;
  subject: string;
  amountCents: Cents;
  signedOn: IsoDate;
  deliveryIds: string[];
  milestones: { title: string; dueOn: IsoDate }[];
}

export interface ProgressReport {
  percent: number;
  reportedOn: IsoDate;
  reason: string;
}

export interface PriceDevelopmentInput {
  item: string;
  contractId: string | null;
  earlierPriceCents: Cents;
  earlierOn: IsoDate;
  paidPriceCents: Cents;
  paidOn: IsoDate;
  note: string;
}

export interface LessonInput {
  notedOn: IsoDate;
  category: LessonCategory;
  text: string;
}

export interface StageInput {
  stage: CoproductionStage;
  reachedOn: IsoDate;
  note: string;
}

export interface CoproductionInput extends StageInput {
  title: string;
  partner: string;
}

export interface DemandBundleInput {
  need: string;
  category: string;
  dutchQuantity: number;
  ukrainianQuantity: number;
  identifiedOn: IsoDate;
  note: string;
}

/**
 * A decision on a company: public with the name the public may read, or confidential with its ground and when to
 * look at it again. A request may give the fields of either state; those of the other are refused.
 */
export interface CompanyDecisionInput {
  state: 'public' | 'confidential';
  publicName?: string;
  ground?: ConfidentialityGround;
  reviewOn?: IsoDate | null;
  note?: string;
}

/** What a company must meet; each rule is judged on the fields given (whereGiven), as the contract's and the others' below. */
export function companyViolations(company: Partial<CompanyInput>): RuleViolation[] {
  return [
    ...whereGiven(company.name, (name) => textViolations('name', name, { required: true, maximum: MAX_NAME_LENGTH, format: 'title' })),
    ...whereGiven(company.country, (country) => countryViolations('country', country)),
    ...textViolations('registrationNumber', company.registrationNumber ?? '', { required: false, maximum: 100, format: 'reference' }),
  ];
}

/**
 * A company is registered once in its country: a name another company of the country has, whatever its
 * case, accents and spaces (nameKey), is that company, as is a registration number another has, whatever
 * its case and spacing (referenceKey, the rule of the register's unique index on it); each is refused
 * naming the company as the register has it. Its contracts, disclosure decisions and the letter's annex
 * would otherwise be split over copies of one company.
 */
export function companyTakenViolations(company: Partial<Pick<CompanyInput, 'name' | 'registrationNumber'>>, companiesOfCountry: readonly Pick<CompanyInput, 'name' | 'registrationNumber'>[]): RuleViolation[] {
  const number = company.registrationNumber ? referenceKey(company.registrationNumber) : null;
  const sameNumber = number === null ? undefined : companiesOfCountry.find((registered) => registered.registrationNumber !== null && referenceKey(registered.registrationNumber) === number);
  return [
    ...whereGiven(company.name, (name) => nameTakenViolations('company', 'name', name, companiesOfCountry.map((registered) => registered.name))),
    ...(sameNumber ? [{ field: 'registrationNumber', code: 'registrationNumberTaken', params: { company: sameNumber.name } }] : []),
  ];
}

export function contractViolations(contract: Partial<Pick<ContractInput, 'reference' | 'subject' | 'amountCents' | 'signedOn' | 'milestones' | 'deliveryIds'>>, today: IsoDate): RuleViolation[] {
  const { signedOn } = contract;
  return [
    ...whereGiven(contract.reference, (reference) => textViolations('reference', reference, { required: true, maximum: MAX_NAME_LENGTH, format: 'reference' })),
    ...whereGiven(contract.subject, (subject) => textViolations('subject', subject, { required: true, maximum: MAX_TEXT_LENGTH })),
    ...whereGiven(contract.amountCents, (cents) => amountViolations('amountCents', cents, MAX_CONTRACT_CENTS)),
    ...whereGiven(signedOn, (date) => pastDateViolations('signedOn', date, today)),
    ...(contract.milestones ?? []).flatMap((milestone, index, milestones) => [
      ...textViolations(`milestones.${index}.title`, milestone.title, { required: true, maximum: MAX_NAME_LENGTH, format: 'title' }),
      ...repeatedMilestoneViolations(milestones, index),
      ...(signedOn !== undefined && milestone.dueOn < signedOn
        ? [{ field: `milestones.${index}.dueOn`, code: 'beforeSigning', params: { signedOn } }]
        : plannedDateViolations(`milestones.${index}.dueOn`, milestone.dueOn, today)),
    ]),
    ...whereGiven(contract.deliveryIds, (ids) => repeatedDeliveries('deliveryIds', ids)),
  ];
}

/** What a contract's signing day and amount bound: its milestones' due days, their progress reports' days, the prices paid under it and its withdrawal's day. */
export interface ContractDependants {
  dueOn: readonly IsoDate[];
  reportedOn: readonly IsoDate[];
  prices: readonly { paidOn: IsoDate; paidPriceCents: Cents }[];
  withdrawnOn: readonly IsoDate[];
}

/**
 * A correction of a contract keeps the records under it true, on the fields given: signed no later than its first
 * milestone is due, progress is reported, a price is paid under it or it was withdrawn, and worth no less than the
 * highest price paid under it, as each of those was judged against the contract when it was recorded.
 */
export function correctedContractViolations(contract: Partial<Pick<ContractInput, 'signedOn' | 'amountCents'>>, dependants: ContractDependants): RuleViolation[] {
  const firstDependant = [...dependants.dueOn, ...dependants.reportedOn, ...dependants.prices.map((price) => price.paidOn), ...dependants.withdrawnOn].sort()[0];
  const highestPrice = Math.max(0, ...dependants.prices.map((price) => price.paidPriceCents));
  return [
    ...whereGiven(contract.signedOn, (date) => (firstDependant !== undefined && date > firstDependant ? [{ field: 'signedOn', code: 'afterContractRecords', params: { first: firstDependant } }] : [])),
    ...whereGiven(contract.amountCents, (cents) => (cents < highestPrice ? [{ field: 'amountCents', code: 'belowPricePaid', params: { amountCents: String(highestPrice) } }] : [])),
  ];
}

/** A withdrawal of a record entered in error or undone: the day from which it no longer counts, and why. */
export interface WithdrawalInput {
  withdrawnOn: IsoDate;
  reason: string;
}

/** A contract as what is recorded under it, and its withdrawal, are judged against: the day it was signed, and the day it was withdrawn, if it was. */
export interface ContractStanding {
  signedOn: IsoDate;
  withdrawnOn: IsoDate | null;
}

/** Whether a contract withdrawn on `withdrawnOn` (null: not withdrawn) was withdrawn by the date: from that day on it counts in no figure. */
export function withdrawnBy(withdrawnOn: IsoDate | null, date: IsoDate): boolean {
  return withdrawnOn !== null && withdrawnOn <= date;
}

/**
 * A record under a contract (progress on a milestone, a price paid) is dated while the contract stood: not before it
 * was signed, nor on or after the day it was withdrawn, from which day on it counts in no figure. A record dated
 * before the withdrawal still is, as the contract stood then.
 */
function whileContractStoodViolations(field: string, date: IsoDate, contract: ContractStanding): RuleViolation[] {
  if (date < contract.signedOn) return [{ field, code: 'beforeSigning', params: { signedOn: contract.signedOn } }];
  if (contract.withdrawnOn !== null && date >= contract.withdrawnOn) return [{ field, code: 'contractWithdrawn', params: { withdrawnOn: contract.withdrawnOn } }];
  return [];
}

/**
 * A contract is withdrawn once, with its reason, from a day that has come and no earlier than its signing: from that
 * day on it no longer counts, so that withdrawn on its signing day it leaves every figure as if it had never been made.
 */
export function contractWithdrawalViolations(input: Partial<WithdrawalInput>, today: IsoDate, contract?: ContractStanding): RuleViolation[] {
  return withdrawalViolations(input, today, {
    againstRecord: (date) => (contract && date < contract.signedOn ? [{ field: 'withdrawnOn', code: 'beforeSigning', params: { signedOn: contract.signedOn } }] : []),
    withdrawnOn: contract?.withdrawnOn ?? null,
    alreadyWithdrawn: 'contractAlreadyWithdrawn',
  });
}

/**
 * A withdrawal's rules: once, with its reason, from a day that has come; on that day, those of the record withdrawn
 * (`againstRecord`), once its day is one that has come.
 */
function withdrawalViolations(
  input: Partial<WithdrawalInput>,
  today: IsoDate,
  record: { againstRecord: (date: IsoDate) => RuleViolation[]; withdrawnOn: IsoDate | null; alreadyWithdrawn: string },
): RuleViolation[] {
  return [
    ...whereGiven(input.withdrawnOn, (date) => {
      const dated = pastDateViolations('withdrawnOn', date, today);
      return dated.length === 0 ? record.againstRecord(date) : dated;
    }),
    ...whereGiven(input.reason, (reason) => textViolations('reason', reason, { required: true, maximum: MAX_TEXT_LENGTH })),
    ...(record.withdrawnOn ? [{ field: 'withdrawnOn', code: record.alreadyWithdrawn, params: { withdrawnOn: record.withdrawnOn } }] : []),
  ];
}

/**
 * A company as its withdrawal is judged against: the day it was withdrawn, if it was, its contracts with the day each
 * was withdrawn, if it was, and the titles of the co-production projects that name it as their partner.
 */
export interface CompanyStanding {
  withdrawnOn: IsoDate | null;
  contracts: readonly { reference: string; withdrawnOn: IsoDate | null }[];
  partnerIn: readonly string[];
}

/**
 * A company is withdrawn once, with its reason, from a day that has come, from which day on it is in no overview: only
 * when none of its contracts counts from that day (each withdrawn on or before it) and no co-production project names
 * it as its partner, each named in the refusal.
 */
export function companyWithdrawalViolations(input: Partial<WithdrawalInput>, today: IsoDate, company?: CompanyStanding): RuleViolation[] {
  const againstRecord = (date: IsoDate): RuleViolation[] => {
    const counting = (company?.contracts ?? []).filter((contract) => contract.withdrawnOn === null || contract.withdrawnOn > date);
    return [
      ...(counting.length > 0 ? [{ field: 'withdrawnOn', code: 'companyHasContracts', params: { references: counting.map((contract) => contract.reference).join(', ') } }] : []),
      ...(company && company.partnerIn.length > 0 ? [{ field: 'withdrawnOn', code: 'companyIsPartner', params: { projects: company.partnerIn.join(', ') } }] : []),
    ];
  };
  return withdrawalViolations(input, today, { againstRecord, withdrawnOn: company?.withdrawnOn ?? null, alreadyWithdrawn: 'companyAlreadyWithdrawn' });
}

/**
 * A contract's milestones are told apart by their titles, where progress is reported on one: a title that reads as
 * one before it in the contract (nameKey) is refused, naming that one.
 */
function repeatedMilestoneViolations(milestones: readonly { title: string }[], index: number): RuleViolation[] {
  const key = nameKey(milestones[index]!.title);
  const earlier = milestones.findIndex((milestone) => nameKey(milestone.title) === key);
  return earlier < index ? [{ field: `milestones.${index}.title`, code: 'milestoneTitleRepeated', params: { title: milestones[earlier]!.title } }] : [];
}

/**
 * A milestone's progress is a history of reports. A report is dated while its contract stood (not before it was
 * signed, nor from the day it was withdrawn) and not before the latest one, and progress may go back only with a
 * reason (a setback is recorded, never silently overwritten).
 */
export function progressViolations(latest: ProgressReport | null, report: Partial<ProgressReport>, today: IsoDate, contract: ContractStanding | undefined): RuleViolation[] {
  const { percent, reportedOn, reason = '' } = report;
  const violations: RuleViolation[] = [
    ...whereGiven(percent, (given) => [
      ...(Number.isInteger(given) ? [] : [{ field: 'percent', code: 'notWholeNumber' }]),
      ...(given >= 0 && given <= 100 ? [] : [{ field: 'percent', code: 'percentOutOfRange' }]),
    ]),
    ...whereGiven(reportedOn, (date) => {
      const stood = contract ? whileContractStoodViolations('reportedOn', date, contract) : [];
      return stood.length > 0 ? stood : pastDateViolations('reportedOn', date, today);
    }),
    ...textViolations('reason', reason, { required: false, maximum: MAX_TEXT_LENGTH }),
  ];
  if (latest && reportedOn !== undefined && reportedOn < latest.reportedOn) {
    violations.push({ field: 'reportedOn', code: 'beforeLatestReport', params: { latest: latest.reportedOn } });
  }
  if (latest && percent !== undefined && percent < latest.percent && !saysSomething(reason)) {
    violations.push({ field: 'reason', code: 'progressGoesBack', params: { latest: String(latest.percent) } });
  }
  return violations;
}

/** The report in force at a date: the latest one reported on or before it (reports come in the order they were made). */
export function progressAt<R extends ProgressReport>(reports: readonly R[], date: IsoDate): R | null {
  return reports.filter((report) => report.reportedOn <= date).at(-1) ?? null;
}

/** Where a milestone stands at a date: completed at 100 %, late when due before the date, otherwise started or not. */
export function milestoneStatus(dueOn: IsoDate, latest: ProgressReport | null, date: IsoDate): MilestoneStatus {
  const percent = latest?.percent ?? 0;
  if (percent === 100) return 'completed';
  if (dueOn < date) return 'late';
  return percent > 0 ? 'inProgress' : 'notStarted';
}

export function priceDevelopmentViolations(price: Partial<PriceDevelopmentInput>, today: IsoDate): RuleViolation[] {
  const { earlierOn, paidOn } = price;
  return [
    ...whereGiven(price.item, (item) => textViolations('item', item, { required: true, maximum: MAX_NAME_LENGTH, format: 'title' })),
    ...whereGiven(price.earlierPriceCents, (cents) => amountViolations('earlierPriceCents', cents, MAX_CONTRACT_CENTS)),
    ...whereGiven(price.paidPriceCents, (cents) => amountViolations('paidPriceCents', cents, MAX_CONTRACT_CENTS)),
    ...whereGiven(earlierOn, (date) => pastDateViolations('earlierOn', date, today)),
    ...whereGiven(paidOn, (date) => pastDateViolations('paidOn', date, today)),
    ...(paidOn !== undefined && earlierOn !== undefined && paidOn < earlierOn ? [{ field: 'paidOn', code: 'beforeEarlierPrice' }] : []),
    ...textViolations('note', price.note ?? '', { required: false, maximum: MAX_TEXT_LENGTH }),
  ];
}

/** A price development under a contract: paid while the contract stood (once signed, before it was withdrawn), and no more than the whole contract is worth. */
export function priceUnderContractViolations(price: Partial<Pick<PriceDevelopmentInput, 'paidOn' | 'paidPriceCents'>>, contract: ContractStanding & { amountCents: Cents }): RuleViolation[] {
  return [
    ...whereGiven(price.paidOn, (date) => whileContractStoodViolations('paidOn', date, contract)),
    ...(price.paidPriceCents !== undefined && price.paidPriceCents > contract.amountCents ? [{ field: 'paidPriceCents', code: 'aboveContractAmount', params: { amountCents: String(contract.amountCents) } }] : []),
  ];
}

/** The change of the price paid against the earlier price, in per mille (rounded half away from zero). */
export function priceChangePerMille(earlierCents: Cents, paidCents: Cents): number {
  const change = ((paidCents - earlierCents) * 1000) / earlierCents;
  return Math.sign(change) * Math.round(Math.abs(change));
}

export function lessonViolations(lesson: Partial<LessonInput>, today: IsoDate): RuleViolation[] {
  return [
    ...whereGiven(lesson.notedOn, (date) => pastDateViolations('notedOn', date, today)),
    ...whereGiven(lesson.text, (text) => textViolations('text', text, { required: true, maximum: MAX_TEXT_LENGTH })),
  ];
}

export function stageViolations(stage: Partial<StageInput>, today: IsoDate): RuleViolation[] {
  return [...whereGiven(stage.reachedOn, (date) => pastDateViolations('reachedOn', date, today)), ...textViolations('note', stage.note ?? '', { required: false, maximum: MAX_TEXT_LENGTH })];
}

/**
 * The next stage of a co-production project: dated on or after the stage before it, and back to an earlier
 * stage (production halted, an agreement undone) only with the reason in its note, as progress goes back.
 */
export function nextStageViolations(latest: StageInput | undefined, stage: Partial<StageInput>, today: IsoDate): RuleViolation[] {
  const violations = stageViolations(stage, today);
  if (!latest) return violations;
  if (stage.reachedOn !== undefined && stage.reachedOn < latest.reachedOn) violations.push({ field: 'reachedOn', code: 'beforeLatestReport', params: { latest: latest.reachedOn } });
  if (stage.stage !== undefined) violations.push(...backWithoutReasonViolations(COPRODUCTION_STAGES, latest.stage, stage.stage, { field: 'note', text: stage.note ?? '', code: 'coproductionStageGoesBack' }));
  return violations;
}

/** A co-production project's own fields, which a correction sets: its stages have their own history. */
export type CoproductionProjectInput = Pick<CoproductionInput, 'title' | 'partner'>;

/** A project's own rules: a title and a partner, each one line. */
export function coproductionProjectViolations(project: Partial<CoproductionProjectInput>): RuleViolation[] {
  return [
    ...whereGiven(project.title, (title) => textViolations('title', title, { required: true, maximum: MAX_NAME_LENGTH, format: 'title' })),
    ...whereGiven(project.partner, (partner) => textViolations('partner', partner, { required: true, maximum: MAX_NAME_LENGTH, format: 'title' })),
  ];
}

/** A project recorded at its first stage. */
export function coproductionViolations(project: Partial<CoproductionInput>, today: IsoDate): RuleViolation[] {
  return [...coproductionProjectViolations(project), ...stageViolations(project, today)];
}

/** Bundling needs only what both forces need: each quantity at least one. */
export function demandBundleViolations(bundle: Partial<DemandBundleInput>, today: IsoDate): RuleViolation[] {
  return [
    ...whereGiven(bundle.need, (need) => textViolations('need', need, { required: true, maximum: MAX_NAME_LENGTH, format: 'title' })),
    ...countViolations('dutchQuantity', bundle.dutchQuantity ?? null, { minimum: 1 }),
    ...countViolations('ukrainianQuantity', bundle.ukrainianQuantity ?? null, { minimum: 1 }),
    ...whereGiven(bundle.identifiedOn, (date) => pastDateViolations('identifiedOn', date, today)),
    ...textViolations('note', bundle.note ?? '', { required: false, maximum: MAX_TEXT_LENGTH }),
  ];
}

/**
 * Each state needs its own fields and refuses the other's: a public decision a name the public can read, a
 * confidential one its ground and, if any, a review date after today. A rule is judged only on the fields it reads
 * that are there (whereGiven), so that the API names them beside the fields its schema refuses.
 */
export function companyDecisionViolations(decision: Partial<CompanyDecisionInput>, today: IsoDate): RuleViolation[] {
  const { state, publicName, ground, reviewOn, note } = decision;
  const given = (value: unknown) => value !== undefined && value !== null;
  const ofState =
    state === 'public'
      ? [
          ...textViolations('publicName', publicName ?? '', { required: true, maximum: MAX_NAME_LENGTH, format: 'title' }),
          ...(given(ground) ? [{ field: 'ground', code: 'onlyWhenConfidential' }] : []),
          ...(given(reviewOn) ? [{ field: 'reviewOn', code: 'onlyWhenConfidential' }] : []),
        ]
      : state === 'confidential'
        ? [
            ...(ground === undefined ? [{ field: 'ground', code: 'required' }] : []),
            ...(publicName === undefined ? [] : [{ field: 'publicName', code: 'onlyWhenPublic' }]),
            ...(reviewOn ? reviewDateViolations('reviewOn', reviewOn, today) : []),
          ]
        : [];
  return [...ofState, ...whereGiven(note, (text) => textViolations('note', text, { required: false, maximum: MAX_TEXT_LENGTH }))];
}

/**
 * What the letter's Industrie section may say, counted at its reference date. The contracts, their value, companies
 * and milestones are those of companies decided public or confidential: nothing undecided reaches a public surface,
 * not even inside a count.
 */
export interface IndustryFacts {
  /** Government-to-business contracts signed on or before the date. */
  contracts: number;
  contractValueCents: Cents;
  /** Companies with such a contract, and of them the Ukrainian ones. */
  companies: number;
  ukrainianCompanies: number;
  /** Milestones of those contracts reported complete on or before the date. */
  milestonesCompleted: number;
  /** Co-production projects that had reached a stage by the date. */
  coproductionProjects: number;
  /** Shared needs identified on or before the date. */
  demandBundles: number;
}

/** The facts of the Industrie section that companies' contracts make: of several companies, the sum of each one's. */
export type CompanyFacts = Pick<IndustryFacts, 'contracts' | 'contractValueCents' | 'companies' | 'ukrainianCompanies' | 'milestonesCompleted'>;

/** Those facts by the name the letter's text gives each (`{{industry.contractValue}}`), in the order the section tells them. */
export const COMPANY_FIGURES = {
  contracts: 'contracts',
  contractValue: 'contractValueCents',
  companies: 'companies',
  ukrainianCompanies: 'ukrainianCompanies',
  milestonesCompleted: 'milestonesCompleted',
} as const satisfies Record<string, keyof CompanyFacts>;
export type CompanyFigure = keyof typeof COMPANY_FIGURES;
