import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import { sha256Hex, type AuditObject } from '../audit/event.ts';
import { requestDay, actorName, recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { actorTookAction } from '../db/repositories/audit.ts';
import { SUPPORT_TYPES, type RuleViolation } from '../domain/delivery.ts';
import { isIsoDate, todayInAmsterdam, type IsoDate } from '../../common/dates.ts';
import { blockParams, draftViolations, finalisationViolations, letterBeforeReferenceDateViolations, REVIEW_ACTIONS, signatoryViolations, type LetterStatus, type ReviewAction } from '../domain/letter.ts';
import { z } from 'zod';
import { centsOfTotal, totalCents } from '../../common/money.ts';
import { formatExactEuros } from '../../common/letter-format.ts';
import { containsDemonstrationData } from '../db/repositories/deliveries.ts';
import { countUndecidedCountedBy } from '../db/repositories/disclosure.ts';
import { shipmentCountsBy } from '../db/repositories/export-control.ts';
import { realisedTotalsAt, realisedTotalsAtDates, type RealisedTotals } from '../db/repositories/figures.ts';
import { UniqueViolationError } from '../db/errors.ts';
import * as repository from '../db/repositories/letters.ts';
import * as embargo from '../db/repositories/letter-publication.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { compareSnapshots, type LetterComparison } from '../letters/compare.ts';
import { DEFAULT_BLOCKS } from '../letters/default-blocks.ts';
import { namedDeliveries } from '../letters/named-deliveries.ts';
import { figureNames, type BlockMarkupFault, type BlockTypedFigure, type NarrativeBlock } from '../letters/narrative.ts';
import {
  buildPublicLetter,
  listedItems,
  figureId,
  recomputedNamedFigure,
  sealed,
  type BuiltLetter,
  type FigureLine,
  type LetterheadFields,
  type LetterInputs,
  type LetterProblem,
  type ShipmentWithoutLicence,
  type PublicLetterSnapshot,
  type Totals,
} from '../letters/snapshot.ts';
import { annexValueDifferences, DEFAULT_LETTERHEAD } from '../letters/compose.ts';
import { EXACT_SNAPSHOT_FORMAT, wordingOf } from '../../common/letter-snapshot-format.ts';
import { annexSectionDifferences, type AnnexSectionDifference } from '../letters/annex-section-differences.ts';
import { epfOverview } from './epf.ts';
import { assertValid, assertVersionMatches, NotFoundError, ValidationError, VersionConflictError, type ExpectedVersion } from './errors.ts';
import { LETTER_BUDGET_FIGURE_KINDS, type LetterBudgetFigureKind } from '../../common/vocabulary/codes.ts';
import { letterBudgetInputs } from './budget.ts';
import { withRecordsCountingLater } from './later-figure-records.ts';
import { industryFactsAt, type CompaniesCounted } from './industry.ts';
import { annexContentAt, annexSnapshot, keepAnnex, keptAnnexIntact } from './annex.ts';
import { readinessEffectsAt } from './readiness.ts';
import { trainingForLetter } from './training.ts';
import { isUuid } from '../../common/ids.ts';

type Db = Kysely<Database>;

/** A letter as its author sees it: for a draft, computed from the register now; once final, as frozen. */
export interface LetterView {
  id: string;
  referenceDate: string;
  letterDate: string | null;
  status: LetterStatus;
  version: number;
  blocks: NarrativeBlock[];
  paperNumber: string | null;
  publishedOn: string | null;
  publicSha256: string | null;
  annexSha256: string | null;
  finalisedAt: string | null;
  finalisedByName: string | null;
  isDemonstration: boolean;
  letter: PublicLetterSnapshot;
  /** What keeps a draft from being finalised, as the faults that refuse it: the figures its text may not name (`{{name}}`), and why, its placeholders and footnotes that are not whole, amounts and percentages typed by hand, and a signatory without a name. */
  problems: RuleViolation[];
  /**
   * What its author should know before finalising but that does not keep it from being finalised: the stock deliveries realised by
   * the reference date that no one judged the effect on readiness of by then, and the deliveries that left by then without a
   * licence covering them though they needed one (none once final).
   */
  notes: RuleViolation[];
  /**
   * The deliveries the note on export control counts, for the staff who review the draft (never part of the letter): how many,
   * and the first SHIPMENTS_LISTED of them, earliest shipped first.
   */
  shipmentsWithoutLicence: { count: number; first: ShipmentWithoutLicence[] };
  /** The figures the text may name, as they print: for a draft all it knows at the reference date, once final those it printed. */
  figures: { name: string; value: string }[];
  /** The disclosure officer's approval of the public letter, and whether it still reads as approved. */
  approval: { sha256: string; byName: string; at: string; matchesCurrent: boolean } | null;
  /** The review: when the draft was submitted for approval (null when not waiting), and its history, latest first. */
  submittedAt: string | null;
  submittedByName: string | null;
  reviews: { action: ReviewAction; comment: string; byName: string; at: string }[];
  /** The embargo: sent to parliament, publication scheduled or done; the publication details as recorded and corrected, latest first. */
  sentAt: string | null;
  sentByName: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  publications: { paperNumber: string; publishedOn: string; reason: string; recordedByName: string; recordedAt: string }[];
  /** A final letter never sent that was withdrawn: why, by whom and when; null for any other. */
  withdrawal: { reason: string; byName: string; at: string } | null;
  /** The wordmark and the signatory: the draft's, or as frozen once final. */
  letterhead: LetterheadFields;
}

const ReviewActionSchema = z.enum(REVIEW_ACTIONS);

const auditObject = (id: string): AuditObject => ({ type: 'letter', id });

/** Starts a letter; its text is the previous letter's, unless other blocks are given. */
export async function createDraft(
  db: Db,
  context: RequestContext,
  input: { referenceDate: string; letterDate?: string | null; blocks?: readonly NarrativeBlock[] } & Partial<LetterheadFields>,
): Promise<LetterView> {
  assertValid(draftViolations(input, requestDay(context)));
  return inTransaction(db, async (trx) => {
    await refuseNewDraftFor(trx, input.referenceDate);
    const previous = await repository.latestFinalBefore(trx, input.referenceDate);
    refuseLetterBeforePrevious(input.letterDate, previous);
    const stored = await repository.insertDraft(trx, {
      id: randomUUID(),
      referenceDate: input.referenceDate,
      letterDate: input.letterDate ?? null,
      blocks: [...(input.blocks ?? previous?.blocks ?? DEFAULT_BLOCKS)],
      ...letterheadFor(input, previous?.publicSnapshot?.letterhead ?? DEFAULT_LETTERHEAD),
      createdByName: actorName(context),
      isDemonstration: await containsDemonstrationData(trx),
      createdAt: context.now().toISOString(),
    });
    await recordAuditEvent(trx, context, { action: 'letter.create', object: auditObject(stored.id), result: 'success', after: { referenceDate: stored.referenceDate } });
    return view(trx, stored, context.now());
  });
}

/** The house style of a new draft: as given, else as the letter before it had it. */
function letterheadFor(input: Partial<LetterheadFields>, previous: LetterheadFields): LetterheadFields {
  return {
    wordmark: input.wordmark ?? previous.wordmark,
    signatoryName: input.signatoryName ?? previous.signatoryName,
    signatoryTitle: input.signatoryTitle ?? previous.signatoryTitle,
  };
}

function storedLetterhead(letter: repository.StoredLetter): LetterheadFields {
  return { wordmark: letter.wordmark, signatoryName: letter.signatoryName, signatoryTitle: letter.signatoryTitle };
}


/** A letter names the one before it with its date ("dd. 10 september 2025"): it is not dated before that one. */
function refuseLetterBeforePrevious(letterDate: string | null | undefined, previous: { letterDate: string | null } | null | undefined): void {
  if (letterDate && previous?.letterDate && letterDate < previous.letterDate) {
    throw new ValidationError([{ field: 'letterDate', code: 'letterBeforePreviousLetter', params: { date: previous.letterDate } }]);
  }
}

/** One draft per reference date, and none for a date a final letter has passed already. */
async function refuseNewDraftFor(db: Db, referenceDate: string): Promise<void> {
  const [draftExists, lastFinal] = await Promise.all([embargo.draftExistsFor(db, referenceDate), embargo.latestFinalReferenceDate(db)]);
  if (draftExists) throw new ValidationError([{ field: 'referenceDate', code: 'draftExists' }]);
  if (lastFinal !== null && referenceDate <= lastFinal) {
    throw new ValidationError([{ field: 'referenceDate', code: referenceDate === lastFinal ? 'finalLetterExists' : 'beforeLastFinalLetter', params: { date: lastFinal } }]);
  }
}

export async function getLetter(db: Db, id: string, now: Date): Promise<LetterView> {
  return view(db, await existing(db, id), now);
}

/**
 * A draft as it would read with unsaved text: the live preview while its author types. Nothing is stored,
 * but what saving the text would refuse is refused, so that the preview never shows a letter that cannot be.
 */
export async function previewDraft(
  db: Db,
  context: RequestContext,
  id: string,
  change: { blocks: NarrativeBlock[] } & DraftChange,
): Promise<LetterView> {
  const stored = await existing(db, id);
  refuseUnlessDraft(stored);
  await refuseInvalidChange(db, context, stored, change);
  return view(db, { ...stored, ...letterheadFor(change, storedLetterhead(stored)), blocks: change.blocks, letterDate: change.letterDate === undefined ? stored.letterDate : change.letterDate }, context.now());
}

export async function listLetters(db: Db): Promise<repository.LetterSummary[]> {
  return repository.listLetters(db);
}

export async function updateDraft(
  db: Db,
  context: RequestContext,
  id: string,
  expectedVersion: ExpectedVersion,
  change: DraftChange,
): Promise<LetterView> {
  return inTransaction(db, async (trx) => {
    const current = await draftAt(trx, id, expectedVersion);
    await refuseInvalidChange(trx, context, current, change);
    const updated = await repository.updateDraft(trx, id, current.version, change);
    if (!updated) throw new VersionConflictError(current.version);
    await recordAuditEvent(trx, context, {
      action: 'letter.update',
      object: auditObject(id),
      result: 'success',
      before: { blocks: current.blocks, letterDate: current.letterDate, ...storedLetterhead(current) },
      after: { blocks: updated.blocks, letterDate: updated.letterDate, ...storedLetterhead(updated) },
    });
    return view(trx, updated, context.now());
  });
}

type DraftChange = { blocks?: NarrativeBlock[]; letterDate?: string | null | undefined } & Partial<LetterheadFields>;

/** What a change to a draft must meet, whether it is saved or previewed. */
async function refuseInvalidChange(db: Db, context: RequestContext, draft: repository.StoredLetter, change: DraftChange): Promise<void> {
  assertValid(draftViolations({ ...change, referenceDate: draft.referenceDate }, requestDay(context)));
  if (change.letterDate) refuseLetterBeforePrevious(change.letterDate, await repository.latestFinalBefore(db, draft.referenceDate));
}

/**
 * A disclosure officer approves the public letter, once submitted, as it reads now: its figures are aggregates of
 * confidential deliveries too, and publishing them is a disclosure decision. The approval holds for
 * exactly this text (its SHA-256); any change to the draft or to the register that changes the letter
 * needs a new approval before it can be finalised.
 */
export async function approve(db: Db, context: RequestContext, id: string, expectedVersion: ExpectedVersion): Promise<LetterView> {
  return inTransaction(db, async (trx) => {
    const current = await draftAt(trx, id, expectedVersion);
    // The hindrance covers the deliveries still undecided; finalText would count them again.
    const refusal = await approvalHindrance(trx, context, current);
    if (refusal) throw new ValidationError([refusal]);
    await refuseIfLaterLetterFinal(trx, current);
    const { seal } = await writtenText(trx, current, current.letterDate ?? undefined, requestDay(context));
    if (current.approvedSha256 === seal.sha256) throw new ValidationError([{ field: 'approval', code: 'alreadyApproved' }]);
    const approved = await repository.markApproved(trx, id, current.version, {
      approvedSha256: seal.sha256,
      approvedByName: actorName(context),
      approvedAt: context.now().toISOString(),
    });
    if (!approved) throw new VersionConflictError(current.version);
    await embargo.insertReview(trx, { id: randomUUID(), letterId: id, action: 'approve', comment: '', byName: actorName(context), at: context.now().toISOString() });
    await recordAuditEvent(trx, context, { action: 'letter.approve', object: auditObject(id), result: 'success', after: { publicSha256: seal.sha256 } });
    return view(trx, approved, context.now());
  });
}

/** What makes someone one of a letter's writers: who started, changed or submitted the draft. */
const WRITING_ACTIONS = ['letter.create', 'letter.update', 'letter.submit'] as const;

export const APPROVAL_REFUSALS = ['letterIsFinal', 'laterLetterIsFinal', 'notSubmitted', 'approvalByWriter', 'undecidedDeliveries'] as const;
type ApprovalRefusal = (typeof APPROVAL_REFUSALS)[number];

type ApprovalReader = { id: string; status: LetterStatus; submittedAt: string | null; referenceDate: string };

/**
 * What keeps the actor from approving the letter now (its version aside): the code the approval would
 * be refused with, or null. The cycle is submit, then approve: a draft its author has not submitted (or
 * has withdrawn) waits. Four eyes: the approval is a second person's disclosure decision on the letter,
 * so no one approves a draft they wrote, also not after their account was given the disclosure
 * officer's role. The system's own steps (the demonstration, the command line) are no person's and are
 * not held to that. And a disclosure officer decides on the deliveries the letter counts before on the letter.
 */
export async function approvalRefusal(db: Db, context: RequestContext, letter: ApprovalReader): Promise<ApprovalRefusal | null> {
  return (await approvalHindrance(db, context, letter))?.code ?? null;
}

/** What `approvalRefusal` names, as the fault the approval is refused with. */
async function approvalHindrance(db: Db, context: RequestContext, letter: ApprovalReader): Promise<(RuleViolation & { code: ApprovalRefusal }) | null> {
  if (letter.status !== 'draft') return { field: 'status', code: 'letterIsFinal' };
  if (await laterLetterIsFinal(db, letter)) return { field: 'referenceDate', code: 'laterLetterIsFinal' };
  if (letter.submittedAt === null) return { field: 'status', code: 'notSubmitted' };
  const actorId = context.actor?.id;
  if (actorId && (await actorTookAction(db, auditObject(letter.id), actorId, WRITING_ACTIONS))) return { field: 'approval', code: 'approvalByWriter' };
  return undecidedDeliveries(db, letter.referenceDate);
}

/**
 * Every delivery realised by the reference date, and every one claimed on the EPF by then, counts in the letter's figures: nothing undecided may
 * reach a public surface, not even inside a total, so each needs its disclosure decision first.
 */
async function undecidedDeliveries(db: Db, referenceDate: string): Promise<(RuleViolation & { code: 'undecidedDeliveries' }) | null> {
  const count = await countUndecidedCountedBy(db, referenceDate);
  return count > 0 ? { field: 'referenceDate', code: 'undecidedDeliveries', params: { count: String(count) } } : null;
}

/**
 * The public letter as it would be finalised today, checked for what keeps it from being finalised: in
 * the register (a later letter final, a delivery without its disclosure decision), then in the letter.
 */
async function finalText(db: Db, letter: repository.StoredLetter, letterDate: string | undefined, today: IsoDate) {
  await refuseIfLaterLetterFinal(db, letter);
  const undecided = await undecidedDeliveries(db, letter.referenceDate);
  if (undecided) throw new ValidationError([undecided]);
  return writtenText(db, letter, letterDate, today);
}

/** Letters are finalised in the order of their reference dates. */
async function refuseIfLaterLetterFinal(db: Db, letter: Pick<repository.StoredLetter, 'referenceDate'>): Promise<void> {
  if (await laterLetterIsFinal(db, letter)) throw new ValidationError([{ field: 'referenceDate', code: 'laterLetterIsFinal' }]);
}

const laterLetterIsFinal = async (db: Db, letter: Pick<repository.StoredLetter, 'referenceDate'>) => (await repository.nextFinalReferenceDate(db, letter.referenceDate)) !== null;

/**
 * Refuses a draft that lacks what only its author can give it before it can be approved (a letter date,
 * text, figures its text can name), or that a later final letter keeps from ever being approved, so that it
 * is not submitted to a disclosure officer who cannot approve it.
 */
export async function refuseUnlessReadyForApproval(db: Db, letter: repository.StoredLetter, today: IsoDate): Promise<void> {
  await refuseIfLaterLetterFinal(db, letter);
  await writtenText(db, letter, undefined, today);
}

/** The public letter, dated and built, checked for what its author has to put right before it is approved and finalised. */
async function writtenText(db: Db, letter: repository.StoredLetter, letterDate: string | undefined, today: IsoDate) {
  const date = letterDate ?? letter.letterDate;
  if (!date || !isIsoDate(date)) throw new ValidationError([{ field: 'letterDate', code: 'required' }]);
  assertValid([...letterBeforeReferenceDateViolations(letter.referenceDate, date), ...finalisationViolations({ ...letter, letterDate: date }, today)]);
  const inputs = await gatherInputs(db, { ...letter, letterDate: date });
  // The letter before it may have become final after this one was dated.
  refuseLetterBeforePrevious(date, inputs.previous);
  const { snapshot, problems, exactLines } = buildPublicLetter(inputs);
  if (problems.length > 0) throw new ValidationError(await problemViolations(db, letter, problems));
  const listed = listedItems(snapshot).map((item) => item.publicId);
  return { date, inputs, exactLines, listed, seal: sealed(snapshot) };
}

/** The problems of the letter as the faults that keep it from being finalised, a figure of a record that counts only after its reference date said so. */
async function problemViolations(db: Db, letter: repository.StoredLetter, problems: readonly LetterProblem[]): Promise<RuleViolation[]> {
  return (await withRecordsCountingLater(db, letter.referenceDate, problems)).map((problem) => problemViolation(problem, letter.blocks));
}

/**
 * A problem as the fault that keeps the letter from being finalised: a figure the text may not name (a
 * delivery with why), or markup that is not whole or an amount typed by hand, at the text of its block.
 */
function problemViolation(problem: LetterProblem, blocks: readonly NarrativeBlock[]): RuleViolation {
  if ('fault' in problem) return blockTextViolation(problem, blocks);
  if ('params' in problem) return { field: 'blocks', code: problem.why, params: { name: `{{${problem.name}}}`, ...problem.params } };
  const { name, why } = problem;
  if (why === undefined || !name.startsWith('delivery:')) return { field: 'blocks', code: why ?? 'unknownFigure', params: { name: `{{${name}}}` } };
  return { field: 'blocks', code: 'deliveryNotNameable', params: { name: `{{${name}}}`, deliveryId: name.slice('delivery:'.length), why } };
}

function blockTextViolation({ block, fault, excerpt }: BlockMarkupFault | BlockTypedFigure, blocks: readonly NarrativeBlock[]): RuleViolation {
  return { field: `blocks.${block}.text`, code: fault, params: { ...blockParams(blocks, block), excerpt } };
}

/**
 * Freezes the letter: every figure and list as computed now from the register at the reference date,
 * the public letter and the confidential annex each as exact canonical JSON with its SHA-256. From then
 * on only the parliamentary paper number and the publication date can be added.
 */
export async function finalise(db: Db, context: RequestContext, id: string, expectedVersion: ExpectedVersion, letterDate?: string): Promise<LetterView> {
  assertValid(draftViolations({ letterDate }, requestDay(context)));
  return inTransaction(db, async (trx) => {
    const current = await draftAt(trx, id, expectedVersion);
    // The letter it follows stays final until this one is: withdrawn meanwhile, it would follow a letter never sent.
    await repository.latestFinalBefore(trx, current.referenceDate, { forShare: true });
    const { date, inputs, exactLines, listed, seal: publicSeal } = await finalText(trx, current, letterDate, requestDay(context));
    if (current.approvedSha256 !== publicSeal.sha256) {
      throw new ValidationError([{ field: 'approval', code: current.approvedSha256 === null ? 'notApproved' : 'changedSinceApproval' }]);
    }
    const annex = { ...(await annexSnapshot(trx, id, current.referenceDate, current.isDemonstration)), figureLines: exactLines };
    const annexSeal = sealed(annex);
    const now = context.now();
    const finalisedAt = now.toISOString();
    // Rendered once, now, and kept: each opening only stamps its reader on it.
    const rendering = await keepAnnex(trx, id, annex, finalisedAt, now);
    const final = await repository
      .markFinal(trx, id, current.version, {
        letterDate: date,
        previousLetterId: inputs.previous?.id ?? null,
        publicSnapshot: publicSeal.text,
        publicSha256: publicSeal.sha256,
        annexSnapshot: annexSeal.text,
        annexSha256: annexSeal.sha256,
        figureLines: exactLines,
        overviewIds: listed,
        finalisedByName: actorName(context),
        finalisedAt,
      })
      .catch((error: unknown) => {
        if (error instanceof UniqueViolationError && error.constraint === repository.ONE_FINAL_PER_REFERENCE_DATE) {
          throw new ValidationError([{ field: 'referenceDate', code: 'finalLetterExists' }]);
        }
        throw error;
      });
    if (!final) throw new VersionConflictError(current.version);
    await recordAuditEvent(trx, context, {
      action: 'letter.finalise',
      object: auditObject(id),
      result: 'success',
      after: { referenceDate: final.referenceDate, letterDate: date, publicSha256: publicSeal.sha256, annexSha256: annexSeal.sha256, annexRendering: rendering },
    });
    return view(trx, final, context.now());
  });
}

/** Compares two letters (drafts as they read now), with the final letters between them. */
export async function compareLetters(db: Db, fromId: string, toId: string, now: Date): Promise<LetterComparison> {
  const [from, to, finals] = await Promise.all([getLetter(db, fromId, now), getLetter(db, toId, now), repository.finalPublicSnapshots(db)]);
  const drafts = [from.letter, to.letter].filter((letter) => !finals.some((final) => final.id === letter.id));
  return compareSnapshots(from.letter, to.letter, [...finals, ...drafts]);
}

export interface Verification {
  ok: boolean;
  hashesMatch: boolean;
  differences: { figure: string; published: number; recomputed: number }[];
  /** The named figures of the text, as printed and as recomputed now, where they differ. */
  figureDifferences: { figure: string; published: string; recomputed: string }[];
  /** The rows of the annex's industry, training and readiness sections, as printed but with every amount to the cent, and as recomputed now, where they differ. */
  annexDifferences: AnnexSectionDifference[];
}

/**
 * Checks a final letter: its stored texts and its public copy still hash to their SHA-256, and every figure recomputed from
 * the register at its reference date equals what it published (a later revaluation shows here as a
 * difference; the letter itself stays as it was).
 */
export async function verifyLetter(db: Db, id: string): Promise<Verification> {
  const letter = await existing(db, id);
  // A withdrawn letter is checked as it was final: its texts and hashes stay the record of that.
  if (letter.status === 'draft' || letter.publicSnapshot === null) throw new ValidationError([{ field: 'status', code: 'notFinal' }]);
  // The exact stored texts are what was hashed; the public copy is what anyone downloads and hashes.
  const [frozen, publicCopy, annex, renderingIntact, keptLines, keptListed] = await Promise.all([
    repository.findFrozenTexts(db, id),
    repository.findPublicLetterCopy(db, id),
    repository.findFrozenAnnex(db, id),
    keptAnnexIntact(db, id),
    repository.findFrozenFigureLines(db, id),
    repository.findListedPublicIds(db, id),
  ]);
  const hashes = (text: string | null | undefined) => (text ? sha256Hex(text) : null);
  const hashesMatch =
    hashes(frozen?.publicSnapshot) === letter.publicSha256 &&
    hashes(frozen?.annexSnapshot) === letter.annexSha256 &&
    renderingIntact &&
    // The next letter reads this letter's table to the cent, and what it listed, from the copies kept beside its texts.
    isDeepStrictEqual(keptLines, annex?.figureLines) &&
    isDeepStrictEqual(keptListed, listedItems(letter.publicSnapshot).map((item) => item.publicId).sort()) &&
    // Under embargo there is no public copy yet.
    (letter.publishedAt === null ? publicCopy === undefined : publicCopy !== undefined && publicCopy.sha256 === letter.publicSha256 && hashes(publicCopy.snapshot) === letter.publicSha256);
  const totals = await realisedTotalsAt(db, letter.referenceDate);
  const recomputed: Record<string, number> = { ...letterTotals(totals), total: centsOfTotal(totalCents(SUPPORT_TYPES.map((type) => totals[type]))) };
  const differences: Verification['differences'] = exactFigureLines(letter.publicSnapshot, annex?.figureLines)
    .filter((line) => recomputed[line.key] !== line.currentCents)
    .map((line) => ({ figure: line.key, published: line.currentCents, recomputed: recomputed[line.key]! }));
  const annexNow = await annexContentAt(db, letter.referenceDate);
  if (annex && annexNow.totalCents !== annex.totalCents) differences.push({ figure: 'annexTotal', published: annex.totalCents, recomputed: annexNow.totalCents });
  // Per delivery too: changes that make up for each other leave the total as it was.
  for (const row of annex ? annexValueDifferences(annex.rows, annexNow.rows) : []) differences.push({ figure: `annexRow:${row.delivery}`, published: row.published, recomputed: row.recomputed });
  // To the cent: a difference of cents in an amount the annex prints rounded (a contract's, a replacement's) is one all the same.
  const annexDifferences = annex ? annexSectionDifferences(annex, annexNow, formatExactEuros) : [];
  const figureDifferences = await namedFigureDifferences(db, letter);
  return {
    ok: hashesMatch && differences.length === 0 && figureDifferences.length === 0 && annexDifferences.length === 0,
    hashesMatch,
    differences,
    figureDifferences,
    annexDifferences,
  };
}

/**
 * A final letter verified for a reader: what it recomputes includes the annex's rows and the register's values
 * at the reference date now, confidential material, so each verification is recorded as a read of it.
 */
export async function verifyLetterFor(db: Db, context: RequestContext, id: string): Promise<Verification> {
  const verification = await verifyLetter(db, id);
  await recordAuditEvent(db, context, { action: 'letter.verify', object: auditObject(id), result: 'success', detail: { ok: verification.ok } });
  return verification;
}

async function namedFigureDifferences(db: Db, letter: repository.StoredLetter): Promise<Verification['figureDifferences']> {
  const published = letter.publicSnapshot?.namedFigures ?? {};
  // Its disclosure was approved with it: a decision since (publication waits for it) changes no figure.
  const inputs = await gatherInputs(db, { ...letter, letterDate: letter.publicSnapshot!.letterDate }, { checkDisclosure: false });
  // The previous letter as this one named it: a paper number recorded for it since is no figure of the register.
  const printedPaperNumber = letter.publicSnapshot!.previousLetter?.paperNumber ?? null;
  const previous = inputs.previous && { ...inputs.previous, paperNumber: printedPaperNumber };
  // In the words of the format it was finalised in: a wording changed since is no difference of the register.
  const built = buildPublicLetter({ ...inputs, previous }, letter.publicSnapshot!.format);
  return Object.entries(published)
    .map(([figure, text]) => ({ figure, published: text, recomputed: recomputedNamedFigure(built, figure) ?? '' }))
    .filter(({ published, recomputed }) => recomputed !== published);
}

export async function existing(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  const letter = isUuid(id) ? await repository.findLetter(db, id, options) : undefined;
  if (!letter) throw new NotFoundError('letter', id);
  return letter;
}

function refuseUnlessDraft(letter: repository.StoredLetter): void {
  if (letter.status !== 'draft') throw new ValidationError([{ field: 'status', code: letter.status === 'withdrawn' ? 'letterIsWithdrawn' : 'letterIsFinal' }]);
}

/** The letter, locked until the change commits, at the version the change is based on (412 otherwise): a second change waits, then finds a newer version. */
export async function letterAt(trx: Db, id: string, expectedVersion: ExpectedVersion): Promise<repository.StoredLetter> {
  const current = await existing(trx, id, { forUpdate: true });
  assertVersionMatches(expectedVersion, current.version);
  return current;
}

/** A draft, locked as `letterAt` locks it; a final letter is refused as final (400) whatever version the change is based on. */
export async function draftAt(trx: Db, id: string, expectedVersion: ExpectedVersion): Promise<repository.StoredLetter> {
  const current = await existing(trx, id, { forUpdate: true });
  refuseUnlessDraft(current);
  assertVersionMatches(expectedVersion, current.version);
  return current;
}

async function view(db: Db, stored: repository.StoredLetter, now: Date): Promise<LetterView> {
  const [{ snapshot: letter, problems, notes, figures }, reviews, publications] = await Promise.all([
    publicLetterNow(db, stored, now),
    embargo.reviewHistory(db, stored.id),
    embargo.publicationHistory(db, stored.id),
  ]);
  const faults = await problemViolations(db, stored, problems);
  const approval =
    stored.approvedSha256 === null
      ? null
      : {
          sha256: stored.approvedSha256,
          byName: stored.approvedByName!,
          at: stored.approvedAt!,
          matchesCurrent: approvalMatches(stored, letter),
        };
  return {
    id: stored.id,
    referenceDate: stored.referenceDate,
    letterDate: stored.letterDate,
    status: stored.status,
    version: stored.version,
    blocks: stored.blocks,
    paperNumber: stored.paperNumber,
    publishedOn: stored.publishedOn,
    publicSha256: stored.publicSha256,
    annexSha256: stored.annexSha256,
    finalisedAt: stored.finalisedAt,
    finalisedByName: stored.finalisedByName,
    isDemonstration: stored.isDemonstration,
    letter,
    problems: [...faults, ...(stored.status === 'draft' ? signatoryViolations(stored) : [])],
    notes: notes.map(({ field, code, params }) => ({ field, code, params })),
    shipmentsWithoutLicence: shipmentsWithoutLicenceOf(notes),
    figures: [...figures].map(([name, value]) => ({ name, value })),
    approval,
    submittedAt: stored.submittedAt,
    submittedByName: stored.submittedByName,
    reviews: reviews.map(({ action, comment, byName, at }) => ({ action: ReviewActionSchema.parse(action), comment, byName, at })),
    sentAt: stored.sentAt,
    sentByName: stored.sentByName,
    publishAt: stored.publishAt,
    publishedAt: stored.publishedAt,
    publications: publications.map(({ paperNumber, publishedOn, reason, recordedByName, recordedAt }) => ({ paperNumber, publishedOn, reason, recordedByName, recordedAt })),
    withdrawal: stored.withdrawnAt === null ? null : { reason: stored.withdrawalReason!, byName: stored.withdrawnByName!, at: stored.withdrawnAt },
    letterhead: letter.letterhead ?? DEFAULT_LETTERHEAD,
  };
}

/** Whether the approval still holds for the public letter as it reads: always once final (withdrawn too), for a draft only for the very text approved. */
function approvalMatches(stored: repository.StoredLetter, letter: PublicLetterSnapshot): boolean {
  return stored.status !== 'draft' || (stored.letterDate !== null && sealed(letter).sha256 === stored.approvedSha256);
}

/**
 * Whether the letter has an approval that still holds: a draft's approval ends when its text changes, and
 * also when a change in the register changes what the letter would print.
 */
export async function approvalHolds(db: Db, stored: repository.StoredLetter): Promise<boolean> {
  if (stored.approvedSha256 === null) return false;
  if (stored.status !== 'draft') return true;
  return stored.letterDate !== null && approvalMatches(stored, buildPublicLetter(await gatherInputs(db, { ...stored, letterDate: stored.letterDate })).snapshot);
}

/** The public letter: as frozen once final; for a draft, built from the register now (dated today until it has a date). */
async function publicLetterNow(db: Db, stored: repository.StoredLetter, now: Date): Promise<BuiltLetter> {
  if (stored.publicSnapshot !== null) {
    return { snapshot: stored.publicSnapshot, problems: [], notes: [], figures: new Map(Object.entries(stored.publicSnapshot.namedFigures ?? {})) };
  }
  return buildPublicLetter(await gatherInputs(db, { ...stored, letterDate: stored.letterDate ?? todayInAmsterdam(now) }));
}

/** The letter's snapshot holds its figures as numbers: a total beyond 2^53 cents is refused, not rounded. */
function letterTotals(totals: RealisedTotals): Totals {
  return Object.fromEntries(SUPPORT_TYPES.map((type) => [type, centsOfTotal(totals[type])])) as Totals;
}

/**
 * Which companies' contracts a letter's industry figures count: a draft's, those decided on now; a final letter's
 * when verified, those decided on when it was finalised, or every company's where its format counted them so.
 */
function companiesCounted(letter: repository.StoredLetter, options: { checkDisclosure: boolean }): CompaniesCounted {
  if (options.checkDisclosure || letter.finalisedAt === null) return 'decidedNow';
  return letter.publicSnapshot && !wordingOf(letter.publicSnapshot.format).industryOfDecidedCompanies ? 'every' : { decidedBefore: letter.finalisedAt };
}

/** How many of the deliveries that left without a licence covering them a draft lists by name: a register's history imported as shipped without one may hold thousands. */
const SHIPMENTS_LISTED = 100;

function shipmentsWithoutLicenceOf(notes: BuiltLetter['notes']): LetterView['shipmentsWithoutLicence'] {
  const note = notes.find((candidate) => candidate.code === 'shipmentsWithoutLicence');
  return note ? { count: Number(note.params.count), first: [...note.deliveries] } : { count: 0, first: [] };
}

/**
 * What a letter at its reference date is made of, from the register as it is now; `checkDisclosure` false
 * takes the values the text names whatever was decided of their deliveries since, and counts the companies as
 * the letter did when it was finalised (verifying a final letter; companiesCounted).
 */
async function gatherInputs(db: Db, letter: repository.StoredLetter & { letterDate: string }, options = { checkDisclosure: true }): Promise<LetterInputs> {
  const previous = (await repository.latestFinalBefore(db, letter.referenceDate)) ?? null;
  const referencedDeliveries = figureNames(letter.blocks)
    .filter((name) => name.startsWith('delivery:'))
    .map((name) => name.slice('delivery:'.length));
  const [[totals, totalsAtPrevious], deliveryFacts, overview, epf, budget, industry, training, readinessEffects, exportShipments] = await Promise.all([
    // Without a previous letter its date is the letter's own, which costs nothing more in the one pass.
    realisedTotalsAtDates(db, [letter.referenceDate, previous?.referenceDate ?? letter.referenceDate]),
    repository.namedDeliveryFacts(db, referencedDeliveries.filter(isUuid), letter.referenceDate),
    repository.newPublicDeliveriesBy(db, letter.referenceDate),
    epfOverview(db, letter.referenceDate),
    letterBudgetInputs(db, letter.referenceDate, budgetFigureIds(letter.blocks), options),
    industryFactsAt(db, letter.referenceDate, companiesCounted(letter, options)),
    trainingForLetter(db),
    readinessEffectsAt(db, letter.referenceDate),
    shipmentCountsBy(db, letter.referenceDate, SHIPMENTS_LISTED),
  ]);
  const previousSnapshot = previous?.publicSnapshot ?? null;
  const named = namedDeliveries(referencedDeliveries, deliveryFacts, options);
  return {
    id: letter.id,
    referenceDate: letter.referenceDate,
    letterDate: letter.letterDate,
    isDemonstration: letter.isDemonstration,
    previous:
      previous && previousSnapshot
        ? {
            id: previousSnapshot.id,
            referenceDate: previousSnapshot.referenceDate,
            letterDate: previousSnapshot.letterDate,
            paperNumber: previous.paperNumber,
            reportedTotals: await reportedTotals(db, previous.id, previousSnapshot),
          }
        : null,
    totals: letterTotals(totals),
    restatedPreviousTotals: previous && letterTotals(totalsAtPrevious),
    blocks: letter.blocks,
    publicDeliveryValues: named.values,
    refusedDeliveries: named.refused,
    overview,
    epf,
    budget,
    industry,
    training,
    readinessEffects,
    exportShipments,
    letterhead: storedLetterhead(letter),
  };
}

/** The ids the text names per kind of budget figure (`{{budgetDecision:ID}}`, `{{budgetDecision:ID.period}}`, …). */
function budgetFigureIds(blocks: readonly NarrativeBlock[]): Record<LetterBudgetFigureKind, string[]> {
  const names = figureNames(blocks);
  const idsOf = (kind: LetterBudgetFigureKind) =>
    names.filter((name) => name.startsWith(`${kind}:`)).map((name) => figureId(name.slice(kind.length + 1))).filter(isUuid);
  return Object.fromEntries(LETTER_BUDGET_FIGURE_KINDS.map((kind) => [kind, idsOf(kind)])) as Record<LetterBudgetFigureKind, string[]>;
}

/** A final letter's table to the cent: in its public snapshot where that is of format 1, else in its confidential annex. */
function exactFigureLines(snapshot: PublicLetterSnapshot, annexLines: FigureLine[] | undefined): FigureLine[] {
  if (snapshot.format === EXACT_SNAPSHOT_FORMAT) return snapshot.figures.lines;
  if (!annexLines) throw new Error(`the final letter ${snapshot.id} keeps no figures to the cent`);
  return annexLines;
}

/** The totals to the cent a final letter reported per support type, its annex's table read without the rest of the annex where needed. */
export async function reportedTotals(db: Db, letterId: string, snapshot: PublicLetterSnapshot): Promise<Totals> {
  const annexLines = snapshot.format === EXACT_SNAPSHOT_FORMAT ? undefined : await repository.findFrozenFigureLines(db, letterId);
  const lines = exactFigureLines(snapshot, annexLines);
  return Object.fromEntries(SUPPORT_TYPES.map((type) => [type, lines.find((line) => line.key === type)!.currentCents])) as Totals;
}
