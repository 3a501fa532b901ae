import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../../common/vocabulary/codes.ts';
import type { LifecycleDates } from '../../api/types.ts';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';

const DATE_OF: Record<LifecycleStage, keyof LifecycleDates> = {
  pledged: 'pledgedAt',
  committed: 'committedAt',
  realised: 'realisedAt',
  delivered: 'deliveredAt',
};

/** Pledged → committed → realised → delivered, each with its date once reached. */
export function LifecycleSteps({ dates, stage }: { dates: LifecycleDates; stage: LifecycleStage | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <ol className="lifecycle" aria-label={t('delivery.lifecycleLabel')}>
      {LIFECYCLE_STAGES.map((step) => {
        const date = dates[DATE_OF[step]];
        const state = step === stage ? 'current' : date ? 'done' : 'open';
        const stateText = { current: 'delivery.stepCurrent', done: 'delivery.stepDone', open: 'delivery.stepOpen' } as const;
        return (
          <li key={step} className={`lifecycle__step lifecycle__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="lifecycle__marker" aria-hidden="true">
              {state === 'open' ? '' : '✓'}
            </span>
            <span className="lifecycle__label">{t(`stages.${step}`)}</span>
            <span className="lifecycle__date">{date ? formatShortDate(date, language) : t('delivery.stepOpen')}</span>
            {state !== 'open' && <span className="rhc-visually-hidden"> ({t(stateText[state])})</span>}
          </li>
        );
      })}
    </ol>
  );
}
