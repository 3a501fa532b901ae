import type { Kysely } from 'kysely';
import type { IsoDate } from '../../common/dates.ts';
import * as letters from '../db/repositories/letters.ts';
import type { Database } from '../db/schema.ts';
import { realisationMoveWarnings, sentLetterPeriodWarnings } from '../domain/sent-letter-period.ts';
import type { Warning } from '../domain/warnings.ts';

/**
 * The warning of a record dated on or before the reference date of the latest letter sent to parliament that changes
 * the figures at that date (money, a revaluation): recorded, it changes what the register says held at a date whose
 * figures parliament has (sentLetterPeriodWarnings).
 */
export async function sentLetterPeriodWarningsOf(db: Kysely<Database>, field: string, date: IsoDate): Promise<Warning[]> {
  return sentLetterPeriodWarnings(field, date, await letters.latestSentLetter(db));
}

/**
 * The warning of a delivery's realisation moved across the reference date of the latest letter sent to parliament
 * (realisationMoveWarnings); a realisation kept as it was reads no letter.
 */
export async function realisationMoveWarningsOf(db: Kysely<Database>, field: string, from: IsoDate | null, to: IsoDate | null): Promise<Warning[]> {
  return from === to ? [] : realisationMoveWarnings(field, from, to, await letters.latestSentLetter(db));
}

/** What the detail of a change's audit event keeps of the warnings confirmed for it: nothing when there were none. */
export const confirmedDetail = (confirmedWarnings: readonly Warning[]) => (confirmedWarnings.length > 0 ? { confirmedWarnings } : {});

/** The detail of an audit event, left out when it says nothing. */
export const withDetail = (detail: Record<string, unknown>) => (Object.keys(detail).length > 0 ? { detail } : {});
