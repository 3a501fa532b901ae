import { CURRENT_WORDING, type LetterWording } from './letter-format.ts';

/**
 * The formats a letter is frozen in (its snapshot's `format`), and the words each printed its figures in: the
 * server composes and verifies a letter in them, and the public page states its change as the letter did.
 */

/** Letters finalised in this format froze their figures to the cent: the public reads them as the letter printed them (asPublished). */
export const EXACT_SNAPSHOT_FORMAT = 'steunregister-letter/1';
/** Its figures as the letter prints them, never to the cent: the cents are in the confidential annex. */
export const PRINTED_SNAPSHOT_FORMAT = 'steunregister-letter/2';
/** As format 2, its named figures in the wording of format 3 (LetterWording): a letter of format 1 or 2 is verified in the earlier one. */
const WORDED_SNAPSHOT_FORMAT = 'steunregister-letter/3';
/**
 * As format 3, its text composed with one full stop where a figure that ends in one ends the sentence ("€700 mln.",
 * where format 3 printed "€700 mln.."), and one space where two were typed; its headline names a total under
 * €1 mln. in euro, as `{{total}}` does ("€500.000.", where format 3 printed "€0,5 mln."). A letter of an earlier format keeps the text it was frozen with: what
 * `letter verify` recomputes of it, its figures and named figures, composition does not change.
 */
const PUNCTUATED_SNAPSHOT_FORMAT = 'steunregister-letter/4';
/**
 * As format 4, the change of its total stated so that it is true where its columns' rounding hides it or turns it
 * around (printedIncrease; `increaseLessThan` where it is less than they show): a letter of format 4 or before is
 * verified as it compared the columns then.
 */
const STATED_CHANGE_SNAPSHOT_FORMAT = 'steunregister-letter/5';
/** As format 5, a share of 1.000 percent or more grouped as its counts are, "1.142 procent", where format 5 printed "1142 procent". */
const GROUPED_PERCENT_SNAPSHOT_FORMAT = 'steunregister-letter/6';
/**
 * As format 6, up to when the training given was counted said so that it holds for every programme whose counts
 * the text names ("tot en met augustus 2025" where one of them was counted up to 31 August and another up to
 * 15 October, "tot en met 15 oktober 2025" where all were counted up to that day), and each count of training
 * given taken as counted up to then, where format 6 named the month of the latest count of any programme and
 * gave each programme's latest count; and a restatement's footnote printing both figures at two decimals,
 * "€8,80 mld., niet €8,79 mld.", where format 6 printed "€8,8 mld., niet €8,79 mld.".
 */
export const SNAPSHOT_FORMAT = 'steunregister-letter/7';

export const SNAPSHOT_FORMATS = [
  EXACT_SNAPSHOT_FORMAT,
  PRINTED_SNAPSHOT_FORMAT,
  WORDED_SNAPSHOT_FORMAT,
  PUNCTUATED_SNAPSHOT_FORMAT,
  STATED_CHANGE_SNAPSHOT_FORMAT,
  GROUPED_PERCENT_SNAPSHOT_FORMAT,
  SNAPSHOT_FORMAT,
] as const;
export type SnapshotFormat = (typeof SNAPSHOT_FORMATS)[number];

/**
 * How a letter of each format words its figures: as now, but for what each later format changed, counted back
 * from the current wording (LetterWording).
 */
const FORMAT_6_WORDING: LetterWording = { ...CURRENT_WORDING, trainingCountedByEach: false, restatementAllDecimals: false, industryOfDecidedCompanies: false };
const FORMAT_5_WORDING: LetterWording = { ...FORMAT_6_WORDING, groupedPercent: false };
const FORMAT_4_WORDING: LetterWording = { ...FORMAT_5_WORDING, changeColumnsHide: false };
const FORMAT_3_WORDING: LetterWording = { ...FORMAT_4_WORDING, headlineUnderAMillionInEuro: false };
const EARLIER_WORDING: LetterWording = { ...FORMAT_3_WORDING, underAMillionInEuro: false, lessThanOnePercent: false, fallAsDecrease: false };
const WORDINGS: Record<SnapshotFormat, LetterWording> = {
  [EXACT_SNAPSHOT_FORMAT]: EARLIER_WORDING,
  [PRINTED_SNAPSHOT_FORMAT]: EARLIER_WORDING,
  [WORDED_SNAPSHOT_FORMAT]: FORMAT_3_WORDING,
  [PUNCTUATED_SNAPSHOT_FORMAT]: FORMAT_4_WORDING,
  [STATED_CHANGE_SNAPSHOT_FORMAT]: FORMAT_5_WORDING,
  [GROUPED_PERCENT_SNAPSHOT_FORMAT]: FORMAT_6_WORDING,
  [SNAPSHOT_FORMAT]: CURRENT_WORDING,
};

/** The words a letter finalised in the format printed its figures in, which `letter verify` recomputes them in and its public page states its change in. */
export const wordingOf = (format: SnapshotFormat): LetterWording => WORDINGS[format];
