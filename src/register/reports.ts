import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sha256Hex, type AuditObject } from '../audit/event.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { isAllowed, isRole } from '../domain/access.ts';
import { SUPPORT_TYPES } from '../domain/delivery.ts';
import { isIsoDate } from '../../common/dates.ts';
import { sumCents } from '../../common/money.ts';
import { containsDemonstrationData } from '../db/repositories/deliveries.ts';
import { countUndecidedRealisedBy } from '../db/repositories/disclosure.ts';
import { realisedTotalsAt } from '../db/repositories/figures.ts';
import * as reports from '../db/repositories/reports.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { AnnexSnapshot } from '../reports/compose.ts';
import { compareLetters, type LetterComparison } from '../reports/compare.ts';
import { DEFAULT_BLOCKS } from '../reports/default-blocks.ts';
import { figureNames, type NarrativeBlock } from '../reports/narrative.ts';
import { buildPublicLetter, sealed, type FigureLine, type LetterInputs, type PublicLetterSnapshot, type Totals } from '../reports/snapshot.ts';
import { NotFoundError, ValidationError, VersionConflictError } from './errors.ts';

type Db = Kysely<Database>;

/** A letter as its author sees it: for a draft, computed from the register now; once final, as frozen. */
export interface ReportView {
  id: string;
  referenceDate: string;
  letterDate: string | null;
  status: 'draft' | 'final';
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
  /** What keeps a draft from being finalised. */
  problems: string[];
  /** The disclosure officer's approval of the public letter, and whether it still reads as approved. */
  approval: { sha256: string; byName: string; at: string; matchesCurrent: boolean } | null;
}

const auditObject = (id: string): AuditObject => ({ type: 'report', id });

/** Starts a letter; its text is the previous letter's, unless other blocks are given. */
export async function createDraft(
  db: Db,
  context: RequestContext,
  input: { referenceDate: string; letterDate?: string | null; blocks?: readonly NarrativeBlock[] },
): Promise<ReportView> {
  return inTransaction(db, async (trx) => {
    const previous = await reports.latestFinalBefore(trx, input.referenceDate);
    const stored = await reports.insertReport(trx, {
      id: randomUUID(),
      referenceDate: input.referenceDate,
      letterDate: input.letterDate ?? null,
      previousReportId: null,
      status: 'draft',
      blocks: input.blocks ?? (previous?.blocks as NarrativeBlock[] | undefined) ?? DEFAULT_BLOCKS,
      publicSnapshot: null,
      publicSha256: null,
      annexSnapshot: null,
      annexSha256: null,
      paperNumber: null,
      publishedOn: null,
      createdByName: context.actor?.username ?? 'system',
      finalisedByName: null,
      finalisedAt: null,
      approvedSha256: null,
      approvedByName: null,
      approvedAt: null,
      isDemonstration: await containsDemonstrationData(trx),
      createdAt: context.now().toISOString(),
    });
    await recordAuditEvent(trx, context, { action: 'report.create', object: auditObject(stored.id), result: 'success', after: { referenceDate: stored.referenceDate } });
    return view(trx, stored, context.now());
  });
}

export async function getReport(db: Db, id: string, now: Date): Promise<ReportView> {
  return view(db, await existing(db, id), now);
}

export async function listReports(db: Db): Promise<reports.ReportSummary[]> {
  return reports.listReports(db);
}

export async function updateDraft(
  db: Db,
  context: RequestContext,
  id: string,
  expectedVersion: number,
  change: { blocks?: NarrativeBlock[]; letterDate?: string | null },
): Promise<ReportView> {
  return inTransaction(db, async (trx) => {
    const current = await existing(trx, id, { forUpdate: true });
    refuseUnlessDraft(current);
    if (current.version !== expectedVersion) throw new VersionConflictError(current.version);
    const updated = await reports.updateDraft(trx, id, expectedVersion, change);
    if (!updated) throw new VersionConflictError(current.version);
    await recordAuditEvent(trx, context, {
      action: 'report.update',
      object: auditObject(id),
      result: 'success',
      before: { blocks: current.blocks, letterDate: current.letterDate },
      after: { blocks: updated.blocks, letterDate: updated.letterDate },
    });
    return view(trx, updated, context.now());
  });
}

/**
 * A disclosure officer approves the public letter as it reads now: its figures are aggregates of
 * confidential deliveries too, and publishing them is a disclosure decision. The approval holds for
 * exactly this text (its SHA-256); any change to the draft or to the register that changes the letter
 * needs a new approval before it can be finalised.
 */
