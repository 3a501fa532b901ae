import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/** The pages to offer: the first, the last and two either side of the current one; null marks a gap. */
function visiblePages(current: number, last: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let page = 1; page <= last; page += 1) {
    if (page === 1 || page === last || Math.abs(page - current) <= 2) pages.push(page);
    else if (pages.at(-1) !== null) pages.push(null);
  }
  return pages;
}

interface PaginationProps {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}

export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('deliveries.pagination.label')}>
      <ul className="pagination__list">
        {page > 1 && (
          <li>
            <Link className="pagination__link" href={hrefFor(page - 1)} rel="prev">
              {t('deliveries.pagination.previous')}
            </Link>
          </li>
        )}
        {visiblePages(page, pageCount).map((number, index) =>
          number === null ? (
            <li key={`gap-${index}`} className="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={number}>
              <Link
                className="pagination__link"
                href={hrefFor(number)}
                aria-current={number === page ? 'page' : undefined}
                aria-label={t('deliveries.pagination.page', { page: number })}
              >
                {number}
              </Link>
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link className="pagination__link" href={hrefFor(page + 1)} rel="next">
              {t('deliveries.pagination.next')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
