import type { Cents } from '../../common/money.ts';

/** Why a letter may not name a delivery's value (the `why` of the fault `deliveryNotNameable`). */
export type UnnameableDelivery = 'unknown' | 'notPublic' | 'publicLater' | 'partOfPublicItem' | 'valueNotPublic' | 'notRealised' | 'notValued' | 'valueNotAsDecided';

/** What the register says of a delivery a letter's text names (`{{delivery:ID}}`), at the letter's reference date. */
export interface NamedDeliveryFacts {
  id: string;
  publicId: string | null;
  /** Decided public (its latest decision). */
  isPublic: boolean;
  /** Its latest decision makes it public only from a date after the reference date. */
  publicLater: boolean;
  /** Public as one of several deliveries decided public at once, one item whose value the public reads only summed. */
  partOfPublicItem: boolean;
  /** The value its latest decision makes public; null when that decision keeps its value. */
  publicValueCents: Cents | null;
  /** Realised by the reference date, as realised support counts it. */
  realised: boolean;
  /** Its value at the reference date; null when it had none yet. */
  cents: Cents | null;
}

export interface NamedDeliveries {
  /** The value of each delivery the letter may name, by internal id, with the public id it is printed under. */
  values: Map<string, { publicId: string; cents: Cents }>;
  /** Why the letter may not name each of the others, by the id the text uses. */
  refused: Map<string, UnnameableDelivery>;
}

/**
 * Which of the named deliveries a letter may print the value of: only one public at the reference date on
 * its own (not one of several public as one item, whose part it would tell), whose decision makes its value
 * public, realised by then and valued by then at the value that decision made public. Whatever the letter
 * prints is public from its publication, so nothing less may be named. Verifying a final letter checks only the
 * value (`checkDisclosure` false): its disclosure was approved with it, and a decision since is no other figure.
 */
export function namedDeliveries(ids: readonly string[], facts: readonly NamedDeliveryFacts[], options: { checkDisclosure: boolean }): NamedDeliveries {
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const named: NamedDeliveries = { values: new Map(), refused: new Map() };
  for (const id of ids) {
    const fact = byId.get(id);
    const naming = fact === undefined ? { why: 'unknown' as const } : namingOf(fact, options.checkDisclosure);
    if ('why' in naming) named.refused.set(id, naming.why);
    else named.values.set(id, naming);
  }
  return named;
}

function namingOf(fact: NamedDeliveryFacts, checkDisclosure: boolean): { why: UnnameableDelivery } | { publicId: string; cents: Cents } {
  if (fact.publicId === null || (checkDisclosure && !fact.isPublic)) return { why: 'notPublic' };
  if (checkDisclosure && fact.publicLater) return { why: 'publicLater' };
  if (checkDisclosure && fact.partOfPublicItem) return { why: 'partOfPublicItem' };
  if (checkDisclosure && fact.publicValueCents === null) return { why: 'valueNotPublic' };
  if (!fact.realised) return { why: 'notRealised' };
  if (fact.cents === null) return { why: 'notValued' };
  // A revaluation since the decision, or one after the reference date the decision took, is a value no one decided public.
  if (checkDisclosure && fact.cents !== fact.publicValueCents) return { why: 'valueNotAsDecided' };
  return { publicId: fact.publicId, cents: fact.cents };
}
