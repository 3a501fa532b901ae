import { centsFromText } from '../../common/money.ts';

/**
 * How column values arrive in JavaScript, the same on PGlite and PostgreSQL: dates stay ISO date text
 * (never a Date at midnight in some zone), bigint becomes an exactly checked number, numeric stays text,
 * timestamps become ISO 8601 text in UTC.
 */
const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082, timestamptz: 1184 } as const;

export const typeParsers: Record<number, (text: string) => unknown> = {
  [TYPE_OIDS.int8]: centsFromText,
  [TYPE_OIDS.numeric]: (text) => text,
  [TYPE_OIDS.date]: (text) => text,
  [TYPE_OIDS.timestamptz]: (text) => new Date(text).toISOString(),
};
