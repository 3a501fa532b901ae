import { useTranslation } from 'react-i18next';
import { latestCountBy } from '../../../../common/training-rules.ts';
import { listProgrammes, type TrainingProgramme } from '../../api/training.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { GroupedBarChart } from '../dashboard/GroupedBarChart.tsx';

const MEASURES = ['trainees', 'trainers'] as const;

interface Moment {
  date: string;
  trainees: number;
  trainers: number;
}

/**
 * Trainees and trainers over time: at each date a count ran up to (by the reference date), the sum over
 * the programmes of each one's latest count by then, as the letter would take it.
 */
function overTime(programmes: readonly TrainingProgramme[], referenceDate: string): Moment[] {
  const dates = [...new Set(programmes.flatMap((programme) => programme.contributions.map((contribution) => contribution.countsUpTo)))].filter((date) => date <= referenceDate).sort();
  const latest = (programme: TrainingProgramme, measure: (typeof MEASURES)[number], date: string) =>
    latestCountBy(programme.contributions, date, (contribution) => contribution[measure] !== null)?.[measure] ?? 0;
  return dates.map((date) => ({
    date,
    trainees: programmes.reduce((sum, programme) => sum + latest(programme, 'trainees', date), 0),
    trainers: programmes.reduce((sum, programme) => sum + latest(programme, 'trainers', date), 0),
  }));
}

/** The dashboard's view of training: trainees and trainers over time, each a chart with the table of its numbers. */
export function TrainingPanel({ referenceDate }: { referenceDate: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const programmes = useResource(`training-programmes/${referenceDate}`, (signal) => listProgrammes(referenceDate, signal));
  const moments = programmes.data ? overTime(programmes.data.data.items, referenceDate) : [];
  const number = (value: number) => value.toLocaleString(language);
  return (
    <LabelledSection heading={t('training.dashboard.heading')} className="dashboard-section">
      <p className="nl-paragraph">{t('training.dashboard.intro')}</p>
      {programmes.data ? (
        <>
          {MEASURES.map((measure) => (
            <GroupedBarChart
              key={measure}
              label={t('training.dashboard.imageLabel', { measure: t(`training.columns.${measure}`), count: number(moments.at(-1)?.[measure] ?? 0) })}
              series={[t(`training.columns.${measure}`)]}
              tick={number}
              groups={moments.map((moment) => ({ key: moment.date, label: formatShortDate(moment.date, language), values: [moment[measure]] }))}
            />
          ))}
          <details className="series-table">
            <summary>{t('training.dashboard.tableToggle')}</summary>
            <DataTable
              caption={t('training.dashboard.caption')}
              rowKey={(moment) => moment.date}
              rows={moments}
              columns={[
                { key: 'date', header: t('training.columns.countsUpTo'), cell: (moment) => formatShortDate(moment.date, language) },
                ...MEASURES.map((measure) => ({ key: measure, header: t(`training.columns.${measure}`), numeric: true, cell: (moment: Moment) => number(moment[measure]) })),
              ]}
            />
          </details>
        </>
      ) : (
        <ResourceStatus resource={programmes} onRetry={programmes.reload} />
      )}
    </LabelledSection>
  );
}
