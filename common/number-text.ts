/**
 * Numbers as people type them, whatever the language of the page: thousands grouped in threes by points
 * as Dutch writes them ("1.234.567"), from a first group without a leading zero ("0.500" groups nothing),
 * or by commas as English writes them only where no reader takes the comma for a decimal one: before a
 * decimal point or more than once ("1,234.56", "25,000,000"). "1,234" alone is a thousand in English and one
 * and a fraction in Dutch, so it is read neither way. Spaces that group thousands are left out ("1 000").
 */
export const POINT_GROUPED = String.raw`[1-9]\d{0,2}(?:\.\d{3})+`;
export const COMMA_GROUPED = String.raw`[1-9]\d{0,2}(?:,\d{3})+`;
export const COMMA_GROUPED_TWICE = String.raw`[1-9]\d{0,2}(?:,\d{3}){2,}`;

/** Digits with one comma before the last three: read two ways, as above ("0,500" only as decimals). */
export const ONE_COMMA_GROUP = /^-?[1-9]\d{0,2},\d{3}$/;

/**
 * The text of a number without the spaces around it, after its sign, or before a group of three digits
 * ("- 1 234 567,89"), a minus sign as a hyphen. A space anywhere else ("1 23", "1 234,5 6") stays, and
 * makes the text no number: leaving it out would read other digits than the ones grouped.
 */
export const numberText = (text: string) =>
  text
    .trim()
    .replace(/^([-−])\s+/, '$1')
    .replace(/(\d)\s+(?=\d{3}(?!\d))/g, '$1')
    .replace(/^−/, '-');

const WHOLE_NUMBER = new RegExp(String.raw`^-?(?:\d+|${POINT_GROUPED}|${COMMA_GROUPED_TWICE})$`);

/**
 * A whole number as typed ("1.000", "1 000", "1,000,000", "-3"), below zero too: a number out of a
 * field's range is the reader's to refuse, saying the range. Undefined for text that is none ("1.5",
 * "acht") or that could be either ("1,000").
 */
export function parseWholeNumber(text: string): number | undefined {
  const written = numberText(text);
  return WHOLE_NUMBER.test(written) ? Number(written.replace(/[.,]/g, '')) : undefined;
}

/** Why text is no whole number: one read two ways ("1,000"), or none. */
export function wholeNumberFault(text: string): 'numberAmbiguous' | 'notWholeNumber' | undefined {
  if (parseWholeNumber(text) !== undefined) return undefined;
  return ONE_COMMA_GROUP.test(numberText(text)) ? 'numberAmbiguous' : 'notWholeNumber';
}
