import { useTranslation } from 'react-i18next';
import { SUPPORT_TYPES } from '../../../../src/domain/delivery.ts';
import type { SeriesPoint } from '../../api/types.ts';
import { formatMonth } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** The chart's data for those who would rather read than look, or cannot look. */
export function SeriesTable({ points }: { points: SeriesPoint[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <details className="series-table">
      <summary>{t('dashboard.chart.tableToggle')}</summary>
      <div className="utrecht-table__container table-scroll">
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption">{t('dashboard.chart.caption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{t('dashboard.chart.month')}</th>
              {SUPPORT_TYPES.map((type) => (
                <th key={type} scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  {t(`supportTypes.${type}`)}
                </th>
              ))}
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{t('dashboard.chart.total')}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {points.map((point) => (
              <tr key={point.date} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell table-row-heading">{formatMonth(point.date, language)}</th>
                {[...SUPPORT_TYPES, 'total' as const].map((column) => (
                  <td key={column} className="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {formatEuro(point[column], language)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
