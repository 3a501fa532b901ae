import { useTranslation } from 'react-i18next';
import { versionTag } from '../../api/client.ts';
import { correctCompany, type IndustryOverview } from '../../api/industry.ts';
import { RecordForm } from '../../forms/RecordForm.tsx';
import { CorrectionChooser } from './CorrectionChooser.tsx';
import { companyFields, readCompanyFields } from './companyFields.ts';

type Company = IndustryOverview['companies'][number];

interface Recorded {
  onReload: () => void;
  onRecorded: () => void;
}

/**
 * Correcting a company typed in error: the registrar chooses it, and its form, filled as the overview shows it, is
 * saved against that version (412 when someone corrected it or decided on it since, with the offer to load the latest).
 */
export function CompanyCorrection({ overview, onReload, onRecorded }: Recorded & { overview: IndustryOverview }) {
  const { t } = useTranslation();
  const word = (key: 'legend' | 'intro' | 'company' | 'done') => t(`industry.forms.companyCorrection.${key}`);
  return (
    <CorrectionChooser
      words={{ legend: word('legend'), intro: word('intro'), choose: word('company'), done: word('done') }}
      options={overview.companies.map((company) => ({ record: company, label: `${company.name} (${company.country})` }))}
      form={(company, saved) => <CorrectionForm company={company} onReload={onReload} onRecorded={saved} />}
      onRecorded={onRecorded}
    />
  );
}

function CorrectionForm({ company, onReload, onRecorded }: Recorded & { company: Company }) {
  const { t } = useTranslation();
  return (
    <RecordForm
      doneText={t('industry.forms.companyCorrection.done')}
      submitLabel={t('industry.forms.companyCorrection.submit')}
      conflictText={t('industry.forms.companyCorrection.conflict')}
      onReload={onReload}
      fields={companyFields(t, company)}
      read={readCompanyFields}
      send={(input) => correctCompany(company.id, input, versionTag(company.version))}
      onRecorded={onRecorded}
    />
  );
}
