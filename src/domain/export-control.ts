import { countryViolations, pastDateViolations, textViolations, whereGiven } from './plausibility.ts';
import type { IsoDate } from '../../common/dates.ts';
import type { TextFormat } from '../../common/text.ts';
import {
  EXPORT_CRITERIA,
  MILITARY_LIST_CATEGORIES,
  type AssessmentOutcome,
  type CriterionFinding,
  type ExportCriterion,
  type GateState,
  type MilitaryListCategory,
  type UnRegisterCategory,
  type WithheldGround,
} from '../../common/vocabulary/codes.ts';
import { requiresLicenceByRule, shipmentDateFields } from '../../common/delivery-rules.ts';
import type { Category, DeliveryFields, RuleViolation } from './delivery.ts';
import type { Warning } from './warnings.ts';

/** The codes of export control are shared with the browser, so they are kept in common/vocabulary. */
export {
  ASSESSMENT_OUTCOMES,
  CRITERION_FINDINGS,
  EXPORT_CRITERIA,
  EXPORT_REPORTS,
  GATE_STATES,
  MILITARY_LIST_CATEGORIES,
  UN_REGISTER_CATEGORIES,
  WITHHELD_GROUNDS,
  type AssessmentOutcome,
  type GateState,
} from '../../common/vocabulary/codes.ts';

/** No assessment or licence of this register is older than the support it is about (2014). */
const MAX_TEXT = 4000;
/** The longest reason for overriding the licence rule, or note on granting inspection. */
export const MAX_NOTE = 2000;
/** A licence for more than five years is not one this register expects (a typing error, e.g. 2205). */
const MAX_VALIDITY_YEARS = 5;
/** The state that issues the licences of this register: goods are exported from it, never to it. */
const EXPORTING_STATE = 'NL';
/**
 * The states the support is given against: Russia, and Belarus, from whose territory it wages the war. The EU's
 * arms embargoes on both (Council Decisions 2014/512/CFSP and 2012/642/CFSP) forbid any export of arms there,
 * so a licence naming either as the importing state is a typing error or worse.
 */
const EMBARGOED_STATES: ReadonlySet<string> = new Set(['RU', 'BY']);

interface CriterionAssessment {
  criterion: ExportCriterion;
  finding: CriterionFinding;
  reasoning: string;
}

export interface AssessmentInput {
  criteria: CriterionAssessment[];
  endUser: string;
  endUseStatement: string;
  outcome: AssessmentOutcome;
  conditions: string;
  expedited: boolean;
  assessedOn: IsoDate;
}

export interface LicenceInput {
  assessmentId: string;
  number: string;
  issuedOn: IsoDate;
  validUntil: IsoDate;
  conditions: string;
  militaryListCategory: MilitaryListCategory;
  unRegisterCategory: UnRegisterCategory | null;
  quantityAuthorised: number | null;
  valueAuthorisedCents: number;
  /** ISO 3166-1 alpha-2. */
  importingState: string;
  withheldGround: WithheldGround | null;
}

/** An override of the licence rule for one delivery: whether it needs a licence, why, and from which date that holds. */
export interface RequirementInput {
  required: boolean;
  reason: string;
  effectiveOn: IsoDate;
}

/**
 * An override has its reason, and holds from a date that has come (it is decided, not planned) and is no earlier than
 * the register's support; an earlier date than today restates what held then. A rule is judged only on the fields given.
 */
export function requirementViolations(input: Partial<RequirementInput>, today: IsoDate): RuleViolation[] {
  return [
    ...whereGiven(input.reason, (reason) => textViolations('reason', reason, { maximum: MAX_NOTE, required: true })),
    ...whereGiven(input.effectiveOn, (date) => pastDateViolations('effectiveOn', date, today)),
  ];
}

/** The override that held on a date: of the overrides (latest effective first, then latest decided), the first effective on or before it. */
export function requirementOn<Requirement extends Pick<RequirementInput, 'effectiveOn'>>(requirements: readonly Requirement[], date: IsoDate): Requirement | undefined {
  return requirements.find((requirement) => requirement.effectiveOn <= date);
}

/**
 * The day a delivery's goods left: the first of its dates that ship goods (the hand-over of stock, else its delivery),
 * null while they have not. What the gate let them leave under is judged on that day.
 */
