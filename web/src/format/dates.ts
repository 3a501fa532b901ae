import type { IsoDate } from '../../../src/domain/dates.ts';
import { formatTableDate } from '../../../src/domain/letter-format.ts';
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

/** A moment, shown as the ministry's clock in The Hague saw it. */
export function formatMoment(timestamp: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(timestamp));
}
