import { useTranslation } from 'react-i18next';
import { getIndustry } from '../../api/industry.ts';
import { AsAtDateForm, RecordedToday, useAsAtDate } from '../../components/AsAtDateForm.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useHistoryEntry } from '../../forms/useHistoryEntry.ts';
import { fieldErrorsOf } from '../../forms/useSubmission.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { ContractsByCountry } from './ContractsByCountry.tsx';
import { CompanyDecisionForm, CompanyForm, ContractForm, CoproductionForm, DemandBundleForm, LessonForm, PriceForm, ProgressForm } from './IndustryForms.tsx';
import { CompanyCorrection } from './CompanyCorrection.tsx';
import { ContractCorrection, ContractWithdrawalForm } from './ContractCorrection.tsx';
import { CoproductionCorrection, DemandBundleCorrection } from './ProjectAndNeedCorrections.tsx';
import { CompaniesTable, IndustryRecords, WithdrawnCompaniesTable, WithdrawnContractsTable } from './IndustryTables.tsx';

/**
 * The industry register as it stood at a date, today unless the address names another; at today's the registrar
 * records it here, and the disclosure officer decides which companies may be named.
 */
export function IndustryPage() {
  const { t } = useTranslation();
  const can = useCan();
  const asAt = useAsAtDate();
  const { date } = asAt;
  const mayRecord = can('industry.write');
  const mayDecide = can('disclosure.decide');
  const industry = useResource(date, (signal) => getIndustry(date, signal));
  const entry = useHistoryEntry(industry.reload);
  const overview = industry.data?.data;
  // A date the API refuses is said at the field, rather than as a register that could not be loaded.
  const refusal = fieldErrorsOf(industry.status === 'failed' ? industry.error : undefined).date;
  return (
    <>
      <PageHeading title={t('industry.title')}>{t('industry.title')}</PageHeading>
      <p className="nl-paragraph">{t('industry.intro')}</p>
      <AsAtDateForm asAt={asAt} refusal={refusal} />
      {overview ? (
        <>
          <LabelledSection heading={t('industry.byCountry.heading')}>
            <ContractsByCountry byCountry={overview.byCountry} date={overview.date} />
          </LabelledSection>
          <LabelledSection heading={t('industry.companies.heading')}>
            <CompaniesTable overview={overview} />
          </LabelledSection>
          <WithdrawnContractsTable overview={overview} />
          <WithdrawnCompaniesTable overview={overview} />
          <IndustryRecords overview={overview} />
          {(mayRecord || mayDecide) && !asAt.isToday && (
            <LabelledSection heading={t('industry.forms.heading')}>
              <RecordedToday asAt={asAt} />
            </LabelledSection>
          )}
          {mayRecord && asAt.isToday && (
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
          {mayRecord && asAt.isToday && (
            <LabelledSection heading={t('industry.forms.correctionHeading')}>
              <CompanyCorrection overview={overview} onReload={industry.reload} onRecorded={industry.reload} />
              <ContractCorrection overview={overview} onReload={industry.reload} onRecorded={industry.reload} />
              <ContractWithdrawalForm overview={overview} entry={entry} onRecorded={industry.reload} />
              <CoproductionCorrection overview={overview} onReload={industry.reload} onRecorded={industry.reload} />
              <DemandBundleCorrection overview={overview} onReload={industry.reload} onRecorded={industry.reload} />
            </LabelledSection>
          )}
          {mayDecide && asAt.isToday && (
            <LabelledSection heading={t('industry.forms.decisionHeading')}>
              <CompanyDecisionForm overview={overview} entry={entry} onRecorded={industry.reload} />
            </LabelledSection>
          )}
        </>
      ) : (
        refusal === undefined && <ResourceStatus resource={industry} onRetry={industry.reload} />
      )}
    </>
  );
}
