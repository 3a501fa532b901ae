import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DeliveryListFilter, RegisterState } from '../db/repositories/deliveries.ts';

/** What a list filter finds, counted up to the cap. */
interface ListCount {
  count: number;
  capped: boolean;
}

/** Filters remembered per register version: a bound, since a text search makes every filter a new one. */
const MAX_FILTERS = 500;

/**
 * The counts of the list's filters at one version of the register (the end of the audit chain, read in
 * the statement that counted). A count is only ever given for the version it was counted at, so a change
 * to the register (which moves the version) is never answered with a count from before it; the counts do
 * not depend on who asks, since every role that reads deliveries reads all of them.
 */
class ListCounts {
  private version = -1n;
  private readonly counts = new Map<string, ListCount>();
  /** The latest count of each filter, at whichever version: kept when the register moves on. */
  private readonly latest = new Map<string, ListCount>();

  get(version: string, filter: DeliveryListFilter): ListCount | undefined {
    return BigInt(version) === this.version ? this.counts.get(filterKey(filter)) : undefined;
  }

  /** What the filter found when it was last counted, perhaps before the latest change: a guide to how to search, never an answer. */
  lastCounted(filter: DeliveryListFilter): ListCount | undefined {
    return this.latest.get(filterKey(filter));
  }

  set(register: RegisterState, filter: DeliveryListFilter, count: ListCount): void {
    const version = BigInt(register.version);
    // A count from an older snapshot (a request that started before a change) is not kept.
    if (version < this.version) return;
    if (version > this.version) {
      this.version = version;
      this.counts.clear();
    }
    const key = filterKey(filter);
    remember(this.counts, key, count);
    remember(this.latest, key, count);
  }
}

/** Keeps at most MAX_FILTERS, the one set longest ago going first. */
function remember(counts: Map<string, ListCount>, key: string, count: ListCount): void {
  counts.delete(key);
  if (counts.size >= MAX_FILTERS) counts.delete(counts.keys().next().value!);
  counts.set(key, count);
}

function filterKey(filter: DeliveryListFilter): string {
  const { supportType, category, stage, disclosureState, implementingActorWork, text, realisedFrom, realisedTo } = filter;
  return JSON.stringify([supportType, category, stage, disclosureState, implementingActorWork, text?.trim() || undefined, realisedFrom, realisedTo]);
}

/** One per database: tests run several in one process, each with versions of its own. */
const perDatabase = new WeakMap<Kysely<Database>, ListCounts>();

export function listCountsOf(db: Kysely<Database>): ListCounts {
  let counts = perDatabase.get(db);
  if (!counts) perDatabase.set(db, (counts = new ListCounts()));
  return counts;
}
