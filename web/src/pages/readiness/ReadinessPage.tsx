import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { EFFECT_FILTERS, type EffectFilter } from '../../../../common/vocabulary/codes.ts';
import { queryString } from '../../api/queryString.ts';
import { getReadiness, getStockDeliveries, type ReadinessOverview, type ReplenishmentProject, type StockDeliveryList } from '../../api/readiness.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { AsAtDateForm, RecordedToday, useAsAtDate } from '../../components/AsAtDateForm.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { ExportedTable } from '../../components/ExportedTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { SelectField, TextField } from '../../forms/controls.tsx';
import { useSearchText } from '../../forms/useSearchText.ts';
import { fieldErrorsOf } from '../../forms/useSubmission.ts';
import { formatShortDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { ProjectForm, ProjectStageForm } from './ReadinessForms.tsx';
import { actorName } from '../../format/actors.ts';

/** The list's filter as the address bar holds it. */
type StockFilter = {
  q: string;
  effect: EffectFilter | undefined;
};

const effectFilter = (value: string | null) => EFFECT_FILTERS.find((effect) => effect === value);

/**
 * The stock deliveries a page at a time, found by their title and their latest judgement, each leading to its
 * own page where it is judged and its replacement recorded; beside them the replenishment projects and the
 * decisions not to replace.
 */
export function ReadinessPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  // Another date starts the list at its first page; the filter stays.
  const asAt = useAsAtDate('date', { restarts: ['after', 'before'] });
  const { date } = asAt;
  const filter: StockFilter = { q: params.get('q') ?? '', effect: effectFilter(params.get('effect')) };
  const start = { after: params.get('after') ?? undefined, before: params.get('before') ?? undefined };
  const deliveries = useResource(JSON.stringify(['stock', date, filter, start]), (signal) => getStockDeliveries({ date, ...filter, ...start }, signal));
  const readiness = useResource(`readiness/${date}`, (signal) => getReadiness(date, signal));
  const overview = readiness.data?.data;
  // At another date than today the projects' budget and expected date are not known, also where there are no projects.
  const recorded = overview && asAt.isToday ? projectsAsRecorded(overview) : null;
  // A date the API refuses is said at the field, rather than as lists that could not be loaded.
  const failed = [deliveries, readiness].find((resource) => resource.status === 'failed');
  const refusal = fieldErrorsOf(failed?.status === 'failed' ? failed.error : undefined).date;
  // Another filter starts at the first page; the date stays as the address has it.
  const filterBy = (changed: Partial<StockFilter>, options?: { replace: boolean }) =>
    setParams(new URLSearchParams(queryString({ date: params.get('date') ?? undefined, ...filter, ...changed })), options);
  const [text, setText] = useSearchText(filter.q, (q) => filterBy({ q }, { replace: true }));

  return (
    <>
      <PageHeading title={t('readiness.title')}>{t('readiness.title')}</PageHeading>
      <p className="nl-paragraph">{t('readiness.intro')}</p>
      <AsAtDateForm asAt={asAt} refusal={refusal} />
      <LabelledSection heading={t('readiness.deliveriesHeading')}>
        <p className="nl-paragraph">{t('readiness.deliveriesIntro')}</p>
        <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
          <div className="filters__grid">
            <TextField name="q" type="search" label={t('readiness.search')} value={text} onChange={setText} />
            <SelectField
              name="effect"
              label={t('readiness.columns.effect')}
              value={filter.effect ?? ''}
              onChange={(effect) => filterBy({ effect: effectFilter(effect) })}
              options={[
                { value: '', label: t('readiness.allEffects') },
                ...EFFECT_FILTERS.map((effect) => ({ value: effect, label: effect === 'unjudged' ? t('readiness.notJudged') : t(`readinessEffects.${effect}`) })),
              ]}
            />
          </div>
        </form>
        {deliveries.data ? (
          <StockDeliveryTable list={deliveries.data.data} filter={filter} />
        ) : (
          refusal === undefined && <ResourceStatus resource={deliveries} onRetry={deliveries.reload} />
        )}
      </LabelledSection>
      {overview ? (
        <>
          <LabelledSection heading={t('readiness.projectsHeading')}>
            <ProjectTable overview={overview} recorded={recorded} />
          </LabelledSection>
          <LabelledSection heading={t('readiness.decisionsHeading')}>
            <NonReplacementTable overview={overview} />
          </LabelledSection>
          {can('readiness.write') && (
            <LabelledSection heading={t('readiness.maintainHeading')}>
              {recorded ? (
                <>
                  <ProjectStageForm projects={recorded} onDone={readiness.reload} />
                  <p className="nl-paragraph">{t('readiness.projectForm.noDeliveryYet')}</p>
                  <ProjectForm onDone={readiness.reload} />
                </>
              ) : (
                <RecordedToday asAt={asAt} />
              )}
            </LabelledSection>
          )}
        </>
      ) : (
        refusal === undefined && <ResourceStatus resource={readiness} onRetry={readiness.reload} />
      )}
    </>
  );
}

