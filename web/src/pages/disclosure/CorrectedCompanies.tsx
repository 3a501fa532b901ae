import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CorrectedCompany } from '../../api/disclosure.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { formatMoment } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';

/**
 * Companies corrected since the disclosure officer decided on them: what the public reads of a public one stays as
 * that decision made it, so each waits for a new decision, taken on the industry page. Shown only when there are any.
 */
export function CorrectedCompanies({ companies }: { companies: CorrectedCompany[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (companies.length === 0) return null;
  const columns: Column<CorrectedCompany>[] = [
    { key: 'company', header: t('disclosure.correctedCompanies.company'), cell: (company) => `${company.name} (${company.country})` },
    { key: 'state', header: t('disclosure.correctedCompanies.state'), cell: (company) => t(`disclosureStates.${company.disclosureState}`) },
    {
      key: 'public',
      header: t('disclosure.correctedCompanies.publicReads'),
      cell: (company) => (company.publicName === null ? t('disclosure.correctedCompanies.nothingPublic') : `${company.publicName} (${company.publicCountry})`),
    },
    { key: 'correctedAt', header: t('disclosure.correctedCompanies.correctedAt'), cell: (company) => formatMoment(company.correctedAt, language) },
  ];
  return (
    <LabelledSection heading={t('disclosure.correctedCompanies.heading', { count: companies.length })}>
      <p className="nl-paragraph">
        {t('disclosure.correctedCompanies.explained')}{' '}
        <Link className="utrecht-link utrecht-link--html-a" href="/industrie">
          {t('disclosure.correctedCompanies.toDecision')}
        </Link>
      </p>
      <DataTable caption={t('disclosure.correctedCompanies.caption')} columns={columns} rows={companies} rowKey={(company) => company.companyId} />
    </LabelledSection>
  );
}
