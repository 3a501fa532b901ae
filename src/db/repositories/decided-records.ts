import type { Kysely } from 'kysely';
import type { IsoDate } from '../../../common/dates.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** The records that count from the day they were decided, which a letter's text names by their id. */
type DecidedRecordTable = 'budgetDecision' | 'budgetShift' | 'epfTranche';

/** Of the records of a kind by these ids, those decided only after a date, with the day each was decided. */
export async function decidedAfter(db: Db, table: DecidedRecordTable, ids: readonly string[], date: IsoDate): Promise<Map<string, IsoDate>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom(table).select(['id', 'decidedOn']).where('id', 'in', ids).where('decidedOn', '>', date).execute();
  return new Map(rows.map((row) => [row.id, row.decidedOn]));
}