export async function approve(db: Db, context: RequestContext, id: string, expectedVersion: number): Promise<ReportView> {
  return inTransaction(db, async (trx) => {
    const current = await existing(trx, id, { forUpdate: true });
    refuseUnlessDraft(current);
    if (current.version !== expectedVersion) throw new VersionConflictError(current.version);
    const { seal } = await finalText(trx, current, current.letterDate ?? undefined);
    const approved = await reports.markApproved(trx, id, expectedVersion, {
      approvedSha256: seal.sha256,
      approvedByName: context.actor?.username ?? 'system',
      approvedAt: context.now().toISOString(),
    });
    if (!approved) throw new VersionConflictError(current.version);
    await recordAuditEvent(trx, context, { action: 'report.approve', object: auditObject(id), result: 'success', after: { publicSha256: seal.sha256 } });
    return view(trx, approved, context.now());
  });
}

/** The public letter as it would be finalised now, checked for what keeps it from being finalised. */
async function finalText(db: Db, report: reports.StoredReport, letterDate: string | undefined) {
  const date = letterDate ?? report.letterDate;
  if (!date || !isIsoDate(date)) throw new ValidationError([{ field: 'letterDate', code: 'required' }]);
  if (date < report.referenceDate) throw new ValidationError([{ field: 'letterDate', code: 'letterBeforeReferenceDate' }]);
  if (await reports.hasFinalAfter(db, report.referenceDate)) {
    throw new ValidationError([{ field: 'referenceDate', code: 'laterLetterIsFinal' }]);
  }
  // Every delivery realised by the reference date counts in the letter's figures: nothing undecided may
  // reach a public surface, not even inside a total, so each needs its disclosure decision first.
  const undecided = await countUndecidedRealisedBy(db, report.referenceDate);
  if (undecided > 0) throw new ValidationError([{ field: 'referenceDate', code: 'undecidedDeliveries', params: { count: String(undecided) } }]);
  const inputs = await gatherInputs(db, { ...report, letterDate: date });
  const { snapshot, problems } = buildPublicLetter(inputs);
  if (problems.length > 0) {
    throw new ValidationError(problems.map((name) => ({ field: 'blocks', code: 'unknownFigure', params: { name } })));
  }
  return { date, inputs, seal: sealed(snapshot) };
}

/**
 * Freezes the letter: every figure and list as computed now from the register at the reference date,
 * the public letter and the confidential annex each as exact canonical JSON with its SHA-256. From then
 * on only the parliamentary paper number and the publication date can be added.
 */
export async function finalise(db: Db, context: RequestContext, id: string, expectedVersion: number, letterDate?: string): Promise<ReportView> {
  return inTransaction(db, async (trx) => {
    const current = await existing(trx, id, { forUpdate: true });
    refuseUnlessDraft(current);
    if (current.version !== expectedVersion) throw new VersionConflictError(current.version);
    const { date, inputs, seal: publicSeal } = await finalText(trx, current, letterDate);
    if (current.approvedSha256 !== publicSeal.sha256) {
      throw new ValidationError([{ field: 'approval', code: current.approvedSha256 === null ? 'notApproved' : 'changedSinceApproval' }]);
    }
    const annex = await annexSnapshot(trx, id, current.referenceDate, current.isDemonstration);
    const annexSeal = sealed(annex);
    const finalisedAt = context.now().toISOString();
    const final = await reports
      .markFinal(trx, id, expectedVersion, {
        letterDate: date,
        previousReportId: inputs.previous?.id ?? null,
        publicSnapshot: publicSeal.text,
        publicSha256: publicSeal.sha256,
        annexSnapshot: annexSeal.text,
        annexSha256: annexSeal.sha256,
        finalisedByName: context.actor?.username ?? 'system',
        finalisedAt,
      })
      .catch((error: { code?: string }) => {
        if (error.code === '23505') throw new ValidationError([{ field: 'referenceDate', code: 'finalLetterExists' }]);
        throw error;
      });
    if (!final) throw new VersionConflictError(current.version);
    await reports.insertPublicLetter(trx, {
      id,
      referenceDate: final.referenceDate,
      letterDate: date,
      paperNumber: null,
      publishedOn: null,
      snapshot: publicSeal.text,
      sha256: publicSeal.sha256,
      isDemonstration: final.isDemonstration,
    });
    await recordAuditEvent(trx, context, {
      action: 'report.finalise',
      object: auditObject(id),
      result: 'success',
      after: { referenceDate: final.referenceDate, letterDate: date, publicSha256: publicSeal.sha256, annexSha256: annexSeal.sha256 },
    });
    return view(trx, final, context.now());
  });
}