export function departureOf(delivery: Pick<DeliveryFields, 'supportType' | 'realisedAt' | 'deliveredAt'>): IsoDate | null {
  return shipmentDateFields(delivery.supportType).map((field) => delivery[field]).find((date) => date !== null) ?? null;
}

/**
 * The assessment a delivery is licensed on, judged on a date: the latest made on or before it (of the assessments,
 * latest first), else the latest. Judged on the day its goods left, an assessment made after that is a reassessment
 * for the record: it neither withdraws the licence they left under nor waits for one of its own.
 */
export function assessmentStandingOn<Assessment extends { assessedOn: IsoDate }>(assessments: readonly Assessment[], date: IsoDate): Assessment | undefined {
  return assessments.find((assessment) => assessment.assessedOn <= date) ?? assessments[0];
}

/** What the gate needs of a licence: its number, the goods it is for, its validity, the quantity it covers and whether its assessment still stands. */
export interface GateLicence extends LicensedGoods {
  number: string;
  issuedOn: IsoDate;
  validUntil: IsoDate;
  quantityAuthorised: number | null;
  /** The licence was issued on the assessment the delivery is licensed on (assessmentStandingOn; a later, negative one withdraws it). */
  onStandingAssessment: boolean;
}

/** A text of an assessment or licence: the register's rule for typed text, at most MAX_TEXT characters. */
function textOf(field: string, value: string, { required, format }: { required: boolean; format?: TextFormat }): RuleViolation[] {
  return textViolations(field, value, { maximum: MAX_TEXT, required, format });
}


/**
 * An assessment finds on each of the eight criteria, once, with its reasoning; its outcome follows from
 * the findings (an objection on any criterion makes it negative, a negative one names its objection),
 * and conditions go with, and only with, a positive outcome with conditions. A field may be missing when a
 * request's value for it is none of its kind (refused as such): a rule is then judged only on the fields it
 * reads that are there.
 */
export function assessmentViolations(input: Partial<AssessmentInput>, today: IsoDate): RuleViolation[] {
  const { criteria, outcome, conditions } = input;
  const violations: RuleViolation[] = criteria === undefined ? [] : criteriaViolations(criteria);
  violations.push(
    ...(input.endUser === undefined ? [] : textOf('endUser', input.endUser, { required: true, format: 'title' })),
    ...(input.endUseStatement === undefined ? [] : textOf('endUseStatement', input.endUseStatement, { required: true })),
    ...(conditions === undefined ? [] : textOf('conditions', conditions, { required: outcome === 'positiveWithConditions' })),
    ...(input.assessedOn === undefined ? [] : pastDateViolations('assessedOn', input.assessedOn, today)),
  );
  if (outcome === undefined) return violations;
  if (conditions !== undefined && outcome !== 'positiveWithConditions' && conditions.trim() !== '') violations.push({ field: 'conditions', code: 'onlyWithConditions' });
  if (criteria === undefined) return violations;
  const objections = criteria.filter((entry) => entry.finding === 'objection').length;
  if (outcome === 'negative' && objections === 0) violations.push({ field: 'outcome', code: 'negativeWithoutObjection' });
  if (outcome !== 'negative' && objections > 0) violations.push({ field: 'outcome', code: 'objectionNotNegative' });
  return violations;
}

/** Each of the eight criteria is found on once, with its reasoning. */
function criteriaViolations(criteria: readonly CriterionAssessment[]): RuleViolation[] {
  return EXPORT_CRITERIA.flatMap((criterion) => {
    const found = criteria.filter((entry) => entry.criterion === criterion);
    return [
      ...(found.length === 0 ? [{ field: `criteria.${criterion}`, code: 'criterionMissing', params: { criterion: String(criterion) } }] : []),
      ...(found.length > 1 ? [{ field: `criteria.${criterion}`, code: 'criterionTwice', params: { criterion: String(criterion) } }] : []),
      ...found.slice(0, 1).flatMap((entry) => textOf(`criteria.${criterion}.reasoning`, entry.reasoning, { required: true })),
    ];
  });
}

/**
 * A licence is issued on a positive assessment, after it (licenceFieldViolations gives its own rules, which need no assessment);
 * its date judged when given.
 */
