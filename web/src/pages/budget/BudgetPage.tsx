import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { BUDGET_FUNDS, FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR, type BudgetFund } from '../../../../common/vocabulary/codes.ts';
import { getBudgetFigures, getCommitments, listBudget } from '../../api/budget.ts';
import { queryString } from '../../api/queryString.ts';
import type { BudgetList, Commitment, CommitmentList } from '../../api/types.ts';
import { AsAtDateForm, useAsAtDate } from '../../components/AsAtDateForm.tsx';
import { ExportedTable } from '../../components/ExportedTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { SelectField, TextField } from '../../forms/controls.tsx';
import { useSearchText } from '../../forms/useSearchText.ts';
import { fieldErrorsOf } from '../../forms/useSubmission.ts';
import { formatLongDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { BudgetFiguresTable } from './BudgetFiguresTable.tsx';

export function BudgetPage() {
  const { t } = useTranslation();
  const can = useCan();
  // The commitments' filter and page stay as they are.
  const asAt = useAsAtDate('stand');
  const knownAt = asAt.date;
  const figures = useResource(knownAt, (signal) => getBudgetFigures(knownAt, signal));
  const recorded = useResource('budget', (signal) => listBudget(signal));
  const errors = fieldErrorsOf(figures.status === 'failed' ? figures.error : undefined);

  return (
    <>
      <PageHeading title={t('budget.title')}>{t('budget.title')}</PageHeading>
      <p className="nl-paragraph">{t('budget.intro')}</p>
      {can('budget.write') && (
        <ul className="action-links">
          <li><Link href="/begroting/besluit">{t('budget.actions.decision')}</Link></li>
          <li><Link href="/begroting/kasschuif">{t('budget.actions.shift')}</Link></li>
          <li><Link href="/begroting/verplichting">{t('budget.actions.commitment')}</Link></li>
        </ul>
      )}

      <LabelledSection heading={t('budget.figures.heading')} className="dashboard-section">
        <AsAtDateForm asAt={asAt} name="knownAt" label={t('fields.knownAt')} submit={t('budget.figures.show')} refusal={errors.knownAt} />
        {figures.status === 'ready' ? (
          <BudgetFiguresTable figures={figures.data.data} />
        ) : (
          Object.keys(errors).length === 0 && <ResourceStatus resource={figures} onRetry={figures.reload} />
        )}
      </LabelledSection>

      {recorded.status === 'ready' ? <BudgetRecords list={recorded.data.data} /> : <ResourceStatus resource={recorded} onRetry={recorded.reload} />}
      <Commitments />
    </>
  );
}

function BudgetRecords({ list }: { list: BudgetList }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const euro = (cents: number) => formatEuro(cents, language);
  const date = (iso: string) => formatLongDate(iso, language);
  return (
    <>
      <LabelledSection heading={t('budget.decisions.heading')}>
        <ExportedTable
          exported={{ list: 'budget-decisions' }}
          empty={t('budget.decisions.empty')}
          caption={t('budget.decisions.caption')}
          rows={list.decisions}
          rowKey={(decision) => decision.id}
          columns={[
            { key: 'moment', header: t('fields.moment'), cell: (decision) => decision.moment },
            { key: 'decidedOn', header: t('fields.decidedOn'), cell: (decision) => date(decision.decidedOn) },
            { key: 'fund', header: t('fields.fund'), cell: (decision) => t(`fundingSources.${decision.fund}`) },
            { key: 'amount', header: t('budget.decisions.amount'), numeric: true, cell: (decision) => euro(decision.amounts.reduce((sum, amount) => sum + amount.amountCents, 0)) },
            { key: 'years', header: t('budget.decisions.years'), cell: (decision) => decision.amounts.map((amount) => `${amount.budgetYear}: ${euro(amount.amountCents)}`).join('; ') },
            { key: 'id', header: t('fields.id'), cell: (decision) => <code>{decision.id}</code> },
          ]}
        />
      </LabelledSection>

      <LabelledSection heading={t('budget.shifts.heading')}>
        <ExportedTable
          exported={{ list: 'budget-shifts' }}
          empty={t('budget.shifts.empty')}
          caption={t('budget.shifts.caption')}
          rows={list.shifts}
          rowKey={(shift) => shift.id}
          columns={[
            { key: 'moment', header: t('fields.moment'), cell: (shift) => shift.moment },
            { key: 'decidedOn', header: t('fields.decidedOn'), cell: (shift) => date(shift.decidedOn) },
            { key: 'fund', header: t('fields.fund'), cell: (shift) => t(`fundingSources.${shift.fund}`) },
            { key: 'route', header: t('budget.decisions.years'), cell: (shift) => t('budget.shifts.route', { from: shift.fromYear, to: shift.toYear }) },
            { key: 'amount', header: t('budget.decisions.amount'), numeric: true, cell: (shift) => euro(shift.amountCents) },
            { key: 'id', header: t('fields.id'), cell: (shift) => <code>{shift.id}</code> },
          ]}
        />
      </LabelledSection>

    </>
  );
}

/** The list's filter as the address bar holds it. */
type CommitmentFilter = {
  q: string;
  /** As the address has it, '' for every year: a year outside the register the server refuses, and the page says so at the field. */
  year: string;
  fund: BudgetFund | undefined;
};

const BUDGET_YEARS = Array.from({ length: LAST_BUDGET_YEAR - FIRST_BUDGET_YEAR + 1 }, (_, index) => String(FIRST_BUDGET_YEAR + index));
const fundFilter = (value: string | null) => BUDGET_FUNDS.find((fund) => fund === value);

/** The commitments a page at a time, by title, found by their title or contract reference, their budget year and their fund. */
function Commitments() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const stand = params.get('stand') ?? undefined;
  const filter: CommitmentFilter = { q: params.get('q') ?? '', year: params.get('year') ?? '', fund: fundFilter(params.get('fund')) };
  const start = { after: params.get('after') ?? undefined, before: params.get('before') ?? undefined };
  const commitments = useResource(JSON.stringify(['commitments', filter, start]), (signal) =>
    getCommitments({ ...filter, year: filter.year === '' ? undefined : Number(filter.year), ...start }, signal),
  );
  const errors = fieldErrorsOf(commitments.status === 'failed' ? commitments.error : undefined);
  // A year the address asks that is none of the register's stays chosen, its refusal beside it, until another is chosen.
  const years = filter.year === '' || BUDGET_YEARS.includes(filter.year) ? BUDGET_YEARS : [filter.year, ...BUDGET_YEARS];
  // Another filter starts at the first page; the figures keep their date.
  const filterBy = (changed: Partial<CommitmentFilter>, options?: { replace: boolean }) => setParams(new URLSearchParams(queryString({ stand, ...filter, ...changed })), options);
  const [text, setText] = useSearchText(filter.q, (q) => filterBy({ q }, { replace: true }));
  const addressAt = (page: { after?: string; before?: string }) => `/begroting${queryString({ stand, ...filter, ...page })}`;

  return (
    <LabelledSection heading={t('budget.commitments.heading')}>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="filters__grid">
          <TextField name="q" type="search" label={t('budget.commitments.search')} value={text} error={errors.q} onChange={setText} />
          <SelectField
            name="year"
            label={t('fields.budgetYear')}
            value={filter.year}
            error={errors.year}
            onChange={(year) => filterBy({ year })}
            options={[{ value: '', label: t('budget.commitments.allYears') }, ...years.map((year) => ({ value: year, label: year }))]}
          />
          <SelectField
            name="fund"
            label={t('fields.fund')}
            value={filter.fund ?? ''}
            onChange={(fund) => filterBy({ fund: fundFilter(fund) })}
            options={[{ value: '', label: t('budget.commitments.allFunds') }, ...BUDGET_FUNDS.map((fund) => ({ value: fund, label: t(`fundingSources.${fund}`) }))]}
          />
        </div>
      </form>
      {commitments.data ? (
        <>
          <CommitmentTable list={commitments.data.data} filter={filter} />
          <Pagination
            previousHref={commitments.data.data.previous === null ? null : addressAt({ before: commitments.data.data.previous })}
            nextHref={commitments.data.data.next === null ? null : addressAt({ after: commitments.data.data.next })}
          />
        </>
      ) : (
        errors.q === undefined && errors.year === undefined && <ResourceStatus resource={commitments} onRetry={commitments.reload} />
      )}
    </LabelledSection>
  );
}

