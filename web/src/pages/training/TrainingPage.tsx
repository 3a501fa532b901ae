import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { listProgrammes, type TrainingCount, type TrainingProgrammeAt } from '../../api/training.ts';
import { AsAtDateForm, RecordedToday, useAsAtDate } from '../../components/AsAtDateForm.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { ContributionForm, ProgrammeForm } from './TrainingForms.tsx';
import { useHistoryEntry } from '../../forms/useHistoryEntry.ts';
import { fieldErrorsOf } from '../../forms/useSubmission.ts';
import { useCountText } from './useCountText.ts';
import { countedUpTo } from './countedUpTo.ts';

export function TrainingPage() {
  const { t } = useTranslation();
  const can = useCan();
  const language = currentLanguage();
  const countText = useCountText();
  const counted = (count: TrainingCount | null) => countText(count?.value ?? null, count !== null && count.qualifier !== 'exact' && count.qualifier);
  const asAt = useAsAtDate();
  const { date } = asAt;
  const programmes = useResource(`training-programmes/${date}`, (signal) => listProgrammes(date, signal));
  const entry = useHistoryEntry(programmes.reload);
  // A date the API refuses is said at the field, rather than as a list that could not be loaded.
  const refusal = fieldErrorsOf(programmes.status === 'failed' ? programmes.error : undefined).date;
  const mayRecord = can('training.write') && asAt.isToday;

  return (
    <>
      <PageHeading title={t('training.title')}>{t('training.title')}</PageHeading>
      <p className="nl-paragraph">{t('training.intro')}</p>
      <AsAtDateForm asAt={asAt} refusal={refusal} />
      <LabelledSection heading={t('training.listHeading')}>
        {programmes.data ? (
          <>
            <ExportLinks list="training-programmes" filters={{ date: programmes.data.data.date }} />
            <DataTable
              caption={t('training.listCaption', { date: formatShortDate(programmes.data.data.date, language) })}
              rowKey={(programme) => programme.id}
              rows={programmes.data.data.items}
              columns={[
                { key: 'name', header: t('training.columns.name'), cell: (programme) => programme.name },
                { key: 'key', header: t('training.columns.key'), cell: (programme) => <code>{programme.key}</code> },
                { key: 'host', header: t('training.columns.host'), cell: (programme) => `${programme.hostCountry} · ${t(`trainingFrameworks.${programme.framework}`)}` },
                { key: 'system', header: t('training.columns.system'), cell: (programme) => programme.systemTrainedOn ?? t('common.none') },
                {
                  key: 'trainers',
                  header: t('training.columns.trainers'),
                  numeric: true,
                  cell: (programme) => counted(programme.counts.trainers),
                },
                {
                  key: 'trainees',
                  header: t('training.columns.trainees'),
                  numeric: true,
                  cell: (programme) => counted(programme.counts.trainees),
                },
                { key: 'courses', header: t('training.columns.courses'), numeric: true, cell: (programme) => counted(programme.counts.courses) },
                { key: 'plan', header: t('training.columns.plan'), cell: (programme) => <PlanCell counts={programme.counts} /> },
                {
                  key: 'countsUpTo',
                  header: t('training.columns.countsUpTo'),
                  cell: (programme) => {
                    const days = countedUpTo(programme);
                    if (days.length === 0) return t('common.none');
                    if (days.length === 1) return formatShortDate(days[0]!.countsUpTo, language);
                    // Counts of different days side by side: each day says which of them it dates.
                    return days.map(({ countsUpTo, measures }) => (
                      <span className="line-each" key={countsUpTo}>
                        {t('training.countedUpToOf', { measures: measures.map((measure) => t(`training.columns.${measure}`)).join(', '), date: formatShortDate(countsUpTo, language) })}
                      </span>
                    ));
                  },
                },
                ...(mayRecord
                  ? [{
                      key: 'change',
                      header: t('training.columns.change'),
                      cell: (programme: TrainingProgrammeAt) => (
                        <Link className="utrecht-link utrecht-link--html-a" href={`/training/${programme.id}/bewerken`} aria-label={t('training.changeOf', { name: programme.name })}>
                          {t('training.columns.change')}
                        </Link>
                      ),
                    }]
                  : []),
              ]}
            />
          </>
        ) : (
          refusal === undefined && <ResourceStatus resource={programmes} onRetry={programmes.reload} />
        )}
      </LabelledSection>
      {can('training.write') && (!asAt.isToday || programmes.data) && (
        <LabelledSection heading={t('training.formsHeading')}>
          {asAt.isToday && programmes.data ? (
            <>
              <ContributionForm programmes={programmes.data.data.items} entry={entry} onDone={programmes.reload} />
              <ProgrammeForm onDone={programmes.reload} />
            </>
          ) : (
            <RecordedToday asAt={asAt} />
          )}
        </LabelledSection>
      )}
    </>
  );
}

/** A programme's plan as the letter takes it: its rotations, soldiers per rotation and estimated cost, each on a line of its own. */
function PlanCell({ counts }: { counts: TrainingProgrammeAt['counts'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { rotations, soldiersPerRotation, costEstimate } = counts;
  const lines = [
    rotations && t('training.plan.rotations', { number: rotations.value.toLocaleString(language) }),
    soldiersPerRotation && t('training.plan.soldiersPerRotation', { number: soldiersPerRotation.value.toLocaleString(language) }),
    costEstimate && t('training.plan.costEstimate', { amount: formatEuro(costEstimate.value, language) }),
  ].filter((line) => typeof line === 'string');
  if (lines.length === 0) return t('common.none');
  return lines.map((line) => (
    <span className="line-each" key={line}>
      {line}
    </span>
  ));
}
