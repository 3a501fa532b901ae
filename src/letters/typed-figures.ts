/**
 * Amounts of money and percentages typed by hand in a letter's text. Every amount a letter prints is a figure
 * computed from the register and placed by its name (`{{stock}}`): "€ 9,9 mld." typed in its place prints
 * whatever the register holds. Other numbers are the author's text: a letter names dates, paper numbers,
 * articles and systems by their numbers ("10 september 2025", "Kamerstuk 22 054, nr. 460", "artikel 100",
 * "F-16", "Patriot PAC-3"), and counts ("1.234 stuks", "twee tranches") are not told from those by their form.
 */

export type TypedFigureKind = 'typedAmount' | 'typedPercentage';

/** A number as typed, grouped or with decimals by points or commas ("9,9", "1.234", "2.5"). */
const DIGITS = String.raw`\d+(?:[.,]\d+)*`;
/** A number standing on its own, not the end of a word or of a longer number ("F16"). */
const NUMBER = String.raw`(?<![\p{L}\p{N}.,])${DIGITS}`;
/** Euro as a word, and as a word or a sign. */
const CURRENCY_WORD = String.raw`(?<!\p{L})(?:eur|euro)(?!\p{L})`;
const CURRENCY = `(?:€|${CURRENCY_WORD})`;
/** The letter's units of money after a number ("mln.", "mld."): money whatever follows. */
const ABBREVIATED_UNIT = String.raw`(?:mln|mld)\.?(?!\p{L})`;
/** A million or a billion in words, money only beside a euro ("1,5 miljoen granaten" is a count). */
const UNIT_IN_WORDS = String.raw`(?:miljoen|miljard)(?!\p{L})`;
const UNIT = `(?:${ABBREVIATED_UNIT}|${UNIT_IN_WORDS})`;

const AMOUNT = new RegExp(
  [
    // "€ 9,9 mld.", "EUR 5.000", "euro 12 miljoen", "€-500"
    String.raw`${CURRENCY}\s*[-−]?${DIGITS}(?:\s*${UNIT})?`,
    // "5 miljoen euro", "12 EUR"
    String.raw`${NUMBER}\s*(?:${UNIT}\s*)?${CURRENCY_WORD}`,
    // "500 €", but not the year before an amount: "31 augustus 2025 €8,7 mld."
    String.raw`${NUMBER}\s*(?:${UNIT}\s*)?€(?!\s*[-−]?\d)`,
    // "123 mln.", "2,4 mld."
    String.raw`${NUMBER}\s*${ABBREVIATED_UNIT}`,
  ].join('|'),
  'giu',
);

/** "48 procent", "12%", "3 procentpunt", "5 percent", "48 pct.", "5‰". */
const PERCENTAGE = new RegExp(String.raw`${NUMBER}\s*(?:[%‰]|(?:pro|per)cent\p{L}*|pct(?:\.|(?!\p{L})))`, 'giu');

/** The amounts and percentages typed in a text, as typed (spaces in a row as one), in their order. */
export function typedFigures(text: string): { kind: TypedFigureKind; text: string }[] {
  return [
    ...[...text.matchAll(AMOUNT)].map((match) => ({ kind: 'typedAmount' as const, match })),
    ...[...text.matchAll(PERCENTAGE)].map((match) => ({ kind: 'typedPercentage' as const, match })),
  ]
    .sort((a, b) => a.match.index - b.match.index)
    .map(({ kind, match }) => ({ kind, text: match[0].replace(/\s+/g, ' ') }));
}
