/**
 * The audit events of a change to many records (an import), made ready in the background while the
 * change goes on writing. An event's canonical text, most of the work of appending it, does not depend
 * on its place in the chain, so it is made while the server writes the records, a slice at a time
 * between the driver's turns; only linking and hashing wait for the append lock at the end.
 */
import { setImmediate } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { appendPreparedAuditEvents, prepareAuditEvent, type PreparedAuditEvent } from '../db/repositories/audit.ts';
import type { Database } from '../db/schema.ts';
import type { AuditEntry } from './event.ts';
import type { RequestContext } from './trail.ts';

/** Events prepared between two turns of the event loop: a few milliseconds of work. */
const EVENTS_PER_SLICE = 250;

export class AuditEventsInPreparation {
  readonly #context: RequestContext;
  readonly #now: Date;
  readonly #prepared: PreparedAuditEvent[] = [];
  #preparing: Promise<void> = Promise.resolve();

  constructor(context: RequestContext) {
    this.#context = context;
    this.#now = context.now();
  }

  /** When the events happen: the time each of them says. */
  get occurredAt(): Date {
    return this.#now;
  }

  /** Adds events after those added before; they are prepared in that order. */
  add(entries: readonly AuditEntry[]): void {
    this.#preparing = this.#preparing.then(() => this.#prepareInSlices(entries));
    // A failure is thrown by appendTo, not as an unhandled rejection meanwhile.
    this.#preparing.catch(() => undefined);
  }

  /** Appends every event added, in the order added, to the chain in the caller's transaction. */
  async appendTo(trx: Kysely<Database>): Promise<void> {
    await this.#preparing;
    await appendPreparedAuditEvents(trx, this.#prepared);
  }

  async #prepareInSlices(entries: readonly AuditEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += EVENTS_PER_SLICE) {
      await setImmediate();
      for (const entry of entries.slice(start, start + EVENTS_PER_SLICE)) this.#prepared.push(prepareAuditEvent(this.#context, entry, this.#now));
    }
  }
}
