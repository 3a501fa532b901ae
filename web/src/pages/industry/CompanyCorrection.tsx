import { useTranslation } from 'react-i18next';
import { versionTag } from '../../api/client.ts';
import { correctCompany, type IndustryOverview } from '../../api/industry.ts';
import { FieldsCorrection } from './FieldsCorrection.tsx';
import { companyFields, readCompanyFields } from './companyFields.ts';

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
  const word = (key: 'legend' | 'intro' | 'company' | 'submit' | 'done' | 'conflict') => t(`industry.forms.companyCorrection.${key}`);
  return (
    <FieldsCorrection
      words={{ legend: word('legend'), intro: word('intro'), choose: word('company'), submit: word('submit'), done: word('done'), conflict: word('conflict') }}
      options={overview.companies.map((company) => ({ record: company, label: `${company.name} (${company.country})` }))}
      fields={(company) => companyFields(t, company)}
      read={readCompanyFields}
      send={(company, input) => correctCompany(company.id, input, versionTag(company.version))}
      onReload={onReload}
      onRecorded={onRecorded}
    />
  );
}
