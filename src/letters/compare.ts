import type { OverviewItem, PublicLetterSnapshot } from './snapshot.ts';

export interface LetterComparison {
  from: { id: string; referenceDate: string };
  to: { id: string; referenceDate: string };
  /** How each figure moved from the one letter to the other, as each published it. */
  figures: { key: string; label: string; fromCents: number; toCents: number; differenceCents: number }[];
  /** What the letters after the earlier one, up to the later one, made public. */
  becamePublic: OverviewItem[];
  /** Figures of earlier letters that a later one in the range restated. */
  restated: { letterId: string; referenceDate: string; key: string; label: string; reportedCents: number; restatedCents: number }[];
}

/** Compares two letters; `letters` are all published letters, to find those in between. */
export function compareSnapshots(a: PublicLetterSnapshot, b: PublicLetterSnapshot, letters: readonly PublicLetterSnapshot[]): LetterComparison {
  const [from, to] = a.referenceDate <= b.referenceDate ? [a, b] : [b, a];
  const inRange = letters
    .filter((letter) => letter.referenceDate > from.referenceDate && letter.referenceDate <= to.referenceDate)
    .sort((x, y) => x.referenceDate.localeCompare(y.referenceDate));
  return {
    from: { id: from.id, referenceDate: from.referenceDate },
    to: { id: to.id, referenceDate: to.referenceDate },
    figures: to.figures.lines.map((line) => {
      const fromCents = from.figures.lines.find((other) => other.key === line.key)?.currentCents ?? 0;
      return { key: line.key, label: line.label, fromCents, toCents: line.currentCents, differenceCents: line.currentCents - fromCents };
    }),
    becamePublic: inRange.flatMap((letter) => letter.overview.flatMap((group) => group.items)),
    restated: inRange.flatMap((letter) =>
      letter.figures.lines
        .filter((line) => line.restatedPreviousCents !== null && line.reportedPreviousCents !== null && line.restatedPreviousCents !== line.reportedPreviousCents)
        .map((line) => ({
          letterId: letter.previousLetter!.id,
          referenceDate: letter.previousLetter!.referenceDate,
          key: line.key,
          label: line.label,
          reportedCents: line.reportedPreviousCents!,
          restatedCents: line.restatedPreviousCents!,
        })),
    ),
  };
}
