import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { IsoDate } from '../../../../common/dates.ts';
import { getIndustry } from '../../api/industry.ts';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useResource } from '../../state/useResource.ts';
import { MILESTONE_STATUSES } from '../../../../common/vocabulary/codes.ts';
import { GroupedBarChart } from '../dashboard/GroupedBarChart.tsx';
import { ContractsByCountry } from './ContractsByCountry.tsx';

/** The dashboard's view of industry: contracts by country with their milestones' status at the reference date, as a chart and its table. */
export function IndustryPanel({ referenceDate }: { referenceDate: IsoDate }) {
  const { t } = useTranslation();
  const industry = useResource(referenceDate, (signal) => getIndustry(referenceDate, signal));
  return (
    <LabelledSection heading={t('industry.byCountry.heading')} className="dashboard-section">
      {industry.status === 'ready' ? (
        <>
          <GroupedBarChart
            label={t('industry.byCountry.imageLabel', { count: industry.data.data.byCountry.length })}
            series={MILESTONE_STATUSES.map((status) => t(`milestoneStatuses.${status}`))}
            tick={(count) => String(count)}
            groups={industry.data.data.byCountry.map((row) => ({ key: row.country, label: row.country, values: MILESTONE_STATUSES.map((status) => row.milestones[status]) }))}
          />
          <ContractsByCountry byCountry={industry.data.data.byCountry} date={industry.data.data.date} />
          <p className="nl-paragraph">
            <Link href="/industrie" className="nl-link">{t('industry.title')}</Link>
          </p>
        </>
      ) : (
        <ResourceStatus resource={industry} onRetry={industry.reload} />
      )}
    </LabelledSection>
  );
}
