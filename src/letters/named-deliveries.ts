import type { Cents } from '../../common/money.ts';

/** Why a letter may not name a delivery's value (the `why` of the fault `deliveryNotNameable`). */
export type UnnameableDelivery = 'unknown' | 'notPublic' | 'publicLater' | 'valueNotPublic' | 'notRealised' | 'notValued';

/** What the register says of a delivery a letter's text names (`{{delivery:ID}}`), at the letter's reference date. */
export interface NamedDeliveryFacts {
  id: string;
  publicId: string | null;
  /** Decided public (its latest decision). */
  isPublic: boolean;
  /** Its latest decision makes it public only from a date after the reference date. */
  publicLater: boolean;
  /** Its latest decision makes its value public too. */
  valuePublic: boolean;
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
 * Which of the named deliveries a letter may print the value of: only one public at the reference date,
 * whose decision makes its value public, realised by then and valued by then. Whatever the letter prints
 * is public from its publication, so nothing less may be named.
 */
export function namedDeliveries(ids: readonly string[], facts: readonly NamedDeliveryFacts[]): NamedDeliveries {
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const named: NamedDeliveries = { values: new Map(), refused: new Map() };
  for (const id of ids) {
    const fact = byId.get(id);
    const why = fact === undefined ? 'unknown' : refusal(fact);
    if (why === null) named.values.set(id, { publicId: fact!.publicId!, cents: fact!.cents! });
    else named.refused.set(id, why);
  }
  return named;
}

function refusal(fact: NamedDeliveryFacts): UnnameableDelivery | null {
  if (!fact.isPublic || fact.publicId === null) return 'notPublic';
  if (fact.publicLater) return 'publicLater';
  if (!fact.valuePublic) return 'valueNotPublic';
  if (!fact.realised) return 'notRealised';
  if (fact.cents === null) return 'notValued';
  return null;
}
