import { cents, type Cents, type CentsTotal } from './money.ts';
import { daysAfter, isIsoDate, type IsoDate } from './dates.ts';

/**
 * Figures as the letter to parliament prints them. This is the only place where money is rounded: from
 * exact cents, halves away from zero, in BigInt arithmetic so that no binary fraction can tip a half.
 */

const CENTS_PER_UNIT = { 'mld.': 100_000_000_000n, 'mln.': 100_000_000n } as const;
export type LetterUnit = keyof typeof CENTS_PER_UNIT;

export type Precision =
  | { readonly significantDigits: number; readonly minimumDecimals?: number }
  | { readonly decimals: number };

/**
 * Figures at the new reference date: two significant digits, but never fewer than one decimal. The
 * table's 31 aug. 2025 column prints 2,4 / 6,1 / 0,18 / 8,7, and the letter writes €13,6 mld. and
 * €179 mln. rather than 14 and 180.
 */
export const REFERENCE_PRECISION: Precision = { significantDigits: 2, minimumDecimals: 1 };
/** Figures at the compare date and the increase: 2,05 / 3,73 / 0,1 / 5,88 and € 2,82 mld. */
export const COMPARISON_PRECISION: Precision = { decimals: 2 };

export interface AmountOptions {
  /** The table prints every amount in mld. ("€ 0,18 mld."); by default the unit follows the magnitude. */
  unit?: LetterUnit;
  /** Running text writes "€8,7 mld.", the table "€ 8,7 mld.". */
  runningText?: boolean;
  /** Every decimal of a precision in decimals, "€8,80 mld." beside "€8,79 mld.", where by default a trailing zero is dropped ("€8,8 mld."). */
  allDecimals?: boolean;
}

export function formatLetterAmount(amount: Cents | CentsTotal, precision: Precision, options: AmountOptions = {}): string {
  const exact = exactCents(amount);
  const unit = options.unit ?? unitByMagnitude(exact, precision);
  const number = formatRounded(roundInUnit(exact, CENTS_PER_UNIT[unit], precision), options.allDecimals);
  return `€${options.runningText ? '' : ' '}${number} ${unit}`;
}

/** An amount under a million, which the letter never prints in mln., in euro: two significant digits ("€7.000", "€0,01"). */
const EURO_PRECISION: Precision = { significantDigits: 2 };

/**
 * An amount as the letter's running text names it: "€8,7 mld.", "€52,8 mln.", and one under a million in
 * euro ("€7.000", "€0"), where the earlier wording printed a fraction of a million ("€0,007 mln.", "€0 mln.").
 */
export function formatRunningAmount(amount: Cents | CentsTotal, precision: Precision, wording: LetterWording = CURRENT_WORDING): string {
  const exact = exactCents(amount);
  if (wording.underAMillionInEuro && underAMillion(exact, precision)) return `€${formatEuros(exact)}`;
  return formatLetterAmount(amount, precision, { runningText: true });
}

/**
 * An amount written out, as some passages of the letter do: "6 miljard euro", or after the sign,
 * "€100 miljoen"; under a million in euro ("7.000 euro", "€7.000"). Rounded as formatRunningAmount rounds.
 */
export function formatLetterAmountInWords(amount: Cents | CentsTotal, precision: Precision, options: { sign: boolean }, wording: LetterWording = CURRENT_WORDING): string {
  const exact = exactCents(amount);
  if (wording.underAMillionInEuro && underAMillion(exact, precision)) return options.sign ? `€${formatEuros(exact)}` : `${formatEuros(exact)} euro`;
  const unit = unitByMagnitude(exact, precision);
  const number = formatRounded(roundInUnit(exact, CENTS_PER_UNIT[unit], precision));
  const word = unit === 'mld.' ? 'miljard' : 'miljoen';
  return options.sign ? `€${number} ${word}` : `${number} ${word} euro`;
}

/**
 * How a letter words its figures: each trait is true in the wording of now, and false in that of a format
 * before the one that brought it, so that `letter verify` recomputes a letter finalised then in the words it
 * printed. Which traits each format has is the table of wordings by format (letter-snapshot-format.ts).
 */
