import { useTranslation } from 'react-i18next';
import type { IndustryOverview } from '../../api/industry.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ExportedTable } from '../../components/ExportedTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { formatLongDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';

type Company = IndustryOverview['companies'][number];
type Contract = Company['contracts'][number];
type Milestone = Contract['milestones'][number];

/** One row per milestone (a contract without milestones still gets a row), grouped by company and contract. */
interface MilestoneRow {
  key: string;
  company: Company;
  contract: Contract | null;
  milestone: Milestone | null;
}

function milestoneRows(companies: readonly Company[]): MilestoneRow[] {
  return companies.flatMap((company): MilestoneRow[] =>
    company.contracts.length === 0
      ? [{ key: company.id, company, contract: null, milestone: null }]
      : company.contracts.flatMap((contract): MilestoneRow[] =>
          contract.milestones.length === 0
            ? [{ key: contract.id, company, contract, milestone: null }]
            : contract.milestones.map((milestone) => ({ key: milestone.id, company, contract, milestone })),
        ),
  );
}

export function CompaniesTable({ overview }: { overview: IndustryOverview }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const none = t('common.none');
  return (
    <ExportedTable
      exported={{ list: 'industry-contracts', filters: { date: overview.date } }}
      empty={t('industry.companies.empty')}
      caption={t('industry.companies.caption', { date: formatLongDate(overview.date, language) })}
      rowKey={(row) => row.key}
      rows={milestoneRows(overview.companies)}
      columns={[
        { key: 'company', header: t('industry.companies.company'), cell: (row) => `${row.company.name} (${row.company.country}); ${t(`disclosureStates.${row.company.disclosureState}`).toLowerCase()}` },
        {
          key: 'contract',
          header: t('industry.companies.contract'),
          cell: (row) =>
            row.contract
              ? `${row.contract.reference}, ${formatLongDate(row.contract.signedOn, language)}: ${row.contract.subject}. ${t('industry.companies.deliveries')}: ${row.contract.deliveries.map((delivery) => delivery.title).join('; ') || none}`
              : t('industry.companies.noContracts'),
        },
        { key: 'amount', header: t('industry.companies.amount'), cell: (row) => (row.contract ? formatEuro(row.contract.amountCents, language) : none), numeric: true },
        { key: 'milestone', header: t('industry.companies.milestone'), cell: (row) => (row.milestone ? `${row.milestone.title} (${t('industry.companies.dueOn').toLowerCase()} ${formatLongDate(row.milestone.dueOn, language)})` : none) },
        { key: 'progress', header: t('industry.companies.progress'), cell: (row) => (row.milestone ? `${row.milestone.percent} %` : none), numeric: true },
        { key: 'status', header: t('industry.companies.status'), cell: (row) => (row.milestone ? t(`milestoneStatuses.${row.milestone.status}`) : none) },
      ]}
    />
  );
}

/** The contracts withdrawn by the overview's date, with when and why; nothing while there are none. */
export function WithdrawnContractsTable({ overview }: { overview: IndustryOverview }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (overview.withdrawnContracts.length === 0) return null;
  // A contract signed by the date puts its company in the overview, withdrawn or not; a company withdrawn with its contracts among the withdrawn ones.
  const companyOf = (id: string) => [...overview.companies, ...overview.withdrawnCompanies].find((company) => company.id === id);
  return (
    <LabelledSection heading={t('industry.withdrawn.heading')}>
      <DataTable
        caption={t('industry.withdrawn.caption', { date: formatLongDate(overview.date, language) })}
        rowKey={(row) => row.id}
        rows={overview.withdrawnContracts}
        columns={[
          { key: 'company', header: t('industry.withdrawn.company'), cell: (row) => companyOf(row.companyId)?.name },
          { key: 'contract', header: t('industry.withdrawn.contract'), cell: (row) => `${row.reference}, ${formatLongDate(row.signedOn, language)}: ${row.subject}` },
          { key: 'amount', header: t('industry.withdrawn.amount'), cell: (row) => formatEuro(row.amountCents, language), numeric: true },
          { key: 'withdrawnOn', header: t('industry.withdrawn.withdrawnOn'), cell: (row) => formatLongDate(row.withdrawal.withdrawnOn, language) },
          { key: 'reason', header: t('industry.withdrawn.reason'), cell: (row) => row.withdrawal.reason },
        ]}
      />
    </LabelledSection>
  );
}

/** The companies withdrawn by the overview's date, with when and why; nothing while there are none. */
export function WithdrawnCompaniesTable({ overview }: { overview: IndustryOverview }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (overview.withdrawnCompanies.length === 0) return null;
  return (
    <LabelledSection heading={t('industry.withdrawnCompanies.heading')}>
      <DataTable
        caption={t('industry.withdrawnCompanies.caption', { date: formatLongDate(overview.date, language) })}
        rowKey={(row) => row.id}
        rows={overview.withdrawnCompanies}
        columns={[
          { key: 'company', header: t('industry.withdrawnCompanies.company'), cell: (row) => `${row.name} (${row.country})` },
          { key: 'withdrawnOn', header: t('industry.withdrawnCompanies.withdrawnOn'), cell: (row) => formatLongDate(row.withdrawal.withdrawnOn, language) },
          { key: 'reason', header: t('industry.withdrawnCompanies.reason'), cell: (row) => row.withdrawal.reason },
        ]}
      />
    </LabelledSection>
  );
}

/** Prices, lessons, co-production and demand bundling: each a section with its table, or a sentence when empty. */
export function IndustryRecords({ overview }: { overview: IndustryOverview }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const date = (value: string) => formatLongDate(value, language);
  return (
    <>
      <LabelledSection heading={t('industry.prices.heading')}>
        <ExportedTable
            exported={{ list: 'price-developments', filters: { date: overview.date } }}
            empty={t('industry.prices.empty')}
          caption={t('industry.prices.caption')}
          rowKey={(row) => row.id}
          rows={overview.priceDevelopments}
          columns={[
            { key: 'item', header: t('industry.prices.item'), cell: (row) => row.item },
            { key: 'earlier', header: t('industry.prices.earlier'), cell: (row) => `${formatEuro(row.earlierPriceCents, language)} (${date(row.earlierOn)})`, numeric: true },
            { key: 'paid', header: t('industry.prices.paid'), cell: (row) => `${formatEuro(row.paidPriceCents, language)} (${date(row.paidOn)})`, numeric: true },
            { key: 'change', header: t('industry.prices.change'), cell: (row) => `${(row.changePerMille / 10).toLocaleString(language)} %`, numeric: true },
            { key: 'note', header: t('industry.prices.note'), cell: (row) => row.note },
          ]}
        />
      </LabelledSection>
      <LabelledSection heading={t('industry.lessons.heading')}>
        <ExportedTable
            exported={{ list: 'lessons-learned', filters: { date: overview.date } }}
            empty={t('industry.lessons.empty')}
          caption={t('industry.lessons.caption')}
          rowKey={(row) => row.id}
          rows={overview.lessons}
          columns={[
            { key: 'notedOn', header: t('industry.lessons.notedOn'), cell: (row) => date(row.notedOn) },
            { key: 'category', header: t('industry.lessons.category'), cell: (row) => t(`lessonCategories.${row.category}`) },
            { key: 'text', header: t('industry.lessons.text'), cell: (row) => row.text },
          ]}
        />
      </LabelledSection>
      <LabelledSection heading={t('industry.coproduction.heading')}>
        <ExportedTable
            exported={{ list: 'coproduction-projects', filters: { date: overview.date } }}
            empty={t('industry.coproduction.empty')}
          caption={t('industry.coproduction.caption')}
          rowKey={(row) => row.id}
          rows={overview.coproductionProjects}
          columns={[
            { key: 'project', header: t('industry.coproduction.project'), cell: (row) => row.title },
            { key: 'partner', header: t('industry.coproduction.partner'), cell: (row) => row.partner },
            { key: 'stage', header: t('industry.coproduction.stage'), cell: (row) => { const stage = row.stages.at(-1); return stage ? t(`coproductionStages.${stage.stage}`) : t('common.none'); } },
            { key: 'since', header: t('industry.coproduction.since'), cell: (row) => { const stage = row.stages.at(-1); return stage ? date(stage.reachedOn) : t('common.none'); } },
          ]}
        />
      </LabelledSection>
      <LabelledSection heading={t('industry.demand.heading')}>
        <ExportedTable
            exported={{ list: 'demand-bundles', filters: { date: overview.date } }}
            empty={t('industry.demand.empty')}
          caption={t('industry.demand.caption')}
          rowKey={(row) => row.id}
          rows={overview.demandBundles}
          columns={[
            { key: 'need', header: t('industry.demand.need'), cell: (row) => `${row.need} (${t(`categories.${row.category}`)})` },
            { key: 'dutch', header: t('industry.demand.dutch'), cell: (row) => row.dutchQuantity, numeric: true },
            { key: 'ukrainian', header: t('industry.demand.ukrainian'), cell: (row) => row.ukrainianQuantity, numeric: true },
            { key: 'identifiedOn', header: t('industry.demand.identifiedOn'), cell: (row) => date(row.identifiedOn) },
          ]}
        />
      </LabelledSection>
    </>
  );
}
