import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { requestDay, recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import type { AuditObject } from '../audit/event.ts';
import { requiresLicenceByRule, shipmentDateFields } from '../../common/delivery-rules.ts';
import { todayInAmsterdam } from '../../common/dates.ts';
import { isRole, may } from '../domain/access.ts';
import { followsBeginningViolations, type Category, type DeliveryFields, type RuleViolation } from '../domain/delivery.ts';
import {
  assessmentStandingOn,
  assessmentViolations,
  departureOf,
  gateState,
  licenceCoversGoods,
  licenceAssessmentViolations,
  licenceFieldViolations,
  licenceGoodsViolations,
  MAX_NOTE,
  requirementOn,
  requirementViolations,
  shipmentsBeforeRegistration,
  shipmentViolation,
  withoutExportControlDetails,
  type AssessmentInput,
  type GateLicence,
  type GateState,
  type LicenceInput,
  type RequirementInput,
} from '../domain/export-control.ts';
import { buildArmsTransferReports, reportYearViolations, type ArmsTransferReports } from '../domain/export-reports.ts';
import { textViolations } from '../domain/plausibility.ts';
import { unknownRecord } from '../domain/references.ts';
import * as deliveries from '../db/repositories/deliveries.ts';
import { UniqueViolationError } from '../db/errors.ts';
import * as repository from '../db/repositories/export-control.ts';
import type { KeysetPage, PageStart } from '../db/keyset.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { assertValid, assertVersionMatches, NotFoundError, ShipmentRefusedError, ValidationError, type ExpectedVersion } from './errors.ts';

type Db = Kysely<Database>;

/** How many deliveries a page of an export role's queue lists unless asked otherwise, the earliest first. */
export const QUEUE_PAGE_SIZE = 100;

const deliveryObject = (id: string): AuditObject => ({ type: 'delivery', id });

export interface ExportControl {
  deliveryId: string;
  /** The day its goods left (departureOf), null while they have not: its requirement and place at the gate are judged on that day, else today. */
  leftOn: string | null;
  /** Whether the delivery needs an assessment and a licence on that day: the override that held then, else the rule. */
  required: boolean;
  requiredByRule: boolean;
  requirements: repository.StoredRequirement[];
  assessments: repository.StoredAssessment[];
  licences: repository.StoredLicence[];
  gate: GateState;
  /** The version of its history: how many overrides, assessments and licences it has (a grant of inspection changes none of them). */
  version: number;
}

async function existingDelivery(db: Db, deliveryId: string, options: { forUpdate?: boolean } = {}) {
  const delivery = await deliveries.findDelivery(db, deliveryId, options);
  if (!delivery) throw new NotFoundError('delivery', deliveryId);
  return delivery;
}

type ShipmentFields = Pick<DeliveryFields, 'category' | 'supportType' | 'quantity' | 'realisedAt' | 'deliveredAt'>;

/**
 * A delivery's export control, judged on the day its goods left, else on `today`: whether it needed a licence then (the
 * override that held then, else the rule) and where it stood at the gate, on the assessment standing then. An override or
 * assessment after the goods left is kept in the history, and leaves the licensing they left under as it was.
 */
async function exportControlOf(db: Db, delivery: { id: string } & Omit<ShipmentFields, 'quantity'>, today: string): Promise<ExportControl> {
  const [requirements, assessments, licences] = await Promise.all([
    repository.listRequirements(db, delivery.id),
    repository.listAssessments(db, delivery.id),
    repository.listLicences(db, delivery.id),
  ]);
  const leftOn = departureOf(delivery);
  const judgedOn = leftOn ?? today;
  const requiredByRule = requiresLicenceByRule(delivery.category, delivery.supportType);
  const required = requirementOn(requirements, judgedOn)?.required ?? requiredByRule;
  const standing = assessmentStandingOn(assessments, judgedOn) ?? null;
  const licencesOnStanding = licences.filter((licence) => licence.assessmentId === standing?.id && licenceCoversGoods(delivery.category, licence)).length;
  const version = requirements.length + assessments.length + licences.length;
  return { deliveryId: delivery.id, leftOn, required, requiredByRule, requirements, assessments, licences, gate: gateState(required, standing, licencesOnStanding), version };
}

/** An entry added to a delivery's export control, with the version of the history it made. */
type AddedToHistory<Entry> = Entry & { version: number };

/** How an assessment or licence is added: the demonstration's with their own ids, and with If-Match only at the version it names. */
interface EntryOptions {
  isDemonstration?: boolean;
  id?: string;
  expectedVersion?: ExpectedVersion;
}

type LockedExportControl = Awaited<ReturnType<typeof lockedExportControl>>;

/** A delivery's export control, locked for an entry added to its history; with an expected version (If-Match), only while it is at it. */
async function lockedExportControl(db: Db, context: RequestContext, deliveryId: string, expectedVersion: ExpectedVersion | undefined) {
  const delivery = await existingDelivery(db, deliveryId, { forUpdate: true });
  const control = await exportControlOf(db, delivery, requestDay(context));
  assertVersionMatches(expectedVersion, control.version);
  return { delivery, control };
}

/** A delivery's requirement, assessments, licences and place at the gate. Assessments are confidential: reading them is recorded. */
export async function readExportControl(db: Db, context: RequestContext, deliveryId: string): Promise<ExportControl> {
  return inTransaction(db, async (trx) => {
    const control = await exportControlOf(trx, await existingDelivery(trx, deliveryId), requestDay(context));
    await recordAuditEvent(trx, context, { action: 'export.read', object: deliveryObject(deliveryId), result: 'success' });
    return control;
  });
}

/**
 * Overrides the rule for one delivery from a date, with a reason; the earlier overrides stay in the history, and what
 * held before that date is judged as before. With an expected version (If-Match), only when nothing was added to its
 * export control since.
 */
export async function setRequirement(
  db: Db,
  context: RequestContext,
  deliveryId: string,
  input: RequirementInput,
  expectedVersion?: ExpectedVersion,
): Promise<ExportControl> {
  const violations = requirementViolations(input, requestDay(context));
  if (violations.length > 0) throw new ValidationError(violations);
  return inTransaction(db, async (trx) => {
    const { delivery, control: before } = await lockedExportControl(trx, context, deliveryId, expectedVersion);
    const heldBefore = requirementOn(before.requirements, input.effectiveOn)?.required ?? before.requiredByRule;
    const row = { id: randomUUID(), deliveryId, ...input, decidedById: context.actor?.id ?? null, decidedByName: context.actor?.username ?? 'unknown', decidedAt: context.now().toISOString() };
    await repository.insertRequirement(trx, row);
    await recordAuditEvent(trx, context, { action: 'exportRequirement.set', object: deliveryObject(deliveryId), result: 'success', before: { required: heldBefore }, after: row });
    return exportControlOf(trx, delivery, requestDay(context));
  });
}

/**
 * Records an assessment on the eight criteria, dated no earlier than the pledge (it may come before the commitment). A new assessment (new information) takes the place of the earlier one,
 * which stays in the history. With an expected version (If-Match), only when nothing was added to its export control since.
 */
export async function assess(
  db: Db,
  context: RequestContext,
  deliveryId: string,
  input: AssessmentInput,
  options: EntryOptions = {},
): Promise<AddedToHistory<repository.StoredAssessment>> {
  const violations = assessmentViolations(input, requestDay(context));
  if (violations.length > 0) throw new ValidationError(violations);
  return inTransaction(db, async (trx) => {
    const { delivery, control } = await lockedExportControl(trx, context, deliveryId, options.expectedVersion);
    assertValid(followsBeginningViolations(delivery, 'assessedOn', 'exportAssessment', input.assessedOn));
    const assessment: repository.StoredAssessment = {
      id: options.id ?? randomUUID(),
      deliveryId,
      ...input,
      criteria: [...input.criteria].sort((a, b) => a.criterion - b.criterion),
      assessedById: context.actor?.id ?? null,
      assessedByName: context.actor?.username ?? 'unknown',
      recordedAt: context.now().toISOString(),
      isDemonstration: options.isDemonstration ?? false,
      inspectionGrants: [],
    };
    await repository.insertAssessment(trx, assessment);
    await recordAuditEvent(trx, context, { action: 'export.assess', object: deliveryObject(deliveryId), result: 'success', after: assessment });
    return { ...assessment, version: control.version + 1 };
  });
}

/**
 * The assessor lets parliament open one assessment confidentially; the decision is recorded, once: the
 * assessment is locked so that a second grant, also one made at the same moment, is refused.
 */
export async function grantInspection(db: Db, context: RequestContext, assessmentId: string, note: string): Promise<repository.StoredAssessment> {
  const violations = textViolations('note', note, { maximum: MAX_NOTE, required: false });
  if (violations.length > 0) throw new ValidationError(violations);
  return inTransaction(db, async (trx) => {
    const assessment = await repository.findAssessment(trx, assessmentId, { forUpdate: true });
    if (!assessment) throw new NotFoundError('assessment', assessmentId);
    const [granted] = assessment.inspectionGrants;
    if (granted) throw new ValidationError([{ field: 'assessment', code: 'inspectionGranted', params: { grantedOn: todayInAmsterdam(new Date(granted.grantedAt)) } }]);
    const grant = { id: randomUUID(), assessmentId, note, grantedById: context.actor?.id ?? null, grantedByName: context.actor?.username ?? 'unknown', grantedAt: context.now().toISOString() };
    await repository.insertInspectionGrant(trx, grant);
    await recordAuditEvent(trx, context, { action: 'exportInspection.grant', object: { type: 'exportAssessment', id: assessmentId }, result: 'success', after: grant });
    return (await repository.findAssessment(trx, assessmentId))!;
  });
}

/**
 * What a licence for a delivery of `category` breaks of the rules that read the register, on the fields given: the
 * assessment it is issued on is the delivery's latest (`latest`), positive, dated no later than the licence and made by
 * another official than its issuer (the roles already keep the two apart; this also holds for an account whose role
 * changed in between); it is for the delivery's goods; no other licence has its number. The assessment is the one it
 * names or, `onLatest` (a licensing file names none), the latest if there is one. Each is named beside the others, so
 * that a licence is corrected at once.
 */
async function licenceOfDeliveryViolations(
  db: Db,
  issuerId: string | null,
  category: Category,
  latest: repository.StoredAssessment | undefined,
  input: Partial<LicenceInput>,
  onLatest: boolean,
): Promise<RuleViolation[]> {
  const violations = [...(await assessmentOfLicenceViolations(db, issuerId, latest, input, onLatest)), ...licenceGoodsViolations(category, input)];
  if (input.number !== undefined && (await repository.licenceNumberExists(db, input.number))) violations.push({ field: 'number', code: 'licenceNumberTaken' });
  return violations;
}

/** What a licence breaks of the rules of the assessment it is issued on (see licenceOfDeliveryViolations); nothing when it names none it could be issued on. */
async function assessmentOfLicenceViolations(db: Db, issuerId: string | null, latest: repository.StoredAssessment | undefined, input: Partial<LicenceInput>, onLatest: boolean): Promise<RuleViolation[]> {
  const named = onLatest ? latest?.id : input.assessmentId;
  if (named === undefined) return onLatest ? [{ field: 'assessmentId', code: 'noAssessment' }] : [];
  if (!latest || latest.id !== named.toLowerCase()) {
    const found = await repository.findAssessment(db, named);
    return [found ? { field: 'assessmentId', code: latest ? 'notLatestAssessment' : 'noAssessment' } : unknownRecord('assessmentId', 'assessment')];
  }
  const violations = licenceAssessmentViolations(input, latest);
  if (issuerId !== null && issuerId === latest.assessedById) violations.push({ field: 'assessmentId', code: 'sameOfficialAssessed' });
  return violations;
}

/**
 * The rules of a licence for the delivery `deliveryId` that read the register, on the fields given, by `issuerId` (see
 * licenceOfDeliveryViolations); a delivery that does not exist has none.
 */
export async function licenceRegisterViolations(db: Db, issuerId: string | null, deliveryId: string, input: Partial<LicenceInput>, { onLatest = false } = {}): Promise<RuleViolation[]> {
  const delivery = await deliveries.findDelivery(db, deliveryId);
  if (!delivery) return [];
  const [latest] = await repository.listAssessments(db, delivery.id);
  return licenceOfDeliveryViolations(db, issuerId, delivery.category, latest, input, onLatest);
}

/** The rules of a licence, its own and those that read the register, for a delivery whose export control is locked. */
async function lockedLicenceViolations(db: Db, context: RequestContext, { delivery, control }: LockedExportControl, input: Omit<LicenceInput, 'assessmentId'> & { assessmentId?: string }, onLatest: boolean): Promise<RuleViolation[]> {
  const [latest] = control.assessments;
  return [...(await licenceOfDeliveryViolations(db, context.actor?.id ?? null, delivery.category, latest, input, onLatest)), ...licenceFieldViolations(input, requestDay(context))];
}

/**
 * Issues a licence on the assessment it names, which must be the delivery's latest, by its own rules and those of
 * licenceOfDeliveryViolations. With an expected version (If-Match), only when nothing was added to its export control since.
 */
export async function issueLicence(
  db: Db,
  context: RequestContext,
  deliveryId: string,
  input: LicenceInput,
  options: EntryOptions = {},
): Promise<AddedToHistory<repository.StoredLicence>> {
  return inTransaction(db, async (trx) => {
    const locked = await lockedExportControl(trx, context, deliveryId, options.expectedVersion);
    assertValid(await lockedLicenceViolations(trx, context, locked, input, false));
    return insertLicence(trx, context, locked, { ...input, assessmentId: locked.control.assessments[0]!.id }, options);
  });
}

/**
 * Issues a licence as a licensing file records it: the file names the delivery, not the assessment, so the licence is
 * issued on the delivery's latest assessment by issueLicence's rules. A delivery without an assessment has none to
 * issue it on: assessments are never imported.
 */
export async function issueLicenceOnLatestAssessment(db: Db, context: RequestContext, deliveryId: string, input: Omit<LicenceInput, 'assessmentId'>): Promise<repository.StoredLicence> {
  return inTransaction(db, async (trx) => {
    const locked = await lockedExportControl(trx, context, deliveryId, undefined);
    assertValid(await lockedLicenceViolations(trx, context, locked, input, true));
    return insertLicence(trx, context, locked, { ...input, assessmentId: locked.control.assessments[0]!.id }, {});
  });
}

/** Records a licence the rules allow, in the transaction that locked its delivery's export control. */
async function insertLicence(
  trx: Db,
  context: RequestContext,
  { delivery, control }: LockedExportControl,
  input: LicenceInput,
  options: EntryOptions,
): Promise<AddedToHistory<repository.StoredLicence>> {
  const licence: repository.StoredLicence = {
    id: options.id ?? randomUUID(),
    deliveryId: delivery.id,
    ...input,
    issuedById: context.actor?.id ?? null,
    issuedByName: context.actor?.username ?? 'unknown',
    recordedAt: context.now().toISOString(),
    isDemonstration: options.isDemonstration ?? false,
  };
  try {
    await repository.insertLicence(trx, licence);
  } catch (error) {
    if (error instanceof UniqueViolationError && error.constraint === repository.UNIQUE_LICENCE_NUMBER) throw new ValidationError([{ field: 'number', code: 'licenceNumberTaken' }]);
    throw error;
  }
  await recordAuditEvent(trx, context, { action: 'licence.issue', object: deliveryObject(delivery.id), result: 'success', after: licence });
  return { ...licence, version: control.version + 1 };
}

export type QueuePage = KeysetPage<repository.QueueItem> & { pageSize: number; total: number; totalIsCapped: boolean };

/** Where each queue's page starts and how long it is. */
export type QueuePages = Record<repository.ExportQueueName, { start: PageStart; pageSize: number }>;

/** A page of each export role's queue, with how many wait in it. Reading them is recorded. */
export async function readExportQueues(db: Db, context: RequestContext, pages: QueuePages): Promise<Record<repository.ExportQueueName, QueuePage>> {
  return inTransaction(db, async (trx) => {
    const queuePage = async (queue: repository.ExportQueueName): Promise<QueuePage> => {
      const { start, pageSize } = pages[queue];
      const today = requestDay(context);
      const [page, counted] = await Promise.all([repository.exportQueuePage(trx, queue, today, start, pageSize), repository.countQueue(trx, queue, today)]);
      return { ...page, pageSize, total: counted.count, totalIsCapped: counted.capped };
    };
    const [awaitingAssessment, awaitingLicence] = await Promise.all([queuePage('awaitingAssessment'), queuePage('awaitingLicence')]);
    await recordAuditEvent(trx, context, { action: 'export.read', object: { type: 'exportQueue', id: '*' }, result: 'success' });
    return { awaitingAssessment, awaitingLicence };
  });
}

/** The assessments parliament may open. Reading the list is recorded. */
export async function listInspectable(db: Db, context: RequestContext): Promise<repository.InspectableAssessment[]> {
  return inTransaction(db, async (trx) => {
    const items = await repository.listInspectable(trx);
    await recordAuditEvent(trx, context, { action: 'assessment.inspect', object: { type: 'exportAssessment', id: '*' }, result: 'success' });
    return items;
  });
}

/**
 * Opens one assessment, like the annex: every opening is an audit event. Parliament readers open only
 * an assessment whose inspection was granted; to anyone else it does not exist.
 */
export async function openAssessment(db: Db, context: RequestContext, id: string): Promise<{ assessment: repository.StoredAssessment; deliveryTitle: string }> {
  const found = await repository.findAssessment(db, id);
  const role = context.actor?.role;
  const object: AuditObject = { type: 'exportAssessment', id };
  if (!found || !(role && isRole(role) && may({ role }, 'assessment.inspect', { type: 'exportAssessment', inspectionGranted: found.inspectionGrants.length > 0 }))) {
    await recordAuditEvent(db, context, { action: 'assessment.inspect', object, result: 'denied', detail: { reason: found ? 'notGranted' : 'notFound' } });
    throw new NotFoundError('assessment', id);
  }
  return inTransaction(db, async (trx) => {
    const delivery = await deliveries.findDelivery(trx, found.deliveryId);
    if (!delivery) throw new NotFoundError('assessment', id);
    await recordAuditEvent(trx, context, { action: 'assessment.inspect', object, result: 'success' });
    return { assessment: found, deliveryTitle: delivery.title };
  });
}

/**
 * The shipment gate for a delivery being registered: a licence is issued for a registered delivery, so
 * one that needs a licence by the rule is registered before it is handed over or delivered, and its
 * shipment is recorded once it is licensed.
 */
export function assertRegisteredBeforeShipment(fields: ShipmentFields): void {
  const violations = shipmentsBeforeRegistration(fields).map(({ field, date }) => ({ field, code: 'licenceMissingAtRegistration', params: { date } }));
  if (violations.length > 0) throw new ShipmentRefusedError(violations);
}

/**
 * The shipment gate, in the transaction of the change: a delivery that needs a licence on the day its goods leave
 * (the override that held then, else the rule) is handed over (stock) or delivered only under a licence for its goods
 * on the assessment standing then, valid on that date and covering its quantity. Checked when a shipment date is set or
 * moved, or the quantity, support type or category of a shipped delivery changes: goods that needed no licence and
 * become goods that need one are not shipped without it.
 */
export async function assertShipmentAllowed(db: Db, deliveryId: string, before: ShipmentFields, after: ShipmentFields): Promise<void> {
  const changed = shipmentDateFields(after.supportType).filter((field) => {
    const date = after[field];
    return date !== null && (before[field] !== date || (['quantity', 'supportType', 'category'] as const).some((fact) => before[fact] !== after[fact]));
  });
  // A shipment date is set, so the goods leave on one of them: the control is judged on that day, never on today.
  const leftOn = departureOf(after);
  if (changed.length === 0 || leftOn === null) return;
  const control = await exportControlOf(db, { id: deliveryId, ...after }, leftOn);
  if (!control.required) return;
  const standingId = assessmentStandingOn(control.assessments, leftOn)?.id;
  const licences: GateLicence[] = control.licences.map((licence) => ({ ...licence, onStandingAssessment: licence.assessmentId === standingId }));
  const violations = changed.flatMap((field) => {
    const result = shipmentViolation(field, after[field]!, after, licences);
    return 'violation' in result ? [result.violation] : [];
  });
  if (violations.length > 0) throw new ShipmentRefusedError(violations);
}

/**
 * Runs a change of a delivery; a refusal at the shipment gate is recorded, as it is, after the change is rolled
 * back, and told to who may not read export control without the licences and assessments behind it.
 */
export async function withShipmentRefusalsRecorded<T>(db: Db, context: RequestContext, deliveryId: string | null, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof ShipmentRefusedError)) throw error;
    await recordAuditEvent(db, context, { action: 'shipment.refused', object: { type: 'delivery', id: deliveryId ?? 'new' }, result: 'denied', detail: { violations: error.violations } });
    const role = context.actor?.role;
    if (role && isRole(role) && may({ role }, 'export.read')) throw error;
    throw new ShipmentRefusedError(error.violations.map(withoutExportControlDetails));
  }
}

/**
 * The arms-transfer reports of a year that has begun, from the register. They hold what is withheld from publication, so
 * reading them is recorded.
 */
export async function armsTransferReports(db: Db, context: RequestContext, year: number): Promise<ArmsTransferReports> {
  assertValid(reportYearViolations(year, requestDay(context)));
  return inTransaction(db, async (trx) => {
    const [shipments, licences, denials] = await Promise.all([repository.shipmentsIn(trx, year, context.now()), repository.licencesIssuedIn(trx, year), repository.denialsIn(trx, year)]);
    await recordAuditEvent(trx, context, { action: 'export.report', object: { type: 'exportReport', id: String(year) }, result: 'success' });
    return buildArmsTransferReports(year, shipments, licences, denials);
  });
}
