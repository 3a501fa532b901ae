import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { queryString } from '../../api/queryString.ts';
import { getEpfClaims, getEpfOverview, getEpfTranches, type EpfClaimList, type EpfOverview } from '../../api/epf.ts';
import { AsAtDateForm, useAsAtDate } from '../../components/AsAtDateForm.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { ExportedTable } from '../../components/ExportedTable.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { fieldErrorsOf } from '../../forms/useSubmission.ts';
import { formatShortDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { NewClaimForm } from './NewClaimForm.tsx';
import { NewTrancheForm } from './NewTrancheForm.tsx';

/** The EPF as it stood at a date: the Dutch figures, the EU's tranches and the claims with their status. */
export function EpfPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params] = useSearchParams();
  const asAt = useAsAtDate('date', { restarts: ['after', 'before'] });
  const { date } = asAt;
  const overview = useResource(`overview/${date}`, (signal) => getEpfOverview(date, signal));
  const start = { after: params.get('after') ?? undefined, before: params.get('before') ?? undefined };
  const claims = useResource(JSON.stringify(['claims', date, start]), (signal) => getEpfClaims({ date, ...start }, signal));

  // A date the API refuses (before the register's years, say) is said at the field, rather than as a list that could not be loaded.
  const failed = [overview, claims].find((resource) => resource.status === 'failed');
  const errors = fieldErrorsOf(failed?.status === 'failed' ? failed.error : undefined);
  const refusedDate = errors.date !== undefined;

  return (
    <>
      <PageHeading title={t('epf.title')}>{t('epf.title')}</PageHeading>
      <p className="nl-paragraph">{t('epf.intro')}</p>
      <AsAtDateForm asAt={asAt} label={t('epf.date')} submit={t('epf.show')} refusal={errors.date} />

      <LabelledSection heading={t('epf.figures.heading')}>
        {overview.status === 'ready' ? <FiguresTable overview={overview.data.data} /> : !refusedDate && <ResourceStatus resource={overview} onRetry={overview.reload} />}
      </LabelledSection>

      <LabelledSection heading={t('epf.tranches.heading')}>
        {overview.status === 'ready' && overview.data.data.tranches.length > 0 && <ExportLinks list="epf-tranches" filters={{ date }} />}
        {overview.status === 'ready' ? <TranchesTable tranches={overview.data.data.tranches} /> : !refusedDate && <ResourceStatus resource={overview} onRetry={overview.reload} />}
      </LabelledSection>

      <LabelledSection heading={t('epf.claims.heading')}>
        {claims.status === 'ready' ? <ClaimsTable list={claims.data.data} /> : !refusedDate && <ResourceStatus resource={claims} onRetry={claims.reload} />}
      </LabelledSection>

      {can('epf.write') && (
        <EpfForms
          onClaimCreated={() => {
            overview.reload();
            claims.reload();
          }}
          onTrancheCreated={overview.reload}
        />
      )}
    </>
  );
}

/** The forms of those who write: a claim, which may name a tranche of all those recorded, and a tranche, which it may name next. */
function EpfForms({ onClaimCreated, onTrancheCreated }: { onClaimCreated: () => void; onTrancheCreated: () => void }) {
  const { t } = useTranslation();
  const tranches = useResource('tranches', (signal) => getEpfTranches(signal));
  return (
    <>
      <LabelledSection heading={t('epf.claims.new')}>
        <NewClaimForm tranches={tranches.data?.data.items ?? []} onCreated={onClaimCreated} />
      </LabelledSection>
      <LabelledSection heading={t('epf.tranches.form.legend')}>
        <NewTrancheForm
          onCreated={() => {
            onTrancheCreated();
            tranches.reload();
          }}
        />
      </LabelledSection>
    </>
  );
}

interface FigureRow {
  key: string;
  label: string;
  value: string;
}

