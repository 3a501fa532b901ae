/**
 * The review of a draft: the author submits it for approval (or withdraws it), a disclosure officer
 * approves it (see `approve`) or rejects it with a comment; a draft can be deleted. Each step is kept in
 * the letter's review history and is an audit event. What waits for whom follows from the letters' state.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { requestDay, actorName, recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import type { Role } from '../domain/access.ts';
import { lastAuditEvent } from '../db/repositories/audit.ts';
import * as embargo from '../db/repositories/letter-publication.ts';
import { listLetters, type LetterSummary } from '../db/repositories/letters.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { MadeOnce } from '../made-once.ts';
import { textViolations } from '../domain/plausibility.ts';
import { ValidationError, type ExpectedVersion } from './errors.ts';
import { approvalHolds, approve, draftAt, existing, getLetter, refuseUnlessReadyForApproval, type LetterView } from './letters.ts';

type Db = Kysely<Database>;

const MAX_COMMENT = 4000;

async function review(trx: Db, context: RequestContext, id: string, action: 'submit' | 'reject' | 'withdraw', comment = ''): Promise<void> {
  const at = context.now().toISOString();
  await embargo.insertReview(trx, { id: randomUUID(), letterId: id, action, comment, byName: actorName(context), at });
  await recordAuditEvent(trx, context, { action: `letter.${action}`, object: { type: 'letter', id }, result: 'success', ...(comment ? { after: { comment } } : {}) });
}

export async function submitForApproval(db: Db, context: RequestContext, id: string, expectedVersion: ExpectedVersion): Promise<LetterView> {
  return inTransaction(db, async (trx) => {
    const current = await draftAt(trx, id, expectedVersion);
    if (current.submittedAt !== null) throw new ValidationError([{ field: 'status', code: 'alreadySubmitted' }]);
    await refuseUnlessReadyForApproval(trx, current, requestDay(context));
    await embargo.setSubmission(trx, id, { submittedAt: context.now().toISOString(), submittedByName: actorName(context) });
    await review(trx, context, id, 'submit');
    return getLetter(trx, id, context.now());
  });
}

/**
 * Both steps of the review in one context: only for the system's own letters (the demonstration), as four
 * eyes hold a person back from approving what they submitted.
 */
export async function submitAndApprove(db: Db, context: RequestContext, id: string, expectedVersion: ExpectedVersion): Promise<LetterView> {
  return inTransaction(db, async (trx) => {
    const submitted = await submitForApproval(trx, context, id, expectedVersion);
    return approve(trx, context, id, submitted.version);
  });
}

export async function withdrawSubmission(db: Db, context: RequestContext, id: string, expectedVersion: ExpectedVersion): Promise<LetterView> {
  return inTransaction(db, async (trx) => {
    const current = await draftAt(trx, id, expectedVersion);
    if (current.submittedAt === null) throw new ValidationError([{ field: 'status', code: 'notSubmitted' }]);
    await embargo.setSubmission(trx, id, 'withdrawn');
    await review(trx, context, id, 'withdraw');
    return getLetter(trx, id, context.now());
  });
}

/** A disclosure officer sends a submitted draft back, saying why; an approval it had no longer holds. */
export async function reject(db: Db, context: RequestContext, id: string, expectedVersion: ExpectedVersion, comment: string): Promise<LetterView> {
  return inTransaction(db, async (trx) => {
    const current = await draftAt(trx, id, expectedVersion);
    const violations = [
      ...(current.submittedAt === null ? [{ field: 'status', code: 'notSubmitted' }] : []),
      ...textViolations('comment', comment, { maximum: MAX_COMMENT, required: true }),
    ];
    if (violations.length > 0) throw new ValidationError(violations);
    await embargo.setSubmission(trx, id, 'rejected');
    await review(trx, context, id, 'reject', comment);
    return getLetter(trx, id, context.now());
  });
}

/** Deletes a draft (a final letter is never deleted); the audit trail keeps what it said. */
export async function deleteDraft(db: Db, context: RequestContext, id: string, expectedVersion: ExpectedVersion): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await draftAt(trx, id, expectedVersion);
    await embargo.deleteDraft(trx, id);
    await recordAuditEvent(trx, context, {
      action: 'letter.delete',
      object: { type: 'letter', id },
      result: 'success',
      before: { referenceDate: current.referenceDate, letterDate: current.letterDate, blocks: current.blocks },
    });
  });
}

export const WAITING_KINDS = ['approveLetter', 'reviseLetter', 'finaliseLetter', 'sendLetter', 'recordPublication'] as const;
type WaitingKind = (typeof WAITING_KINDS)[number];

export interface WaitingItem {
  kind: WaitingKind;
  letterId: string;
  referenceDate: string;
  since: string;
  /** The reviewer's comment, for a rejected draft. */
  comment: string | null;
}

/**
 * What waits for someone in this role, the oldest first. An approval counts only while it holds: when a
 * change in the register changes what an approved draft would print, the draft waits for a new approval,
 * not to be finalised (which would be refused).
 */
export async function waitingFor(db: Db, role: Role): Promise<WaitingItem[]> {
  const letters = await listLetters(db);
  const items: WaitingItem[] = [];
  const item = (kind: WaitingKind, letter: LetterSummary, since: string, comment: string | null = null) =>
    items.push({ kind, letterId: letter.id, referenceDate: letter.referenceDate, since, comment });
  // Read once, only when there is an approved draft to check, and before any draft is built.
  let lastEventRead: Promise<string> | undefined;
  const lastEvent = () => (lastEventRead ??= lastAuditEvent(db).then((event) => event?.hash ?? ''));
  const approved = async (letter: LetterSummary) => letter.approvedSha256 !== null && (await approvalHoldsAt(db, letter, await lastEvent()));
  for (const letter of letters) {
    if (role === 'disclosureOfficer' && letter.status === 'draft' && letter.submittedAt !== null && !(await approved(letter))) {
      item('approveLetter', letter, letter.submittedAt);
    }
    if (role !== 'letterAuthor') continue;
    if (letter.status === 'draft') {
      const [latest] = await embargo.reviewHistory(db, letter.id);
      if (latest?.action === 'reject' && letter.submittedAt === null) item('reviseLetter', letter, latest.at, latest.comment);
      else if (await approved(letter)) item('finaliseLetter', letter, letter.approvedAt!);
    } else if (letter.status === 'final') {
      // A withdrawn letter waits for no one: it is never sent.
      if (letter.sentAt === null) item('sendLetter', letter, letter.finalisedAt!);
      else if (letter.publishAt === null) item('recordPublication', letter, letter.sentAt);
    }
  }
  return items.sort((a, b) => a.since.localeCompare(b.since));
}

/**
 * Whether an approval held, by letter, its version and approval, and the audit trail's last event read before
 * the draft was built: the answer was computed from the register at that event or later. Enough for the
 * drafts being approved at once; an answer for an earlier event is never asked for again.
 */
const approvalsChecked = new MadeOnce<boolean>(64);

/**
 * approvalHolds, remembered until the letter or the register changes: it builds the draft anew, reading every
 * public delivery new since the previous letter (140 ms at 100,000 deliveries), and what waits for whom is
 * asked on every page. The register changes only with an audit event in the same transaction, so an answer
 * given while the trail ended at one event holds until the next one is recorded.
 */
function approvalHoldsAt(db: Db, letter: LetterSummary, lastEvent: string): Promise<boolean> {
  const key = [letter.id, letter.version, letter.approvedSha256, lastEvent].join(' ');
  return approvalsChecked.get(key, async () => approvalHolds(db, await existing(db, letter.id)));
}
