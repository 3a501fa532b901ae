import { useTranslation } from 'react-i18next';
import { versionTag } from '../../api/client.ts';
import { correctCompany, withdrawCompany, type IndustryOverview } from '../../api/industry.ts';
import { WithdrawButton } from '../../forms/WithdrawButton.tsx';
import { FieldsCorrection } from './FieldsCorrection.tsx';
import { companyFields, readCompanyFields } from './companyFields.ts';

interface Recorded {
  onReload: () => void;
  onRecorded: () => void;
}

/**
 * Correcting a company typed in error: the registrar chooses it, and its form, filled as the overview shows it, is
 * saved against that version (412 when someone corrected it or decided on it since, with the offer to load the latest).
 * Below it, the company recorded in error or that no longer takes part is withdrawn, from today unless another date
 * is given, at the version the form was filled from: once withdrawn it is among the withdrawn companies.
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
      actions={(company) => (
        <WithdrawButton
          texts="industry.forms.companyWithdrawal"
          initialDate={overview.date}
          send={(input, key) => withdrawCompany(company.id, input, key, versionTag(company.version))}
          onChanged={onRecorded}
        />
      )}
      onReload={onReload}
      onRecorded={onRecorded}
    />
  );
}
