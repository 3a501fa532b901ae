import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { isIsoDate, todayInAmsterdam } from '../../../../common/dates.ts';
import { getBudgetFigures, listBudget } from '../../api/budget.ts';
import type { BudgetList } from '../../api/types.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ExportedTable } from '../../components/ExportedTable.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { TextField } from '../../forms/controls.tsx';
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
  const [params, setParams] = useSearchParams();
  const asked = params.get('stand');
  const knownAt = asked !== null && isIsoDate(asked) ? asked : todayInAmsterdam();
  const [date, setDate] = useState(knownAt);
  useEffect(() => setDate(knownAt), [knownAt]);
  const figures = useResource(knownAt, (signal) => getBudgetFigures(knownAt, signal));
  const recorded = useResource('budget', (signal) => listBudget(signal));
  const errors = fieldErrorsOf(figures.status === 'failed' ? figures.error : undefined);

  function show(event: FormEvent) {
    event.preventDefault();
    setParams({ stand: date });
  }

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
        <form className="date-form" onSubmit={show}>
          <TextField name="knownAt" type="date" label={t('fields.knownAt')} value={date} error={errors.knownAt} onChange={setDate} />
          <button type="submit" className="utrecht-button utrecht-button--primary-action">{t('budget.figures.show')}</button>
        </form>
        {figures.status === 'ready' ? (
          <BudgetFiguresTable figures={figures.data.data} />
        ) : (
          Object.keys(errors).length === 0 && <ResourceStatus resource={figures} onRetry={figures.reload} />
        )}
      </LabelledSection>

      {recorded.status === 'ready' ? <BudgetRecords list={recorded.data.data} /> : <ResourceStatus resource={recorded} onRetry={recorded.reload} />}
    </>
  );
}

function BudgetRecords({ list }: { list: BudgetList }) {
  const { t } = useTranslation();
  const canWrite = useCan()('budget.write');
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

      <LabelledSection heading={t('budget.commitments.heading')}>
        {list.commitments.length === 0 ? (
          <p className="nl-paragraph">{t('budget.commitments.empty')}</p>
        ) : (
          <>
            <ExportLinks list="budget-commitments" />
            <DataTable
              caption={t('budget.commitments.caption')}
              rows={list.commitments}
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
                  cell: (commitment) => commitment.stages.map((stage) => `${t(`stages.${stage.stage}`)} ${date(stage.effectiveOn)}: ${euro(stage.amountCents)}`).join('; '),
                },
                { key: 'id', header: t('fields.id'), cell: (commitment) => <code>{commitment.id}</code> },
                ...(canWrite
                  ? [{
                      key: 'nextStage',
                      header: t('budget.commitments.nextStage'),
                      cell: (commitment: BudgetList['commitments'][number]) => (
                        <Link href={`/begroting/verplichting/${commitment.id}/stap`} aria-label={t('budget.commitments.nextStageOf', { title: commitment.title })}>
                          {t('budget.commitments.nextStage')}
                        </Link>
                      ),
                    }]
                  : []),
              ]}
            />
          </>
        )}
      </LabelledSection>
    </>
  );
}
