import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../db/repositories/audit.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import type { AuditContext, AuditEntry } from './event.ts';

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

/** The context of work the system does itself (loading demonstration data, commands run by an operator). */
export function systemContext(username: string): RequestContext {
  return { actor: { id: null, username, role: null }, origin: null, requestId: null, now: () => new Date() };
}
