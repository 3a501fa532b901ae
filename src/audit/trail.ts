import type { Kysely } from 'kysely';
import { appendAuditEvent, listAuditEvents, type AuditEventFilter, type ListedAuditEvent } from '../db/repositories/audit.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { AuditContext, AuditEntry } from './event.ts';
import { SYSTEM_ACTOR } from '../../common/actors.ts';
import { todayInAmsterdam, type IsoDate } from '../../common/dates.ts';

/** What the register and the access checks need to leave a trace: who and where, and the clock. */
export interface RequestContext extends AuditContext {
  now(): Date;
}

/**
 * Records an event: in the caller's transaction when one is passed (the change and its event commit
 * together), else in one of its own (a denial, a failed login). If it cannot be written, this throws
 * and the action fails.
 */
export async function recordAuditEvent(db: Kysely<Database>, context: RequestContext, entry: AuditEntry): Promise<void> {
  await inTransaction(db, (trx) => appendAuditEvent(trx, context, entry, context.now()));
}

/** The day a change is made, by the request's clock, in Amsterdam: what "not after today" is judged against. */
export function requestDay(context: RequestContext): IsoDate {
  return todayInAmsterdam(context.now());
}

/** The name a record keeps of who made it: the account's, or the system's for work it did itself. */
export function actorName(context: RequestContext): string {
  return context.actor?.username ?? SYSTEM_ACTOR;
}

/** The context of work the system does itself (loading demonstration data, commands run by an operator). */
export function systemContext(username: string): RequestContext {
  return { actor: { id: null, username, role: null }, origin: null, requestId: null, now: () => new Date() };
}

interface AuditTrailQuery extends Omit<AuditEventFilter, 'beforeSeq' | 'limit'> {
  /** Events before this sequence number: the next, older page. */
  before?: number | undefined;
  limit?: number | undefined;
}

interface AuditTrailPage {
  items: ListedAuditEvent[];
  /** Where the next, older page starts; null on the last page. */
  nextBefore: number | null;
}

const DEFAULT_PAGE_SIZE = 100;

/** A page of the trail, newest first. Reading it is itself recorded: it holds the before and after of every change. */
export async function readAuditTrail(db: Kysely<Database>, context: RequestContext, query: AuditTrailQuery): Promise<AuditTrailPage> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  return inTransaction(db, async (trx) => {
    // One more than asked, to know whether an older page exists.
    const found = await listAuditEvents(trx, { ...query, beforeSeq: query.before, limit: limit + 1 });
    await recordAuditEvent(trx, context, { action: 'audit.read', object: { type: 'auditTrail', id: '*' }, result: 'success', detail: query });
    const items = found.slice(0, limit);
    return { items, nextBefore: found.length > limit ? items.at(-1)!.seq : null };
  });
}