/** Adds what parliament assigns after sending: the paper number ("Kamerstuk 22 054, nr. 460") and the publication date. */
export async function recordPublication(
  db: Db,
  context: RequestContext,
  id: string,
  publication: { paperNumber: string | null; publishedOn: string | null },
): Promise<ReportView> {
  return inTransaction(db, async (trx) => {
    const current = await existing(trx, id, { forUpdate: true });
    if (current.status !== 'final') throw new ValidationError([{ field: 'status', code: 'notFinal' }]);
    const violations = [
      ...(current.paperNumber !== null && publication.paperNumber !== current.paperNumber ? [{ field: 'paperNumber', code: 'alreadySet' }] : []),
      ...(current.publishedOn !== null && publication.publishedOn !== current.publishedOn ? [{ field: 'publishedOn', code: 'alreadySet' }] : []),
    ];
    if (violations.length > 0) throw new ValidationError(violations);
    const updated = await reports.setPublication(trx, id, publication);
    await recordAuditEvent(trx, context, {
      action: 'report.publication',
      object: auditObject(id),
      result: 'success',
      before: { paperNumber: current.paperNumber, publishedOn: current.publishedOn },
      after: publication,
    });
    return view(trx, updated, context.now());
  });
}

/**
 * The annex: frozen with a final letter, computed for a draft. Every opening is an audit event. The annex
 * of a draft is only for those who may read the draft itself: parliament sees the annex of a letter as it
 * was sent, and is told there is no other.
 */
export async function openAnnex(db: Db, context: RequestContext, id: string): Promise<AnnexSnapshot> {
  const role = context.actor?.role;
  if ((await existing(db, id)).status !== 'final' && !(role && isRole(role) && isAllowed(role, 'report.read'))) {
    await recordAuditEvent(db, context, { action: 'annex.read', object: auditObject(id), result: 'denied', detail: { reason: 'draft' } });
    throw new NotFoundError('report', id);
  }
  return inTransaction(db, async (trx) => {
    const report = await existing(trx, id);
    const annex = report.annexSnapshot
      ? (JSON.parse(report.annexSnapshot) as AnnexSnapshot)
      : await annexSnapshot(trx, id, report.referenceDate, report.isDemonstration);
    await recordAuditEvent(trx, context, { action: 'annex.read', object: auditObject(id), result: 'success', detail: { status: report.status } });
    return annex;
  });
}

/** Compares two letters (drafts as they read now), with the final letters between them. */
export async function compareReports(db: Db, fromId: string, toId: string, now: Date): Promise<LetterComparison> {
  const [from, to, finals] = await Promise.all([getReport(db, fromId, now), getReport(db, toId, now), reports.finalPublicSnapshots(db)]);
  const letters = finals.map((text) => JSON.parse(text) as PublicLetterSnapshot);
  const drafts = [from.letter, to.letter].filter((letter) => !letters.some((final) => final.id === letter.id));
  return compareLetters(from.letter, to.letter, [...letters, ...drafts]);
}

export interface Verification {
  ok: boolean;
  hashesMatch: boolean;
  differences: { figure: string; published: number; recomputed: number }[];
}

/**
 * Checks a final letter: its stored texts and its public copy still hash to their SHA-256, and every figure recomputed from
 * the register at its reference date equals what it published (a later revaluation shows here as a
 * difference; the letter itself stays as it was).
 */
export async function verifyReport(db: Db, id: string): Promise<Verification> {
  const report = await existing(db, id);
  if (report.status !== 'final') throw new ValidationError([{ field: 'status', code: 'notFinal' }]);
  // The exact stored texts are what was hashed; the public copy is what anyone downloads and hashes.
  const publicCopy = await reports.findPublicLetterCopy(db, id);
  const hashesMatch =
    sha256Hex(report.publicSnapshot!) === report.publicSha256 &&
    sha256Hex(report.annexSnapshot!) === report.annexSha256 &&
    publicCopy !== undefined &&
    publicCopy.sha256 === report.publicSha256 &&
    sha256Hex(publicCopy.snapshot) === report.publicSha256;
  const published = JSON.parse(report.publicSnapshot!) as PublicLetterSnapshot;
  const totals = await realisedTotalsAt(db, report.referenceDate);
  const recomputed: Record<string, number> = { ...totals, total: sumCents(SUPPORT_TYPES.map((type) => totals[type])) };
  const differences: Verification['differences'] = published.figures.lines
    .filter((line) => recomputed[line.key] !== line.currentCents)
    .map((line) => ({ figure: line.key, published: line.currentCents, recomputed: recomputed[line.key]! }));
  const annex = JSON.parse(report.annexSnapshot!) as AnnexSnapshot;
  const annexNow = await reports.annexRows(db, report.referenceDate);
  const annexTotalNow = sumCents(annexNow.map((row) => row.valueCents));
  if (annexTotalNow !== annex.totalCents) differences.push({ figure: 'annexTotal', published: annex.totalCents, recomputed: annexTotalNow });
  return { ok: hashesMatch && differences.length === 0, hashesMatch, differences };
}