export function licenceAssessmentViolations(input: Partial<Pick<LicenceInput, 'issuedOn'>>, assessment: { outcome: AssessmentOutcome; assessedOn: IsoDate }): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (assessment.outcome === 'negative') violations.push({ field: 'assessmentId', code: 'assessmentNegative' });
  if (input.issuedOn !== undefined && input.issuedOn < assessment.assessedOn) violations.push({ field: 'issuedOn', code: 'licenceBeforeAssessment', params: { assessedOn: assessment.assessedOn } });
  return violations;
}

/**
 * A licence's own rules, without its assessment: it is issued for a plausible period, a value and (where limited)
 * a number of items, for export to another state than the exporting one, and not to a state under the EU's arms
 * embargo that the support is given against. A rule is judged only on the fields it reads that are there.
 */
export function licenceFieldViolations(input: Partial<LicenceInput>, today: IsoDate): RuleViolation[] {
  const { issuedOn, validUntil, importingState, valueAuthorisedCents, quantityAuthorised } = input;
  const violations: RuleViolation[] = [
    ...whereGiven(input.number, (number) => textOf('number', number, { required: true, format: 'reference' })),
    ...whereGiven(input.conditions, (conditions) => textOf('conditions', conditions, { required: false })),
    ...whereGiven(issuedOn, (date) => pastDateViolations('issuedOn', date, today)),
  ];
  if (issuedOn !== undefined && validUntil !== undefined) {
    if (validUntil < issuedOn) violations.push({ field: 'validUntil', code: 'beforeIssued' });
    if (validUntil > addYears(issuedOn, MAX_VALIDITY_YEARS)) violations.push({ field: 'validUntil', code: 'validityTooLong', params: { maximum: String(MAX_VALIDITY_YEARS) } });
  }
  if (importingState !== undefined) {
    violations.push(...countryViolations('importingState', importingState));
    if (importingState === EXPORTING_STATE) violations.push({ field: 'importingState', code: 'importingStateIsExporter' });
    if (EMBARGOED_STATES.has(importingState)) violations.push({ field: 'importingState', code: 'importingStateUnderEmbargo' });
  }
  if (valueAuthorisedCents !== undefined && valueAuthorisedCents <= 0) violations.push({ field: 'valueAuthorisedCents', code: 'amountNotPositive' });
  if (quantityAuthorised !== undefined && quantityAuthorised !== null && quantityAuthorised <= 0) violations.push({ field: 'quantityAuthorised', code: 'tooSmall', params: { minimum: '1' } });
  return violations;
}

/** The categories of goods a licence is issued for. */
type LicensedGoods = Pick<LicenceInput, 'militaryListCategory' | 'unRegisterCategory'>;

/**
 * The categories of the Common Military List that say what a weapon, platform or munition is: small arms
 * (ML1), guns (ML2), ammunition (ML3) and its energetic materials (ML8), missiles, rockets and bombs (ML4),
 * ground vehicles (ML6), vessels (ML9), aircraft and drones (ML10). A licence under one of them is for goods
 * of the delivery categories that hold such goods (below). The other categories are of equipment that goes
 * with goods of any kind (fire control ML5, protection ML7 and ML13, electronics ML11, imaging ML15, training
 * ML14, parts and materials ML16-ML20, software and technology ML21-ML22): refusing those by the delivery's
 * coarse category would refuse real licences, so any goods fit them.
 */
const PLATFORM_CATEGORIES: readonly MilitaryListCategory[] = ['ML1', 'ML2', 'ML3', 'ML4', 'ML6', 'ML8', 'ML9', 'ML10'];

/** The platform categories the goods of each delivery category fall under; "other" says nothing of its goods, so any fits it. */
const PLATFORMS_OF_GOODS: Record<Exclude<Category, 'other'>, readonly MilitaryListCategory[]> = {
  battleTanks: ['ML6'],
  armouredCombatVehicles: ['ML6'],
  largeCalibreArtillery: ['ML2', 'ML6'],
  combatAircraft: ['ML10'],
  attackHelicopters: ['ML10'],
  warships: ['ML9'],
  missilesAndLaunchers: ['ML2', 'ML4', 'ML6'],
  smallArms: ['ML1', 'ML2', 'ML4'],
  ammunition: ['ML3', 'ML4', 'ML8'],
  drones: ['ML4', 'ML6', 'ML9', 'ML10'],
  airDefence: ['ML2', 'ML3', 'ML4', 'ML6'],
  vehicles: ['ML6'],
  nonLethal: ['ML6'],
};