function CommitmentTable({ list, filter }: { list: CommitmentList; filter: CommitmentFilter }) {
  const { t } = useTranslation();
  const canWrite = useCan()('budget.write');
  const language = currentLanguage();
  const euro = (cents: number) => formatEuro(cents, language);
  return (
    <ExportedTable
      exported={{ list: 'budget-commitments', filters: filter }}
      empty={t('budget.commitments.empty')}
      caption={t(list.totalIsCapped ? 'budget.commitments.captionMoreThan' : 'budget.commitments.caption', { count: list.total })}
      rows={list.items}
      rowKey={(commitment) => commitment.id}
      columns={[
        { key: 'title', header: t('fields.title'), cell: (commitment) => commitment.title },
        { key: 'budgetYear', header: t('fields.budgetYear'), cell: (commitment) => commitment.budgetYear },
        { key: 'fund', header: t('fields.fund'), cell: (commitment) => t(`fundingSources.${commitment.fund}`) },
        {
          key: 'amount',
          header: t('budget.commitments.amount'),
          numeric: true,
          cell: (commitment) => (
            <>
              {euro(commitment.amountCents)}
              {commitment.exceedsBudget && <span className="budget-flag"> ({t('budget.commitments.exceedsBudget')})</span>}
            </>
          ),
        },
        {
          key: 'history',
          header: t('budget.commitments.history'),
          cell: (commitment) => commitment.stages.map((stage) => `${t(`stages.${stage.stage}`)} ${formatLongDate(stage.effectiveOn, language)}: ${euro(stage.amountCents)}`).join('; '),
        },
        { key: 'id', header: t('fields.id'), cell: (commitment) => <code>{commitment.id}</code> },
        ...(canWrite
          ? [{
              key: 'nextStage',
              header: t('budget.commitments.nextStage'),
              cell: (commitment: Commitment) => (
                <Link href={`/begroting/verplichting/${commitment.id}/stap`} aria-label={t('budget.commitments.nextStageOf', { title: commitment.title })}>
                  {t('budget.commitments.nextStage')}
                </Link>
              ),
            }]
          : []),
      ]}
    />
  );
}
