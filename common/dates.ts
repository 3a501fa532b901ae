/** A calendar date as ISO text (YYYY-MM-DD): a date, never a moment in some time zone. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): text is IsoDate {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // Every month has 28 days: only a later day asks for its month's length.
  return day <= 28 || day <= new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
}

/**
 * The earliest date the register records an event on: support to Ukraine begins in 2014. An event
 * dated before it is a typing error (or year 0000), not history.
 */
export const DATE_FLOOR: IsoDate = '2014-01-01';
/** The latest date anything is asked about: figures, filters and review dates stay within this century. */
export const DATE_CEILING: IsoDate = '2099-12-31';

/** Made once: a formatter is costly to make, and every dated field of every imported row asks for today. */
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

let lastToday: { minute: number; date: IsoDate } | undefined;

/** Today's date at the ministry (Europe/Amsterdam), which is what "today" means for a dated event. */
export function todayInAmsterdam(now: Date = new Date()): IsoDate {
  // The date turns only on a whole minute (Amsterdam's offset is whole hours): formatted once a minute,
  // not for every date an import checks.
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastToday?.minute !== minute) lastToday = { minute, date: AMSTERDAM_DATE.format(now) };
  return lastToday.date;
}

/** How far the clock in The Hague is ahead of UTC at a moment, in milliseconds. */
function offsetInTheHague(moment: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(moment));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type === type)?.value);
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallClock - Math.floor(moment / 1000) * 1000;
}

/** The date a number of days after the date given. */
export function daysAfter(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * The moment a day begins in The Hague, as ISO 8601 in UTC; `days` later for the end of a range. Clocks
 * there change at night, never at midnight, so every day has exactly one.
 */
export function startOfDayInTheHague(date: IsoDate, days = 0): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return atTheHagueClock(Date.UTC(year, month - 1, day + days)).toISOString();
}

/** The moment at which the clock in The Hague shows this wall-clock time (given as if it were UTC). */
export function atTheHagueClock(wallClock: number): Date {
  const guess = wallClock - offsetInTheHague(wallClock);
  return new Date(wallClock - offsetInTheHague(guess));
}