/**
 * The categories of equipment that are themselves the goods of a delivery category, beside its platforms: the
 * radars and fire control of air defence, the electronic warfare of and against drones, and the protective,
 * electronic, imaging and training equipment that non-lethal aid is.
 */
const EQUIPMENT_AS_GOODS: Partial<Record<Category, readonly MilitaryListCategory[]>> = {
  airDefence: ['ML5', 'ML11'],
  drones: ['ML5', 'ML11'],
  nonLethal: MILITARY_LIST_CATEGORIES.filter((candidate) => !PLATFORM_CATEGORIES.includes(candidate)),
};

/**
 * The Military List categories under which a licence covers a delivery's goods themselves at the shipment gate:
 * what they are (their platforms, or the equipment they are), not equipment that only goes with them (a licence
 * for a tank's fire control does not let the tank leave). Null for "other", which says nothing of its goods.
 */
export function categoriesCoveringGoods(category: Category): readonly MilitaryListCategory[] | null {
  return category === 'other' ? null : [...PLATFORMS_OF_GOODS[category], ...(EQUIPMENT_AS_GOODS[category] ?? [])];
}

/** Whether a licence may let the goods of a delivery category leave: issued for them, under a category covering the goods themselves. */
export function licenceCoversGoods(category: Category, licence: LicensedGoods): boolean {
  const covering = categoriesCoveringGoods(category);
  return licenceGoodsViolations(category, licence).length === 0 && (covering === null || covering.includes(licence.militaryListCategory));
}

/** The delivery categories that are the UN Register's own (I-VII, small arms and light weapons), as its categories. */
const UN_REGISTER_OF_GOODS: Partial<Record<Category, UnRegisterCategory>> = {
  battleTanks: 'I',
  armouredCombatVehicles: 'II',
  largeCalibreArtillery: 'III',
  combatAircraft: 'IV',
  attackHelicopters: 'V',
  warships: 'VI',
  missilesAndLaunchers: 'VII',
  smallArms: 'salw',
};

/** The UN Register category of a delivery category that is one of the Register's own; undefined for the others. */
export function unRegisterCategoryOfGoods(category: Category): UnRegisterCategory | undefined {
  return UN_REGISTER_OF_GOODS[category];
}

/**
 * A licence is for the goods of the delivery: a Military List category of weapons or platforms that the
 * delivery's category holds, or one of equipment, and its UN Register category, if it names one, the
 * delivery's own where that category is one of the UN Register's. Each mismatch at its field, naming what fits;
 * each judged on the field given.
 */
export function licenceGoodsViolations(category: Category, licence: Partial<LicensedGoods>): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const chosen = licence.militaryListCategory;
  if (category !== 'other' && chosen !== undefined) {
    const fitting = PLATFORMS_OF_GOODS[category];
    if (PLATFORM_CATEGORIES.includes(chosen) && !fitting.includes(chosen)) {
      violations.push({ field: 'militaryListCategory', code: 'militaryListNotOfGoods', params: { category, chosen, fitting: fitting.join(',') } });
    }
  }
  const unRegister = unRegisterCategoryOfGoods(category);
  const named = licence.unRegisterCategory ?? null;
  if (unRegister !== undefined && named !== null && named !== unRegister) {
    violations.push({ field: 'unRegisterCategory', code: 'unRegisterNotOfGoods', params: { category, fitting: unRegister } });
  }
  return violations;
}

