import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../common/dates.ts';
import { getReplenishmentSummary, type ReplenishmentSummary } from '../../api/readiness.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { formatBillions, formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { GroupedBarChart } from '../dashboard/GroupedBarChart.tsx';

type LargestDelivery = ReplenishmentSummary['largest'][number];

/**
 * The dashboard's view of replenishment at the reference date: the value then of every stock delivery listed
 * then and what projects replaced of it then, and the largest deliveries one by one, as a chart and a table.
 */
export function ReplenishmentPanel({ referenceDate }: { referenceDate: IsoDate }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const summary = useResource(`replenishment/${referenceDate}`, (signal) => getReplenishmentSummary(referenceDate, signal));
  const data = summary.data?.data;
  const series = [t('readiness.columns.value'), t('readiness.columns.replaced')];
  return (
    <LabelledSection heading={t('readiness.dashboard.heading')} className="dashboard-section">
      <p className="nl-paragraph">{t('readiness.dashboard.intro')}</p>
      {data ? (
        <>
          {data.largest.length < data.stockDeliveries && (
            <p className="nl-paragraph">{t('readiness.dashboard.largest', { shown: data.largest.length, count: data.stockDeliveries })}</p>
          )}
          <GroupedBarChart
            label={t('readiness.dashboard.imageLabel', { date: formatShortDate(data.date, language), delivered: formatEuro(data.deliveredCents, language), replaced: formatEuro(data.replacedCents, language) })}
            series={series}
            tick={(cents) => t('dashboard.chart.billions', { value: formatBillions(cents, language) })}
            groups={data.largest.map((delivery, index) => ({ key: delivery.id, label: String(index + 1), values: [delivery.valueCents, delivery.replacedValueCents] }))}
          />
          <details className="series-table">
            <summary>{t('readiness.dashboard.tableToggle')}</summary>
            <DataTable
              caption={t('readiness.dashboard.caption', { date: formatShortDate(data.date, language) })}
              rowKey={(delivery) => delivery.id}
              rows={data.largest}
              columns={[
                { key: 'number', header: '#', numeric: true, cell: (delivery: LargestDelivery) => data.largest.indexOf(delivery) + 1 },
                { key: 'title', header: t('readiness.columns.delivery'), cell: (delivery) => delivery.title },
                { key: 'value', header: series[0]!, numeric: true, cell: (delivery) => formatEuro(delivery.valueCents, language) },
                { key: 'replaced', header: series[1]!, numeric: true, cell: (delivery) => formatEuro(delivery.replacedValueCents, language) },
                { key: 'notReplaced', header: t('readiness.columns.notReplaced'), numeric: true, cell: (delivery) => delivery.nonReplacements },
              ]}
            />
          </details>
        </>
      ) : (
        <ResourceStatus resource={summary} onRetry={summary.reload} />
      )}
    </LabelledSection>
  );
}