function StockDeliveryTable({ list, filter }: { list: StockDeliveryList; filter: StockFilter }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const addressAt = (start: { after?: string; before?: string }) => `/gereedheid${queryString({ date: list.date, ...filter, ...start })}`;
  return (
    <>
      <ExportedTable
        exported={{ list: 'readiness-deliveries', filters: { date: list.date, ...filter } }}
        empty={t('readiness.deliveriesEmpty')}
        caption={t(list.totalIsCapped ? 'readiness.deliveriesCaptionMoreThan' : 'readiness.deliveriesCaption', { count: list.total, date: formatShortDate(list.date, language) })}
        rowKey={(delivery) => delivery.id}
        rows={list.items}
        columns={[
          { key: 'title', header: t('readiness.columns.delivery'), cell: (delivery) => <Link href={`/gereedheid/leveringen/${delivery.id}`}>{delivery.title}</Link> },
          { key: 'value', header: t('readiness.columns.value'), numeric: true, cell: (delivery) => formatEuro(delivery.valueCents, language) },
          {
            key: 'effect',
            header: t('readiness.columns.effect'),
            cell: ({ latestJudgement: latest }) =>
              latest ? `${t(`readinessEffects.${latest.effect}`)} (${formatShortDate(latest.judgedOn, language)}, ${actorName(latest.judgedByName, t)})` : t('readiness.notJudged'),
          },
          { key: 'history', header: t('readiness.columns.history'), numeric: true, cell: (delivery) => delivery.judgements },
          { key: 'replaced', header: t('readiness.columns.replaced'), numeric: true, cell: (delivery) => formatEuro(delivery.replacedValueCents, language) },
          { key: 'notReplaced', header: t('readiness.columns.notReplaced'), numeric: true, cell: (delivery) => delivery.nonReplacements },
        ]}
      />
      <Pagination
        previousHref={list.previous === null ? null : addressAt({ before: list.previous })}
        nextHref={list.next === null ? null : addressAt({ after: list.next })}
      />
    </>
  );
}

type ProjectAt = ReadinessOverview['projects'][number];

/**
 * The overview's projects with their budget, expected date and note, which it gives at today's date only: these
 * have no history, so that what they were at another date is not known. Null at another date.
 */
function projectsAsRecorded(overview: ReadinessOverview): ReplenishmentProject[] | null {
  const recorded = overview.projects.filter((project): project is ReplenishmentProject => project.budgetCents !== undefined && project.expectedOn !== undefined && project.note !== undefined);
  return recorded.length === overview.projects.length ? recorded : null;
}

/** The projects as they stood at the overview's date; their budget and expected date only where the overview gives them as recorded (`recorded`). */
function ProjectTable({ overview, recorded }: { overview: ReadinessOverview; recorded: ReplenishmentProject[] | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      <ExportLinks list="replenishment-projects" filters={{ date: overview.date }} />
      <DataTable
        caption={t('readiness.projectsCaption', { date: formatShortDate(overview.date, language) })}
        rowKey={(project) => project.id}
        rows={overview.projects}
        columns={[
          { key: 'name', header: t('readiness.columns.project'), cell: (project) => project.name },
          { key: 'stage', header: t('readiness.columns.stage'), cell: (project) => t(`replenishmentStages.${project.stage}`) },
          { key: 'asOf', header: t('readiness.columns.asOf'), cell: (project) => formatShortDate(project.asOf, language) },
          {
            key: 'replaces',
            header: t('readiness.columns.replacesValue'),
            numeric: true,
            cell: (project) => formatEuro(project.replaces.reduce((sum, replacement) => sum + replacement.replacedValueCents, 0), language),
          },
          ...(recorded
            ? [
                { key: 'budget', header: t('readiness.columns.budget'), numeric: true, cell: (project: ProjectAt) => (typeof project.budgetCents === 'number' ? formatEuro(project.budgetCents, language) : t('common.none')) },
                { key: 'expected', header: t('readiness.columns.expectedOn'), cell: (project: ProjectAt) => (project.expectedOn ? formatShortDate(project.expectedOn, language) : t('common.none')) },
              ]
            : []),
          {
            key: 'history',
            header: t('readiness.columns.stageHistory'),
            cell: (project) => (
              <ul className="state-history">
                {project.history.map((state) => (
                  <li key={`${state.asOf} ${state.recordedAt}`}>
                    {formatShortDate(state.asOf, language)}: {t(`replenishmentStages.${state.stage}`)}
                    {state.reason && ` (${state.reason})`}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {!recorded && <p className="nl-paragraph">{t('readiness.recordedNowOnly')}</p>}
    </>
  );
}

/** The decisions not to replace taken by the overview's date, newest first, with whether they had restated the delivery's value by then. */
function NonReplacementTable({ overview }: { overview: ReadinessOverview }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ExportedTable
      exported={{ list: 'non-replacements', filters: { date: overview.date } }}
      empty={t('readiness.decisionsEmpty')}
      caption={t('readiness.decisionsCaption', { date: formatShortDate(overview.date, language) })}
      rowKey={(decision) => decision.id}
      rows={overview.nonReplacements}
      columns={[
        { key: 'decidedOn', header: t('readiness.decisionColumns.decidedOn'), cell: (decision) => formatShortDate(decision.decidedOn, language) },
        { key: 'delivery', header: t('readiness.decisionColumns.delivery'), cell: (decision) => <Link href={`/gereedheid/leveringen/${decision.deliveryId}`}>{decision.deliveryTitle}</Link> },
        { key: 'reason', header: t('readiness.decisionColumns.reason'), cell: (decision) => decision.reason },
        { key: 'revalued', header: t('readiness.decisionColumns.revalued'), cell: (decision) => t(decision.revalued ? 'readiness.revalued' : 'readiness.notRevalued') },
        { key: 'decidedBy', header: t('readiness.decisionColumns.decidedBy'), cell: (decision) => actorName(decision.decidedByName, t) },
      ]}
    />
  );
}
