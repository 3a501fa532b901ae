import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { queryString } from '../api/queryString.ts';

interface PaginationProps {
  /** The address of the previous page; null on the first page. */
  previousHref: string | null;
  /** The address of the next page; null on the last page. */
  nextHref: string | null;
  /** The list it pages, where a page has several: each navigation landmark needs its own name. */
  list?: string;
}

/** Previous and next page: lists are paged from a position, so there are no page numbers to jump to. */
export function Pagination({ previousHref, nextHref, list }: PaginationProps) {
  const { t } = useTranslation();
  if (previousHref === null && nextHref === null) return null;
  const label = t('deliveries.pagination.label');
  return (
    <nav className="pagination" aria-label={list ? `${label}: ${list}` : label}>
      <ul className="pagination__list">
        {previousHref !== null && (
          <li>
            <Link className="pagination__link" href={previousHref} rel="prev">
              {t('deliveries.pagination.previous')}
            </Link>
          </li>
        )}
        {nextHref !== null && (
          <li>
            <Link className="pagination__link" href={nextHref} rel="next">
              {t('deliveries.pagination.next')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The cursor parameters of one of several paged lists on a page, named after it as the API names them. */
const listCursorNames = (list: string) => ({ after: `${list}After`, before: `${list}Before` });

/**
 * The addresses of the previous and next page of one of several paged lists on a page: the query with this
 * list's cursor replaced, so that the other lists stay at their page.
 */
export function listPageHrefs(path: string, query: Record<string, string | undefined>, list: string, page: { next: string | null; previous: string | null }) {
  const names = listCursorNames(list);
  const at = (cursor: Record<string, string>) => `${path}${queryString({ ...query, [names.after]: undefined, [names.before]: undefined, ...cursor })}`;
  return {
    previousHref: page.previous === null ? null : at({ [names.before]: page.previous }),
    nextHref: page.next === null ? null : at({ [names.after]: page.next }),
  };
}

/** The cursors of the paged lists in a page's address, by their parameters' names. */
export function listCursors(params: URLSearchParams, lists: readonly string[]): Record<string, string | undefined> {
  const names = lists.flatMap((list) => Object.values(listCursorNames(list)));
  return Object.fromEntries(names.map((name) => [name, params.get(name) ?? undefined]));
}