export interface LetterWording {
  /** An amount under €1 mln. in euro, "€7.000", where before format steunregister-letter/3 it was a fraction of a million, "€0,007 mln.". */
  readonly underAMillionInEuro: boolean;
  /** A change that rounds to no whole percent but is one, "minder dan 1 procent", where before format 3 it was "0 procent". */
  readonly lessThanOnePercent: boolean;
  /** A fall of the total named as such (`{{decrease}}`), where before format 3 `{{increase}}` gave its size. */
  readonly fallAsDecrease: boolean;
  /** The headline names a total and a change under €1 mln. in euro, as `{{total}}` does, where before format 4 it printed a fraction of a million. */
  readonly headlineUnderAMillionInEuro: boolean;
  /**
   * A change of the total that the columns' rounding hides or turns around is stated as it is (printedIncrease),
   * where before format 5 the change was that of the columns alone, "evenveel" where they print the same.
   */
  readonly changeColumnsHide: boolean;
  /** A share of 1.000 percent or more grouped as the letter writes its counts, "1.142 procent", where before format 6 it was "1142 procent". */
  readonly groupedPercent: boolean;
  /**
   * Up to when the training given was counted (`{{trainingCountsUpTo}}`, `{{trainingCountsBefore}}`) is true of
   * every programme whose counts the text names: the earliest of their counts, a month only where it reaches the
   * month's last day, else the day (countedUpToInWords), and each count of training given is taken as counted up
   * to then, where before format 7 it was the month of the latest count of any programme, and each count the latest.
   */
  readonly trainingCountedByEach: boolean;
  /** The footnote restating a figure prints both at every decimal, "€8,80 mld., niet €8,79 mld.", where before format 7 it dropped a trailing zero, "€8,8 mld.". */
  readonly restatementAllDecimals: boolean;
  /**
   * The industry figures count the contracts of companies decided public or confidential only, where before format 7
   * they counted every company's, undecided ones too.
   */
  readonly industryOfDecidedCompanies: boolean;
}

/** The wording of letters now. */
export const CURRENT_WORDING: LetterWording = {
  underAMillionInEuro: true,
  lessThanOnePercent: true,
  fallAsDecrease: true,
  headlineUnderAMillionInEuro: true,
  changeColumnsHide: true,
  groupedPercent: true,
  trainingCountedByEach: true,
  restatementAllDecimals: true,
  industryOfDecidedCompanies: true,
};

/** A share in whole percent as the letter states it: 48 procent, or less than the whole percent named ("minder dan 1 procent"). */
export interface StatedPercent {
  whole: number;
  lessThan: boolean;
}

/**
 * Whole percent of numerator over denominator, as the letter states it: 48; a change that rounds to none but is
 * one, less than 1, where the earlier wording said 0.
 */
function statedPercent(numerator: Cents | CentsTotal, denominator: Cents | CentsTotal, wording: LetterWording): StatedPercent {
  const whole = percentage(numerator, denominator, 0);
  return whole === 0 && exactCents(numerator) !== 0n && wording.lessThanOnePercent ? { whole: 1, lessThan: true } : { whole, lessThan: false };
}

/** A share as the letter writes it: "48 procent", "minder dan 1 procent", "1.142 procent". */
export const percentInWords = ({ whole, lessThan }: StatedPercent, wording: LetterWording) =>
  `${lessThan ? 'minder dan ' : ''}${wording.groupedPercent ? `${whole < 0 ? '-' : ''}${formatCount(Math.abs(whole))}` : whole} procent`;

/** Whole percent of numerator over denominator, as the letter writes it: "48 procent", "minder dan 1 procent". */
export function formatPercent(numerator: Cents | CentsTotal, denominator: Cents | CentsTotal, wording: LetterWording = CURRENT_WORDING): string {
  return percentInWords(statedPercent(numerator, denominator, wording), wording);
}

/** The percentage rounded to the given decimals, for data rather than prose (47.96). */
export function percentage(numerator: Cents | CentsTotal, denominator: Cents | CentsTotal, decimals: number): number {
  if (exactCents(denominator) === 0n) throw new RangeError('percentage of zero');
  requireWholeNumber('decimals', decimals, 0);
  const scale = 10n ** BigInt(decimals);
  const scaled = divideRounded(exactCents(numerator) * 100n * scale, exactCents(denominator));
  return Number(scaled) / Number(scale);
}

