import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { IsoDate } from '../../../../common/dates.ts';
import type { DueReview } from '../../api/disclosure.ts';
import type { Column } from '../../components/DataTable.tsx';
import { ExportedTable } from '../../components/ExportedTable.tsx';
import { formatLongDate, formatMoment, formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useGroundLabel } from './useGroundLabel.ts';

/** Confidential deliveries whose review date has come by the reference date: to decide on again. */
export function DueReviews({ reviews, referenceDate }: { reviews: DueReview[]; referenceDate: IsoDate }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const groundLabel = useGroundLabel();
  if (reviews.length === 0) return <p className="nl-paragraph">{t('disclosure.noReviews', { date: formatLongDate(referenceDate, language) })}</p>;
  const columns: Column<DueReview>[] = [
    {
      key: 'title',
      header: t('deliveries.columns.title'),
      cell: (review) => (
        <Link className="utrecht-link utrecht-link--html-a" href={`/leveringen/${review.deliveryId}`}>
          {review.title}
        </Link>
      ),
    },
    { key: 'ground', header: t('fields.ground'), cell: (review) => groundLabel(review.ground) },
    { key: 'reviewOn', header: t('fields.reviewOn'), cell: (review) => formatShortDate(review.reviewOn, language) },
    { key: 'decidedAt', header: t('disclosure.history.decidedAt'), cell: (review) => formatMoment(review.decidedAt, language) },
  ];
  return (
    <ExportedTable
      exported={{ list: 'due-reviews', filters: { referenceDate } }}
      empty={t('disclosure.noReviews', { date: formatLongDate(referenceDate, language) })}
      caption={t('disclosure.reviewsCaption')}
      columns={columns}
      rows={reviews}
      rowKey={(review) => review.deliveryId}
    />
  );
}
