import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { IsoDate } from '../../../../common/dates.ts';
import { getDisclosureQueue } from '../../api/disclosure.ts';
import { queryString } from '../../api/queryString.ts';
import type { DeliverySummary } from '../../api/types.ts';
import { Alert } from '../../components/Alert.tsx';
import { AsAtDateForm, useAsAtDate } from '../../components/AsAtDateForm.tsx';
import { ExportLinks } from '../../components/ExportLinks.tsx';
import { LabelledSection } from '../../components/LabelledSection.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { listCursors, listPageHrefs, Pagination } from '../../components/Pagination.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatLongDate } from '../../format/dates.ts';
import { fieldErrorsOf } from '../../forms/useSubmission.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { CorrectedCompanies } from './CorrectedCompanies.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { DueReviews } from './DueReviews.tsx';
import { ToDecideAgain } from './ToDecideAgain.tsx';
import { UndecidedTable } from './UndecidedTable.tsx';
import { useNextLetterDate } from './useNextLetterDate.ts';

/** What waits for a disclosure decision, for the letter at a reference date; the disclosure officer decides here. */
export function DisclosureQueuePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const nextLetterDate = useNextLetterDate();
  const start = { after: params.get('after') ?? undefined, before: params.get('before') ?? undefined, ...listCursors(params, ['reviews', 'decideAgain']) };
  return (
    <>
      <PageHeading title={t('disclosure.title')}>{t('disclosure.title')}</PageHeading>
      <p className="nl-paragraph">{t('disclosure.intro')}</p>
      {nextLetterDate ? (
        <DisclosureQueue nextLetterDate={nextLetterDate} start={start} />
      ) : (
        <p role="status" className="nl-paragraph">
          {t('common.loading')}
        </p>
      )}
    </>
  );
}

/**
 * Where the undecided (`after`, `before`), the due reviews (`reviewsAfter`, `reviewsBefore`) and those to decide
 * on again (`decideAgainAfter`, `decideAgainBefore`) start.
 */
type PageStart = Record<string, string | undefined>;

function DisclosureQueue({ nextLetterDate, start }: { nextLetterDate: IsoDate; start: PageStart }) {
  const { t } = useTranslation();
  // Counted for the next letter where the address names no date; another date starts each list at its first page.
  const asAt = useAsAtDate('referenceDate', { byDefault: nextLetterDate, restarts: Object.keys(start) });
  const referenceDate = asAt.date;
  const mayDecide = useCan()('disclosure.decide');
  const queue = useResource(JSON.stringify([referenceDate, start]), (signal) => getDisclosureQueue({ referenceDate, ...start }, signal));
  const [selected, setSelected] = useState<ReadonlyMap<string, DeliverySummary>>(new Map());
  // How many were just decided: said in the language the page shows, also after switching.
  const [decidedCount, setDecidedCount] = useState<number | null>(null);
  const data = queue.data?.data;
  // A date the API refuses (before the register's years, say) is said at the field, over the queue as it was.
  const errors = fieldErrorsOf(queue.status === 'failed' ? queue.error : undefined);

  const addressAt = (undecidedStart: PageStart) => `/openbaarmaking${queryString({ referenceDate, ...start, after: undefined, before: undefined, ...undecidedStart })}`;

  function decided(count: number) {
    setSelected(new Map());
    setDecidedCount(count);
    queue.reload();
  }

  return (
    <>
      <div role="status" className="site-notice">
        {decidedCount !== null && <Alert type="ok">{t('disclosure.decided', { count: decidedCount })}</Alert>}
      </div>
      <AsAtDateForm asAt={asAt} label={t('disclosure.referenceDate')} refusal={errors.referenceDate} />
      {!data ? (
        errors.referenceDate === undefined && <ResourceStatus resource={queue} onRetry={queue.reload} />
      ) : (
        <>
          <NeededForLetter referenceDate={data.referenceDate} count={data.neededForLetter} />
          <LabelledSection
            heading={
              data.undecided.totalIsCapped
                ? t('disclosure.undecidedHeadingMoreThan', { number: data.undecided.total })
                : t('disclosure.undecidedHeading', { count: data.undecided.total })
            }
          >
            {data.undecided.items.length === 0 ? (
              <p className="nl-paragraph">{t('disclosure.nothingUndecided')}</p>
            ) : (
              <>
                <ExportLinks list="disclosure-queue" filters={{ referenceDate: data.referenceDate }} />
                <UndecidedTable
                  items={data.undecided.items}
                  referenceDate={data.referenceDate}
                  selected={mayDecide ? selected : null}
                  onSelect={setSelected}
                  busy={queue.status === 'loading'}
                />
                <Pagination
                  previousHref={data.undecided.previous === null ? null : addressAt({ before: data.undecided.previous })}
                  nextHref={data.undecided.next === null ? null : addressAt({ after: data.undecided.next })}
                  list={t('disclosure.caption')}
                />
              </>
            )}
            {mayDecide && selected.size > 0 && (
              <p className="nl-paragraph selection-summary">
                {t('disclosure.selected', { count: selected.size })}{' '}
                <a className="utrecht-link utrecht-link--html-a" href="#besluit">
                  {t('disclosure.toDecision')}
                </a>
              </p>
            )}
          </LabelledSection>
          {mayDecide && selected.size > 0 && (
            <section id="besluit" aria-labelledby="besluit-kop" className="decision-panel">
              <h2 id="besluit-kop" className="nl-heading nl-heading--level-2">
                {t('disclosure.decisionHeading', { count: selected.size })}
              </h2>
              <DecisionForm key={[...selected.keys()].join()} deliveries={[...selected.values()]} onDecided={decided} />
            </section>
          )}
          <LabelledSection
            heading={
              data.dueForReviewPage.totalIsCapped
                ? t('disclosure.reviewsHeadingMoreThan', { number: data.dueForReviewPage.total })
                : t('disclosure.reviewsHeading', { count: data.dueForReviewPage.total })
            }
          >
            <DueReviews reviews={data.dueForReview} referenceDate={data.referenceDate} />
            <Pagination
              {...listPageHrefs('/openbaarmaking', { referenceDate, ...start }, 'reviews', data.dueForReviewPage)}
              list={t('disclosure.reviewsCaption')}
            />
          </LabelledSection>
          <ToDecideAgain
            entries={data.toDecideAgain}
            page={data.toDecideAgainPage}
            pageHrefs={listPageHrefs('/openbaarmaking', { referenceDate, ...start }, 'decideAgain', data.toDecideAgainPage)}
          />
          <CorrectedCompanies companies={data.correctedCompanies} />
        </>
      )}
    </>
  );
}

function NeededForLetter({ referenceDate, count }: { referenceDate: IsoDate; count: number }) {
  const { t } = useTranslation();
  const date = formatLongDate(referenceDate, currentLanguage());
  return (
    <p className={`nl-paragraph needed-for-letter${count > 0 ? ' needed-for-letter--open' : ''}`}>
      <strong className="needed-for-letter__count">{count}</strong> {t('disclosure.neededForLetter', { count, date })}
    </p>
  );
}
