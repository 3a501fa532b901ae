import { useTranslation } from 'react-i18next';
import { getReadiness, type DeliveryReadiness } from '../../api/readiness.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { ExportedTable } from '../../components/ExportedTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { JudgementForm, NonReplacementForm, ProjectForm, ProjectStageForm } from './ReadinessForms.tsx';

export function ReadinessPage() {
  const { t } = useTranslation();
  const can = useCan();
  const language = currentLanguage();
  const readiness = useResource('readiness', (signal) => getReadiness(signal));
  const overview = readiness.data?.data;

  return (
    <>
      <PageHeading title={t('readiness.title')}>{t('readiness.title')}</PageHeading>
      <p className="nl-paragraph">{t('readiness.intro')}</p>
      {overview ? (
        <>
          <LabelledSection heading={t('readiness.deliveriesHeading')}>
            <ExportLinks list="readiness-deliveries" />
            <DataTable
              caption={t('readiness.deliveriesCaption')}
              rowKey={(delivery) => delivery.id}
              rows={overview.deliveries}
              columns={[
                { key: 'title', header: t('readiness.columns.delivery'), cell: (delivery) => delivery.title },
                { key: 'value', header: t('readiness.columns.value'), numeric: true, cell: (delivery) => formatEuro(delivery.currentValueCents, language) },
                {
                  key: 'effect',
                  header: t('readiness.columns.effect'),
                  cell: (delivery) => {
                    const last = delivery.judgements.at(-1);
                    return last ? `${t(`readinessEffects.${last.effect}`)} (${formatShortDate(last.judgedOn, language)}, ${last.judgedByName})` : t('readiness.notJudged');
                  },
                },
                { key: 'history', header: t('readiness.columns.history'), numeric: true, cell: (delivery) => delivery.judgements.length },
                { key: 'replaced', header: t('readiness.columns.replaced'), numeric: true, cell: (delivery) => formatEuro(delivery.replacedValueCents, language) },
                { key: 'notReplaced', header: t('readiness.columns.notReplaced'), numeric: true, cell: (delivery) => delivery.nonReplacements.length },
              ]}
            />
          </LabelledSection>
          <LabelledSection heading={t('readiness.projectsHeading')}>
            <ExportLinks list="replenishment-projects" />
            <DataTable
              caption={t('readiness.projectsCaption')}
              rowKey={(project) => project.id}
              rows={overview.projects}
              columns={[
                { key: 'name', header: t('readiness.columns.project'), cell: (project) => project.name },
                { key: 'stage', header: t('readiness.columns.stage'), cell: (project) => t(`replenishmentStages.${project.stage}`) },
                {
                  key: 'replaces',
                  header: t('readiness.columns.replacesValue'),
                  numeric: true,
                  cell: (project) => formatEuro(project.replaces.reduce((sum, replacement) => sum + replacement.replacedValueCents, 0), language),
                },
                { key: 'budget', header: t('readiness.columns.budget'), numeric: true, cell: (project) => (project.budgetCents === null ? t('common.none') : formatEuro(project.budgetCents, language)) },
                { key: 'expected', header: t('readiness.columns.expectedOn'), cell: (project) => (project.expectedOn ? formatShortDate(project.expectedOn, language) : t('common.none')) },
              ]}
            />
          </LabelledSection>
          <LabelledSection heading={t('readiness.decisionsHeading')}>
            <NonReplacementTable deliveries={overview.deliveries} />
          </LabelledSection>
          {can('readiness.write') && (
            <>
              <LabelledSection heading={t('readiness.judgeHeading')}>
                <JudgementForm deliveries={overview.deliveries} onDone={readiness.reload} />
              </LabelledSection>
              <LabelledSection heading={t('readiness.maintainHeading')}>
                <ProjectStageForm projects={overview.projects} onDone={readiness.reload} />
                <ProjectForm deliveries={overview.deliveries} onDone={readiness.reload} />
                <NonReplacementForm deliveries={overview.deliveries} onDone={readiness.reload} />
              </LabelledSection>
            </>
          )}
        </>
      ) : (
        <ResourceStatus resource={readiness} onRetry={readiness.reload} />
      )}
    </>
  );
}

/** Every decision not to replace, newest first, with whether it restated the delivery's value. */
function NonReplacementTable({ deliveries }: { deliveries: readonly DeliveryReadiness[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rows = deliveries
    .flatMap((delivery) => delivery.nonReplacements.map((decision) => ({ ...decision, title: delivery.title })))
    .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn));
  return (
    <ExportedTable
      exported={{ list: 'non-replacements' }}
      empty={t('readiness.decisionsEmpty')}
      caption={t('readiness.decisionsCaption')}
      rowKey={(decision) => decision.id}
      rows={rows}
      columns={[
        { key: 'decidedOn', header: t('readiness.decisionColumns.decidedOn'), cell: (decision) => formatShortDate(decision.decidedOn, language) },
        { key: 'delivery', header: t('readiness.decisionColumns.delivery'), cell: (decision) => decision.title },
        { key: 'reason', header: t('readiness.decisionColumns.reason'), cell: (decision) => decision.reason },
        { key: 'revalued', header: t('readiness.decisionColumns.revalued'), cell: (decision) => t(decision.valuationId ? 'readiness.revalued' : 'readiness.notRevalued') },
        { key: 'decidedBy', header: t('readiness.decisionColumns.decidedBy'), cell: (decision) => decision.decidedByName },
      ]}
    />
  );
}
