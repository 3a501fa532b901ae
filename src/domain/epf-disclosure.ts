import type { Cents } from '../../common/money.ts';
import type { EpfDeliveryFigure } from './epf.ts';

/**
 * What the letter's EPF figures give away of one delivery, as pure rules. A figure adds up parts: the claims on
 * one delivery are one part, a claim for a batch a part of its own (it names no delivery), a delivery's work as
 * implementing actor its worth. The public knows a part when its delivery is decided public with a value that is
 * exactly that part; where the others are one delivery's part alone, the figure less what is public is that part.
 */

/** One part of an EPF figure (`year` for `epfPaid`, the year received in), with what is public of its delivery. */
export interface EpfFigurePart {
  figure: EpfDeliveryFigure;
  year: number | null;
  /** The delivery's id, or for a batch the claim's: what the part is of, the same at every date. */
  partOf: string;
  /** Null for a batch. */
  delivery: { id: string; title: string; publicValueCents: Cents | null } | null;
  cents: Cents;
}

/** One delivery's part in an EPF figure (`year` for `epfPaid`, the year received in). */
export interface EpfDeliveryPart {
  figure: EpfDeliveryFigure;
  year: number | null;
  deliveryId: string;
  title: string;
  cents: Cents;
}

const figureKey = (part: { figure: EpfDeliveryFigure; year: number | null }) => `${part.figure}:${part.year}`;

/** Each figure whose parts, less those of zero and those the public knows, are one delivery's part alone. */
export function soleUndisclosedParts(parts: readonly EpfFigurePart[]): EpfDeliveryPart[] {
  const byFigure = new Map<string, EpfFigurePart[]>();
  for (const part of parts) {
    if (part.cents === 0 || part.delivery?.publicValueCents === part.cents) continue;
    const figureParts = byFigure.get(figureKey(part));
    if (figureParts) figureParts.push(part);
    else byFigure.set(figureKey(part), [part]);
  }
  return [...byFigure.values()].flatMap((undisclosed) => {
    const [only] = undisclosed;
    if (undisclosed.length !== 1 || !only?.delivery) return [];
    return [{ figure: only.figure, year: only.year, deliveryId: only.delivery.id, title: only.delivery.title, cents: only.cents }];
  });
}

/**
 * Each part's change from one date to a later one, as parts themselves: what the difference of the figures at both
 * dates adds up. So the rule of soleUndisclosedParts reads the change as it reads a figure: a change the public
 * knows is that of a delivery decided public with a value that is exactly the change, as with the table's figures.
 */
export function partChanges(before: readonly EpfFigurePart[], after: readonly EpfFigurePart[]): EpfFigurePart[] {
  const key = (part: EpfFigurePart) => `${figureKey(part)}:${part.partOf}`;
  const changes = new Map(before.map((part) => [key(part), { ...part, cents: -part.cents }]));
  for (const part of after) changes.set(key(part), { ...part, cents: part.cents + (changes.get(key(part))?.cents ?? 0) });
  return [...changes.values()];
}