async function existing(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  const report = isUuid(id) ? await reports.findReport(db, id, options) : undefined;
  if (!report) throw new NotFoundError('report', id);
  return report;
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

function refuseUnlessDraft(report: reports.StoredReport): void {
  if (report.status !== 'draft') throw new ValidationError([{ field: 'status', code: 'letterIsFinal' }]);
}

async function view(db: Db, report: reports.StoredReport, now: Date): Promise<ReportView> {
  let letter: PublicLetterSnapshot;
  let problems: string[] = [];
  if (report.status === 'final') {
    letter = JSON.parse(report.publicSnapshot!) as PublicLetterSnapshot;
  } else {
    const built = buildPublicLetter(await gatherInputs(db, { ...report, letterDate: report.letterDate ?? now.toISOString().slice(0, 10) }));
    letter = built.snapshot;
    problems = built.problems;
  }
  const approval =
    report.approvedSha256 === null
      ? null
      : {
          sha256: report.approvedSha256,
          byName: report.approvedByName!,
          at: report.approvedAt!,
          matchesCurrent: report.status === 'final' || (report.letterDate !== null && sealed(letter).sha256 === report.approvedSha256),
        };
  return {
    id: report.id,
    referenceDate: report.referenceDate,
    letterDate: report.letterDate,
    status: report.status as ReportView['status'],
    version: report.version,
    blocks: report.blocks as NarrativeBlock[],
    paperNumber: report.paperNumber,
    publishedOn: report.publishedOn,
    publicSha256: report.publicSha256,
    annexSha256: report.annexSha256,
    finalisedAt: report.finalisedAt,
    finalisedByName: report.finalisedByName,
    isDemonstration: report.isDemonstration,
    letter,
    problems,
    approval,
  };
}

/** What a letter at its reference date is made of, from the register as it is now. */
async function gatherInputs(db: Db, report: reports.StoredReport & { letterDate: string }): Promise<LetterInputs> {
  const blocks = report.blocks as NarrativeBlock[];
  const previousReport = await reports.latestFinalBefore(db, report.referenceDate);
  const previousSnapshot = previousReport && (JSON.parse(previousReport.publicSnapshot!) as PublicLetterSnapshot);
  const referencedDeliveries = figureNames(blocks)
    .filter((name) => name.startsWith('delivery:'))
    .map((name) => name.slice('delivery:'.length))
    .filter(isUuid);
  const [totals, restated, publicDeliveryValues, candidates, earlierSnapshots] = await Promise.all([
    realisedTotalsAt(db, report.referenceDate),
    previousReport ? realisedTotalsAt(db, previousReport.referenceDate) : Promise.resolve(null),
    reports.publicDeliveryValues(db, referencedDeliveries),
    reports.publicDeliveriesRealisedBy(db, report.referenceDate),
    reports.publicSnapshotsBefore(db, report.referenceDate),
  ]);
  const listedBefore = new Set(
    earlierSnapshots.flatMap((text) => (JSON.parse(text) as PublicLetterSnapshot).overview.flatMap((group) => group.items.map((item) => item.publicId))),
  );
  return {
    id: report.id,
    referenceDate: report.referenceDate,
    letterDate: report.letterDate,
    isDemonstration: report.isDemonstration,
    previous: previousReport && previousSnapshot
      ? {
          id: previousReport.id,
          referenceDate: previousReport.referenceDate,
          letterDate: previousReport.letterDate!,
          paperNumber: previousReport.paperNumber,
          reportedTotals: totalsOf(previousSnapshot.figures.lines),
        }
      : null,
    totals,
    restatedPreviousTotals: restated,
    blocks,
    publicDeliveryValues,
    overview: candidates.filter((item) => !listedBefore.has(item.publicId)),
  };
}

function totalsOf(lines: FigureLine[]): Totals {
  return Object.fromEntries(SUPPORT_TYPES.map((type) => [type, lines.find((line) => line.key === type)!.currentCents])) as Totals;
}

async function annexSnapshot(db: Db, letterId: string, referenceDate: string, isDemonstration: boolean): Promise<AnnexSnapshot> {
  const rows = await reports.annexRows(db, referenceDate);
  return { format: 'steunregister-annex/1', letterId, referenceDate, isDemonstration, rows, totalCents: sumCents(rows.map((row) => row.valueCents)) };
}
