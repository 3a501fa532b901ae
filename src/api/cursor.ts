/**
 * Cursors of the paged lists: a page's `next` and `previous` are opaque texts (base64url JSON of the list's
 * sort and a row's position) that a request sends back as `after` or `before`. A cursor that is not one
 * the server made, or one made for another sort, is refused with a 400 naming the parameter.
 */
import { z } from '@hono/zod-openapi';
import { LIST_COUNT_CAP, type KeysetPage, type KeysetPosition, type PageStart } from '../db/keyset.ts';
import { ValidationError } from '../register/errors.ts';
import { wholeNumberParameter } from './openapi-common.ts';

const CursorSchema = z.strictObject({ sort: z.string(), value: z.string().nullable(), id: z.string() });

function encodeCursor(sort: string, position: KeysetPosition): string {
  return Buffer.from(JSON.stringify({ sort, value: position.value, id: position.id })).toString('base64url');
}

function decodeCursor(field: string, text: string, sort: string, accepts: (position: KeysetPosition) => boolean): KeysetPosition {
  // Made only when thrown: an error captures its stack trace, more than half of what decoding a cursor cost.
  const refused = () => new ValidationError([{ field, code: 'invalidCursor' }]);
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw refused();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const cursor = CursorSchema.safeParse(decoded);
  if (!cursor.success || cursor.data.sort !== sort) throw refused();
  const position = { value: cursor.data.value, id: cursor.data.id };
  if (!accepts(position)) throw refused();
  return position;
}

const cursorParameters = (after: string, before: string) => ({
  after: z.string().max(2000).optional().openapi({ description: `Start after this position: the page's \`next\` cursor. Not with \`${before}\`.` }),
  before: z.string().max(2000).optional().openapi({ description: `End before this position: the page's \`previous\` cursor. Not with \`${after}\`.` }),
  pageSize: wholeNumberParameter(1, 100).optional(),
});

/** The query parameters of a paged list. */
export const pageQueryParameters = cursorParameters('after', 'before');

type ListPageParameters<List extends string> = Record<`${List}After` | `${List}Before`, (typeof pageQueryParameters)['after']> &
  Record<`${List}PageSize`, (typeof pageQueryParameters)['pageSize']>;

/**
 * The query parameters of one of several paged lists on one page, named for the list (`{list}After`,
 * `{list}Before`, `{list}PageSize`), so that paging one list leaves the others at their page.
 */
export function listPageQueryParameters<List extends string>(list: List): ListPageParameters<List> {
  const { after, before, pageSize } = cursorParameters(`${list}After`, `${list}Before`);
  return { [`${list}After`]: after, [`${list}Before`]: before, [`${list}PageSize`]: pageSize } as ListPageParameters<List>;
}

const COUNT_DESCRIPTION =
  `How many the filter finds, counted up to ${LIST_COUNT_CAP.toLocaleString('en')}; when \`totalIsCapped\`, there are more than that. ` +
  'Counting stops there so that every page costs the same, however many match: an exact count on every page would read every match, ' +
  'an estimate can be far off for a filter, and a count cached per filter would still have to be made again after every change.';

/** The fields of a paged list's answer beside its items. */
export const pageFields = {
  pageSize: z.number().int(),
  total: z.number().int().openapi({ description: COUNT_DESCRIPTION }),
  totalIsCapped: z.boolean().openapi({ description: `There are more than \`total\` (${LIST_COUNT_CAP.toLocaleString('en')})` }),
  next: z.string().nullable().openapi({ description: 'Send as `after` for the next page; null on the last page' }),
  previous: z.string().nullable().openapi({ description: 'Send as `before` for the previous page; null on the first page' }),
};

/** Where the requested page starts; `accepts` says whether a position could be one of the list's rows. */
export function pageStart(
  query: { after?: string | undefined; before?: string | undefined },
  sort: string,
  accepts: (position: KeysetPosition) => boolean,
  names = { after: 'after', before: 'before' },
): PageStart {
  if (query.after !== undefined && query.before !== undefined) throw new ValidationError([{ field: names.before, code: 'onlyOneCursor' }]);
  if (query.after !== undefined) return { after: decodeCursor(names.after, query.after, sort, accepts) };
  if (query.before !== undefined) return { before: decodeCursor(names.before, query.before, sort, accepts) };
  return undefined;
}

/** Where the requested page of a list named by listPageQueryParameters starts, and its size if asked. */
export function listPage(
  query: Record<string, string | number | undefined>,
  list: string,
  sort: string,
  accepts: (position: KeysetPosition) => boolean,
): { start: PageStart; pageSize: number | undefined } {
  const names = { after: `${list}After`, before: `${list}Before` };
  const cursors = { after: query[names.after] as string | undefined, before: query[names.before] as string | undefined };
  return { start: pageStart(cursors, sort, accepts, names), pageSize: query[`${list}PageSize`] as number | undefined };
}

/** The page's neighbours as cursors for the same sort. */
export function pageCursors(page: KeysetPage<unknown>, sort: string): { next: string | null; previous: string | null } {
  return {
    next: page.next && encodeCursor(sort, page.next),
    previous: page.previous && encodeCursor(sort, page.previous),
  };
}
