/**
 * Keyset paging: a page starts from the position of a row (its sort value and id) instead of skipping
 * rows, so that every page — the thousandth as much as the first — is a walk over an index on
 * (sort column, id) from that position. A nullable column lists its undated rows last in both directions;
 * it is read as two walks (dated, then undated), each of which one ascending index serves.
 */
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import { isIsoDate } from '../../common/dates.ts';
import { isUuid } from '../../common/ids.ts';
import type { Database } from './schema.ts';

/** Lists count what a filter finds up to this many, then say "more than" it. */
export const LIST_COUNT_CAP = 1000;

/**
 * The limit of a capped count's query, written into the statement as a literal, as a page's limit is: with
 * a limit as a parameter PostgreSQL finds its generic plan worse and plans the statement at every request.
 */
export const CAPPED_COUNT_LIMIT = sql.lit(LIST_COUNT_CAP + 1);

/** A count of at most LIST_COUNT_CAP + 1 rows (CAPPED_COUNT_LIMIT) as a list says it. */
export function cappedCount(found: number): { count: number; capped: boolean } {
  return found > LIST_COUNT_CAP ? { count: LIST_COUNT_CAP, capped: true } : { count: found, capped: false };
}

/** How many rows of the table (its name in SQL) the condition finds, counted no further than the lists' cap. */
export async function countUpToCap(db: Kysely<Database>, table: string, condition: RawBuilder<boolean>): Promise<{ count: number; capped: boolean }> {
  return countFoundUpToCap(db, sql`select 1 from ${sql.table(table)} where ${condition}`);
}

/** How many rows a query finds, counted no further than the lists' cap: for a list read from more than one table. */
export async function countFoundUpToCap(db: Kysely<Database>, found: Expression<unknown>): Promise<{ count: number; capped: boolean }> {
  const { rows } = await sql<{ count: number }>`select count(*)::int as count from (${found} limit ${CAPPED_COUNT_LIMIT}) found`.execute(db);
  return cappedCount(rows[0]!.count);
}

/** A row's place in the order: its sort value as text (null when unset) and its id. */
export interface KeysetPosition {
  value: string | null;
  id: string;
}

/** Where a page starts: after a position (the next page), before one (the previous page), or at the start. */
export type PageStart = { after: KeysetPosition } | { before: KeysetPosition } | undefined;

/** A sort column: how to read its value as position text, how to compare with it, and which texts it can hold. */
export interface KeysetColumn {
  column: string;
  nullable: boolean;
  /** The column's value as the text a position holds, exact (a timestamp to the microsecond). */
  positionText: RawBuilder<string | null>;
  /** The position text as a value of the column's type. */
  valueOf(text: string): RawBuilder<unknown>;
  /** Whether a position text from outside is one this column could have produced. */
  accepts(text: string): boolean;
}

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

export const keysetColumns = {
  text(column: string, accepts: (text: string) => boolean = (text) => text.length <= 1000): KeysetColumn {
    return {
      column,
      nullable: false,
      positionText: sql<string>`${sql.ref(column)}`,
      valueOf: (text) => sql`${text}::text`,
      accepts: (text) => NO_CONTROL_CHARACTERS.test(text) && accepts(text),
    };
  },
  date(column: string, { nullable }: { nullable: boolean }): KeysetColumn {
    return { column, nullable, positionText: sql<string | null>`${sql.ref(column)}::text`, valueOf: (text) => sql`${text}::date`, accepts: isIsoDate };
  },
  /** Whole microseconds since 1970, so that the position is exact and compares without rounding. */
  timestamp(column: string): KeysetColumn {
    return {
      column,
      nullable: false,
      positionText: sql<string>`(extract(epoch from ${sql.ref(column)}) * 1000000)::bigint::text`,
      valueOf: (text) => sql`(timestamptz 'epoch' + ${text}::bigint * interval '1 microsecond')`,
      accepts: (text) => /^\d{1,16}$/.test(text),
    };
  },
  integer(column: string): KeysetColumn {
    return { column, nullable: false, positionText: sql<string>`${sql.ref(column)}::text`, valueOf: (text) => sql`${text}::bigint`, accepts: (text) => /^-?\d{1,15}$/.test(text) };
  },
};

