import { z } from 'zod';
import { formatComparedFigure, formatPublishedFigure } from '../../common/letter-format.ts';
import { CentsSchema, isRestated, listedItems, OverviewItemSchema, type PublicLetterSnapshot } from './snapshot.ts';

const LetterReferenceSchema = z.object({ id: z.string(), referenceDate: z.iso.date() });

export const LetterComparisonSchema = z.object({
  from: LetterReferenceSchema,
  to: LetterReferenceSchema,
  /** Either letter is of demonstration data, not a real one. */
  isDemonstration: z.boolean(),
  /**
   * How each figure moved from the one letter to the other, as the letters published it: the amounts as printed
   * (never to the cent: the difference of two exact totals could be a confidential delivery's value), the
   * earlier one as the later letter printed it where that follows it directly ("€ 5,88 mld."), else as the
   * earlier letter did; the texts in each letter's own rounding ("€ 8,8 mld."), the difference as a letter
   * compares ("€ 2,82 mld.").
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
      // A letter that follows the other prints its figures more precisely ("€ 5,88 mld."), as its increase does.
      const comparedByTo = to.previousLetter?.id === from.id ? line.reportedPreviousCents : null;
      const fromCents = comparedByTo ?? from.figures.lines.find((other) => other.key === line.key)?.currentCents ?? 0;
      const differenceCents = line.currentCents - fromCents;
      return {
        key: line.key,
        label: line.label,
        fromCents,
        toCents: line.currentCents,
        differenceCents,
        fromText: formatPublishedFigure(fromCents),
        toText: formatPublishedFigure(line.currentCents),
        differenceText: formatComparedFigure(differenceCents),
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
