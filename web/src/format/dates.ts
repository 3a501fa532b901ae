import { atTheHagueClock, todayInAmsterdam, type IsoDate } from '../../../common/dates.ts';
import { formatTableDate } from '../../../common/letter-format.ts';
import type { Language } from '../i18n/index.ts';
import { locale } from './locale.ts';

function utcDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** "31 aug. 2025" in Dutch, as the letter's table heads it; "31 Aug 2025" in English. */
export function formatShortDate(date: IsoDate, language: Language): string {
  if (language === 'nl') return formatTableDate(date);
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(utcDate(date));
}

export function formatLongDate(date: IsoDate, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(utcDate(date));
}

export function formatMonth(date: IsoDate, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utcDate(date),
  );
}

/** The ministry's clock: moments are shown, and days begin and end, as they do in The Hague. */
const MINISTRY_TIME_ZONE = 'Europe/Amsterdam';

/** A moment, shown as the ministry's clock in The Hague saw it: "2 dec. 2026, 07:51". */
export function formatMoment(timestamp: string, language: Language): string {
  return momentAt(new Date(timestamp), language, 'short');
}

/** A moment to the second, for records where the order of events matters. */
export function formatPreciseMoment(timestamp: string, language: Language): string {
  return momentAt(new Date(timestamp), language, 'medium');
}

/**
 * In Dutch the day is written as the short dates beside it are ("2 dec. 2026", the month with its full stop,
 * where Intl writes "2 dec 2026"), then the time.
 */
function momentAt(moment: Date, language: Language, timeStyle: 'short' | 'medium'): string {
  if (language === 'nl') {
    const time = new Intl.DateTimeFormat(locale(language), { timeStyle, timeZone: MINISTRY_TIME_ZONE }).format(moment);
    return `${formatTableDate(todayInAmsterdam(moment))}, ${time}`;
  }
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle, timeZone: MINISTRY_TIME_ZONE }).format(moment);
}

/**
 * The moment a time typed in a date-and-time field ("2026-12-05T10:00") means on the clock in The Hague,
 * whatever the time zone of the browser it was typed in; null for text that is no such time. A time the
 * clocks skip in spring is taken an hour later.
 */
export function momentInTheHague(typed: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(typed);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  return atTheHagueClock(Date.UTC(year, month - 1, day, hour, minute, second));
}