/** Whether a position from outside (a cursor) could be one of this column's rows. */
export function isPositionOf(column: KeysetColumn, position: KeysetPosition): boolean {
  if (!isUuid(position.id)) return false;
  return position.value === null ? column.nullable : column.accepts(position.value);
}

/** One index walk: the rows it may return (beyond the list's filters) in the order it returns them. */
export interface KeysetWalk {
  condition: RawBuilder<boolean>;
  order: RawBuilder<unknown>;
}

/**
 * The walks that read a page, in order: from the start, after a position, or (read in reverse, the page
 * reversed afterwards) before it; and the order of the whole list in the direction read, which puts the
 * walks' rows in order when they are read at once.
 */
function walks(key: KeysetColumn, descending: boolean, start: PageStart): { walks: KeysetWalk[]; order: RawBuilder<unknown>; reversed: boolean } {
  const reversed = start !== undefined && 'before' in start;
  const position = start && ('after' in start ? start.after : start.before);
  // Reading backwards is reading the reverse order forwards.
  const down = descending !== reversed;
  const direction = sql.raw(down ? 'desc' : 'asc');
  const beyond = sql.raw(down ? '<' : '>');
  const column = sql.ref(key.column);
  const id = sql.ref('id');
  const dated: KeysetWalk = {
    condition: key.nullable ? sql<boolean>`${column} is not null` : sql<boolean>`true`,
    order: sql`${column} ${direction}, ${id} ${direction}`,
  };
  const undated: KeysetWalk = { condition: sql<boolean>`${column} is null`, order: sql`${id} ${direction}` };
  const inOrder = !key.nullable ? [dated] : reversed ? [undated, dated] : [dated, undated];
  if (!position) return { walks: inOrder, order: dated.order, reversed };

  const from = position.value === null ? undated : dated;
  const past =
    position.value === null
      ? sql<boolean>`${undated.condition} and ${id} ${beyond} ${position.id}::uuid`
      : sql<boolean>`${dated.condition} and (${column}, ${id}) ${beyond} (${key.valueOf(position.value)}, ${position.id}::uuid)`;
  const rest = inOrder.slice(inOrder.indexOf(from) + 1);
  return { walks: [{ condition: past, order: from.order }, ...rest], order: dated.order, reversed };
}

/** A page and the positions from which its neighbours start: null where there is no neighbour. */
export interface KeysetPage<Row> {
  rows: Row[];
  /** Start the next page after this position. */
  next: KeysetPosition | null;
  /** Start the previous page before this position. */
  previous: KeysetPosition | null;
}

/**
 * How to read a page's walks (one, or two for a nullable column) in one statement: each walk (with the list's own filters) limited to the
 * given number of rows, their rows in walk order and, within a walk, in `order` (the walk's own order
 * over its rows; across walks a column that is null in all of a walk's rows orders nothing). The limit
 * is a literal of the statement (see CAPPED_COUNT_LIMIT), so that PostgreSQL keeps one plan for a list.
 */
export type ReadWalks<Row> = (walks: KeysetWalk[], order: RawBuilder<unknown>, limit: RawBuilder<number>) => Promise<Row[]>;

/**
 * Reads a page of at most `limit` rows from its start: every walk at once, one row more than the page
 * (which says whether there is more in the direction read).
 */
export async function readKeysetPage<Row>(
  key: KeysetColumn,
  descending: boolean,
  start: PageStart,
  limit: number,
  read: ReadWalks<Row>,
  positionOf: (row: Row) => KeysetPosition,
): Promise<KeysetPage<Row>> {
  const plan = walks(key, descending, start);
  const found = (await read(plan.walks, plan.order, sql.lit(limit + 1))).slice(0, limit + 1);
  const more = found.length > limit;
  const rows = found.slice(0, limit);
  if (plan.reversed) rows.reverse();
  const first = rows.length > 0 ? positionOf(rows[0]!) : null;
  const last = rows.length > 0 ? positionOf(rows.at(-1)!) : null;
  // Paging on from a position, there is a page before; paging back to one, there is a page after.
  if (start === undefined) return { rows, previous: null, next: more ? last : null };
  if (plan.reversed) return { rows, previous: more ? first : null, next: last };
  return { rows, previous: first, next: more ? last : null };
}
