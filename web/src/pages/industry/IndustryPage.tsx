import { useTranslation } from 'react-i18next';
import { getIndustry } from '../../api/industry.ts';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { todayInAmsterdam } from '../../../../common/dates.ts';
import { useHistoryEntry } from '../../forms/useHistoryEntry.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { ContractsByCountry } from './ContractsByCountry.tsx';
import { CompanyDecisionForm, CompanyForm, ContractForm, CoproductionForm, DemandBundleForm, LessonForm, PriceForm, ProgressForm } from './IndustryForms.tsx';
import { CompaniesTable, IndustryRecords } from './IndustryTables.tsx';

/** The industry register as it stands today; the registrar records it here, and the disclosure officer decides which companies may be named. */
export function IndustryPage() {
  const { t } = useTranslation();
  const can = useCan();
  const mayRecord = can('industry.write');
  const date = todayInAmsterdam();
  const industry = useResource(date, (signal) => getIndustry(date, signal));
  const entry = useHistoryEntry(industry.reload);
  const overview = industry.data?.data;
  return (
    <>
      <PageHeading title={t('industry.title')}>{t('industry.title')}</PageHeading>
      <p className="nl-paragraph">{t('industry.intro')}</p>
      {overview ? (
        <>
          <LabelledSection heading={t('industry.byCountry.heading')}>
            <ContractsByCountry byCountry={overview.byCountry} date={overview.date} />
          </LabelledSection>
          <LabelledSection heading={t('industry.companies.heading')}>
            <CompaniesTable overview={overview} />
          </LabelledSection>
          <IndustryRecords overview={overview} />
          {mayRecord && (
            <LabelledSection heading={t('industry.forms.heading')}>
              <ProgressForm overview={overview} entry={entry} onRecorded={industry.reload} />
              <CompanyForm onRecorded={industry.reload} />
              <ContractForm overview={overview} onRecorded={industry.reload} />
              <PriceForm overview={overview} onRecorded={industry.reload} />
              <LessonForm onRecorded={industry.reload} />
              <CoproductionForm overview={overview} entry={entry} onRecorded={industry.reload} />
              <DemandBundleForm onRecorded={industry.reload} />
            </LabelledSection>
          )}
          {can('disclosure.decide') && (
            <LabelledSection heading={t('industry.forms.decisionHeading')}>
              <CompanyDecisionForm overview={overview} entry={entry} onRecorded={industry.reload} />
            </LabelledSection>
          )}
        </>
      ) : (
        <ResourceStatus resource={industry} onRetry={industry.reload} />
      )}
    </>
  );
}
