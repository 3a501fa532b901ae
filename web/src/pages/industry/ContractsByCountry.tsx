import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../common/dates.ts';
import { MILESTONE_STATUSES } from '../../../../common/vocabulary/codes.ts';
import type { CountrySummary } from '../../api/industry.ts';
import { ExportedTable } from '../../components/ExportedTable.tsx';
import { formatLongDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** Contracts per country of the company, with how many of their milestones stand where at the date. */
export function ContractsByCountry({ byCountry, date }: { byCountry: readonly CountrySummary[]; date: IsoDate }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  // The country by its name in the page's language ("Oekraïne (UA)"): whether its companies count as Dutch or Ukrainian follows from it.
  const countries = new Intl.DisplayNames(language, { type: 'region', fallback: 'code' });
  return (
    <ExportedTable
      exported={{ list: 'industry-by-country', filters: { date } }}
      empty={t('industry.byCountry.empty')}
      caption={t('industry.byCountry.caption', { date: formatLongDate(date, language) })}
      rowKey={(row) => row.country}
      rows={byCountry}
      columns={[
        { key: 'country', header: t('industry.byCountry.country'), cell: (row) => `${countries.of(row.country) ?? row.country} (${row.country})` },
        { key: 'contracts', header: t('industry.byCountry.contracts'), cell: (row) => row.contracts, numeric: true },
        { key: 'amount', header: t('industry.byCountry.amount'), cell: (row) => formatEuro(row.amountCents, language), numeric: true },
        ...MILESTONE_STATUSES.map((status) => ({ key: status, header: t(`milestoneStatuses.${status}`), cell: (row: CountrySummary) => row.milestones[status], numeric: true })),
      ]}
    />
  );
}
