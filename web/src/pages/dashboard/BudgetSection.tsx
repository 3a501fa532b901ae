import { useTranslation } from 'react-i18next';
import { getBudgetFigures } from '../../api/budget.ts';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { BudgetChart, BudgetChartTable } from './BudgetChart.tsx';

/** Budgeted, committed and realised per budget year, as known at the dashboard's reference date. */
export function BudgetSection({ knownAt }: { knownAt: string }) {
  const can = useCan();
  return can('budget.read') ? <BudgetFigures knownAt={knownAt} /> : null;
}

function BudgetFigures({ knownAt }: { knownAt: string }) {
  const { t } = useTranslation();
  const figures = useResource(`budget/${knownAt}`, (signal) => getBudgetFigures(knownAt, signal));
  return (
    <LabelledSection heading={t('budget.chart.heading')} className="dashboard-section">
      <p className="nl-paragraph">{t('budget.chart.intro')}</p>
      {figures.status === 'ready' ? (
        <>
          <BudgetChart figures={figures.data.data} />
          <BudgetChartTable figures={figures.data.data} />
        </>
      ) : (
        <ResourceStatus resource={figures} onRetry={figures.reload} />
      )}
    </LabelledSection>
  );
}