function FiguresTable({ overview }: { overview: EpfOverview }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const euro = (cents: number) => formatEuro(cents, language);
  const rows: FigureRow[] = [
    { key: 'declared', label: t('epf.figures.declared'), value: euro(overview.declaredCents) },
    { key: 'declaredUntil', label: t('epf.figures.declaredUntil'), value: overview.declaredUntil ? formatShortDate(overview.declaredUntil, language) : t('common.none') },
    { key: 'compensated', label: t('epf.figures.compensated'), value: euro(overview.compensatedCents) },
    ...overview.paidByYear.map(({ year, cents }) => ({ key: `paid-${year}`, label: t('epf.figures.paidInYear', { year }), value: euro(cents) })),
    { key: 'outstanding', label: t('epf.figures.outstanding'), value: euro(overview.outstandingCents) },
    { key: 'blocked', label: t('epf.figures.blocked'), value: euro(overview.blockedCents) },
    { key: 'remainder', label: t('epf.figures.remainderExpectedBy'), value: overview.remainderExpectedBy === null ? t('common.none') : String(overview.remainderExpectedBy) },
    { key: 'implementingActor', label: t('epf.figures.implementingActor'), value: euro(overview.implementingActorCents) },
  ];
  const columns: Column<FigureRow>[] = [
    { key: 'label', header: t('epf.figures.figure'), cell: (row) => row.label },
    { key: 'value', header: t('epf.figures.amount'), numeric: true, cell: (row) => row.value },
  ];
  return <DataTable caption={t('epf.figures.caption', { date: formatShortDate(overview.date, language) })} columns={columns} rows={rows} rowKey={(row) => row.key} />;
}

function TranchesTable({ tranches }: { tranches: EpfOverview['tranches'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const columns: Column<EpfOverview['tranches'][number]>[] = [
    { key: 'name', header: t('epf.tranches.name'), cell: (row) => row.name },
    { key: 'kind', header: t('epf.tranches.kind'), cell: (row) => t(`epfTrancheKinds.${row.kind}`) },
    { key: 'decidedOn', header: t('epf.tranches.decidedOn'), cell: (row) => formatShortDate(row.decidedOn, language) },
    { key: 'amount', header: t('epf.tranches.amount'), numeric: true, cell: (row) => formatEuro(row.euAmountCents, language) },
    { key: 'role', header: t('epf.tranches.role'), cell: (row) => t(`epfDutchRoles.${row.dutchRole}`) },
  ];
  return <DataTable caption={t('epf.tranches.caption')} columns={columns} rows={tranches} rowKey={(row) => row.id} />;
}

function ClaimsTable({ list }: { list: EpfClaimList }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const addressAt = (start: { after?: string; before?: string }) => `/epf${queryString({ date: list.date, ...start })}`;
  const columns: Column<EpfClaimList['items'][number]>[] = [
    { key: 'reference', header: t('epf.claims.reference'), cell: (row) => <Link href={`/epf/declaraties/${row.id}`}>{row.reference}</Link> },
    { key: 'covers', header: t('epf.claims.covers'), cell: (row) => (row.deliveryId === null ? row.batch : <Link href={`/leveringen/${row.deliveryId}`}>{row.deliveryTitle}</Link>) },
    { key: 'period', header: t('epf.claims.period'), cell: (row) => row.period },
    { key: 'declaredOn', header: t('epf.claims.declaredOn'), cell: (row) => formatShortDate(row.declaredOn, language) },
    { key: 'declared', header: t('epf.claims.declared'), numeric: true, cell: (row) => formatEuro(row.declaredCents, language) },
    { key: 'compensated', header: t('epf.claims.compensated'), numeric: true, cell: (row) => formatEuro(row.compensatedCents, language) },
    { key: 'paid', header: t('epf.claims.paid'), numeric: true, cell: (row) => formatEuro(row.paidCents, language) },
    { key: 'status', header: t('epf.claims.status'), cell: (row) => (row.blockedReason ? `${t(`epfClaimStatuses.${row.status}`)}: ${row.blockedReason}` : t(`epfClaimStatuses.${row.status}`)) },
  ];
  return (
    <>
      <ExportedTable
        exported={{ list: 'epf-claims', filters: { date: list.date } }}
        empty={t('epf.figures.none')}
        caption={t(list.totalIsCapped ? 'epf.claims.captionMoreThan' : 'epf.claims.caption', { date: formatShortDate(list.date, language), count: list.total })}
        columns={columns}
        rows={list.items}
        rowKey={(row) => row.id}
      />
      <Pagination
        previousHref={list.previous === null ? null : addressAt({ before: list.previous })}
        nextHref={list.next === null ? null : addressAt({ after: list.next })}
      />
    </>
  );
}
