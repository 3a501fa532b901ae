import { z } from 'zod';
import { formatComparedFigure, formatPrintedDifference, formatPublishedFigure } from '../../common/letter-format.ts';
import { CentsSchema, isRestated, listedItems, OverviewItemSchema, type PublicLetterSnapshot } from './snapshot.ts';

const LetterReferenceSchema = z.object({ id: z.string(), referenceDate: z.iso.date() });

export const LetterComparisonSchema = z.object({
  from: LetterReferenceSchema,
  to: LetterReferenceSchema,
  /** Either letter is of demonstration data, not a real one. */
  isDemonstration: z.boolean(),
  /**
   * How each figure moved from the one letter to the other, as the letters published it: each amount as its letter
   * printed it in its own column ("€ 8,8 mld."), never to the cent (the difference of two exact totals could be a
   * confidential delivery's value), and the difference of the two as printed, as exactly as they print it
   * ("€ 0,125 mld."). Both are of one precision: a later letter's column of the earlier one ("€ 5,88 mld.")
   * beside its own ("€ 8,7 mld.") would make a difference of rounding look like a change.
   */
  figures: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      fromCents: CentsSchema,
      toCents: CentsSchema,
      differenceCents: CentsSchema,
      fromText: z.string(),
      toText: z.string(),
      differenceText: z.string(),
    }),
  ),
  /** What the letters after the earlier one, up to the later one, made public. */
  becamePublic: z.array(OverviewItemSchema),
  /** Figures of earlier letters that a later one in the range restated, the amounts as it printed them. */
  restated: z.array(
    z.object({
      letterId: z.string(),
      referenceDate: z.iso.date(),
      key: z.string(),
      label: z.string(),
      reportedCents: CentsSchema,
      restatedCents: CentsSchema,
      /** As the restating letter's footnote prints them. */
      reportedText: z.string(),
      restatedText: z.string(),
      differenceText: z.string(),
    }),
  ),
});
export type LetterComparison = z.infer<typeof LetterComparisonSchema>;

/** Compares two letters; `letters` are all published letters, to find those in between. */
export function compareSnapshots(a: PublicLetterSnapshot, b: PublicLetterSnapshot, letters: readonly PublicLetterSnapshot[]): LetterComparison {
  const [from, to] = a.referenceDate <= b.referenceDate ? [a, b] : [b, a];
  const inRange = letters
    .filter((letter) => letter.referenceDate > from.referenceDate && letter.referenceDate <= to.referenceDate)
    .sort((x, y) => x.referenceDate.localeCompare(y.referenceDate));
  return {
    from: { id: from.id, referenceDate: from.referenceDate },
    to: { id: to.id, referenceDate: to.referenceDate },
    isDemonstration: from.isDemonstration || to.isDemonstration,
    figures: to.figures.lines.map((line) => {
      const fromCents = from.figures.lines.find((other) => other.key === line.key)?.currentCents ?? 0;
      const differenceCents = line.currentCents - fromCents;
      return {
        key: line.key,
        label: line.label,
        fromCents,
        toCents: line.currentCents,
        differenceCents,
        fromText: formatPublishedFigure(fromCents),
        toText: formatPublishedFigure(line.currentCents),
        differenceText: formatPrintedDifference(differenceCents),
      };
    }),
    becamePublic: inRange.flatMap(listedItems),
    restated: inRange.flatMap((letter) =>
      letter.figures.lines
        .filter(isRestated)
        .map((line) => ({
          letterId: letter.previousLetter!.id,
          referenceDate: letter.previousLetter!.referenceDate,
          key: line.key,
          label: line.label,
          reportedCents: line.reportedPreviousCents!,
          restatedCents: line.restatedPreviousCents!,
          reportedText: formatComparedFigure(line.reportedPreviousCents!),
          restatedText: formatComparedFigure(line.restatedPreviousCents!),
          differenceText: formatComparedFigure(line.restatedPreviousCents! - line.reportedPreviousCents!),
        })),
    ),
  };
}