const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;
const MONTH_ABBREVIATIONS = [
  'jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.',
] as const;

/** "10 september 2025", as in the letter's date line and running text. */
export function formatLetterDate(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "augustus 2025", as the letter says up to when something was counted ("tot en met augustus 2025"). */
export function formatLetterMonth(date: IsoDate): string {
  const { year, month } = dateParts(date);
  return `${MONTHS[month - 1]} ${year}`;
}

/**
 * Up to when something was counted, as the letter says it: "tot en met {upTo}" and "tot {before}". The month
 * where the count reaches its last day ("augustus 2025", "september 2025"), else the day ("15 oktober 2025",
 * "16 oktober 2025"): "tot en met oktober 2025" would say that the rest of October was counted too.
 */
export function countedUpToInWords(date: IsoDate): { upTo: string; before: string } {
  const next = daysAfter(date, 1);
  return dateParts(next).day === 1 ? { upTo: formatLetterMonth(date), before: formatLetterMonth(next) } : { upTo: formatLetterDate(date), before: formatLetterDate(next) };
}

/** "31 aug. 2025", as in the heading of the letter's table. */
export function formatTableDate(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${day} ${MONTH_ABBREVIATIONS[month - 1]} ${year}`;
}

function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function exactCents(amount: Cents | CentsTotal): bigint {
  return typeof amount === 'bigint' ? amount : BigInt(cents(amount));
}

/** A rounded amount: scaled / 10^decimals units. */
interface Rounded {
  scaled: bigint;
  decimals: number;
}

/** Whether the amount, rounded as it would print in mln., is less than one. */
function underAMillion(exact: bigint, precision: Precision): boolean {
  const inMillions = roundInUnit(exact, CENTS_PER_UNIT['mln.'], precision);
  return abs(inMillions.scaled) < 10n ** BigInt(inMillions.decimals);
}

function formatEuros(exact: bigint): string {
  return formatRounded(roundInUnit(exact, 100n, EURO_PRECISION));
}

/** mln. until the amount, rounded as it would print in mln., reaches a thousand million: then mld. */
function unitByMagnitude(exact: bigint, precision: Precision): LetterUnit {
  const inMillions = roundInUnit(exact, CENTS_PER_UNIT['mln.'], precision);
  return abs(inMillions.scaled) >= 1000n * 10n ** BigInt(inMillions.decimals) ? 'mld.' : 'mln.';
}

function roundInUnit(exact: bigint, centsPerUnit: bigint, precision: Precision): Rounded {
  const decimals = decimalsFor(exact, centsPerUnit, precision);
  if (decimals >= 0) return { scaled: divideRounded(exact * 10n ** BigInt(decimals), centsPerUnit), decimals };
  const step = 10n ** BigInt(-decimals);
  return { scaled: divideRounded(exact, centsPerUnit * step) * step, decimals: 0 };
}

function decimalsFor(exact: bigint, centsPerUnit: bigint, precision: Precision): number {
  if ('decimals' in precision) {
    requireWholeNumber('decimals', precision.decimals, 0);
    return precision.decimals;
  }
  requireWholeNumber('significantDigits', precision.significantDigits, 1);
  const minimum = precision.minimumDecimals ?? Number.NEGATIVE_INFINITY;
  if (exact === 0n) return Math.max(0, minimum);
  return Math.max(minimum, precision.significantDigits - 1 - orderOfMagnitude(abs(exact), centsPerUnit));
}

/** floor(log10(amount / centsPerUnit)) for a positive amount. */
function orderOfMagnitude(amount: bigint, centsPerUnit: bigint): number {
  if (amount >= centsPerUnit) return (amount / centsPerUnit).toString().length - 1;
  let order = -1;
  while (amount * 10n ** BigInt(-order) < centsPerUnit) order -= 1;
  return order;
}

/** Dutch notation, trailing zeros dropped unless all decimals are asked for: "2,4", "0,18", "1.234" ("2,40"). */
function formatRounded({ scaled, decimals }: Rounded, allDecimals = false): string {
  const digits = abs(scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+$)/g, '.');
  const allFraction = digits.slice(digits.length - decimals);
  const fraction = allDecimals ? allFraction : allFraction.replace(/0+$/, '');
  return `${scaled < 0n ? '-' : ''}${whole}${fraction ? `,${fraction}` : ''}`;
}

/** numerator / denominator to the nearest whole number, halves away from zero. */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const quotient = (2n * abs(numerator) + abs(denominator)) / (2n * abs(denominator));
  return (numerator < 0n) !== (denominator < 0n) ? -quotient : quotient;
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function requireWholeNumber(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) throw new RangeError(`${name} must be a whole number >= ${minimum}`);
}

/** A count as the letter prints it in digits: "71", "60.000". */
export function formatCount(count: number): string {
  requireWholeNumber('count', count, 0);
  return formatRounded({ scaled: BigInt(count), decimals: 0 });
}

const UNITS = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const TENS = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];

/**
 * A count written out in Dutch, as the letter writes some of them ("twee trainers", "circa zestigduizend"):
 * up to 999.999; larger counts stay in digits.
 */
export function countInWords(count: number): string {
  requireWholeNumber('count', count, 0);
  if (count >= 1_000_000) return formatCount(count);
  if (count >= 1000) {
    const thousands = Math.floor(count / 1000);
    return `${thousands === 1 ? '' : countInWords(thousands)}duizend${count % 1000 === 0 ? '' : countInWords(count % 1000)}`;
  }
  if (count >= 100) {
    const hundreds = Math.floor(count / 100);
    return `${hundreds === 1 ? '' : UNITS[hundreds]}honderd${count % 100 === 0 ? '' : countInWords(count % 100)}`;
  }
  if (count < 20) return UNITS[count]!;
  const unit = count % 10;
  if (unit === 0) return TENS[Math.floor(count / 10)]!;
  // "eenentwintig", but "tweeëntwintig": a diaeresis where "en" follows an e.
  const unitWord = UNITS[unit]!;
  return `${unitWord}${unitWord.endsWith('e') ? 'ën' : 'en'}${TENS[Math.floor(count / 10)]}`;
}

/**
 * The amount a printed figure denotes, in cents: "€ 8,7 mld." is 870.000.000.000. Rounded as
 * formatLetterAmount rounds, so formatting it again prints the same text: it tells no more than the text.
 */
export function printedCents(amount: Cents, precision: Precision, options: Pick<AmountOptions, 'unit'> = {}): Cents {
  return cents(Number(printedExactCents(BigInt(cents(amount)), precision, options)));
}

function printedExactCents(exact: bigint, precision: Precision, options: Pick<AmountOptions, 'unit'>): bigint {
  const unit = options.unit ?? unitByMagnitude(exact, precision);
  const { scaled, decimals } = roundInUnit(exact, CENTS_PER_UNIT[unit], precision);
  return (scaled * CENTS_PER_UNIT[unit]) / 10n ** BigInt(decimals);
}

/** Whether the amount prints exactly as it is, without rounding. */
export function letterAmountIsExact(amount: Cents, precision: Precision, options: Pick<AmountOptions, 'unit'> = {}): boolean {
  return printedCents(amount, precision, options) === amount;
}

/** The exact amount in euro and cent, as an accountant reads it: "€ 2.398.765.432,10". */
export function formatExactEuros(amount: Cents): string {
  const exact = BigInt(cents(amount));
  const digits = abs(exact).toString().padStart(3, '0');
  const euros = digits.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, '.');
  return `€ ${exact < 0n ? '-' : ''}${euros},${digits.slice(-2)}`;
}

/**
 * A figure of the letter's table as the letter that published it prints it in its own column: "€ 8,8 mld.".
 * Wherever a letter's figure is shown (the comparison, the public figures, open data), it is shown so.
 */
export function formatPublishedFigure(amount: Cents): string {
  return formatLetterAmount(amount, REFERENCE_PRECISION, { unit: 'mld.' });
}

/** A figure as a later letter compares or restates it, and a difference between letters: "€ 5,88 mld.". */
export function formatComparedFigure(amount: Cents): string {
  return formatLetterAmount(amount, COMPARISON_PRECISION, { unit: 'mld.' });
}

/**
 * The difference of two figures as letters printed them, as exactly as they print it: € 6,1 mld. − € 6,1 mld. is
 * "€ 0 mld.", € 0,18 mld. − € 0,055 mld. "€ 0,125 mld."; never finer than the figures, nor rounded further.
 */
export function formatPrintedDifference(amount: Cents): string {
  const inTable = { unit: 'mld.' } as const;
  // A cent is 11 decimals of a mld.: the loop ends there at the latest.
  let decimals = 0;
  while (!letterAmountIsExact(amount, { decimals }, inTable)) decimals += 1;
  return formatLetterAmount(amount, { decimals }, inTable);
}

/** The amount formatPublishedFigure prints: € 8,7 mld. is 870.000.000.000 cents. */
export function publishedFigureCents(amount: Cents): Cents {
  return printedCents(amount, REFERENCE_PRECISION, { unit: 'mld.' });
}

/** The amount formatComparedFigure prints: € 5,88 mld. is 588.000.000.000 cents. */
export function comparedFigureCents(amount: Cents): Cents {
  return printedCents(amount, COMPARISON_PRECISION, { unit: 'mld.' });
}

export interface PrintedIncrease {
  /**
   * The change as the letter states it: the total as its column prints it less the earlier total as its column
   * prints it (€ 8,7 mld. − € 5,88 mld.); where that hides the change or turns it around, the two at the earlier
   * column's two decimals (€ 8,72 mld. − € 8,70 mld.); where `lessThan`, the most it can be, in its direction.
   */
  difference: CentsTotal;
  /** The change is less than `difference`: the totals differ by less than two decimals of a mld. show ("minder dan €10 mln."). */
  lessThan: boolean;
  /** The earlier total as printed: € 5,88 mld. */
  compare: CentsTotal;
  /** The change's size in whole percent of the earlier total ("48 procent"); null where that is nothing. */
  percentText: string | null;
}

/** The last place of the earlier column, two decimals of a mld.: € 10 mln. */
const COMPARED_LAST_PLACE = CENTS_PER_UNIT['mld.'] / 100n;

/**
 * The increase the letter states: the difference of the two totals its table prints, € 8,7 mld. beside the
 * earlier € 5,88 mld. is € 2,82 mld., or 48 procent. Exact totals, or a difference printed finer than the
 * table, could tell a confidential delivery's value, and would not add up for a reader of the table.
 * Where the columns' two precisions hide a change (€ 8,7 mld. beside € 8,70 mld. for a rise of € 22,8 mln.) or
 * turn it around (€ 8,7 mld. beside € 8,74 mld. for a rise), both totals are taken at the earlier column's two
 * decimals, at which the next letter prints this one's, and which show its direction; where those are equal too,
 * the change is less than their last place. "Evenveel" is said only of totals that are the same. A letter of
 * format 4 or before compared the columns alone (`wording`).
 */
export function printedIncrease(total: Cents | CentsTotal, earlierTotal: Cents | CentsTotal, wording: LetterWording = CURRENT_WORDING): PrintedIncrease {
  const inTable = { unit: 'mld.' } as const;
  const [exactTotal, exactEarlier] = [exactCents(total), exactCents(earlierTotal)];
  const compare = printedExactCents(exactEarlier, COMPARISON_PRECISION, inTable);
  const change = (difference: bigint, lessThan = false): PrintedIncrease => ({ difference, lessThan, compare, percentText: compare === 0n ? null : percentInWords(changePercent(difference, compare, lessThan, wording), wording) });
  const ofColumns = printedExactCents(exactTotal, REFERENCE_PRECISION, inTable) - compare;
  const exact = exactTotal - exactEarlier;
  if (!wording.changeColumnsHide || sign(ofColumns) === sign(exact)) return change(ofColumns);
  const atTwoDecimals = printedExactCents(exactTotal, COMPARISON_PRECISION, inTable) - compare;
  if (atTwoDecimals !== 0n || exact === 0n) return change(atTwoDecimals);
  return change(exact < 0n ? -COMPARED_LAST_PLACE : COMPARED_LAST_PLACE, true);
}

/** The change of the total as a letter states it, from the figures it printed: its direction, size and share of the earlier total. */
export interface StatedChange {
  direction: 'increase' | 'decrease' | 'unchanged';
  /** Its size as printed ("€2,82 mld."); where `lessThan`, the most it can be, "minder dan €10 mln.". */
  sizeText: string;
  lessThan: boolean;
  /** Its share of the earlier total; null where that is nothing. */
  percent: StatedPercent | null;
}

/**
 * The change a letter states (printedIncrease), from what it printed of it: the difference (`increaseCents` of its
 * snapshot), whether that is the most it can be, and the earlier total as printed. What the letter's headline and
 * `{{increase}}` say, and the public page of the letter in either language.
 */
export function statedChange(difference: Cents | CentsTotal, compare: Cents | CentsTotal, lessThan: boolean, wording: LetterWording = CURRENT_WORDING): StatedChange {
  const exact = exactCents(difference);
  return {
    direction: exact > 0n ? 'increase' : exact < 0n ? 'decrease' : 'unchanged',
    sizeText: formatRunningAmount(abs(exact), COMPARISON_PRECISION, wording),
    lessThan,
    percent: exactCents(compare) === 0n ? null : changePercent(exact, exactCents(compare), lessThan, wording),
  };
}

/** The size of a change as the letter names it: "€2,82 mld.", or the most it can be, "minder dan €10 mln.". */
export function changeSizeInWords(change: StatedChange): string {
  return `${change.lessThan ? 'minder dan ' : ''}${change.sizeText}`;
}

/** The share of a change in the earlier total, or where the change is less than `difference`, less than its share rounded up. */
function changePercent(difference: bigint, compare: bigint, lessThan: boolean, wording: LetterWording): StatedPercent {
  if (!lessThan) return statedPercent(abs(difference), compare, wording);
  return { whole: Number((abs(difference) * 100n + compare - 1n) / compare), lessThan: true };
}

const sign = (value: bigint) => (value > 0n ? 1 : value < 0n ? -1 : 0);

const escapeForPattern = (word: string) => word.replace(/[.]/g, '\\.');
const SPACE = '[ \\u00a0]';
const MONTH = `(?:${[...MONTHS, ...MONTH_ABBREVIATIONS.filter((month) => month.endsWith('.'))].map(escapeForPattern).join('|')})`;
/** After a number, the words that belong to it: its unit ("mld.", "miljard", "euro", "procent"). */
const UNIT = `(?:${[...Object.keys(CENTS_PER_UNIT), 'miljard', 'miljoen', 'euro', 'procent'].map(escapeForPattern).join('|')})(?![\\p{L}\\p{N}-])`;
/**
 * What a line never breaks within: "€ 8,7" and "8,7 mld." (and "6 miljard euro"), a date ("17 februari 2025",
 * "31 aug. 2025", "augustus 2025"), a paper's dossier ("Kamerstuk 22 054", "Kamerstuk 36 200 X") and its number ("nr. 453").
 */
const KEPT_TOGETHER = new RegExp(
  [
    `(?<=€)${SPACE}(?=\\d)`,
    `(?<=\\d)${SPACE}(?=${UNIT})`,
    `(?<=(?:miljard|miljoen))${SPACE}(?=euro(?![\\p{L}\\p{N}]))`,
    `(?<=(?<![\\p{L}\\p{N}])\\d{1,2})${SPACE}(?=${MONTH}(?![\\p{L}\\p{N}]))`,
    `(?<=(?<![\\p{L}])${MONTH})${SPACE}(?=\\d{4}(?!\\d))`,
    `(?<=Kamerstuk(?:ken)?)${SPACE}(?=\\d{2}${SPACE}\\d{3}(?!\\d))`,
    `(?<=Kamerstuk(?:ken)?${SPACE}\\d{2})${SPACE}(?=\\d{3}(?!\\d))`,
    `(?<=Kamerstuk(?:ken)?${SPACE}\\d{2}${SPACE}\\d{3})${SPACE}(?=(?:[IVX]{1,5}[A-C]?|[A-Z])(?![\\p{L}\\p{N}]))`,
    `(?<=(?<![\\p{L}])nr\\.)${SPACE}(?=\\d)`,
  ].join('|'),
  'gu',
);

/**
 * Running text as a line may break it: a no-break space (U+00A0) wherever breaking would part a figure from
 * its sign or unit, a date, or a paper's reference, as Dutch typesetting keeps them together. The renderers
 * that break lines apply it to the letter's text as they lay it out; the text itself, which a finalised
 * letter freezes, keeps its plain spaces.
 */
export function keepFiguresTogether(text: string): string {
  return text.replace(KEPT_TOGETHER, '\u00a0');
}