function addYears(date: IsoDate, years: number): IsoDate {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/**
 * The shipment gate: goods that need a licence leave (are handed over, or delivered) on a date only
 * under a licence for those goods themselves (licenceCoversGoods), valid on that date, on the assessment the delivery
 * is licensed on (assessmentStandingOn), covering its quantity. Returns the licence that covers it, or why none does, naming the
 * licence that comes closest.
 */
export function shipmentViolation(
  field: string,
  date: IsoDate,
  goods: { category: Category; quantity: number | null },
  licences: readonly GateLicence[],
): { covered: GateLicence } | { violation: RuleViolation } {
  const { category, quantity } = goods;
  const forGoods = (licence: GateLicence) => licenceCoversGoods(category, licence);
  const covers = (licence: GateLicence) =>
    licence.onStandingAssessment && forGoods(licence) && licence.issuedOn <= date && date <= licence.validUntil && (quantity === null || licence.quantityAuthorised === null || quantity <= licence.quantityAuthorised);
  const covered = licences.find(covers);
  if (covered) return { covered };
  const standing = licences.filter((licence) => licence.onStandingAssessment);
  const closestOf = (candidates: readonly GateLicence[]) => [...candidates].sort((a, b) => (a.validUntil < b.validUntil ? 1 : -1))[0];
  const closest = closestOf(standing.filter(forGoods));
  if (!closest) {
    const otherGoods = closestOf(standing);
    if (otherGoods) return { violation: { field, code: 'licenceForOtherGoods', params: { licence: otherGoods.number, date, category, militaryListCategory: otherGoods.militaryListCategory } } };
    return { violation: { field, code: licences.length > 0 ? 'licenceWithdrawn' : 'licenceMissing', params: { date } } };
  }
  const params = { licence: closest.number, date, issuedOn: closest.issuedOn, validUntil: closest.validUntil };
  if (date > closest.validUntil) return { violation: { field, code: 'licenceExpired', params } };
  if (date < closest.issuedOn) return { violation: { field, code: 'licenceNotYetValid', params } };
  return {
    violation: {
      field: 'quantity',
      code: 'quantityAboveLicence',
      params: { ...params, quantity: String(quantity), authorised: String(closest.quantityAuthorised) },
    },
  };
}

type RegisteredShipment = Pick<DeliveryFields, 'category' | 'supportType' | 'realisedAt' | 'deliveredAt'>;

/**
 * The dates a delivery is registered with that ship goods needing a licence by the rule (the hand-over of stock,
 * the delivery): no licence of the register can cover them, since a licence is issued for a registered delivery.
 */
export function shipmentsBeforeRegistration(delivery: RegisteredShipment): { field: 'realisedAt' | 'deliveredAt'; date: IsoDate }[] {
  if (!requiresLicenceByRule(delivery.category, delivery.supportType)) return [];
  return shipmentDateFields(delivery.supportType).flatMap((field) => {
    const date = delivery[field];
    return date === null ? [] : [{ field, date }];
  });
}

/**
 * The warnings of a delivery an import registers as shipped, at each such date: the register has no licence for it.
 * Confirmed, the row is history from before the register was used (goods shipped under the licences of that time,
 * which an import cannot bring in: a licence is issued on an assessment made in the register).
 */
export function importedShipmentWarnings(delivery: RegisteredShipment): Warning[] {
  return shipmentsBeforeRegistration(delivery).map(({ field, date }) => ({ field, code: 'shippedWithoutLicence', params: { date } }));
}

/** The refusals of the gate that say what export control holds: whether there is a licence, its number, goods, dates and quantity, or an earlier assessment. */
const GATE_CODES = new Set(['licenceMissing', 'licenceWithdrawn', 'licenceForOtherGoods', 'licenceExpired', 'licenceNotYetValid', 'quantityAboveLicence']);

/**
 * A refusal at the gate as it is told to who may not read export control: that no licence covers the delivery
 * on the date, at the field to change, and nothing of the licences and assessments behind it.
 */
export function withoutExportControlDetails(violation: RuleViolation): RuleViolation {
  return GATE_CODES.has(violation.code) ? { field: violation.field, code: 'noLicenceCovers', params: { date: violation.params!.date! } } : violation;
}

/** Where a delivery stands at the gate, for its queue and its page, judged on the day its goods left, else today. */
export function gateState(
  required: boolean,
  standingAssessment: { outcome: AssessmentOutcome } | null,
  /** The licences on the standing assessment (assessmentStandingOn) that cover the goods themselves (licenceCoversGoods). */
  licencesOnStanding: number,
): GateState {
  if (!required) return 'notRequired';
  if (!standingAssessment) return 'awaitingAssessment';
  if (standingAssessment.outcome === 'negative') return 'assessmentNegative';
  return licencesOnStanding > 0 ? 'licensed' : 'awaitingLicence';
}
