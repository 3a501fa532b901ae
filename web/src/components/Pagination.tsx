import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

interface PaginationProps {
  /** The address of the previous page; null on the first page. */
  previousHref: string | null;
  /** The address of the next page; null on the last page. */
  nextHref: string | null;
}

/** Previous and next page: lists are paged from a position, so there are no page numbers to jump to. */
export function Pagination({ previousHref, nextHref }: PaginationProps) {
  const { t } = useTranslation();
  if (previousHref === null && nextHref === null) return null;
  return (
    <nav className="pagination" aria-label={t('deliveries.pagination.label')}>
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
