import { useTranslation } from 'react-i18next';
import { getReadiness, type DeliveryReadiness } from '../../api/readiness.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatBillions, formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { GroupedBarChart } from '../dashboard/GroupedBarChart.tsx';

/** The dashboard's view of replenishment: per stock delivery its value and what projects replace of it, as a chart and a table. */
export function ReplenishmentPanel() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const readiness = useResource('readiness', (signal) => getReadiness(signal));
  const deliveries = readiness.data?.data.deliveries ?? [];
  const delivered = deliveries.reduce((sum, delivery) => sum + delivery.currentValueCents, 0);
  const replaced = deliveries.reduce((sum, delivery) => sum + delivery.replacedValueCents, 0);
  const series = [t('readiness.columns.value'), t('readiness.columns.replaced')];
  return (
    <LabelledSection heading={t('readiness.dashboard.heading')} className="dashboard-section">
      <p className="nl-paragraph">{t('readiness.dashboard.intro')}</p>
      {readiness.data ? (
        <>
          <GroupedBarChart
            label={t('readiness.dashboard.imageLabel', { delivered: formatEuro(delivered, language), replaced: formatEuro(replaced, language) })}
            series={series}
            tick={(cents) => t('dashboard.chart.billions', { value: formatBillions(cents, language) })}
            groups={deliveries.map((delivery, index) => ({ key: delivery.id, label: String(index + 1), values: [delivery.currentValueCents, delivery.replacedValueCents] }))}
          />
          <details className="series-table">
            <summary>{t('readiness.dashboard.tableToggle')}</summary>
            <DataTable
              caption={t('readiness.dashboard.caption')}
              rowKey={(delivery) => delivery.id}
              rows={deliveries}
              columns={[
                { key: 'number', header: '#', numeric: true, cell: (delivery: DeliveryReadiness) => deliveries.indexOf(delivery) + 1 },
                { key: 'title', header: t('readiness.columns.delivery'), cell: (delivery) => delivery.title },
                { key: 'value', header: series[0]!, numeric: true, cell: (delivery) => formatEuro(delivery.currentValueCents, language) },
                { key: 'replaced', header: series[1]!, numeric: true, cell: (delivery) => formatEuro(delivery.replacedValueCents, language) },
                { key: 'notReplaced', header: t('readiness.columns.notReplaced'), numeric: true, cell: (delivery) => delivery.nonReplacements.length },
              ]}
            />
          </details>
        </>
      ) : (
        <ResourceStatus resource={readiness} onRetry={readiness.reload} />
      )}
    </LabelledSection>
  );
}
