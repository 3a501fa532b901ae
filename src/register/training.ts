import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditObject } from '../audit/event.ts';
import { requestDay, actorName, recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { UniqueViolationError } from '../db/errors.ts';
import * as repository from '../db/repositories/training.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { lockNamesOf } from '../db/repositories/names.ts';
import { todayInAmsterdam, type IsoDate } from '../../common/dates.ts';
import {
  contributionsCountedBy,
  contributionViolations,
  movesTrainingFiguresAt,
  programmeTakenViolations,
  programmeViolations,
  trainingCountAt,
  trainingCountedUpTo,
  trainingFigureAt,
  TRAINING_MEASURES,
  type Contribution,
  type ContributionInput,
  type TrainingCount,
  type TrainingMeasure,
  type TrainingProgrammeInput,
} from '../domain/training.ts';
import { unknownRecords } from '../domain/references.ts';
import { changesNothing } from '../domain/same-record.ts';
import type { TrainingAnnexRow } from '../letters/annex-domain-sections.ts';
import { assertConfirmed, assertValid, assertVersionMatches, NotFoundError, ValidationError, VersionConflictError, type ExpectedVersion } from './errors.ts';
import { sentLetterPeriodWarningsOf } from './confirmed-warnings.ts';
import type { RuleViolation } from '../domain/delivery.ts';
import type { WarningCode } from '../domain/warnings.ts';

type Db = Kysely<Database>;

export interface ProgrammeDetail extends repository.StoredProgramme {
  contributions: Contribution[];
  /**
   * The version of its contributions (how many it has), apart from the programme's own version: a contribution
   * leaves the programme as it is, so a change of the programme sent against its version still goes ahead.
   */
  contributionsVersion: number;
}

const withContributions = (programme: repository.StoredProgramme, contributions: Contribution[]): ProgrammeDetail => ({ ...programme, contributions, contributionsVersion: contributions.length });

const auditObject = (id: string): AuditObject => ({ type: 'trainingProgramme', id });

export async function createProgramme(db: Db, context: RequestContext, input: TrainingProgrammeInput): Promise<ProgrammeDetail> {
  return inTransaction(db, async (trx) => {
    await lockNamesOf(trx, 'trainingProgramme', 'the register');
    assertValid([...programmeViolations(input), ...(await violationsAgainstRegister(trx, input))]);
    // Recorded at the request's moment, the day (in The Hague) it is listed from (programmesAt).
    const stored = await repository.insertProgramme(trx, randomUUID(), { ...input, isDemonstration: false, createdAt: context.now().toISOString() }).catch(keyTaken);
    await recordAuditEvent(trx, context, { action: 'training.createProgramme', object: auditObject(stored.id), result: 'success', after: stored });
    return withContributions(stored, []);
  });
}

export async function updateProgramme(db: Db, context: RequestContext, id: string, expectedVersion: ExpectedVersion, input: TrainingProgrammeInput): Promise<ProgrammeDetail> {
  return inTransaction(db, async (trx) => {
    const current = await existing(trx, id, { forUpdate: true });
    assertVersionMatches(expectedVersion, current.version);
    // The deliveries as the register keeps them: by their ids in small letters, in order.
    if (changesNothing(current, { ...input, deliveryIds: input.deliveryIds.map((deliveryId) => deliveryId.toLowerCase()).sort() })) {
      return withContributions(current, await repository.listContributions(trx, id));
    }
    await lockNamesOf(trx, 'trainingProgramme', 'the register');
    assertValid([...programmeViolations(input), ...(await violationsAgainstRegister(trx, input, current))]);
    const updated = await repository.updateProgramme(trx, id, current.version, input, context.now().toISOString()).catch(keyTaken);
    if (!updated) throw new VersionConflictError(current.version);
    await recordAuditEvent(trx, context, { action: 'training.updateProgramme', object: auditObject(id), result: 'success', before: current, after: updated });
    return withContributions(updated, await repository.listContributions(trx, id));
  });
}

/**
 * The rules of a programme that read the register, on the fields given: a key and name no other programme has,
 * deliveries that exist, and, for a change of the programme `current`, a key no final letter named. The programmes'
 * registrations wait for each other on the names' lock until the transaction ends.
 */
async function violationsAgainstRegister(db: Db, input: Partial<TrainingProgrammeInput>, current?: repository.StoredProgramme): Promise<RuleViolation[]> {
  const others = (await repository.listProgrammes(db)).filter((programme) => programme.id !== current?.id);
  // A final letter's figures are checked again under the names it printed (letter verify).
  const renamed = current !== undefined && input.key !== undefined && input.key !== current.key && (await repository.keyNamedByFinalLetter(db, current.key));
  return [
    ...(renamed ? [{ field: 'key', code: 'keyNamedByFinalLetter' }] : []),
    ...programmeTakenViolations(input, others),
    ...(input.deliveryIds ? unknownRecords('deliveryIds', 'delivery', input.deliveryIds, await repository.existingDeliveryIds(db, input.deliveryIds)) : []),
  ];
}

/** The rules of a new programme, or of a change of the programme `id`, that read the register, on the fields given; a programme that does not exist has none. */
export async function programmeRegisterViolations(db: Db, input: Partial<TrainingProgrammeInput>, id?: string): Promise<RuleViolation[]> {
  if (id === undefined) return violationsAgainstRegister(db, input);
  const current = await repository.findProgramme(db, id);
  return current ? violationsAgainstRegister(db, input, current) : [];
}

/**
 * Adds a contribution: counts are history, so an earlier count stays as it was and a later one supersedes it. With
 * an expected version of its contributions (If-Match), only when none was added since. Answers with their version after it.
 * Counted up to a date on or before the reference date of the latest letter sent to parliament, where it changes the
 * training figures the letter took at that date (its counts, cost estimates, and up to when training was counted;
 * movesTrainingFiguresAt), it is added only when `confirmed` names that warning, which its audit event then keeps; one
 * superseded by then by a later count of each of its measures changes none of them, and is no warning.
 */
export async function addContribution(
  db: Db,
  context: RequestContext,
  programmeId: string,
  input: ContributionInput,
  expectedVersion?: ExpectedVersion,
  confirmed: readonly WarningCode[] = [],
): Promise<Contribution & { version: number }> {
  assertValid(contributionViolations(input, requestDay(context)));
  return inTransaction(db, async (trx) => {
    await existing(trx, programmeId, { forUpdate: true });
    const earlier = await repository.listContributions(trx, programmeId);
    const version = earlier.length;
    assertVersionMatches(expectedVersion, version);
    const added: Contribution = { ...input, id: randomUUID(), programmeId, recordedByName: actorName(context), recordedAt: context.now().toISOString() };
    const movesFiguresAt = async (referenceDate: IsoDate) => movesTrainingFiguresAt(earlier, added, await otherProgrammesContributions(trx, programmeId), referenceDate);
    const confirmedWarnings = assertConfirmed(await sentLetterPeriodWarningsOf(trx, 'countsUpTo', input.countsUpTo, movesFiguresAt), confirmed);
    const contribution = await repository.insertContribution(trx, added);
    await recordAuditEvent(trx, context, { action: 'training.addContribution', object: auditObject(programmeId), result: 'success', after: contribution, confirmedWarnings });
    return { ...contribution, version: version + 1 };
  });
}

/** The contributions of each programme but the one given, as a letter's training figures read them beside its. */
async function otherProgrammesContributions(db: Db, programmeId: string): Promise<Contribution[][]> {
  const others = (await repository.listContributions(db)).filter((contribution) => contribution.programmeId !== programmeId);
  return [...Map.groupBy(others, (contribution) => contribution.programmeId).values()];
}

export async function getProgramme(db: Db, id: string): Promise<ProgrammeDetail> {
  const programme = await existing(db, id);
  return withContributions(programme, await repository.listContributions(db, id));
}

/** Every programme with its contributions. */
async function listProgrammes(db: Db): Promise<ProgrammeDetail[]> {
  const [programmes, contributions] = await Promise.all([repository.listProgrammes(db), repository.listContributions(db)]);
  return programmes.map((programme) => withContributions(programme, contributions.filter((row) => row.programmeId === programme.id)));
}

/** A programme as it stood at a date: the contributions counted by then and each measure as the letter takes it then. */
export interface ProgrammeAt extends ProgrammeDetail {
  counts: Record<TrainingMeasure, TrainingCount | null>;
  /** The date up to which its training given was counted by then, as the annex gives it; null when none was. */
  countedUpTo: IsoDate | null;
}

/**
 * The programmes as they stood at the date, by name: those recorded by then (in The Hague) or counting anything
 * up to it. Each has only its contributions counted up to the date, and its counts as the letter takes them at
 * that date as its reference date. The version of its contributions stays that of them all, to send with the next one.
 */
export async function programmesAt(db: Db, date: IsoDate): Promise<ProgrammeAt[]> {
  return (await listProgrammes(db)).flatMap((programme) => {
    const counted = contributionsCountedBy(programme.contributions, date);
    if (counted.length === 0 && todayInAmsterdam(new Date(programme.createdAt)) > date) return [];
    const counts = Object.fromEntries(TRAINING_MEASURES.map((measure) => [measure, trainingCountAt(programme.contributions, measure, date)])) as ProgrammeAt['counts'];
    return { ...programme, contributions: counted, counts, countedUpTo: trainingCountedUpTo(programme.contributions, date) };
  });
}

async function existing(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  const programme = await repository.findProgramme(db, id, options);
  if (!programme) throw new NotFoundError('trainingProgramme', id);
  return programme;
}

/** A short name taken by a writer that did not wait for the names' lock. */
function keyTaken(error: unknown): never {
  if (error instanceof UniqueViolationError && error.constraint === repository.UNIQUE_PROGRAMME_KEY) {
    throw new ValidationError([{ field: 'key', code: 'programmeKeyTaken' }]);
  }
  throw error;
}

/** Every programme by its short name with all its contributions: the letter takes each figure at its reference date. */
export async function trainingForLetter(db: Db): Promise<{ key: string; contributions: Contribution[] }[]> {
  const programmes = await listProgrammes(db);
  return programmes.map(({ key, contributions }) => ({ key, contributions }));
}

/**
 * The annex's training section: per programme, its latest counts at the date, and the date its training given
 * was counted up to (the letter's {{trainingCountsUpTo}} is the earliest of these of the programmes it names,
 * trainingCountedUpToByEach, and the letter takes the counts it names as they were counted up to that date, so
 * a programme counted later shows a later count here, true at its own date); a programme of which no training
 * given was counted by then (counted only later, not yet, or only planned: rotations and cost) is not in it.
 */
export async function trainingAnnexRows(db: Db, date: IsoDate): Promise<TrainingAnnexRow[]> {
  const programmes = await listProgrammes(db);
  return programmes.flatMap(({ id, name, hostCountry, framework, contributions }) => {
    const countsUpTo = trainingCountedUpTo(contributions, date);
    if (countsUpTo === null) return [];
    return {
      programmeId: id,
      programme: name,
      hostCountry,
      framework,
      trainers: trainingFigureAt(contributions, 'trainers', date),
      trainees: trainingFigureAt(contributions, 'trainees', date),
      courses: trainingFigureAt(contributions, 'courses', date),
      countsUpTo,
    };
  });
}
