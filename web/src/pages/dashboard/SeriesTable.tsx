import { useTranslation } from 'react-i18next';
import { SUPPORT_TYPES } from '../../../../common/vocabulary/codes.ts';
import type { SeriesPoint } from '../../api/types.ts';
import { formatMonth } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';

/** The chart's data for those who would rather read than look, or cannot look. */
export function SeriesTable({ points }: { points: SeriesPoint[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const amountColumn = (key: (typeof SUPPORT_TYPES)[number] | 'total', header: string): Column<SeriesPoint> => ({
    key,
    header,
    numeric: true,
    cell: (point) => formatEuro(point[key], language),
  });
  const columns: Column<SeriesPoint>[] = [
    { key: 'month', header: t('dashboard.chart.month'), cell: (point) => formatMonth(point.date, language) },
    ...SUPPORT_TYPES.map((type) => amountColumn(type, t(`supportTypes.${type}`))),
    amountColumn('total', t('dashboard.chart.total')),
  ];
  return (
    <details className="series-table">
      <summary>{t('dashboard.chart.tableToggle')}</summary>
      <DataTable caption={t('dashboard.chart.caption')} columns={columns} rows={points} rowKey={(point) => point.date} />
    </details>
  );
}
