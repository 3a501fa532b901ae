/** Rules of a training programme's counts that the server applies and the browser shows. */

interface Counted {
  /** The date up to which the contribution counts. */
  countsUpTo: string;
  recordedAt: string;
}

/**
 * The contribution a measure is taken from at a date: the latest counted up to that date of those that count it
 * (of two counted up to the same day, the one recorded later); undefined when none does.
 */
export function latestCountBy<C extends Counted>(contributions: readonly C[], date: string, countsIt: (contribution: C) => boolean): C | undefined {
  let latest: C | undefined;
  for (const contribution of contributions) {
    if (contribution.countsUpTo > date || !countsIt(contribution)) continue;
    if (!latest || contribution.countsUpTo > latest.countsUpTo || (contribution.countsUpTo === latest.countsUpTo && contribution.recordedAt > latest.recordedAt)) latest = contribution;
  }
  return latest;
}
