import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { EPF_CLAIM_STATUSES, type EpfClaimStatus } from '../../../../common/vocabulary/codes.ts';
import { getEpfOverview } from '../../api/epf.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';

/** The dashboard's panel: the EPF claims by status at the reference date. */
export function EpfStatusPanel({ date }: { date: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const overview = useResource(`epf/${date}`, (signal) => getEpfOverview(date, signal));
  const columns: Column<EpfClaimStatus>[] = [
    { key: 'status', header: t('epf.claims.status'), cell: (status) => t(`epfClaimStatuses.${status}`) },
  ];
  return (
    <LabelledSection heading={t('epf.dashboard.heading')} className="dashboard-section">
      <p className="nl-paragraph">{t('epf.dashboard.intro')}</p>
      {overview.status === 'ready' ? (
        <DataTable
          caption={t('epf.dashboard.caption', { date: formatShortDate(date, language) })}
          columns={[
            ...columns,
            { key: 'count', header: t('epf.dashboard.count'), numeric: true, cell: (status) => String(overview.data.data.byStatus[status].count) },
            { key: 'declared', header: t('epf.claims.declared'), numeric: true, cell: (status) => formatEuro(overview.data.data.byStatus[status].declaredCents, language) },
          ]}
          rows={EPF_CLAIM_STATUSES}
          rowKey={(status) => status}
        />
      ) : (
        <ResourceStatus resource={overview} onRetry={overview.reload} />
      )}
      <p className="nl-paragraph">
        <Link href={`/epf?date=${date}`}>{t('epf.dashboard.link')}</Link>
      </p>
    </LabelledSection>
  );
}
