import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditObject } from '../audit/event.ts';
import { requestDay, actorName, recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { rolesByUsername } from '../db/repositories/accounts.ts';
import * as deliveries from '../db/repositories/deliveries.ts';
import * as money from '../db/repositories/money.ts';
import * as repository from '../db/repositories/readiness.ts';
import type { KeysetPage, PageStart } from '../db/keyset.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { followsBeginningViolations, type RuleViolation, type Valuation } from '../domain/delivery.ts';
import { changesNothing } from '../domain/same-record.ts';
import {
  judgementAt,
  judgementViolations,
  LARGEST_STOCK_DELIVERIES,
  laterStateViolations,
  nonReplacementViolations,
  projectStatesAt,
  projectViolations,
  replacementViolations,
  sameDecisionViolations,
  stageChangeViolations,
  type Judgement,
  type JudgementInput,
  type NonReplacementInput,
  type ProjectInput,
  type ProjectState,
  type ReadinessEffect,
} from '../domain/readiness.ts';
import type { ReadinessAnnexRow } from '../letters/annex-domain-sections.ts';
import { revalue } from './deliveries.ts';
import { realisedStockWarningsOf, sentLetterPeriodWarningsOf } from './confirmed-warnings.ts';
import { recordNew } from './new-record.ts';
import { assertConfirmed, assertValid, assertVersionMatches, NotFoundError, VersionConflictError, type ExpectedVersion } from './errors.ts';
import { whereGiven } from '../domain/plausibility.ts';
import type { StoredDelivery } from '../db/repositories/deliveries.ts';
import type { IsoDate } from '../../common/dates.ts';
import type { WarningCode } from '../domain/warnings.ts';

type Db = Kysely<Database>;

const deliveryObject = (id: string): AuditObject => ({ type: 'delivery', id });
const projectObject = (id: string): AuditObject => ({ type: 'replenishmentProject', id });

/** A page of the stock deliveries the filter finds, by title, each with its judgement and replacement at the filter's date; with how many there are (capped). */
export async function listStockDeliveryReadiness(
  db: Db,
  query: { filter: repository.StockDeliveryFilter; start: PageStart; pageSize: number },
): Promise<KeysetPage<repository.StockDeliveryReadiness> & { total: number; totalIsCapped: boolean }> {
  const [page, found] = await Promise.all([
    repository.stockDeliveryReadiness(db, { filter: query.filter, start: query.start, limit: query.pageSize }),
    repository.countStockDeliveries(db, query.filter),
  ]);
  return { ...page, total: found.count, totalIsCapped: found.capped };
}

/**
 * One stock delivery with the history of its effect on readiness, the projects that replace it and the decisions
 * not to; its version is that of its judgements and decisions not to replace together (how many there are).
 */
export async function deliveryReadiness(db: Db, deliveryId: string) {
  const [delivery, judgements, replacements, nonReplacements] = await Promise.all([
    repository.findStockDelivery(db, deliveryId),
    repository.listJudgements(db, deliveryId),
    repository.replacementsOfDelivery(db, deliveryId),
    repository.listNonReplacements(db, deliveryId),
  ]);
  if (!delivery) throw new NotFoundError('delivery', deliveryId);
  return { ...delivery, judgements, replacements, nonReplacements, version: judgements.length + nonReplacements.length };
}

/** A stock delivery's judgements and decisions not to replace, and the version of them together: how many there are. */
async function readinessHistory(db: Db, deliveryId: string) {
  const [judgements, nonReplacements] = await Promise.all([repository.listJudgements(db, deliveryId), repository.listNonReplacements(db, deliveryId)]);
  return { judgements, nonReplacements, version: judgements.length + nonReplacements.length };
}

/**
 * The states of the replenishment projects that held at the date and the decisions not to replace taken by then:
 * what the letter's confidential annex and the readiness page both take of them.
 */
async function replenishmentAt(db: Db, date: IsoDate) {
  const [states, nonReplacements] = await Promise.all([repository.listProjectStates(db), repository.nonReplacementsAt(db, date)]);
  return { states: projectStatesAt(states, date), nonReplacements };
}

/**
 * The replenishment projects and the decisions not to replace, newest first, as they stood at the date: what the
 * readiness page shows beside its list. A project is as its state held then, with its history up to then; one with
 * no state by then is left out. Its budget, expected date and note have no history: at `today` they are as recorded,
 * at another date they are left out, as what they were then is not known. Its version stays that of its current
 * state, to send with its next change.
 */
export async function replenishmentOverview(db: Db, date: IsoDate, today: IsoDate) {
  const [projects, { states, nonReplacements }] = await Promise.all([repository.listProjects(db), replenishmentAt(db, date)]);
  const held = new Map(states.map((state) => [state.projectId, state]));
  return {
    date,
    projects: projects.flatMap(({ budgetCents, expectedOn, note, ...project }) => {
      const state = held.get(project.id);
      if (!state) return [];
      return {
        ...project,
        ...(date === today && { budgetCents, expectedOn, note }),
        name: state.name,
        stage: state.stage,
        asOf: state.asOf,
        replaces: state.replaces,
        history: project.history.filter((entry) => entry.asOf <= date),
      };
    }),
    nonReplacements: nonReplacements.toReversed(),
  };
}

/**
 * What the dashboard shows of replenishment at a date, as the readiness list has it then: the totals of the stock
 * deliveries listed then at their value then and what projects replaced of them then, and the largest deliveries.
 */
export async function replenishmentSummary(db: Db, date: IsoDate) {
  return { date, ...(await repository.replenishmentOfStockAt(db, date, LARGEST_STOCK_DELIVERIES)) };
}

/**
 * Judges a stock delivery's effect on readiness, no earlier than its beginning (its pledge, else its commitment); earlier judgements stay as the history.
 * With an expected version (If-Match), only when no judgement or decision not to replace was added since. Answers
 * with the version of the delivery's readiness after it. Judged on or before the reference date of the latest letter
 * sent to parliament, of a delivery realised by then, and holding at that date (judgementAt), it changes the judgement that
 * letter printed (its annex's readiness section and overall judgement): it is recorded only when `confirmed` names that
 * warning, which its audit event keeps. One that a later judgement by then supersedes changes nothing the letter printed.
 */
export async function judge(
  db: Db,
  context: RequestContext,
  deliveryId: string,
  input: JudgementInput,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<Judgement & { version: number }> {
  return inTransaction(db, async (trx) => {
    const delivery = await existingDelivery(trx, deliveryId, { forUpdate: true });
    assertValid([...judgementViolations(input, requestDay(context)), ...judgementOfDeliveryViolations(delivery, input)]);
    const { judgements, version } = await readinessHistory(trx, deliveryId);
    assertVersionMatches(expectedVersion, version);
    const judged: Judgement = { ...input, id: randomUUID(), deliveryId, judgedByName: actorName(context), recordedAt: context.now().toISOString() };
    // The letter shows the judgement that held at its reference date: one a later judgement by then supersedes it never showed.
    const heldAt = (referenceDate: IsoDate) => judgementAt([...judgements, judged], referenceDate) === judged;
    const confirmedWarnings = assertConfirmed(await realisedStockWarningsOf(trx, 'judgedOn', input.judgedOn, delivery.realisedAt, heldAt), confirmed);
    const judgement = await repository.insertJudgement(trx, judged);
    await recordAuditEvent(trx, context, { action: 'readiness.judge', object: deliveryObject(deliveryId), result: 'success', after: judgement, confirmedWarnings });
    return { ...judgement, version: version + 1 };
  });
}

/** What a judgement must meet of its delivery, on the fields given: one of stock, judged no earlier than its beginning. */
function judgementOfDeliveryViolations(delivery: StoredDelivery, input: Partial<JudgementInput>): RuleViolation[] {
  if (delivery.supportType !== 'stock') return [NOT_STOCK];
  return whereGiven(input.judgedOn, (date) => followsBeginningViolations(delivery, 'judgedOn', 'judgement', date));
}

/** The rules of a judgement that read its delivery, on the fields given; a delivery that does not exist has none. */
export async function judgementRegisterViolations(db: Db, deliveryId: string, input: Partial<JudgementInput>): Promise<RuleViolation[]> {
  const delivery = await deliveries.findDelivery(db, deliveryId);
  return delivery ? judgementOfDeliveryViolations(delivery, input) : [];
}

export async function getProject(db: Db, id: string): Promise<repository.StoredProject> {
  return existingProject(db, id);
}

/** A project as given, with the deliveries it replaces named by their ids as the register writes them (in lower case): an id in capitals names the same delivery. */
function withRegisterIds<T extends Partial<ProjectInput>>(input: T): T {
  return input.replaces ? { ...input, replaces: input.replaces.map((replacement) => ({ ...replacement, deliveryId: replacement.deliveryId.toLowerCase() })) } : input;
}

/**
 * A project with the state it holds from `asOf`. Dated on or before the reference date of the latest letter sent to
 * parliament, replacing a delivery realised by then, it changes the replacement that letter's annex printed: it is
 * recorded only when `confirmed` names that warning, which its audit event keeps.
 */
export async function createProject(db: Db, context: RequestContext, given: ProjectInput, confirmed: readonly WarningCode[] = []): Promise<repository.StoredProject> {
  const input = withRegisterIds(given);
  const { replaces, asOf, reason, ...fields } = input;
  return recordNew(db, context, {
    action: 'readiness.createProject',
    objectType: 'replenishmentProject',
    violations: async (trx) => [...projectViolations(input, requestDay(context)), ...(await projectRegisterViolations(trx, input, null))],
    warnings: (trx) => projectStateWarnings(trx, asOf, replaces),
    confirmed,
    insert: (trx) => repository.insertProject(trx, randomUUID(), { ...fields, isDemonstration: false }, replaces, { asOf, reason, recordedAt: context.now().toISOString() }),
  });
}

/**
 * The warning of a project's state from `asOf` in the period of the latest letter sent to parliament: the annex's
 * readiness section shows the projects that replace each delivery realised by its reference date, so a state that
 * replaces one of them, or no longer does, changes it.
 */
async function projectStateWarnings(db: Db, asOf: IsoDate, replaced: readonly { deliveryId: string }[]) {
  return realisedStockWarningsOf(db, 'asOf', asOf, await repository.earliestRealisationOf(db, replaced.map((replacement) => replacement.deliveryId)));
}

/**
 * A change of a project against its version; a new state (its name, stage or what it replaces, from `asOf`) in the
 * period of the latest letter sent to parliament is recorded only when `confirmed` names that warning (createProject).
 */
export async function updateProject(
  db: Db,
  context: RequestContext,
  id: string,
  expectedVersion: ExpectedVersion,
  given: ProjectInput,
  confirmed: readonly WarningCode[] = [],
): Promise<repository.StoredProject> {
  const input = withRegisterIds(given);
  return inTransaction(db, async (trx) => {
    const current = await existingProject(trx, id, { forUpdate: true });
    assertVersionMatches(expectedVersion, current.version);
    const { replaces, asOf, reason, ...fields } = input;
    // The same state from the same day, with no reason to keep, would only repeat the latest one in its history: a
    // change of what has no history (budget, expected date, note) records none, and a change of nothing writes nothing.
    const inRegisterOrder = replaces.toSorted((a, b) => (a.deliveryId < b.deliveryId ? -1 : 1));
    const sameState = reason === '' && changesNothing(current, { name: fields.name, stage: fields.stage, asOf, replaces: inRegisterOrder });
    if (sameState && changesNothing(current, fields)) return current;
    assertValid([...projectViolations(input, requestDay(context)), ...(await projectRegisterViolations(trx, input, current))]);
    const confirmedWarnings = assertConfirmed(sameState ? [] : await projectStateWarnings(trx, asOf, [...current.replaces, ...replaces]), confirmed);
    const now = context.now().toISOString();
    const updated = await repository.updateProject(trx, id, current.version, fields, replaces, sameState ? null : { asOf, reason, recordedAt: now }, now);
    if (!updated) throw new VersionConflictError(current.version);
    await recordAuditEvent(trx, context, { action: 'readiness.updateProject', object: projectObject(id), result: 'success', before: current, after: updated, confirmedWarnings });
    return updated;
  });
}

/**
 * The rules of a project that read the register, on the fields given: the deliveries it replaces exist, are stock,
 * began by its date and hold what it replaces besides what other projects do; and a change of the project
 * `current` holds from the day of its latest state or later, and goes back a stage only with a reason. The
 * deliveries are named by their ids as the register writes them (withRegisterIds).
 */
async function projectRegisterViolations(db: Db, input: Partial<ProjectInput>, current: repository.StoredProject | null): Promise<RuleViolation[]> {
  const targets = await repository.replaceableDeliveries(db, (input.replaces ?? []).map((replacement) => replacement.deliveryId), current?.id ?? null);
  return [
    ...(current ? [...whereGiven(input.asOf, (asOf) => laterStateViolations(asOf, current.asOf)), ...whereGiven(input.stage, (stage) => stageChangeViolations(current.stage, { stage, reason: input.reason ?? '' }))] : []),
    ...replacementViolations(input, targets),
  ];
}

/** The rules of a new project, or of a change of the project `id`, that read the register, on the fields given; a project that does not exist has none. */
export async function projectChangeRegisterViolations(db: Db, input: Partial<ProjectInput>, id?: string): Promise<RuleViolation[]> {
  if (id === undefined) return projectRegisterViolations(db, withRegisterIds(input), null);
  const current = await repository.findProject(db, id);
  return current ? projectRegisterViolations(db, withRegisterIds(input), current) : [];
}

/**
 * Records that (part of) a stock delivery will not be replaced, decided (and revalued) no earlier than its
 * beginning (its pledge, else its commitment). When that changes the basis of its value (what will not be replaced no longer counts at
 * replacement value), the decision adds the revaluation, dated as given and not before the decision: figures
 * at earlier dates change with it, so when the decision predates an earlier letter's reference date the next
 * letter shows that letter's figure as restated and `letter verify` of it names the difference. A revaluation dated
 * in the period of a letter sent to parliament is added only when `confirmed` names that warning, as a valuation
 * is (addValuation), which the decision's audit event then keeps.
 */
export async function decideNotToReplace(
  db: Db,
  context: RequestContext,
  deliveryId: string,
  input: NonReplacementInput,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<{ decision: repository.NonReplacementDecision; valuation: Valuation | null; version: number }> {
  return inTransaction(db, async (trx) => {
    const delivery = await existingDelivery(trx, deliveryId, { forUpdate: true });
    const { nonReplacements, version } = await readinessHistory(trx, deliveryId);
    assertValid([...nonReplacementViolations(input, requestDay(context)), ...nonReplacementOfDeliveryViolations(delivery, nonReplacements, input)]);
    assertVersionMatches(expectedVersion, version);
    const warnings = input.revaluation ? await sentLetterPeriodWarningsOf(trx, 'revaluation.effectiveDate', input.revaluation.effectiveDate) : [];
    const confirmedWarnings = assertConfirmed(warnings, confirmed);
    const valuation = input.revaluation
      ? await money.insertValuation(trx, {
          id: randomUUID(),
          deliveryId,
          ...input.revaluation,
          currency: 'EUR',
          originalAmountMinor: null,
          exchangeRate: null,
          note: input.reason,
        })
      : null;
    if (valuation) await revalue(trx, delivery, 'revaluation.amountCents');
    const decision = await repository.insertNonReplacement(trx, {
      id: randomUUID(),
      deliveryId,
      decidedOn: input.decidedOn,
      reason: input.reason,
      valuationId: valuation?.id ?? null,
      decidedByName: actorName(context),
      recordedAt: context.now().toISOString(),
    });
    await recordAuditEvent(trx, context, {
      action: 'readiness.decideNotToReplace',
      object: deliveryObject(deliveryId),
      result: 'success',
      before: { currentValueCents: delivery.currentValueCents },
      after: { decision, valuation },
      confirmedWarnings,
    });
    return { decision, valuation, version: version + 1 };
  });
}

/**
 * What a decision not to replace must meet of its delivery, on the fields given: one of stock, decided (and revalued)
 * no earlier than its beginning, and not the same as a decision recorded.
 */
function nonReplacementOfDeliveryViolations(delivery: StoredDelivery, earlier: readonly Pick<NonReplacementInput, 'decidedOn' | 'reason'>[], input: Partial<NonReplacementInput>): RuleViolation[] {
  if (delivery.supportType !== 'stock') return [NOT_STOCK];
  return [
    ...sameDecisionViolations(input, earlier),
    ...whereGiven(input.decidedOn, (date) => followsBeginningViolations(delivery, 'decidedOn', 'nonReplacement', date)),
    ...(input.revaluation ? followsBeginningViolations(delivery, 'revaluation.effectiveDate', 'valuation', input.revaluation.effectiveDate) : []),
  ];
}

/** The rules of a decision not to replace that read its delivery and its decisions, on the fields given; a delivery that does not exist has none. */
export async function nonReplacementRegisterViolations(db: Db, deliveryId: string, input: Partial<NonReplacementInput>): Promise<RuleViolation[]> {
  const delivery = await deliveries.findDelivery(db, deliveryId);
  return delivery ? nonReplacementOfDeliveryViolations(delivery, await repository.listNonReplacements(db, deliveryId), input) : [];
}

/** Readiness is judged, and replaced or not, of stock only. */
const NOT_STOCK: RuleViolation = { field: 'deliveryId', code: 'notStock' };

async function existingDelivery(db: Db, deliveryId: string, options: { forUpdate?: boolean } = {}) {
  const delivery = await deliveries.findDelivery(db, deliveryId, options);
  if (!delivery) throw new NotFoundError('delivery', deliveryId);
  return delivery;
}

async function existingProject(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  const project = await repository.findProject(db, id, options);
  if (!project) throw new NotFoundError('replenishmentProject', id);
  return project;
}

/** The effect of each stock delivery realised by the date, as last judged on or before it; null for one not judged by then. */
export async function readinessEffectsAt(db: Db, date: string): Promise<(ReadinessEffect | null)[]> {
  const [stock, judgements] = await Promise.all([repository.stockDeliveries(db, date), repository.listJudgements(db)]);
  const judgementsOf = Map.groupBy(judgements, (judgement) => judgement.deliveryId);
  return stock.map((delivery) => judgementAt(judgementsOf.get(delivery.id) ?? [], date)?.effect ?? null);
}

/**
 * The annex's readiness section: per stock delivery realised by the date, the judgement that held then,
 * the projects that replaced it as they stood then (by name) and the decisions not to replace taken by then,
 * each revalued only when its revaluation held by then.
 */
export async function readinessAnnexRows(db: Db, date: string): Promise<ReadinessAnnexRow[]> {
  const [stock, judgements, { states, nonReplacements }] = await Promise.all([repository.stockDeliveries(db, date), repository.listJudgements(db), replenishmentAt(db, date)]);
  const judgementsOf = Map.groupBy(judgements, (judgement) => judgement.deliveryId);
  const byName = (a: ProjectState, b: ProjectState) => (a.name === b.name ? (a.projectId < b.projectId ? -1 : 1) : a.name < b.name ? -1 : 1);
  const replacementsOf = Map.groupBy(
    states
      .toSorted(byName)
      .flatMap((state) => state.replaces.map((replacement) => ({ deliveryId: replacement.deliveryId, project: state.name, stage: state.stage, replacedValueCents: replacement.replacedValueCents }))),
    (replacement) => replacement.deliveryId,
  );
  const decisionsOf = Map.groupBy(nonReplacements, (decision) => decision.deliveryId);
  const held = stock.map((delivery) => judgementAt(judgementsOf.get(delivery.id) ?? [], date));
  // The annex names a judge by role: a name no account has is the system's own (its demonstration data, a command).
  const roles = await rolesByUsername(db, [...new Set(held.flatMap((judgement) => (judgement ? [judgement.judgedByName] : [])))]);
  return stock.map((delivery, index) => {
    const judgement = held[index] ?? null;
    return {
      deliveryId: delivery.id,
      delivery: delivery.title,
      realisedAt: delivery.realisedAt,
      judgement: judgement && { effect: judgement.effect, judgedOn: judgement.judgedOn, judgedByRole: roles.get(judgement.judgedByName) ?? null, reasoning: judgement.reasoning },
      replacements: (replacementsOf.get(delivery.id) ?? []).map(({ deliveryId: _, ...replacement }) => replacement),
      nonReplacements: (decisionsOf.get(delivery.id) ?? []).map(({ decidedOn, reason, revalued }) => ({ decidedOn, reason, revalued })),
    };
  });
}
