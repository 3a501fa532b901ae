/**
 * A date typed as text, or saved as text by a spreadsheet (a CSV file holds a date cell as its format
 * shows it): 2025-09-10 or 2025/09/10, 10-9-2025 or 10-9-25, 10 september 2025 or 10-sep-25 (Dutch or English month
 * names, with or without the day of the week before it), and September 10, 2025. Day before month,
 * as the Netherlands writes it, unless the month has its name; a date in figures that can only be read with
 * the month first (08/13/2025) is said to be so, and in a file that has one, a date that can be read either
 * way with different days (9/10/2025) is read neither way (see date-order.ts). A time after the date says
 * nothing about the day and is left out; a moment with its offset from UTC (2025-09-10T22:30:00Z) is on its
 * day in Amsterdam.
 */
import { isIsoDate, todayInAmsterdam, type IsoDate } from '../../common/dates.ts';

// The text is lowered before it is matched: 2025-09-10T14:30Z is 2025-09-10t14:30z here.
const TIME = String.raw`(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
/** A moment: a date and time with its offset from UTC (Z, +02:00 or +0200), as a system that exports timestamps writes it. */
const ISO_MOMENT = /^(\d{4})-(\d{2})-(\d{2})[t ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${TIME}$`);

/** Each month's number by its names and abbreviations in Dutch and English, without a full stop. */
const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ['januari', 'jan', 'january'],
    ['februari', 'feb', 'febr', 'february'],
    ['maart', 'mrt', 'mar', 'march'],
    ['april', 'apr'],
    ['mei', 'may'],
    ['juni', 'jun', 'june'],
    ['juli', 'jul', 'july'],
    ['augustus', 'aug', 'august'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt', 'oct', 'october'],
    ['november', 'nov'],
    ['december', 'dec'],
  ].flatMap((names, index) => names.map((name) => [name, index + 1])),
);

const WEEKDAY = String.raw`(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+)?`;
const MONTH = String.raw`([a-z]+)\.?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:\s+|-)${MONTH}(?:\s+|-)(\d{4}|\d{2})${TIME}$`);
const MONTH_DAY_YEAR = new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+(\d{1,2}),?\s+(\d{4})${TIME}$`);

/**
 * The day a text names; else why it names none: it is written as a date, but of a day that does not exist
 * (31-2-2025, 2025-13-01), or only with the month first (08/13/2025: the day it would then be), or, where
 * dates in figures may have their month first, as one of two days (9/10/2025: each), or it is no date at
 * all, in none of the forms above or with a month no language names.
 */
type TextDate =
  | { date: IsoDate }
  | { fault: 'noSuchDate' | 'notADate' }
  | { fault: 'monthFirstDate'; monthFirst: IsoDate }
  | { fault: 'ambiguousDate'; dayFirst: IsoDate; monthFirst: IsoDate };

/**
 * How the dates in figures of a text's file are read: day first, as the Netherlands writes them, or either
 * way, in a file that shows it writes some month first (see date-order.ts).
 */
export type NumericDateOrder = 'dayFirst' | 'eitherWay';

export function dateOfText(text: string, order: NumericDateOrder = 'dayFirst'): TextDate {
  const written = text.trim().replace(/\s+/g, ' ').toLowerCase();
  const moment = ISO_MOMENT.exec(written);
  if (moment) return dayOfMoment(moment);
  const iso = ISO_DATE.exec(written);
  if (iso) return dateOf(iso[1]!, Number(iso[2]), iso[3]!);
  const numeric = NUMERIC_DATE.exec(written);
  if (numeric) return numericDate(numeric, order);
  const named = DAY_MONTH_YEAR.exec(written);
  if (named) return dateOf(named[3]!, MONTHS[named[2]!], named[1]!);
  const monthFirst = MONTH_DAY_YEAR.exec(written);
  if (monthFirst) return dateOf(monthFirst[3]!, MONTHS[monthFirst[1]!], monthFirst[2]!);
  return { fault: 'notADate' };
}

/**
 * A date in figures, day first; one that only reads month first is said to; one whose two readings are two
 * days is read neither way where its file may write the month first.
 */
function numericDate([, first, second, year]: RegExpExecArray, order: NumericDateOrder): TextDate {
  const dayFirst = dateOf(year!, Number(second), first!);
  const monthFirst = dateOf(year!, Number(first), second!);
  if (!('date' in monthFirst)) return dayFirst;
  if (!('date' in dayFirst)) return { fault: 'monthFirstDate', monthFirst: monthFirst.date };
  if (order === 'eitherWay' && dayFirst.date !== monthFirst.date) return { fault: 'ambiguousDate', dayFirst: dayFirst.date, monthFirst: monthFirst.date };
  return dayFirst;
}

/** The day a moment falls on in Amsterdam, where the register keeps its dates: 2025-03-01T23:30Z is 2 March there. */
function dayOfMoment([, year, month, day, time, offset]: RegExpExecArray): TextDate {
  const date = dateOf(year!, Number(month), day!);
  if ('fault' in date) return date;
  const zone = offset === 'z' ? 'Z' : `${offset!.slice(0, 3)}:${offset!.slice(-2)}`;
  const instant = Date.parse(`${year}-${month}-${day}T${time}${zone}`);
  // A time that does not exist (24:30) makes a moment that does not.
  return Number.isNaN(instant) ? { fault: 'noSuchDate' } : { date: todayInAmsterdam(new Date(instant)) };
}

function dateOf(year: string, month: number | undefined, day: string): TextDate {
  if (month === undefined) return { fault: 'notADate' };
  const iso = `${fullYear(year)}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? { date: iso } : { fault: 'noSuchDate' };
}

/** A year of two digits as Excel reads it: 00–29 in this century, 30–99 in the last. */
function fullYear(year: string): string {
  if (year.length === 4) return year;
  return String(Number(year) < 30 ? 2000 + Number(year) : 1900 + Number(year));
}
