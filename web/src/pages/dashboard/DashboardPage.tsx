import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../common/dates.ts';
import { AsAtDateForm, useAsAtDates } from '../../components/AsAtDateForm.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { useSearchParams } from 'wouter';
import { getFigures, getNextLetterDates, getSeries } from '../../api/figures.ts';
import type { Figures } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { fieldErrorsOf } from '../../forms/useSubmission.ts';
import { formatLongDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { EpfStatusPanel } from '../epf/EpfStatusPanel.tsx';
import { IndustryPanel } from '../industry/IndustryPanel.tsx';
import { ReplenishmentPanel } from '../readiness/ReplenishmentPanel.tsx';
import { TrainingPanel } from '../training/TrainingPanel.tsx';
import { FiguresTable } from './FiguresTable.tsx';
import { SeriesChart } from './SeriesChart.tsx';
import { SeriesTable } from './SeriesTable.tsx';
import { BudgetSection } from './BudgetSection.tsx';
import { WaitingForYou } from './WaitingForYou.tsx';

/** The month of the full-scale invasion, where the series starts, and the figures before a first letter. */
const SERIES_START = '2022-02-01';

/** The figures at the dates the address names; where it names none, at those the next letter compares. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const needsNextLetter = !params.get('referenceDate') || !params.get('compareDate');
  const nextLetter = useResource(needsNextLetter ? 'nextLetter' : 'chosen', (signal) => (needsNextLetter ? getNextLetterDates(signal) : Promise.resolve(null)));
  return (
    <>
      <PageHeading title={t('dashboard.title')}>{t('dashboard.title')}</PageHeading>
      <WaitingForYou />
      {nextLetter.status === 'ready' ? (
        <Dashboard defaults={{ referenceDate: nextLetter.data?.data.referenceDate ?? SERIES_START, compareDate: nextLetter.data?.data.compareDate ?? SERIES_START }} />
      ) : (
        <ResourceStatus resource={nextLetter} onRetry={nextLetter.reload} />
      )}
    </>
  );
}

function Dashboard({ defaults }: { defaults: { referenceDate: IsoDate; compareDate: IsoDate } }) {
  const { t } = useTranslation();
  // A date the address names that is none is sent as it is, so that the API refuses it at its field rather than the figures show another date.
  const asAt = useAsAtDates(defaults, { keepsNoDate: true });
  const { referenceDate, compareDate } = asAt.dates;
  const figures = useResource(`${referenceDate}/${compareDate}`, (signal) => getFigures(referenceDate, compareDate, signal));
  const errors = fieldErrorsOf(figures.status === 'failed' ? figures.error : undefined);
  // Where the API refuses a date (a year of five digits, which the date control lets through), nothing is shown for another date.
  const datesRefused = Object.keys(errors).length > 0;
  const referenceDateRefused = errors.referenceDate !== undefined;

  return (
    <>
      <LabelledSection heading={t('dashboard.figures.heading')} className="dashboard-section">
        <p className="nl-paragraph">{t('dashboard.figures.intro')}</p>
        <AsAtDateForm
          asAt={asAt}
          fields={[
            { param: 'referenceDate', label: t('dashboard.figures.referenceDate'), refusal: errors.referenceDate },
            { param: 'compareDate', label: t('dashboard.figures.compareDate'), refusal: errors.compareDate },
          ]}
          submit={t('dashboard.figures.show')}
          check={(typed) => getFigures(typed.referenceDate, typed.compareDate)}
        />
        {figures.status === 'ready' ? (
          <>
            <FiguresTable figures={figures.data.data} />
            <figure className="letter-quote">
              <figcaption>{t('dashboard.figures.headlineLabel')}</figcaption>
              <blockquote lang="nl" className="utrecht-blockquote">
                <p className="nl-paragraph">{figures.data.data.headline}</p>
              </blockquote>
              <p className="nl-paragraph">
                <HeadlineComparison comparedWith={figures.data.data.headlineComparedWith} />
              </p>
            </figure>
          </>
        ) : (
          !datesRefused && <ResourceStatus resource={figures} onRetry={figures.reload} />
        )}
      </LabelledSection>
      {!referenceDateRefused && <DateDependentPanels referenceDate={referenceDate} />}
    </>
  );
}

/** What the dashboard shows at the reference date beside the figures. */
function DateDependentPanels({ referenceDate }: { referenceDate: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const series = useResource(referenceDate, (signal) => getSeries(SERIES_START, referenceDate, signal));
  return (
    <>
      {can('industry.read') && <IndustryPanel referenceDate={referenceDate} />}
      {can('training.read') && <TrainingPanel referenceDate={referenceDate} />}
      {can('readiness.read') && <ReplenishmentPanel referenceDate={referenceDate} />}

      <LabelledSection heading={t('dashboard.chart.heading')} className="dashboard-section">
        <p className="nl-paragraph">{t('dashboard.chart.intro')}</p>
        {series.status === 'ready' ? (
          <>
            <SeriesChart points={series.data.data.points} />
            <SeriesTable points={series.data.data.points} />
          </>
        ) : (
          <ResourceStatus resource={series} onRetry={series.reload} />
        )}
      </LabelledSection>

      {can('epf.read') && <EpfStatusPanel date={referenceDate} />}
      <BudgetSection knownAt={referenceDate} />
    </>
  );
}

/** What the letter's sentence compares with, which is the final letter it follows whatever date the table compares with. */
function HeadlineComparison({ comparedWith }: { comparedWith: Figures['headlineComparedWith'] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (comparedWith === null) return <>{t('dashboard.figures.headlineWithoutLetter')}</>;
  return <>{t('dashboard.figures.headlineComparedWith', { date: formatLongDate(comparedWith.referenceDate, language), total: formatEuro(comparedWith.printedTotalCents, language) })}</>;
}
